"""The audience picker on the map page, the panel's audience section and the values page."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from argmap.app.main import page_path
from argmap.view.audiences import ACCEPTANCE_COLOURS
from argmap.vocabulary import LABELS

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "values.yaml"


@pytest.fixture
def maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(FIXTURE, tmp_path / "values.yaml")
    shutil.copy(ROOT / "tests" / "support" / "fixtures" / "mini.yaml", tmp_path / "mini.yaml")
    monkeypatch.setenv("ARGMAP_MAPS_DIR", str(tmp_path))
    return tmp_path


def run(page: str = "map", **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page != "map":
        at.switch_page(page_path(page)).run()
    assert not at.exception, at.exception
    return at


def colours(at: AppTest) -> dict[str, str]:
    args = json.loads(at.get("component_instance")[0].proto.json_args)
    return {n["data"]["id"]: n["data"]["color"] for n in args["graph"]["nodes"]
            if "claim" in n["cls"]}  # fmt: skip


def texts(at: AppTest) -> str:
    """Every Markdown text and caption of the page, with Markdown escapes undone."""
    found: list[Any] = [*at.markdown, *at.caption]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(x.value) for x in found))


def test_the_audience_picker_weighs_attacks(maps: Path) -> None:
    at = run(map="values")
    picker = at.selectbox(key="audience")
    assert picker.options == [
        "none: plain attacks",
        "across all audiences",
        "The ministry (security > sovereignty; not ranked: human rights)",
        "The delegation (sovereignty > security = human rights)",
        "The campaign (human rights; not ranked: security, sovereignty)",
    ]
    plain = colours(at)
    assert plain["t-budapest"] == LABELS["out"].colour  # reach's attack succeeds
    picker.set_value("ministry-view").run()
    weighed = colours(at)
    assert weighed["t-budapest"] == LABELS["in"].colour
    assert weighed["t-treaty"] == LABELS["out"].colour
    assert "for The ministry" in at.markdown[0].value
    assert at.query_params["audience"] in ("ministry-view", ["ministry-view"])


def test_across_all_audiences_colours_by_acceptance(maps: Path) -> None:
    at = run(map="values", audience="*")
    fills = colours(at)
    assert fills["t-capacity"] == ACCEPTANCE_COLOURS["uncontested"]  # nothing attacks it
    assert fills["t-rights"] == ACCEPTANCE_COLOURS["subjective"]
    assert fills["t-nothing"] == ACCEPTANCE_COLOURS["indefensible"]
    assert "across all audiences: 8 uncontested, 3 subjective, 1 indefensible" in (
        at.markdown[0].value
    )


def test_the_panel_says_whom_a_claim_stands_for_and_why(maps: Path) -> None:
    at = run(map="values", claim="t-budapest", audience="ministry-view")
    said = texts(at)
    assert "Stands for: The ministry." in said
    assert (
        "“Back a UN treaty instead” does not defeat “Join the Budapest Convention” for The "
        "ministry: security ranks above sovereignty" in said
    )
    assert (
        "“Budapest's cross-border access bypasses states” does not defeat “Join the Budapest "
        "Convention” for The ministry: security ranks above sovereignty" in said
    )
    assert "It stands if, and only if, security above sovereignty." in said
    assert said.count("does not defeat") == 2  # said once each, not in two places


def test_a_map_without_values_has_no_picker(maps: Path) -> None:
    at = run(map="mini")
    assert not [s for s in at.selectbox if s.key == "audience"]


def test_the_values_page(maps: Path) -> None:
    at = run("values", map="values")
    said = texts(at)
    assert at.title[0].value == "Values and audiences"
    table = at.table[0].value
    rows = table.to_dict("index")  # a row per audience, a column per thesis
    assert rows["The campaign"]["Back a UN treaty instead."] == "stands"
    assert rows["The campaign"]["Put human-rights conditions on any treaty."] == "falls"
    assert rows["Every ranking"]["Help states build capacity to fight cybercrime."] == (
        "uncontested in the map"
    )
    assert "It stands if, and only if, security above sovereignty." in said
    assert "It stands if, and only if, human rights above security and sovereignty." in said
    assert said.count("Join the Budapest Convention.") == 1  # each thesis said once
    assert "“our first duty is the security of our citizens, and sovereignty comes next”" in said
    empty = run("values", map="mini")
    assert "names no values yet" in empty.info[0].value


def test_the_values_page_says_a_need_once_and_each_sufficient_condition_as_an_item(
    maps: Path,
) -> None:
    """The Budapest thesis needs law enforcement above sovereignty: said once, then each
    condition that suffices with it as a list item of its own, without repeating it."""
    shutil.copy(ROOT / "maps" / "cybercrime-treaties.yaml", maps / "cyber.yaml")
    at = run("values", map="cyber")
    said = texts(at)
    need = "Reach and speed of law enforcement above State sovereignty"
    assert f"It stands only if {need}." in said
    start = said.index(f"It stands only if {need}.")
    block = said[start : said.index("States should negotiate", start)]
    assert "Given that, it stands whenever one of these holds:" in block
    items = [line for line in block.splitlines() if line.startswith("- ")]
    assert len(items) >= 2 and all(need not in item for item in items), items
    assert "- Human rights and civil liberties above Universal participation;" in items


def test_brief_and_drill_pages_argue_to_an_audience(maps: Path) -> None:
    at = run("brief", map="values", thesis="t-treaty")
    assert not [i for i in at.info if "Argued to this audience" in i.value]
    at.selectbox(key="audience").set_value("delegation-view").run()
    assert not at.exception, at.exception
    (note,) = [i.value for i in at.info if "Argued to this audience" in i.value]
    assert "The delegation" in note and "does not defeat" in note
    at.switch_page(page_path("drill")).run()
    assert not at.exception, at.exception
    assert "Your judge: The delegation" in re.sub(r"\\(.)", r"\1", at.caption[0].value)
