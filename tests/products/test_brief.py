"""Debate briefs: content checked against the map, escaping, and byte-stable output."""

from __future__ import annotations

import io
import subprocess
import sys

import networkx as nx
import pytest
from pypdf import PdfReader

from argmap.analysis import WhatIf, evaluate
from argmap.analysis.impact import without
from argmap.graph import relation_origin, relations_into, to_graph
from argmap.products.brief import build_brief, sides, to_html, to_markdown
from argmap.products.brief.build import Point
from argmap.products.brief.pdf import to_pdf
from argmap.semantics import Label
from argmap.store.yaml_map import read_map, read_map_text
from tests.conftest import CYBERCRIME_MAP, SMALL_MAP

THESES = [
    ("thesis-un-route", "for"),
    ("thesis-un-route", "against"),
    ("thesis-budapest-route", "for"),
    ("thesis-back-un-treaty", "against"),
    ("thesis-sanctions", "for"),
]


@pytest.fixture(scope="module")
def G() -> nx.DiGraph:
    return to_graph(read_map(CYBERCRIME_MAP).map)


def walk(points: tuple[Point, ...]) -> list[Point]:
    found = []
    for p in points:
        found += [p, *walk(p.backing), *walk(p.answers)]
    return found


@pytest.mark.parametrize(("thesis", "side"), THESES)
def test_brief_content_matches_the_map(G: nx.DiGraph, thesis: str, side: str) -> None:
    b = build_brief(G, thesis, side)
    ours = 1 if side == "for" else -1
    polarity = sides(G, thesis)
    # Every quote and citation shown belongs to the claim it is under.
    for p in walk(b.our_case + b.their_case):
        node = G.nodes[p.claim.id]
        assert (p.claim.quote, p.claim.statement, p.claim.source) == (
            node["quote"],
            node["statement"],
            node["source"],
        )
        assert relation_origin(G, p.relation) == p.claim.id
        assert G.nodes[p.relation]["type"] == p.relation_type
    # Our case argues our side; their case the other.
    assert b.our_case and all(polarity[p.claim.id] == ours for p in b.our_case)
    assert all(polarity[p.claim.id] == -ours for p in b.their_case)
    # What matters most to the thesis first: label changes, then the larger strength change
    # when the claim is taken out (argmap.analysis.impact), checked against a re-evaluation.
    for case in (b.our_case, b.their_case):
        keys = [p.claim.impact.key for p in case if p.claim.impact]
        assert len(keys) == len(case) and keys == sorted(keys)
    top = (b.their_case or b.our_case)[0].claim
    after = evaluate(without(G, top.id))
    assert after.labels[thesis] is top.impact.label_without
    assert after.strength[thesis] == pytest.approx(top.impact.strength_without)
    # Every answer really attacks the claim or undercuts the relation it answers.
    for p in walk(b.their_case):
        for a in p.answers:
            assert a.target in (p.claim.id, p.relation)
    # Every open vulnerability really is unanswered in the map, bar the thesis or the claim it
    # objects to answering back (a mutual attack is a standoff, not an answer).
    for p in b.vulnerabilities:
        assert not [
            r
            for r in relations_into(G, p.claim.id, "attacks")
            if relation_origin(G, r) not in (thesis, p.target)
        ]
        assert not relations_into(G, p.relation)
    assert set(b.vulnerabilities) == {p for p in b.their_case if not p.answers}
    # The bibliography names every source cited, and the sources they are known through.
    cited = {p.claim.source for p in walk(b.our_case + b.their_case)} | {b.thesis.source}
    listed = {e.id for e in b.bibliography}
    assert cited <= listed
    sources = {s["id"]: s for s in G.graph["sources"]}
    for source_id in cited:
        if sources[source_id].get("reported_in"):
            assert sources[source_id]["reported_in"] in listed


def test_cruxes_and_what_changes() -> None:
    # cheap-enough undercuts the only attack on the thesis: it alone decides it.
    b = build_brief(to_graph(read_map_text(SMALL_MAP).map), "join", "for")
    assert [(c.claim.id, c.thesis_if_accepted, c.thesis_if_rejected) for c in b.cruxes] == [
        ("cheap-enough", "in", "out")
    ]
    assert b.cruxes[0].changes_if_rejected == (("join", "in", "out"), ("cheap-enough", "in", "out"))
    section = to_markdown(b, full=True).split("## Cruxes")[1]
    assert "**The cost is small.**" in section and "If accepted the thesis stands (in)" in section
    # What changes is named by its words, never by id.
    assert "“We should join” (stands (in) → falls (out))" in section
    assert "cheap-enough" not in to_markdown(b, full=True)
    assert "cheap-enough" not in to_html(b, full=True)
    assert "Rejecting it changes: “We should join” (stands (in) → falls (out))" in section


