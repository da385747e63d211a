"""Pictures of who argues with whom: an agreement/conflict heat map, an actor network and a
timeline of positions by date, as Altair charts (drawn offline by Streamlit's own Vega).

Data first (plain rows, tested on their own), then the charts over them. Actors are ordered by
their side of a chosen thesis (for, neither, against), so allies sit together and the conflict
shows as the block off the diagonal.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import altair as alt
import networkx as nx

from argmap.analysis import Positions
from argmap.graph import is_claim
from argmap.model import ArgumentMap
from argmap.products.drawing.colours import OKABE_ITO, SIDE_COLOURS, side_of
from argmap.products.timeline import timeline
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
    # Cells as large as the page's column allows beside the names (22 px at most, 10 at
    # least): 50 actors fit a laptop's column instead of running past it.
    # A longer name is cut with an ellipsis; the strip's tooltip gives it whole.
    label_w = min(NAME_LIMIT, max((text_width(n, 12) for n in order), default=0)) + 8
    cell = int(min(22, max(10, (NARROW - label_w - 12 - 4 - 8) / max(len(order), 8))))
    size = cell * max(len(order), 8)
    names = alt.Axis(labelLimit=NAME_LIMIT, labelOverlap=False, labelFontSize=12)
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
                axis=alt.Axis(  # upright names run down, not out past the column
                    labelAngle=90,
                    labelAlign="left",
                    labelLimit=NAME_LIMIT,
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


COLUMN = 900  # px: the widest a chart may be, the page's main column on a 1440 px laptop
# px: the main column beside the sidebar on a 1024 px screen; the charts of who meets whom
# fit it, so they are whole on a small laptop or a tablet held sideways.
NARROW = 560
NAME_LIMIT = 200  # px: the heat map's names, cut with an ellipsis beyond
INK = "#31333f"  # the page's text colour: labels at 12.5:1 contrast on white

NAME_FONT = 13  # px: the actors' names in the network
NAME_LINE = 16  # px from one line of a name to the next
NAME_WIDTH = 200  # px: a longer name wraps, between words only
HEAD_FONT = 13
FONT = '"Source Sans", "Source Sans Pro", sans-serif'  # Streamlit's own, which it ships
DOT_R = 7  # px
ROW_GAP = 7  # px between one name and the next
ARC_ROOM = 170  # px beside the names, on each side, for the arcs: the whole fits NARROW
ARC_STEPS = 24  # segments per arc: smooth at these sizes; each point is a row of chart data
RELATIONS = (("supports", -1), ("attacks", 1))  # supports arcs left of the names, attacks right


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width in px of ``text`` at ``size`` px, by Helvetica's metrics: wider than the
    page's Source Sans, so what is laid out with it has room to spare.

    >>> round(text_width("Gallup", 10))
    29
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth  # 0.2 s to import: only when drawn

    return float(stringWidth(text, "Helvetica-Bold" if bold else "Helvetica", size))


def wrap_px(text: str, width: float, size: float) -> list[str]:
    """``text`` in lines of at most ``width`` px, broken between words only (a word wider
    than ``width`` keeps a line to itself, whole).

    >>> wrap_px("Governments of Russia and China", 120, 13)
    ['Governments of', 'Russia and China']
    """
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [text]


Box = tuple[float, float, float, float]  # x1, y1, x2, y2 in px, y downwards


@dataclass(frozen=True)
class Network:
    """Who supports and who attacks whose claims, as an arc diagram in pixels (y down).

    The names stand in one column, grouped by side of the thesis (for, neither, against)
    under a heading each, one row per actor, so no name can cover another. Each name has a dot
    on either side: supports run as arcs on the left, attacks on the right, from one actor's
    dot to the other's, the arrowhead at the actor whose claims are supported or attacked.
    An arc leaves the column at once, so it crosses no name and no dot it does not join.
    """

    width: float
    height: float
    names: list[dict[str, Any]]  # per actor: name, lines, side, claims, x, y, box, ty (1st line)
    dots: list[dict[str, Any]]  # two per actor: name, side, claims, relation, x, y
    headings: list[dict[str, Any]]  # text, x, y, box, color (bold, all of them)
    arcs: list[dict[str, Any]]  # one row per point of a line: edge, i, x, y, kind, n
    heads: list[dict[str, Any]]  # one per line: to, x, y, angle (clockwise from up), kind

    def boxes(self) -> list[tuple[str, Box]]:
        """Every name, heading and dot with the box it takes."""
        out = [(f"name {n['name']}", n["box"]) for n in self.names]
        out += [(f"heading {h['text']}", h["box"]) for h in self.headings]
        out += [
            (f"dot {d['name']} {d['relation']}",
             (d["x"] - DOT_R, d["y"] - DOT_R, d["x"] + DOT_R, d["y"] + DOT_R))
            for d in self.dots
        ]  # fmt: skip
        return out


SIDE_HEADING = {
    "for": "For the thesis",
    "neither": "On neither side",
    "against": "Against the thesis",
}


def network_rows(actors: Mapping[str, Actor], positions: Positions) -> Network:
    """Lay out the actor network (:class:`Network`) of the actors who meet, by side."""
    order = meeting_order(actors, positions)
    lines = {a: wrap_px(actors[a].name, NAME_WIDTH, NAME_FONT) for a in order}
    sides = [s for s in SIDE_ORDER if any(actors[a].side == s for a in order)]
    column = max(
        [text_width(line, NAME_FONT) for a in order for line in lines[a]]
        + [text_width(SIDE_HEADING[s], HEAD_FONT, bold=True) for s in sides]
        + [60.0]
    )
    left = ARC_ROOM + DOT_R  # the supports dots
    centre = left + DOT_R + 12 + column / 2
    right = centre + column / 2 + 12 + DOT_R  # the attacks dots
    width = right + ARC_ROOM
    headings: list[dict[str, Any]] = []

    def heading(text: str, x: float, y: float, color: str = "#263238") -> None:
        w = text_width(text, HEAD_FONT, bold=True)
        box = (x - w / 2, y - HEAD_FONT / 2 - 2, x + w / 2, y + HEAD_FONT / 2 + 2)
        headings.append({"text": text, "x": x, "y": y, "box": box, "color": color})

    heading("Who supports whom", left - ARC_ROOM / 2, 12, AGREE)
    heading("Who attacks whom", right + ARC_ROOM / 2, 12, CONFLICT)
    y = 30.0
    names, dots, place = [], [], {}
    for side in sides:
        y += 8
        heading(SIDE_HEADING[side], centre, y + HEAD_FONT / 2)
        y += HEAD_FONT + 4 + ROW_GAP
        for a in (a for a in order if actors[a].side == side):
            h = len(lines[a]) * NAME_LINE
            w = max(text_width(line, NAME_FONT) for line in lines[a])
            mid = y + h / 2
            place[a] = mid
            actor = actors[a]
            names.append(
                {"name": actor.name, "lines": lines[a], "side": side, "claims": actor.claims,
                 "x": centre, "y": mid, "box": (centre - w / 2, y, centre + w / 2, y + h),
                 "ty": y + NAME_LINE / 2}
            )  # fmt: skip
            for relation, _ in RELATIONS:
                dots.append(
                    {"name": actor.name, "side": side, "claims": actor.claims,
                     "relation": relation, "x": left if relation == "supports" else right,
                     "y": mid}
                )  # fmt: skip
            y += h + ROW_GAP
    arcs: list[dict[str, Any]] = []
    heads: list[dict[str, Any]] = []
    tables = {"supports": positions.agreement, "attacks": positions.conflict}
    for kind, outward in RELATIONS:
        x0 = left if kind == "supports" else right
        for a in order:
            for b in order:
                count = tables[kind][a][b]
                if not count or a == b:
                    continue
                edge = f"{a}>{b}:{kind}"
                what = f"{actors[a].name} {kind} {actors[b].name} ({count})"
                points = _arc(x0, place[a], place[b], outward)
                (hx, hy), (px, py) = points[-1], points[-2]
                for i, (x, yy) in enumerate(points):
                    arcs.append({"edge": edge, "i": i, "x": x, "y": yy, "kind": kind, "n": count})
                angle = math.degrees(math.atan2(hx - px, -(hy - py))) % 360
                heads.append({"to": actors[b].name, "from": actors[a].name, "x": hx, "y": hy,
                              "angle": angle, "kind": kind, "n": count, "what": what})  # fmt: skip
    height = y + 10
    return Network(width, height, names, dots, headings, arcs, heads)


def _arc(x0: float, ya: float, yb: float, outward: int) -> list[tuple[float, float]]:
    """Points of the arc from the dot at (x0, ya) to the dot at (x0, yb), bulging ``outward``
    (-1 left, 1 right), longer arcs wider; downward and upward arcs of one pair apart. It
    stops where its arrowhead touches the target dot."""
    d = abs(yb - ya)
    bulge = min(ARC_ROOM - 12, 14 + 0.5 * d) * (1.0 if yb > ya else 0.7)
    steps = ARC_STEPS
    points = [
        (x0 + outward * bulge * math.sin(math.pi * t / steps), ya + (yb - ya) * t / steps)
        for t in range(steps + 1)
    ]
    stop = DOT_R + 5  # the arrowhead's centre, its tip at the dot's rim
    end = (x0, yb)
    k = len(points) - 1
    while k > 0 and math.dist(points[k], end) <= stop:
        k -= 1
    if k == len(points) - 1 or k == 0:
        return points
    # Cut where the arc crosses the circle of radius ``stop`` (between points k and k+1).
    (ax, ay), (bx, by) = points[k], points[k + 1]
    lo, hi = 0.0, 1.0
    for _ in range(30):
        t = (lo + hi) / 2
        inside = math.dist((ax + (bx - ax) * t, ay + (by - ay) * t), end) <= stop
        lo, hi = (lo, t) if inside else (t, hi)
    return [*points[: k + 1], (ax + (bx - ax) * lo, ay + (by - ay) * lo)]


def network(actors: Mapping[str, Actor], positions: Positions) -> alt.LayerChart:
    """Who supports (blue, left) and who attacks (vermillion, dashed, right) whose claims:
    the arc diagram of :func:`network_rows`, drawn at its own pixel sizes."""
    net = network_rows(actors, positions)
    # Pixels in, pixels out: the scales map the layout's coordinates one to one (y down).
    xs = alt.Scale(domain=[0, net.width], range=[0, net.width])
    ys = alt.Scale(domain=[0, net.height], range=[0, net.height])
    x, y = alt.X("x:Q", scale=xs, axis=None), alt.Y("y:Q", scale=ys, axis=None)
    kinds = [k for k, _ in RELATIONS]
    bottom = alt.Legend(orient="bottom", direction="horizontal")
    kind = alt.Color(
        "kind:N", title="relation", legend=bottom,
        scale=alt.Scale(domain=kinds, range=[AGREE, CONFLICT]),
    )  # fmt: skip
    what = [alt.Tooltip("what:N", title="Relation")]
    lines = (
        alt.Chart(alt.NamedData(name="arcs"))
        .mark_line(opacity=0.75, interpolate="linear")
        .encode(
            x=x,
            y=y,
            detail="edge:N",
            order="i:Q",
            color=kind,
            strokeDash=alt.StrokeDash(
                "kind:N", scale=alt.Scale(domain=kinds, range=[[1, 0], [6, 3]]), legend=None
            ),
            strokeWidth=alt.StrokeWidth("n:Q", legend=None, scale=alt.Scale(range=[1.3, 4.5])),
        )  # the arrowhead says what the line is: a row per point need not repeat it
    )
    heads = (
        alt.Chart(alt.NamedData(name="heads"))
        .mark_point(shape="triangle-up", filled=True, size=60, opacity=1)
        .encode(x=x, y=y, angle=alt.Angle("angle:Q", scale=None), color=kind, tooltip=what)
    )
    side = alt.Fill(
        "side:N",
        title="side of the thesis",
        legend=bottom,
        scale=alt.Scale(domain=list(SIDE_ORDER), range=[SIDE_COLOURS[s] for s in SIDE_ORDER]),
    )
    dots = (
        alt.Chart(alt.NamedData(name="dots"))
        .mark_circle(size=math.pi * DOT_R**2, stroke="#37474f", strokeWidth=1, opacity=1)
        .encode(
            x=x, y=y, fill=side,
            tooltip=[alt.Tooltip("name:N", title="Actor"), "claims:Q", "side:N"],
        )
    )  # fmt: skip
    names = (
        alt.Chart(alt.NamedData(name="names"))
        .mark_text(
            align="center",
            baseline="middle",
            font=FONT,
            fontSize=NAME_FONT,
            lineHeight=NAME_LINE,
            color="#1b1b1b",
        )
        .encode(x=x, y=alt.Y("ty:Q", scale=ys, axis=None), text="lines:N")
    )
    headings = (
        alt.Chart(alt.NamedData(name="headings"))
        .mark_text(
            align="center", baseline="middle", font=FONT, fontSize=HEAD_FONT, fontWeight="bold"
        )
        .encode(x=x, y=y, text="text:N", color=alt.Color("color:N", scale=None))
    )
    # The rows go in once, as named datasets: inline in each layer, Altair would copy and
    # check every row at each step (5 s for the 41,000 points of a 2,000-claim map's arcs).
    chart = alt.layer(lines, heads, dots, names, headings).properties(
        width=net.width, height=net.height
    )
    # Set, not passed to properties(), which would check each row against the schema.
    chart.datasets = {"arcs": net.arcs, "heads": net.heads, "dots": net.dots,
                      "names": net.names, "headings": net.headings}  # fmt: skip
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
        .properties(
            width=int(max(320, COLUMN - max((text_width(n, 11) for n in used), default=0) - 30)),
            height=max(200, 24 * len(used)),
        )
    )


AnyChart = alt.Chart | alt.LayerChart | alt.HConcatChart


def legible(chart: AnyChart) -> AnyChart:
    """Return ``chart`` with its axis and legend labels and titles in the page's ink
    (12.5:1 on white), not the theme's grey (#808495, 3.7:1)."""
    return chart.configure_axis(labelColor=INK, titleColor=INK).configure_legend(
        labelColor=INK, titleColor=INK
    )


def contrast(foreground: str, background: str = "#ffffff") -> float:
    """Return the WCAG contrast ratio of two "#rrggbb" colours.

    >>> round(contrast("#808495"), 1), round(contrast(INK), 1)
    (3.7, 12.5)
    """

    def luminance(colour: str) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def chart_spec(chart: AnyChart) -> dict[str, Any]:
    """The chart's Vega-Lite spec as a page draws it: its named datasets written inline where
    they are used, and not validated (the tests validate these charts).

    Altair walks and checks every row of a dataset as it writes a spec: 1.7 s unvalidated,
    4.8 s validated, for the actor network of a 2,000-claim map (41,000 points of arcs).
    Here the rows stand aside while Altair writes the rest, and go in after, as they were.
    """
    datasets = getattr(chart, "datasets", None)
    part = legible(chart)
    rows = datasets if isinstance(datasets, dict) else {}
    part.datasets = alt.Undefined
    spec = part.to_dict(validate=False)

    def inline(node: Any) -> None:
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and data.get("name") in rows:
                node["data"] = {"values": rows[data["name"]]}
            for value in node.values():
                inline(value)
        elif isinstance(node, list):
            for value in node:
                inline(value)

    inline(spec)
    assert isinstance(spec, dict)
    return spec
