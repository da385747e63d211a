"""Argdown import and export: sample files, located errors and warnings, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.model import ArgumentMap
from argmap.problems import MapFileError
from argmap.readwrite.argdown import generate_argdown, parse_argdown
from argmap.store.yaml_map import read_map
from tests.conftest import CYBERCRIME_MAP

FIXTURES = Path(__file__).parents[1] / "fixtures" / "formats"


def triples(argument_map: ArgumentMap) -> set[tuple[str, str, str]]:
    return {(r.from_, r.type.value, r.to) for r in argument_map.relations}


def by_id(argument_map: ArgumentMap) -> dict[str, dict]:
    data = argument_map.model_dump(mode="json", by_alias=True)
    data["relations"] = sorted(data["relations"], key=lambda r: r["id"])
    return data


def test_sample_file_maps_statements_relations_tags_headings_and_front_matter() -> None:
    result = parse_argdown((FIXTURES / "argdown-basic.argdown").read_text(), "basic.argdown")
    m = result.map
    assert (m.title, m.question) == ("Should cities ban cars?", "A small debate in Argdown")
    assert m.sources[0].authors == ["Demo Author"] and m.actors[0].name == "Demo Author"
    claims = {c.id: c for c in m.claims}
    assert claims["ban"].tags == ["policy", "health"]  # a tag, then the heading as a tag
    assert claims["electric"].tags == ["clean-tech", "health"]
    assert claims["pollution"].statement == claims["pollution"].quote
    assert claims["jobs"].statement == "A ban would cost jobs in the car trade."
    undercut = next(r for r in m.relations if r.type.value == "undercuts")
    assert undercut.from_ == "retrain"
    assert m.relation(undercut.to).from_ == "jobs"
    assert triples(m) >= {
        ("pollution", "supports", "ban"),
        ("electric", "attacks", "pollution"),
        ("jobs", "attacks", "ban"),
        ("ban", "attacks", "keep"),  # a contradiction is an attack both ways
        ("keep", "attacks", "ban"),
        ("shops", "supports", "shops-lose"),  # premises support the conclusion
        ("a-ban-keeps-those-customers-away", "supports", "shops-lose"),
        ("shops-lose", "attacks", "ban"),  # an argument's relation leaves from its conclusion
    }
    assert [(w.line, w.col) for w in result.warnings] == [(5, 1), (25, 1), (29, 1), (33, 1)]
    messages = [w.message for w in result.warnings]
    assert "'color'" in messages[0] and "jointly" in messages[2]
    assert "defined with another text at line 17" in messages[3]


def test_syntax_errors_are_all_reported_with_their_lines() -> None:
    text = (FIXTURES / "argdown-errors.argdown").read_text()
    with pytest.raises(MapFileError) as info:
        parse_argdown(text, "errors.argdown")
    assert [(p.line, p.col) for p in info.value.problems] == [(2, 1), (5, 3), (8, 1)]
    assert "nothing to relate to" in info.value.problems[0].message
    assert "to nothing" in info.value.problems[1].message


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("[A]: a\n/* never closed\n", 2, "never closed"),
        ("===\ntitle: x\n", 1, "never closed"),
        ("===\ntitle: [x\n===\n", 2, "not YAML"),
        ("[A]: a {bad: [}\n", 1, "not YAML"),
        ("<A>\n\n(1) p\n----\n", 4, "no conclusion"),
        ("<A>\n\n(1) p\n-- {uses: [7]} --\n(2) c\n", 4, "uses (7)"),
    ],
)
def test_more_located_errors(text: str, line: int, fragment: str) -> None:
    with pytest.raises(MapFileError) as info:
        parse_argdown(text, "x.argdown")
    assert info.value.problems[0].line == line
    assert fragment in info.value.problems[0].message


def test_warnings_for_what_argmap_cannot_express() -> None:
    text = (
        "[S]: A statement.\n"
        "  _ [T]: An undercut of a statement.\n"
        "\n"
        "<A>: Arg.\n"
        "  + [P]: premise\n"
        "  +> [S]\n"
        "  - [W]: attacks an argument\n"
    )
    result = parse_argdown(text, "x.argdown")
    assert [(w.line, w.message.split(",")[0]) for w in result.warnings] == [
        (2, "an undercut attacks an argument's inference"),
    ]
    # An argument with text is a node in Argdown, so a claim here, with its relations.
    assert triples(result.map) == {
        ("p", "supports", "a"),
        ("a", "supports", "s"),
        ("w", "attacks", "a"),
    }
    assert result.map.claim("a").statement == "Arg."


def test_argument_without_text_between_statements_is_their_relation() -> None:
    text = "<A> {note: why}\n  + [P]: premise\n  +> [S]: conclusion\n  <_ [U]: undercut\n"
    m = parse_argdown(text, "w.argdown").map
    assert [c.id for c in m.claims] == ["p", "s", "u"]
    assert triples(m) == {("p", "supports", "s"), ("u", "undercuts", "a")}
    assert m.relation("a").note == "why"


def test_argdown_in_markdown_comments_links_and_escapes() -> None:
    text = (
        "# Notes\n\nSome prose [not](a statement).\n\n```argdown\n"
        "[A]: See [the report](https://example.org/x) \\#1 // a comment\n"
        "  - [B]: Multi\n"
        "    line.\n"
        "```\n"
    )
    m = parse_argdown(text, "notes.md").map
    assert [(c.id, c.statement) for c in m.claims] == [
        ("a", "See [the report](https://example.org/x) #1"),
        ("b", "Multi line."),
    ]


def test_export_is_argdown_with_data_blocks_and_argument_for_undercut_relation() -> None:
    m = read_map(CYBERCRIME_MAP).map
    text = generate_argdown(m)
    assert text.startswith("===\ntitle: ")
    undercut = next(r for r in m.relations if r.type.value == "undercuts")
    assert f"\n<{undercut.to}>" in text and f"_> <{undercut.to}>" in text
    claim = m.claims[0]
    assert f"[{claim.id}]: " in text and "quote: " in text


def test_cybercrime_map_round_trips_through_argdown_without_loss() -> None:
    m = read_map(CYBERCRIME_MAP).map
    result = parse_argdown(generate_argdown(m), "cyber.argdown")
    assert result.warnings == []
    assert by_id(result.map) == by_id(m)


def test_a_short_label_and_quote_offsets_round_trip() -> None:
    m = read_map(CYBERCRIME_MAP).map
    first = m.claims[1].model_copy(update={"label": "Short title", "quote_at": (10, 25)})
    m = m.model_copy(update={"claims": [m.claims[0], first, *m.claims[2:]]})
    result = parse_argdown(generate_argdown(m), "cyber.argdown")
    assert result.warnings == []
    again = result.map.claims[1]
    assert (again.label, tuple(again.quote_at or ())) == ("Short title", (10, 25))


def test_round_trip_of_awkward_text() -> None:
    texts = [
        "See [1] and [x](http://a.b/c) #not-a-tag {not: data} <arg> @[m]",
        "Path C:\\dir and 2*3*4 and snake_case // not a comment /* nor */",
        "Shortcodes .A. and :happy: and U.S. -- <!-- c -->",
        "Two  spaces\nand a newline}",
        "Ends with backslash \\",
    ]
    m = ArgumentMap.model_validate(
        {
            "title": "T === x",
            "question": "Q?",
            "description": "a\n===\nb",
            "sources": [{"id": "s", "title": "S", "kind": "article"}],
            "actors": [{"id": "a", "name": "A", "kind": "person"}],
            "claims": [
                {
                    "id": f"c{i}",
                    "statement": t,
                    "source": "s",
                    "actor": "a",
                    "quote": t,
                    "note": t,
                    "tags": ["x-1"],
                    "base_score": 0.25,
                }
                for i, t in enumerate(texts)
            ],
            "relations": [
                {"id": "r1", "type": "supports", "from": "c1", "to": "c0", "note": "n {x} #t"},
                {"id": "r2", "type": "undercuts", "from": "c2", "to": "r1", "note": "two\nlines"},
                {"id": "r3", "type": "undercuts", "from": "c3", "to": "r2"},
                {"id": "r4", "type": "attacks", "from": "c4", "to": "c3"},
            ],
        }
    )
    assert by_id(parse_argdown(generate_argdown(m)).map) == by_id(m)
