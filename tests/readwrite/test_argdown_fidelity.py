"""Argdown that Argdown's own parser reads, which argmap once rejected or mis-read (issue 15).

Each test is a small file of its own for one construct of the Argdown syntax page.
"""

from __future__ import annotations

from argmap.model import ArgumentMap
from argmap.readwrite.argdown import parse_argdown


def triples(m: ArgumentMap) -> set[tuple[str, str, str]]:
    return {(r.from_, r.type.value, r.to) for r in m.relations}


def undercut_links(m: ArgumentMap) -> set[tuple[str, tuple[str, str]]]:
    return {
        (r.from_, (m.relation(r.to).from_, m.relation(r.to).to))
        for r in m.relations
        if r.type.value == "undercuts"
    }


def test_multi_line_inference_rule() -> None:
    text = (
        "<Modus>\n\n"
        "(1) [P]: If it rains, the street is wet.\n"
        "(2) [Q]: It rains.\n"
        "(3) [Idle]: Unused.\n"
        "--\n"
        "Modus ponens\n"
        "{uses: [1, 2]}\n"
        "--\n"
        "(4) [C]: The street is wet.\n"
    )
    m = parse_argdown(text, "x.argdown").map
    assert triples(m) == {("p", "supports", "c"), ("q", "supports", "c")}
    assert {c.id for c in m.claims} == {"p", "q", "idle", "c"}


def test_html_comments_on_their_own_lines_are_no_blank_lines() -> None:
    text = (
        "[A]: First line of A\n"
        "<!-- a comment\n"
        "     over two lines -->\n"
        "and its second line.\n"
        "  + [B]: Supports A.\n"
        "  <!-- another -->\n"
        "  - [C]: Attacks A.\n"
        "// a line comment\n"
        "  + [D]: Supports A too.\n"
    )
    m = parse_argdown(text, "x.argdown").map
    assert m.claim("a").statement == "First line of A and its second line."
    assert triples(m) == {("b", "supports", "a"), ("c", "attacks", "a"), ("d", "supports", "a")}


def test_relation_written_from_both_ends_is_one_relation() -> None:
    text = "[A]: a\n  + [B]: b\n\n[B]\n  +> [A]\n\n[A]\n  <+ [B]\n"
    m = parse_argdown(text, "x.argdown").map
    assert [(r.from_, r.type.value, r.to) for r in m.relations] == [("b", "supports", "a")]


def test_multi_line_yaml_data_block() -> None:
    text = (
        "[A]: A statement. {kind: thesis,\n"
        "  note: 'kept over\n"
        "    two lines'\n"
        "  }\n"
        "  + [B]: b {kind: evidence}\n"
    )
    m = parse_argdown(text, "x.argdown").map
    assert m.claim("a").kind.value == "thesis" and m.claim("a").note == "kept over two lines"
    assert m.claim("b").kind.value == "evidence"
    assert triples(m) == {("b", "supports", "a")}


PCS = "<A>\n\n(1) [P1]: p1\n(2) [P2]: p2\n----\n"


def test_undercut_under_an_inference_bar() -> None:
    text = PCS.replace("----\n", "----\n    <_ [U]: The inference fails.\n") + "(3) [C]: c\n"
    m = parse_argdown(text, "x.argdown").map
    assert undercut_links(m) == {("u", ("p1", "c")), ("u", ("p2", "c"))}


def test_undercut_below_a_conclusion_undercuts_its_inference() -> None:
    text = PCS + "(3) [C]: c\n    <_ [U]: The inference fails.\n    +> [D]: d\n"
    result = parse_argdown(text, "x.argdown")
    assert undercut_links(result.map) == {("u", ("p1", "c")), ("u", ("p2", "c"))}
    assert ("c", "supports", "d") in triples(result.map)


