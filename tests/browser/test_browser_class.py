"""A class in real browsers: an instructor and two students, each in their own browser context
(their own cookies and Streamlit session), on one app; then two app servers on one PostgreSQL.

Each student edits only their own copy; neither can reach the maps folder's editor, the
reference, the other's copy or the other's verdicts; the instructor's class map shows both.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from argmap.store.atomic import content_hash
from argmap.store.classes import ClassStore
from argmap.store.verdicts import VerdictStore
from tests.browser.conftest import (
    ROOT,
    chromium_path,
    shot,
    start_app,
    stop_app,
)

pytestmark = pytest.mark.browser

MAP = "cybercrime-treaties"
PASSWORD = "instructor pass"


def new_context(browser: Any, errors: list[str]) -> Any:
    context = browser.new_context(viewport={"width": 1440, "height": 900}, bypass_csp=True)
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(
            ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
        ) else (errors.append(route.request.url), route.abort()),
    )  # fmt: skip
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    return page


def sidebar(page: Any, name: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=name).click()


def sign_in(page: Any, url: str, code: str, name: str, password: str) -> None:
    page.goto(url)
    page.get_by_role("heading", name="Sign in").wait_for(timeout=30_000)
    form = page.locator('[data-testid="stForm"]').first
    form.get_by_label("Class code", exact=True).fill(code)
    form.get_by_label("Your name", exact=True).fill(name)
    form.get_by_label("Password", exact=True).fill(password)
    form.get_by_role("button", name="Sign in").click()
    page.get_by_text(f"Signed in as {name}").wait_for(timeout=30_000)


def join(page: Any, url: str, code: str, name: str, password: str) -> None:
    page.goto(url)
    page.get_by_role("heading", name="Sign in").wait_for(timeout=30_000)
    page.get_by_role("tab", name="Join a class").click()
    form = page.locator('[data-testid="stForm"]').nth(1)
    form.get_by_label("Class code", exact=True).fill(code)
    form.get_by_label("Your name", exact=True).fill(name)
    form.get_by_label("Choose a password", exact=True).fill(password)
    form.get_by_label("The password again", exact=True).fill(password)
    form.get_by_role("button", name="Join").click()
    page.get_by_text(f"Signed in as {name}").wait_for(timeout=30_000)


def edit_title(page: Any, title: str) -> None:
    """On My map: start the copy if need be, set its title, save a version."""
    sidebar(page, "My map")
    page.get_by_role("heading", name="My map").wait_for(timeout=30_000)
    start = page.get_by_role("button", name="Start my copy")
    page.wait_for_timeout(500)
    if start.count():
        start.click()
    page.get_by_text("Edit", exact=True).first.wait_for(timeout=30_000)
    page.get_by_text("Title and question", exact=True).click()
    field = page.get_by_label("Title", exact=True)
    field.wait_for(timeout=15_000)
    field.fill(title)
    page.get_by_role("button", name="Apply").click()
    page.get_by_text("Unsaved: changed map").wait_for(timeout=15_000)
    page.get_by_role("button", name="Save a version").click()
    page.get_by_text("Saved your copy.").wait_for(timeout=15_000)


def mark_first(page: Any, verdict: str) -> None:
    sidebar(page, "Class verdicts")
    page.get_by_role("heading", name="Class verdicts").wait_for(timeout=30_000)
    assert page.get_by_label("Your name").count() == 0  # no name to type: you are you
    page.locator('[data-testid="stButtonGroup"]').first.get_by_text(verdict, exact=True).click()
    page.wait_for_timeout(1500)


@pytest.fixture(scope="module")
def classroom(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, Path, str, str]]:
    """An app over a maps folder whose database holds one class: (url, maps, database, code)."""
    chromium_path()
    folder = tmp_path_factory.mktemp("class-maps")
    (folder / f"{MAP}.yaml").write_bytes((ROOT / "maps" / f"{MAP}.yaml").read_bytes())
    database = f"sqlite:///{folder / 'argmap-verdicts.sqlite3'}"
    store = ClassStore(database)
    info, _ = store.create_class("Seminar", MAP, "Prof", PASSWORD)
    store.close()
    saved = os.environ.pop("ARGMAP_DATABASE_URL", None)
    server = start_app(folder, tmp_path_factory.mktemp("class-log") / "streamlit.log")
    yield server.url, folder, database, info.code
    stop_app(server)
    if saved is not None:
        os.environ["ARGMAP_DATABASE_URL"] = saved


def test_instructor_and_two_students(browser: Any, classroom: tuple[str, Path, str, str]) -> None:
    # The session's one browser (a second sync Playwright in the same run cannot start),
    # three contexts: three people with nothing shared but the server.
    url, folder, database, code = classroom
    reference = (folder / f"{MAP}.yaml").read_bytes()
    errors: list[str] = []
    prof, ada, bo = (new_context(browser, errors) for _ in range(3))
    sign_in(prof, url, code, "Prof", PASSWORD)
    join(ada, url, code, "Ada", "ada's password")
    join(bo, url, code, "Bo", "bo's password")
    shot(ada, "class-student-account")

    # A student's pages: no editor of the maps folder, no import into it.
    links = ada.locator('[data-testid="stSidebarNav"]').get_by_role("link")
    titles = [t.strip() for t in links.all_inner_texts()]
    assert "My map" in titles and "Map" in titles
    assert "Edit" not in titles and "Import and export" not in titles and "Class map" not in titles

    edit_title(ada, "Ada's reading of the treaties")
    shot(ada, "class-my-map")
    edit_title(bo, "Bo's reading of the treaties")

    # Each saved only their own copy; the reference file is untouched.
    store = ClassStore(database)
    a = store.sign_in(code, "Ada", "ada's password")
    b = store.sign_in(code, "Bo", "bo's password")
    latest_a, latest_b = store.latest(a), store.latest(b)
    assert latest_a is not None and latest_b is not None
    assert "Ada's reading" in latest_a.text and "Bo's" not in latest_a.text
    assert "Bo's reading" in latest_b.text and "Ada's" not in latest_b.text
    assert (folder / f"{MAP}.yaml").read_bytes() == reference
    assert content_hash((folder / f"{MAP}.yaml").read_bytes()) == content_hash(reference)

    # Verdicts belong to whoever is signed in: no name field, no name from the URL.
    mark_first(ada, "Accept")
    mark_first(bo, "Reject")
    shot(bo, "class-verdicts-student")
    marks = VerdictStore(database).marks(MAP, room=f"class-{store.class_of(a).id}")
    assert {(m.participant, m.verdict.value) for m in marks} == {
        ("Ada", "accept"), ("Bo", "reject")
    }  # fmt: skip

    # A reload keeps her signed in (the session's token, in this site's cookie), and the
    # instructor's page opened by its URL is not hers to see.
    ada.reload()
    sidebar(ada, "Account")
    ada.get_by_text("Signed in as Ada, student of Seminar").wait_for(timeout=30_000)
    cookie = next(c for c in ada.context.cookies() if c["name"] == "argmap_session")
    assert cookie["sameSite"] == "Strict" and cookie["path"] == "/" and cookie["expires"] == -1
    ada.goto(f"{url}/class_map")
    ada.get_by_text("Page not found").wait_for(timeout=30_000)  # Streamlit's: not in her pages
    assert ada.get_by_text("Rubric").count() == 0
    ada.keyboard.press("Escape")
    ada.get_by_text("Page not found").wait_for(state="hidden", timeout=10_000)
    # Signed out, a reload stays signed out: the token is ended and the cookie cleared.
    sidebar(ada, "Account")
    ada.get_by_role("button", name="Sign out", exact=True).click()
    ada.get_by_role("heading", name="Sign in").wait_for(timeout=30_000)
    ada.wait_for_timeout(1000)
    assert not [c for c in ada.context.cookies() if c["name"] == "argmap_session"]
    ada.reload()
    ada.get_by_role("heading", name="Sign in").wait_for(timeout=30_000)
    # A token the store does not know (forged, or ended) signs no one in, and is forgotten.
    ada.context.add_cookies([{"name": "argmap_session", "value": "forged", "url": url}])
    ada.reload()
    ada.get_by_role("heading", name="Sign in").wait_for(timeout=30_000)
    ada.wait_for_timeout(1000)
    assert not [c for c in ada.context.cookies() if c["name"] == "argmap_session"]

    # The instructor's class map shows both students.
    sidebar(prof, "Class map")
    prof.get_by_role("heading", name="Class: Seminar").wait_for(timeout=30_000)
    table = prof.locator('[data-testid="stTable"]')
    table.get_by_text("Ada", exact=True).wait_for(timeout=60_000)
    table.get_by_text("Bo", exact=True).wait_for(timeout=15_000)
    prof.get_by_text("Rubric:").wait_for()
    shot(prof, "class-instructor")
    store.close()
    for person in (prof, ada, bo):
        person.context.close()
    assert errors == []


def test_two_servers_on_one_postgresql(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A student on one app server, her instructor on another: both see the same class."""
    import uuid

    from tests.store.test_verdicts import _postgres_url

    url = _postgres_url()
    chromium_path()
    folder = tmp_path_factory.mktemp("pg-class-maps")
    (folder / f"{MAP}.yaml").write_bytes((ROOT / "maps" / f"{MAP}.yaml").read_bytes())
    name = f"Seminar {uuid.uuid4().hex[:8]}"
    store = ClassStore(url)
    info, _ = store.create_class(name, MAP, "Prof", PASSWORD)
    saved = os.environ.get("ARGMAP_DATABASE_URL")
    os.environ["ARGMAP_DATABASE_URL"] = url
    try:
        logs = tmp_path_factory.mktemp("pg-class-log")
        one = start_app(folder, logs / "one.log")
        two = start_app(folder, logs / "two.log")
    finally:
        if saved is None:
            os.environ.pop("ARGMAP_DATABASE_URL", None)
        else:
            os.environ["ARGMAP_DATABASE_URL"] = saved
    errors: list[str] = []
    try:
        ada, prof = new_context(browser, errors), new_context(browser, errors)
        join(ada, one.url, info.code, "Ada", "ada's password")
        edit_title(ada, "Ada on server one")
        mark_first(ada, "Accept")
        sign_in(prof, two.url, info.code, "Prof", PASSWORD)
        # Her save, made on server one, is in the class map of server two.
        sidebar(prof, "Class map")
        prof.locator('[data-testid="stTable"]').get_by_text("Ada", exact=True).wait_for(
            timeout=60_000
        )
        # Her verdict too; and the instructor's, made on server two, is seen on server one.
        sidebar(prof, "Class verdicts")
        prof.get_by_role("tab", name="Class view").click()
        prof.get_by_text("Ada", exact=False).first.wait_for(timeout=30_000)
        prof.get_by_role("tab", name="Mark claims").click()
        prof.locator('[data-testid="stButtonGroup"]').first.get_by_text(
            "Reject", exact=True
        ).click()
        prof.wait_for_timeout(1500)
        ada.get_by_role("tab", name="Class view").click()
        ada.get_by_role("button", name="Refresh").click()
        ada.get_by_text("2 participants").wait_for(timeout=30_000)
        shot(ada, "class-two-servers-verdicts")
        ada.context.close()
        prof.context.close()
    finally:
        stop_app(one)
        stop_app(two)
    a = store.sign_in(info.code, "Ada", "ada's password")
    latest = store.latest(a)
    assert latest is not None and "Ada on server one" in latest.text
    store.close()
    assert errors == []
