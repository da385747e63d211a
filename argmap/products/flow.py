"""A flow sheet for a policy round, pre-filled from a brief: one column per speech.

Debaters "flow" a round on a sheet with a column per speech; each argument is a row and
its answers sit in the next speech's column, on the same row. This pre-fills one from the
map so a debater can flow against it in a round:

- the affirmative (the thesis's side) opens in the 1AC: its arguments on the thesis;
- the negative's 1NC answers them on their rows and adds its own arguments on new rows;
- each later speech answers the speech before it, down the map's answers;
- an argument left unanswered is *dropped*: its side extends it in its next speech
  ("Extend (dropped): ..."), so drops are visible.

Arguing ``for`` the thesis, we are the affirmative; ``against``, the negative.

>>> from argmap.analysis import demo_graph
>>> from argmap.products.brief import build_brief
>>> f = build_flow(build_brief(demo_graph(), "thesis", "for"))
>>> for speech, cell in zip(f.speeches[:4], f.rows[1]):
...     print(f"{speech}: {cell or '-'}")
1AC: -
1NC: Joining costs too much. — Jo
2AC: A subsidy covers the cost. — Government
2NC/1NR: The subsidy may never come. — Jo
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from argmap.products.brief.build import Brief, Cited, Point
from argmap.products.briefs import prepare_brief
from argmap.products.registry import Output, Product
from argmap.products.stable_zip import restamp
from argmap.text import spreadsheet_cell

SPEECHES = ("1AC", "1NC", "2AC", "2NC/1NR", "1AR", "2NR", "2AR")
AFFIRMATIVE = frozenset({0, 2, 4, 6})  # the columns of the affirmative's speeches
WIDTH = 42  # characters: a column a flow pad's width
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Flow:
    """The sheet: a title, the speeches (columns), and rows of cells (one per speech)."""

    title: str
    speeches: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    ours: frozenset[int]  # the columns of our side's speeches


def _cell(claim: Cited) -> str:
    return f"{claim.statement} — {claim.actor}"


def build_flow(brief: Brief) -> Flow:
    """Return the :class:`Flow` of a round on ``brief``'s thesis, from its side."""
    rows: list[list[str]] = []

    def thread(p: Point, column: int, row: list[str] | None = None) -> None:
        """Put ``p`` in ``column`` (on ``row``, or a new row) and its answers after it."""
        if column >= len(SPEECHES):
            return
        if row is None:
            row = [""] * len(SPEECHES)
            rows.append(row)
        row[column] = _cell(p.claim)
        if not p.answers:
            extend = column + 2  # the same side's next speech
            if extend < len(SPEECHES):
                row[extend] = f"Extend (dropped): {p.claim.statement}"
            return
        for k, answer in enumerate(p.answers):
            thread(answer, column + 1, row if k == 0 else None)

    on_thesis = [p for p in brief.their_case if p.target == brief.thesis.id]
    aff, neg = (brief.our_case, on_thesis) if brief.side == "for" else (on_thesis, brief.our_case)
    for p in aff:
        thread(p, 0)
    for p in neg:
        thread(p, 1)
    ours = AFFIRMATIVE if brief.side == "for" else frozenset(range(len(SPEECHES))) - AFFIRMATIVE
    side = "Aff" if brief.side == "for" else "Neg"
    return Flow(
        f"{side} flow: {brief.thesis.statement}",
        SPEECHES,
        tuple(tuple(r) for r in rows),
        frozenset(ours),
    )


def to_csv(flow: Flow) -> str:
    """The flow as CSV: a header row of speeches, then the rows; text that a spreadsheet
    would take for a formula is neutralised (:func:`argmap.text.spreadsheet_cell`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(flow.speeches)
    writer.writerows([spreadsheet_cell(cell) for cell in row] for row in flow.rows)
    return out.getvalue()


def to_xlsx(flow: Flow) -> bytes:
    """The flow as an Excel sheet: wrapped text, a flow pad's column widths, the header
    row frozen, our speeches' headers in green and theirs in red. Byte-identical for the
    same flow. Every cell is text, never a formula (neutralised as in :func:`to_csv`)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.xml.functions import tostring

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Flow"
    sheet.append(list(flow.speeches))
    for row in flow.rows:
        sheet.append([spreadsheet_cell(cell) for cell in row])
    for cells in sheet.iter_rows():
        for cell in cells:
            if cell.data_type == "f":  # openpyxl's guess for "=..."; these are words
                cell.data_type = "s"
    wrap = Alignment(wrap_text=True, vertical="top")
    for column in range(1, len(flow.speeches) + 1):
        letter = sheet.cell(row=1, column=column).column_letter
        sheet.column_dimensions[letter].width = WIDTH
        header = sheet.cell(row=1, column=column)
        header.font = Font(bold=True)
        colour = "D9EAD3" if column - 1 in flow.ours else "F4CCCC"
        header.fill = PatternFill("solid", start_color=colour, end_color=colour)
        header.alignment = Alignment(horizontal="center")
    for number, row in enumerate(sheet.iter_rows(min_row=2), 2):
        for cell in row:
            cell.alignment = wrap
        # Spreadsheets do not all fit a row to its wrapped text on opening: give it the height.
        lines = max(-(-len(str(cell.value or "")) // (WIDTH - 4)) for cell in row)
        sheet.row_dimensions[number].height = 15 * max(1, lines)
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    workbook.properties.title = flow.title
    fixed = dt.datetime(2000, 1, 1)
    workbook.properties.created = workbook.properties.modified = fixed
    workbook.properties.creator = workbook.properties.lastModifiedBy = "argmap"
    raw = io.BytesIO()
    workbook.save(raw)
    # openpyxl stamps "modified" with the time of saving; put the fixed date back.
    workbook.properties.modified = fixed
    core = tostring(workbook.properties.to_tree(), xml_declaration=True, encoding="UTF-8")
    return restamp(raw.getvalue(), {"docProps/core.xml": core})


def render_flow(brief: Brief, argument_map: object, request: object, suffix: str) -> bytes:
    """Return the flow of ``brief`` as ``.xlsx`` or ``.csv`` bytes."""
    sheet = build_flow(brief)
    return to_xlsx(sheet) if suffix == ".xlsx" else to_csv(sheet).encode("utf-8")


# The brief's own prepare: one brief serves the brief and the flow (and the app's cache
# keys on it, so the Brief page builds it once for both).
PRODUCT = Product(
    "flow", "Flow sheet",
    "A column per speech of a policy round (1AC to 2AR), pre-filled from the map's brief "
    "for one side, to flow against.",
    outputs=(
        Output(".xlsx", XLSX, "flow (Excel)", slow=True),
        Output(".csv", "text/csv", "flow (CSV)"),
    ),
    prepare=prepare_brief,
    render=render_flow,
    needs=frozenset({"thesis", "side"}),
)  # fmt: skip
