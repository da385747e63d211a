"""Rank reasons and objections by what they do to a thesis, not by their own strength.

A claim's **impact** on a thesis is what happens to the thesis when the claim is taken out
of the map (the claim, its relations, and undercuts of those relations): first whether the
thesis's label changes, then how far its DF-QuAD strength moves. Objections are ranked by
how much they hold the thesis down, reasons by how much they hold it up; either way the
claim whose removal moves the thesis most comes first. This is the removal-based
attribution of gradual semantics (Delobelle & Villata, "Interpretability of gradual
semantics in abstract argumentation", ECSQARU 2019), with the Dung label put first.

>>> from argmap.analysis import demo_graph
>>> G = demo_graph()
>>> found = impact(G, "thesis", ["cost", "jobs", "doubt"])
>>> [(c, str(i.label_without), round(i.delta, 3)) for c, i in ranked(found)]
[('cost', 'in', 0.167), ('doubt', 'in', 0.042), ('jobs', 'undec', -0.25)]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from argmap.graph import is_relation
from argmap.semantics.framework import DEFAULT_VIEW, Label
from argmap.semantics.values import Ranking

from .evaluate import evaluate

__all__ = ["Impact", "impact", "ranked", "without"]


@dataclass(frozen=True)
class Impact:
    """What taking ``claim`` out of the map does to the thesis: its label and strength
    without the claim, whether the label changes, and ``delta`` = strength without - with
    (positive for an objection that holds the thesis down, negative for a reason)."""

    claim: str
    label_without: Label
    strength_without: float
    label_changed: bool
    delta: float

    @property
    def key(self) -> tuple[bool, float]:
        """The sort key: label changes first, then the larger strength change."""
        return (not self.label_changed, -round(abs(self.delta), 9))


def without(G: nx.DiGraph, claim: str) -> nx.DiGraph:
    """Return a copy of ``G`` without ``claim``, its relations, and undercuts of them.

    >>> from argmap.analysis import demo_graph
    >>> sorted(n for n in without(demo_graph(), "subsidy") if n.startswith("r-"))
    ['r-cost', 'r-jobs']
    """
    gone = {claim, *G.predecessors(claim), *G.successors(claim)}  # its relations
    frontier = list(gone - {claim})
    while frontier:  # and the undercuts of what is gone, recursively
        for rel in G.predecessors(frontier.pop()):
            if is_relation(G, rel) and rel not in gone:
                gone.add(rel)
                frontier.append(rel)
    H = G.copy()  # a copy, not a subgraph view: views are slow to walk again and again
    H.remove_nodes_from(gone)
    return H


def impact(
    G: nx.DiGraph,
    thesis: str,
    claims: Iterable[str],
    semantics: str = "grounded",
    view: str = DEFAULT_VIEW,
    *,
    base_scores: dict[str, float] | None = None,
    timeout: float | None = None,
    audience: Ranking | None = None,
) -> dict[str, Impact]:
    """Return each claim's :class:`Impact` on ``thesis`` (see the module docstring); labels
    weighed for ``audience`` when given."""
    before = evaluate(
        G, semantics, view, base_scores=base_scores, timeout=timeout, audience=audience
    )
    label, strength = before.labels[thesis], before.strength[thesis]
    found = {}
    for c in dict.fromkeys(claims):
        if c == thesis:
            continue
        H = without(G, c)
        scores = {k: v for k, v in (base_scores or {}).items() if k in H}
        after = evaluate(H, semantics, view, base_scores=scores, timeout=timeout, audience=audience)
        found[c] = Impact(
            c,
            after.labels[thesis],
            after.strength[thesis],
            after.labels[thesis] is not label,
            after.strength[thesis] - strength,
        )
    return found


def ranked(found: dict[str, Impact]) -> list[tuple[str, Impact]]:
    """Return ``found`` ordered by :attr:`Impact.key`, ties in the order given."""
    return sorted(found.items(), key=lambda kv: kv[1].key)