def test_sides_follow_the_relations() -> None:
    G = to_graph(read_map_text(SMALL_MAP).map)
    assert sides(G, "join") == {
        "join": 1,
        "r-cost": -1,
        "too-costly": -1,
        "r-cheap": 1,
        "cheap-enough": 1,
    }


def test_map_text_is_escaped_in_both_formats() -> None:
    hostile = SMALL_MAP.replace("We should join.", "We <script>alert(1)</script> *join*.")
    b = build_brief(to_graph(read_map_text(hostile).map), "join", "for")
    html_text, md_text = to_html(b), to_markdown(b)
    assert "<script>" not in html_text and "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text
    assert "<script>" not in md_text and r"\<script\>alert(1)\</script\>" in md_text
    assert r"\*join\*" in md_text


def pdf_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_pdf_holds_the_brief_and_is_byte_stable(G: nx.DiGraph) -> None:
    b = build_brief(G, "thesis-un-route", "against")
    data = to_pdf(b, full=True)
    assert data.startswith(b"%PDF-") and data == to_pdf(b, full=True)
    reader = PdfReader(io.BytesIO(data))
    assert round(reader.pages[0].mediabox.width) == 595  # A4
    text = pdf_text(data)
    for heading in ("Our case", "Their case, and our answers", "Cruxes", "Bibliography"):
        assert heading in text
    for point in (*b.our_case, *b.their_case):  # every claim and its quote is there
        assert " ".join(point.claim.statement.split()) in text
        assert " ".join(point.claim.quote.split())[:40] in text
    for source in b.bibliography:
        assert source.id not in text and " ".join(source.reference.split())[:30] in text


def test_pdf_prints_markup_in_map_text_as_text() -> None:
    hostile = SMALL_MAP.replace("We should join.", "We <b>join</b> & <script>x</script>.")
    b = build_brief(to_graph(read_map_text(hostile).map), "join", "for")
    assert "We <b>join</b> & <script>x</script>." in pdf_text(to_pdf(b))


def test_html_is_print_ready(G: nx.DiGraph) -> None:
    page = to_html(build_brief(G, "thesis-budapest-route", "against"))
    assert page.startswith("<!DOCTYPE html>") and "@page" in page and "@media print" in page
    assert "http" not in page.split("<body>")[0], "nothing fetched: the page is self-contained"


