"""Value-based argumentation: which attacks succeed for an audience (Bench-Capon 2003).

A claim that says what matters may appeal to values (security, human rights, sovereignty...);
a factual claim appeals to none (:data:`argmap.model.FACTUAL_KINDS`). An *audience* ranks
values in tiers, highest first; values in one tier tie, and a value it does not list is
*incomparable* to every other: the audience said nothing about it, so it neither wins nor
loses (preference-based argumentation with partial preorders: Amgoud & Cayrol 2002; Modgil
2009). For an audience, an attack from claim A on claim B **fails** only when both have a
value the audience lists and B's best listed value ranks strictly above A's best listed
value; every other attack succeeds, as in plain Dung. With one value per claim and a strict
order this is Bench-Capon's VAF *defeat*; comparing each claim's best value is the lifting
to several values (cf. Kaci & van der Torre 2008). Labels are then computed on the
successful attacks under the chosen Dung semantics.

This works on the framework a map becomes (:mod:`argmap.semantics.bipolar`): every attack
there comes from an argument that *stands for* a claim: the claim itself, or a relation or
derived attack, which stands for the claim it starts from (the claim whose ``not:`` helper
attacks it). So direct attacks, supported and secondary attacks, and undercuts (the undercut
relation against the relation it targets) are all weighed; attacks from helpers and what-if
assumptions are never weighed.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_node("a", role="claim", values=["security"])
>>> G.add_node("b", role="claim", values=["rights"])
>>> G.add_node("r", role="relation", type="attacks"); G.add_edges_from([("a", "r"), ("r", "b")])
>>> from argmap.semantics.bipolar import attack_framework
>>> from argmap.semantics.dung import grounded_labelling
>>> fw = attack_framework(G)
>>> [str(x) for x in grounded_labelling(fw)[:2]]
['in', 'out']
>>> rights_first = parse_ranking("rights>security", ["security", "rights"])
>>> [str(x) for x in grounded_labelling(defeat_framework(fw, G, rights_first))[:2]]
['in', 'in']
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from argmap.graph import is_claim
from argmap.semantics.framework import Framework


@dataclass(frozen=True)
class Ranking:
    """An audience: tiers of value ids, highest first; ``id`` and ``name`` when it is named.

    >>> r = Ranking((("security",), ("rights", "sovereignty")))
    >>> r.position("security"), r.position("rights"), r.position("cooperation")
    (0, 1, None)
    >>> str(r)
    'security > rights = sovereignty'
    """

    tiers: tuple[tuple[str, ...], ...]
    id: str | None = None
    name: str | None = None
    actor: str | None = None

    def position(self, value: str) -> int | None:
        """Return the value's tier (0 is highest), or ``None`` for a value it does not rank."""
        for k, tier in enumerate(self.tiers):
            if value in tier:
                return k
        return None

    def listed(self) -> frozenset[str]:
        """Return the values this audience ranks."""
        return frozenset(v for tier in self.tiers for v in tier)

    def positions(self) -> dict[str, int]:
        return {v: k for k, tier in enumerate(self.tiers) for v in tier}

    @property
    def label(self) -> str:
        """Return the audience's name, or its ranking when it has none."""
        return self.name or str(self)

    def __str__(self) -> str:
        return " > ".join(" = ".join(tier) for tier in self.tiers)


def parse_ranking(text: str, known: Iterable[str]) -> Ranking:
    """Return the ranking written ``"a>b=c>d"`` (``>`` ranks above, ``=`` ties).

    Raises ``ValueError`` naming an unknown or repeated value, with the nearest known id.

    >>> parse_ranking("security > rights = sovereignty", ["security", "rights", "sovereignty"])
    Ranking(tiers=(('security',), ('rights', 'sovereignty')), id=None, name=None, actor=None)
    >>> parse_ranking("securty>rights", ["security", "rights"])
    Traceback (most recent call last):
    ...
    ValueError: unknown value 'securty' in the ranking; did you mean 'security'? (values: \
security, rights)
    """
    known = list(known)
    tiers: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for part in text.split(">"):
        tier = tuple(v.strip() for v in part.split("=") if v.strip())
        if not tier:
            raise ValueError(f"empty tier in the ranking {text!r}; write it like a>b=c>d")
        for value in tier:
            if value not in known:
                close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                listing = ", ".join(known) or "the map has none"
                raise ValueError(
                    f"unknown value {value!r} in the ranking{hint} (values: {listing})"
                )
            if value in seen:
                raise ValueError(f"value {value!r} is ranked twice in {text!r}")
            seen.add(value)
        tiers.append(tier)
    return Ranking(tuple(tiers))


def value_ids(G: nx.DiGraph) -> list[str]:
    """Return the ids of the map's values, in map order."""
    return [v["id"] for v in G.graph.get("values", [])]


def value_names(G: nx.DiGraph) -> dict[str, str]:
    """Return value id -> its name."""
    return {v["id"]: v.get("name", v["id"]) for v in G.graph.get("values", [])}


