"""A map made ready to draw: graph, indexes, layout and filter choices, computed once per file
content (the app caches :func:`prepare` on a hash of the bytes)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from argmap.errors import MapFileError, Problem
from argmap.graph import to_graph
from argmap.model import ArgumentMap
from argmap.view.layout import Layout, layered_layout
from argmap.view.select import options
from argmap.view.structure import Structure

DEFAULT_MAP = "cybercrime-treaties"


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


def maps_dir(app_dir: Path) -> Path:
    """``$ARGMAP_MAPS_DIR``, else ``maps/`` beside the app."""
    return Path(os.environ.get("ARGMAP_MAPS_DIR") or app_dir / "maps")


def list_maps(directory: Path) -> dict[str, Path]:
    """Map files in ``directory`` by name (file name without .yaml), the default map first."""
    if not directory.is_dir():
        return {}
    found = {p.stem: p for p in sorted(directory.glob("*.yaml")) if p.is_file()}
    if DEFAULT_MAP in found:
        found = {DEFAULT_MAP: found[DEFAULT_MAP]} | found
    return found


def upload_text(name: str, data: bytes) -> str:
    """An uploaded file's text; raises a located MapFileError when it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MapFileError(
            [Problem(name, 1, 1, "", f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
        ) from None
