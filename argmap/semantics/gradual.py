"""Gradual semantics: a strength in [0, 1] for every claim, so claims can be ranked.

**DF-QuAD** (Rago, Toni, Aurisicchio & Baroni, "Discontinuity-free decision support with
quantitative argumentation debates", KR 2016). Each claim has a base score ``b`` (its
``base_score``, default 0.5, overridable per call). With ``F(v1..vn) = 1 - Π(1 - vi)``
(``F() = 0``), ``va = F(attackers' effects)`` and ``vs = F(supporters' effects)``:

- ``s = b - b·(va - vs)`` when ``va >= vs`` (attack wins: pulled towards 0),
- ``s = b + (1 - b)·(vs - va)`` otherwise (support wins: pulled towards 1).

So with no relations a claim keeps its base score, an attacker only lowers and a supporter
only raises it.

**Undercuts** weaken a relation rather than a claim: each relation has a weight
``w = 1 - F(effects of its undercuts)`` (1 when nothing undercuts it), and a relation's
effect on its target is ``s(origin)·w``. An undercut's own effect is its origin's strength
times its own weight, so undercuts of undercuts work the same way.

Values are computed in dependency order, one strongly connected part at a time, so an
acyclic map takes a single pass. Within a cycle we iterate (all its values updated together
from the previous round, its inputs already final) until no value moves by more than ``tol``
or ``max_iter`` rounds have passed, and say whether it converged.

>>> import networkx as nx
>>> G = nx.DiGraph()
>>> G.add_nodes_from(["t", "o"], role="claim")
>>> G.add_node("r", role="relation", type="attacks")
>>> G.add_edges_from([("o", "r"), ("r", "t")])
>>> result = dfquad(G)
>>> result.strength
{'t': 0.25, 'o': 0.5}
>>> dfquad(G, {"o": 1.0}).strength["t"]
0.0
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from math import prod

import networkx as nx

from argmap.graph import claim_ids, relation_triples
from argmap.semantics.framework import DEFAULT_VIEW, VIEW_TABLE

DEFAULT_BASE_SCORE = 0.5


@dataclass
class Gradual:
    """Strengths from a gradual semantics.

    ``strength`` maps each claim id to its strength in [0, 1]; ``relation_weight`` maps each
    relation id to its weight in [0, 1] (1 unless undercut); ``converged`` is false if
    ``max_iter`` rounds were not enough for some cycle; ``iterations`` is the most rounds any
    cycle needed (1 on an acyclic map).
    """

    strength: dict[str, float]
    relation_weight: dict[str, float]
    converged: bool
    iterations: int


def base_scores_of(G: nx.DiGraph, overrides: dict[str, float] | None = None) -> dict[str, float]:
    """Return each claim's base score: ``overrides``, else its ``base_score``, else 0.5.

    >>> import networkx as nx
    >>> G = nx.DiGraph(); G.add_node("a", role="claim", base_score=0.9)
    >>> base_scores_of(G), base_scores_of(G, {"a": 0.1})
    ({'a': 0.9}, {'a': 0.1})
    """
    scores = {}
    for c in claim_ids(G):
        value = (overrides or {}).get(c, G.nodes[c].get("base_score"))
        value = DEFAULT_BASE_SCORE if value is None else float(value)
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"base score of {c!r} must be in [0, 1], got {value}")
        scores[c] = value
    return scores


def dfquad(
    G: nx.DiGraph,
    base_scores: dict[str, float] | None = None,
    view: str = DEFAULT_VIEW,
    *,
    max_iter: int = 1000,
    tol: float = 1e-9,
) -> Gradual:
    """Return DF-QuAD strengths of every claim (see the module docstring).

    ``view="attack-only"`` ignores supports, as the Dung attack-only view does; every other
    view (:data:`~argmap.semantics.framework.VIEW_TABLE`) counts them.

    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from(["t", "e"], role="claim")
    >>> G.add_node("s", role="relation", type="supports")
    >>> G.add_edges_from([("e", "s"), ("s", "t")])
    >>> dfquad(G).strength["t"], dfquad(G, view="attack-only").strength["t"]
    (0.75, 0.5)
    """
    tau = base_scores_of(G, base_scores)
    keep_supports = VIEW_TABLE[view].supports
    triples = [t for t in relation_triples(G) if keep_supports or t[1] != "supports"]
    attacks: dict[str, list[tuple[str, str]]] = defaultdict(list)
    supports: dict[str, list[tuple[str, str]]] = defaultdict(list)
    undercuts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    # What each value is computed from: a claim from the relations into it, a relation from
    # its origin and its undercuts. Its strongly connected parts, in topological order, are
    # solved one after another: an acyclic part in one step, a cycle by iteration.
    sigma = dict(tau)
    weight = {rid: 1.0 for rid, *_ in triples}
    depends = nx.DiGraph()
    depends.add_nodes_from(tau)
    for rid, rtype, origin, target in triples:
        {"attacks": attacks, "supports": supports, "undercuts": undercuts}[rtype][target].append(
            (rid, origin)
        )
        depends.add_edge(origin, rid)
        if target in sigma or target in weight:  # not an undercut of an ignored support
            depends.add_edge(rid, target)

    def effects(pairs: list[tuple[str, str]]) -> float:
        # F: the probabilistic sum of the relations' effects (0 when there are none).
        return 1.0 - prod(1.0 - sigma[o] * weight[r] for r, o in pairs)

    def value(node: str) -> float:
        if node in weight:
            return 1.0 - effects(undercuts[node]) if node in undercuts else 1.0
        t = tau[node]
        va = effects(attacks[node]) if node in attacks else 0.0
        vs = effects(supports[node]) if node in supports else 0.0
        return t - t * (va - vs) if va >= vs else t + (1.0 - t) * (vs - va)

    def store(node: str, v: float) -> None:
        if node in weight:
            weight[node] = v
        else:
            sigma[node] = v

    iterations, converged = 1, True
    parts = nx.condensation(depends)
    for part in nx.topological_sort(parts):
        members = list(parts.nodes[part]["members"])
        if len(members) == 1:  # no cycle through it: its inputs are final already
            store(members[0], value(members[0]))
            continue
        rounds, delta = 0, math.inf
        while delta > tol and rounds < max_iter:
            # Jacobi within the cycle: every value from the previous round's.
            new = [value(m) for m in members]
            delta = max(abs(v - (weight[m] if m in weight else sigma[m]))
                        for m, v in zip(members, new, strict=True))  # fmt: skip
            for m, v in zip(members, new, strict=True):
                store(m, v)
            rounds += 1
        converged = converged and delta <= tol
        iterations = max(iterations, rounds)
    return Gradual(sigma, weight, converged, iterations)


def relation_effects(G: nx.DiGraph, result: Gradual) -> dict[str, float]:
    """Return each relation's effect on its target under ``result``: the strength of its
    origin times its weight (0 for a support the attack-only view ignored).

    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from(["t", "o"], role="claim")
    >>> G.add_node("r", role="relation", type="attacks")
    >>> G.add_edges_from([("o", "r"), ("r", "t")])
    >>> relation_effects(G, dfquad(G, {"o": 0.8}))
    {'r': 0.8}
    """
    return {
        rid: result.strength[origin] * result.relation_weight.get(rid, 0.0)
        for rid, _, origin, _ in relation_triples(G)
    }
