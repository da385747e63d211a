"""Debate analysis: unanswered objections, the strongest objections, positions, centrality.

>>> from argmap.analysis import demo_graph
>>> [a.relation for a in unanswered_attacks(demo_graph())]
[]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from argmap.graph import claim_ids, is_claim, relation_origin, relation_target, relation_triples
from argmap.semantics.framework import Label
from argmap.semantics.gradual import dfquad, relation_effects

from .evaluate import Evaluation


@dataclass(frozen=True)
class Attack:
    """An attack relation ``relation``: claim ``attacker`` attacks claim ``target``."""

    relation: str
    attacker: str
    target: str


def unanswered_attacks(G: nx.DiGraph, claim_id: str | None = None) -> list[Attack]:
    """Return the attacks (on ``claim_id``, or on any claim) that nothing attacks back.

    An attack is answered if its attacking claim is attacked, or the attack relation is
    undercut. Returned in map order.

    >>> from argmap.analysis import demo_graph
    >>> unanswered_attacks(demo_graph(), "subsidy")  # doubt is attacked back
    []
    """
    triples = list(relation_triples(G))
    attacked = {t for _, rtype, _, t in triples if rtype == "attacks"}
    undercut = {t for _, rtype, _, t in triples if rtype == "undercuts"}
    return [
        Attack(rid, origin, target)
        for rid, rtype, origin, target in triples
        if rtype == "attacks"
        and (claim_id is None or target == claim_id)
        and origin not in attacked
        and rid not in undercut
    ]


@dataclass(frozen=True)
class Objection:
    """An attack on a claim and its DF-QuAD effect (attacker strength x relation weight)."""

    relation: str
    attacker: str
    effect: float


def strongest_objections(
    G: nx.DiGraph, claim_id: str, base_scores: dict[str, float] | None = None
) -> list[Objection]:
    """Return the attacks on ``claim_id``, strongest first, by their DF-QuAD effect.

    >>> from argmap.analysis import demo_graph
    >>> [(o.attacker, round(o.effect, 3)) for o in strongest_objections(demo_graph(), "thesis")]
    [('cost', 0.333)]
    """
    effect = relation_effects(G, dfquad(G, base_scores))
    found = [
        Objection(rid, origin, effect[rid])
        for rid, rtype, origin, target in relation_triples(G)
        if rtype == "attacks" and target == claim_id
    ]
    return sorted(found, key=lambda o: -o.effect)


@dataclass
class Holding:
    """The claims one source or actor holds, and which of them stand (are in)."""

    claims: list[str] = field(default_factory=list)
    standing: list[str] = field(default_factory=list)


@dataclass
class Positions:
    """Who holds what, and who agrees or conflicts with whom.

    ``sources`` and ``actors`` map each id to a :class:`Holding`. ``agreement[a][b]`` counts
    the supports from a claim of actor ``a`` to a claim of actor ``b``; ``conflict[a][b]``
    the attacks, and undercuts of relations starting at ``b``'s claims. Every actor has a row
    and a column, zeros included.
    """

    sources: dict[str, Holding]
    actors: dict[str, Holding]
    agreement: dict[str, dict[str, int]]
    conflict: dict[str, dict[str, int]]


def positions(G: nx.DiGraph, evaluation: Evaluation) -> Positions:
    """Return each source's and actor's claims, which stand, and the actor matrices.

    >>> from argmap.analysis import demo_graph, evaluate
    >>> G = demo_graph()
    >>> p = positions(G, evaluate(G))
    >>> p.actors["gov"]
    Holding(claims=['thesis', 'subsidy', 'jobs'], standing=['jobs'])
    >>> p.conflict["jo"]["gov"], p.conflict["gov"]["jo"], p.agreement["gov"]["gov"]
    (2, 2, 1)
    """
    source_ids = [s["id"] for s in G.graph.get("sources", [])]
    actor_ids = [a["id"] for a in G.graph.get("actors", [])]
    sources = {s: Holding() for s in source_ids}
    actors = {a: Holding() for a in actor_ids}
    for c in claim_ids(G):
        node = G.nodes[c]
        for table, key in ((sources, node.get("source")), (actors, node.get("actor"))):
            holding = table.setdefault(str(key), Holding())
            holding.claims.append(c)
            if evaluation.labels.get(c) is Label.IN:
                holding.standing.append(c)
    names = list(actors)
    agreement = {a: dict.fromkeys(names, 0) for a in names}
    conflict = {a: dict.fromkeys(names, 0) for a in names}
    for rid, rtype, origin, target in relation_triples(G):
        a = G.nodes[origin]["actor"]
        target_claim = relation_origin(G, target) if rtype == "undercuts" else target
        b = G.nodes[target_claim]["actor"]
        (agreement if rtype == "supports" else conflict)[a][b] += 1
        del rid
    return Positions(sources, actors, agreement, conflict)


def centrality(G: nx.DiGraph) -> dict[str, float]:
    """Return how much of the debate hangs on each claim, highest first.

    A claim's score is the share of the other claims its status can reach along relations
    (an undercut reaches the target of the relation it undercuts): the *local reaching
    centrality* of Mones, Vicsek & Vicsek (PLoS ONE, 2012). Ties keep map order.

    >>> from argmap.analysis import demo_graph
    >>> centrality(demo_graph())
    {'subsidy': 0.5, 'doubt': 0.5, 'cost': 0.25, 'jobs': 0.25, 'thesis': 0.0}
    """
    claims = claim_ids(G)
    reach = nx.DiGraph()
    reach.add_nodes_from(claims)
    for _rid, rtype, origin, target in relation_triples(G):
        target_claim = relation_target(G, target) if rtype == "undercuts" else target
        if is_claim(G, target_claim):
            reach.add_edge(origin, target_claim)
    others = max(len(claims) - 1, 1)
    reached = _reach_counts(reach)
    scores = {c: reached[c] / others for c in claims}
    return dict(sorted(scores.items(), key=lambda kv: -kv[1]))


def _reach_counts(G: nx.DiGraph) -> dict[str, int]:
    """Return, for each node, how many other nodes it reaches.

    One pass over the condensation (cycles made single nodes) in reverse topological order,
    each node's reach a bitset (a Python int, one bit per node, a component's members on
    consecutive bits) OR-ed from its successors': about n·m/64 word operations in C, not a
    graph search per node; a bitset is freed once every node above it has used it.

    >>> G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "b"), ("d", "a")])
    >>> _reach_counts(G) == {"a": 2, "b": 1, "c": 1, "d": 3}
    True
    """
    dag = nx.condensation(G)
    offset, own = {}, {}
    position = 0
    for k in dag:
        n = len(dag.nodes[k]["members"])
        offset[k], own[k] = position, ((1 << n) - 1) << position
        position += n
    waiting = {k: dag.in_degree(k) for k in dag}
    bits: dict[int, int] = {}
    counts: dict[int, int] = {}
    for k in reversed(list(nx.topological_sort(dag))):
        mine = own[k]
        for child in dag.successors(k):
            mine |= bits[child]
            waiting[child] -= 1
            if not waiting[child]:
                del bits[child]
        counts[k] = mine.bit_count() - 1  # every node reached, less the node itself
        if waiting[k]:
            bits[k] = mine
    return {node: counts[k] for node, k in dag.graph["mapping"].items()}
