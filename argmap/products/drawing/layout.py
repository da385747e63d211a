"""The layering of a map: which claim hangs under which, and how deep, from its theses down.

The drawing itself (positions and routed lines) is ELK's layered layout, run by the graph
component in the browser on whatever is visible (``frontend/src/index.js``). This module gives it
the tree it collapses and expands: the question on top, the theses below it (then any other
claim that bears on nothing), and every claim under the claim it supports or attacks (the
first, when it bears on several); an undercutting claim hangs beside the claim whose link it
undercuts.
The same tree serves the depth filter and the "+N below" counts.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import networkx as nx

from argmap.graph import theses
from argmap.graph.structure import Structure

NODE_W = 180.0
NODE_H = 80.0
QUESTION_W = 210.0
QUESTION_H = 120.0
_TYPE_RANK = {"supports": 0, "attacks": 1, "undercuts": 2}


@dataclass(frozen=True)
class Layout:
    """The tree the map is collapsed by; ``depth`` 1 is the thesis level, 0 the question."""

    depth: dict[str, int]
    parent: dict[str, str | None]  # tree parent claim, None under the question
    children: dict[str, list[str]]  # tree children, supports before attacks, in map order


QUESTION = "?question"


def layered_layout(G: nx.DiGraph, structure: Structure | None = None) -> Layout:
    """The layering tree of a map graph; deterministic for a given map.

    >>> from argmap.analysis import demo_graph
    >>> tree = layered_layout(demo_graph())
    >>> tree.children["thesis"], tree.parent["doubt"], tree.depth["doubt"]
    (['jobs', 'cost', 'subsidy'], 'subsidy', 3)
    """
    s = structure or Structure.of(G)
    up: dict[str, list[tuple[str, int, str]]] = {c: [] for c in s.claims}  # child -> parents
    down: dict[str, list[tuple[str, int, str]]] = {c: [] for c in s.claims}
    for rel in s.relations.values():
        if rel.is_undercut:
            # Beside the claim whose link it undercuts: a sibling of that claim.
            host, parent = s.endpoints(rel.target)
            rank = _TYPE_RANK[s.relations[rel.target].type] if rel.target in s.relations else 2
            key = host
        else:
            parent, rank, key = rel.target, _TYPE_RANK[rel.type], rel.origin
        if parent != rel.origin:
            up[rel.origin].append((parent, rank, key))
            down[parent].append((rel.origin, rank, key))

    depth: dict[str, int] = {}
    parent_of: dict[str, str | None] = {}
    tree_key: dict[str, tuple[int, int, int, int]] = {}
    queue: deque[str] = deque()
    # The theses first, whatever they attack (rival options attack each other), then the
    # other claims that bear on nothing.
    marked = theses(G)
    is_thesis = set(marked)
    roots = [*marked, *(c for c in s.claims if not up[c] and c not in is_thesis)]
    for c in roots:
        depth[c], parent_of[c] = 1, None
        tree_key[c] = (0, s.order[c], 0, s.order[c])
        queue.append(c)
    pending = list(s.claims)
    while True:
        while queue:
            node = queue.popleft()
            for child, rank, key in down[node]:
                if child in depth:
                    continue
                depth[child], parent_of[child] = depth[node] + 1, node
                tree_key[child] = (rank, s.order[key], 0 if key == child else 1, s.order[child])
                queue.append(child)
        # A cycle with no way out to a thesis: start it as its own tree.
        rest = next((c for c in pending if c not in depth), None)
        if rest is None:
            break
        pending = [c for c in pending if c not in depth]
        depth[rest], parent_of[rest] = 1, None
        tree_key[rest] = (0, s.order[rest], 0, s.order[rest])
        roots.append(rest)
        queue.append(rest)

    children: dict[str, list[str]] = {c: [] for c in s.claims}
    for c in s.claims:
        p = parent_of[c]
        if p is not None:
            children[p].append(c)
    for kids in children.values():
        kids.sort(key=tree_key.__getitem__)

    return Layout({QUESTION: 0, **depth}, parent_of, children)
