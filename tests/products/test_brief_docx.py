"""The Verbatim-style .docx brief, read back with python-docx: heading levels, cards (cite
and highlighted quote in its sentence), Verbatim's style names, byte-stable output."""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from typer.testing import CliRunner

from argmap.cli import app
from argmap.graph import to_graph
from argmap.model import ArgumentMap
from argmap.products.brief import build_brief
from argmap.products.brief.build import Brief, Cited, Point
from argmap.products.brief.docx import cite_parts, source_texts, to_docx
from argmap.store.yaml_map import read_map
from tests.conftest import CYBERCRIME_MAP, SMALL_MAP, SOURCES

runner = CliRunner()
LEVEL = {"Heading 1": 1, "Heading 2": 2, "Heading 3": 3, "Heading 4": 4}


def _outline(data: bytes) -> list[tuple[int, str]]:
    """The headings of a .docx as (level, text), and the body paragraphs as (0, text)."""
    document = docx.Document(io.BytesIO(data))
    return [(LEVEL.get(p.style.name, 0), p.text) for p in document.paragraphs]


def _cards(data: bytes) -> list[tuple[str, str, list[str], str]]:
    """Each tag's (tag text, cite text, highlighted runs' texts, evidence paragraph)."""
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    cards = []
    for k, p in enumerate(paragraphs):
        if p.style.name == "Heading 4":
            cite, body = paragraphs[k + 1], paragraphs[k + 2]
            lit = [r.text for r in body.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
            cards.append((p.text, cite.text, lit, body.text))
            # Verbatim's Cite character style holds the surname and year, in bold.
            assert cite.runs[0].style.name == "Style 13 pt Bold"
            assert all(r.style.name == "Emphasis" for r in body.runs if r.text in lit)
    return cards


def _walk(points: tuple[Point, ...]) -> list[Point]:
    found = []
    for p in points:
        found += [p, *_walk(p.backing)]
    return found


@pytest.fixture(scope="module")
def cyber() -> ArgumentMap:
    return read_map(CYBERCRIME_MAP).map


@pytest.fixture(scope="module")
def un_brief(cyber: ArgumentMap) -> Brief:
    return build_brief(to_graph(cyber), "thesis-un-route", "for")


def test_outline_is_pocket_hats_blocks_tags(cyber: ArgumentMap, un_brief: Brief) -> None:
    outline = _outline(to_docx(un_brief, cyber, full=True))
    headings = [(level, text) for level, text in outline if level]
    assert headings[0] == (1, f"For: {un_brief.thesis.statement}")
    assert [t for level, t in headings if level == 1] == [headings[0][1]]
    assert [t for level, t in headings if level == 2] == [
        "Our case", "Answers to their case", "What it would take",
    ]  # fmt: skip
    blocks = [t for level, t in headings if level == 3]
    for p in un_brief.their_case:
        assert any(b.startswith(f"A2: {p.claim.statement}") for b in blocks)
    # An argument of theirs answering two of ours says which each block is on.
    a2 = [b for b in blocks if b.startswith("A2: ")]
    assert len(set(a2)) == len(a2)
    # Levels never skip down: a tag sits under a block or the pocket, a block under a hat.
    for (a, _), (b, _) in itertools.pairwise(headings):
        assert b <= a + 1 or (a, b) == (1, 4)  # the thesis's own card under the pocket
    # Our answers sit in the block of the argument they answer, as tags, in brief order.
    a2 = [k for k, (level, text) in enumerate(headings) if level == 3 and text.startswith("A2: ")]
    assert len(a2) == len(un_brief.their_case)
    for k, p in zip(a2, un_brief.their_case, strict=True):
        assert headings[k][1].startswith(f"A2: {p.claim.statement}")
        tags = []
        for level, text in headings[k + 1 :]:
            if level <= 3:
                break
            tags.append(text)
        assert tags[: len(p.answers)] == [a.claim.statement for a in p.answers]


def test_every_card_has_its_cite_and_its_quote_highlighted(
    cyber: ArgumentMap, un_brief: Brief
) -> None:
    sources = {s.id: s for s in cyber.sources}
    cards = _cards(to_docx(un_brief, cyber, full=True))
    claims: list[Cited] = [un_brief.thesis]
    claims += [p.claim for p in _walk(un_brief.our_case)]
    claims += [a.claim for p in un_brief.their_case for a in _walk(p.answers)]
    assert un_brief.bottom_line is not None and un_brief.bottom_line.answer  # the UN route falls
    claims += [c for group in un_brief.bottom_line.answer for c in group]  # what it would take
    claims += [c.claim for c in un_brief.cruxes]
    assert len(cards) == len(claims)
    for (tag, cite, lit, body), claim in zip(cards, claims, strict=True):
        assert tag.endswith(claim.statement)
        assert lit == [" ".join(claim.quote.split())]  # verbatim, one highlighted run
        short, rest = cite_parts(sources[claim.source], claim.actor, sources)
        assert cite == f"{short} {rest}"
        assert sources[claim.source].title in cite
        reported = sources[claim.source].reported_in
        if reported:
            assert f"reported in “{sources[reported].title}”" in cite
        assert body == lit[0]  # without the texts, the quote stands alone


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the articles (shared/sources) are absent")
def test_quotes_sit_in_their_sentence_from_the_source(cyber: ArgumentMap, un_brief: Brief) -> None:
    texts = source_texts(cyber, SOURCES)
    assert set(texts) == {s.id for s in cyber.sources if s.text_file or s.reported_in}
    cards = _cards(to_docx(un_brief, cyber, texts, full=True))
    flat = {k: re.sub(r"\s+", " ", t) for k, t in texts.items()}
    widened = 0
    for _tag, _cite, lit, body in cards:
        assert len(lit) == 1 and lit[0] in body
        assert any(body in t for t in flat.values())  # the sentence, word for word
        widened += body != lit[0]
    assert widened >= len(cards) // 2


def test_small_map_card_in_its_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "article.txt").write_text(
        "Intro. We must “join now”, they said,\nsince a small\n   cost is no obstacle. "
        "The paper says: costs: too much.",
        encoding="utf-8",
    )
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_MAP, encoding="utf-8")
    m = read_map(path).map
    data = to_docx(
        build_brief(to_graph(m), "join", "against"), m, source_texts(m, folder), full=True
    )
    cards = {tag: (cite, lit, body) for tag, cite, lit, body in _cards(data)}
    cite, lit, body = cards["Joining costs too much."]
    assert lit == ["costs: too much"] and body == "The paper says: costs: too much."
    # A second-hand source: its author's surname, the year it was reported, and where.
    assert (
        cite
        == "Author 11 [Jo Author; “A paper”; n.d.; reported in “An article: with a colon” (2011)]"
    )


