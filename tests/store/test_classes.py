"""The class store: who may do what (each refusal), versions, undo, submissions, the copy
editor's compare-and-swap saves, and the `argmap class` commands."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from argmap.cli import app
from argmap.store.classes import (
    ClassStore,
    Refused,
    Role,
    Session,
    assignment_text,
    people_table,
    start_text,
)
from argmap.store.copies import CopyEditor
from argmap.store.editing import Editor, SaveConflict, _demo_text
from argmap.store.yaml_map import read_map_text
from tests.store.test_verdicts import _postgres_url as postgres_url

ROOT = Path(__file__).resolve().parents[2]
PROF_PASSWORD = "instructor pass"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ClassStore]:
    url = f"sqlite:///{tmp_path / 'class.sqlite3'}" if request.param == "sqlite" else postgres_url()
    s = ClassStore(url)
    yield s
    s.close()


def fresh(name: str) -> str:
    # The PostgreSQL database outlives one test: every class gets a name of its own.
    return f"{name} {uuid.uuid4().hex[:8]}"


def setup_class(store: ClassStore) -> tuple[str, Session, Session, Session]:
    info, prof = store.create_class(fresh("Seminar"), "demo", "Prof", PROF_PASSWORD)
    ada = store.join(info.code, "Ada", "ada's password")
    bo = store.join(info.code, "Bo", "bo's password")
    return info.code, prof, ada, bo


def refused(type_: str, call: object, *args: object, **kwargs: object) -> Refused:
    with pytest.raises(Refused) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    assert caught.value.type == type_, caught.value
    assert caught.value.problem.message  # a sentence for people, as data
    return caught.value


def test_passwords_are_hashed_never_stored(store: ClassStore) -> None:
    code, *_ = setup_class(store)
    people = people_table
    with store.engine.connect() as c:
        hashes = list(
            c.scalars(
                select(people.c.password_hash).where(
                    people.c.class_id == store.class_by_code(code).id
                )
            )
        )
    assert len(hashes) == 3
    assert all(h.startswith("$argon2id$v=19$m=19456,t=2,p=1$") for h in hashes)
    assert not any("ada's password" in h or PROF_PASSWORD in h for h in hashes)


def test_sign_in_refusals(store: ClassStore) -> None:
    code, *_ = setup_class(store)
    wrong = refused("sign_in", store.sign_in, code, "Ada", "not her password")
    unknown = refused("sign_in", store.sign_in, code, "Nobody", "ada's password")
    assert wrong.message == unknown.message  # neither name nor password is revealed
    refused("unknown", store.sign_in, "ZZZZ-ZZZZ", "Ada", "ada's password")
    # Values a database would refuse are answered like any wrong name, before it sees them.
    refused("sign_in", store.sign_in, code, "Ada\x00", "ada's password")
    refused("sign_in", store.sign_in, code, "A" * 5000, "ada's password")
    refused("sign_in", store.sign_in, code, "Ada", "ada's\x00password")
    refused("unknown", store.sign_in, "ZZZZ\x00", "Ada", "ada's password")
    assert store.sign_in(code.lower().replace("-", " "), " Ada ", "ada's password").name == "Ada"


def test_join_refusals(store: ClassStore) -> None:
    code, *_ = setup_class(store)
    refused("taken", store.join, code, "Ada", "another password")
    refused("taken", store.join, code, "Prof", "another password")  # nor the instructor's name
    refused("invalid", store.join, code, "Cy", "short")
    refused("invalid", store.join, code, "   ", "long enough pass")
    refused("invalid", store.join, code, "Cy\x00", "long enough pass")
    refused("invalid", store.join, code, "x" * 101, "long enough pass")
    refused("unknown", store.join, "NOPE-NOPE", "Cy", "long enough pass")
    taken = store.class_of(store.sign_in(code, "Ada", "ada's password")).name
    refused("taken", store.create_class, taken, "demo", "Other", PROF_PASSWORD)


def test_a_forged_or_ended_session_is_nobody(store: ClassStore) -> None:
    _, prof, ada, _ = setup_class(store)
    # The name and role in a Session are not its identity: the token is.
    forged = Session("made-up token", "Prof", Role.instructor, prof.class_id)
    refused("sign_in", store.copies, forged)
    pretending = Session(ada.token, "Prof", Role.instructor, ada.class_id)
    refused("forbidden", store.copies, pretending)  # still Ada, a student
    store.sign_out(ada)
    refused("sign_in", store.latest, ada)


def test_students_touch_only_their_own_copy(store: ClassStore) -> None:
    _, prof, ada, bo = setup_class(store)
    store.start_copy(ada, _demo_text())
    store.start_copy(bo, _demo_text())
    a2 = store.save(ada, _demo_text().replace("title: T", "title: Ada's"), seen=1)
    # There is no call that takes another student: each acts on the token's own copy.
    latest_bo = store.latest(bo)
    assert latest_bo is not None and "Ada's" not in latest_bo.text and latest_bo.number == 1
    assert a2.number == 2
    refused("forbidden", store.copies, ada)
    refused("forbidden", store.students, bo)
    # The instructor has no copy to save and cannot write into a student's.
    refused("forbidden", store.start_copy, prof, _demo_text())
    refused("forbidden", store.save, prof, _demo_text(), seen=1)
    refused("forbidden", store.submit, prof)
    refused("stale", store.start_copy, ada, _demo_text())  # started once


def test_versions_undo_and_submission(store: ClassStore) -> None:
    _, prof, ada, _ = setup_class(store)
    refused("invalid", store.submit, ada)  # nothing to submit yet
    texts = [_demo_text().replace("title: T", f"title: T{i}") for i in range(1, 4)]
    store.start_copy(ada, texts[0])
    store.save(ada, texts[1], seen=1)
    store.save(ada, texts[2], seen=2)
    refused("stale", store.save, ada, texts[0], seen=2)
    assert store.submit(ada) == 3
    back = store.undo(ada, seen=3)
    assert (back.number, back.text) == (4, texts[1])
    again = store.undo(ada, seen=4)  # undoing an undo steps further back
    assert (again.number, again.text, again.note) == (5, texts[0], "undo: back to version 1")
    refused("invalid", store.undo, ada, seen=5)
    refused("stale", store.undo, ada, seen=4)
    assert [v.number for v in store.history(ada)] == [1, 2, 3, 4, 5]
    # The instructor sees the frozen submission, not the later versions.
    (copy,) = store.copies(prof)
    assert (copy.name, copy.number, copy.text, copy.submitted) == ("Ada", 3, texts[2], True)
    refused("unknown", store.submit, ada, 9)
    assert store.submit(ada, 1) == 1
    assert store.copies(prof)[0].number == 1


def test_concurrent_saves_exactly_one_wins(store: ClassStore) -> None:
    _, _, ada, _ = setup_class(store)
    store.start_copy(ada, _demo_text())
    outcomes: list[str] = []

    def save(i: int) -> None:
        try:
            store.save(ada, _demo_text() + f"# {i}\n", seen=1)
            outcomes.append("saved")
        except Refused as exc:
            outcomes.append(exc.type)

    threads = [threading.Thread(target=save, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["saved"] + ["stale"] * 7
    assert [v.number for v in store.history(ada)] == [1, 2]


def test_copy_editor_conflict_then_merge(store: ClassStore) -> None:
    _, _, ada, _ = setup_class(store)
    store.start_copy(ada, _demo_text())
    tab1, tab2 = CopyEditor.open_copy(store, ada), CopyEditor.open_copy(store, ada)
    a = tab1.entry("claims", "a").model_dump(by_alias=True, exclude_none=True)
    b = tab2.entry("claims", "b").model_dump(by_alias=True, exclude_none=True)
    assert tab1.update("claims", "a", {**a, "statement": "A from tab 1."}) == {}
    assert tab2.update("claims", "b", {**b, "statement": "B from tab 2."}) == {}
    tab1.save()
    with pytest.raises(SaveConflict):
        tab2.save()
    assert store.latest(ada).number == 2  # type: ignore[union-attr]
    tab2.merge()
    final = read_map_text(store.latest(ada).text, "copy").map  # type: ignore[union-attr]
    assert final.claim("a").statement == "A from tab 1."
    assert final.claim("b").statement == "B from tab 2."
    assert [v.number for v in store.history(ada)] == [1, 2, 3]
    tab1.reload()
    assert tab1.number == 3 and not tab1.dirty


def test_assignment_keeps_question_and_sources_only() -> None:
    text = (ROOT / "maps" / "cybercrime-treaties.yaml").read_text(encoding="utf-8")
    reference = read_map_text(text, "ref").map
    bare = read_map_text(assignment_text(text), "assignment").map
    assert (bare.title, bare.question) == (reference.title, reference.question)
    assert bare.sources == reference.sources and bare.actors == reference.actors
    assert bare.claims == [] and bare.relations == []


def test_start_text_of_a_missing_reference(store: ClassStore, tmp_path: Path) -> None:
    info, _ = store.create_class(fresh("C"), "gone", "Prof", PROF_PASSWORD)
    refused("unknown", start_text, info, tmp_path)


def test_cli_class_lifecycle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "ref.yaml").write_text(_demo_text(), encoding="utf-8")
    monkeypatch.setenv("ARGMAP_MAPS_DIR", str(maps))
    monkeypatch.delenv("ARGMAP_DATABASE_URL", raising=False)
    runner = CliRunner()
    made = runner.invoke(app, ["class", "create", "Seminar", "--reference", "ref",
                               "--instructor", "Prof"], input=f"{PROF_PASSWORD}\n" * 2)  # fmt: skip
    assert made.exit_code == 0, made.output
    code = made.output.split("join code: ")[1].split()[0]
    assert (maps / "argmap-verdicts.sqlite3").exists()
    joined = runner.invoke(app, ["class", "join", code, "Ada"], input="ada's password\n" * 2)
    assert joined.exit_code == 0 and "version 1" in joined.output, joined.output
    mine = tmp_path / "mine.yaml"
    mine.write_text(_demo_text().replace("title: T", "title: Mine"), encoding="utf-8")
    saved = runner.invoke(app, ["class", "save", code, "Ada", str(mine)], input="ada's password\n")
    assert "saved version 2" in saved.output, saved.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("argmap: 1\ntitle: [\n", encoding="utf-8")
    bad = runner.invoke(app, ["class", "save", code, "Ada", str(broken)], input="x\n")
    assert bad.exit_code == 1 and "broken.yaml:" in bad.output
    submitted = runner.invoke(app, ["class", "submit", code, "Ada"], input="ada's password\n")
    assert "submitted version 2" in submitted.output
    # A student cannot export the class; a wrong password signs no one in.
    out = tmp_path / "out"
    denied = runner.invoke(app, ["class", "export", code, "Ada", "-o", str(out)],
                           input="ada's password\n")  # fmt: skip
    assert denied.exit_code == 1 and "forbidden" in denied.output
    wrong = runner.invoke(app, ["class", "history", code, "Ada"], input="wrong password\n")
    assert wrong.exit_code == 1 and "sign_in" in wrong.output
    exported = runner.invoke(app, ["class", "export", code, "Prof", "-o", str(out)],
                             input=f"{PROF_PASSWORD}\n")  # fmt: skip
    assert exported.exit_code == 0, exported.output
    assert "title: Mine" in (out / "ada.yaml").read_text(encoding="utf-8")
    listed = runner.invoke(app, ["class", "list"])
    assert code in listed.output and "Seminar" in listed.output
    assert os.environ.get("ARGMAP_DATABASE_URL") is None


def test_tables_created_once_by_racing_servers(tmp_path: Path) -> None:
    # Eight servers starting together on a fresh database each create the class tables.
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    errors: list[BaseException] = []

    def start() -> None:
        try:
            ClassStore(url).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert ClassStore(url).classes() == []


def test_a_copy_editor_never_writes_a_file(store: ClassStore, tmp_path: Path) -> None:
    _, _, ada, _ = setup_class(store)
    store.start_copy(ada, _demo_text())
    ed = CopyEditor.open_copy(store, ada)
    a = ed.entry("claims", "a").model_dump(by_alias=True, exclude_none=True)
    assert ed.update("claims", "a", {**a, "statement": "Mine."}) == {}
    with pytest.raises(OSError):
        Editor.save(ed)  # the file editor's save, by mistake: refused, nothing written
    assert not list(tmp_path.glob("*copy*"))
    ed.overwrite()
    assert store.latest(ada).number == 2  # type: ignore[union-attr]


def test_university_sign_in_joins_once_and_has_no_password(store: ClassStore) -> None:
    code, prof, _, _ = setup_class(store)
    first = store.sign_in_external(code, "sub-123", "Ada")  # a second Ada, from the provider
    again = store.sign_in_external(code, "sub-123", "Ada L.")
    assert first.name == again.name == "Ada (2)" and first.role is Role.student
    assert store.whoami(again).name == "Ada (2)"
    # Nobody signs in as them with a password, not even the hash's placeholder.
    refused("sign_in", store.sign_in, code, "Ada (2)", "!external")
    refused("sign_in", store.sign_in, code, "Ada (2)", "")
    refused("sign_in", store.sign_in_external, code, "", "Cy")
    refused("unknown", store.sign_in_external, "NOPE-NOPE", "sub-9", "Cy")
    assert "Ada (2)" in store.students(prof)


def test_an_instructor_sees_only_their_own_class(store: ClassStore) -> None:
    _, prof, ada, _ = setup_class(store)
    store.start_copy(ada, _demo_text())
    other_info, other_prof = store.create_class(fresh("Other"), "demo", "Kim", PROF_PASSWORD)
    assert store.copies(other_prof) == [] and store.students(other_prof) == []
    assert [c.name for c in store.copies(prof)] == ["Ada"]
    # Ada's password does not open the other class, where no Ada exists.
    refused("sign_in", store.sign_in, other_info.code, "Ada", "ada's password")


def test_database_failures_are_plain_refusals(tmp_path: Path) -> None:
    store = ClassStore(f"sqlite:///{tmp_path / 'class.sqlite3'}")
    code, _, ada, _ = setup_class(store)
    with store.engine.begin() as c:
        c.exec_driver_sql("DROP TABLE argmap_sessions")
    failure = refused("database", store.latest, ada)
    assert failure.message.startswith("could not use the class database: the database said")
    assert "SELECT" not in failure.message and "argmap_people.id" not in failure.message
    refused("database", store.sign_in, code, "Ada", "ada's password")
