"""Which claims to draw: filters, search, focus on a neighbourhood or on the paths to a thesis,
and collapsing a big map below a depth. Every function returns claim ids; drawing is elsewhere.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from argmap.graph.structure import Structure
from argmap.products.drawing.layout import Layout
from argmap.view.text import fold


@dataclass(frozen=True)
class Filters:
    """Keep a claim when it matches every non-empty criterion (any of its values)."""

    sources: frozenset[str] = field(default_factory=frozenset)
    actors: frozenset[str] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)
    kinds: frozenset[str] = field(default_factory=frozenset)

    @property
    def active(self) -> bool:
        return bool(self.sources or self.actors or self.tags or self.kinds)


def filter_claims(G: nx.DiGraph, claims: Iterable[str], filters: Filters) -> set[str]:
    """The claims among ``claims`` that pass ``filters``."""
    kept = set()
    for c in claims:
        attrs = G.nodes[c]
        if filters.sources and attrs["source"] not in filters.sources:
            continue
        if filters.actors and attrs["actor"] not in filters.actors:
            continue
        if filters.tags and not filters.tags.intersection(attrs.get("tags", ())):
            continue
        if filters.kinds and attrs.get("kind", "claim") not in filters.kinds:
            continue
        kept.add(c)
    return kept


def search_claims(G: nx.DiGraph, claims: Iterable[str], query: str) -> list[str]:
    """Claims whose statement, quote, id or tags contain every word of ``query``, in order.

    Case and accents are ignored; an empty query matches nothing.
    """
    words = fold(query).split()
    if not words:
        return []
    found = []
    for c in claims:
        attrs = G.nodes[c]
        hay = fold(" ".join([c, attrs["statement"], attrs["quote"], *attrs.get("tags", ())]))
        if all(w in hay for w in words):
            found.append(c)
    return found


def neighbourhood(structure: Structure, claim: str, steps: int) -> set[str]:
    """The claims within ``steps`` relations of ``claim``, whatever the direction."""
    seen = {claim}
    frontier = deque([(claim, 0)])
    while frontier:
        node, d = frontier.popleft()
        if d == steps:
            continue
        for other in structure.claim_links[node]:
            if other not in seen:
                seen.add(other)
                frontier.append((other, d + 1))
    return seen


def paths_to_thesis(G: nx.DiGraph, structure: Structure, claim: str) -> set[str]:
    """Every claim on a path from ``claim`` up to a thesis (or to a claim that bears on nothing).

    An undercut counts as bearing on both ends of the link it undercuts.
    """
    reach = {claim}
    queue = deque([claim])
    while queue:
        for nxt in structure.bears_on[queue.popleft()]:
            if nxt not in reach:
                reach.add(nxt)
                queue.append(nxt)
    goals = {c for c in reach if G.nodes[c].get("kind") == "thesis" or not structure.bears_on[c]}
    # Keep only what leads to a goal: walk back from the goals inside the reachable set.
    back: dict[str, list[str]] = {c: [] for c in reach}
    for c in reach:
        for nxt in structure.bears_on[c]:
            if nxt in reach:
                back[nxt].append(c)
    keep = set(goals)
    queue = deque(goals)
    while queue:
        for prev in back[queue.popleft()]:
            if prev not in keep:
                keep.add(prev)
                queue.append(prev)
    return keep | {claim}


def within_depth(layout: Layout, claims: Iterable[str], depth: int) -> set[str]:
    """The claims at most ``depth`` layers below the question (1 = theses only)."""
    return {c for c in claims if layout.depth.get(c, 1) <= depth}


def hidden_below(layout: Layout, shown: Collection[str]) -> dict[str, int]:
    """For each shown claim, how many claims hang below it in the layout tree but are not shown."""
    counts: dict[str, int] = {}
    for c, parent in layout.parent.items():
        if c in shown:
            continue
        while parent is not None and parent not in shown:
            parent = layout.parent.get(parent)
        if parent is not None:
            counts[parent] = counts.get(parent, 0) + 1
    return counts


def options(G: nx.DiGraph, claims: Iterable[str]) -> dict[str, dict[str, str]]:
    """Filter choices that occur among ``claims``: id -> display name, in map order."""
    claim_list = list(claims)
    used_sources = {G.nodes[c]["source"] for c in claim_list}
    used_actors = {G.nodes[c]["actor"] for c in claim_list}
    tags: dict[str, str] = {}
    kinds: dict[str, str] = {}
    for c in claim_list:
        for t in G.nodes[c].get("tags", ()):
            tags.setdefault(t, t)
        kind = G.nodes[c].get("kind", "claim")
        kinds.setdefault(kind, kind)
    return {
        "sources": _named(G.graph.get("sources", []), used_sources, "title"),
        "actors": _named(G.graph.get("actors", []), used_actors, "name"),
        "tags": dict(sorted(tags.items())),
        "kinds": {k: kinds[k] for k in ("thesis", "claim", "evidence", "proposal") if k in kinds},
    }


def _named(entries: list[Mapping[str, Any]], used: set[str], field: str) -> dict[str, str]:
    return {e["id"]: str(e.get(field, e["id"])) for e in entries if e["id"] in used}


FOCUS_MODES = ("Whole map", "Neighbourhood", "Paths to thesis")


@dataclass(frozen=True)
class View:
    """What the user asked to see: filters, focus on the selected claim, depth, search."""

    filters: Filters = field(default_factory=Filters)
    selected: str | None = None
    focus: str = FOCUS_MODES[0]
    steps: int = 2
    depth: int = 0  # 0: every layer
    query: str = ""


@dataclass(frozen=True)
class Drawing:
    """The claims to draw, how many hide below each, and the classes that mark them."""

    shown: set[str]
    hidden_below: dict[str, int]
    matches: list[str]
    classes: dict[str, set[str]]


def drawing(
    G: nx.DiGraph,
    structure: Structure,
    layout: Layout,
    view: View,
    changed: Collection[str] = (),
) -> Drawing:
    """Apply filters, then focus, then depth; mark the selection, search matches and changes."""
    claims = structure.claims
    shown = filter_claims(G, claims, view.filters) if view.filters.active else set(claims)
    if view.selected is not None and view.focus == "Neighbourhood":
        shown &= neighbourhood(structure, view.selected, view.steps)
    elif view.selected is not None and view.focus == "Paths to thesis":
        shown &= paths_to_thesis(G, structure, view.selected)
    collapsed: dict[str, int] = {}
    if view.depth:
        shown = within_depth(layout, shown, view.depth)
        collapsed = hidden_below(layout, shown)
    matches = search_claims(G, claims, view.query) if view.query.strip() else []
    classes: dict[str, set[str]] = {c: set() for c in claims}
    if view.selected in classes:
        classes[view.selected].add("selected")
    if view.query.strip():
        hits = set(matches)
        for c in claims:
            classes[c].add("match" if c in hits else "dim")
    for c in changed:
        classes[c].add("changed")
    return Drawing(shown, collapsed, matches, classes)
