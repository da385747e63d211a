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
from argmap.semantics.bipolar import attack_framework, describe_argument
from argmap.semantics.dung import CODE_LABEL, semantics_named
from argmap.semantics.framework import DEFAULT_VIEW, Label, upstream
from argmap.semantics.incremental import GradualReevaluator, Reevaluator
from argmap.semantics.values import Ranking, defeat_framework

from .evaluate import evaluate

__all__ = ["Impact", "ImpactOn", "impact", "ranked", "removed", "without"]


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


def removed(G: nx.DiGraph, claim: str) -> set[str]:
    """Return what taking ``claim`` out removes: the claim, its relations, and the undercuts
    of those, recursively.

    >>> from argmap.analysis import demo_graph
    >>> sorted(removed(demo_graph(), "subsidy"))
    ['r-back', 'r-doubt', 'r-sub', 'subsidy']
    """
    gone = {claim, *G.predecessors(claim), *G.successors(claim)}  # its relations
    frontier = list(gone - {claim})
    while frontier:  # and the undercuts of what is gone, recursively
        for rel in G.predecessors(frontier.pop()):
            if is_relation(G, rel) and rel not in gone:
                gone.add(rel)
                frontier.append(rel)
    return gone


def without(G: nx.DiGraph, claim: str) -> nx.DiGraph:
    """Return a copy of ``G`` without ``claim``, its relations, and undercuts of them.

    >>> from argmap.analysis import demo_graph
    >>> sorted(n for n in without(demo_graph(), "subsidy") if n.startswith("r-"))
    ['r-cost', 'r-jobs']
    """
    H = G.copy()  # a copy, not a subgraph view: views are slow to walk again and again
    H.remove_nodes_from(removed(G, claim))
    return H


class ImpactOn:
    """What taking out one claim at a time does to ``thesis``: ``ImpactOn(G, thesis)(c)`` is
    claim ``c``'s :class:`Impact` (see the module docstring), labels weighed for
    ``audience`` when given. Build it once and ask it for the claims you need.

    Under grounded semantics the map is evaluated once and each removal only relabels and
    re-weighs what the removed claim reaches on its way to the thesis (see
    :mod:`argmap.semantics.incremental`): the same answer as evaluating the whole map again
    without the claim, which the other semantics do (and ``by_removal=True`` asks for).

    >>> from argmap.analysis import demo_graph
    >>> ImpactOn(demo_graph(), "thesis")("cost").label_changed
    True
    """

    def __init__(
        self,
        G: nx.DiGraph,
        thesis: str,
        semantics: str = "grounded",
        view: str = DEFAULT_VIEW,
        *,
        base_scores: dict[str, float] | None = None,
        timeout: float | None = None,
        audience: Ranking | None = None,
        by_removal: bool = False,
    ) -> None:
        self.G, self.thesis, self.semantics, self.view = G, thesis, semantics, view
        self.base_scores, self.timeout, self.audience = base_scores, timeout, audience
        self.grounded = semantics_named(semantics).name == "grounded" and not by_removal
        if not self.grounded:
            before = evaluate(
                G, semantics, view, base_scores=base_scores, timeout=timeout, audience=audience
            )
            self.label, self.strength = before.labels[thesis], before.strength[thesis]
            return
        fw = attack_framework(G, view)
        if audience is not None:
            fw = defeat_framework(fw, G, audience)
        self.fw, self.labels = fw, Reevaluator(fw)
        self.gradual = GradualReevaluator(G, base_scores, view)
        self.t = fw.index[thesis]
        self.part = upstream(fw, self.t)  # the arguments the thesis's label depends on
        self.label = CODE_LABEL[self.labels.base[self.t]]
        self.strength = self.gradual.strength[thesis]
        self.built_on: dict[str, list[int]] = {}  # relation -> derived attacks built on it
        for i, name in enumerate(fw.names):
            info = describe_argument(name)
            if info.kind in ("supported", "secondary", "mediated", "extended"):
                for r in info.ids:
                    self.built_on.setdefault(r, []).append(i)

    def __call__(self, claim: str) -> Impact:
        if not self.grounded:
            H = without(self.G, claim)
            scores = {k: v for k, v in (self.base_scores or {}).items() if k in H}
            ev = evaluate(
                H, self.semantics, self.view,
                base_scores=scores, timeout=self.timeout, audience=self.audience,
            )  # fmt: skip
            after, moved = ev.labels[self.thesis], ev.strength[self.thesis]
        else:
            gone = removed(self.G, claim)
            # Without the claim, its relations and what is built on them attack nothing:
            # the same, for everything else, as taking them all as out.
            index, base = self.fw.index, self.labels.base
            out = [index[x] for x in gone if x in index]
            out += [d for x in gone for d in self.built_on.get(x, ())]
            after = CODE_LABEL[self.labels.codes_out(out, self.part).get(self.t, base[self.t])]
            moved = self.gradual.strength_without(gone, self.thesis)
        return Impact(claim, after, moved, after is not self.label, moved - self.strength)


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
    by_removal: bool = False,
) -> dict[str, Impact]:
    """Return each claim's :class:`Impact` on ``thesis`` (see :class:`ImpactOn`); labels
    weighed for ``audience`` when given; ``by_removal`` evaluates the whole map again
    without each claim, by the definition, whatever the semantics."""
    of = ImpactOn(
        G, thesis, semantics, view,
        base_scores=base_scores, timeout=timeout, audience=audience, by_removal=by_removal,
    )  # fmt: skip
    return {c: of(c) for c in dict.fromkeys(claims) if c != thesis}


def ranked(found: dict[str, Impact]) -> list[tuple[str, Impact]]:
    """Return ``found`` ordered by :attr:`Impact.key`, ties in the order given."""
    return sorted(found.items(), key=lambda kv: kv[1].key)
