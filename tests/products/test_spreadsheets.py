"""Spreadsheets are data: hostile text (starting with = + - @, tab or carriage return) in a
map or a verdict reaches every CSV and XLSX argmap writes neutralised, read back as text;
no .xlsx cell is a formula."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from argmap.cli import app
from argmap.graph import to_graph
from argmap.model import ArgumentMap
from argmap.products.brief import build_brief
from argmap.products.class_report import class_report
from argmap.products.class_report import to_csv as class_csv
from argmap.products.flow import Flow, build_flow, to_csv, to_xlsx
from argmap.readwrite.csv_claims import generate_csv
from argmap.store.verdicts import Mark, Verdict, VerdictStore, marks_csv
from argmap.store.yaml_map import write_map
from argmap.text import FORMULA_START, spreadsheet_cell, spreadsheet_row

runner = CliRunner()
HOSTILE = ['=HYPERLINK("http://evil","x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]


def _hostile_map() -> ArgumentMap:
    statements = {
        "thesis": "=1+1 We should join.",
        "cost": "+Joining costs too much.",
        "sub": "-A subsidy covers it.",
        "doubt": "@The subsidy may never come.",
    }
    return ArgumentMap.model_validate(
        {
            "title": "Hostile",
            "question": "Should we join?",
            "sources": [{"id": "s", "title": "=cmd()", "kind": "article"}],
            "actors": [
                {"id": "a", "name": "@attacker", "kind": "person"},
                {"id": "b", "name": "=B1", "kind": "person"},
            ],
            "claims": [
                {
                    "id": cid,
                    "statement": text,
                    "quote": text,
                    "source": "s",
                    "actor": "a" if k % 2 else "b",
                    "kind": "thesis" if cid == "thesis" else "claim",
                }
                for k, (cid, text) in enumerate(statements.items())
            ],
            "relations": [
                {"id": "r1", "type": "attacks", "from": "cost", "to": "thesis"},
                {"id": "r2", "type": "attacks", "from": "sub", "to": "cost"},
                {"id": "r3", "type": "attacks", "from": "doubt", "to": "sub"},
            ],
        }
    )


def _live(cell: str) -> bool:
    return cell.startswith(FORMULA_START)


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


@pytest.mark.parametrize("text", [*HOSTILE, "\tTAB", "\rCR", "plain", ""])
def test_one_function_neutralises_every_formula_start(text: str) -> None:
    out = spreadsheet_cell(text)
    assert not _live(out)
    expected = ("'" + text) if text[:1] in "=+-@\t\r" and text else text
    assert out == expected.replace("\r", "\n")


def test_spreadsheet_row_keeps_numbers() -> None:
    assert spreadsheet_row({"a": "=x", "n": 3, "none": None}) == {"a": "'=x", "n": 3, "none": None}


def test_flow_csv_and_xlsx_hold_no_live_formula(tmp_path: Path) -> None:
    flow = build_flow(build_brief(to_graph(_hostile_map()), "thesis", "for"))
    assert any(_live(c) for row in flow.rows for c in row)  # the hostile text reached it
    cells = _csv_cells(to_csv(flow))
    assert "'+Joining costs too much. — @attacker" in cells
    assert not any(_live(c) for c in cells)
    sheet = tmp_path / "flow.xlsx"
    sheet.write_bytes(to_xlsx(flow))
    book = load_workbook(sheet)
    values = []
    for row in book.active.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.value
            values.append(cell.value)
    assert "'+Joining costs too much. — @attacker" in values
    assert not any(isinstance(v, str) and _live(v) for v in values)


def test_a_flow_cell_starting_with_tab_or_cr_is_neutralised_too(tmp_path: Path) -> None:
    flow = Flow("t", ("1AC", "1NC"), (("\t=1+1", "\r@x"),), frozenset({0}))
    # A carriage return becomes a line feed, which the CSV writer quotes: one row, two cells.
    assert _csv_cells(to_csv(flow))[2:] == ["'\t=1+1", "'\n@x"]
    (tmp_path / "f.xlsx").write_bytes(to_xlsx(flow))
    row = next(load_workbook(tmp_path / "f.xlsx").active.iter_rows(min_row=2))
    assert [c.data_type for c in row] == ["s", "s"]


def test_the_flow_cli_writes_neutralised_sheets(tmp_path: Path) -> None:
    path = write_map(_hostile_map(), tmp_path / "hostile.yaml")
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"flow{suffix}"
        args = ["flow", str(path), "--thesis", "thesis", "--side", "against", "-o", str(out)]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    assert not any(_live(c) for c in _csv_cells((tmp_path / "flow.csv").read_text()))
    for row in load_workbook(tmp_path / "flow.xlsx").active.iter_rows():
        assert all(c.data_type != "f" for c in row)


def test_verdicts_csv_neutralises_names_and_rooms(tmp_path: Path) -> None:
    store = VerdictStore(f"sqlite:///{tmp_path / 'v.sqlite3'}")
    for name in HOSTILE:
        store.record("hostile", "thesis", name, "accept", room="=room")
    marks = store.marks("hostile", room="=room")
    store.close()
    cells = _csv_cells(marks_csv(marks))
    assert not any(_live(c) for c in cells)
    assert "'@SUM(A1:A9)" in cells and "'=room" in cells
    path = write_map(_hostile_map(), tmp_path / "hostile.yaml")
    result = runner.invoke(app, ["verdicts", str(path), "--room", "=room",
                                 "--database", f"sqlite:///{tmp_path / 'v.sqlite3'}"])  # fmt: skip
    assert result.exit_code == 0, result.output
    cells = _csv_cells(result.stdout)
    # The CLI names each claim by its statement and keeps its id last: seven columns.
    assert len(cells) == 7 * (1 + len(HOSTILE)) and not any(_live(c) for c in cells)


def test_marks_csv_for_a_tab_and_a_carriage_return() -> None:
    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    marks = [Mark("r", "m", "c", name, Verdict.reject, when) for name in ("\tx", "\ry")]
    rows = list(csv.reader(io.StringIO(marks_csv(marks), newline="")))
    assert [row[3] for row in rows[1:]] == ["'\tx", "'\ny"]


def test_a_carriage_return_inside_text_cannot_start_a_row_with_a_formula() -> None:
    flow = Flow("t", ("1AC",), (("Fine.\r=HYPERLINK(1)",), ("Next.\r\n@x",)), frozenset({0}))
    rows = list(csv.reader(io.StringIO(to_csv(flow), newline="")))
    assert rows == [["1AC"], ["Fine.\n=HYPERLINK(1)"], ["Next.\n@x"]]


def test_claims_and_class_report_csv_hold_no_live_formula() -> None:
    m = _hostile_map()
    assert not any(_live(c) for c in _csv_cells(generate_csv(m)))
    empty = m.model_copy(update={"claims": m.claims[:1], "relations": []})
    report = class_report(m, [("=student", empty)], group_extras=False)
    cells = _csv_cells(class_csv(report, m))
    assert not any(_live(c) for c in cells)
    assert "'=student" in cells
