"""The values and audiences of the map format: validation, schema, editor, graph, JSON."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app
from argmap.graph import to_graph, to_map
from argmap.problems import MapFileError
from argmap.store.editing import Editor
from argmap.store.json_map import from_json, to_json
from argmap.store.schema import map_json_schema
from argmap.store.yaml_map import read_map, read_map_text

FIXTURES = Path(__file__).parents[1] / "fixtures"
VALUES_MAP = FIXTURES / "values.yaml"
VALUES_TEXT = VALUES_MAP.read_text(encoding="utf-8")


def problems_of(text: str) -> list[str]:
    with pytest.raises(MapFileError) as info:
        read_map_text(text, "m.yaml")
    return [str(p) for p in info.value.problems]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_fixture_reads_with_its_values_and_audiences() -> None:
    m = read_map(VALUES_MAP).map
    assert [v.id for v in m.values] == ["security", "human-rights", "sovereignty"]
    assert m.value("human-rights").name == "human rights"
    view = m.audience("delegation-view")
    assert view.ranking == [["sovereignty"], ["security", "human-rights"]]
    assert view.actor == "delegation"
    assert m.claim("t-capacity").values == ["security", "human-rights"]
    assert m.claim("t-nothing").values == []


def test_unknown_value_of_a_claim_is_located_with_the_nearest_id() -> None:
    text = VALUES_TEXT.replace(
        "values: [human-rights]\n  - id: safeguards", "values: [human-right]\n  - id: safeguards"
    )
    assert text != VALUES_TEXT
    (problem,) = problems_of(text)
    line = line_of(text, "values: [human-right]")
    assert problem.startswith(f"m.yaml:{line}:")
    assert "claims[6].values[0]" in problem
    assert "unknown value 'human-right'; did you mean 'human-rights'?" in problem
    assert "under values:" in problem


def test_duplicate_value_in_a_ranking_and_in_a_claim() -> None:
    text = VALUES_TEXT.replace(
        "ranking: [[sovereignty], [security, human-rights]]",
        "ranking: [[sovereignty], [security, sovereignty]]",
    ).replace("values: [security, human-rights]", "values: [security, security]")
    found = problems_of(text)
    assert len(found) == 2, found
    ranking, claim = found
    assert "audiences[1].ranking[1][1]" in ranking
    assert "value 'sovereignty' is ranked twice (already in tier 1)" in ranking
    assert "claims[3].values[1]" in claim and "listed twice" in claim


def test_unknown_actor_quote_without_source_and_empty_tier() -> None:
    text = VALUES_TEXT.replace("actor: campaign\nclaims:", "actor: campain\nclaims:")
    text = text.replace("    source: positions\n  - id: delegation-view", "  - id: delegation-view")
    found = problems_of(text)
    joined = "\n".join(found)
    assert "audiences[2].actor" in joined and "did you mean 'campaign'?" in joined
    assert "audiences[0].quote" in joined and "needs the source it is from" in joined
    (empty,) = problems_of(VALUES_TEXT.replace("[[human-rights]]", "[[human-rights], []]"))
    assert "audiences[2].ranking[1]" in empty and "at least 1 item" in empty


def test_a_factual_claim_carries_no_values() -> None:
    """Facts are not weighed: values on a claim of a factual kind are refused, located at the
    claim's values: field with its line, and the message says how to fix it."""
    claim = "  - id: slows\n    statement: Conditions slow down investigations.\n"

    def with_kind(kind: str) -> str:
        return VALUES_TEXT.replace(claim, f"{claim}    kind: {kind}\n")

    for kind in ("evidence", "fact", "prediction", "motive"):
        text = with_kind(kind)
        # The values: line of that claim: four lines below its kind.
        line = line_of(text, f"kind: {kind}\n    source: positions\n") + 4
        (found,) = problems_of(text)
        assert found.startswith(f"m.yaml:{line}:"), found
        assert "claims[8].values" in found and f"kind {kind} says what is the case" in found
        assert "Remove values:, or give the claim kind judgement, proposal or thesis" in found
    for kind in ("judgement", "proposal", "thesis", "claim"):  # practical, or not said
        assert read_map_text(with_kind(kind), "m.yaml").map.claims[8].values == ["security"]


