"""Render a :class:`~argmap.products.brief.build.Brief` as a PDF handout (A4 or Letter).

ReportLab lays it out (pure Python from the package registry; no system libraries), in the
Bitstream Vera fonts ReportLab ships, so the PDF looks the same on every machine. It walks
the same outline as the Markdown and HTML renderers (:mod:`argmap.products.brief.render`). Map text
is XML-escaped before it reaches ReportLab's paragraph markup, so ``<b>`` in a claim prints
as those characters. The output is invariant (no timestamp or random id): the same brief
gives the same bytes.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from argmap.products.brief.build import Brief
from argmap.products.brief.render import Item, sections_of

__all__ = ["to_pdf"]

_FONT = "ArgmapVera"


@cache
def _register_fonts() -> None:
    import reportlab
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(reportlab.__file__).parent / "fonts"
    faces = {"": "Vera.ttf", "-Bold": "VeraBd.ttf", "-Italic": "VeraIt.ttf",
             "-BoldItalic": "VeraBI.ttf"}  # fmt: skip
    for suffix, file in faces.items():
        pdfmetrics.registerFont(TTFont(_FONT + suffix, str(folder / file)))
    for bold, italic, suffix in ((0, 0, ""), (1, 0, "-Bold"), (0, 1, "-Italic"),
                                 (1, 1, "-BoldItalic")):  # fmt: skip
        addMapping(_FONT, bold, italic, _FONT + suffix)


def _styles() -> dict[str, object]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName=_FONT, fontSize=9.5, leading=12.5, spaceAfter=2)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=_FONT + "-Bold", fontSize=15,
                                leading=19, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=body, textColor=colors.HexColor("#444444"),
                                   spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=body, fontName=_FONT + "-Bold", fontSize=12,
                             leading=15, spaceBefore=10, spaceAfter=3, keepWithNext=1),
        "intro": ParagraphStyle("intro", parent=body, textColor=colors.HexColor("#444444"),
                                spaceAfter=4),
        "item": body,
        "quote": ParagraphStyle("quote", parent=body, fontName=_FONT + "-Italic",
                                textColor=colors.HexColor("#333333"), spaceAfter=0),
        "cite": ParagraphStyle("cite", parent=body, fontSize=8, leading=10,
                               textColor=colors.HexColor("#444444"), spaceAfter=3),
        "open": ParagraphStyle("open", parent=body, fontName=_FONT + "-Italic",
                               textColor=colors.HexColor("#8a1c1c")),
    }  # fmt: skip


def _x(text: str) -> str:
    """Map text as ReportLab paragraph text: escaped, whitespace folded."""
    return escape(" ".join(text.split()))


def _items(items: list[Item], numbered: bool, depth: int, styles: dict) -> list[object]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Paragraph

    indent = 14 * depth + 14
    flow: list[object] = []
    for n, item in enumerate(items, 1):
        bullet = f"{n}." if numbered and depth == 0 else "•"

        def at(style: str, extra: float = 0.0) -> ParagraphStyle:
            return ParagraphStyle(f"{style}{depth}{extra}", parent=styles[style],
                                  leftIndent=indent + extra, bulletIndent=indent - 12)  # fmt: skip

        lead = _x(item.lead)
        if item.claim is None:
            flow.append(Paragraph(lead, at("item" if item.plain else "open"), bulletText=bullet))
            flow += _items(item.children, False, depth + 1, styles)
            continue
        c = item.claim
        said = item.meta_of(c)
        head = f"{lead + ': ' if lead else ''}<b>{_x(c.statement)}</b>" + (
            f' <font size="8" color="#555555">({_x(said)})</font>' if said else ""
        )
        block = [Paragraph(head, at("item"), bulletText=bullet)]
        if item.quoted:
            block += [
                Paragraph(f"\u201c{_x(c.quote)}\u201d", at("quote", 10)),
                Paragraph(f"\u2014 {_x(item.cite_of(c))}", at("cite", 10)),
            ]
        if item.why_of(c):
            block.append(Paragraph(f"<i>Why:</i> {_x(item.why_of(c))}", at("item", 10)))
        if item.note:
            block.append(Paragraph(_x(item.note), at("item", 10)))
        flow.append(KeepTogether(block))
        flow += _items(item.children, False, depth + 1, styles)
    return flow


def to_pdf(brief: Brief, *, letter: bool = False, full: bool = False) -> bytes:
    """Return the round brief (or with ``full`` the whole dossier) as a PDF (A4, or US
    Letter with ``letter``); same brief, same bytes."""
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    _register_fonts()
    styles = _styles()
    title, subtitle, sections = sections_of(brief, full)
    flow: list[object] = [
        Paragraph(_x(title), styles["title"]),
        Paragraph(_x(subtitle), styles["subtitle"]),
    ]
    for section in sections:
        flow.append(Paragraph(_x(section.heading), styles["h2"]))
        if section.intro:
            flow.append(Paragraph(_x(section.intro), styles["intro"]))
        flow += _items(section.items, section.numbered, 0, styles)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=LETTER if letter else A4, title=title, author="argmap",
        creator="argmap", leftMargin=16 * mm, rightMargin=16 * mm, topMargin=15 * mm,
        bottomMargin=15 * mm, invariant=1,
    )  # fmt: skip
    doc.build(flow)
    return buffer.getvalue()
