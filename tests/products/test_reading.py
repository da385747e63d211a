"""Reading and marking, without the app: quoted passages in a text, a picked passage as a
quote, the reader's payload, uploaded documents' text, new maps."""

from __future__ import annotations

import io
import time
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from reportlab.pdfgen import canvas

import argmap.readwrite.documents as documents
from argmap.limits import DEFAULT_LIMITS
from argmap.model import ArgumentMap
from argmap.problems import MapFileError
from argmap.products.quotes import quote_at_holds
from argmap.products.reading import (
    likely_actor,
    names_in,
    new_claim_values,
    picked_passage,
    quoted_marks,
)
from argmap.readwrite.documents import document_text
from argmap.store.library import create_map
from argmap.store.yaml_map import read_map
from argmap.view.reading import reader_payload
from tests.conftest import CYBERCRIME_MAP, SOURCES

ARTICLE = "us-to-fall-in-line-with-un-cybercrime-treaty.txt"


@pytest.fixture(scope="module")
def cyber() -> ArgumentMap:
    return read_map(CYBERCRIME_MAP).map


@pytest.mark.skipif(not (SOURCES / ARTICLE).is_file(), reason="needs ../shared/sources")
def test_every_quote_of_the_2024_article_is_marked(cyber: ArgumentMap) -> None:
    text = (SOURCES / ARTICLE).read_text(encoding="utf-8")
    source = next(s.id for s in cyber.sources if s.text_file == ARTICLE)
    marks = quoted_marks(cyber, source, text)
    quoting = [c for c in cyber.claims if c.source == source]
    assert {k.claim for k in marks} >= {c.id for c in quoting}
    for k in marks:
        assert quote_at_holds(cyber.claim(k.claim).quote, text, (k.start, k.end))
    payload = reader_payload(text, marks)
    assert "".join(p["text"] for p in payload["pieces"]) == text
    marked = {c for p in payload["pieces"] for c in p["claims"]}
    assert marked == {k.claim for k in marks}


def test_pieces_keep_code_point_offsets_and_the_pick() -> None:
    text = "Émoji 🎉 here. Treaties bind.\nStates sign."
    payload = reader_payload(text, [], picked=(9, 14))
    for piece in payload["pieces"]:
        assert text[piece["start"] : piece["start"] + len(piece["text"])] == piece["text"]
    assert any(p["start"] == 9 for p in payload["pieces"])  # the pick is a cut
    assert any(p["start"] == 14 for p in payload["pieces"])


def test_text_is_data_never_markup() -> None:
    text = 'A <script>alert("x")</script> & <b>bold</b> claim.'
    payload = reader_payload(text, [])
    assert "".join(p["text"] for p in payload["pieces"]) == text  # sent as is, drawn as text
    js = (Path(__file__).parents[2] / "argmap/view/reader_component/reader.js").read_text()
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js


def test_a_picked_passage_is_trimmed_and_clamped() -> None:
    text = "  It costs\n too much.  "
    assert picked_passage(text, 0, 99) == (2, 21, "It costs too much.")
    assert picked_passage(text, 5, 3) == (3, 4, "t")
    assert picked_passage(text, 0, 2) == (2, 2, "")


def test_new_claim_values_are_a_valid_claim_with_offsets(cyber: ArgumentMap) -> None:
    first = cyber.claims[0]
    values = new_claim_values(cyber, statement=first.statement, source=first.source,
                              actor=first.actor, quote="q", at=(1, 2))  # fmt: skip
    assert values["id"] != first.id and values["quote_at"] == [1, 2]
    extended = ArgumentMap.model_validate(
        cyber.model_dump(by_alias=True) | {"claims": [*cyber.model_dump(by_alias=True)["claims"],
                                                      values]})  # fmt: skip
    assert extended.claims[-1].quote_at == (1, 2)


def test_likely_actor_is_who_holds_most_of_its_claims(cyber: ArgumentMap) -> None:
    source = cyber.claims[0].source
    held = [c.actor for c in cyber.claims if c.source == source]
    assert likely_actor(cyber, source) == max(set(held), key=held.count)
    assert likely_actor(cyber, "no-such-source") is None