def test_value_ids_share_the_map_id_space() -> None:
    text = VALUES_TEXT.replace("  - id: sovereignty\n    name:", "  - id: reach\n    name:")
    text = text.replace("[[sovereignty], [security, human-rights]]", "[[security]]")
    text = text.replace("[[security], [sovereignty]]", "[[security]]")
    text = text.replace("values: [sovereignty]", "values: [security]")
    found = problems_of(text)
    assert any("duplicate id 'reach', already used at values[2]" in p for p in found), found


def test_schema_describes_values_and_audiences() -> None:
    schema = map_json_schema()
    assert {"values", "audiences"} <= set(schema["properties"])
    audience = schema["$defs"]["Audience"]
    assert audience["properties"]["ranking"]["items"]["type"] == "array"
    assert "values" in schema["$defs"]["Claim"]["properties"]


def test_graph_and_json_carry_values_and_audiences() -> None:
    m = read_map(VALUES_MAP).map
    G = to_graph(m)
    assert G.graph["values"][1] == {"id": "human-rights", "name": "human rights"}
    assert G.nodes["t-capacity"]["values"] == ["security", "human-rights"]
    assert to_map(G) == m
    assert from_json(to_json(m)) == m


def test_editor_keeps_renames_and_guards_values(tmp_path: Path) -> None:
    path = tmp_path / "values.yaml"
    shutil.copy(VALUES_MAP, path)
    ed = Editor.open(path)
    claim = ed.entry("claims", "reach").model_dump(by_alias=True, exclude_none=True)
    assert ed.update("claims", "reach", {**claim, "statement": "Edited."}) == {}
    assert ed.remove("values", "security") == {
        "id": "audiences and claims use it: ministry-view, delegation-view, t-budapest, "
        "t-capacity, slows; change or remove those first"
    }
    value = ed.entry("values", "sovereignty").model_dump(by_alias=True, exclude_none=True)
    assert ed.update("values", "sovereignty", {**value, "id": "self-rule"}) == {}
    assert ed.update("claims", "reach", {**claim, "values": ["sovereign"]}) == {
        "values": "unknown value 'sovereign' (expected the id of an entry under values:)"
    }
    ed.save()
    text = path.read_text(encoding="utf-8")
    assert "# human rights unranked: incomparable" in text  # the comment survives
    assert "ranking: [[self-rule], [security, human-rights]]" in text
    again = read_map(path).map
    assert again.claim("reach").statement == "Edited."
    assert again.claim("reach").values == ["self-rule"]
    assert again.audience("ministry-view").ranking == [["security"], ["self-rule"]]


runner = CliRunner()


def test_check_quotes_checks_audience_quotes(tmp_path: Path) -> None:
    sources = FIXTURES / "values-sources"
    result = runner.invoke(app, ["check-quotes", str(VALUES_MAP), "--sources", str(sources)])
    assert result.exit_code == 0, result.stderr
    assert "13 of 13 quotes found" in result.output
    path = tmp_path / "values.yaml"
    path.write_text(
        VALUES_TEXT.replace("and sovereignty comes next", "and sovereignty is next"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check-quotes", str(path), "--sources", str(sources)])
    assert result.exit_code == 1
    line = line_of(VALUES_TEXT, "quote: our first duty")
    assert f"{path}:{line}:12: audiences[0].quote (ministry-view): quote not found" in result.stderr


def test_argdown_aif_graphml_and_json_keep_values_and_audiences(tmp_path: Path) -> None:
    from argmap.readwrite.aif import generate_aif, parse_aif
    from argmap.readwrite.argdown import generate_argdown, parse_argdown
    from argmap.readwrite.graphml import read_graphml, write_graphml

    m = read_map(VALUES_MAP).map
    for name, back in (
        ("argdown", parse_argdown(generate_argdown(m)).map),
        ("aif", parse_aif(generate_aif(m)).map),
        ("json", from_json(to_json(m))),
    ):
        assert back.values == m.values, name
        assert back.audiences == m.audiences, name
        assert {c.id: c.values for c in back.claims} == {c.id: c.values for c in m.claims}, name
    path = tmp_path / "m.graphml"
    write_graphml(m, path)
    assert read_graphml(path) == m
