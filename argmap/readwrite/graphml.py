"""The map's graph (see :mod:`argmap.graph`) as GraphML, and back without loss.

GraphML attributes are scalars, so list- and record-valued attributes (a claim's ``tags``,
the map's ``sources`` and ``actors``) are stored as JSON text, named in the graph attribute
``json_attributes`` so the reader knows which to decode.

>>> from argmap.model import ArgumentMap
>>> import io
>>> m = ArgumentMap(title="T", question="Q?")
>>> buffer = io.BytesIO()
>>> write_graphml(m, buffer)
>>> _ = buffer.seek(0)
>>> read_graphml(buffer) == m
True
"""

from __future__ import annotations

import io
import json
import os
import re
from typing import IO, TYPE_CHECKING, Any

from argmap.model import ArgumentMap
from argmap.readwrite.formats import Format

if TYPE_CHECKING:  # networkx is imported by the functions that use it: finding the formats
    import networkx as nx  # (every command that exports) should not pay for it

_JSON_KEYS = "json_attributes"


# Characters XML 1.0 cannot hold (or that its readers change: CR becomes LF).
_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")


def _needs_json(value: Any) -> bool:
    return isinstance(value, list | dict) or (
        isinstance(value, str) and bool(_NOT_XML.search(value))
    )


def _encode(attrs: dict[str, Any], encoded: set[str]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if k in encoded else v for k, v in attrs.items()}


def write_graphml(
    graph_or_map: nx.DiGraph | ArgumentMap, path: str | os.PathLike[str] | IO[bytes]
) -> None:
    """Write a map (or its graph) as GraphML."""
    import networkx as nx

    from argmap.graph import to_graph

    G = to_graph(graph_or_map) if isinstance(graph_or_map, ArgumentMap) else graph_or_map
    # An attribute is JSON text everywhere once any of its values needs it (so the reader
    # knows by its name alone): lists and records, and text XML cannot hold.
    everything = [G.graph, *(attrs for _, attrs in G.nodes(data=True))]
    encoded = {k for attrs in everything for k, v in attrs.items() if _needs_json(v)}
    H = nx.DiGraph()
    H.graph.update(_encode(G.graph, encoded))
    for node, attrs in G.nodes(data=True):
        H.add_node(node, **_encode(attrs, encoded))
    H.add_edges_from(G.edges())
    H.graph[_JSON_KEYS] = " ".join(sorted(encoded))
    nx.write_graphml(H, path, encoding="utf-8", prettyprint=True)


def read_graphml_graph(path: str | os.PathLike[str] | IO[bytes]) -> nx.DiGraph:
    """Read GraphML written by :func:`write_graphml` into the graph of :mod:`argmap.graph`."""
    import networkx as nx

    H = nx.read_graphml(path, node_type=str)
    encoded = set(str(H.graph.pop(_JSON_KEYS, "")).split())

    def decode(attrs: dict[str, Any]) -> dict[str, Any]:
        return {k: json.loads(v) if k in encoded else v for k, v in attrs.items()}

    G = nx.DiGraph()
    G.graph.update(decode(H.graph))
    for node, attrs in H.nodes(data=True):
        G.add_node(node, **decode(attrs))
    G.add_edges_from(H.edges())
    return G


def read_graphml(path: str | os.PathLike[str] | IO[bytes]) -> ArgumentMap:
    """Read GraphML written by :func:`write_graphml` back into the map."""
    from argmap.graph import to_map

    return to_map(read_graphml_graph(path))


def _graphml_bytes(argument_map: ArgumentMap, view: str) -> bytes:
    buffer = io.BytesIO()
    write_graphml(argument_map, buffer)
    return buffer.getvalue()


FORMATS = (
    Format(
        "graphml", "GraphML", (".graphml",), "application/xml",
        "For Gephi, yEd and networkx.",
        keeps="everything (the map's graph; read back with read_graphml)",
        write=_graphml_bytes, rank=90,
    ),
)  # fmt: skip
