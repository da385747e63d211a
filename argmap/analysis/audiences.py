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

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from argmap.analysis.evaluate import evaluate
from argmap.graph import claim_ids, theses
from argmap.semantics.audiences import Acceptance, Preference, Weighing, covering_pairs
from argmap.semantics.bipolar import attack_framework
from argmap.semantics.framework import DEFAULT_VIEW, Label
from argmap.semantics.values import (
    Ranking,
    audiences,
    value_ids,
    value_names,
)
from argmap.text import ITEM

ALWAYS = "under every ranking of the values"


@dataclass(frozen=True)
class ClaimStanding:
    """One claim across audiences: its acceptance and the named audiences it stands for."""

    id: str
    acceptance: Acceptance
    stands_for: list[str]


@dataclass(frozen=True)
class ThesisStanding:
    """One thesis (or any claim asked about) across every ordering of the values.

    - ``necessary``: each preference (higher, lower) that holds wherever it stands;
    - ``preferences``: up to three smallest sets that each guarantee it stands
      (``[frozenset()]``: always; ``[]``: never); ``exact`` false when the smallest were
      too large to search and the one set shown is minimal but maybe not smallest;
    - ``stands_when``: those sets in words; ``needs``: the necessary ones in words;
    - ``given_needs``: each set without the necessary preferences, in words, when every set
      keeps something besides them (what suffices once what is needed holds).
    """

    id: str
    acceptance: Acceptance
    preferences: list[frozenset[Preference]]
    stands_when: list[str]
    necessary: list[Preference] = field(default_factory=list)
    needs: str = ""
    exact: bool = True
    iff: bool = False  # the necessary preferences are also sufficient
    given_needs: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "acceptance": self.acceptance.value,
            "stands_when": self.stands_when,
            "necessary": [list(p) for p in self.necessary],
            "sufficient": [sorted(list(p) for p in s) for s in self.preferences],
            "sufficient_exact": self.exact,
            "necessary_is_sufficient": self.iff,
        }


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

    def thesis(self, claim_id: str) -> ThesisStanding:
        return next(t for t in self.theses if t.id == claim_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "values": self.values,
            "audiences": self.audiences,
            "claims": [
                {"id": c.id, "acceptance": c.acceptance.value, "stands_for": c.stands_for}
                for c in self.claims
            ],
            "theses": [t.to_json() for t in self.theses],
        }


def preference_text(prefs: Iterable[Preference], names: dict[str, str]) -> str:
    """Return a set of preferences in words, grouped by the higher value.

    >>> preference_text(frozenset({("r", "s"), ("r", "v"), ("s", "v")}),
    ...                 {"r": "human rights", "s": "security", "v": "sovereignty"})
    'human rights above security and sovereignty, and security above sovereignty'
    """
    prefs = list(prefs)
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


def needs_text(necessary: Iterable[Preference], names: dict[str, str]) -> str:
    """Return the necessary preferences in words, the implied ones left out ("" for none).

    >>> needs_text([("r", "s")], {"r": "human rights", "s": "security"})
    'human rights above security'
    """
    shown = covering_pairs(list(necessary))
    return preference_text(shown, names) if shown else ""


ACCEPTANCE_WORDS = {
    "uncontested": "uncontested in the map",
    "objective": "stands under every ranking of the values",
    "subjective": "stands under some rankings of the values",
    "indefensible": "stands under no ranking of the values",
}
"""Each acceptance as a reader says it; the one table the CLI, pages and briefs use."""


def standing_words(standing: ThesisStanding) -> list[str]:
    """Return a claim's standing across all rankings as plain sentences: what it needs
    ("only if") first, then what suffices ("whenever"), each called what it is.

    >>> st = ThesisStanding("t", Acceptance.SUBJECTIVE, [frozenset({("s", "r")})],
    ...                     ["security above rights"], [("s", "r")], "security above rights")
    >>> standing_words(st)
    ['It stands only if security above rights.', 'It stands whenever security above rights.']
    """
    acceptance = standing.acceptance
    if acceptance is Acceptance.UNCONTESTED:
        return ["Uncontested in the map: nothing here attacks it."]
    if acceptance is Acceptance.OBJECTIVE:
        return [f"It is attacked, yet stands {ALWAYS}: no ranking makes an attack on it win."]
    if acceptance is Acceptance.INDEFENSIBLE:
        return ["It stands under no ranking of the values: under each it falls or stays open."]
    if standing.iff:
        return [f"It stands if, and only if, {standing.needs}."]
    lines = [
        f"It stands only if {standing.needs}."
        if standing.needs
        else "No single preference is needed: different rankings carry it in different ways."
    ]
    caveat = "" if standing.exact else " (one such condition; there may be shorter ones)"
    if standing.needs and standing.given_needs:
        # Each sufficient set repeats what is needed: say that once, then what else suffices.
        return lines + _whenever("Given that, it stands whenever", standing.given_needs, caveat)
    return lines + _whenever("It stands whenever", standing.stands_when, caveat)


