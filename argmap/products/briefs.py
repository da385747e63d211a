"""The debate brief as a registered product (wiring only: the brief itself is
:mod:`argmap.products.brief`): one side of a thesis as Markdown, HTML, PDF or Word, the
round brief or (``full``) the whole dossier. The flow sheet (:mod:`argmap.products.flow`)
shares :func:`prepare_brief`, so one brief serves both.

>>> from argmap.analysis import demo_graph
>>> from argmap.graph import to_map
>>> text = PRODUCT.make(to_map(demo_graph()), Request(thesis="thesis", side="for"), ".md")
>>> text.decode().splitlines()[0]
'# Round brief for: We should join.'
"""

from __future__ import annotations

from argmap.model import ArgumentMap
from argmap.products.brief import Brief, build_brief, to_html, to_markdown
from argmap.products.registry import Output, Product, Request

__all__ = ["PRODUCT", "prepare_brief"]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def prepare_brief(argument_map: ArgumentMap, request: Request) -> Brief:
    """Return the brief for ``request.side`` of ``request.thesis`` under its reading."""
    from argmap.graph import to_graph

    assert request.thesis is not None and request.side is not None  # Product.missing
    return build_brief(
        to_graph(argument_map), request.thesis, request.side, reading=request.reading
    )


def render_brief(brief: Brief, argument_map: ArgumentMap, request: Request, suffix: str) -> bytes:
    """Return ``brief`` as the file ``suffix`` names (``.md``, ``.html``, ``.pdf``,
    ``.docx``), the dossier when ``request.full``."""
    full = request.full
    if suffix == ".pdf":
        from argmap.products.brief.pdf import to_pdf

        return to_pdf(brief, letter=request.letter, full=full)
    if suffix == ".docx":
        from argmap.products.brief.docx import source_texts, to_docx

        return to_docx(brief, argument_map, source_texts(argument_map, request.sources), full=full)
    text = to_html(brief, full=full) if suffix == ".html" else to_markdown(brief, full=full)
    return text.encode("utf-8")


PRODUCT = Product(
    "brief", "Debate brief",
    "One side of a thesis: the bottom line, the best cards of each side with our answers, "
    "what it would take (the round brief); with full, the whole dossier.",
    outputs=(
        Output(".md", "text/markdown", "Markdown", also=(".markdown",)),
        Output(".html", "text/html", "HTML", also=(".htm",)),
        Output(".pdf", "application/pdf", "PDF", slow=True),
        Output(".docx", DOCX, "Word (Verbatim)", slow=True),
    ),
    prepare=prepare_brief,
    render=render_brief,
    needs=frozenset({"thesis", "side"}),
)  # fmt: skip
