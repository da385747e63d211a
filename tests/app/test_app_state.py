"""Choices survive changing page and a reload (a new session from the URL); the outline page
shares its selection with the map. Under AppTest: the browser tests check the same in chromium."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from argmap.app.main import page_path
from argmap.app.state import KEPT, from_params, to_params
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "support" / "fixtures"
APP = ROOT / "app.py"


@pytest.fixture
def maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "maps"
    directory.mkdir()
    for name in ("mini", "hostile"):
        shutil.copy(FIXTURES / f"{name}.yaml", directory / f"{name}.yaml")
    monkeypatch.setenv("ARGMAP_MAPS_DIR", str(directory))
    monkeypatch.setenv("ARGMAP_DATABASE_URL", f"sqlite:///{tmp_path / 'verdicts.sqlite3'}")
    return directory


def start(page: str = "map", **query: str) -> AppTest:
    """A new session (as a reload is) on ``page`` with ``query`` in the URL."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    if page != "map":
        at.switch_page(page_path(page))
    at.run()
    assert not at.exception, at.exception
    return at


def go(at: AppTest, page: str) -> AppTest:
    at.switch_page(page_path(page))
    at.run()
    assert not at.exception, at.exception
    return at


def params(at: AppTest) -> dict[str, str]:
    return {k: v[0] if isinstance(v, list) else v for k, v in at.query_params.items()}


def args_of(at: AppTest, name: str) -> dict[str, Any]:
    """The arguments of the component ``name`` (argmap_graph or argmap_outline)."""
    for c in at.get("component_instance"):
        if name in c.proto.component_name:
            return dict(json.loads(c.proto.json_args))
    raise AssertionError(f"no {name} component drawn")


def test_every_kept_choice_has_one_key_and_one_parameter() -> None:
    assert len({k.key for k in KEPT}) == len({k.param for k in KEPT}) == len(KEPT)
    values = {"map_choice": "mini", "selected": "c", "semantics": "preferred",
              "colour_by": "side", "focus_steps": 4, "brief_side": "against",
              "verdict_name": "Ada", "verdict_room": "r1"}  # fmt: skip
    assert from_params(to_params(values)) == values
    # Nothing the URL says is taken on trust: bad values are dropped, long text is cut.
    bad = from_params({"semantics": "nonsense", "steps": "99", "colour": "x", "name": "A" * 500})
    assert bad == {"verdict_name": "A" * 100}


def test_choices_survive_changing_page(maps: Path) -> None:
    at = start(map="mini")
    at.selectbox(key="colour_by").set_value("actor_kind").run()
    at.selectbox(key="semantics").set_value("preferred").run()
    at.radio(key="focus").set_value("Neighbourhood").run()
    go(at, "brief")
    at.radio(key="brief_side").set_value("against").run()
    go(at, "verdicts")
    at.text_input(key="verdict_name").input("Ada").run()
    at.text_input(key="verdict_room").input("seminar-2").run()
    go(at, "sources")
    assert params(at) == {"map": "mini", "semantics": "preferred", "colour": "actor_kind",
                          "focus": "Neighbourhood", "thesis": "join-budapest",
                          "side": "against", "name": "Ada", "room": "seminar-2",
                          "side_of": "join-budapest"}  # fmt: skip
    go(at, "map")
    assert at.selectbox(key="colour_by").value == "actor_kind"
    assert at.selectbox(key="semantics").value == "preferred"
    assert at.radio(key="focus").value == "Neighbourhood"
    assert args_of(at, "argmap_graph")["legend"]["title"] == "Kind of actor"
    go(at, "brief")
    assert at.radio(key="brief_side").value == "against"
    assert at.title[0].value.startswith("Brief against")
    go(at, "verdicts")
    assert at.text_input(key="verdict_name").value == "Ada"
    assert at.text_input(key="verdict_room").value == "seminar-2"


def test_a_reload_restores_every_choice_from_the_url(maps: Path) -> None:
    url = {"map": "mini", "claim": "rights-risk", "semantics": "preferred",
           "support": "attack-only", "colour": "side", "side_of": "join-budapest",
           "focus": "Paths to thesis",
           "thesis": "join-budapest", "side": "against", "name": "Ada", "room": "r2"}  # fmt: skip
    at = start(**url)
    assert at.selectbox(key="semantics").value == "preferred"
    assert at.radio(key="view").value == "attack-only"
    assert at.selectbox(key="colour_by").value == "side"
    assert at.radio(key="focus").value == "Paths to thesis"
    assert args_of(at, "argmap_graph")["selected"] == "rights-risk"
    assert args_of(at, "argmap_graph")["legend"]["title"] == "Side"
    assert params(at) == url  # the URL is kept as it came
    # The support treatment's older URL key still opens the same reading, written anew.
    old = start(**({k: v for k, v in url.items() if k != "support"} | {"view": "attack-only"}))
    assert old.radio(key="view").value == "attack-only"
    assert params(old)["support"] == "attack-only" and "view" not in params(old)
    go(at, "brief")
    assert at.title[0].value.startswith("Brief against")
    go(at, "verdicts")
    assert at.text_input(key="verdict_name").value == "Ada"
    assert "room **r2**" in at.caption[0].value
    # No warning about a widget given a value both by default and through the session.
    assert not at.warning


def test_outline_nests_theses_reasons_and_objections(maps: Path) -> None:
    at = start("outline", map="mini")
    tree = args_of(at, "argmap_outline")["tree"]
    root = tree[0]
    assert root["claim"] == "join-budapest" and root["stance"] == "root"
    children = {c["claim"]: c["stance"] for c in root["children"]}
    assert children["budapest-works"] == "pro"
    assert children["budapest-is-regional"] == "con"
    regional = next(c for c in root["children"] if c["claim"] == "budapest-is-regional")
    assert [c["claim"] for c in regional["children"]] == ["open-to-all"]
    assert regional["children"][0]["stance"] == "undercut"  # it cuts the link, not the claim
    assert root["label"] in ("in", "out", "undec") and root["quote"]
    # Each claim appears in full once; further appearances are references.
    full: list[str] = []

    def walk(n: dict[str, Any]) -> None:
        if not n["repeat"]:
            full.append(n["claim"])
        for c in n["children"]:
            walk(c)

    for r in tree:
        walk(r)
    assert sorted(full) == sorted(set(full)) and len(full) == 9


def test_outline_selection_is_the_maps(maps: Path) -> None:
    at = start("outline", map="mini", claim="rights-risk")
    assert args_of(at, "argmap_outline")["selected"] == "rights-risk"
    # A selection in the outline (the component's value) selects the claim everywhere.
    at.session_state["outline"] = {"claim": "safeguards-possible", "n": 1}
    at.run()
    # AppTest does not call on_change for a value set by hand: run the callback's effect.
    at.session_state["selected"] = "safeguards-possible"
    at.run()
    assert args_of(at, "argmap_outline")["selected"] == "safeguards-possible"
    assert params(at)["claim"] == "safeguards-possible"
    assert any("safeguards will be included" in h.proto.body for h in at.get("html"))
    go(at, "map")
    assert args_of(at, "argmap_graph")["selected"] == "safeguards-possible"
    link = at.get("code")[-1].value
    assert link.startswith("http") and "/?map=mini&claim=safeguards-possible" in link.replace(
        "/map?", "/?"
    )
