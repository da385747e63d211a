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
        for path in TESTS.glob("*.py")
        if re.search(r"tests\.browser|tests/browser|\"browser\"", path.read_text(encoding="utf-8"))
        and path.name != "test_support.py"
    ]
    assert reaching == []


def test_the_shared_fixtures_are_there() -> None:
    assert {p.name for p in FIXTURES.glob("*.yaml")} >= {"mini.yaml", "hostile.yaml"}
    assert 0 < free_port() < 65536
    assert "claims:" in generate_map_text(5)
