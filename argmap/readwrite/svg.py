"""The map as SVG, drawn by Graphviz's ``dot`` from :func:`argmap.readwrite.dot.generate_dot`.

Graphviz is a program, not a Python package: when ``dot`` is not installed,
:func:`generate_svg` raises :class:`GraphvizMissing` saying how to install it.

>>> from argmap.model import ArgumentMap
>>> try:
...     print("<svg" in generate_svg(ArgumentMap(title="Empty", question="Q?")))
... except GraphvizMissing:
...     print(True)
True
"""

from __future__ import annotations

import os
import shutil
import subprocess

from argmap.model import ArgumentMap
from argmap.readwrite.dot import generate_dot
from argmap.readwrite.formats import Format
from argmap.store.atomic import atomic_write_text

__all__ = ["GraphvizMissing", "find_dot", "generate_svg", "write_svg"]

INSTALL_HINT = (
    "SVG export needs Graphviz's `dot` program: install graphviz "
    "(Debian/Ubuntu: `sudo apt-get install graphviz`; macOS: `brew install graphviz`; "
    "Windows: https://graphviz.org/download/), or export DOT and render it elsewhere"
)


class GraphvizMissing(RuntimeError):
    """Graphviz's ``dot`` is not installed."""


def find_dot() -> str | None:
    """Return the path of Graphviz's ``dot``, or ``None`` when it is not installed.

    >>> find_dot() is None or find_dot().endswith("dot")
    True
    """
    return shutil.which("dot")


# Above this many claims and relations dot's layout is bounded: its network-simplex
# placement (ranks, then x positions) stops after NS_ROUNDS iterations and crossing
# minimisation after a fraction of its passes. Unbounded, placement grows about as n^2.5
# (a 2,000-claim map took 5.9 CPU s, all of it there); bounded, it is a few tenths of a
# second, and the drawing keeps its ranks and order (edges get a little longer).
BOUNDED_FROM = 400
NS_ROUNDS = 300


def layout_options(nodes: int) -> list[str]:
    """Return dot's options bounding its layout work for a graph of ``nodes`` nodes (claims).

    >>> layout_options(100)
    []
    >>> layout_options(3000)
    ['-Gnslimit=0.1', '-Gnslimit1=0.1', '-Gsearchsize=10', '-Gmclimit=0.3']
    """
    if nodes < BOUNDED_FROM:
        return []
    share = f"{NS_ROUNDS / nodes:.3g}"  # dot multiplies nslimit by the node count
    return [f"-Gnslimit={share}", f"-Gnslimit1={share}", "-Gsearchsize=10", "-Gmclimit=0.3"]


def generate_svg(argument_map: ArgumentMap, timeout: float = 120.0) -> str:
    """Return the map drawn as SVG text (a big map's layout bounded: :func:`layout_options`).

    Raises :class:`GraphvizMissing` without Graphviz, ``RuntimeError`` if ``dot`` fails.
    """
    dot = find_dot()
    if dot is None:
        raise GraphvizMissing(INSTALL_HINT)
    nodes = len(argument_map.claims)  # dot's ranked nodes: claims (relations are edges)
    # The DOT text quotes every label, so nothing in the map can reach dot as syntax.
    done = subprocess.run(
        [dot, "-Tsvg", *layout_options(nodes)],
        input=generate_dot(argument_map).encode("utf-8"),
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise RuntimeError(f"dot failed (exit {done.returncode}): {message}")
    return done.stdout.decode("utf-8")


def write_svg(
    argument_map: ArgumentMap, path: str | os.PathLike[str], timeout: float = 120.0
) -> None:
    """Write :func:`generate_svg` of the map to ``path``, atomically (a reader of the
    file never sees half of it)."""
    atomic_write_text(path, generate_svg(argument_map, timeout))


FORMATS = (
    Format(
        "svg", "SVG picture", (".svg",), "image/svg+xml",
        "The map drawn by Graphviz (needs Graphviz's dot program).",
        keeps="a picture of the map", write=lambda m, view: generate_svg(m), rank=20,
    ),
)  # fmt: skip
