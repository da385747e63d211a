"""Every product argmap makes from a map, declared once: its name, its outputs and the
reading it needs.

A product module holds ``PRODUCT``: a :class:`Product`. It is registered by one line in
``pyproject.toml``, like a format::

    [project.entry-points."argmap.products"]
    deck = "argmap.products.deck:PRODUCT"

so another package adds a product the same way. ``argmap make`` takes its choices, its
suffixes and its options from :func:`products`; a new product is one module, that line and
its test.

>>> deck = products()["deck"]
>>> deck.needs, [o.suffix for o in deck.outputs]
(frozenset({'semantics'}), ['.pptx'])
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["GROUP", "Output", "Product", "Request", "products"]

GROUP = "argmap.products"
# What a product may need besides the map: the parts of a reading.
Need = Literal["thesis", "side", "semantics", "audience"]


@dataclass(frozen=True)
class Request:
    """The reading a product is made under (each product reads the parts it ``needs``)."""

    thesis: str | None = None
    side: Literal["for", "against"] | None = None
    semantics: str = "grounded"
    audience: str | None = None
    timeout: float | None = 10.0


@dataclass(frozen=True)
class Output:
    """One file a product makes: its suffix, MIME type and label for people."""

    suffix: str
    mime: str
    label: str


@dataclass(frozen=True)
class Product:
    """A product: ``make(map, request, suffix)`` returns the file for one of ``outputs``.

    ``needs`` names what of :class:`Request` it reads; a request without it is refused
    before anything is built (:meth:`missing`).
    """

    name: str
    label: str
    about: str
    outputs: tuple[Output, ...]
    make: Callable[[ArgumentMap, Request, str], bytes]
    needs: frozenset[Need] = field(default_factory=frozenset)

    def output_for(self, filename: str) -> Output | None:
        """Return the output whose suffix ends ``filename`` (case-insensitive), or None."""
        lower = filename.lower()
        return next((o for o in self.outputs if lower.endswith(o.suffix)), None)

    def missing(self, request: Request) -> list[str]:
        """Return the needed parts ``request`` lacks (``[]`` when it can be made)."""
        return sorted(n for n in self.needs if getattr(request, n) is None)


@cache
def products() -> dict[str, Product]:
    """Return the registered products by name (:data:`GROUP` entry points)."""
    from argmap.plugins import declared

    found: dict[str, Product] = {}
    for entry in declared(GROUP):
        product = entry.load()
        found[product.name] = product
    return dict(sorted(found.items()))
