"""The debate brief as a registered product (wiring only: the brief itself is
:mod:`argmap.products.brief`): one side of a thesis as Markdown, HTML, PDF or Word.

>>> from argmap.analysis import demo_graph
>>> from argmap.graph import to_map
>>> text = PRODUCT.make(to_map(demo_graph()), Request("thesis", "for"), ".md")
>>> text.decode().splitlines()[0]
'# Round brief for: We should join.'
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.model import ArgumentMap
from argmap.products.brief import Brief, build_brief, to_html, to_markdown
from argmap.products.registry import Output, Product, Request

__all__ = ["PRODUCT"]


def _pdf(brief: Brief, argument_map: ArgumentMap) -> bytes:
    from argmap.products.brief.pdf import to_pdf

    return to_pdf(brief)


def _docx(brief: Brief, argument_map: ArgumentMap) -> bytes:
    from argmap.products.brief.docx import to_docx

    return to_docx(brief, argument_map)


_RENDER: dict[str, Callable[[Brief, ArgumentMap], str | bytes]] = {
    ".md": lambda b, m: to_markdown(b),
    ".html": lambda b, m: to_html(b),
    ".pdf": _pdf,
    ".docx": _docx,
}


def make_brief(argument_map: ArgumentMap, request: Request, suffix: str) -> bytes:
    """Return the brief for ``request.side`` of ``request.thesis``, as ``suffix`` asks
    (argued to ``request.audience``, an audience id of the map, when given)."""
    from argmap.graph import to_graph
    from argmap.semantics.values import audience_named

    assert request.thesis is not None and request.side is not None
    G = to_graph(argument_map)
    ranking = audience_named(G, request.audience) if request.audience else None
    brief = build_brief(
        G, request.thesis, request.side, semantics=request.semantics,
        timeout=request.timeout, audience=ranking,
    )  # fmt: skip
    data = _RENDER[suffix](brief, argument_map)
    return data.encode("utf-8") if isinstance(data, str) else data


PRODUCT = Product(
    "brief", "Debate brief",
    "One side of a thesis: the case, the answers to each attack, the drops.",
    outputs=(
        Output(".md", "text/markdown", "Markdown"),
        Output(".html", "text/html", "HTML (print-ready)"),
        Output(".pdf", "application/pdf", "PDF"),
        Output(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               "Word (Verbatim)"),
    ),
    make=make_brief,
    needs=frozenset({"thesis", "side", "semantics"}),
)  # fmt: skip
