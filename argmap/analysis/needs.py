"""What it would take for a claim to stand: the smallest sets of claims to answer, or of
relations to cut.

For a claim that is out or undecided, :func:`needs` gives up to three smallest sets of
claims whose rejection makes it stand (``reject``: the objections a debater must answer),
and up to three smallest sets of relations whose cutting does (``cut``: the links to
break). "Stand" is the grounded sense: in the grounded extension, hence in every complete,
preferred and stable one too; so a set found here carries the claim under every semantics,
though for preferred or stable a smaller one may exist. Sets are exact (clingo; see
:mod:`argmap.semantics.repair`), each subset-minimal, smallest first, nearest the claim
first among sets of one size, and each is checked by re-evaluating the map under the
what-if (:class:`~argmap.semantics.bipolar.WhatIf`; :func:`checker`) before it is returned.

>>> from argmap.analysis import demo_graph
>>> n = needs(demo_graph(), "thesis")
>>> str(n.label), n.reject, n.cut
('undec', (('cost',), ('doubt',)), (('r-cost',), ('r-doubt',)))
>>> needs(demo_graph(), "jobs").as_dict()
{'claim': 'jobs', 'label': 'in', 'reject': [], 'cut': []}
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from argmap.graph import claim_ids
from argmap.semantics.bipolar import WhatIf, attack_framework, describe_argument
from argmap.semantics.dung import CODE_LABEL, IN_CODE, grounded_codes
from argmap.semantics.framework import DEFAULT_VIEW, Framework, Label
from argmap.semantics.incremental import Reevaluator
from argmap.semantics.repair import minimal_repairs
from argmap.semantics.values import Ranking, defeat_framework

__all__ = ["Needs", "checker", "needs", "stands_under"]

LIMIT = 3
# clingo conflicts for each of the two searches (about a second's work): a bound in work,
# not seconds, so a map gets the same answer however busy the machine.
BUDGET = 20_000


@dataclass(frozen=True)
class Needs:
    """What ``claim`` (now ``label``) needs to stand: sets of claims to reject, of relations to
    cut. Both are empty when the claim stands already; ``reject`` is empty too when no set
    of rejections can carry it (e.g. it attacks itself through its own reasons)."""

    claim: str
    label: Label
    reject: tuple[tuple[str, ...], ...]
    cut: tuple[tuple[str, ...], ...]
    complete: bool = True  # false: the budget ran out; the sets work, may not be smallest

    @property
    def message(self) -> str:
        """Return "" or what the search budget left unproven."""
        if self.complete:
            return ""
        return (
            "the search budget ran out: these sets work and are minimal, but may not be the "
            "smallest"
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the ``argmap needs --json`` shape (``complete`` and ``message`` only when
        the search budget ran out)."""
        data: dict[str, Any] = {
            "claim": self.claim,
            "label": str(self.label),
            "reject": [list(s) for s in self.reject],
            "cut": [list(s) for s in self.cut],
        }
        if not self.complete:
            data |= {"complete": False, "message": self.message}
        return data


def stands_under(
    G: nx.DiGraph,
    claim: str,
    assume: WhatIf,
    view: str = DEFAULT_VIEW,
    audience: Ranking | None = None,
) -> bool:
    """Return whether ``claim`` is in (grounded) once ``assume`` is applied (for
    ``audience``, weighing attacks by its value ranking, when given).

    >>> from argmap.analysis import demo_graph
    >>> stands_under(demo_graph(), "thesis", WhatIf(rejected=["cost"]))
    True
    """
    fw = attack_framework(G, view, assume)
    if audience is not None:
        fw = defeat_framework(fw, G, audience)
    return grounded_codes(fw)[fw.index[claim]] == IN_CODE


def needs(
    G: nx.DiGraph,
    claim: str,
    view: str = DEFAULT_VIEW,
    *,
    limit: int = LIMIT,
    budget: int | None = BUDGET,
    audience: Ranking | None = None,
) -> Needs:
    """Return what ``claim`` needs to stand (see the module docstring). ``budget`` (clingo
    conflicts for each of the two searches; ``None``: unbounded) bounds the work on a large
    map; when it runs out the sets found so far are returned, shrunk to be minimal, with
    ``complete=False``. The same map and budget give the same answer on any machine load.

    >>> from argmap.analysis import demo_graph
    >>> needs(demo_graph(), "doubt").reject
    (('subsidy',),)
    """
    if claim not in G or G.nodes[claim].get("role") != "claim":
        raise KeyError(f"no claim with id {claim!r}")
    fw = attack_framework(G, view)
    if audience is not None:  # the attacks that fail for this audience are dropped
        fw = defeat_framework(fw, G, audience)
    label = CODE_LABEL[grounded_codes(fw)[fw.index[claim]]]
    if label is Label.IN:
        return Needs(claim, label, (), ())
    distance = _distance_to(G, claim)
    far = float(len(G))
    order = {n: distance.get(n, far) for n in G}
    claims = {c: [c] for c in claim_ids(G) if c != claim}
    relations: dict[str, list[str]] = {}
    for name in fw.names:  # a relation, and every attack derived from it, falls with its cut
        info = describe_argument(name, G)
        if info.kind in ("relation", "supported", "secondary", "mediated", "extended"):
            for r in info.ids:
                relations.setdefault(r, []).append(name)
    found = {}
    complete = True
    check = checker(fw, claim, relations)
    for kind, choices in (("reject", claims), ("cut", relations)):
        repairs = minimal_repairs(fw, claim, choices, limit, order=order, budget=budget)
        complete = complete and repairs.complete

        def works(s: tuple[str, ...], kind: str = kind) -> bool:
            return check(kind, s)

        sets = [s for s in repairs.sets if works(s)]
        if not repairs.complete:  # not proven smallest: at least make each one minimal
            sets = list(dict.fromkeys(_shrink(s, works) for s in sets))
        found[kind] = tuple(sets)
    return Needs(claim, label, found["reject"], found["cut"], complete)


def checker(
    fw: Framework, claim: str, relations: dict[str, list[str]]
) -> Callable[[str, tuple[str, ...]], bool]:
    """Return ``check(kind, s)``: whether ``claim`` stands (grounded) once the claims ``s`` are
    rejected (``kind`` "reject") or the relations ``s`` cut ("cut"): :func:`stands_under`'s
    re-evaluation under the what-if, on the framework ``fw`` built once (and weighed for the
    audience already). A rejected claim is out; a cut relation is out with every attack
    derived from it (``relations`` maps each relation to those arguments), exactly as the
    what-if's unattacked assumption arguments make them (:mod:`argmap.semantics.incremental`).
    """
    re = Reevaluator(fw)

    def check(kind: str, s: tuple[str, ...]) -> bool:
        out = s if kind == "reject" else [n for r in s for n in relations[r]]
        return re.label(claim, rejected=out) is Label.IN

    return check


def _shrink(s: tuple[str, ...], works: Callable[[tuple[str, ...]], bool]) -> tuple[str, ...]:
    """Return a subset-minimal part of ``s`` that still ``works``, dropping members in turn.

    >>> _shrink(("a", "b", "c"), lambda s: "b" in s)
    ('b',)
    """
    kept = list(s)
    for member in s:
        trial = tuple(x for x in kept if x != member)
        if works(trial):
            kept = list(trial)
    return tuple(kept)


def _distance_to(G: nx.DiGraph, claim: str) -> dict[str, int]:
    """Return how many map steps (claim -> relation -> ...) each node is from ``claim``."""
    return dict(nx.single_source_shortest_path_length(G.reverse(copy=False), claim))
