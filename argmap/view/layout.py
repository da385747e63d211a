"""A layered layout computed in Python, so the browser only draws (``preset`` positions).

The question sits on top, the claims nothing else bears on (theses) below it, and every claim
under the claim it supports or attacks: a tidy tree over a spanning tree of the map, with
supports to the left of attacks, an undercutting claim beside the claim whose link it
undercuts, and long runs of leaves folded into a grid so a wide map keeps a sane shape.
Claims with several targets hang under the first; their other links are drawn as lines.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import networkx as nx

from argmap.graph.structure import Structure

NODE_W = 180.0
NODE_H = 80.0
QUESTION_W = 380.0
QUESTION_H = 64.0
GAP_X = 18.0  # between neighbouring cards
GAP_TREE = 34.0  # between sibling subtrees
LAYER = NODE_H + 84.0  # room between layers for lines to be told apart
GRID_ROW = NODE_H + 34.0
GRID_MIN = 7  # fold a claim's leaves into a grid beyond this many
ROW_WIDTHS = (1600.0, 2400.0, 3600.0, 5400.0, 8000.0, math.inf)  # tried for children's rows
VIEW_ASPECT = 1.3  # width / height of the graph on a laptop screen
ROW_GAP = LAYER - NODE_H + 40  # between rows of one claim's children: more than between layers
_TYPE_RANK = {"supports": 0, "attacks": 1, "undercuts": 2}


@dataclass(frozen=True)
class Layout:
    """Positions of every drawable node; ``depth`` 1 is the thesis level, 0 the question."""

    positions: dict[str, tuple[float, float]]
    anchors: dict[str, tuple[float, float]]  # undercut relation id -> midpoint of its line
    depth: dict[str, int]
    parent: dict[str, str | None]  # tree parent claim, None under the question
    children: dict[str, list[str]]


@dataclass
class _Block:
    width: float
    items: list[tuple[str, float, float]]  # (node, dx from block centre, dy from block top)

    @property
    def height(self) -> float:
        return max(dy for _, _, dy in self.items) + NODE_H


def layered_layout(G: nx.DiGraph, structure: Structure | None = None) -> Layout:
    """Lay out a map graph top-down from its theses; deterministic for a given map."""
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
    roots = [c for c in s.claims if not up[c]]
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

    by_depth = sorted(s.claims, key=lambda c: -depth[c])
    top_kids = sorted(roots, key=tree_key.__getitem__)

    def arrange(max_row: float) -> _Block:
        blocks: dict[str, _Block] = {}
        for node in by_depth:
            blocks[node] = _place(node, NODE_W, children[node], blocks, tree_key, max_row)
        return _place(QUESTION, QUESTION_W, top_kids, blocks, tree_key, max_row)

    # The row width that best fills a landscape view (most zoom when fitted), among a few.
    top = min(
        (arrange(w) for w in ROW_WIDTHS),
        key=lambda b: max(b.width / VIEW_ASPECT, b.height),
    )
    positions = {n: (round(dx, 1), round(dy, 1)) for n, dx, dy in top.items}

    anchors: dict[str, tuple[float, float]] = {}

    def anchor(relation_id: str, seen: frozenset[str] = frozenset()) -> tuple[float, float]:
        if relation_id in anchors:
            return anchors[relation_id]
        rel = s.relations[relation_id]
        a = positions[rel.origin]
        if rel.target in s.relations and rel.target not in seen:
            b = anchor(rel.target, seen | {relation_id})
        else:
            b = positions.get(rel.target, a)
        anchors[relation_id] = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        return anchors[relation_id]

    for rel in s.relations.values():
        if rel.is_undercut and rel.target in s.relations:
            anchor(rel.target)
    return Layout(positions, anchors, {QUESTION: 0, **depth}, parent_of, children)


QUESTION = "?question"


def _place(
    node: str,
    width: float,
    kids: list[str],
    blocks: dict[str, _Block],
    key: dict[str, tuple[int, int, int, int]],
    max_row: float,
) -> _Block:
    """Put ``node`` centred over its children's blocks; fold long runs of leaves into grids."""
    if not kids:
        return _Block(width, [(node, 0.0, 0.0)])
    leaves = [k for k in kids if len(blocks[k].items) == 1]
    parts: list[_Block] = []
    if len(leaves) > GRID_MIN:
        inner = [blocks.pop(k) for k in kids if k not in leaves]
        pro = [k for k in leaves if key[k][0] == 0]
        con = [k for k in leaves if key[k][0] != 0]
        parts = [*_grids(pro), *inner, *_grids(con)]
        for k in leaves:
            blocks.pop(k)
    else:
        parts = [blocks.pop(k) for k in kids]
    # Wrap the children into rows no wider than max_row: a wide map would otherwise be a
    # thin strip no zoom can show. Lines to a lower row pass behind the cards above.
    rows: list[list[_Block]] = [[]]
    widths = [0.0]
    for part in parts:
        gap = _gap(rows[-1][-1], part) if rows[-1] else 0.0
        if rows[-1] and widths[-1] + gap + part.width > max_row:
            rows.append([])
            widths.append(0.0)
            gap = 0.0
        rows[-1].append(part)
        widths[-1] += gap + part.width
    items = [(node, 0.0, 0.0)]
    top = LAYER
    for row, total in zip(rows, widths, strict=True):
        x = -total / 2
        for i, part in enumerate(row):
            if i:
                x += _gap(row[i - 1], part)
            items.extend((n, x + part.width / 2 + dx, top + dy) for n, dx, dy in part.items)
            x += part.width
        top += max(p.height for p in row) + ROW_GAP
    return _Block(max(width, *widths), items)


def _gap(a: _Block, b: _Block) -> float:
    return GAP_X if len(a.items) == 1 and len(b.items) == 1 else GAP_TREE


def _grids(leaves: list[str]) -> list[_Block]:
    if not leaves:
        return []
    cols = max(3, min(len(leaves), math.ceil(math.sqrt(len(leaves) * 2.5))))
    width = cols * NODE_W + (cols - 1) * GAP_X
    items = []
    for i, leaf in enumerate(leaves):
        row, col = divmod(i, cols)
        items.append((leaf, -width / 2 + NODE_W / 2 + col * (NODE_W + GAP_X), row * GRID_ROW))
    return [_Block(width, items)]
