"""Claim-level reading of the AIF graph: which claim bears on which, resolved once per map."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx

from argmap.graph import claim_ids, relation_triples

UNDERCUTS = "undercuts"


@dataclass(frozen=True)
class Rel:
    """One relation: ``origin`` claim -> ``target`` (a claim, or a relation for an undercut)."""

    id: str
    type: str
    origin: str
    target: str

    @property
    def is_undercut(self) -> bool:
        return self.type == UNDERCUTS


@dataclass
class Structure:
    """Indexes over a map graph that the view needs again and again."""

    claims: list[str]
    relations: dict[str, Rel]
    order: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.order = {c: i for i, c in enumerate(self.claims)}

    @classmethod
    def of(cls, G: nx.DiGraph) -> Structure:
        rels = {rid: Rel(rid, str(t), o, tgt) for rid, t, o, tgt in relation_triples(G)}
        return cls(claim_ids(G), rels)

    def target_claim(self, relation_id: str) -> str:
        """The claim a relation finally bears on (following undercuts of undercuts)."""
        seen: set[str] = set()
        node = relation_id
        while node in self.relations and node not in seen:
            seen.add(node)
            node = self.relations[node].target
        return node

    def endpoints(self, relation_id: str) -> tuple[str, str]:
        """The claims at either end of the line a relation is drawn as (undercuts resolved)."""
        rel = self.relations[relation_id]
        return rel.origin, self.target_claim(rel.target) if rel.is_undercut else rel.target

    @cached_property
    def claim_links(self) -> dict[str, list[str]]:
        """Undirected claim neighbours; an undercut links its claim to both ends of the link."""
        links: dict[str, list[str]] = {c: [] for c in self.claims}
        for rel in self.relations.values():
            ends = [rel.target] if not rel.is_undercut else list(self.endpoints(rel.target))
            for end in ends:
                if end != rel.origin:
                    links[rel.origin].append(end)
                    links[end].append(rel.origin)
        return links

    @cached_property
    def bears_on(self) -> dict[str, list[str]]:
        """Directed: the claims each claim bears on (for an undercut: both ends of the link)."""
        out: dict[str, list[str]] = {c: [] for c in self.claims}
        for rel in self.relations.values():
            ends = [rel.target] if not rel.is_undercut else list(self.endpoints(rel.target))
            out[rel.origin].extend(e for e in ends if e != rel.origin)
        return out

    @cached_property
    def into(self) -> dict[str, list[Rel]]:
        """Relations pointing at each claim or relation, in map order."""
        result: dict[str, list[Rel]] = {}
        for rel in self.relations.values():
            result.setdefault(rel.target, []).append(rel)
        return result

    @cached_property
    def out_of(self) -> dict[str, list[Rel]]:
        """Relations starting at each claim, in map order."""
        result: dict[str, list[Rel]] = {}
        for rel in self.relations.values():
            result.setdefault(rel.origin, []).append(rel)
        return result

    def sorted(self, ids: Iterable[str]) -> list[str]:
        """Claim ids in map order."""
        return sorted(ids, key=lambda c: self.order.get(c, len(self.order)))