def audiences(G: nx.DiGraph) -> list[Ranking]:
    """Return the map's named audiences as rankings, in map order."""
    return [
        Ranking(tuple(tuple(tier) for tier in a["ranking"]), a["id"], a.get("name"), a.get("actor"))
        for a in G.graph.get("audiences", [])
    ]


def audience_named(G: nx.DiGraph, audience_id: str) -> Ranking:
    """Return the map's audience ``audience_id``; ``KeyError`` names the nearest one."""
    found = {a.id: a for a in audiences(G) if a.id is not None}
    if audience_id in found:
        return found[audience_id]
    close = difflib.get_close_matches(audience_id, list(found), n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    listing = ", ".join(found) or "the map has none"
    raise KeyError(f"no audience {audience_id!r}{hint} (audiences: {listing})")


def claim_values(G: nx.DiGraph) -> dict[str, frozenset[str]]:
    """Return claim id -> the values it appeals to, for the claims that appeal to any."""
    return {
        n: frozenset(vals)
        for n, attrs in G.nodes(data=True)
        if attrs.get("role") == "claim" and (vals := attrs.get("values"))
    }


def stands_for(fw: Framework, G: nx.DiGraph) -> list[str | None]:
    """Return, per framework argument, the claim whose values it carries, or ``None``.

    A claim stands for itself; a relation or derived attack for the claim it starts from,
    found as the claim whose ``not:`` helper attacks it; helpers and assumptions for none.
    """
    names = fw.names
    out: list[str | None] = []
    for i, name in enumerate(names):
        if name in G and is_claim(G, name):
            out.append(name)
            continue
        if _is_helper(name):
            out.append(None)
            continue
        helpers = (names[a] for a in fw.attackers[i] if names[a].startswith("not:"))
        out.append(next((h[4:] for h in helpers), None))
    return out


def _is_helper(name: str) -> bool:
    return name.startswith(("not:", "assume:"))


@dataclass(frozen=True)
class ValueAttack:
    """A framework attack between two claims that both appeal to values.

    ``attacker`` and ``target`` are framework argument indices; ``source`` and ``against``
    the claims they stand for; ``source_values`` and ``against_values`` those claims' values.
    """

    attacker: int
    target: int
    source: str
    against: str
    source_values: frozenset[str]
    against_values: frozenset[str]

    def fails(self, position: Mapping[str, int]) -> bool:
        """Whether the attack fails for an audience giving the tier of each value it ranks
        (lower is higher): both sides need a ranked value, and the target's best ranked
        value must rank strictly above the attacker's. Unranked values are incomparable."""
        against = [position[v] for v in self.against_values if v in position]
        source = [position[v] for v in self.source_values if v in position]
        return bool(against) and bool(source) and min(against) < min(source)

    def deciding(self, position: Mapping[str, int]) -> tuple[str, str] | None:
        """Return (the target's best ranked value, the attacker's) when both rank, else
        ``None``: the two values whose order decides the attack for this audience."""
        against = [v for v in self.against_values if v in position]
        source = [v for v in self.source_values if v in position]
        if not against or not source:
            return None
        return (
            min(sorted(against), key=position.__getitem__),
            min(sorted(source), key=position.__getitem__),
        )


def value_attacks(fw: Framework, G: nx.DiGraph) -> list[ValueAttack]:
    """Return every attack of ``fw`` that an audience may make fail (both sides have values)."""
    values = claim_values(G)
    if not values:
        return []
    carried = stands_for(fw, G)
    found = []
    for a, targets in enumerate(fw.targets):
        source = carried[a]
        if source is None or source not in values or _is_helper(fw.names[a]):
            continue
        for t in targets:
            against = carried[t]
            if against is not None and against in values and not _is_helper(fw.names[t]):
                found.append(ValueAttack(a, t, source, against, values[source], values[against]))
    return found


def failed_attacks(fw: Framework, G: nx.DiGraph, ranking: Ranking) -> list[ValueAttack]:
    """Return the attacks of ``fw`` that fail for the audience ``ranking``."""
    position = ranking.positions()
    return [va for va in value_attacks(fw, G) if va.fails(position)]


def defeat_framework(fw: Framework, G: nx.DiGraph, ranking: Ranking) -> Framework:
    """Return ``fw`` keeping only the attacks that succeed for ``ranking`` (same arguments)."""
    return without_attacks(fw, {(va.attacker, va.target) for va in failed_attacks(fw, G, ranking)})


def without_attacks(fw: Framework, dropped: set[tuple[int, int]]) -> Framework:
    """Return ``fw`` with the attacks ``(attacker, target)`` in ``dropped`` removed."""
    if not dropped:
        return fw
    pairs = ((a, t) for a, ts in enumerate(fw.targets) for t in ts if (a, t) not in dropped)
    return Framework.from_indices(fw.names, pairs)


def ranking_from_order(order: Sequence[str]) -> Ranking:
    """Return the strict ranking that lists ``order`` highest first, one value per tier."""
    return Ranking(tuple((v,) for v in order))
