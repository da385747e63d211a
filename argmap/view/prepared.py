"""A map made ready to draw: graph, indexes, layout and filter choices, computed once per file
content (the app caches :func:`prepare` on a hash of the bytes)."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from argmap.graph import to_graph
from argmap.graph.structure import Structure
from argmap.model import ArgumentMap
from argmap.products.drawing.layout import Layout, layered_layout
from argmap.view.select import options


@dataclass(frozen=True)
class PreparedMap:
    name: str
    map: ArgumentMap
    graph: nx.DiGraph
    structure: Structure
    layout: Layout
    options: dict[str, dict[str, str]]


def prepare(argument_map: ArgumentMap, name: str) -> PreparedMap:
    G = to_graph(argument_map)
    structure = Structure.of(G)
    return PreparedMap(
        name=name,
        map=argument_map,
        graph=G,
        structure=structure,
        layout=layered_layout(G, structure),
        options=options(G, structure.claims),
    )
