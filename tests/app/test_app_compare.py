"""The Compare maps page under AppTest: a student's map against the instructor's."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from argmap.app.main import NAVIGATION, page_path
from argmap.products.diff import agreement, diff_maps
from argmap.store.yaml_map import read_map
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "support" / "fixtures"


@pytest.fixture
def maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("mini", "hostile"):
        shutil.copy(FIXTURES / f"{name}.yaml", tmp_path / f"{name}.yaml")
    # A student's reconstruction: one claim under another id, one left out, one reworded.
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("rights-risk", "student-rights")
    text = text.replace(
        "A broad UN treaty risks legitimising",
        "A broad UN treaty may legitimise",
    )
    (tmp_path / "student.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("ARGMAP_MAPS_DIR", str(tmp_path))
    return tmp_path


def open_compare(old: str, new: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(page_path("compare"))
    at.run()
    at.selectbox(key="cmp_old_pick").set_value(old)
    at.selectbox(key="cmp_new_pick").set_value(new)
    at.run()
    assert not at.exception, at.exception
    return at


def plain(at: AppTest) -> str:
    kinds = ("markdown", "caption", "title", "header", "subheader", "info", "success")
    return "\n".join(str(e.value) for kind in kinds for e in at.get(kind))


def test_compare_is_in_the_navigation() -> None:
    assert ("compare.py", "Compare maps") in NAVIGATION


def test_student_against_instructor(maps: Path, saved_downloads: dict[str, bytes]) -> None:
    saved = saved_downloads
    at = open_compare("student", "mini")
    old, new = read_map(maps / "student.yaml").map, read_map(maps / "mini.yaml").map
    d = diff_maps(old, new)
    score = agreement(old, new, d)
    metrics = {m.label: m.value for m in at.metric}
    n, total = score.claims_found
    assert metrics["Claims found"] == f"{n} of {total} ({n / total:.0%})"
    assert set(metrics) == {"Claims found", "Relations agreeing", "Attributions agreeing"}
    assert json.loads(saved["map-diff.json"]) == d.as_json()
    shown = re.sub(r"\\(.)", r"\1", plain(at))
    said = {c.id: c.statement.rstrip(".") for c in (*old.claims, *new.claims)}
    assert f"“{said['student-rights']}” is “{said['rights-risk']}”" in shown
    assert "Claims matched by their words (1)" in shown
    assert "its statement was “" in shown  # what it was and what it is, not just "differs"
    assert "`" not in shown and "student-rights" not in shown  # statements, never ids


def test_a_map_against_itself_and_a_hostile_one(maps: Path) -> None:
    at = open_compare("mini", "mini")
    assert any("say the same" in str(s.value) for s in at.success)
    at = open_compare("mini", "hostile")
    assert not re.search(r"(?<!\\)<", plain(at))  # map text is escaped


def test_until_both_maps_are_chosen(maps: Path) -> None:
    at = open_compare("(none)", "mini")
    assert any("Choose or upload both maps" in str(i.value) for i in at.info)
    assert not at.metric


def test_relations_are_told_in_words(maps: Path) -> None:
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    m = read_map(maps / "mini.yaml").map
    gone = m.relations[0]
    start = text.index(f"  - id: {gone.id}\n")
    end = text.index("  - id: ", start + 1)
    (maps / "fewer.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    at = open_compare("fewer", "mini")
    shown = re.sub(r"\\(.)", r"\1", plain(at))
    statements = {c.id: c.statement for c in m.claims}
    assert "Relations only in the reference (1)" in shown
    assert f"“{statements[gone.from_][:40]}" in shown
    assert f"`{gone.id}`" not in shown
