"""Validation of map files: one test per kind of bad input, each checking the located error."""

from __future__ import annotations

import pytest

from argmap.model import ArgumentMap
from argmap.problems import MapFileError, Problem
from argmap.store.yaml_map import read_map_text
from tests.conftest import SMALL_MAP


def problems(text: str) -> list[Problem]:
    with pytest.raises(MapFileError) as info:
        read_map_text(text, "m.yaml")
    return info.value.problems


def edit(old: str, new: str) -> str:
    assert SMALL_MAP.count(old) == 1, old
    return SMALL_MAP.replace(old, new)


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def only(found: list[Problem]) -> Problem:
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]


def test_small_map_is_valid() -> None:
    m = read_map_text(SMALL_MAP, "m.yaml").map
    assert [c.id for c in m.claims] == ["join", "too-costly", "cheap-enough"]
    assert m.sources[0].date == "2011"  # a bare YAML year is read as a partial date


def test_unknown_field_names_the_closest_field() -> None:
    text = edit("    quote: a small cost\n", "    quote: a small cost\n    tag: [x]\n")
    p = only(problems(text))
    assert (p.line, p.col, p.path) == (line_of(text, "    tag: [x]"), 5, "claims[2].tag")
    assert "unknown field 'tag'; did you mean 'tags'?" in p.message
    assert str(p).startswith(f"m.yaml:{p.line}:5: claims[2].tag: ")


def test_missing_field_points_at_the_entry() -> None:
    text = edit("    quote: a small cost\n", "")
    p = only(problems(text))
    assert p.path == "claims[2].quote"
    assert p.line == line_of(text, "  - id: cheap-enough")
    assert "missing required field 'quote'" in p.message


def test_wrong_enum_value_suggests_the_right_one() -> None:
    text = edit("    kind: evidence\n", "    kind: evidense\n")
    p = only(problems(text))
    assert (p.line, p.col, p.path) == (line_of(text, "kind: evidense"), 11, "claims[2].kind")
    assert "did you mean 'evidence'?" in p.message and "'thesis'" in p.message


def test_bad_id_format() -> None:
    text = edit("  - id: jo\n", "  - id: Jo Author\n")
    found = problems(text)
    assert found[0].path == "actors[0].id"
    assert "not a valid id" in found[0].message and "'jo-author'" in found[0].message


def test_bad_partial_date() -> None:
    text = edit("    date: 2011\n", "    date: 2011-13\n")
    p = only(problems(text))
    assert (p.path, p.line) == ("sources[0].date", line_of(text, "date: 2011-13"))
    assert "not a real date" in p.message


def test_wrong_type() -> None:
    text = edit("    tags: [policy]\n", "    tags: policy\n")
    p = only(problems(text))
    assert p.path == "claims[0].tags" and "list" in p.message


def test_duplicate_id_across_sections() -> None:
    text = edit("  - id: gov\n", "  - id: join\n").replace("actor: gov", "actor: join")
    p = only(problems(text))
    assert p.path == "claims[0].id"
    assert "duplicate id 'join', already used at actors[1]" in p.message


def test_unknown_reference_names_the_nearest_id() -> None:
    text = edit("    source: paper-2011\n", "    source: paper-2101\n")
    p = only(problems(text))
    assert (p.line, p.col) == (line_of(text, "source: paper-2101"), 13)
    assert "unknown source 'paper-2101'; did you mean 'paper-2011'?" in p.message


def test_reference_to_an_id_of_the_wrong_kind() -> None:
    text = edit("    actor: jo\n", "    actor: paper-2011\n")
    p = only(problems(text))
    assert p.path == "claims[1].actor"
    assert "'paper-2011' is an id under sources:, but this field needs an actor" in p.message


def test_claim_relating_to_itself() -> None:
    text = edit("    to: join\n", "    to: too-costly\n")
    p = only(problems(text))
    assert p.path == "relations[0].to" and "cannot attack itself" in p.message


def test_undercut_whose_target_is_not_a_relation() -> None:
    text = edit("    to: r-cost\n", "    to: join\n")
    p = only(problems(text))
    assert p.path == "relations[1].to"
    assert "an undercut must target a relation, but 'join' is a claim" in p.message


def test_reported_in_cycle() -> None:
    text = edit("    text_file: article.txt\n", "    reported_in: paper-2011\n")
    p = only(problems(text))
    assert "reported_in forms a cycle" in p.message


def test_yaml_syntax_error_is_located() -> None:
    text = edit("    statement: The cost is small.\n", "    statement: The cost: small\n")
    p = only(problems(text))
    assert p.line == line_of(text, "The cost: small") and p.path == ""
    assert p.message.startswith("YAML syntax:") and "must be quoted" in p.message


def test_duplicate_yaml_key() -> None:
    text = edit("    kind: thesis\n", "    kind: thesis\n    kind: claim\n")
    p = only(problems(text))
    assert p.line == line_of(text, "    kind: claim") and "duplicate" in p.message


def test_not_a_mapping() -> None:
    assert "must be a mapping" in only(problems("- just\n- a list\n")).message
    assert "an empty file" in only(problems("")).message


def test_every_problem_is_reported_at_once_in_file_order() -> None:
    text = (
        edit("    kind: evidence\n", "    kind: evidense\n")
        .replace("    source: paper-2011\n", "    source: nosuch\n")
        .replace("    to: join\n", "    to: joinn\n")
        .replace("    kind: government\n", "    kind: government\n    colour: red\n")
    )
    found = problems(text)
    assert [p.path for p in found] == [
        "actors[1].colour",
        "claims[1].source",
        "claims[2].kind",
        "relations[0].to",
    ]
    assert [p.line for p in found] == sorted(p.line for p in found)
    # A reference to an entry that is itself invalid is not reported a second time.
    assert not any("cheap-enough" in p.message for p in found)


def test_model_validate_enforces_references_in_code() -> None:
    data = read_map_text(SMALL_MAP).map.model_dump(by_alias=True)
    data["claims"][0]["actor"] = "nobody"
    with pytest.raises(ValueError, match=r"claims\[0\]\.actor: unknown actor 'nobody'"):
        ArgumentMap.model_validate(data)
