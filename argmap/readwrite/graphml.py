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

from argmap.limits import DEFAULT_LIMITS, Limits, position, read_bytes_limited
from argmap.model import ArgumentMap
from argmap.problems import MapFileError, Problem
from argmap.readwrite.formats import Format
from argmap.store.atomic import atomic_write_bytes

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
    """Write a map (or its graph) as GraphML to ``path`` (atomically) or a binary stream."""
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
    if isinstance(path, str | os.PathLike):  # a file: atomically, as every writer
        buffer = io.BytesIO()
        nx.write_graphml(H, buffer, encoding="utf-8", prettyprint=True)
        atomic_write_bytes(path, buffer.getvalue())
    else:
        nx.write_graphml(H, path, encoding="utf-8", prettyprint=True)


Source = str | os.PathLike[str] | IO[bytes]

# GraphML needs no document type: a DOCTYPE is where entities (the billion laughs, external
# files) are declared, so one is refused before any XML parser sees the text.
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)


def _graphml_data(source: Source, limits: Limits, name: str) -> bytes:
    if isinstance(source, str | os.PathLike):
        data = read_bytes_limited(source, limits, name)
    else:
        data = source.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            raise _problem(name, 1, 1, f"over {limits.max_bytes:,} bytes (raise with --max-size)",
                           "too_large")  # fmt: skip
    hostile = _DOCTYPE.search(data)
    if hostile is not None:
        before = data[: hostile.start()].decode("utf-8", "replace")
        line, col = position(before, len(before))
        message = (
            "a DOCTYPE or ENTITY declaration: GraphML needs none, and entities can expand "
            "without bound; remove it"
        )
        raise _problem(name, line, col, message, "xml_entity")
    return data


def _problem(name: str, line: int, col: int, message: str, type: str) -> MapFileError:
    return MapFileError([Problem(name, line, col, "", message, type)])


def read_graphml_graph(
    path: Source, limits: Limits = DEFAULT_LIMITS, name: str | None = None
) -> nx.DiGraph:
    """Return the graph of :mod:`argmap.graph` in GraphML written by :func:`write_graphml`.

    A file over ``limits``, with a DOCTYPE or entity declaration, or that is not GraphML,
    raises a located :class:`~argmap.problems.MapFileError`, never an XML parser's error.

    >>> read_graphml_graph(io.BytesIO(b'<?xml version="1.0"?>\\n<!DOCTYPE x [<!ENTITY a "b">]>'))
    Traceback (most recent call last):
    ...
    argmap.problems.MapFileError: <graphml>:2:1: a DOCTYPE or ENTITY declaration: GraphML \
needs none, and entities can expand without bound; remove it
    """
    from xml.etree.ElementTree import ParseError

    import networkx as nx

    label = name or (str(path) if isinstance(path, str | os.PathLike) else "<graphml>")
    data = _graphml_data(path, limits, label)
    try:
        H = nx.read_graphml(io.BytesIO(data), node_type=str)
    except ParseError as exc:
        line, col = exc.position
        what = re.sub(r": line \d+, column \d+$", "", str(exc))  # said by the location
        raise _problem(label, line, col + 1, f"not XML: {what}", "xml_syntax") from None
    except (nx.NetworkXError, ValueError, KeyError, TypeError) as exc:
        raise _problem(label, 1, 1, f"not GraphML argmap can read: {exc}", "graphml") from None
    if H.number_of_nodes() > 2 * limits.max_items:  # claims and relations are both nodes
        raise _problem(label, 1, 1, f"{H.number_of_nodes():,} nodes; a map holds at most "
                       f"{limits.max_items:,} claims and as many relations (raise with "
                       "--max-items)", "too_many_items")  # fmt: skip
    encoded = set(str(H.graph.pop(_JSON_KEYS, "")).split())

    def decode(attrs: dict[str, Any]) -> dict[str, Any]:
        try:
            return {k: json.loads(v) if k in encoded else v for k, v in attrs.items()}
        except (json.JSONDecodeError, TypeError) as exc:
            raise _problem(label, 1, 1, f"an attribute is not the JSON it should be: {exc}",
                           "graphml") from None  # fmt: skip

    G = nx.DiGraph()
    G.graph.update(decode(H.graph))
    for node, attrs in H.nodes(data=True):
        G.add_node(node, **decode(attrs))
    G.add_edges_from(H.edges())
    return G


def read_graphml(
    path: Source, limits: Limits = DEFAULT_LIMITS, name: str | None = None
) -> ArgumentMap:
    """Return the map in GraphML written by :func:`write_graphml` (as
    :func:`read_graphml_graph` reads it; a graph that is no valid map is refused, each
    problem with its field)."""
    from pydantic import ValidationError

    from argmap.graph import to_map

    label = name or (str(path) if isinstance(path, str | os.PathLike) else "<graphml>")
    G = read_graphml_graph(path, limits, label)
    try:
        return to_map(G)
    except ValidationError as exc:
        raise MapFileError(
            Problem.at(label, 1, 1, e["loc"], e["msg"], e["type"])
            for e in exc.errors(include_url=False)
        ) from None
    except (KeyError, ValueError) as exc:
        raise _problem(label, 1, 1, f"not a map's graph: {exc}", "graphml") from None


def generate_graphml(graph_or_map: nx.DiGraph | ArgumentMap) -> str:
    """Return a map (or its graph) as GraphML text (:func:`write_graphml` writes it).

    >>> generate_graphml(ArgumentMap(title="T", question="Q?")).startswith("<?xml")
    True
    """
    buffer = io.BytesIO()
    write_graphml(graph_or_map, buffer)
    return buffer.getvalue().decode("utf-8")


FORMATS = (
    Format(
        "graphml", "GraphML", (".graphml",), "application/xml",
        "For Gephi, yEd and networkx.",
        keeps="everything (the map's graph; read back with read_graphml)",
        write=lambda m, view: generate_graphml(m), rank=90,
    ),
)  # fmt: skip
