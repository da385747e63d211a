"""Editing in a real browser (its own app on a writable copy of a map), and the standalone HTML
export opened from disk with no network, its Content Security Policy in force."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from argmap.products.standalone import generate_html
from argmap.store.yaml_map import read_map
from tests.browser.conftest import (
    Watch,
    chromium_path,
    shot,
    start_app,
    stop_app,
)
from tests.support import FIXTURES

pytestmark = pytest.mark.browser

OLD = "A broad UN treaty risks legitimising surveillance of journalists and dissidents."
NEW = "A broad UN treaty could shield repression of journalists."


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """An app of its own over a copy of the mini map, so saving touches no shared fixture."""
    chromium_path()
    folder = tmp_path_factory.mktemp("editable-maps")
    shutil.copy(FIXTURES / "mini.yaml", folder / "mini.yaml")
    server = start_app(folder, tmp_path_factory.mktemp("edit-log") / "streamlit.log")
    yield server.url, folder / "mini.yaml"
    stop_app(server)


def test_edit_save_and_see_it_on_the_map(
    page: Any, writable: tuple[str, Path], watch: Watch
) -> None:
    url, path = writable
    before = path.read_text(encoding="utf-8")
    # In through the navigation, as a person does (a deep /edit URL makes Streamlit probe
    # /edit/_stcore/... first, which 404s in the console).
    page.goto(f"{url}/?map=mini")
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Edit").click()
    page.get_by_text("No unsaved changes.").wait_for(timeout=30_000)
    picker = page.get_by_label("Claim", exact=True)
    picker.click()
    picker.fill("rights-risk")
    page.keyboard.press("Enter")
    # Until the rerun ends, the form of a new claim may still be on the page beside this one.
    page.wait_for_function(
        """old => {
            const areas = document.querySelectorAll('textarea[aria-label="Statement"]');
            return areas.length === 1 && areas[0].value === old;
        }""",
        arg=OLD,
        timeout=15_000,
    )
    page.get_by_label("Statement", exact=True).fill(NEW)
    page.get_by_role("button", name="Apply").click()
    page.get_by_text("Unsaved: changed claim rights-risk").wait_for(timeout=15_000)
    assert path.read_text(encoding="utf-8") == before  # applied is not saved
    page.get_by_role("button", name="Save to file").click()
    page.get_by_text("Saved mini.yaml").wait_for(timeout=15_000)
    shot(page, "edit-saved")
    after = path.read_text(encoding="utf-8")
    assert after == before.replace(OLD, NEW)
    assert read_map(path).map.claim("rights-risk").statement == NEW
    # The map page reads the new file (its caches are keyed on the content).
    page.goto(f"{url}/?map=mini&claim=rights-risk")
    page.locator(".st-key-detail").get_by_text(NEW, exact=True).wait_for(timeout=30_000)
    shot(page, "edit-map-after-save")
    watch.assert_clean()


@pytest.fixture
def offline_page(browser: Any) -> Iterator[tuple[Any, Watch]]:
    """A page that may open file:// but nothing else; the page's own CSP is not bypassed."""
    from playwright.sync_api import Browser, Route

    assert isinstance(browser, Browser)
    watch = Watch()
    context = browser.new_context(viewport={"width": 1400, "height": 900})

    def route(route: Route) -> None:
        if route.request.url.startswith(("file://", "data:", "blob:", "about:")):
            route.continue_()
        else:
            watch.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and watch.errors.append(m.text))
    page.on("pageerror", lambda exc: watch.errors.append(f"page error: {exc}"))
    page.on(
        "request",
        lambda r: None if r.url.startswith("file://") else watch.blocked.append(r.url),
    )
    yield page, watch
    context.close()


def open_standalone(page: Any, tmp_path: Path, fixture: str) -> Any:
    m = read_map(FIXTURES / fixture).map
    target = tmp_path / f"{Path(fixture).stem}.html"
    target.write_text(generate_html(m), encoding="utf-8")
    page.goto(target.as_uri())
    page.locator("body[data-argmap-drawn='1']").wait_for(state="attached", timeout=15_000)
    return m


def click_node(page: Any, claim: str) -> None:
    page.evaluate("id => window.__argmapShow(id)", claim)  # unfold it: a promise, awaited
    page.evaluate("id => { window.__cy.center(window.__cy.getElementById(id)); }", claim)
    page.wait_for_timeout(100)
    pos = page.evaluate("id => window.__cy.getElementById(id).renderedPosition()", claim)
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])


