"""argmap label --audience / --rank and argmap audiences."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from argmap.cli import app

FIXTURE = str(Path(__file__).parents[1] / "fixtures" / "values.yaml")
runner = CliRunner()


def test_audiences_json_shape_and_answers() -> None:
    result = runner.invoke(app, ["audiences", FIXTURE, "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"values", "audiences", "claims", "theses"}
    assert data["values"] == ["security", "human-rights", "sovereignty"]
    assert data["audiences"] == ["ministry-view", "delegation-view", "campaign-view"]
    assert all(set(c) == {"id", "acceptance", "stands_for"} for c in data["claims"])
    keys = {"id", "acceptance", "stands_when", "necessary", "sufficient", "sufficient_exact",
            "necessary_is_sufficient"}  # fmt: skip
    assert all(set(t) == keys for t in data["theses"])
    acceptance = {c["id"]: c["acceptance"] for c in data["claims"]}
    assert set(acceptance.values()) == {"uncontested", "subjective", "indefensible"}
    stands_for = {c["id"]: c["stands_for"] for c in data["claims"]}
    assert stands_for["t-treaty"] == ["delegation-view", "campaign-view"]
    assert stands_for["t-nothing"] == []
    theses = {t["id"]: t for t in data["theses"]}
    rights = theses["t-rights"]
    assert rights["acceptance"] == "subjective"
    assert rights["necessary"] == [["human-rights", "security"], ["human-rights", "sovereignty"]]
    assert [["human-rights", "security"], ["human-rights", "sovereignty"]] in rights["sufficient"]
    assert "human rights above security and sovereignty" in rights["stands_when"]
    assert theses["t-budapest"]["sufficient"][0] == [["security", "sovereignty"]]
    assert theses["t-capacity"]["acceptance"] == "uncontested"
    assert theses["t-capacity"]["sufficient"] == [[]]
    assert theses["t-nothing"]["acceptance"] == "indefensible"
    assert theses["t-nothing"]["sufficient"] == [] and theses["t-nothing"]["necessary"] == []


def test_audiences_text() -> None:
    result = runner.invoke(app, ["audiences", FIXTURE])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "audience: The ministry (security > sovereignty; not ranked: human rights)" in out
    assert "thesis: Back a UN treaty instead.\n  stands under some rankings of the values\n" in out
    assert "  It stands if, and only if, sovereignty above security.\n" in out
    assert "thesis: Help states build capacity to fight cybercrime.\n  uncontested in the " in out
    assert "t-treaty" not in out and "ministry-view" not in out  # statements, not ids


def test_label_with_an_audience_or_a_ranking() -> None:
    plain = json.loads(runner.invoke(app, ["label", FIXTURE, "--json"]).stdout)
    assert "audience" not in plain
    result = runner.invoke(app, ["label", FIXTURE, "--audience", "ministry-view", "--json"])
    data = json.loads(result.stdout)
    assert data["audience"] == {
        "id": "ministry-view",
        "name": "The ministry",
        "ranking": [["security"], ["sovereignty"]],
    }
    labels = {c["id"]: c["label"] for c in data["claims"]}
    assert labels["t-budapest"] == "in" and labels["t-treaty"] == "out"
    ranked = json.loads(
        runner.invoke(app, ["label", FIXTURE, "--rank", "security>sovereignty", "--json"]).stdout
    )
    assert {c["id"]: c["label"] for c in ranked["claims"]} == labels
    text = runner.invoke(app, ["label", FIXTURE, "--rank", "sovereignty>security=human-rights"])
    assert text.stdout.splitlines()[0] == "audience: sovereignty > security = human rights"
    assert re.search(r"^(stands|falls|undecided) +Join the Budapest Convention\.$", text.stdout,
                     re.M)  # fmt: skip
    assert "t-treaty" not in text.stdout  # statements, not ids (those are in --json)


def test_label_audience_errors() -> None:
    result = runner.invoke(app, ["label", FIXTURE, "--audience", "ministry"])
    assert result.exit_code == 1
    assert "no audience 'ministry'; did you mean 'ministry-view'?" in result.stderr
    result = runner.invoke(app, ["label", FIXTURE, "--rank", "security>sovreignty"])
    assert result.exit_code == 1 and "did you mean 'sovereignty'?" in result.stderr
    result = runner.invoke(app, ["label", FIXTURE, "--rank", "a", "--audience", "b"])
    assert result.exit_code == 1 and "not both" in result.stderr


def test_brief_and_drill_for_an_audience(tmp_path: Path) -> None:
    from argmap.graph import to_graph
    from argmap.products.drill import drill_deck
    from argmap.semantics.values import audience_named
    from argmap.store.yaml_map import read_map

    out = tmp_path / "brief.md"
    result = runner.invoke(
        app,
        ["brief", FIXTURE, "--thesis", "t-treaty", "--side", "for", "-o", str(out),
         "--audience", "delegation-view"],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    round_text = out.read_text(encoding="utf-8")
    assert "For the delegation, the thesis stands" in round_text
    assert "Argued to this audience: The delegation" in round_text
    runner.invoke(app, ["brief", FIXTURE, "--thesis", "t-treaty", "--side", "for", "-o",
                        str(out), "--audience", "delegation-view", "--full"])  # fmt: skip
    text = out.read_text(encoding="utf-8")
    assert "Argued to this audience: The delegation (sovereignty \\> security = human rights)" in (
        text
    )
    assert "the thesis stands (in)" in text
    assert (
        "“Join the Budapest Convention” does not defeat “Back a UN treaty instead” for The "
        "delegation: sovereignty ranks above security" in text
    )
    plain = tmp_path / "plain.md"
    runner.invoke(app, ["brief", FIXTURE, "--thesis", "t-treaty", "--side", "for", "-o",
                        str(plain)])  # fmt: skip
    assert "Argued to" not in plain.read_text(encoding="utf-8")

    G = to_graph(read_map(FIXTURE).map)
    plain_cards = {c.relation: c.claim.label for c in drill_deck(G, "t-budapest", "for")}
    ministry = audience_named(G, "ministry-view")
    weighed = {c.relation: c.claim.label for c in drill_deck(G, "t-budapest", "for",
                                                             audience=ministry)}  # fmt: skip
    assert plain_cards["r-t-b"] == "in" and weighed["r-t-b"] == "out"
