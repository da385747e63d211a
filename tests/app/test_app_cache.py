"""The app reads each map once per content (issue 16): pages and reruns share the parsed map,
keyed on the file's content hash, and an edited file is read again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import argmap.app.shared as shared
from argmap.app.main import page_path
from argmap.store import yaml_map
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "support" / "fixtures"


@pytest.fixture
def reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the map texts parsed, in order, for maps in a fresh folder."""
    for name in ("mini", "hostile"):
        shutil.copy(FIXTURES / f"{name}.yaml", tmp_path / f"{name}.yaml")
    monkeypatch.setenv("ARGMAP_MAPS_DIR", str(tmp_path))
    shared.map_file.clear()
    shared.prepared_file.clear()
    seen: list[str] = []

    parse = yaml_map._read_checked_text  # where read_map and read_map_text both parse

    def counting(text: str, name: str, *args):  # type: ignore[no-untyped-def]
        seen.append(Path(name).stem)
        return parse(text, name, *args)

    monkeypatch.setattr(yaml_map, "_read_checked_text", counting)
    return seen


def compare(at: AppTest) -> str:
    return "\n".join(str(e.value) for e in at.get("metric"))


def test_compare_reads_each_map_once_across_reruns_and_pages(reads: list[str]) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(page_path("compare")).run()
    at.selectbox(key="cmp_old_pick").set_value("mini")
    at.selectbox(key="cmp_new_pick").set_value("hostile")
    at.run()
    first = compare(at)
    at.run()
    assert compare(at) == first and "of" in first
    at.switch_page(page_path("map")).run()  # the map page shares the parsed map
    assert at.selectbox(key="map_choice").value in ("mini", "hostile")
    assert not at.exception, at.exception
    assert sorted(reads) == ["hostile", "mini"], reads


def test_an_edited_map_is_read_again(reads: list[str], tmp_path: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["map"] = "mini"
    at.run()
    title = at.title[0].value
    at.run()
    assert reads == ["mini"]
    path = tmp_path / "mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(title, "Edited title"), "utf-8")
    at.run()
    assert reads == ["mini", "mini"]
    assert at.title[0].value == "Edited title"
