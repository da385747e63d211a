"""The app's logic under Streamlit's AppTest: map choice, errors, filters, focus, what-if.

AppTest cannot run the graph's JavaScript; it sees the component's arguments (what Python asks
the browser to draw), and a click is simulated by setting the component's value.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from argmap.products.drawing.colours import SIDE_COLOURS

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "support" / "fixtures"

BROKEN = """\
argmap: 1
title: Broken
question: Q?
sources:
  - id: s
    title: S
    kind: article
actors:
  - id: a
    name: A
    kind: person
claims:
  - id: c1
    statement: One.
    source: s
    actor: nobody
    quote: q
"""


@pytest.fixture
def maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("mini", "hostile"):
        shutil.copy(FIXTURES / f"{name}.yaml", tmp_path / f"{name}.yaml")
    (tmp_path / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "bad-yaml.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("ARGMAP_MAPS_DIR", str(tmp_path))
    return tmp_path


def run(**query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def drawn(at: AppTest) -> dict[str, Any]:
    """The arguments the graph component was given."""
    component = at.get("component_instance")[0]
    return json.loads(component.proto.json_args)


def claim_nodes(at: AppTest) -> dict[str, dict[str, Any]]:
    return {n["data"]["id"]: n for n in drawn(at)["graph"]["nodes"] if "claim" in n["cls"]}


def summary(at: AppTest) -> str:
    return at.markdown[0].value


def test_default_map_is_the_cybercrime_map(maps: Path) -> None:
    shutil.copy(FIXTURES / "mini.yaml", maps / "cybercrime-treaties.yaml")
    at = run()
    assert at.selectbox(key="map_choice").value == "cybercrime-treaties"
    assert at.title[0].value == "Fixture map on cybercrime cooperation"
    assert len(claim_nodes(at)) == 9


def test_map_from_url_and_switching_maps(maps: Path) -> None:
    at = run(map="mini")
    assert at.selectbox(key="map_choice").value == "mini"
    assert "Showing **9** of 9 claims" in summary(at)
    at.selectbox(key="map_choice").set_value("hostile").run()
    assert len(claim_nodes(at)) == 3
    assert at.query_params["map"] == ["hostile"] or at.query_params["map"] == "hostile"


@pytest.mark.parametrize(
    ("name", "where"),
    [("broken", "broken.yaml:16:12: claims[0].actor: unknown actor 'nobody'"),
     ("bad-yaml", "bad-yaml.yaml:2:1: YAML syntax")],
)  # fmt: skip
def test_a_broken_file_shows_located_problems_not_a_traceback(
    maps: Path, name: str, where: str
) -> None:
    at = run(map=name)
    assert at.title[0].value == "This map cannot be opened"
    assert at.error, "expected an error message"
    assert where in at.code[0].value
    assert not at.get("component_instance")


def test_the_component_gets_the_tree_relations_and_status(maps: Path) -> None:
    at = run(map="mini")
    args = drawn(at)
    nodes = claim_nodes(at)
    # The layering tree the component collapses along (it lays the map out itself).
    assert nodes["join-budapest"]["data"]["tree"] == ""
    assert nodes["speed-matters"]["data"]["tree"] == "budapest-works"
    assert nodes["speed-matters"]["data"]["depth"] == 3
    assert args["graph"]["collapse"] is True  # the whole map opens at first sight
    assert "x" not in nodes["join-budapest"]
    edges = {e["data"]["id"]: e for e in args["graph"]["edges"]}
    assert edges["r-regional"]["cls"].startswith("attacks")
    assert edges["r-works"]["cls"].startswith("supports")
    assert edges["r-open"]["data"]["target"] == "@r-regional"  # undercut to the midpoint
    assert args["legend"]["title"] == "Status"
    # No labels invented here: the colours come from the semantics' labels.
    assert nodes["un-treaty-needed"]["data"]["color"] != nodes["join-budapest"]["data"]["color"]


def test_click_selects_and_deep_link_selects(maps: Path) -> None:
    at = run(map="mini", claim="rights-risk")
    assert "selected" in claim_nodes(at)["rights-risk"]["cls"]
    assert drawn(at)["selected"] == "rights-risk"
    html = at.get("html")
    assert any("a tool for repression" in h.proto.body for h in html)
    # A neighbour link goes there and the URL follows.
    at.button(key="go-att-r-safeguards-safeguards-possible").click().run()
    assert drawn(at)["selected"] == "safeguards-possible"
    assert at.query_params["claim"] in ("safeguards-possible", ["safeguards-possible"])


def test_unknown_claim_or_map_in_url_is_ignored(maps: Path) -> None:
    at = run(map="mini", claim="no-such-claim")
    assert drawn(at)["selected"] is None
    at = run(map="no-such-map")
    assert at.selectbox(key="map_choice").value == "bad-yaml"  # the first, in name order


def test_filters_change_what_is_drawn(maps: Path) -> None:
    at = run(map="mini")
    at.multiselect(key="f_tags").select("human-rights").run()
    assert set(claim_nodes(at)) == {"rights-risk", "safeguards-possible", "safeguards-unenforced"}
    assert "Showing **3** of 9 claims" in summary(at)
    at.multiselect(key="f_tags").unselect("human-rights").run()
    at.multiselect(key="f_actors").select("council").run()
    at.multiselect(key="f_kinds").select("evidence").run()
    assert set(claim_nodes(at)) == {"budapest-works", "open-to-all"}


def test_focus_and_depth(maps: Path) -> None:
    at = run(map="mini", claim="speed-matters")
    at.radio(key="focus").set_value("Paths to thesis").run()
    assert set(claim_nodes(at)) == {"speed-matters", "budapest-works", "join-budapest"}
    at.radio(key="focus").set_value("Neighbourhood").run()
    at.slider(key="focus_steps").set_value(1).run()
    assert set(claim_nodes(at)) == {"speed-matters", "budapest-works"}
    at.radio(key="focus").set_value("Whole map").run()
    at.slider(key="depth").set_value(2).run()
    nodes = claim_nodes(at)
    assert "speed-matters" not in nodes
    assert "[+1 below]" in nodes["budapest-works"]["data"]["label"]


def test_search_marks_matches(maps: Path) -> None:
    at = run(map="mini")
    at.text_input(key="search").input("safeguards").run()
    nodes = claim_nodes(at)
    assert {c for c, n in nodes.items() if "match" in n["cls"]} == {
        "safeguards-possible",
        "safeguards-unenforced",
    }
    assert "dim" in nodes["join-budapest"]["cls"]
    assert "2 match the search" in summary(at)
    assert at.sidebar.button(key="hit-safeguards-possible")


def test_semantics_and_colouring_switch(maps: Path) -> None:
    at = run(map="mini")
    at.selectbox(key="semantics").set_value("preferred").run()
    assert at.query_params["semantics"] in ("preferred", ["preferred"])
    assert "8 stand, 1 fall, 0 undecided" in summary(at)  # in plain words, no semantics name
    at.selectbox(key="colour_by").set_value("actor").run()
    legend = drawn(at)["legend"]
    assert legend["title"] == "Actor"
    assert [e["label"] for e in legend["entries"]] == [
        "Council of Europe",
        "State A delegation",
        "Fixture Rights Watch",
    ]
    # By side of a thesis: the picker appears, the legend says for, against and neither.
    at.selectbox(key="colour_by").set_value("side").run()
    assert at.selectbox(key="side_thesis").value == "join-budapest"
    nodes = claim_nodes(at)
    assert nodes["budapest-works"]["data"]["color"] == SIDE_COLOURS["for"]
    assert nodes["budapest-is-regional"]["data"]["color"] == SIDE_COLOURS["against"]
    labels = [e["label"] for e in drawn(at)["legend"]["entries"]]
    assert (
        labels[0]
        == "for: States should join the Budapest Convention rather than draft a new UN treaty."
    )
    assert at.query_params["colour"] in ("side", ["side"])
    at.selectbox(key="colour_by").set_value("actor_kind").run()
    assert [e["label"] for e in drawn(at)["legend"]["entries"]] == [
        "government or legislature",
        "international body",
        "NGO or civil-society group",
    ]


def test_what_if_highlights_changes_and_resets(maps: Path) -> None:
    at = run(map="mini", claim="safeguards-unenforced")
    at.button(key="wi-btn-reject").click().run()
    assert at.multiselect(key="wi_reject").value == ["safeguards-unenforced"]
    assert "what-if changes" in summary(at)
    changed = {c for c, n in claim_nodes(at).items() if "changed" in n["cls"]}
    assert "rights-risk" in changed
    at.multiselect(key="wi_cut").select("r-works").run()
    at.button(key="wi_reset").click().run()
    assert at.multiselect(key="wi_reject").value == []
    assert "what-if" not in summary(at)
    assert not any("changed" in n["cls"] for n in claim_nodes(at).values())


def test_objections_ranked_and_a_base_score_tried(maps: Path) -> None:
    def objections(at: AppTest) -> list[str]:
        return [b.key.split("-")[-1] for b in at.button if b.key.startswith("go-att-")]

    def strength_badge(at: AppTest) -> str:
        card = next(h.proto.body for h in at.get("html") if 'data-claim="join-budapest"' in
                    h.proto.body)  # fmt: skip
        return card.split("strength ")[1][:4]

    at = run(map="mini", claim="join-budapest")
    # un-treaty-needed (strength 0.31) pushes harder than the undercut regional objection
    # (0.5 x weight 0.5 = 0.25): taking it out moves the thesis most, so it comes first.
    assert objections(at) == ["needed", "regional"]
    assert strength_badge(at) == "0.63"
    at = run(map="mini", claim="budapest-is-regional")
    at.slider(key="wi-base-budapest-is-regional").set_value(1.0).run()
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert (
        "Base scores tried (set in a claim's panel): The Budapest Convention was drafted by a… 1.00"
        in captions
    )
    at.button(key="go-out-r-regional-join-budapest").click().run()
    assert objections(at) == ["regional", "needed"]  # now 1.0 x 0.5 = 0.5
    assert strength_badge(at) < "0.63"
    at.button(key="wi_reset").click().run()
    assert objections(at) == ["needed", "regional"] and strength_badge(at) == "0.63"


def test_hostile_text_is_escaped_in_markdown(maps: Path) -> None:
    at = run(map="hostile", claim="evil-support")
    # The title is Markdown with every punctuation mark escaped: no raw tag survives.
    assert "<" not in at.title[0].value.replace("\\<", "")
    card = next(h.proto.body for h in at.get("html") if "am-card" in h.proto.body)
    assert "<script>" not in card and "&lt;script&gt;" in card
    assert 'href="https://example.org/&quot;&gt;&lt;script&gt;' in card
