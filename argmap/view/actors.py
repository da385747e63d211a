"""Pictures of who argues with whom: an agreement/conflict heat map, an actor network and a
timeline of positions by date, as Altair charts (drawn offline by Streamlit's own Vega).

Data first (plain rows, tested on their own), then the charts over them. Actors are ordered by
their side of a chosen thesis (for, neither, against), so allies sit together and the conflict
shows as the block off the diagonal.
"""

from __future__ import annotations

import math
import textwrap
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import altair as alt
import networkx as nx

from argmap.analysis import Positions
from argmap.graph import is_claim
from argmap.model import ArgumentMap
from argmap.products.timeline import timeline
from argmap.view.colours import OKABE_ITO, SIDE_COLOURS, side_of
from argmap.view.text import truncate

SIDE_ORDER = ("for", "neither", "against")
AGREE = OKABE_ITO["blue"]
CONFLICT = OKABE_ITO["vermillion"]
SIDE_STROKE = {"for": OKABE_ITO["blue"], "against": OKABE_ITO["vermillion"], "neither": "#757575"}


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    side: str  # "for", "against" or "neither": where most of its claims stand on the thesis
    claims: int


def actor_sides(G: nx.DiGraph, thesis: str) -> dict[str, Actor]:
    """Each actor with claims, and its side: the side most of its claims take on ``thesis``.

    >>> from argmap.analysis import demo_graph
    >>> {a.id: a.side for a in actor_sides(demo_graph(), "thesis").values()}
    {'gov': 'for', 'jo': 'against'}
    """
    claims = [c for c in G.nodes if is_claim(G, c)]
    side = side_of(G, thesis, claims)
    tally: dict[str, Counter[str]] = {}
    for c in claims:
        tally.setdefault(str(G.nodes[c]["actor"]), Counter())[side[c]] += 1
    names = {a["id"]: str(a.get("name", a["id"])) for a in G.graph.get("actors", [])}
    out = {}
    for a in names:
        if a not in tally:
            continue
        out[a] = Actor(a, names[a], lean(tally[a]), sum(tally[a].values()))
    return out


def meeting_order(actors: Mapping[str, Actor], positions: Positions) -> list[str]:
    """The actors that support or attack another actor's claims, ordered by side then name."""
    met = {
        who
        for table in (positions.agreement, positions.conflict)
        for a, row in table.items()
        for b, n in row.items()
        if n and a != b
        for who in (a, b)
    }
    keep = [a for a in actors if a in met]
    return sorted(keep, key=lambda a: (SIDE_ORDER.index(actors[a].side), actors[a].name.lower()))


def heat_rows(actors: Mapping[str, Actor], positions: Positions) -> list[dict[str, Any]]:
    """One row per ordered pair of meeting actors: supports and attacks between them, both ways.

    ``net`` is supports minus attacks; the diagonal (an actor with itself) is left out.
    """
    order = meeting_order(actors, positions)
    rows = []
    for a in order:
        for b in order:
            if a == b:
                continue
            sup = positions.agreement[a][b] + positions.agreement[b][a]
            att = positions.conflict[a][b] + positions.conflict[b][a]
            rows.append(
                {
                    "a": actors[a].name,
                    "b": actors[b].name,
                    "supports": sup,
                    "attacks": att,
                    "net": sup - att,
                    "pair": f"{actors[a].name} and {actors[b].name}",
                }
            )
    return rows


def heat_map(actors: Mapping[str, Actor], positions: Positions) -> alt.HConcatChart:
    """Agreement (blue) and conflict (vermillion) between the actors that meet, with a strip
    that shows each row's side."""
    met = meeting_order(actors, positions)
    order = [actors[a].name for a in met]
    rows = heat_rows(actors, positions)
    top = max((abs(r["net"]) for r in rows), default=1) or 1
    size = 22 * max(len(order), 8)
    names = alt.Axis(labelLimit=0, labelOverlap=False, labelFontSize=12)
    strip = (
        alt.Chart(alt.Data(values=[{"a": actors[a].name, "side": actors[a].side} for a in met]))
        .mark_rect()
        .encode(
            y=alt.Y("a:N", sort=order, title=None, axis=names),
            x=alt.value(0),
            x2=alt.value(12),
            color=alt.Color(
                "side:N",
                title="side of the thesis",
                legend=None,  # the page's caption names the three colours
                scale=alt.Scale(
                    domain=list(SIDE_ORDER), range=[SIDE_STROKE[s] for s in SIDE_ORDER]
                ),
            ),
            tooltip=[alt.Tooltip("a:N", title="Actor"), "side:N"],
        )
        .properties(width=12, height=size)
    )
    grid = (
        alt.Chart(alt.Data(values=rows))
        .mark_rect(stroke="#ffffff", strokeWidth=1)
        .encode(
            x=alt.X(
                "b:N",
                sort=order,
                title=None,
                axis=alt.Axis(
                    labelAngle=45,
                    labelAlign="left",
                    labelLimit=0,
                    labelOverlap=False,
                    labelFontSize=12,
                ),
            ),
            y=alt.Y("a:N", sort=order, title=None, axis=None),
            color=alt.Color(
                "net:Q",
                title="supports minus attacks",
                legend=alt.Legend(orient="top", direction="horizontal", gradientLength=200),
                scale=alt.Scale(domain=[-top, 0, top], range=[CONFLICT, "#f4f4f4", AGREE]),
            ),
            tooltip=[alt.Tooltip("pair:N", title="Between"), "supports:Q", "attacks:Q"],
        )
        .properties(width=size, height=size)
    )
    return alt.hconcat(strip, grid, spacing=4).resolve_scale(color="independent")


