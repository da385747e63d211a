"""Argdown's upstream examples, imported and compared with Argdown 1.7.5's own JSON export.

The ``.argdown`` files are the examples of christianvoigt/argdown (MIT licence, see the
README beside them); ``argdown-1.7.5.json`` summarises what Argdown's own parser made of
them (``scripts/argdown_upstream.py``). From that summary the test derives, by argmap's
documented reading, the claims and relations argmap must produce:

- every statement (equivalence class) is a claim, and so is every argument without a
  premise-conclusion structure (Argdown draws it as a node);
- every inference step gives one support from each premise to its conclusion;
- a relation leaves an argument with a structure from its conclusion; a support of such
  an argument is a support of its conclusion; an attack on it undercuts the supports of
  its last step; a contradiction is two attacks; ``contrary`` is an attack, ``entails`` a
  support;
- an undercut undercuts the relations its target argument (or inference) became, and
  attacks an argument that relates to nothing;
- relations with the same type and ends are one relation.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from argmap.readwrite.argdown import parse_argdown

UPSTREAM = Path(__file__).parents[1] / "fixtures" / "argdown-upstream"
SUMMARY: dict[str, Any] = json.loads((UPSTREAM / "argdown-1.7.5.json").read_text())
# The 63 code blocks of Argdown's syntax page, each with Argdown 1.7.5's reading of it.
SYNTAX: dict[str, Any] = json.loads((UPSTREAM / "syntax-page.json").read_text())

Triple = tuple[str, Any, Any]


def expected(summary: dict[str, Any]) -> tuple[int, set[Triple]]:
    """Return the number of claims and the relations argmap should make of ``summary``."""
    arguments = summary["arguments"]
    nodes = len(summary["statements"]) + sum(1 for a in arguments.values() if not a["steps"])

    def node(kind: str, title: str) -> Any:
        steps = arguments[title]["steps"] if kind == "argument" else []
        return ("s", steps[-1]["conclusion"]) if steps else (kind[0], title)

    def step_links(title: str, n: int) -> list[Triple]:
        step = arguments[title]["steps"][n]
        return [
            ("supports", ("s", p), ("s", step["conclusion"]))
            for p in step["premises"]
            if p != step["conclusion"]
        ]

    relations: set[Triple] = set()
    for title, argument in arguments.items():
        for n in range(len(argument["steps"])):
            relations.update(step_links(title, n))
    undercuts: list[list[str]] = []
    for rel in summary["relations"]:
        type_, from_type, from_, to_type, to = rel[:5]
        source = node(from_type, from_)
        reconstructed = to_type == "argument" and arguments[to]["steps"]
        if type_ == "undercut" or (type_ == "attack" and (reconstructed or to_type == "inference")):
            undercuts.append(rel)
            continue
        target = node(to_type, to)
        kind = {"support": "supports", "entails": "supports"}.get(type_, "attacks")
        if source != target:
            relations.add((kind, source, target))
            if type_ == "contradictory":
                relations.add((kind, target, source))
    for _, from_type, from_, to_type, to, *step in undercuts:
        source = node(from_type, from_)
        if to_type == "inference":
            links = step_links(to, int(step[0]))
        elif arguments[to]["steps"]:
            links = step_links(to, len(arguments[to]["steps"]) - 1)
        else:
            links = [r for r in relations if r[1] == ("a", to) and r[0] != "undercuts"]
            if not links:  # an argument that relates to nothing: the undercut attacks it
                relations.add(("attacks", source, ("a", to)))
        relations.update(("undercuts", source, link) for link in links)
    return nodes, relations


@pytest.mark.parametrize("stem", sorted(SUMMARY))
def test_upstream_example_matches_argdowns_own_reading(stem: str) -> None:
    result = parse_argdown((UPSTREAM / f"{stem}.argdown").read_text(), f"{stem}.argdown")
    claims, relations = expected(SUMMARY[stem])
    ours = result.map
    assert len(ours.claims) == claims
    assert Counter(r.type.value for r in ours.relations) == Counter(r[0] for r in relations)
    assert not any("\x00" in str(w) for w in result.warnings)


@pytest.mark.parametrize("block", sorted(SYNTAX))
def test_syntax_page_block_matches_argdowns_own_reading(block: str) -> None:
    result = parse_argdown(SYNTAX[block]["text"], f"{block}.argdown")
    claims, relations = expected(SYNTAX[block]["argdown"])
    assert len(result.map.claims) == claims
    assert Counter(r.type.value for r in result.map.relations) == Counter(r[0] for r in relations)


def test_expected_counts_are_the_documented_ones() -> None:
    """The table in docs/formats.md: upstream counts beside argmap's."""
    rows = {stem: (len(s["statements"]), len(s["relations"])) for stem, s in SUMMARY.items()}
    assert rows["legalisation-softdrugs"] == (1, 19)
    assert expected(SUMMARY["legalisation-softdrugs"])[0] == 18
    assert len(expected(SUMMARY["legalisation-softdrugs"])[1]) == 19
