"""Step-through: a map revealed from its question outward, one exchange at a time.

The order suits the front of a room: first the question, then each thesis, then one
*exchange* per claim already shown: everything that supports, attacks or undercuts it, all
at once (who backs it and who objects, as a debate has it), then the exchanges on those
claims, and so on outward, breadth first. An undercut comes in the exchange on the link it
cuts, once that link is shown. Claims no thesis reaches come last, from the claims they end
at, so every claim and relation is shown exactly once, and a map has as many exchanges as
claims (and links) that something bears on, not one per relation (a big one in parts of
at most :data:`PART` claims).

>>> from argmap.analysis import demo_graph
>>> [(s.kind, s.added, s.relations) for s in steps(demo_graph())]
... # doctest: +NORMALIZE_WHITESPACE
[('question', (), ()), ('thesis', ('thesis',), ()),
 ('exchange', ('jobs', 'cost'), ('r-jobs', 'r-cost')),
 ('exchange', ('subsidy',), ('r-sub',)), ('exchange', ('doubt',), ('r-doubt',)),
 ('exchange', (), ('r-back',))]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import networkx as nx

from argmap.graph import claim_ids, relation_origin, relations_into, theses

StepKind = Literal["question", "thesis", "root", "exchange"]
PART = 6  # claims in one step of an exchange at most: what a room can read at once
_TYPE_ORDER = {"supports": 0, "attacks": 1, "undercuts": 2}


@dataclass(frozen=True)
class Step:
    """One reveal: what it adds and everything shown so far.

    ``kind`` is "question" (nothing but the map's question), "thesis", "root" (a claim no
    thesis reaches, shown to start its own branch) or "exchange": the ``relations`` into
    ``target`` (a claim or, for undercuts, a relation) not shown before, supports first,
    then attacks, then undercuts, each in map order; more than :data:`PART` of them come
    in consecutive parts (``part``), so each step stays legible across a room.
    ``added`` holds the claims this step shows for the first time (an exchange's origins
    not already on the screen); ``revealed`` every claim shown so far, in order; ``depth``
    the number of relations between the step's claims and the thesis they lead to.
    """

    kind: StepKind
    added: tuple[str, ...]
    revealed: tuple[str, ...]
    relations: tuple[str, ...] = ()
    target: str | None = None
    depth: int = 0
    thesis: str | None = None  # the thesis (or root claim) the step leads back to
    part: tuple[int, int] = (1, 1)  # a big exchange comes in parts: (this one, of how many)


def steps(G: nx.DiGraph, start: Sequence[str] | None = None) -> list[Step]:
    """Return the reveal order of the whole map, from ``start`` (default: :func:`theses`).

    >>> from argmap.analysis import demo_graph
    >>> last = steps(demo_graph(), ["jobs"])[-1]
    >>> last.kind, last.relations, len(last.revealed)
    ('exchange', ('r-back',), 5)
    """
    roots = list(start) if start is not None else theses(G)
    claims = claim_ids(G)
    revealed: list[str] = []
    shown: set[str] = set()  # claims and relations already on the screen
    out = [Step("question", (), ())]

    def reveal(claim: str, kind: StepKind) -> None:
        revealed.append(claim)
        shown.add(claim)
        out.append(Step(kind, (claim,), tuple(revealed), thesis=claim))

    def spread(frontier: list[tuple[str, int]]) -> None:
        """Breadth first from the given nodes: what bears on each is one exchange."""
        home = {node: node for node, _ in frontier}  # each node's thesis (or root)
        while frontier:
            following: list[tuple[str, int]] = []
            for node, depth in frontier:
                fresh = [r for r in relations_into(G, node) if r not in shown]
                rels = sorted(fresh, key=lambda r: _TYPE_ORDER.get(G.nodes[r]["type"], 3))
                parts = [rels[k : k + PART] for k in range(0, len(rels), PART)]
                for number, part in enumerate(parts, 1):
                    added: list[str] = []
                    for rel in part:
                        shown.add(rel)
                        home.setdefault(rel, home[node])
                        origin = relation_origin(G, rel)
                        if origin not in shown:
                            added.append(origin)
                            revealed.append(origin)
                            shown.add(origin)
                            home.setdefault(origin, home[node])
                            following.append((origin, depth + 1))
                    out.append(
                        Step("exchange", tuple(added), tuple(revealed), tuple(part), node,
                             depth + 1, home[node], (number, len(parts)))
                    )  # fmt: skip
                following += [(rel, depth + 1) for rel in rels]  # their undercuts come next
            frontier = following

    for root in roots:
        if root not in shown:
            reveal(root, "thesis")
    spread([(r, 0) for r in roots])
    # What no thesis reaches: start from the claims it ends at (any claim, in a cycle).
    while len(revealed) < len(claims):
        rest = [c for c in claims if c not in shown]
        sinks = [c for c in rest if not _bears_on_hidden(G, c, shown)] or rest[:1]
        for claim in sinks:
            reveal(claim, "root")
        spread([(c, 0) for c in sinks])
    return out


def _bears_on_hidden(G: nx.DiGraph, claim: str, shown: set[str]) -> bool:
    """Whether ``claim`` starts a relation not shown yet (so it is not where a branch ends)."""
    return any(rel not in shown for rel in G.successors(claim))