def test_names_in_a_text_are_counted() -> None:
    text = "The Council met. The Council voted. Jane Roe said no. Jane Roe left."
    assert names_in(text) == [("Council", 2), ("Jane Roe", 2)]


def _docx(paragraphs: list[str]) -> bytes:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    raw = io.BytesIO()
    d.save(raw)
    return raw.getvalue()


def _pdf(lines: list[str]) -> bytes:
    raw = io.BytesIO()
    c = canvas.Canvas(raw)
    for i, line in enumerate(lines):
        c.drawString(72, 720 - 20 * i, line)
    c.showPage()
    c.save()
    return raw.getvalue()


def test_documents_give_their_text() -> None:
    assert document_text("a.txt", b"Plain.\n") == "Plain.\n"
    assert document_text("a.docx", _docx(["First.", "", "Second."])) == "First.\n\nSecond."
    assert "The treaty binds" in document_text("a.pdf", _pdf(["The treaty binds states."]))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.txt", b"\xff\xfe bad", "not UTF-8"),
        ("a.pdf", b"%PDF-1.4 garbage", "not a readable PDF"),
        ("a.docx", b"PK not a zip", "not a Word"),
        ("a.odt", b"x", "cannot read a .odt file"),
    ],
)
def test_unreadable_documents_are_refused_located(name: str, data: bytes, message: str) -> None:
    with pytest.raises(MapFileError) as caught:
        document_text(name, data)
    assert str(caught.value).startswith(f"{name}:1:1:") and message in str(caught.value)


def test_a_word_bomb_is_refused_before_reading() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx(["x"]))) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        new.writestr("word/media/x.bin", b"\0" * (40 * 2**20), zipfile.ZIP_DEFLATED)
    with pytest.raises(MapFileError, match="zip bomb"):
        document_text("bomb.docx", out.getvalue())


def _raw_pdf(content: bytes, pages: int = 1) -> bytes:
    """A PDF whose every page draws ``content``, stored compressed (as a hostile file may)."""
    stream = zlib.compress(content, 9)
    font = "<< /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    for i in range(pages):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                       f"{4 + 2 * i} 0 R /Resources << /Font {font} >> >>".encode())  # fmt: skip
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
                       + stream + b"\nendstream")  # fmt: skip
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))  # fmt: skip
    return out.getvalue()


def test_hostile_pdfs_are_refused_located_and_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    """A decompression bomb (100 MB of page content in a 100 KB file) is pypdf's own limit,
    said as this file's fault; a text layer past the size limit, or one that takes too long,
    is stopped between pages."""
    line = b"BT /F1 12 Tf 72 720 Td (The treaty binds states.) Tj ET\n"
    assert "The treaty binds" in document_text("ok.pdf", _raw_pdf(line))
    started = time.monotonic()
    with pytest.raises(MapFileError, match=r"^bomb\.pdf:1:1: not a readable PDF"):
        document_text("bomb.pdf", _raw_pdf(b" " * 100_000_000))
    assert time.monotonic() - started < 5
    wordy = _raw_pdf(line * 200, pages=3)  # 4 KB of file, 15,000 characters of text
    small = DEFAULT_LIMITS.replace(max_bytes=10_000)
    with pytest.raises(MapFileError, match="its text runs past 10,000 characters"):
        document_text("wordy.pdf", wordy, small)
    monkeypatch.setattr(documents, "PDF_SECONDS", 0.0)
    with pytest.raises(MapFileError, match="stopped at page 1 of 3"):
        document_text("slow.pdf", wordy)


def test_a_new_map_is_valid_and_never_overwrites(tmp_path: Path) -> None:
    path = create_map(tmp_path, "treaty", "Treaties", "Should states sign?")
    m = read_map(path).map
    assert (m.title, m.question, m.claims) == ("Treaties", "Should states sign?", [])
    with pytest.raises(FileExistsError):
        create_map(tmp_path, "treaty", "Other", "Q?")
    with pytest.raises(ValueError):
        create_map(tmp_path, "Bad Name", "T", "Q?")
    with pytest.raises(ValueError):
        create_map(tmp_path, "two", "T", "Q\nover two lines? " * 100)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["treaty.yaml"]
