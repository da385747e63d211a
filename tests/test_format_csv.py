"""The claims table: one row per claim, read back with the csv module; formulas stay text."""

from __future__ import annotations

import csv
import io

from typer.testing import CliRunner

from argmap.cli import app
from argmap.model import ArgumentMap
from argmap.readwrite.csv_claims import write_csv
from argmap.store.yaml_map import read_map
from tests.conftest import ROOT


def test_every_claim_is_a_row_with_its_names() -> None:
    m = read_map(ROOT / "maps" / "cybercrime-treaties.yaml").map
    rows = list(csv.DictReader(io.StringIO(write_csv(m))))
    assert [r["id"] for r in rows] == [c.id for c in m.claims]
    first, claim = rows[0], m.claims[0]
    assert first["statement"] == claim.statement and first["quote"] == claim.quote
    assert first["actor"] == next(a.name for a in m.actors if a.id == claim.actor)


def test_a_formula_is_kept_as_text() -> None:
    m = ArgumentMap.model_validate({
        "title": "T", "question": "Q?",
        "sources": [{"id": "s", "title": "=HYPERLINK(\"x\")", "kind": "article"}],
        "actors": [{"id": "a", "name": "A", "kind": "person"}],
        "claims": [{"id": "c", "statement": "=1+1", "source": "s", "actor": "a", "quote": "q"}],
    })  # fmt: skip
    row = next(csv.DictReader(io.StringIO(write_csv(m))))
    assert row["statement"] == "'=1+1" and row["source"] == '\'=HYPERLINK("x")'


def test_the_cli_finds_it_by_suffix(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "claims.csv"
    result = CliRunner().invoke(
        app, ["export", str(ROOT / "maps" / "cybercrime-treaties.yaml"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("id,kind,statement,")