def test_undercut_of_an_untitled_statement_is_named_by_its_line_not_a_nul() -> None:
    result = parse_argdown("Plain statement.\n  _ [U]: u\n", "x.argdown")
    (warning,) = result.warnings
    assert "\x00" not in str(warning) and "the statement at line 1" in warning.message


def test_undercut_of_a_multi_step_argument_targets_its_step() -> None:
    text = (
        "<A>\n\n(1) [S1]: s1\n(2) [S2]: s2\n----\n    <_ <B>: b\n(3) [S3]: s3\n"
        "(4) [S4]: s4\n----\n(5) [S5]: s5\n"
    )
    m = parse_argdown(text, "x.argdown").map
    assert undercut_links(m) == {("b", ("s1", "s3")), ("b", ("s2", "s3"))}


def test_undercuts_between_arguments_with_no_content() -> None:
    text = (
        "[T]: thesis\n  + <A>\n    <_ <B>\n\n"  # B undercuts A's support of T
        "<C>\n  <_ <D>\n"  # C relates to nothing: D's undercut becomes an attack on it
    )
    result = parse_argdown(text, "x.argdown")
    m = result.map
    assert undercut_links(m) == {("b", ("a", "t"))}
    assert ("d", "attacks", "c") in triples(m)
    assert any("recorded as an attack" in w.message for w in result.warnings)


def test_list_items_are_claims_of_their_own() -> None:
    text = "* [One]: The first item.\n* [Two]: The second item.\n1. Third, numbered.\n"
    m = parse_argdown(text, "x.argdown").map
    assert [(c.id, c.statement) for c in m.claims] == [
        ("one", "The first item."),
        ("two", "The second item."),
        ("third-numbered", "Third, numbered."),
    ]


def test_multi_line_heading_is_one_heading() -> None:
    text = "# A heading that goes\non over a second line\n\n[A]: a\n"
    m = parse_argdown(text, "x.argdown").map
    assert [c.id for c in m.claims] == ["a"]
    assert m.claim("a").tags == ["a-heading-that-goes-on-over-a-second-line"]


def test_include_is_a_located_warning_not_a_claim() -> None:
    result = parse_argdown("@include(_partial1.argdown)\n\n[A]: a\n", "x.argdown")
    assert [c.id for c in result.map.claims] == ["a"]
    (warning,) = result.warnings
    assert (warning.line, warning.col) == (1, 1) and "_partial1.argdown" in warning.message


def test_statement_supports_a_reconstructed_argument() -> None:
    text = (
        "<A>\n\n(1) [P]: p\n----\n(2) [C]: c\n\n"
        "[S]: s\n  +> <A>\n  -> <B>\n\n"
        "<B>\n\n(1) [Q]: q\n----\n(2) [D]: d\n"
    )
    m = parse_argdown(text, "x.argdown").map
    support = next(r for r in m.relations if (r.from_, r.to) == ("s", "c"))
    assert support.type.value == "supports" and "supports the argument <A>" in (support.note or "")
    assert undercut_links(m) == {("s", ("q", "d"))}


def test_argument_attacks_argument() -> None:
    text = "[T]: t\n  + <A>: a\n    - <B>: b\n      -> <C>: c\n"
    m = parse_argdown(text, "x.argdown").map
    assert triples(m) == {("a", "supports", "t"), ("b", "attacks", "a"), ("b", "attacks", "c")}
    assert [c.id for c in m.claims] == ["t", "a", "b", "c"]


def test_yaml_block_format_data() -> None:
    """A ``{`` that ends its line opens YAML in block style, closed by a line ``}``."""
    text = "[Slogan]: God is dead. {\nkind: thesis\nnote: |\n  Two lines,\n  kept.\n}\n  + [B]: b\n"
    m = parse_argdown(text, "x.argdown").map
    assert (m.claim("slogan").kind.value, m.claim("slogan").note) == ("thesis", "Two lines,\nkept.")
    assert triples(m) == {("b", "supports", "slogan")}
