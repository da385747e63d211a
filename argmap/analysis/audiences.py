"""Which claims stand for which audiences, and which value preferences decide each thesis.

:func:`audience_report` is the one call behind ``argmap audiences`` and the app's values
view: every claim's acceptance across all orderings of the values (objective, subjective,
indefensible; see :mod:`argmap.semantics.audiences`), the map's named audiences it stands
for, and for each thesis the smallest sets of pairwise preferences that make it stand,
in words ("human rights above security").

>>> from argmap.analysis import demo_graph
>>> report = audience_report(demo_graph())
>>> report.values, [t.acceptance.value for t in report.theses]  # no values: as plain Dung
([], ['indefensible'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from argmap.analysis.evaluate import evaluate
from argmap.graph import claim_ids, theses
from argmap.semantics.audiences import Acceptance, Preference, Weighing
from argmap.semantics.bipolar import attack_framework
from argmap.semantics.framework import DEFAULT_VIEW, Label
from argmap.semantics.values import (
    Ranking,
    audiences,
    value_ids,
    value_names,
)

ALWAYS = "under every ranking of the values"


@dataclass(frozen=True)
class ClaimStanding:
    """One claim across audiences: its acceptance and the named audiences it stands for."""

    id: str
    acceptance: Acceptance
    stands_for: list[str]


@dataclass(frozen=True)
class ThesisStanding:
    """One thesis: acceptance, and the smallest preference sets under which it stands
    (``preferences``; ``[frozenset()]`` for always, ``[]`` for never) with their words."""

    id: str
    acceptance: Acceptance
    preferences: list[frozenset[Preference]]
    stands_when: list[str]


@dataclass
class AudienceReport:
    """The answer of :func:`audience_report`; :meth:`to_json` is ``argmap audiences --json``."""

    values: list[str]
    audiences: list[str]
    claims: list[ClaimStanding]
    theses: list[ThesisStanding]
    semantics: str = "grounded"
    view: str = DEFAULT_VIEW
    deciding_values: list[str] = field(default_factory=list)

    def claim(self, claim_id: str) -> ClaimStanding:
        return next(c for c in self.claims if c.id == claim_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "values": self.values,
            "audiences": self.audiences,
            "claims": [
                {"id": c.id, "acceptance": c.acceptance.value, "stands_for": c.stands_for}
                for c in self.claims
            ],
            "theses": [
                {"id": t.id, "acceptance": t.acceptance.value, "stands_when": t.stands_when}
                for t in self.theses
            ],
        }


def preference_text(prefs: frozenset[Preference], names: dict[str, str]) -> str:
    """Return a set of preferences in words, grouped by the higher value.

    >>> preference_text(frozenset({("r", "s"), ("r", "v"), ("s", "v")}),
    ...                 {"r": "human rights", "s": "security", "v": "sovereignty"})
    'human rights above security and sovereignty, and security above sovereignty'
    """
    if not prefs:
        return ALWAYS
    order = list(names)
    rank = {v: order.index(v) if v in order else len(order) for p in prefs for v in p}
    above: dict[str, list[str]] = {}
    for v, w in sorted(prefs, key=lambda p: (rank[p[0]], rank[p[1]])):
        above.setdefault(v, []).append(w)
    return ", and ".join(
        f"{names.get(v, v)} above {' and '.join(names.get(w, w) for w in ws)}"
        for v, ws in above.items()
    )


def stands_for(
    G: nx.DiGraph, semantics: str = "grounded", view: str = DEFAULT_VIEW
) -> dict[str, list[str]]:
    """Return claim id -> the ids of the map's audiences under whose ranking it is in."""
    found: dict[str, list[str]] = {c: [] for c in claim_ids(G)}
    for audience in audiences(G):
        labels = evaluate(G, semantics, view, audience=audience).labels
        for c, label in labels.items():
            if label is Label.IN and audience.id is not None:
                found[c].append(audience.id)
    return found


def audience_report(
    G: nx.DiGraph,
    semantics: str = "grounded",
    view: str = DEFAULT_VIEW,
    *,
    timeout: float | None = None,
) -> AudienceReport:
    """Return every claim's acceptance across audiences and each thesis's deciding
    preferences (see the module docstring). ``timeout`` bounds the enumeration that
    semantics other than grounded and complete need (``TimeoutError`` past it)."""
    weighing = Weighing(attack_framework(G, view), G, semantics, timeout=timeout)
    claims = claim_ids(G)
    accepted = weighing.acceptance(claims)
    standing = stands_for(G, semantics, view)
    names = value_names(G)
    thesis_rows = [_standing(weighing, t, accepted[t], names) for t in theses(G)]
    return AudienceReport(
        values=value_ids(G),
        audiences=[a.id for a in audiences(G) if a.id is not None],
        claims=[ClaimStanding(c, accepted[c], standing[c]) for c in claims],
        theses=thesis_rows,
        semantics=semantics,
        view=view,
        deciding_values=weighing.values,
    )


def _standing(
    weighing: Weighing, claim: str, acceptance: Acceptance, names: dict[str, str]
) -> ThesisStanding:
    prefs = weighing.stands_when(claim)
    return ThesisStanding(claim, acceptance, prefs, [preference_text(p, names) for p in prefs])


def standing_of(
    G: nx.DiGraph, claim: str, semantics: str = "grounded", view: str = DEFAULT_VIEW
) -> ThesisStanding:
    """Return one claim's acceptance and deciding preferences (as for a thesis).

    >>> from argmap.analysis import demo_graph
    >>> standing_of(demo_graph(), "cost").stands_when
    ['under every ranking of the values']
    """
    weighing = Weighing(attack_framework(G, view), G, semantics, wanted=[claim])
    acceptance = weighing.acceptance([claim])[claim]
    return _standing(weighing, claim, acceptance, value_names(G))


def value_conflicts(report: AudienceReport) -> dict[frozenset[str], list[str]]:
    """Return each pair of values whose order decides some thesis -> those theses.

    A pair decides a thesis when it occurs in one of the thesis's smallest preference sets.
    Pairs come by thesis, then by the values' map order.
    """
    found: dict[frozenset[str], list[str]] = {}
    rank = {v: k for k, v in enumerate(report.values)}

    def key(pair: Preference) -> tuple[int, int]:
        a, b = sorted(rank.get(v, len(rank)) for v in pair)
        return a, b

    for t in report.theses:
        for prefs in t.preferences:
            for v, w in sorted(prefs, key=key):
                theses_of = found.setdefault(frozenset((v, w)), [])
                if t.id not in theses_of:
                    theses_of.append(t.id)
    return found


def describe_audience(ranking: Ranking, G: nx.DiGraph) -> str:
    """Return an audience in words: its name and its ranking by value names.

    >>> import networkx as nx
    >>> G = nx.DiGraph(values=[{"id": "s", "name": "security"}, {"id": "r", "name": "rights"}])
    >>> describe_audience(Ranking((("s",),), "a", "The ministry"), G)
    'The ministry (security > rights)'
    """
    names = value_names(G)
    listed = {v for tier in ranking.tiers for v in tier}
    tiers = [" = ".join(names.get(v, v) for v in tier) for tier in ranking.tiers]
    rest = [names[v] for v in value_ids(G) if v not in listed]
    if rest:
        tiers.append(" = ".join(rest))
    words = " > ".join(tiers)
    return f"{ranking.name} ({words})" if ranking.name else words