def test_same_brief_same_bytes_and_fixed_dates(cyber: ArgumentMap, un_brief: Brief) -> None:
    one, two = to_docx(un_brief, cyber), to_docx(un_brief, cyber)
    assert one == two
    with zipfile.ZipFile(io.BytesIO(one)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = docx.Document(io.BytesIO(one)).core_properties
    assert props.created == props.modified and props.created.year == 2000


def test_verbatim_style_names_and_aliases(cyber: ArgumentMap, un_brief: Brief) -> None:
    with zipfile.ZipFile(io.BytesIO(to_docx(un_brief, cyber))) as z:
        styles = z.read("word/styles.xml").decode()
    for style_id, alias in [("Heading1", "Pocket"), ("Heading2", "Hat"), ("Heading3", "Block"),
                            ("Heading4", "Tag")]:  # fmt: skip
        element = re.search(rf'w:styleId="{style_id}".*?</w:style>', styles, re.S)
        assert element and f'<w:aliases w:val="{alias}"/>' in element.group(0)
        assert f'<w:outlineLvl w:val="{int(style_id[-1]) - 1}"/>' in element.group(0)
    assert '<w:name w:val="Style 13 pt Bold"/><w:aliases w:val="Cite"/>' in styles
    assert '<w:name w:val="Style Underline"/><w:aliases w:val="Underline"/>' in styles
    assert '<w:name w:val="Emphasis"/>' in styles


def test_cli_writes_a_docx(tmp_path: Path) -> None:
    out = tmp_path / "brief.docx"
    result = runner.invoke(
        app,
        ["brief", str(CYBERCRIME_MAP), "--thesis", "thesis-budapest-route", "--side", "against",
         "-o", str(out), "--sources", str(tmp_path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    outline = _outline(out.read_bytes())
    assert outline[0][0] == 1 and outline[0][1].startswith("Against: ")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it(tmp_path: Path, cyber: ArgumentMap, un_brief: Brief) -> None:
    source = tmp_path / "brief.docx"
    source.write_bytes(to_docx(un_brief, cyber))
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = (tmp_path / "brief.txt").read_text(encoding="utf-8-sig")
    assert un_brief.thesis.statement in text and "Answers to their case" in text
