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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from math import prod
from typing import Any

import networkx as nx

from argmap.graph import claim_ids, collection_paused, relation_triples
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


@collection_paused()
def dfquad(
    G: nx.DiGraph,
    base_scores: dict[str, float] | None = None,
    view: str = DEFAULT_VIEW,
    *,
    max_iter: int = 1000,
    tol: float = 1e-9,
    triples: Sequence[tuple[str, str, str, str]] | None = None,
) -> Gradual:
    """Return DF-QuAD strengths of every claim (see the module docstring).

    ``view="attack-only"`` ignores supports, as the Dung attack-only view does; every other
    view (:data:`~argmap.semantics.framework.VIEW_TABLE`) counts them. ``triples``: ``G``'s
    :func:`~argmap.graph.relation_triples`, when the caller has them already.

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
    every = relation_triples(G) if triples is None else triples
    triples = [t for t in every if keep_supports or t[1] != "supports"]
    # Every value by number: the claims (0..n_claims-1, in tau's order), then the relations.
    names = [*tau, *(rid for rid, *_ in triples)]
    index = {name: i for i, name in enumerate(names)}
    n_claims = len(tau)
    val = [*tau.values(), *([1.0] * len(triples))]
    base = list(tau.values())
    # The relations into each value, as (relation, origin) pairs by kind; only a claim's
    # attacks and supports and a relation's undercuts are read.
    attacks: dict[int, list[tuple[int, int]]] = defaultdict(list)
    supports: dict[int, list[tuple[int, int]]] = defaultdict(list)
    undercuts: dict[int, list[tuple[int, int]]] = defaultdict(list)
    by_type = {"attacks": attacks, "supports": supports, "undercuts": undercuts}
    # What each value is computed from: a claim from the relations into it, a relation from
    # its origin and its undercuts. Its strongly connected parts, in topological order, are
    # solved one after another: an acyclic part in one step, a cycle by iteration.
    depends: list[list[int]] = [[] for _ in names]
    for k, (_rid, rtype, origin, target) in enumerate(triples, n_claims):
        o = index[origin]
        depends[o].append(k)
        t = index.get(target)
        if t is not None:  # not an undercut of an ignored support
            by_type[rtype][t].append((k, o))
            depends[k].append(t)

    def value(i: int) -> float:
        if i >= n_claims:
            return 1.0 - effects(undercuts[i], val) if i in undercuts else 1.0
        t = base[i]
        va = effects(attacks[i], val) if i in attacks else 0.0
        vs = effects(supports[i], val) if i in supports else 0.0
        return t - t * (va - vs) if va >= vs else t + (1.0 - t) * (vs - va)

    iterations, converged = 1, True
    for members in _strong_parts(depends):
        if len(members) == 1:  # no cycle through it: its inputs are final already
            val[members[0]] = value(members[0])
            continue
        if len(members) >= VECTOR_FROM:
            rounds, delta = _jacobi_arrays(members, n_claims, base, val, by_type, tol, max_iter)
        else:
            rounds, delta = jacobi(members, value, val, tol, max_iter)
        converged = converged and delta <= tol
        iterations = max(iterations, rounds)
    strength = dict(zip(tau, val[:n_claims], strict=True))
    weight = dict(zip(names[n_claims:], val[n_claims:], strict=True))
    return Gradual(strength, weight, converged, iterations)


def effects(pairs: Iterable[tuple[Any, Any]], val: Any) -> float:
    """F, the probabilistic sum of the effects of ``(relation, origin)`` pairs: each the
    origin's strength times the relation's weight, as ``val`` holds them (0 for no pair)."""
    return 1.0 - prod(1.0 - val[o] * val[r] for r, o in pairs)


def jacobi(
    members: list[Any], value: Callable[[Any], float], val: Any, tol: float, max_iter: int
) -> tuple[int, float]:
    """Solve one cycle of values in place in ``val``, from the values it holds: Jacobi
    rounds (every value from the previous round's) until none moves by more than ``tol`` or
    ``max_iter`` rounds. Return (rounds, the last round's largest move)."""
    rounds, delta = 0, math.inf
    while delta > tol and rounds < max_iter:
        new = [value(m) for m in members]
        delta = max(abs(v - val[m]) for m, v in zip(members, new, strict=True))
        for m, v in zip(members, new, strict=True):
            val[m] = v
        rounds += 1
    return rounds, delta


# A cycle of at least this many values is iterated on arrays (numpy, imported only then):
# the same rounds, float for float, without a Python call per value per round.
VECTOR_FROM = 512


def _jacobi_arrays(
    members: list[int],
    n_claims: int,
    base: list[float],
    val: list[float],
    by_type: dict[str, dict[int, list[tuple[int, int]]]],
    tol: float,
    max_iter: int,
) -> tuple[int, float]:
    """:func:`jacobi` for one cycle of dfquad's numbered values, on numpy arrays: the same
    rounds and the same floats (each product is taken factor by factor in the same order,
    each formula in the same operations), so the strengths are exactly the pure-Python ones.
    Writes the cycle's values into ``val``; returns (rounds, the last round's largest move).
    """
    import numpy as np

    attacks, supports, undercuts = by_type["attacks"], by_type["supports"], by_type["undercuts"]
    m = len(members)
    # The factors of each member's products, by their place in the product: level j holds
    # every member's j-th factor, so multiplying level by level keeps Python's order.
    levels: dict[tuple[int, int], tuple[list[int], list[int], list[int]]] = {}
    # The cycle reads its members and their inputs only: numbered locally (the members
    # first), so each cycle costs its own size, not the whole map's.
    local = {i: k for k, i in enumerate(members)}
    for pos, i in enumerate(members):
        if i >= n_claims:
            groups: tuple[list[tuple[int, int]], ...] = (undercuts.get(i, []),)
        else:
            groups = (attacks.get(i, []), supports.get(i, []))
        for g, pairs in enumerate(groups):
            for j, (r, o) in enumerate(pairs):
                level = levels.setdefault((g, j), ([], [], []))
                level[0].append(pos)
                level[1].append(local.setdefault(r, len(local)))
                level[2].append(local.setdefault(o, len(local)))
    plan = [
        (g, np.array(at), np.array(rs), np.array(os_))
        for (g, _j), (at, rs, os_) in sorted(levels.items(), key=lambda kv: kv[0][1])
    ]
    idx = np.arange(m)  # the members' local numbers
    is_claim = np.array(members) < n_claims
    t = np.array([base[i] if i < n_claims else 0.0 for i in members])
    v = np.array([val[i] for i in local], dtype=np.float64)
    one = np.ones(m)
    rounds, delta = 0, math.inf
    while delta > tol and rounds < max_iter:
        acc = (one.copy(), one.copy())
        for g, at, rs, os_ in plan:
            acc[g][at] = acc[g][at] * (1.0 - v[os_] * v[rs])
        va, vs = 1.0 - acc[0], 1.0 - acc[1]
        claim = np.where(va >= vs, t - t * (va - vs), t + (1.0 - t) * (vs - va))
        new = np.where(is_claim, claim, 1.0 - va)  # a relation: 1 - F(its undercuts)
        delta = float(np.max(np.abs(new - v[idx])))
        v[idx] = new
        rounds += 1
    for i, x in zip(members, v[idx].tolist(), strict=True):
        val[i] = x
    return rounds, delta


def _strong_parts(successors: list[list[int]]) -> list[list[int]]:
    """Return the strongly connected parts of the graph ``successors`` (node ``i`` has edges
    to ``successors[i]``), each part before every part it has an edge into.

    Tarjan's algorithm without recursion, so deep maps cannot overflow the stack; linear in
    nodes and edges.

    >>> _strong_parts([[1], [2], [1, 3], []])
    [[0], [2, 1], [3]]
    """
    n = len(successors)
    number = [-1] * n  # visiting order, -1 while unvisited
    low = [0] * n
    on_stack = bytearray(n)
    stack: list[int] = []
    found: list[list[int]] = []  # each part after every part it has an edge into
    counter = 0
    for root in range(n):
        if number[root] >= 0:
            continue
        number[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = 1
        work = [(root, 0)]
        while work:
            v, k = work[-1]
            edges = successors[v]
            if k < len(edges):
                work[-1] = (v, k + 1)
                w = edges[k]
                if number[w] < 0:
                    number[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = 1
                    work.append((w, 0))
                elif on_stack[w] and number[w] < low[v]:
                    low[v] = number[w]
                continue
            work.pop()
            if work and low[v] < low[work[-1][0]]:
                low[work[-1][0]] = low[v]
            if low[v] == number[v]:
                part = []
                while True:
                    w = stack.pop()
                    on_stack[w] = 0
                    part.append(w)
                    if w == v:
                        break
                found.append(part)
    found.reverse()
    return found


def relation_effects(
    G: nx.DiGraph,
    result: Gradual,
    *,
    triples: Iterable[tuple[str, str, str, str]] | None = None,
) -> dict[str, float]:
    """Return each relation's effect on its target under ``result``: the strength of its
    origin times its weight (0 for a support the attack-only view ignored). ``triples``:
    ``G``'s :func:`~argmap.graph.relation_triples`, when the caller has them already.

    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from(["t", "o"], role="claim")
    >>> G.add_node("r", role="relation", type="attacks")
    >>> G.add_edges_from([("o", "r"), ("r", "t")])
    >>> relation_effects(G, dfquad(G, {"o": 0.8}))
    {'r': 0.8}
    """
    strength, weight = result.strength, result.relation_weight
    return {
        rid: strength[origin] * weight.get(rid, 0.0)
        for rid, _, origin, _ in (relation_triples(G) if triples is None else triples)
    }