def _whenever(lead: str, alternatives: list[str], caveat: str) -> list[str]:
    """One sentence for one sufficient condition; for several, a line each (a sentence
    chaining three conditions of three preferences each cannot be read)."""
    if len(alternatives) <= 1:
        return [f"{lead} {alternatives[0]}{caveat}."] if alternatives else []
    return [f"{lead} one of these holds{caveat}:", *(f"{ITEM}{a};" for a in alternatives[:-1]),
            f"{ITEM}{alternatives[-1]}."]  # fmt: skip


def thesis_needs(
    G: nx.DiGraph,
    semantics: str = "grounded",
    view: str = DEFAULT_VIEW,
    *,
    timeout: float | None = None,
) -> dict[str, str]:
    """Return thesis id -> what it needs across every ranking of the values, in words
    ("law enforcement above sovereignty"), for the theses that need something: one
    weighing, one necessary-preference query a thesis (no sufficient-set search).

    >>> from argmap.analysis import demo_graph
    >>> thesis_needs(demo_graph())  # no values: nothing is needed of a ranking
    {}
    """
    chosen = theses(G)
    if not value_ids(G) or not chosen:
        return {}
    weighing = Weighing(attack_framework(G, view), G, semantics, timeout=timeout, wanted=chosen)
    names = value_names(G)
    found = {t: needs_text(weighing.necessary(t), names) for t in chosen}
    return {t: words for t, words in found.items() if words}


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
    found = weighing.sufficient(claim)
    necessary = weighing.necessary(claim)
    # A necessary pair is implied by the ones `needs` shows, so "given those, the rest of a
    # sufficient set" is sufficient too.
    needed = frozenset(necessary)
    rest = [p - needed for p in found.sets]
    return ThesisStanding(
        claim,
        acceptance,
        found.sets,
        [preference_text(p, names) for p in found.sets],
        necessary,
        needs_text(necessary, names),
        found.exact,
        bool(necessary) and weighing.counterexample(claim, necessary) is None,
        [preference_text(p, names) for p in rest] if necessary and all(rest) else [],
    )


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


def value_conflicts(report: AudienceReport) -> dict[Preference, list[str]]:
    """Return each preference (higher, lower) that some thesis needs -> those theses.

    Only necessary preferences count (their covering pairs): "is human rights worth more
    than security?" decides a thesis only when it stands *only if* the answer is yes. A
    pair and its reverse are two keys, so a rival that needs the reverse shows beside it.
    Keys come by thesis, then by the values' map order.
    """
    found: dict[Preference, list[str]] = {}
    for t in report.theses:
        for pair in covering_pairs(t.necessary):
            theses_of = found.setdefault(pair, [])
            if t.id not in theses_of:
                theses_of.append(t.id)
    return found


def describe_audience(ranking: Ranking, G: nx.DiGraph) -> str:
    """Return an audience in words: its name and its ranking by value names.

    >>> import networkx as nx
    >>> G = nx.DiGraph(values=[{"id": "s", "name": "security"}, {"id": "r", "name": "rights"}])
    >>> describe_audience(Ranking((("s",),), "a", "The ministry"), G)
    'The ministry (security; not ranked: rights)'
    """
    names = value_names(G)
    listed = ranking.listed()
    words = " > ".join(" = ".join(names.get(v, v) for v in tier) for tier in ranking.tiers)
    rest = [names[v] for v in value_ids(G) if v not in listed]
    if rest:
        words += "; not ranked: " + ", ".join(rest)
    return f"{ranking.name} ({words})" if ranking.name else words
