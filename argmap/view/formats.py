"""Every format the CLI and the app offer: :mod:`argmap.readwrite`'s, and the standalone
page (:mod:`argmap.products.standalone`) as the ``html`` format: the one format that needs
the analysis (the page shows each claim's label), so it is registered from here, the layer
that sees both the formats and the products."""

from __future__ import annotations

from argmap.products.standalone import generate_html, write_html
from argmap.readwrite import formats
from argmap.readwrite.formats import Format

__all__ = ["FORMATS", "generate_html", "registry", "write_html"]


def registry() -> formats.Registry:
    """Return the registry of every format, this package's included."""
    return formats.registry("argmap.readwrite", "argmap.view")


FORMATS = (
    Format(
        "html", "Standalone HTML", (".html", ".htm"), "text/html",
        "One file that draws the map and shows quotes on click; opens offline in any "
        "browser, no Python needed.",
        keeps="the drawing, every claim's quote, source and actor, and the grounded labels",
        write=lambda m, view: generate_html(m), rank=10,
    ),
)  # fmt: skip
