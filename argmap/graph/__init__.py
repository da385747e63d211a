"""The map as a networkx graph, and back, without loss.

Relations are nodes, as in the Argument Interchange Format (AIF): an undercut attacks a
*relation*, so a relation must be something an edge can point at. The graph is a
``networkx.DiGraph`` with two roles of node:

- a **claim** node (``role="claim"``) per claim, keyed by the claim's id, carrying every
  claim field (``statement``, ``kind``, ``source``, ``actor``, ``quote``, ``tags``, ...);
- a **relation** node (``role="relation"``) per relation, keyed by the relation's id,
  carrying ``type`` (``"supports"``, ``"attacks"``, ``"undercuts"``) and ``note``.

Every relation node ``r`` has exactly two incident edges of its own: ``from -> r`` from the
claim it starts at, and ``r -> to`` to its target (a claim, or for an undercut a relation
node). So an edge ``u -> v`` is ``v``'s origin link when ``u`` is a claim and ``u``'s
target link when ``u`` is a relation. ``G.graph`` holds the map's metadata, sources,
actors, values and audiences (a claim node's ``values`` lists the value ids it appeals
to). Node insertion order is file order, so :func:`to_map` restores the map exactly.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({
...     "title": "T", "question": "Q?",
...     "sources": [{"id": "s", "title": "S", "kind": "article"}],
...     "actors": [{"id": "a", "name": "A", "kind": "person"}],
...     "claims": [{"id": f"c{i}", "statement": "x", "source": "s", "actor": "a",
...                 "quote": "q"} for i in range(3)],
...     "relations": [{"id": "r1", "type": "attacks", "from": "c1", "to": "c0"},
...                   {"id": "r2", "type": "undercuts", "from": "c2", "to": "r1"}]})
>>> G = to_graph(m)
>>> sorted(relation_triples(G))
[('r1', 'attacks', 'c1', 'c0'), ('r2', 'undercuts', 'c2', 'r1')]
>>> to_map(G) == m
True
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx

# Its home is limits (the readers pause the collector too); analysis imports it from here.
from argmap.limits import collection_paused as collection_paused
from argmap.model import ArgumentMap, Claim, Relation, RelationType

CLAIM = "claim"
RELATION = "relation"

_MAP_FIELDS = ("argmap", "title", "question", "description")


@collection_paused()
def to_graph(argument_map: ArgumentMap) -> nx.DiGraph:
    """Return the map as a DiGraph of claim and relation nodes (see the module docstring)."""
    G = nx.DiGraph()
    data = argument_map.model_dump(mode="json", by_alias=True, exclude_none=True)
    G.graph.update({k: data[k] for k in _MAP_FIELDS if k in data})
    G.graph["sources"] = data["sources"]
    G.graph["actors"] = data["actors"]
    G.graph["values"] = data["values"]
    G.graph["audiences"] = data["audiences"]
    # Straight into networkx's own dicts, as add_nodes_from and add_edges_from would fill
    # them (a node's attributes, its successors and predecessors; one dict per edge shared by
    # both ends): their per-item checks and copies were a third of this at 20,000 claims.
    node, succ, pred = G._node, G._succ, G._pred

    def add(name: str, attrs: dict[str, Any]) -> None:
        if name in node:
            node[name].update(attrs)
        else:
            node[name], succ[name], pred[name] = attrs, {}, {}

    for claim in data["claims"]:
        name = claim.pop("id")
        attrs = {"role": CLAIM}
        attrs.update(claim)
        add(name, attrs)
    for rel in data["relations"]:
        name = rel.pop("id")
        del rel["from"], rel["to"]
        attrs = {"role": RELATION}
        attrs.update(rel)
        add(name, attrs)
    for relation in argument_map.relations:
        for u, v in ((relation.from_, relation.id), (relation.id, relation.to)):
            for end in (u, v):
                if end not in node:
                    add(end, {})
            edge = succ[u].get(v)
            succ[u][v] = pred[v][u] = {} if edge is None else edge
    return G


def to_map(G: nx.DiGraph) -> ArgumentMap:
    """Return the map a graph made by :func:`to_graph` stands for (validated again)."""
    data: dict[str, Any] = {k: G.graph[k] for k in _MAP_FIELDS if k in G.graph}
    data["sources"] = G.graph.get("sources", [])
    data["actors"] = G.graph.get("actors", [])
    data["values"] = G.graph.get("values", [])
    data["audiences"] = G.graph.get("audiences", [])
    data["claims"] = [
        {"id": n, **_without_role(attrs)}
        for n, attrs in G.nodes(data=True)
        if attrs["role"] == CLAIM
    ]
    data["relations"] = [
        {"id": rid, "type": rtype, "from": origin, "to": target, **_without_role(attrs, "type")}
        for rid, rtype, origin, target in relation_triples(G)
        for attrs in (G.nodes[rid],)
    ]
    return ArgumentMap.model_validate(data)


def _without_role(attrs: dict[str, Any], *also: str) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if k != "role" and k not in also}


def relation_triples(G: nx.DiGraph) -> Iterator[tuple[str, str, str, str]]:
    """Yield ``(relation_id, type, from_claim, to_target)`` for every relation, in map order."""
    # networkx's own adjacency dicts: its views cost more than the work at 100,000 claims,
    # and evaluate reads the triples three times.
    nodes, pred, succ = G._node, G._pred, G._succ
    for rid, attrs in nodes.items():
        if attrs["role"] != RELATION:
            continue
        origin = target = None
        for u in pred[rid]:  # loops, not next(generator): a generator per relation was half
            if nodes[u]["role"] == CLAIM:
                origin = u
                break
        for v in succ[rid]:
            target = v
            break
        if origin is None or target is None:  # as relation_origin / relation_target say
            yield rid, attrs["type"], relation_origin(G, rid), relation_target(G, rid)
        else:
            yield rid, attrs["type"], origin, target


def relation_origin(G: nx.DiGraph, relation_id: str) -> str:
    """Return the claim a relation starts from."""
    for u in G.predecessors(relation_id):
        if G.nodes[u]["role"] == CLAIM:
            return u
    raise ValueError(f"relation {relation_id!r} has no origin claim")


def relation_target(G: nx.DiGraph, relation_id: str) -> str:
    """Return the node (claim, or relation for an undercut) a relation points at."""
    for v in G.successors(relation_id):
        return v
    raise ValueError(f"relation {relation_id!r} has no target")


def claim_ids(G: nx.DiGraph) -> list[str]:
    """Return the claim ids in map order."""
    return [n for n, role in G.nodes(data="role") if role == CLAIM]


def theses(G: nx.DiGraph) -> list[str]:
    """Return the map's theses in map order: its ``kind: thesis`` claims, or, when it marks
    none, the claims that bear on nothing else.

    >>> G = nx.DiGraph()
    >>> G.add_node("t", role="claim"); G.add_node("o", role="claim")
    >>> G.add_node("r", role="relation", type="attacks"); G.add_edges_from([("o", "r"), ("r", "t")])
    >>> theses(G)
    ['t']
    """
    claims = claim_ids(G)
    marked = [c for c in claims if G.nodes[c].get("kind") == "thesis"]
    # A claim's only out-edges lead to relations it starts, so out-degree 0 = bears on nothing.
    return marked or [c for c in claims if G.out_degree(c) == 0]


def is_claim(G: nx.DiGraph, node: str) -> bool:
    """Return whether ``node`` is a claim (not a relation) of the map graph ``G``."""
    return bool(G.nodes[node].get("role") == CLAIM)


def is_relation(G: nx.DiGraph, node: str) -> bool:
    """Return whether ``node`` is a relation (supports, attacks or undercuts) of ``G``."""
    return bool(G.nodes[node].get("role") == RELATION)


def relations_into(
    G: nx.DiGraph, target: str, type_: RelationType | str | None = None
) -> list[str]:
    """Return the ids of the relations that point at ``target`` (optionally of one type)."""
    wanted = None if type_ is None else str(RelationType(type_))
    # Only relation nodes point at a target; a relation's origin claim points at the relation.
    return [
        u
        for u in G.predecessors(target)
        if G.nodes[u]["role"] == RELATION and (wanted is None or G.nodes[u]["type"] == wanted)
    ]


def claim_of(G: nx.DiGraph, claim_id: str) -> Claim:
    """Return one claim node as a :class:`~argmap.model.Claim`."""
    return Claim.model_validate({"id": claim_id, **_without_role(G.nodes[claim_id])})


def relation_of(G: nx.DiGraph, relation_id: str) -> Relation:
    """Return one relation node as a :class:`~argmap.model.Relation`."""
    attrs = G.nodes[relation_id]
    return Relation.model_validate(
        {
            "id": relation_id,
            "type": attrs["type"],
            "from": relation_origin(G, relation_id),
            "to": relation_target(G, relation_id),
            **_without_role(attrs, "type"),
        }
    )
