"""The labelled statements for the quote finder (tests and bench/bench_quote_finder.py).

Each case is a statement in other words than its text, and the passage of the text that
grounds it; a ranking hits when a passage it returns overlaps that passage.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import SOURCES

FOLDER = Path(__file__).parent / "fixtures" / "quote_finder"


@dataclass(frozen=True)
class Case:
    statement: str
    text: str
    start: int  # the grounding passage is text[start:end]
    end: int


def span_of(passage: str, text: str) -> tuple[int, int]:
    """Where ``passage`` is in ``text``, any run of whitespace (no-break spaces too) alike."""
    pattern = r"\s+".join(re.escape(word) for word in passage.split())
    match = re.search(pattern, text)
    if match is None:
        raise ValueError(f"not in the text: {passage!r}")
    return match.span()


def self_contained_cases() -> list[Case]:
    data = json.loads((FOLDER / "self_contained.json").read_text(encoding="utf-8"))
    text = data["text"]
    return [Case(c["statement"], text, *span_of(c["grounding"], text)) for c in data["cases"]]


def article_cases(sources: Path = SOURCES) -> list[Case]:
    """The cases on the three articles; needs their text (shared/sources)."""
    data = json.loads((FOLDER / "articles.json").read_text(encoding="utf-8"))
    texts = {
        f: (sources / f).read_text(encoding="utf-8") for f in {c["file"] for c in data["cases"]}
    }
    return [
        Case(c["statement"], texts[c["file"]], *span_of(c["grounding"], texts[c["file"]]))
        for c in data["cases"]
    ]


Ranker = Callable[[str, str], Sequence[tuple[int, int]]]


def hit_ranks(cases: list[Case], rank: Ranker) -> list[int | None]:
    """The 1-based rank of the first returned span overlapping each case's grounding."""
    ranks: list[int | None] = []
    for case in cases:
        found = None
        for i, (start, end) in enumerate(rank(case.statement, case.text), 1):
            if start < case.end and case.start < end:
                found = i
                break
        ranks.append(found)
    return ranks


def accuracy(ranks: list[int | None], k: int) -> float:
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)
