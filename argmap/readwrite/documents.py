"""The text of a document a person uploads to read and mark: plain text or Markdown, a Word
file's paragraphs, a PDF's text layer. Each is refused, located, when it is over the input
limits or unsafe (:func:`argmap.readwrite.verbatim.check_docx` for Word files).

>>> document_text("notes.md", "Déjà vu.\\n".encode())
'Déjà vu.\\n'
>>> document_text("x.exe", b"MZ")
Traceback (most recent call last):
...
argmap.problems.MapFileError: x.exe:1:1: cannot read a .exe file; upload .txt, .md, .docx or .pdf
"""

from __future__ import annotations

import io
import time
from pathlib import PurePath

from argmap.limits import DEFAULT_LIMITS, Limits, text_of
from argmap.problems import MapFileError, Problem

SUFFIXES = (".txt", ".md", ".docx", ".pdf")
PDF_PAGES_MAX = 2_000
PDF_SECONDS = 10.0  # for the whole text layer, checked between pages


def _refuse(name: str, message: str) -> MapFileError:
    return MapFileError([Problem(name, 1, 1, "", message, "unreadable")])


def document_text(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """Return the text of an uploaded document (paragraphs separated by a blank line)."""
    suffix = PurePath(name).suffix.lower()
    if suffix in (".txt", ".md"):
        return text_of(data, name, limits, lines=False)
    if suffix == ".docx":
        import docx

        from argmap.readwrite.verbatim import check_docx

        check_docx(data, name, limits)
        try:
            document = docx.Document(io.BytesIO(data))
        except Exception as exc:  # python-docx raises many kinds on a broken part
            raise _refuse(name, f"not a readable Word file ({exc})") from None
        return "\n\n".join(p.text for p in document.paragraphs if p.text.strip())
    if suffix == ".pdf":
        return _pdf_text(name, data, limits)
    raise _refuse(name, f"cannot read a {suffix or 'suffix-less'} file; upload .txt, .md, "
                  ".docx or .pdf")  # fmt: skip


def _pdf_text(name: str, data: bytes, limits: Limits) -> str:
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - a dependency
        raise _refuse(name, "reading PDF needs pypdf (pip install pypdf)") from None
    if len(data) > limits.max_bytes:
        text_of(data, name, limits)  # raises the size message
    started = time.monotonic()
    try:
        reader = PdfReader(io.BytesIO(data))
        count = len(reader.pages)
        if count > PDF_PAGES_MAX:
            raise _refuse(name, f"{count:,} pages; at most {PDF_PAGES_MAX:,} are read")
        pages: list[str] = []
        size = 0
        for number, page in enumerate(reader.pages, 1):
            if time.monotonic() - started > PDF_SECONDS:
                raise _refuse(name, f"its text took over {PDF_SECONDS:g} s to read (stopped at "
                              f"page {number:,} of {count:,}); save its text as .txt and upload "
                              "that")  # fmt: skip
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            if size > limits.max_bytes:
                raise _refuse(name, f"its text runs past {limits.max_bytes:,} characters (at "
                              f"page {number:,}); split the document")  # fmt: skip
    except MapFileError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a broken or hostile file (its own
        # limits on decompression and tokens among them): each is this file's fault
        raise _refuse(name, f"not a readable PDF ({exc})") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise _refuse(name, "the PDF has no text layer (a scan?); nothing to read")
    return text
