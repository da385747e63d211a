"""The sources page's pictures as data: who meets whom, on which side, the arrows' directions,
and positions by date."""

from __future__ import annotations

import json
import math

import pytest

from argmap.analysis import evaluate, positions
from argmap.graph import theses, to_graph
from argmap.store.yaml_map import read_map, read_map_text
from argmap.view.actors import (
    COLUMN,
    DOT_R,
    INK,
    NAME_FONT,
    NAME_LINE,
    NAME_WIDTH,
    actor_sides,
    chart_spec,
    contrast,
    heat_map,
    heat_rows,
    legible,
    meeting_order,
    network,
    network_rows,
    text_width,
    timeline_chart,
    timeline_rows,
)
from tests.conftest import ROOT

CYBER_G = to_graph(read_map(ROOT / "maps" / "cybercrime-treaties.yaml").map)
MINI = (ROOT / "tests" / "support" / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
# A fourth actor who speaks but answers nobody: not in the pictures of who meets whom.
LONER = MINI.replace(
    "claims:\n",
    "  - id: loner\n    name: A Lone Voice\n    kind: person\nclaims:\n"
    "  - id: aside\n    statement: An aside.\n    source: ngo-2021\n    actor: loner\n"
    '    quote: "aside"\n',
    1,
)


def test_who_meets_whom_ordered_by_side() -> None:
    m = read_map_text(LONER, "loner.yaml").map
    G = to_graph(m)
    pos = positions(G, evaluate(G))
    actors = actor_sides(G, "join-budapest")
    assert actors["loner"].side == "neither" and actors["council"].side == "for"
    assert actors["state-a"].side == "against" and actors["rights"].side == "for"
    order = meeting_order(actors, pos)
    assert order == ["council", "rights", "state-a"]  # for (by name), then against; no loner
    rows = heat_rows(actors, pos)
    assert len(rows) == 3 * 2  # every ordered pair, no diagonal
    assert all(r["net"] == r["supports"] - r["attacks"] for r in rows)
    spec = heat_map(actors, pos).to_dict()
    assert spec["hconcat"][1]["encoding"]["y"]["sort"] == [actors[a].name for a in order]


def test_network_arrows_point_at_their_target() -> None:
    m = read_map_text(MINI, "mini.yaml").map
    G = to_graph(m)
    pos = positions(G, evaluate(G))
    net = network_rows(actor_sides(G, "join-budapest"), pos)
    assert {(h["from"], h["to"], h["kind"]) for h in net.heads} >= {
        ("State A delegation", "Council of Europe", "attacks"),
        ("Fixture Rights Watch", "State A delegation", "attacks"),
    }
    dots = {(d["name"], d["relation"]): (d["x"], d["y"]) for d in net.dots}
    centre = net.names[0]["x"]
    for h in net.heads:
        tx, ty = dots[h["to"], h["kind"]]
        # The head touches the target's dot on the relation's side, pointing at it.
        assert DOT_R < math.dist((h["x"], h["y"]), (tx, ty)) <= DOT_R + 6
        assert (tx < centre) == (h["kind"] == "supports")
        heading = math.degrees(math.atan2(tx - h["x"], -(ty - h["y"]))) % 360
        assert abs((h["angle"] - heading + 180) % 360 - 180) < 60, h
    # For on top, against below.
    ys = {n["name"]: n["y"] for n in net.names}
    assert ys["Council of Europe"] < ys["State A delegation"]


def overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("thesis", sorted(theses(CYBER_G)))
def test_network_names_never_overlap_nor_cut(thesis: str) -> None:
    """Every name, heading and dot of the network takes its own room (measured with wider
    metrics than the page's font, see the browser test); names wrap between words only; the
    arcs keep to their side of the names."""
    net = network_rows(actor_sides(CYBER_G, thesis), positions(CYBER_G, evaluate(CYBER_G)))
    # One name per actor who holds a claim.
    assert len(net.names) == len(
        {CYBER_G.nodes[c]["actor"] for c in CYBER_G if CYBER_G.nodes[c].get("role") == "claim"}
    )
    boxes = net.boxes()
    for i, (what, box) in enumerate(boxes):
        assert box[0] >= 0 and box[2] <= net.width and box[1] >= 0 and box[3] <= net.height, what
        for other, second in boxes[i + 1 :]:
            assert not overlaps(box, second), (what, other)
    for n in net.names:
        assert " ".join(n["lines"]) == " ".join(n["name"].split())  # whole words, none lost
        for line in n["lines"]:
            assert " " not in line or text_width(line, NAME_FONT) <= NAME_WIDTH
        assert n["box"][3] - n["box"][1] == len(n["lines"]) * NAME_LINE
    left = min(d["x"] for d in net.dots)
    right = max(d["x"] for d in net.dots)
    for p in net.arcs:
        assert p["x"] <= left + 0.01 if p["kind"] == "supports" else p["x"] >= right - 0.01


def test_timeline_rows_by_date_and_side() -> None:
    m = read_map_text(MINI, "mini.yaml").map
    G = to_graph(m)
    rows = timeline_rows(m, actor_sides(G, "join-budapest"), G, "join-budapest")
    when = {(r["actor"], r["source"]): r for r in rows}
    review = when["Council of Europe", "A review of the Budapest Convention"]
    assert review["when"] == "2020-05-15" and review["claims"] == 4 and review["side"] == "for"
    assert when["Fixture Rights Watch", "Rights groups on the draft treaty"]["when"] == "2021-07-01"
    assert sum(r["claims"] for r in rows) == len(m.claims)


def _inlined(spec: dict) -> dict:
    """A spec with its named datasets written where they are used (the reference)."""
    spec = json.loads(json.dumps(spec))
    rows = spec.pop("datasets", {})

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("data"), dict) and node["data"].get("name") in rows:
                node["data"] = {"values": rows[node["data"]["name"]]}
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return spec


