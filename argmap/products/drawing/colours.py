"""Node colours and their legend: by status, by side of a thesis, by kind of actor, by source or
by actor.

Everything but status draws from one colour-blind-safe palette of eight (Okabe & Ito 2008,
lightened so dark label text stays readable on it). A colouring never has more entries than the
palette: sources and actors beyond the seven with most claims share one grey "other" entry, so
a colour always names one thing; the legend names every entry in full.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from argmap.products.brief.build import sides
from argmap.vocabulary import LABELS, UNLABELLED

STATUS_COLOURS = {k: terms.colour for k, terms in LABELS.items()}
UNKNOWN = UNLABELLED
STATUS_NAMES = {k: terms.legend for k, terms in LABELS.items()}


def tint(colour: str, amount: float) -> str:
    """``colour`` mixed with white, ``amount`` of the way (0: unchanged, 1: white).

    >>> tint("#0072b2", 0.5)
    '#80b8d8'
    """
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in rgb)


# Okabe-Ito, in an order that keeps the first few far apart for every kind of colour vision.
OKABE_ITO = {
    "blue": "#0072b2",
    "orange": "#e69f00",
    "bluish green": "#009e73",
    "reddish purple": "#cc79a7",
    "sky blue": "#56b4e9",
    "vermillion": "#d55e00",
    "yellow": "#f0e442",
    "grey": "#999999",  # Okabe-Ito's black, as grey: the "other" and "neither" colour
}
PALETTE = [tint(c, 0.45) for c in OKABE_ITO.values()]  # fills under dark text
OTHER = PALETTE[-1]
SIDE_COLOURS = {
    "for": tint(OKABE_ITO["blue"], 0.45),
    "against": tint(OKABE_ITO["vermillion"], 0.45),
    "neither": tint(OKABE_ITO["grey"], 0.55),
}
# Kinds of actor, grouped so that there are no more groups than colours.
ACTOR_GROUPS = {
    "government": ("government or legislature", ("government", "legislator")),
    "international_body": ("international body", ("international_body",)),
    "company": ("company or industry", ("company", "industry")),
    "think_tank": ("think tank or university", ("think_tank", "university")),
    "ngo": ("NGO or civil-society group", ("ngo", "group")),
    "media": ("media", ("media",)),
    "person": ("person", ("person",)),
    "other": ("other", ("other",)),
}
GROUP_OF = {kind: group for group, (_, kinds) in ACTOR_GROUPS.items() for kind in kinds}
# How the map page can colour claims: key -> what the picker says.
COLOUR_BY = {
    "status": "status",
    "side": "side of a thesis",
    "actor_kind": "kind of actor",
    "source": "source",
    "actor": "actor",
}


@dataclass(frozen=True)
class Colouring:
    """A fill per claim and the legend that explains it."""

    fills: dict[str, str]
    title: str
    legend: list[tuple[str, str]]  # (label, colour)


def by_status(claims: Iterable[str], labels: Mapping[str, str] | None) -> Colouring:
    """Colour claims by label ("in"/"out"/"undec"); without labels, all grey."""
    if labels is None:
        return Colouring({c: UNKNOWN for c in claims}, "Status", [("not evaluated", UNKNOWN)])
    fills = {c: STATUS_COLOURS.get(str(labels.get(c, "")), UNKNOWN) for c in claims}
    legend = [(STATUS_NAMES[k], v) for k, v in STATUS_COLOURS.items()]
    return Colouring(fills, "Status", legend)


def side_of(G: nx.DiGraph, thesis: str, claims: Iterable[str]) -> dict[str, str]:
    """``"for"``, ``"against"`` or ``"neither"`` for each claim, with respect to ``thesis``.

    A claim is for the thesis when it supports it, attacks what attacks it, and so on along
    the relations (:func:`argmap.products.brief.build.sides`); neither when it bears on it not
    at all.

    >>> from argmap.analysis import demo_graph
    >>> G = demo_graph()
    >>> side_of(G, "thesis", ["thesis", "cost", "jobs"])
    {'thesis': 'for', 'cost': 'against', 'jobs': 'for'}
    """
    sign = sides(G, thesis) if thesis in G else {}
    return {c: {1: "for", -1: "against"}.get(sign.get(c, 0), "neither") for c in claims}


def by_side(G: nx.DiGraph, claims: Iterable[str], thesis: str) -> Colouring:
    """Colour claims for, against or neither with respect to ``thesis``."""
    side = side_of(G, thesis, claims)
    fills = {c: SIDE_COLOURS[s] for c, s in side.items()}
    used = set(side.values())
    statement = str(G.nodes[thesis]["statement"]) if thesis in G else thesis
    legend = [(f"{s}: {statement}" if s != "neither" else "neither: bears on it not at all",
               colour) for s, colour in SIDE_COLOURS.items() if s in used]  # fmt: skip
    return Colouring(fills, "Side", legend)


def actor_group(kind: str) -> str:
    """The colour group of an actor kind (``legislator`` -> ``government``)."""
    return GROUP_OF.get(kind, "other")


def by_actor_kind(G: nx.DiGraph, claims: Iterable[str]) -> Colouring:
    """Colour claims by the kind of actor that holds them (government, company, person, ...)."""
    kind = {a["id"]: str(a.get("kind", "other")) for a in G.graph.get("actors", [])}
    group = {c: actor_group(kind.get(G.nodes[c]["actor"], "other")) for c in claims}
    colour = dict(zip(ACTOR_GROUPS, PALETTE, strict=True))
    used = set(group.values())
    legend = [(name, colour[g]) for g, (name, _) in ACTOR_GROUPS.items() if g in used]
    return Colouring({c: colour[g] for c, g in group.items()}, "Kind of actor", legend)


def by_category(G: nx.DiGraph, claims: Iterable[str], field: str) -> Colouring:
    """Colour claims by their ``source`` or ``actor``.

    The seven with most claims get a colour each; the rest share the grey "other" entry.
    """
    if field not in ("source", "actor"):
        raise ValueError(f"cannot colour by {field!r}")
    entries = G.graph.get("sources" if field == "source" else "actors", [])
    name_key = "title" if field == "source" else "name"
    claim_list = list(claims)
    count = Counter(G.nodes[c][field] for c in claim_list)
    order = {e["id"]: i for i, e in enumerate(entries)}
    top = sorted(count, key=lambda k: (-count[k], order.get(k, len(order))))[: len(PALETTE) - 1]
    colour = {k: PALETTE[i] for i, k in enumerate(sorted(top, key=lambda k: order.get(k, 0)))}
    names = {e["id"]: str(e.get(name_key, e["id"])) for e in entries}
    legend = [(names.get(k, k), colour[k]) for k in colour]
    rest = [k for k in count if k not in colour]
    if rest:
        plural = f"{field}s" if len(rest) != 1 else field
        legend.append((f"{len(rest)} other {plural} ({sum(count[k] for k in rest)})", OTHER))
    fills = {c: colour.get(G.nodes[c][field], OTHER) for c in claim_list}
    return Colouring(fills, "Source" if field == "source" else "Actor", legend)


def colouring(
    G: nx.DiGraph,
    claims: Iterable[str],
    how: str,
    *,
    labels: Mapping[str, str] | None = None,
    thesis: str | None = None,
) -> Colouring:
    """The colouring :data:`COLOUR_BY` names ``how``: one entry point for the map page."""
    claim_list = list(claims)
    if how == "status":
        return by_status(claim_list, labels)
    if how == "side":
        return by_side(G, claim_list, thesis or "")
    if how == "actor_kind":
        return by_actor_kind(G, claim_list)
    return by_category(G, claim_list, how)
