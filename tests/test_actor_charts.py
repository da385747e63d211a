"""The sources page's pictures as data: who meets whom, on which side, the arrows' directions,
and positions by date."""

from __future__ import annotations

import math

from argmap.analysis import evaluate, positions
from argmap.graph import to_graph
from argmap.store.yaml_map import read_map_text
from argmap.view.actors import (
    actor_sides,
    heat_map,
    heat_rows,
    meeting_order,
    network_rows,
    timeline_rows,
)
from tests.conftest import ROOT

MINI = (ROOT / "tests" / "browser" / "fixtures" / "mini.yaml").read_text(encoding="utf-8")
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
    nodes, edges = network_rows(actor_sides(G, "join-budapest"), pos)
    place = {n["name"]: (n["x"], n["y"]) for n in nodes}
    assert {(e["from"], e["to"], e["kind"]) for e in edges} >= {
        ("State A delegation", "Council of Europe", "attacks"),
        ("Fixture Rights Watch", "State A delegation", "attacks"),
    }
    for e in edges:
        (x1, y1), (x2, y2) = place[e["from"]], place[e["to"]]
        # The head stops short of the target, on the line towards it, pointing along it.
        assert math.dist((e["x2"], e["y2"]), (x2, y2)) < math.dist((e["x"], e["y"]), (x2, y2))
        heading = (90 - math.degrees(math.atan2(y2 - y1, x2 - x1))) % 360
        assert math.isclose(e["angle"], heading)
    # The "for" actors sit on the left, the "against" one on the right.
    assert place["Council of Europe"][0] < 0 < place["State A delegation"][0]


def test_timeline_rows_by_date_and_side() -> None:
    m = read_map_text(MINI, "mini.yaml").map
    G = to_graph(m)
    rows = timeline_rows(m, actor_sides(G, "join-budapest"), G, "join-budapest")
    when = {(r["actor"], r["source"]): r for r in rows}
    review = when["Council of Europe", "A review of the Budapest Convention"]
    assert review["when"] == "2020-05-15" and review["claims"] == 4 and review["side"] == "for"
    assert when["Fixture Rights Watch", "Rights groups on the draft treaty"]["when"] == "2021-07-01"
    assert sum(r["claims"] for r in rows) == len(m.claims)