def selected_soon(page: Any, timeout_s: float = 5.0) -> list[str]:
    """The selected nodes, once the graph has caught up with the panel (messages are async).

    Polled from Python: the page's CSP forbids the string evaluation wait_for_function uses.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        found = page.evaluate("() => window.__cy.$('.selected').map(n => n.id())")
        if found != ["rights-risk"] or time.monotonic() > deadline:
            return list(found)
        page.wait_for_timeout(50)


def test_standalone_html_offline_click_shows_quote(
    offline_page: tuple[Any, Watch], tmp_path: Path
) -> None:
    page, watch = offline_page
    m = open_standalone(page, tmp_path, "mini.yaml")
    drawn = page.evaluate("window.__cy.nodes('.claim').map(n => n.id())")
    assert sorted(drawn) == sorted(c.id for c in m.claims)
    assert page.locator("#side h1").inner_text() == m.title
    click_node(page, "rights-risk")
    side = page.locator("#side")
    side.locator("blockquote").get_by_text("a tool for repression").wait_for(timeout=5_000)
    text = side.inner_text()
    assert OLD in text and "Rights groups on the draft treaty" in text
    assert "Fixture Rights Watch" in text
    # A neighbour in the panel goes there, and the graph follows.
    side.get_by_role("button", name="Strong human-rights safeguards", exact=False).first.click()
    side.locator("blockquote").get_by_text("safeguards will be included").wait_for(timeout=5_000)
    assert selected_soon(page) == ["safeguards-possible"]
    shot(page, "standalone-mini")
    assert watch.blocked == [] and watch.errors == []


def test_standalone_html_hostile_text_stays_text(
    offline_page: tuple[Any, Watch], tmp_path: Path
) -> None:
    page, watch = offline_page
    m = open_standalone(page, tmp_path, "hostile.yaml")
    assert page.evaluate("window.__cy.nodes('.claim').length") == len(m.claims)
    assert page.title() == m.title
    click_node(page, "evil-support")
    side = page.locator("#side")
    quote = m.claim("evil-support").quote
    side.locator("blockquote").get_by_text(quote, exact=True).wait_for(timeout=5_000)
    assert m.claim("evil-support").statement in side.inner_text()
    assert side.locator("script, img, svg, iframe").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shot(page, "standalone-hostile")
    assert watch.blocked == [] and watch.errors == []


def _edit_claim(page: Any, url: str, claim: str, old: str, new: str) -> None:
    """Open the Edit page, change ``claim``'s statement and apply it (not yet saved)."""
    page.goto(f"{url}/?map=mini")
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Edit").click()
    page.get_by_text("No unsaved changes.").wait_for(timeout=30_000)
    picker = page.get_by_label("Claim", exact=True)
    picker.click()
    picker.fill(claim)
    page.keyboard.press("Enter")
    page.wait_for_function(
        """old => {
            const areas = document.querySelectorAll('textarea[aria-label="Statement"]');
            return areas.length === 1 && areas[0].value === old;
        }""",
        arg=old,
        timeout=15_000,
    )
    page.get_by_label("Statement", exact=True).fill(new)
    page.get_by_role("button", name="Apply").click()
    page.get_by_text(f"Unsaved: changed claim {claim}").wait_for(timeout=15_000)


def test_two_editors_saving_at_once_one_is_refused_and_merges(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from tests.browser.conftest import watched_page

    folder = tmp_path_factory.mktemp("two-editors")
    shutil.copy(FIXTURES / "mini.yaml", folder / "mini.yaml")
    path = folder / "mini.yaml"
    server = start_app(folder, tmp_path_factory.mktemp("two-log") / "streamlit.log")
    watch = Watch()
    pages = [watched_page(browser, watch, 1400, 1000) for _ in range(2)]
    try:
        ada, bo = (next(p) for p in pages)
        works = "The Budapest Convention already speeds up cross-border requests for evidence."
        open_ = (
            "Any state may accede to the Budapest Convention, and states outside Europe have "
            "done so."
        )
        _edit_claim(ada, server.url, "budapest-works", works, "Ada's words.")
        _edit_claim(bo, server.url, "open-to-all", open_, "Bo's words.")
        # Both press Save at once; the server runs both reruns side by side.
        for who in (ada, bo):
            who.get_by_role("button", name="Save to file").click(no_wait_after=True)
        saved, refused = [], []
        for who in (ada, bo):
            outcome = who.locator(
                "text=/Saved mini.yaml|changed on disk since you opened it/"
            ).first
            outcome.wait_for(timeout=30_000)
            (saved if "Saved" in outcome.inner_text() else refused).append(who)
        assert len(saved) == 1 and len(refused) == 1, "exactly one save is refused"
        shot(refused[0], "edit-two-editors-refused")
        refused[0].get_by_role("button", name="Merge (keep both)").click()
        refused[0].get_by_text("Merged: your changes and theirs are in the file.").wait_for(
            timeout=30_000
        )
        m = read_map(path).map
        assert m.claim("budapest-works").statement == "Ada's words."
        assert m.claim("open-to-all").statement == "Bo's words."
        assert not list(folder.glob(".mini.yaml.*.tmp"))
        watch.assert_clean()
    finally:
        for p in pages:
            p.close()
        stop_app(server)
