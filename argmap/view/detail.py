"""What the detail panel shows for one claim, gathered from the graph (no Streamlit here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from argmap.graph.structure import Rel, Structure


@dataclass(frozen=True)
class SourceInfo:
    id: str
    title: str
    kind: str
    authors: list[str]
    organisation: str | None
    date: str | None
    url: str | None
    reported_in: SourceInfo | None = None


@dataclass(frozen=True)
class ActorInfo:
    id: str
    name: str
    kind: str
    member_of: str | None  # the name of the actor this one belongs to


@dataclass(frozen=True)
class Neighbour:
    """A claim linked to the shown one, by ``relation`` of ``type``."""

    claim: str
    statement: str
    relation: str
    type: str
    note: str | None = None
    via: str | None = None  # for an undercut: the claim at the other end of the undercut link


@dataclass(frozen=True)
class ClaimDetail:
    id: str
    statement: str
    kind: str
    quote: str
    tags: list[str]
    note: str | None
    source: SourceInfo | None
    actor: ActorInfo | None
    supported_by: list[Neighbour] = field(default_factory=list)
    attacked_by: list[Neighbour] = field(default_factory=list)
    undercut_by: list[Neighbour] = field(default_factory=list)  # undercuts of its links
    bears_on: list[Neighbour] = field(default_factory=list)  # what it supports/attacks/undercuts


def _source(G: nx.DiGraph, source_id: str | None, depth: int = 0) -> SourceInfo | None:
    entry = next((s for s in G.graph.get("sources", []) if s["id"] == source_id), None)
    if entry is None:
        return None
    reported = entry.get("reported_in")
    url = str(entry.get("url") or "")
    return SourceInfo(
        id=entry["id"],
        title=entry["title"],
        kind=entry.get("kind", "other"),
        authors=list(entry.get("authors", [])),
        organisation=entry.get("organisation"),
        date=entry.get("date"),
        url=url if url.startswith(("http://", "https://")) else None,  # only web links
        reported_in=_source(G, reported, depth + 1) if reported and depth < 5 else None,
    )


def _actor(G: nx.DiGraph, actor_id: str) -> ActorInfo | None:
    actors: dict[str, dict[str, Any]] = {a["id"]: a for a in G.graph.get("actors", [])}
    entry = actors.get(actor_id)
    if entry is None:
        return None
    parent = actors.get(entry.get("member_of") or "")
    return ActorInfo(entry["id"], entry["name"], entry["kind"], parent["name"] if parent else None)


def claim_detail(G: nx.DiGraph, structure: Structure, claim: str) -> ClaimDetail:
    """Everything about ``claim`` the panel shows, with links to its neighbours."""
    attrs = G.nodes[claim]

    def neighbour(rel: Rel, other: str, via: str | None = None) -> Neighbour:
        note = G.nodes[rel.id].get("note")
        return Neighbour(other, G.nodes[other]["statement"], rel.id, rel.type, note, via)

    supported: list[Neighbour] = []
    attacked: list[Neighbour] = []
    undercut: list[Neighbour] = []
    bears: list[Neighbour] = []
    for rel in structure.into.get(claim, []):
        (supported if rel.type == "supports" else attacked).append(neighbour(rel, rel.origin))
    # Undercuts of the links from or into this claim.
    for rel in [*structure.into.get(claim, []), *structure.out_of.get(claim, [])]:
        for cut in structure.into.get(rel.id, []):
            a, b = structure.endpoints(rel.id)
            undercut.append(neighbour(cut, cut.origin, via=b if a == claim else a))
    for rel in structure.out_of.get(claim, []):
        if rel.is_undercut:
            a, b = structure.endpoints(rel.target)
            bears.append(neighbour(rel, b, via=a))
        else:
            bears.append(neighbour(rel, rel.target))
    return ClaimDetail(
        id=claim,
        statement=attrs["statement"],
        kind=attrs.get("kind", "claim"),
        quote=attrs["quote"],
        tags=list(attrs.get("tags", [])),
        note=attrs.get("note"),
        source=_source(G, attrs["source"]),
        actor=_actor(G, attrs["actor"]),
        supported_by=supported,
        attacked_by=attacked,
        undercut_by=undercut,
        bears_on=bears,
    )
