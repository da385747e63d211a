"""Quotes anchored at offsets (``quote_at``): verified there, and a drift reported with
where the quote is now, or the nearest match."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from argmap.cli import app
from argmap.model import Claim
from argmap.products.quotes import check_quotes, locate_quote, quote_at_holds
from argmap.store.yaml_map import read_map
from tests.conftest import SMALL_MAP

runner = CliRunner()
TEXT = (
    "We must “join now”, they said,\nsince a small\n   cost is no obstacle. "
    "The paper says: costs: too much."
)


def _anchored(tmp_path: Path, text: str = TEXT) -> tuple[Path, Path]:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "article.txt").write_text(text, encoding="utf-8")
    start = TEXT.index("a small")
    end = TEXT.index("cost is") + len("cost")
    anchored = SMALL_MAP.replace(
        "    quote: a small cost\n", f"    quote: a small cost\n    quote_at: [{start}, {end}]\n"
    )
    path = tmp_path / "m.yaml"
    path.write_text(anchored, encoding="utf-8")
    return path, sources


def test_a_span_must_end_after_it_starts() -> None:
    fields = {"id": "c", "statement": "S.", "source": "s", "actor": "a", "quote": "q"}
    assert Claim(**fields, quote_at=[2, 5]).quote_at == (2, 5)
    for bad in ([5, 5], [5, 2], [-1, 3], [1, 2, 3]):
        with pytest.raises(ValidationError):
            Claim(**fields, quote_at=bad)


def test_quote_at_is_verified_at_its_offsets(tmp_path: Path) -> None:
    path, sources = _anchored(tmp_path)
    results = {r.claim_id: r for r in check_quotes(read_map(path).map, sources)}
    assert results["cheap-enough"].found and results["cheap-enough"].at is not None
    result = runner.invoke(app, ["check-quotes", str(path), "--sources", str(sources)])
    assert result.exit_code == 0, result.output


def test_a_quote_that_moved_is_reported_with_its_new_offsets(tmp_path: Path) -> None:
    edited = "A new first sentence was added. " + TEXT
    path, sources = _anchored(tmp_path, edited)
    [drift] = [r for r in check_quotes(read_map(path).map, sources) if not r.found]
    assert drift.claim_id == "cheap-enough" and drift.drifted
    assert drift.at is not None and quote_at_holds("a small cost", edited, drift.at)
    result = runner.invoke(app, ["check-quotes", str(path), "--sources", str(sources)])
    assert result.exit_code == 1
    start, end = drift.at
    assert "quote drifted in article.txt" in result.output
    assert f"now at [{start}, {end}]" in result.output


def test_a_quote_edited_away_gives_the_nearest_match_and_its_offsets(tmp_path: Path) -> None:
    edited = TEXT.replace("a small\n   cost", "a modest cost")
    path, sources = _anchored(tmp_path, edited)
    [drift] = [r for r in check_quotes(read_map(path).map, sources) if not r.found]
    assert drift.drifted and "no longer in it" in drift.problem
    assert drift.closest and drift.at is not None
    assert edited[drift.at[0] : drift.at[1]] == drift.closest
    assert "modest cost" in drift.closest


def test_locate_quote_forgives_whitespace_only() -> None:
    assert locate_quote("a small cost", TEXT) is not None
    assert locate_quote("a smal cost", TEXT) is None
    assert locate_quote("", TEXT) is None
