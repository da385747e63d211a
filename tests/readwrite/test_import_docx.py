"""Importing Verbatim / openCaselist .docx evidence: cards become claims with their quotes,
sources and tags; argmap's own Word brief reads back as the map's claims; hostile files are
refused, located, within seconds. Fixtures are made here with python-docx, not committed."""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from typer.testing import CliRunner

from argmap.cli import app
from argmap.graph import to_graph
from argmap.model import ArgumentMap
from argmap.problems import MapFileError
from argmap.products.brief import build_brief
from argmap.products.brief.docx import source_texts, to_docx
from argmap.products.quotes import normalize_space, quote_at_holds
from argmap.readwrite.verbatim import read_verbatim
from argmap.store.yaml_map import read_map
from tests.conftest import CYBERCRIME_MAP, SOURCES

runner = CliRunner()

CARDS = [
    # block, tag, short cite, rest of cite, before, quote, after
    ("Treaties work", "Treaties build trust between states.", "Smith 21",
     " [Ann Smith, professor of law, 3-9-2021, “On trust in treaties”, https://example.org/trust]",
     "Experts agree that ", "binding treaties build lasting trust", " between states."),
    ("Treaties work", "Cooperation speeds extraditions.", "Lee 19",
     " (Bo Lee, Sept. 2019, \"Faster justice\")",
     "Data show ", "extraditions were twice as fast", " under the treaty."),
    ("A2: Sovereignty", "Sovereignty is not lost by signing.", "Chayes 95",
     " [Abram Chayes, 1995, “The New Sovereignty”]",
     "In fact ", "states keep their sovereignty when they sign", ", as history shows."),
    ("A2: Sovereignty", "Signing is itself an act of sovereignty.", "Chayes 95",
     " [Abram Chayes, 1995, “The New Sovereignty”]",
     "Moreover, ", "the power to sign is an attribute of sovereignty", "."),
]  # fmt: skip


def _verbatim(cards: list[tuple[str, ...]] = CARDS, *, underline_only: int | None = None,
              no_cite: int | None = None, empty_tag: bool = False) -> bytes:  # fmt: skip
    """A Verbatim-shaped file: a pocket, a hat, blocks of tags with cards."""
    d = docx.Document()
    d.add_paragraph("Cybercrime treaties aff", style="Heading 1")
    d.add_paragraph("Treaty good", style="Heading 2")
    block = None
    for n, (b, tag, short, rest, before, quote, after) in enumerate(cards):
        if b != block:
            d.add_paragraph(b, style="Heading 3")
            block = b
        d.add_paragraph(tag, style="Heading 4")
        if n != no_cite:
            cite = d.add_paragraph()
            cite.add_run(short).bold = True
            cite.add_run(rest)
        body = d.add_paragraph(before)
        run = body.add_run(quote)
        if n == underline_only:
            run.font.underline = True
        else:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            run.font.underline = True
        body.add_run(after)
    if empty_tag:
        d.add_paragraph("A tag with nothing under it.", style="Heading 4")
    raw = io.BytesIO()
    d.save(raw)
    return raw.getvalue()


def test_cards_become_claims_sources_and_tags() -> None:
    found = read_verbatim(_verbatim(), "aff.docx")
    m = found.result.map
    assert found.result.warnings == []
    assert [c.statement for c in m.claims] == [card[1] for card in CARDS]
    assert [c.quote for c in m.claims] == [card[5] for card in CARDS]
    assert m.claims[0].tags == ["cybercrime-treaties-aff", "treaty-good", "treaties-work"]
    assert m.claims[2].tags[-1] == "a2-sovereignty"
    smith = m.source(m.claims[0].source)
    assert (smith.authors, smith.date, smith.title, smith.url) == (
        ["Ann Smith"],
        "2021-03-09",
        "On trust in treaties",
        "https://example.org/trust",
    )
    lee = m.source(m.claims[1].source)
    assert (lee.authors, lee.date, lee.title) == (["Bo Lee"], "2019-09", "Faster justice")
    # Two cards from one cite are one source, whose text holds both cards.
    assert m.claims[2].source == m.claims[3].source and len(m.sources) == 3
    assert m.actor(m.claims[0].actor).name == "Ann Smith"
    for claim in m.claims:
        text = found.texts[m.source(claim.source).text_file or ""]
        assert claim.quote_at is not None and quote_at_holds(claim.quote, text, claim.quote_at)