@pytest.mark.parametrize("thesis", theses(CYBER_G))
def test_page_specs_are_what_altair_writes_and_valid(thesis: str) -> None:
    """The pages draw chart_spec(): the spec Altair writes (validated here against Vega-Lite's
    schema), with every row in place, none lost or changed."""
    m = read_map(ROOT / "maps" / "cybercrime-treaties.yaml").map
    actors = actor_sides(CYBER_G, thesis)
    pos = positions(CYBER_G, evaluate(CYBER_G))
    for chart in (
        network(actors, pos),
        heat_map(actors, pos),
        timeline_chart(m, actors, CYBER_G, thesis),
    ):
        full = legible(chart).to_dict()  # validates
        assert json.loads(json.dumps(chart_spec(chart))) == _inlined(full)
        assert full["config"]["axis"]["labelColor"] == INK and contrast(INK) >= 4.5
    net = chart_spec(network(actors, pos))
    drawn = [layer["data"]["values"] for layer in net["layer"]]
    assert drawn[0] == json.loads(json.dumps(network_rows(actors, pos).arcs))


def test_charts_fit_their_column_at_fifty_actors() -> None:
    from tests.support.mapgen import generate_map_text

    m = read_map_text(generate_map_text(2000), "big.yaml").map
    assert len(m.actors) == 50
    G = to_graph(m)
    thesis = theses(G)[0]
    actors = actor_sides(G, thesis)
    pos = positions(G, evaluate(G))
    heat = heat_map(actors, pos).to_dict()
    names = heat["hconcat"][1]["encoding"]["y"]["sort"]
    assert len(names) > 30  # most of the fifty meet
    label_w = max(text_width(n, 12) for n in names)
    grid = heat["hconcat"][1]["width"]
    assert label_w + 12 + 4 + grid <= COLUMN  # names, side strip, spacing and the grid
    assert heat["hconcat"][1]["encoding"]["x"]["axis"]["labelAngle"] == 90  # names run down
    line = timeline_chart(m, actors, G, thesis).to_dict()
    used = line["encoding"]["y"]["sort"]
    assert max((text_width(n, 11) for n in used), default=0) + line["width"] <= COLUMN
