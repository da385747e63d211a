"""Step-through: a map revealed from its question outward, for the front of a room.

First the question, then each thesis, then outward, breadth first, in *exchanges*: a claim
already shown and everything that supports, attacks or undercuts it (supports first, then
attacks, then undercuts), then the exchanges on those claims, and so on. An undercut comes
in the exchange on the link it cuts, once that link is shown. Claims no thesis reaches come
last, from the claims they end at, so every claim and relation is shown exactly once.

Two cuts of that one order:

- :func:`steps`, the step-through page's: one new claim a step, with every relation that
  links it to what is shown already, so a map of N claims takes N steps after the question
  (not one per relation), and the view can follow the new claim at projector size;
- :func:`exchanges`, the slide deck's: one slide per exchange, a big one in parts of at
  most :data:`PART` claims.

>>> from argmap.analysis import demo_graph
>>> [(s.kind, s.added, s.relations) for s in steps(demo_graph())]
... # doctest: +NORMALIZE_WHITESPACE
[('question', (), ()), ('thesis', ('thesis',), ()), ('claim', ('jobs',), ('r-jobs',)),
 ('claim', ('cost',), ('r-cost',)), ('claim', ('subsidy',), ('r-sub',)),
 ('claim', ('doubt',), ('r-doubt', 'r-back'))]
>>> [(s.added, s.relations) for s in exchanges(demo_graph()) if s.kind == "exchange"]
... # doctest: +NORMALIZE_WHITESPACE
[(('jobs', 'cost'), ('r-jobs', 'r-cost')), (('subsidy',), ('r-sub',)),
 (('doubt',), ('r-doubt',)), ((), ('r-back',))]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

import networkx as nx

from argmap.graph import claim_ids, relation_origin, relations_into, theses

StepKind = Literal["question", "thesis", "root", "exchange", "claim"]
PART = 6  # claims in one step of an exchange at most: what a room can read at once
_TYPE_ORDER = {"supports": 0, "attacks": 1, "undercuts": 2}


@dataclass(frozen=True)
class Step:
    """One reveal: what it adds and everything shown so far.

    ``kind`` is "question" (nothing but the map's question), "thesis", "root" (a claim no
    thesis reaches, shown to start its own branch), "claim" (a step of :func:`steps`: its
    one new claim in ``added`` and every relation that links it to what was shown, in
    ``relations``) or "exchange" (of :func:`exchanges`): the ``relations`` into
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
    """Return the step-through's order, from ``start`` (default: :func:`theses`): after the
    question, one step per claim, each with the relations that link it to what was shown
    before it (a relation comes with the later of its two ends).

    >>> from argmap.analysis import demo_graph
    >>> last = steps(demo_graph(), ["jobs"])[-1]
    >>> last.kind, last.added, last.relations, len(last.revealed)
    ('claim', ('doubt',), ('r-doubt', 'r-back'), 5)
    """
    out: list[Step] = []
    links: list[list[str]] = []  # each step's relations, filled in as their ends appear
    when: dict[str, int] = {}  # the step at which each claim or relation is on the screen
    for step in exchanges(G, start, part=None):
        if step.kind != "exchange":
            when.update((c, len(out)) for c in step.added)
            out.append(step)
            links.append([])
            continue
        for rel in step.relations:
            origin = relation_origin(G, rel)
            if origin in step.added:  # a new claim: its own step
                revealed = (*out[-1].revealed, origin)
                when[origin] = len(out)
                out.append(Step("claim", (origin,), revealed, target=None,
                                depth=step.depth, thesis=step.thesis))  # fmt: skip
                links.append([])
            at = max(when[origin], when[step.target or ""])
            links[at].append(rel)
            when[rel] = at
    return [replace(s, relations=tuple(r)) for s, r in zip(out, links, strict=True)]


def exchanges(
    G: nx.DiGraph, start: Sequence[str] | None = None, part: int | None = PART
) -> list[Step]:
    """Return the map's exchanges in order, from ``start`` (default: :func:`theses`), an
    exchange of more than ``part`` claims in consecutive parts (``None``: whole).

    >>> from argmap.analysis import demo_graph
    >>> last = exchanges(demo_graph(), ["jobs"])[-1]
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
                size = part or max(len(rels), 1)
                parts = [rels[k : k + size] for k in range(0, len(rels), size)]
                for number, chunk in enumerate(parts, 1):
                    added: list[str] = []
                    for rel in chunk:
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
                        Step("exchange", tuple(added), tuple(revealed), tuple(chunk), node,
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