def network_rows(
    actors: Mapping[str, Actor], positions: Positions
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes on a circle (for on the left, against on the right) and one edge per direction
    and kind: ``a`` supports (or attacks) ``b``'s claims ``n`` times."""
    order = meeting_order(actors, positions)
    n = max(len(order), 1)
    place = {}
    for i, a in enumerate(order):
        # Start at the top and go anticlockwise: the "for" actors fill the left half first.
        angle = math.pi / 2 + 2 * math.pi * (i + 0.5) / n
        place[a] = (0.8 * math.cos(angle), math.sin(angle))  # an upright ellipse: room for names
    nodes = [
        {
            "id": a,
            "name": actors[a].name,
            "side": actors[a].side,
            "claims": actors[a].claims,
            "x": place[a][0],
            "y": place[a][1],
            "anchor": "right" if place[a][0] < 0 else "left",
        }
        for a in order
    ]
    edges = []
    for kind, table in (("supports", positions.agreement), ("attacks", positions.conflict)):
        for a in order:
            for b in order:
                count = table[a][b]
                if not count or a == b:
                    continue
                (x1, y1), (x2, y2) = place[a], place[b]
                # Offset each direction to its own side of the line, so a->b and b->a part.
                dx, dy = x2 - x1, y2 - y1
                length = math.hypot(dx, dy) or 1
                ox, oy = -dy / length * 0.025, dx / length * 0.025
                tip = 1 - 0.06 / length  # the arrowhead stops just short of the node
                edges.append(
                    {
                        "from": actors[a].name,
                        "to": actors[b].name,
                        "kind": kind,
                        "n": count,
                        "x": x1 + ox,
                        "y": y1 + oy,
                        "x2": x1 + dx * tip + ox,
                        "y2": y1 + dy * tip + oy,
                        "angle": (90 - math.degrees(math.atan2(dy, dx))) % 360,
                        "what": f"{actors[a].name} {kind} {actors[b].name} ({count})",
                    }
                )
    return nodes, edges


def network(actors: Mapping[str, Actor], positions: Positions) -> alt.LayerChart:
    """Who supports (blue) and who attacks (vermillion, dashed) whose claims."""
    nodes, edges = network_rows(actors, positions)
    for node in nodes:  # long names on two or three lines, never cut
        node["lines"] = textwrap.wrap(node["name"], 24) or [node["name"]]
    # One unit is as long across as down (880 x 680 px), so angles are true.
    xs, ys = alt.Scale(domain=[-1.42, 1.42]), alt.Scale(domain=[-1.1, 1.1])
    x, y = alt.X("x:Q", scale=xs, axis=None), alt.Y("y:Q", scale=ys, axis=None)
    kinds = ["supports", "attacks"]
    bottom = alt.Legend(orient="bottom", direction="horizontal")
    kind = alt.Color(
        "kind:N",
        title="relation",
        legend=bottom,
        scale=alt.Scale(domain=kinds, range=[AGREE, CONFLICT]),
    )
    dash = alt.StrokeDash(
        "kind:N", scale=alt.Scale(domain=kinds, range=[[1, 0], [6, 3]]), legend=None
    )
    what = [alt.Tooltip("what:N", title="Relation")]
    edge_data = alt.Data(values=edges)
    lines = (
        alt.Chart(edge_data)
        .mark_rule(opacity=0.7)
        .encode(
            x=x,
            y=y,
            x2="x2:Q",
            y2="y2:Q",
            color=kind,
            strokeDash=dash,
            tooltip=what,
            strokeWidth=alt.StrokeWidth("n:Q", legend=None, scale=alt.Scale(range=[1.2, 5])),
        )
    )
    heads = (
        alt.Chart(edge_data)
        .mark_point(shape="triangle-up", filled=True, size=70)
        .encode(
            x=alt.X("x2:Q", scale=xs, axis=None),
            y=alt.Y("y2:Q", scale=ys, axis=None),
            angle=alt.Angle("angle:Q", scale=None),
            color=kind,
            tooltip=what,
        )
    )
    side = alt.Fill(
        "side:N",
        title="side of the thesis",
        legend=bottom,
        scale=alt.Scale(domain=list(SIDE_ORDER), range=[SIDE_COLOURS[s] for s in SIDE_ORDER]),
    )
    dots = (
        alt.Chart(alt.Data(values=nodes))
        .mark_circle(size=260, stroke="#37474f", strokeWidth=1, opacity=1)
        .encode(
            x=x,
            y=y,
            fill=side,
            tooltip=[alt.Tooltip("name:N", title="Actor"), "claims:Q", "side:N"],
        )
    )
    labels = [
        alt.Chart(alt.Data(values=[n for n in nodes if n["anchor"] == "right"]))
        .mark_text(align="right", dx=-12, baseline="middle", fontSize=12, lineHeight=14)
        .encode(x=x, y=y, text="lines:N"),
        alt.Chart(alt.Data(values=[n for n in nodes if n["anchor"] == "left"]))
        .mark_text(align="left", dx=12, baseline="middle", fontSize=12, lineHeight=14)
        .encode(x=x, y=y, text="lines:N"),
    ]
    chart = alt.layer(lines, heads, dots, *labels).properties(width=880, height=680)
    assert isinstance(chart, alt.LayerChart)
    return chart


def lean(sides: Counter[str]) -> str:
    """The side most of a group of claims take: "for", "against", or "neither" on a tie."""
    if sides["for"] > sides["against"]:
        return "for"
    return "against" if sides["against"] > sides["for"] else "neither"


def _when(date: str) -> str:
    """A partial date as a day, the middle of its period: 2019 -> 2019-07-01."""
    parts = date.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-07-01"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-15"
    return date


def timeline_rows(
    argument_map: ArgumentMap, actors: Mapping[str, Actor], G: nx.DiGraph, thesis: str
) -> list[dict[str, Any]]:
    """One point per source and actor: when, who, how many claims, on which side."""
    side = side_of(G, thesis, [c.id for c in argument_map.claims])
    rows = []
    for entry in timeline(argument_map):
        if entry.date is None:
            continue
        by_actor: dict[str, list[str]] = {}
        for c in entry.claims:
            by_actor.setdefault(c.actor, []).append(c.id)
        for a, held in by_actor.items():
            if a not in actors:
                continue
            date = entry.date + (" (date of the report)" if entry.date_inferred else "")
            rows.append(
                {
                    "when": _when(entry.date),
                    "date": date,
                    "actor": actors[a].name,
                    "source": entry.source.title,
                    "claims": len(held),
                    "side": lean(Counter(side[c] for c in held)),
                    "says": truncate(str(G.nodes[held[0]]["statement"]), 90),
                }
            )
    return rows


def timeline_chart(
    argument_map: ArgumentMap, actors: Mapping[str, Actor], G: nx.DiGraph, thesis: str
) -> alt.Chart:
    """Positions by date: a row per actor (by side), a dot per source, sized by claims."""
    rows = timeline_rows(argument_map, actors, G, thesis)
    ranked = sorted(actors.values(), key=lambda a: (SIDE_ORDER.index(a.side), a.name.lower()))
    order = [a.name for a in ranked]
    used = [n for n in order if any(r["actor"] == n for r in rows)]
    side = alt.Color(
        "side:N",
        title="side",
        scale=alt.Scale(domain=list(SIDE_ORDER), range=[SIDE_STROKE[s] for s in SIDE_ORDER]),
    )
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_circle(opacity=0.85, stroke="#263238", strokeWidth=0.6)
        .encode(
            x=alt.X("when:T", title="date of the source", axis=alt.Axis(format="%Y")),
            y=alt.Y("actor:N", sort=used, title=None, axis=alt.Axis(labelLimit=0)),
            size=alt.Size("claims:Q", title="claims", scale=alt.Scale(range=[60, 420])),
            color=side,
            tooltip=[
                "actor:N",
                "source:N",
                "date:N",
                "claims:Q",
                "side:N",
                alt.Tooltip("says:N", title="e.g."),
            ],
        )
        .properties(width=900, height=max(200, 24 * len(used)))
    )
