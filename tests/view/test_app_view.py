"""The app's library (argmap.view) without Streamlit: layout, selection, colours, payload, panel."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.app.panel import card_html
from argmap.problems import MapFileError
from argmap.products.drawing.colours import PALETTE, STATUS_COLOURS, UNKNOWN, by_category, by_status
from argmap.products.drawing.elements import graph_payload
from argmap.products.drawing.layout import QUESTION
from argmap.store.library import list_maps, upload_text
from argmap.store.yaml_map import read_map, read_map_text
from argmap.text import wrap_label
from argmap.view.detail import claim_detail
from argmap.view.prepared import PreparedMap, prepare
from argmap.view.select import (
    Filters,
    View,
    drawing,
    filter_claims,
    hidden_below,
    neighbourhood,
    paths_to_thesis,
    search_claims,
    within_depth,
)
from argmap.view.text import md_escape, truncate
from tests.support.mapgen import generate_map_text

FIXTURES = Path(__file__).resolve().parents[1] / "support" / "fixtures"


@pytest.fixture(scope="module")
def mini() -> PreparedMap:
    return prepare(read_map(FIXTURES / "mini.yaml").map, "mini")


@pytest.fixture(scope="module")
def hostile() -> PreparedMap:
    return prepare(read_map(FIXTURES / "hostile.yaml").map, "hostile")


def test_layering_tree_hangs_claims_under_what_they_bear_on(mini: PreparedMap) -> None:
    tree = mini.layout
    assert tree.depth[QUESTION] == 0
    assert tree.depth["join-budapest"] == 1 and tree.parent["join-budapest"] is None
    assert tree.depth["speed-matters"] == 3 and tree.parent["speed-matters"] == "budapest-works"
    # The undercutter hangs beside the claim whose link it undercuts, on the same layer.
    assert tree.parent["open-to-all"] == tree.parent["budapest-is-regional"] == "join-budapest"
    # Supports before attacks among a claim's children.
    kids = tree.children["join-budapest"]
    assert kids.index("budapest-works") < kids.index("budapest-is-regional")
    assert kids.index("budapest-works") < kids.index("un-treaty-needed")


def test_layering_tree_of_a_big_map_covers_every_claim_once() -> None:
    big = prepare(read_map_text(generate_map_text(500), "big").map, "big")
    tree = big.layout
    assert len(tree.parent) == 500
    below = [k for kids in tree.children.values() for k in kids]
    assert len(below) == len(set(below)) == 500 - sum(p is None for p in tree.parent.values())
    for claim, parent in tree.parent.items():
        if parent is not None:
            assert tree.depth[claim] == tree.depth[parent] + 1


def test_filters_search_and_focus(mini: PreparedMap) -> None:
    G, s = mini.graph, mini.structure
    assert filter_claims(G, s.claims, Filters(tags=frozenset({"legitimacy"}))) == {
        "budapest-is-regional",
        "open-to-all",
        "un-treaty-needed",
    }
    both = Filters(actors=frozenset({"council"}), kinds=frozenset({"thesis"}))
    assert filter_claims(G, s.claims, both) == {"join-budapest"}
    assert search_claims(G, s.claims, "BUDAPEST convention") == [
        "join-budapest",
        "budapest-works",
        "budapest-is-regional",
        "open-to-all",
    ]
    assert search_claims(G, s.claims, "repression") == ["rights-risk"]  # quotes count
    assert search_claims(G, s.claims, "  ") == []
    assert neighbourhood(s, "open-to-all", 1) == {
        "open-to-all",
        "budapest-is-regional",
        "join-budapest",
    }
    assert paths_to_thesis(G, s, "safeguards-unenforced") == {
        "safeguards-unenforced",
        "safeguards-possible",
        "rights-risk",
        "un-treaty-needed",
        "join-budapest",
    }
    kept = within_depth(mini.layout, s.claims, 2)
    assert "speed-matters" not in kept and "budapest-works" in kept
    assert hidden_below(mini.layout, kept) == {"budapest-works": 1, "un-treaty-needed": 3}


def test_colours(mini: PreparedMap) -> None:
    s = mini.structure
    plain = by_status(s.claims, None)
    assert set(plain.fills.values()) == {UNKNOWN}  # nothing invented without labels
    status = by_status(s.claims, {"join-budapest": "in", "rights-risk": "out"})
    assert status.fills["join-budapest"] == STATUS_COLOURS["in"]
    assert status.fills["rights-risk"] == STATUS_COLOURS["out"]
    actors = by_category(mini.graph, s.claims, "actor")
    assert actors.legend[0] == ("Council of Europe", PALETTE[0])
    assert actors.fills["rights-risk"] == PALETTE[2]
    with pytest.raises(ValueError):
        by_category(mini.graph, s.claims, "tag")


def test_payload_draws_only_shown_claims_and_their_relations(mini: PreparedMap) -> None:
    shown = {"join-budapest", "budapest-is-regional", "open-to-all"}
    payload = graph_payload(
        mini.graph,
        mini.structure,
        mini.layout,
        shown,
        by_status(shown, None),
        classes={"open-to-all": {"selected"}},
    )
    ids = {n["data"]["id"] for n in payload["nodes"]}
    assert ids == shown | {QUESTION, "@r-regional"}
    edges = {e["data"]["id"]: e["data"] for e in payload["edges"]}
    assert set(edges) == {"r-regional", "r-open", "?q>join-budapest"}
    assert edges["r-open"]["target"] == "@r-regional"
    node = next(n for n in payload["nodes"] if n["data"]["id"] == "open-to-all")
    assert "selected" in node["cls"] and "kind-evidence" in node["cls"]
    assert payload["big"] is False


def test_detail_lists_neighbours_and_sources(mini: PreparedMap) -> None:
    d = claim_detail(mini.graph, mini.structure, "join-budapest")
    assert [n.claim for n in d.supported_by] == ["budapest-works"]
    assert [n.claim for n in d.attacked_by] == ["budapest-is-regional", "un-treaty-needed"]
    assert [(n.claim, n.via) for n in d.undercut_by] == [("open-to-all", "budapest-is-regional")]
    regional = claim_detail(mini.graph, mini.structure, "budapest-is-regional")
    assert regional.source is not None and regional.source.reported_in is not None
    assert regional.source.reported_in.title == "Delegates split on cybercrime treaty"
    assert regional.actor is not None and regional.actor.name == "State A delegation"
    cutter = claim_detail(mini.graph, mini.structure, "open-to-all")
    assert [(n.claim, n.type, n.via) for n in cutter.bears_on] == [
        ("join-budapest", "undercuts", "budapest-is-regional")
    ]


def test_card_html_escapes_every_text(hostile: PreparedMap) -> None:
    for claim in hostile.structure.claims:
        html = card_html(claim_detail(hostile.graph, hostile.structure, claim), "in", 0.5)
        assert "<script" not in html and "<img" not in html and "<svg" not in html
        assert "<iframe" not in html and 'href="javascript' not in html
    html = card_html(claim_detail(hostile.graph, hostile.structure, "evil-thesis"), None, None)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;Thesis" in html


def test_text_helpers() -> None:
    assert md_escape("[x](javascript:alert(1)) <b>") == (
        "\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\<b\\>"
    )
    assert truncate("short", 10) == "short"
    label, cut = wrap_label("word " * 40, 20, 3)
    assert cut and label.count("\n") == 2 and label.endswith("…")


def test_maps_listing_and_uploads(tmp_path: Path) -> None:
    for name in ("b", "cybercrime-treaties", "a"):
        (tmp_path / f"{name}.yaml").write_text("x", encoding="utf-8")
    assert list(list_maps(tmp_path)) == ["cybercrime-treaties", "a", "b"]
    assert list_maps(tmp_path / "missing") == {}
    assert upload_text("u.yaml", "title: é".encode()) == "title: é"
    with pytest.raises(MapFileError) as info:
        upload_text("u.yaml", b"\xff\xfe\x00bad")
    assert str(info.value.problems[0]).startswith("u.yaml:1:1: not UTF-8 text")


def test_drawing_applies_filters_focus_depth_and_marks(mini: PreparedMap) -> None:
    G, s, layout = mini.graph, mini.structure, mini.layout
    whole = drawing(G, s, layout, View())
    assert whole.shown == set(s.claims) and whole.hidden_below == {}
    focused = drawing(
        G, s, layout, View(selected="speed-matters", focus="Paths to thesis", query="budapest"),
        changed=["join-budapest"],
    )  # fmt: skip
    assert focused.shown == {"speed-matters", "budapest-works", "join-budapest"}
    assert focused.classes["speed-matters"] == {"selected", "dim"}
    assert focused.classes["join-budapest"] == {"match", "changed"}
    shallow = drawing(G, s, layout, View(depth=1, filters=Filters(kinds=frozenset({"thesis"}))))
    assert shallow.shown == {"join-budapest"}
    assert shallow.hidden_below == {"join-budapest": 8}