def test_underlined_text_is_the_quote_when_nothing_is_highlighted() -> None:
    m = read_verbatim(_verbatim(underline_only=1), "aff.docx").result.map
    assert m.claims[1].quote == "extraditions were twice as fast"


def test_what_could_not_be_read_is_said_at_its_paragraph() -> None:
    found = read_verbatim(_verbatim(no_cite=0, empty_tag=True), "aff.docx")
    messages = [(w.line, w.message) for w in found.result.warnings]
    assert (4, "the card “Treaties build trust between states.” has no cite; its source is "
               "this file") in messages  # fmt: skip
    assert any("“A tag with nothing under it.” has no card text" in m for _, m in messages)
    m = found.result.map
    # Still imported, against the file itself, and its quote still checkable.
    first = m.claims[0]
    assert m.source(first.source).title == "Cybercrime treaties aff"
    assert first.quote_at is not None
    assert quote_at_holds(first.quote, found.texts[m.source(first.source).text_file or ""],
                          first.quote_at)  # fmt: skip


def test_cli_import_then_validate_and_check_quotes(tmp_path: Path) -> None:
    source = tmp_path / "aff.docx"
    source.write_bytes(_verbatim())
    out = tmp_path / "maps" / "aff.yaml"
    out.parent.mkdir()
    result = runner.invoke(app, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "4 claims, 3 sources" in result.output
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
    texts = tmp_path / "maps" / "sources"
    checked = runner.invoke(app, ["check-quotes", str(out), "--sources", str(texts)])
    assert checked.exit_code == 0, checked.output
    assert "4 of 4 quotes found" in checked.output
    again = runner.invoke(app, ["import", str(source), "-o", str(out)])
    assert again.exit_code == 1 and "exists" in again.output


@pytest.fixture(scope="module")
def cyber() -> ArgumentMap:
    return read_map(CYBERCRIME_MAP).map


def _key(statement: str, quote: str) -> tuple[str, str]:
    return statement, normalize_space(quote)


@pytest.mark.parametrize("side", ["for", "against"])
def test_argmaps_own_brief_reads_back_as_the_maps_claims(cyber: ArgumentMap, side: str) -> None:
    theses = [c.id for c in cyber.claims if c.kind.value == "thesis"]
    by_key = {_key(c.statement, c.quote): c for c in cyber.claims}
    for thesis in theses:
        # The whole dossier (the round brief points a passage met twice back to its card,
        # without a second cite, so that card reads back as uncited: said with its place).
        data = to_docx(build_brief(to_graph(cyber), thesis, side), cyber,
                       source_texts(cyber, SOURCES if SOURCES.is_dir() else None),
                       full=True)  # fmt: skip
        found = read_verbatim(data, "brief.docx")
        m = found.result.map
        assert found.result.warnings == []
        # Every tag of the brief is a claim, once, with its quote; all are the map's.
        tags = {p.text.removeprefix("Backing: ") for p in docx.Document(io.BytesIO(data)).paragraphs
                if p.style.name == "Heading 4"}  # fmt: skip
        assert {c.statement for c in m.claims} == tags
        for claim in m.claims:
            mine = by_key[_key(claim.statement, claim.quote)]
            theirs, ours = m.source(claim.source), cyber.source(mine.source)
            assert (theirs.title, theirs.authors, theirs.organisation, theirs.date) == (
                ours.title, ours.authors, ours.organisation, ours.date)  # fmt: skip
            assert m.actor(claim.actor).name == cyber.actor(mine.actor).name
            text = found.texts[theirs.text_file or ""]
            assert claim.quote_at is not None
            assert quote_at_holds(claim.quote, text, claim.quote_at)


def _patched(data: bytes, change: dict[str, bytes], packing: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The zip ``data`` with parts replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            if info.filename not in change:
                new.writestr(info, old.read(info))
        for name, content in change.items():
            new.writestr(name, content, compress_type=packing)
    return out.getvalue()


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml")


def _refused(data: bytes, pattern: str) -> None:
    start = time.perf_counter()
    with pytest.raises(MapFileError) as caught:
        read_verbatim(data, "hostile.docx")
    assert time.perf_counter() - start < 5
    text = str(caught.value)
    assert text.startswith("hostile.docx:"), text
    assert re.search(pattern, text), text


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    bomb = _patched(_verbatim(), {"word/media/image1.png": b"\0" * (60 * 2**20)})
    assert len(bomb) < 2**20  # a small file...
    _refused(bomb, r"zip bomb")  # ...that would expand to 60 MB


def test_xml_entities_are_refused() -> None:
    data = _verbatim()
    xml = _document_xml(data)
    laughs = (b'<?xml version="1.0"?>\n<!DOCTYPE w [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;">]>'
              + xml.split(b"?>", 1)[1].replace(b"Experts agree", b"&b;"))  # fmt: skip
    _refused(_patched(data, {"word/document.xml": laughs}), r"DOCTYPE or XML entities")
    external = xml.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
    _refused(_patched(data, {"word/document.xml": external}), r"entities")


def test_a_50_mb_document_is_refused() -> None:
    import os

    data = _patched(
        _verbatim(), {"word/media/noise.bin": os.urandom(50 * 2**20)}, zipfile.ZIP_STORED
    )
    _refused(data, r"limited to 32 MB")


@pytest.mark.parametrize("bad", [b"\x01", b"&#1;", b"&#x1b;"])
def test_a_card_with_a_control_character_is_refused_at_it(bad: bytes) -> None:
    data = _verbatim()
    xml = _document_xml(data).replace(b"extraditions were", b"extraditions" + bad + b" were")
    _refused(
        _patched(data, {"word/document.xml": xml}),
        r"control character \(.*\) after “Data show extraditions”",
    )


def test_a_c1_control_in_a_card_is_refused_with_its_card() -> None:
    cards = [CARDS[0], (*CARDS[1][:5], "extraditions\x85 were twice as fast", CARDS[1][6])]
    _refused(_verbatim(cards), r"paragraph 7: the card “Cooperation speeds extraditions.” holds a "
             r"control character \(U\+0085\)")  # fmt: skip


def test_not_a_word_file_is_said_so(tmp_path: Path) -> None:
    _refused(b"PK\x03\x04 not really", r"not a Word \(.docx\) file")
    path = tmp_path / "x.docx"
    path.write_bytes(b"hello")
    result = runner.invoke(app, ["import", str(path), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1 and "x.docx:1:1: not a Word (.docx) file" in result.output


def test_a_cite_bold_by_its_character_style_is_a_cite() -> None:
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    bold = d.styles.add_style("Style Style Bold + 12 pt", WD_STYLE_TYPE.CHARACTER)
    bold.font.bold = True
    d.add_paragraph("Cooperation works.", style="Heading 4")
    cite = d.add_paragraph()
    cite.add_run("Roe 22", style="Style Style Bold + 12 pt")
    cite.add_run(", Jane Roe, analyst, “Cooperation”, 2022")
    body = d.add_paragraph("Evidence shows ")
    body.add_run("cooperation works").font.highlight_color = WD_COLOR_INDEX.YELLOW
    raw = io.BytesIO()
    d.save(raw)
    found = read_verbatim(raw.getvalue(), "oc.docx")
    assert found.result.warnings == []
    source = found.result.map.sources[0]
    assert (source.title, source.authors, source.date) == ("Cooperation", ["Jane Roe"], "2022")


def test_a_big_file_reads_in_seconds() -> None:
    # python-docx scans every style for each run's; the reader looks styles up once.
    cards = [(f"Block {i // 10}", f"Tag {i} says treaties work.", f"Smith {i % 50}",
              f" [Ann Smith{i % 50}, 2021, “T{i % 50}”]", "Before ", f"quote {i}", " after.")
             for i in range(600)]  # fmt: skip
    data = _verbatim(cards)
    start = time.process_time()
    found = read_verbatim(data, "big.docx")
    assert time.process_time() - start < 3  # about 0.4 s; 11 s before the style cache
    assert len(found.result.map.claims) == 600 and len(found.result.map.sources) == 50
