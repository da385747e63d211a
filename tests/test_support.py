"""Shared fixtures live in tests/support: no unit test reaches into tests/browser, whose
conftest starts browsers and servers."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support import FIXTURES, free_port
from tests.support.mapgen import generate_map_text

TESTS = Path(__file__).resolve().parent


def test_no_unit_test_imports_the_browser_tests() -> None:
    reaching = [
        path.name
        for path in TESTS.rglob("test_*.py")
        if "browser" not in path.relative_to(TESTS).parts
        if re.search(r"tests\.browser|tests/browser|\"browser\"", path.read_text(encoding="utf-8"))
        and path.name != "test_support.py"
    ]
    assert reaching == []


def test_tests_mirror_the_packages() -> None:
    """A unit test sits in the folder of the layer it tests (tests/products for
    argmap/products, ...), plus tests/maps for the maps' content."""
    layers = {p.name for p in (TESTS.parent / "argmap").iterdir() if (p / "__init__.py").exists()}
    folders = {p.name for p in TESTS.iterdir() if p.is_dir() and any(p.glob("test_*.py"))}
    assert folders - {"browser", "maps"} <= layers | {"model"}
    assert [p.name for p in TESTS.glob("test_*.py")] == ["test_support.py"]


def test_the_shared_fixtures_are_there() -> None:
    assert {p.name for p in FIXTURES.glob("*.yaml")} >= {"mini.yaml", "hostile.yaml"}
    assert 0 < free_port() < 65536
    assert "claims:" in generate_map_text(5)
