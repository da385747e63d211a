"""Classes in the app under Streamlit's AppTest: no class, no sign-in; with one, sign-in first,
pages by role, a student's own copy, verdicts by the signed-in person, the instructor's page."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from argmap.app.classroom import SESSION
from argmap.app.main import page_path
from argmap.store.classes import ClassStore
from argmap.store.verdicts import VerdictStore
from argmap.store.yaml_map import read_map_text

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "support" / "fixtures"
PASSWORD = "instructor pass"


@pytest.fixture
def maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(FIXTURES / "mini.yaml", tmp_path / "mini.yaml")
    monkeypatch.setenv("ARGMAP_MAPS_DIR", str(tmp_path))
    monkeypatch.delenv("ARGMAP_DATABASE_URL", raising=False)
    return tmp_path


def database(maps: Path) -> str:
    return f"sqlite:///{maps / 'argmap-verdicts.sqlite3'}"


@pytest.fixture
def code(maps: Path) -> str:
    store = ClassStore(database(maps))
    info, _ = store.create_class("Seminar", "mini", "Prof", PASSWORD)
    store.close()
    return info.code


def start(page: str | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    if page:
        at.switch_page(page_path(page))
    at.run()
    assert not at.exception, at.exception
    return at


def text_input(at: AppTest, key: str) -> Any:
    return at.text_input(key=key)


def sign_in(at: AppTest, code: str, name: str, password: str) -> AppTest:
    at.text_input(key="si_code").input(code)
    at.text_input(key="si_name").input(name)
    at.text_input(key="si_password").input(password)
    next(b for b in at.button if b.label == "Sign in").click().run()
    assert not at.exception, at.exception
    return at


def join(at: AppTest, code: str, name: str, password: str) -> AppTest:
    at.text_input(key="jn_code").input(code)
    at.text_input(key="jn_name").input(name)
    at.text_input(key="jn_password").input(password)
    at.text_input(key="jn_again").input(password)
    next(b for b in at.button if b.label == "Join").click().run()
    assert not at.exception, at.exception
    return at


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(page_path(page)).run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in (*at.markdown, *at.caption, *at.title, *at.error, *at.info)]
    return " | ".join(str(p).replace("\\", "") for p in parts)


def test_no_class_no_sign_in_and_no_database_made(maps: Path) -> None:
    at = start()
    assert "Sign in" not in [t.value for t in at.title]
    goto(at, "edit")
    assert at.title[0].value == "Edit the map"
    goto(at, "verdicts")
    assert text_input(at, "verdict_name") is not None  # one person names themself
    # No class store was made just to look for classes (the verdicts page makes its own).
    assert ClassStore(database(maps)).classes() == []


def test_sign_in_first_and_refusals_shown(maps: Path, code: str) -> None:
    at = start()
    assert at.title[0].value == "Sign in"
    sign_in(at, code, "Prof", "wrong password")
    assert "do not match" in texts(at)
    join(at, code, "Ada", "short")
    assert "password has 8" in texts(at)
    join(at, code, "Prof", "a long password")
    assert "already called" in texts(at)
    sign_in(at, code, "Prof", PASSWORD)
    assert "Signed in as Prof, instructor of Seminar" in texts(at)


def test_a_student_edits_her_own_copy(maps: Path, code: str) -> None:
    reference = (maps / "mini.yaml").read_bytes()
    at = start()
    join(at, code, "Ada", "ada's password")
    assert "Signed in as Ada, student of Seminar" in texts(at)
    goto(at, "edit")
    assert at.title[0].value == "My map"
    next(b for b in at.button if b.label == "Start my copy").click().run()
    at.radio(key="edit_section").set_value("map").run()
    title = next(t for t in at.text_input if t.label == "Title")
    title.set_value("Ada's map")
    next(b for b in at.button if b.label == "Apply").click().run()
    next(b for b in at.button if b.label == "Save a version").click().run()
    assert not at.exception, at.exception
    assert "Saved your copy" in " ".join(s.value for s in at.success)
    store = ClassStore(database(maps))
    ada = store.sign_in(code, "Ada", "ada's password")
    assert store.latest(ada).number == 2  # type: ignore[union-attr]
    assert "title: Ada's map" in store.latest(ada).text  # type: ignore[union-attr]
    assert (maps / "mini.yaml").read_bytes() == reference  # the reference is untouched
    labels = [d.proto.label for d in at.get("download_button")]
    assert "Download version 2" in labels  # to open on the Map page and see it drawn
    next(b for b in at.button if b.label == "Submit version 2").click().run()
    assert store.submitted(ada) == 2
    next(b for b in at.button if b.label == "Go back one version").click().run()
    assert store.latest(ada).number == 3  # type: ignore[union-attr]
    assert "title: Ada's map" not in store.latest(ada).text  # type: ignore[union-attr]
    # Verdicts: hers, with no name to type; a name in the URL changes nothing.
    goto(at, "verdicts")
    assert not [t for t in at.text_input if t.key == "verdict_name"]
    assert "Marking as **Ada**" in " ".join(c.value for c in at.caption)
    # The instructor's page is not hers: it is not among her pages...
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(page_path("class_map"))
    # ... and, run on its own with her session, it refuses her.
    page = AppTest.from_file(page_path("class_map"), default_timeout=60)
    page.session_state[SESSION] = ada
    page.run()
    assert not page.exception, page.exception
    assert [e.value for e in page.error] == ["The class map is the class's instructor's only."]
    assert not page.table


def test_a_name_in_the_url_is_no_identity(maps: Path, code: str) -> None:
    at = start(name="Prof")
    join(at, code, "Bo", "bo's password")
    goto(at, "verdicts")
    assert not [t for t in at.text_input if t.key == "verdict_name"]
    at.get("button_group")[0].set_value("accept").run()
    assert not at.exception, at.exception
    assert "name" not in at.query_params
    marks = VerdictStore(database(maps)).marks("mini", room="class-1")
    assert [(m.participant, m.verdict.value) for m in marks] == [("Bo", "accept")]


def test_the_instructor_sees_the_class(maps: Path, code: str) -> None:
    store = ClassStore(database(maps))
    reference = (maps / "mini.yaml").read_text(encoding="utf-8")
    thesis = next(c for c in read_map_text(reference, "mini").map.claims if c.kind == "thesis")
    for name in ("Ada", "Bo"):
        who = store.join(code, name, f"{name} password!")
        store.start_copy(who, reference)
    bo = store.sign_in(code, "Bo", "Bo password!")
    # Bo words the thesis and its quote otherwise, under its id renamed: it no longer matches.
    changed = reference.replace(thesis.statement, "Something else entirely.")
    changed = changed.replace(thesis.quote, "Other words.").replace(f"{thesis.id}", "bo-thesis")
    store.save(bo, changed, seen=1)
    at = start()
    sign_in(at, code, "Prof", PASSWORD)
    goto(at, "class_map")
    assert at.title[0].value == "Class: Seminar"
    table = at.table[0].value
    assert list(table.index) == ["Ada", "Bo"]
    assert table["score"].iloc[0] == "1.00" and float(table["score"].iloc[1]) < 1
    assert any("Rubric" in c.value for c in at.caption)
    at.selectbox(key="class-student").set_value("Bo").run()
    assert not at.exception, at.exception
    feedback = texts(at)
    assert "Bo: score" in feedback and "Theses missing" in feedback
    assert thesis.statement.rstrip(".") in feedback


def test_university_sign_in_offered_only_when_configured(maps: Path, code: str) -> None:
    at = start()
    assert [t.label for t in at.tabs] == ["Sign in", "Join a class"]
    assert not [b for b in at.button if b.label == "Sign in with your university"]
    configured = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    configured.secrets["auth"] = {
        "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
        "cookie_secret": "a test secret",
        "client_id": "argmap",
        "client_secret": "x",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
    }
    configured.run()
    assert not configured.exception, configured.exception
    assert [t.label for t in configured.tabs] == ["University sign-in", "Sign in", "Join a class"]
    assert [b for b in configured.button if b.label == "Sign in with your university"]


def test_an_unreachable_class_database_is_a_plain_message(
    maps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_DATABASE_URL", "postgresql://argmap@127.0.0.1:1/none")
    at = start()
    (error,) = at.error
    message = error.value.replace("\\", "")
    assert message.startswith("The class database cannot be used: could not open")
    assert "Connection refused" in message
    assert "SELECT" not in message and "[SQL" not in message


def test_start_a_class_from_the_app(maps: Path) -> None:
    at = start("class_setup")
    assert at.title[0].value == "Start a class"
    at.text_input(key="cs_name").set_value("Tuesday seminar")
    at.selectbox(key="cs_reference").set_value("mini")
    at.radio(key="cs_start").set_value("assignment")
    at.text_input(key="cs_instructor").set_value("Dr Lee")
    at.text_input(key="cs_password").set_value("short")
    at.text_input(key="cs_again").set_value("short")
    next(b for b in at.button if b.label == "Create the class").click().run()
    assert "password has 8" in texts(at)
    at.text_input(key="cs_password").set_value("a good password")
    at.text_input(key="cs_again").set_value("a good password")
    next(b for b in at.button if b.label == "Create the class").click().run()
    assert not at.exception, at.exception
    assert "Signed in as Dr Lee, instructor of Tuesday seminar" in texts(at)
    (info,) = ClassStore(database(maps)).classes()
    assert (info.name, info.reference, info.start.value) == (
        "Tuesday seminar",
        "mini",
        "assignment",
    )
    assert info.code in texts(at)
    # Now a class exists: a new visitor meets the sign-in page, and no "Start a class".
    fresh = start()
    assert fresh.title[0].value == "Sign in"


def test_an_assignment_starts_from_the_question_and_sources(maps: Path) -> None:
    store = ClassStore(database(maps))
    info, _ = store.create_class("Assigned", "mini", "Prof", PASSWORD, start="assignment")
    at = start()
    join(at, info.code, "Ada", "ada's password")
    goto(at, "edit")
    assert "question, sources and actors only" in texts(at)
    next(b for b in at.button if b.label == "Start my copy").click().run()
    assert not at.exception, at.exception
    ada = store.sign_in(info.code, "Ada", "ada's password")
    copy = read_map_text(store.latest(ada).text, "copy").map  # type: ignore[union-attr]
    reference = read_map_text((maps / "mini.yaml").read_text(encoding="utf-8"), "mini").map
    assert copy.question == reference.question and copy.sources == reference.sources
    assert copy.claims == [] and copy.relations == []
    # The Edit page now edits that copy: no claims yet, one to add.
    assert at.selectbox(key="edit_entry_claims").options == ["+ New claim"]
