"""Kialo discussion export import: a sample with links and CRLF, and located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.problems import MapFileError
from argmap.readwrite.kialo import parse_kialo

FIXTURES = Path(__file__).parents[1] / "fixtures" / "formats"


def test_sample_with_see_links_markdown_footnotes_and_crlf() -> None:
    raw = (FIXTURES / "kialo-cars.txt").read_bytes().decode("utf-8")
    assert "\r\n" in raw
    result = parse_kialo(raw, "cars.txt")
    m = result.map
    assert m.title == m.question == "Should cities ban cars from their centres?"
    thesis, pollute, electric, tyres, jobs = m.claims
    assert thesis.kind.value == "thesis" and pollute.kind.value == "claim"
    assert pollute.statement.endswith("[the WHO report](https://www.who.int/air) [1].")
    assert tyres.statement == "Tyre and brake wear still emit particles [2]."
    assert [(r.from_, r.type.value, r.to) for r in m.relations] == [
        (pollute.id, "supports", thesis.id),
        (electric.id, "attacks", pollute.id),
        (tyres.id, "attacks", electric.id),
        (jobs.id, "attacks", thesis.id),
        (tyres.id, "supports", jobs.id),  # 1.2.1. Pro: -> See 1.1.1.1.
        (electric.id, "attacks", thesis.id),  # 1.3. Con: -> See 1.1.1.
    ]
    assert electric.note == "Kialo 1.1.1"
    assert result.warnings == []


def test_every_malformed_line_is_reported_with_its_line() -> None:
    text = (FIXTURES / "kialo-errors.txt").read_text()
    with pytest.raises(MapFileError) as info:
        parse_kialo(text, "errors.txt")
    assert [(p.line, p.message.split(" ")[0]) for p in info.value.problems] == [
        (5, "expected"),  # 1.2 Con missing dot and colon
        (6, "claim"),  # 1.1.1. Maybe: not a stance -> needs 'Pro:' or 'Con:'
        (7, "claim"),  # no parent 1.4
        (8, "claim"),  # numbered twice
        (9, "link"),  # link to a missing claim
    ]


def test_repeated_relation_is_a_warning() -> None:
    result = parse_kialo("1. T\n1.1. Pro: A\n1.2. Pro: -> See 1.1.\n")
    assert [(w.line, "repeats" in w.message) for w in result.warnings] == [(3, True)]
    assert len(result.map.relations) == 1
