"""Debate briefs: build one for a side of a thesis, then render it as Markdown, HTML or PDF
(:func:`argmap.products.brief.pdf.to_pdf`, imported on use: it loads ReportLab)."""

from argmap.products.brief.build import Brief, build_brief, sides
from argmap.products.brief.render import to_html, to_markdown

__all__ = ["Brief", "build_brief", "sides", "to_html", "to_markdown"]
