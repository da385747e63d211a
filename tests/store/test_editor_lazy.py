"""The editor reads a map fast and parses the round-trip document only to save (issue 16: the
edit page of a 2,000-claim map opened in seconds of ruamel parsing it may never need)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from argmap.store.editing import Editor
from argmap.store.yaml_map import read_map
from tests.conftest import CYBERCRIME_MAP
from tests.support.mapgen import generate_map_text


@pytest.fixture
def cyber(tmp_path: Path) -> Path:
    path = tmp_path / "m.yaml"
    shutil.copy(CYBERCRIME_MAP, path)
    return path


def test_open_reads_the_same_map_without_its_document(cyber: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(generate_map_text(300, values=True), encoding="utf-8")
    for path in (cyber, big):
        ed = Editor.open(path)
        assert ed.loaded.document is None
        assert ed.map == read_map(path).map  # the round-trip reader's map


def test_a_save_keeps_every_comment_and_changes_only_the_edit(cyber: Path) -> None:
    before = cyber.read_text(encoding="utf-8")
    ed = Editor.open(cyber)
    claim = next(c for c in ed.map.claims if c.note is None)  # a note added, none replaced
    data = claim.model_dump(by_alias=True, exclude_none=True)
    assert ed.update("claims", claim.id, {**data, "note": "Checked in class."}) == {}
    ed.save()
    after = cyber.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(c in after.splitlines() for c in comments)
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ["    note: Checked in class."]
    assert read_map(cyber).map.claim(claim.id).note == "Checked in class."


def test_merge_after_a_fast_open_applies_both_sides(cyber: Path) -> None:
    ed = Editor.open(cyber)
    first, second = ed.map.claims[0], ed.map.claims[1]
    data = first.model_dump(by_alias=True, exclude_none=True)
    assert ed.update("claims", first.id, {**data, "note": "Ours."}) == {}
    # Someone else edits another claim on disk meanwhile.
    theirs = read_map(cyber)
    other = Editor(theirs, "")
    other_data = second.model_dump(by_alias=True, exclude_none=True)
    assert other.update("claims", second.id, {**other_data, "note": "Theirs."}) == {}
    other.overwrite()
    ed.merge()
    merged = read_map(cyber).map
    assert merged.claims[0].note == "Ours." and merged.claims[1].note == "Theirs."
