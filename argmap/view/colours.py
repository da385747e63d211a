"""Node colours and their legend: by status under the chosen semantics, by source or by actor."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from argmap.vocabulary import LABELS, UNLABELLED

STATUS_COLOURS = {k: terms.colour for k, terms in LABELS.items()}
UNKNOWN = UNLABELLED
STATUS_NAMES = {k: terms.legend for k, terms in LABELS.items()}
# Light, distinct fills (ColorBrewer Set3 and Pastel1) that keep dark text readable.
PALETTE = [
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
    "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f",
    "#a6cee3", "#fddaec", "#e5d8bd", "#cab2d6",
]  # fmt: skip


@dataclass(frozen=True)
class Colouring:
    """A fill per claim and the legend that explains it."""

    fills: dict[str, str]
    title: str
    legend: list[tuple[str, str]]  # (label, colour)


def by_status(claims: Iterable[str], labels: Mapping[str, str] | None) -> Colouring:
    """Colour claims by label ("in"/"out"/"undec"); without labels, all grey."""
    if labels is None:
        return Colouring({c: UNKNOWN for c in claims}, "Status", [("not evaluated", UNKNOWN)])
    fills = {c: STATUS_COLOURS.get(str(labels.get(c, "")), UNKNOWN) for c in claims}
    legend = [(STATUS_NAMES[k], v) for k, v in STATUS_COLOURS.items()]
    return Colouring(fills, "Status", legend)


def by_category(G: nx.DiGraph, claims: Iterable[str], field: str) -> Colouring:
    """Colour claims by their ``source`` or ``actor``, one palette colour per value in use."""
    if field not in ("source", "actor"):
        raise ValueError(f"cannot colour by {field!r}")
    entries = G.graph.get("sources" if field == "source" else "actors", [])
    name_key = "title" if field == "source" else "name"
    claim_list = list(claims)
    used = {G.nodes[c][field] for c in claim_list}
    colour: dict[str, str] = {}
    legend: list[tuple[str, str]] = []
    for entry in entries:
        if entry["id"] in used:
            colour[entry["id"]] = PALETTE[len(colour) % len(PALETTE)]
            legend.append((str(entry.get(name_key, entry["id"])), colour[entry["id"]]))
    fills = {c: colour.get(G.nodes[c][field], UNKNOWN) for c in claim_list}
    return Colouring(fills, "Source" if field == "source" else "Actor", legend)
