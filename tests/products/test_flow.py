"""The flow sheet, read back with openpyxl and csv: a column per speech, answers on their
argument's row in the next speech, drops extended, and a sheet made to be flowed on."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from argmap.cli import app
from argmap.graph import to_graph
from argmap.products.brief import build_brief
from argmap.products.brief.build import Point
from argmap.products.flow import SPEECHES, build_flow, to_csv, to_xlsx
from argmap.store.yaml_map import read_map
from tests.conftest import CYBERCRIME_MAP

runner = CliRunner()


@pytest.fixture(scope="module")
def G() -> nx.DiGraph:
    return to_graph(read_map(CYBERCRIME_MAP).map)


def _threads(points: tuple[Point, ...]) -> int:
    """How many rows a list of points takes: one per answer beyond the first, recursively."""
    return sum(max(1, _threads(p.answers)) for p in points)


def test_speeches_are_a_policy_round() -> None:
    assert SPEECHES == ("1AC", "1NC", "2AC", "2NC/1NR", "1AR", "2NR", "2AR")


@pytest.mark.parametrize("side", ["for", "against"])
def test_every_argument_and_answer_is_on_the_flow(G: nx.DiGraph, side: str) -> None:
    brief = build_brief(G, "thesis-un-route", side)  # type: ignore[arg-type]
    flow = build_flow(brief)
    cells = [cell for row in flow.rows for cell in row]
    on_thesis = [p for p in brief.their_case if p.target == brief.thesis.id]
    aff, neg = (brief.our_case, on_thesis) if side == "for" else (on_thesis, brief.our_case)
    first = {row[0] for row in flow.rows} | {row[1] for row in flow.rows}
    for p in (*aff, *neg):
        assert f"{p.claim.statement} — {p.claim.actor}" in first
    assert len(flow.rows) == _threads(aff) + _threads(neg)
    # An answer sits on its argument's row, one speech later.
    for p in aff:
        row = next(r for r in flow.rows if r[0].startswith(p.claim.statement))
        if p.answers:
            assert row[1] == f"{p.answers[0].claim.statement} — {p.answers[0].claim.actor}"
        else:
            assert row[1] == "" and row[2] == f"Extend (dropped): {p.claim.statement}"
    assert any(c.startswith("Extend (dropped): ") for c in cells)
    ours = {SPEECHES[k] for k in flow.ours}
    assert ours == ({"1AC", "2AC", "1AR", "2AR"} if side == "for" else {"1NC", "2NC/1NR", "2NR"})


def test_the_round_is_the_same_from_either_side(G: nx.DiGraph) -> None:
    aff = build_flow(build_brief(G, "thesis-un-route", "for"))
    neg = build_flow(build_brief(G, "thesis-un-route", "against"))
    assert sorted(aff.rows) == sorted(neg.rows) and aff.ours != neg.ours


def test_xlsx_reads_back_with_headers_frozen_wrapped_and_wide(tmp_path: Path) -> None:
    out = tmp_path / "flow.xlsx"
    result = runner.invoke(
        app,
        ["flow", str(CYBERCRIME_MAP), "--thesis", "thesis-un-route", "--side", "for",
         "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    flow = build_flow(build_brief(to_graph(read_map(CYBERCRIME_MAP).map), "thesis-un-route", "for"))
    sheet = load_workbook(out).active
    values = [[c or "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert values[0] == list(SPEECHES)
    assert values[1:] == [list(r) for r in flow.rows]
    assert sheet.freeze_panes == "A2"
    assert all(sheet.cell(row=1, column=k).font.bold for k in range(1, 8))
    for letter in "ABCDEFG":
        assert sheet.column_dimensions[letter].width >= 30
    assert all(c.alignment.wrap_text for row in sheet.iter_rows(min_row=2) for c in row)
    assert out.read_bytes() == to_xlsx(flow)  # byte-identical for the same map


def test_csv_reads_back(tmp_path: Path, G: nx.DiGraph) -> None:
    out = tmp_path / "flow.csv"
    result = runner.invoke(
        app,
        ["flow", str(CYBERCRIME_MAP), "--thesis", "thesis-budapest-route", "--side", "against",
         "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    flow = build_flow(build_brief(G, "thesis-budapest-route", "against"))
    assert rows[0] == list(SPEECHES) and [tuple(r) for r in rows[1:]] == list(flow.rows)
    assert to_csv(flow) == out.read_text(encoding="utf-8")


def test_cli_refuses_other_formats_and_unknown_theses(tmp_path: Path) -> None:
    base = ["flow", str(CYBERCRIME_MAP), "--side", "for"]
    result = runner.invoke(
        app, [*base, "--thesis", "thesis-un-route", "-o", str(tmp_path / "f.ods")]
    )
    assert result.exit_code == 1 and "flow makes .xlsx or .csv, not .ods" in result.stderr
    result = runner.invoke(
        app, [*base, "--thesis", "thesis-un-rout", "-o", str(tmp_path / "f.csv")]
    )
    assert result.exit_code == 1 and "did you mean 'thesis-un-route'" in result.stderr
