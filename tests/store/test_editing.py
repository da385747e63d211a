"""Editing a map file: validated edits, renames, removal policy, undo, atomic saves, conflicts."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from argmap.store import atomic
from argmap.store.atomic import content_hash
from argmap.store.editing import Editor, MergeRefused, SaveConflict
from argmap.store.yaml_map import read_map
from tests.conftest import SMALL_MAP


def values(ed: Editor, section: Any, entry_id: str, **changes: Any) -> dict[str, Any]:
    """An entry as a form would send it (every field), with ``changes``."""
    data = ed.entry(section, entry_id).model_dump(by_alias=True)
    return {**data, **changes}


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    a, b = before.splitlines(), after.splitlines()
    assert len(a) == len(b), "lines were added or removed"
    return [(x, y) for x, y in zip(a, b, strict=True) if x != y]


def test_edit_changes_only_that_line(small_map_file: Path) -> None:
    ed = Editor.open(small_map_file)
    assert ed.update("claims", "join", values(ed, "claims", "join", statement="Join now.")) == {}
    assert ed.dirty and [str(c) for c in ed.changes()] == ["changed claim join"]
    new_hash = ed.save()
    after = small_map_file.read_text(encoding="utf-8")
    assert changed_lines(SMALL_MAP, after) == [
        ("    statement: We should join.", "    statement: Join now.")
    ]
    assert new_hash == content_hash(after.encode()) and not ed.dirty


def test_bad_edits_are_refused_with_field_errors(small_map_file: Path) -> None:
    ed = Editor.open(small_map_file)
    before = ed.map
    errors = ed.update("claims", "join", values(ed, "claims", "join", actor="gvo", kind="thesys"))
    assert set(errors) == {"kind"}  # structure first, as in a file
    assert "'thesys' is not allowed; did you mean 'thesis'?" in errors["kind"]
    errors = ed.update("claims", "join", values(ed, "claims", "join", actor="gvo"))
    assert errors == {
        "actor": "unknown actor 'gvo'; did you mean 'gov'? (expected the id of an entry under "
        "actors:)"
    }
    errors = ed.add("claims", {"id": "Bad Id", "statement": "", "source": "article-2011"})
    assert "not a valid id" in errors["id"] and "e.g. 'bad-id'" in errors["id"]
    assert errors["statement"].startswith("missing required field 'statement'")
    assert "actor" in errors and "quote" in errors
    errors = ed.add("relations", {"id": "r-self", "type": "attacks", "from": "join", "to": "join"})
    assert errors == {"to": "claim 'join' cannot attack itself"}
    errors = ed.add("relations", {"id": "r-u", "type": "undercuts", "from": "join", "to": "join"})
    assert "an undercut must target a relation" in errors["to"]
    assert ed.add("sources", {"id": "join", "title": "T", "kind": "paper"}) == {
        "id": "the id 'join' is already used; ids must be unique in the map"
    }
    bad_source = values(ed, "sources", "article-2011", date="2011-13", url="ftp://x")
    errors = ed.update("sources", "article-2011", bad_source)
    assert "not a real date" in errors["date"] and "http" in errors["url"]
    assert ed.map is before and not ed.history


def test_add_update_remove_every_kind(small_map_file: Path) -> None:
    ed = Editor.open(small_map_file)
    assert (
        ed.add("sources", {"id": "blog", "title": "A blog", "kind": "blog", "authors": ["X"]}) == {}
    )
    assert ed.add("actors", {"id": "x", "name": "X", "kind": "person", "sources": ["blog"]}) == {}
    claim = {"id": "new", "statement": "New.", "source": "blog", "actor": "x", "quote": "new",
             "tags": ["a-tag"], "base_score": 0.7, "note": ""}  # fmt: skip
    assert ed.add("claims", claim) == {}
    assert (
        ed.add("relations", {"id": "r-new", "type": "supports", "from": "new", "to": "join"}) == {}
    )
    assert ed.update("actors", "x", values(ed, "actors", "x", name="Xavier")) == {}
    ed.save()
    m = read_map(small_map_file).map
    assert m.claim("new").base_score == 0.7 and m.claim("new").note is None
    assert m.actor("x").name == "Xavier" and m.relation("r-new").to == "join"
    # Sources and actors in use cannot go; claims can, with their relations if asked.
    assert "claims use it: new" in ed.remove("actors", "x")["id"]
    assert "actors and claims use it: x, new" in ed.remove("sources", "blog")["id"]
    assert ed.remove("claims", "new", cascade=True) == {}
    assert ed.remove("actors", "x") == {} and ed.remove("sources", "blog") == {}
    ed.save()
    assert small_map_file.read_text(encoding="utf-8") == SMALL_MAP  # back, comments and all


def test_remove_cascades_through_undercuts(small_map_file: Path) -> None:
    ed = Editor.open(small_map_file)
    assert ed.remove("claims", "too-costly") == {
        "id": "relations use it: r-cost; remove them first, or remove them with it"
    }
    assert ed.remove("relations", "r-cost")["id"].startswith("relations use it: r-cheap")
    assert ed.remove("claims", "too-costly", cascade=True) == {}
    assert [r.id for r in ed.map.relations] == []  # r-cost, and r-cheap which undercut it
    assert ed.undo() and [r.id for r in ed.map.relations] == ["r-cost", "r-cheap"]


def test_rename_follows_references(small_map_file: Path) -> None:
    ed = Editor.open(small_map_file)
    assert ed.update("claims", "too-costly", values(ed, "claims", "too-costly", id="cost")) == {}
    assert ed.update("sources", "paper-2011", values(ed, "sources", "paper-2011", id="p")) == {}
    assert ed.map.relation("r-cost").from_ == "cost"
    assert ed.map.actor("jo").sources == ["p"] and ed.map.claim("cost").source == "p"
    errors = ed.update("claims", "cost", values(ed, "claims", "cost", id="join"))
    assert errors == {"id": "the id 'join' is already used; ids must be unique"}
    ed.save()
    assert read_map(small_map_file).map.relation("r-cost").from_ == "cost"


def test_undo_steps_back_and_is_bounded(small_map_file: Path) -> None:
    ed = Editor.open(small_map_file)
    original = ed.map
    for n in range(60):
        assert ed.update("claims", "join", values(ed, "claims", "join", statement=f"S{n}.")) == {}
    assert len(ed.history) == 50
    assert ed.undo() and ed.map.claim("join").statement == "S58."
    while ed.undo():
        pass
    assert ed.map.claim("join").statement == "S9." and ed.map != original
    assert ed.update_info({"title": "New title", "question": "Q?", "description": ""}) == {}
    assert ed.map.title == "New title" and ed.map.description is None
    assert "question" in ed.update_info({"title": "T", "question": " "})


def test_save_interrupted_mid_write_leaves_the_old_file(
    small_map_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ed = Editor.open(small_map_file)
    ed.update("claims", "join", values(ed, "claims", "join", statement="Half written."))

    real_fdopen = os.fdopen

    class Crash(Exception):
        pass

    class HalfWriter:
        """Writes half of what it is given, then the 'process dies'."""

        def __init__(self, fd: int, mode: str) -> None:
            self.handle = real_fdopen(fd, mode)

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> None:
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise Crash

    monkeypatch.setattr(atomic.os, "fdopen", HalfWriter)
    with pytest.raises(Crash):
        ed.save()
    monkeypatch.setattr(atomic.os, "fdopen", real_fdopen)
    assert small_map_file.read_text(encoding="utf-8") == SMALL_MAP
    # No temporary file is left; the save's (empty) lock file stays for the next save.
    assert sorted(p.name for p in small_map_file.parent.iterdir()) == [
        ".small.yaml.lock",
        "small.yaml",
    ]
    assert ed.dirty  # nothing is lost: the edit is still pending and saves now
    ed.save()
    assert "Half written." in small_map_file.read_text(encoding="utf-8")


def test_two_writers_nothing_lost(small_map_file: Path) -> None:
    a, b = Editor.open(small_map_file), Editor.open(small_map_file)
    assert a.update("claims", "join", values(a, "claims", "join", statement="A's words.")) == {}
    assert b.update("claims", "cheap-enough",
                    values(b, "claims", "cheap-enough", statement="B's words.")) == {}  # fmt: skip
    assert b.add("relations", {"id": "r-b", "type": "supports", "from": "cheap-enough",
                               "to": "join"}) == {}  # fmt: skip
    a.save()
    after_a = small_map_file.read_text(encoding="utf-8")
    with pytest.raises(SaveConflict) as caught:
        b.save()
    conflict = caught.value
    assert small_map_file.read_text(encoding="utf-8") == after_a  # B overwrote nothing
    assert conflict.disk_text == after_a and conflict.pending == b.map
    assert [str(c) for c in conflict.theirs] == ["changed claim join"]
    assert not conflict.conflicts and "Merging keeps both" in str(conflict)
    b.merge()
    final = small_map_file.read_text(encoding="utf-8")
    assert "A's words." in final and "B's words." in final and "id: r-b" in final
    assert "# Known only through the article." in final and "# a trailing comment" in final
    m = read_map(small_map_file).map
    assert [r.id for r in m.relations] == ["r-cost", "r-cheap", "r-b"]
    # A is behind now; its next save is refused too, and merges.
    a.update("claims", "too-costly", values(a, "claims", "too-costly", statement="A again."))
    with pytest.raises(SaveConflict):
        a.save()
    a.merge()
    m = read_map(small_map_file).map
    assert m.claim("too-costly").statement == "A again." and m.claim("cheap-enough").statement == (
        "B's words."
    )


def test_same_entry_changed_on_both_sides(small_map_file: Path) -> None:
    a, b = Editor.open(small_map_file), Editor.open(small_map_file)
    a.update("claims", "join", values(a, "claims", "join", statement="A."))
    b.update("claims", "join", values(b, "claims", "join", statement="B."))
    a.save()
    after_a = small_map_file.read_text(encoding="utf-8")
    with pytest.raises(SaveConflict) as caught:
        b.save()
    assert [str(c) for c in caught.value.conflicts] == ["changed claim join"]
    assert "cannot be merged" in str(caught.value)
    with pytest.raises(MergeRefused, match="both you and they changed changed claim join"):
        b.merge()
    assert small_map_file.read_text(encoding="utf-8") == after_a
    b.overwrite()  # explicitly chosen: B's version wins
    assert read_map(small_map_file).map.claim("join").statement == "B."
    a.reload()  # A takes the file as it is, dropping nothing of its own (it had saved)
    assert a.map.claim("join").statement == "B." and not a.dirty and not a.history


def test_merge_refuses_what_would_break(small_map_file: Path) -> None:
    a, b = Editor.open(small_map_file), Editor.open(small_map_file)
    assert a.remove("claims", "cheap-enough", cascade=True) == {}
    a.save()
    b.add("relations", {"id": "r-b", "type": "attacks", "from": "cheap-enough", "to": "join"})
    with pytest.raises(MergeRefused, match="unknown claim 'cheap-enough'"):
        b.merge()
    assert read_map(small_map_file).map == a.map


def test_deleted_file_is_a_conflict(small_map_file: Path) -> None:
    ed = Editor.open(small_map_file)
    ed.update("claims", "join", values(ed, "claims", "join", statement="X."))
    small_map_file.unlink()
    with pytest.raises(SaveConflict, match="deleted or moved"):
        ed.save()
    ed.overwrite()
    assert read_map(small_map_file).map.claim("join").statement == "X."


def test_the_editor_refuses_unsafe_text_as_typed_problems(small_map_file: Path) -> None:
    ed = Editor.open(small_map_file)
    before = ed.map
    errors = ed.update(
        "claims", "join", values(ed, "claims", "join", statement="Join\x1b]0;x\x07 now.")
    )
    assert errors["statement"].startswith("a U+001B (ESC (escape)) character at column 5")
    (problem,) = errors.problems
    assert (problem.type, problem.loc) == ("unsafe_character", ("claims", 0, "statement"))
    assert ed.map == before
    taken = ed.add("claims", values(ed, "claims", "join"))
    assert [p.type for p in taken.problems] == ["duplicate_id"] and "id" in taken