def test_brief_is_byte_stable_across_processes(tmp_path) -> None:
    script = (
        "import sys; from argmap.products.brief import build_brief, to_markdown, to_html;"
        "from argmap.graph import to_graph; from argmap.store.yaml_map import read_map;"
        f"b = build_brief(to_graph(read_map({str(CYBERCRIME_MAP)!r}).map), "
        "'thesis-un-route', 'against');"
        "sys.stdout.write(to_markdown(b) + to_html(b))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1 and len(outputs.pop()) > 5000


def test_unknown_thesis_or_side(G: nx.DiGraph) -> None:
    with pytest.raises(KeyError, match="no claim"):
        build_brief(G, "nope", "for")
    with pytest.raises(ValueError, match="side"):
        build_brief(G, "thesis-un-route", "maybe")  # type: ignore[arg-type]


def test_brief_command(tmp_path) -> None:
    from typer.testing import CliRunner

    from argmap.cli import app

    runner = CliRunner()
    base = ["brief", str(CYBERCRIME_MAP), "--thesis", "thesis-budapest-route", "--side", "for"]
    for suffix, head in ((".md", "# Round brief for: "), (".html", "<!DOCTYPE html>")):
        out = tmp_path / f"brief{suffix}"
        result = runner.invoke(app, [*base, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").startswith(head)
    result = runner.invoke(app, [*base, "-o", str(tmp_path / "full.md"), "--full"])
    assert result.exit_code == 0, result.output
    full = (tmp_path / "full.md").read_text(encoding="utf-8")
    assert full.startswith("# Brief for: ") and "## Cruxes" in full
    result = runner.invoke(app, [*base, "-o", str(tmp_path / "brief.pdf"), "--letter"])
    assert result.exit_code == 0, result.output
    assert PdfReader(tmp_path / "brief.pdf").pages[0].mediabox.width == 612  # Letter
    result = runner.invoke(app, [*base, "-o", str(tmp_path / "brief.odt")])
    assert (
        result.exit_code == 1 and "brief makes .md, .html, .pdf or .docx, not .odt" in result.stderr
    )
    base[3] = "thesis-budapest"
    result = runner.invoke(app, [*base, "-o", str(tmp_path / "b.md")])
    assert result.exit_code == 1
    assert "no claim 'thesis-budapest'; did you mean 'thesis-budapest-route'?" in result.stderr


def test_bottom_line_says_where_why_and_what_it_would_take() -> None:
    # Without the undercut, the cost objection stands unanswered: the thesis falls.
    text = SMALL_MAP.replace("  - id: r-cheap", "  - id: r-cheap-gone").split(
        "  - id: r-cheap-gone"
    )[0]
    G = to_graph(read_map_text(text).map)
    b = build_brief(G, "join", "for")
    line = b.bottom_line
    assert line is not None and line.label is Label.OUT
    assert line.verdict == "Refuted by the unanswered objection “Joining costs too much”."
    assert [[c.id for c in group] for group in line.answer] == [["too-costly"]]
    assert line.cut == (("“Joining costs too much” attacks “We should join”",),)
    # Re-evaluated: answering what the bottom line names carries the thesis.
    assume = WhatIf(rejected=[c.id for c in line.answer[0]])
    assert evaluate(G, assume=assume).labels["join"] is Label.IN
    md, page = to_markdown(b, full=True), to_html(b, full=True)
    pdf = pdf_text(to_pdf(b, full=True))
    for rendered in (md, page, pdf):
        flat = " ".join(rendered.split())
        assert "Bottom line" in flat and "To carry this thesis, answer:" in flat
        assert "Refuted by the unanswered objection “Joining costs too much”" in flat
        assert "Or break the link: “Joining costs too much” attacks “We should join”" in flat
        for raw in ("too-costly", "r-cost", "article-2011", "paper-2011", "`join`"):
            assert raw not in rendered  # statements, never ids
    against = build_brief(G, "join", "against")
    assert "For the other side to carry it, answer:" in to_markdown(against, full=True)
    # The round brief says it once, in its own words.
    assert "To carry it, answer “Joining costs too much”." in to_markdown(b)
    assert "They carry it only by answering “Joining costs too much”." in to_markdown(against)


def test_bottom_line_when_the_thesis_stands() -> None:
    b = build_brief(to_graph(read_map_text(SMALL_MAP).map), "join", "for")
    assert b.bottom_line is not None and b.bottom_line.label is Label.IN
    assert b.bottom_line.answer == () and b.bottom_line.cut == ()
    assert b.bottom_line.verdict.startswith("Stands: every objection to it is answered")
    assert "To carry this thesis" not in to_markdown(b, full=True)
    assert "Nothing more: it stands" in to_markdown(b)


def test_a_reading_gives_the_same_brief_as_its_parts() -> None:
    """One reading, resolved once, is what every product takes: the brief (and the drill,
    built on it) argued from a Reading equals the brief argued from the same choices."""
    from pathlib import Path

    from argmap.products.brief import to_markdown
    from argmap.products.drill import drill_deck
    from argmap.semantics.reading import reading_of
    from argmap.store.yaml_map import read_map

    G = to_graph(read_map(Path(__file__).parents[1] / "fixtures" / "values.yaml").map)
    reading = reading_of(G, support="bipolar", audience="delegation-view", timeout=10.0)
    whole = build_brief(G, "t-treaty", "for", reading=reading)
    parts = build_brief(G, "t-treaty", "for", view="bipolar", audience=reading.audience)
    assert to_markdown(whole) == to_markdown(parts)
    assert to_markdown(whole) != to_markdown(build_brief(G, "t-treaty", "for"))
    assert drill_deck(G, "t-treaty", "against", reading=reading) == drill_deck(
        G, "t-treaty", "against", view="bipolar", audience=reading.audience
    )
