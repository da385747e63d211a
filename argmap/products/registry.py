"""Every product argmap makes from one map, declared once: its name, its outputs and what it
needs besides the map.

A product module holds ``PRODUCT``: a :class:`Product`. It is registered by one line in
``pyproject.toml``, like a format::

    [project.entry-points."argmap.products"]
    deck = "argmap.products.deck:PRODUCT"

so another package adds a product the same way. ``argmap make`` takes its choices, its
suffixes and its options from :func:`products`, ``argmap brief`` and ``argmap flow`` write
through theirs, and the app's download buttons are its outputs; a new product is one module,
that line and its test (``docs/architecture.md`` has the recipe).

A product is made in two steps, so that one piece of work serves every output: ``prepare``
does what all outputs share (the brief, say), ``render`` turns it into one output's bytes.
:meth:`Product.make` is both at once. Every product is made under the one
:class:`~argmap.semantics.reading.Reading` the caller resolved, as every page is.

>>> deck = products()["deck"]
>>> sorted(deck.needs), [o.suffix for o in deck.outputs]
([], ['.pptx'])
>>> brief = products()["brief"]
>>> brief.missing(Request(thesis="t")), brief.output_for("case.MARKDOWN").suffix
(['side'], '.md')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from argmap.semantics.reading import Reading

if TYPE_CHECKING:
    from argmap.model import ArgumentMap

__all__ = ["GROUP", "NEEDS", "Output", "Product", "Request", "products"]

GROUP = "argmap.products"
# What a product may need besides the map and its reading, in the order people give them.
Need = Literal["thesis", "side"]
NEEDS: tuple[Need, ...] = ("thesis", "side")


@dataclass(frozen=True)
class Request:
    """What a product is made for: the map's reading, and the choices a product may read.

    Frozen and hashable, so a cache keys on it. ``prepare`` reads the reading, the thesis
    and the side (:meth:`shared`); ``full``, ``letter`` and ``sources`` are choices of
    ``render``: everything rather than the short version (the brief's whole dossier, every
    discussion question), US Letter paper for a PDF, and the folder of the sources' texts
    (so the Word brief shows each quote in its sentence). A product ignores what it does not
    use.
    """

    reading: Reading = field(default_factory=Reading)
    thesis: str | None = None
    side: Literal["for", "against"] | None = None
    full: bool = False
    letter: bool = False
    sources: Path | None = None

    def shared(self) -> tuple[Reading, str | None, str | None]:
        """Return what ``prepare`` may read: one prepared result serves every request
        that agrees on it."""
        return self.reading, self.thesis, self.side


@dataclass(frozen=True)
class Output:
    """One file a product makes: its suffix (and other spellings of it), MIME type and label
    for people; ``slow`` when it takes seconds (the app builds it only when asked)."""

    suffix: str
    mime: str
    label: str
    also: tuple[str, ...] = ()
    slow: bool = False

    def matches(self, filename: str) -> bool:
        """Return whether ``filename`` ends with this output's suffix (any case)."""
        lower = filename.lower()
        return any(lower.endswith(s) for s in (self.suffix, *self.also))


@dataclass(frozen=True)
class Product:
    """A product: ``prepare(map, request)`` does the work its outputs share, and
    ``render(prepared, map, request, suffix)`` returns one output's bytes.

    ``needs`` names what of :class:`Request` besides the reading it must have; a request
    without it is refused before anything is built (:meth:`missing`).
    """

    name: str
    label: str
    about: str
    outputs: tuple[Output, ...]
    prepare: Callable[[ArgumentMap, Request], Any]
    render: Callable[[Any, ArgumentMap, Request, str], bytes]
    needs: frozenset[Need] = field(default_factory=frozenset)

    def make(self, argument_map: ArgumentMap, request: Request, suffix: str) -> bytes:
        """Return the output ``suffix`` (one of :attr:`outputs`) for ``request``."""
        return self.render(self.prepare(argument_map, request), argument_map, request, suffix)

    def output_for(self, filename: str) -> Output | None:
        """Return the output ``filename``'s suffix asks for (any case), or None."""
        return next((o for o in self.outputs if o.matches(filename)), None)

    def missing(self, request: Request) -> list[str]:
        """Return the needed parts ``request`` lacks (``[]`` when it can be made)."""
        return [n for n in NEEDS if n in self.needs and getattr(request, n) is None]

    def suffixes(self) -> str:
        """Return the outputs' suffixes in words: ``".md, .html or .pdf"``."""
        names = [o.suffix for o in self.outputs]
        return f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else names[0]


@cache
def products() -> dict[str, Product]:
    """Return the registered products by name (:data:`GROUP` entry points)."""
    from argmap.plugins import declared

    found: dict[str, Product] = {}
    for entry in declared(GROUP):
        product = entry.load()
        found[product.name] = product
    return dict(sorted(found.items()))
