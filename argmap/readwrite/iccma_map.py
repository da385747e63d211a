"""A map's attack framework in the ICCMA formats, so any ICCMA solver can check our labels.

The framework is the one argmap evaluates (:func:`argmap.semantics.bipolar.attack_framework`:
claims first, in map order, then relation arguments and the helpers of the bipolar
treatment). ICCMA 2023 numbers arguments ``1..N`` and APX needs plain names, so both files
number them the same way (APX as ``a1..aN``) and carry a **key** in comments, one line per
argument: its number, what it is (``claim``, ``relation`` or ``helper``) and its name in the
map. :func:`read_key` reads the key back, so a solver's extensions can be mapped to claims.

>>> from argmap.analysis import demo_graph
>>> text = generate_iccma(demo_graph())
>>> print("\\n".join(text.splitlines()[:4]))
p af 14
# argmap key: argument number, kind, name in the map (claims are numbered first)
# 1 claim thesis
# 2 claim cost
>>> read_key(text)["2"]
'cost'
>>> print(generate_apx(demo_graph()).splitlines()[1])
% a1 claim thesis
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from argmap.model import ArgumentMap
from argmap.readwrite.formats import Format
from argmap.semantics.framework import DEFAULT_VIEW, Framework
from argmap.store.atomic import atomic_write_text

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["claim_extensions", "generate_apx", "generate_iccma", "map_framework", "read_key"]

_KEY = re.compile(r"^[#%]\s*(a?\d+)\s+(claim|relation|helper)\s+(\S+)\s*$")


def map_framework(source: ArgumentMap | nx.DiGraph, view: str = DEFAULT_VIEW) -> Framework:
    """Return the attack framework argmap evaluates for a map (or its graph).

    >>> from argmap.analysis import demo_graph
    >>> map_framework(demo_graph(), "attack-only").names[:5]
    ['thesis', 'cost', 'subsidy', 'doubt', 'jobs']
    """
    from argmap.graph import to_graph
    from argmap.semantics.bipolar import attack_framework

    G = to_graph(source) if isinstance(source, ArgumentMap) else source
    return attack_framework(G, view)


def _keyed(source: ArgumentMap | nx.DiGraph, fw: Framework) -> list[tuple[int, str, str]]:
    """(number, kind, name) of every argument, numbered from 1."""
    if isinstance(source, ArgumentMap):
        claims = {c.id for c in source.claims}
        relations = {r.id for r in source.relations}
    else:
        claims = {n for n, role in source.nodes(data="role") if role == "claim"}
        relations = {n for n, role in source.nodes(data="role") if role == "relation"}
    return [
        (i, "claim" if n in claims else "relation" if n in relations else "helper", n)
        for i, n in enumerate(fw.names, 1)
    ]


def generate_iccma(source: ArgumentMap | nx.DiGraph, view: str = DEFAULT_VIEW) -> str:
    """Return the map's framework in the ICCMA 2023 format (``p af N``) with the key.

    >>> from argmap.analysis import demo_graph
    >>> generate_iccma(demo_graph()).splitlines()[-1]
    '14 10'
    """
    fw = map_framework(source, view)
    lines = [
        f"p af {len(fw)}",
        "# argmap key: argument number, kind, name in the map (claims are numbered first)",
    ]
    lines += [f"# {i} {kind} {name}" for i, kind, name in _keyed(source, fw)]
    lines += [f"{a + 1} {b + 1}" for a, targets in enumerate(fw.targets) for b in targets]
    return "\n".join(lines) + "\n"


def generate_apx(source: ArgumentMap | nx.DiGraph, view: str = DEFAULT_VIEW) -> str:
    """Return the map's framework as APX facts, arguments named ``a1..aN``, with the key.

    >>> from argmap.analysis import demo_graph
    >>> generate_apx(demo_graph()).splitlines()[15:17]
    ['arg(a1).', 'arg(a2).']
    """
    fw = map_framework(source, view)
    lines = ["% argmap key: argument, kind, name in the map (claims are numbered first)"]
    lines += [f"% a{i} {kind} {name}" for i, kind, name in _keyed(source, fw)]
    lines += [f"arg(a{i})." for i in range(1, len(fw) + 1)]
    lines += [f"att(a{a + 1},a{b + 1})." for a, targets in enumerate(fw.targets) for b in targets]
    return "\n".join(lines) + "\n"


def write_iccma(
    source: ArgumentMap | nx.DiGraph, path: str | os.PathLike[str], view: str = DEFAULT_VIEW
) -> None:
    """Write :func:`generate_iccma` of the map to ``path``, atomically."""
    atomic_write_text(path, generate_iccma(source, view))


def write_apx(
    source: ArgumentMap | nx.DiGraph, path: str | os.PathLike[str], view: str = DEFAULT_VIEW
) -> None:
    """Write :func:`generate_apx` of the map to ``path``, atomically."""
    atomic_write_text(path, generate_apx(source, view))


def read_key(text: str) -> dict[str, str]:
    """Return the key of an exported file: argument (``"1"`` or ``"a1"``) -> name in the map.

    >>> read_key("p af 1\\n# 1 claim join\\n")
    {'1': 'join'}
    """
    key: dict[str, str] = {}
    for line in text.splitlines():
        if match := _KEY.match(line.strip()):
            key[match.group(1)] = match.group(3)
    return key


def claim_extensions(
    extensions: list[list[str]], key: dict[str, str], claims: set[str]
) -> set[frozenset[str]]:
    """Return a solver's extensions as sets of claim ids (helpers and relations dropped).

    >>> sorted(map(sorted, claim_extensions([["1", "3"]], {"1": "a", "3": "r"}, {"a"})))
    [['a']]
    """
    return {frozenset(key[x] for x in ext if key.get(x) in claims) for ext in extensions}


FORMATS = (
    Format(
        "iccma", "ICCMA (p af N)", (".af", ".i23", ".iccma"), "text/plain",
        "The attack framework argmap evaluates (after the bipolar treatment), for any "
        "ICCMA solver; the comments key numbers to claim ids.",
        keeps="the attack framework and, in comments, the claim ids", write=generate_iccma, rank=60,
    ),
    Format(
        "apx", "APX", (".apx",), "text/plain",
        "The same framework as ASPARTIX facts, with the key.",
        keeps="the attack framework and, in comments, the claim ids", write=generate_apx, rank=70,
    ),
)  # fmt: skip
