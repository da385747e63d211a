"""How often the quote finder puts the grounding passage first and in its top 3, on the
labelled paraphrases of tests/fixtures/quote_finder, and on near misses of the map's quotes
(check-quotes' case), beside BM25 alone, fuzzy matching alone and the embedding alone, over
the same candidate passages in the same run.

    .venv/bin/python bench/bench_quote_finder.py [--rounds 3]

The article set needs shared/sources (or $ARGMAP_SOURCES); without it only the
self-contained set is measured. Times are medians per statement, warm (model loaded).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from argmap.products.quote_finder import find_passages, sentence_spans  # noqa: E402
from tests.conftest import SOURCES  # noqa: E402
from tests.quote_cases import (  # noqa: E402
    Case,
    accuracy,
    article_cases,
    hit_ranks,
    self_contained_cases,
)

Spans = list[tuple[int, int]]


def finder(weight: float) -> Callable[[str, str], Spans]:
    def rank(statement: str, text: str) -> Spans:
        return [(p.start, p.end) for p in find_passages(statement, text, 5, meaning_weight=weight)]

    return rank


def fuzzy(statement: str, text: str) -> Spans:
    """rapidfuzz's token_set_ratio of the statement to each sentence."""
    from rapidfuzz import fuzz

    spans = sentence_spans(text)
    scores = [fuzz.token_set_ratio(statement, text[s:e]) for s, e in spans]
    order = sorted(range(len(spans)), key=lambda i: (-scores[i], i))
    return [spans[i] for i in order[:5]]


def bm25(statement: str, text: str) -> Spans:
    """bm25s over the sentences, English stopwords out."""
    from argmap.products.quote_finder import word_scores

    spans = sentence_spans(text)
    scores = word_scores(statement, [text[s:e] for s, e in spans])
    order = sorted(range(len(spans)), key=lambda i: (-scores[i], i))
    return [spans[i] for i in order[:5]]


RANKERS: dict[str, Callable[[str, str], Spans]] = {
    "finder (meaning 0.75 + BM25)": finder(0.75),
    "embedding alone (WordLlama)": finder(1.0),
    "BM25 alone (bm25s, baseline)": bm25,
    "fuzzy alone (rapidfuzz, baseline)": fuzzy,
}


def measure(name: str, cases: list[Case], rounds: int) -> None:
    print(f"\n{name}: {len(cases)} statements")
    print(f"  {'ranker':<36} {'top-1':>6} {'top-3':>6} {'median ms':>10}")
    for label, rank in RANKERS.items():
        times: list[float] = []
        ranks: list[int | None] = []
        for _ in range(rounds):
            ranks = []
            for case in cases:
                t = time.perf_counter()
                ranks.extend(hit_ranks([case], rank))
                times.append((time.perf_counter() - t) * 1000)
        print(f"  {label:<36} {accuracy(ranks, 1):>6.0%} {accuracy(ranks, 3):>6.0%} "
              f"{statistics.median(times):>10.1f}")  # fmt: skip


def near_miss_cases() -> list[Case]:
    """The map's quotes, each with one word dropped and one misspelt (a fixed seed): what
    ``check-quotes`` meets when a quote was copied carelessly."""
    import random

    from argmap.products.quotes import text_file_of
    from argmap.store.yaml_map import read_map
    from tests.conftest import CYBERCRIME_MAP
    from tests.quote_cases import span_of

    m = read_map(CYBERCRIME_MAP).map
    rng = random.Random(1)
    cases = []
    for claim in m.claims:
        name = text_file_of(m, claim.source)
        words = claim.quote.split()
        if name is None or len(words) < 4:
            continue
        text = (SOURCES / name).read_text(encoding="utf-8")
        start, end = span_of(claim.quote, text)
        words.pop(rng.randrange(len(words)))
        k = rng.randrange(len(words))
        words[k] = words[k][:-1] + ("y" if words[k].endswith("x") else "x")
        cases.append(Case(" ".join(words), text, start, end))
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    find_passages("warm up", "The model loads once. Then it is fast.")
    if SOURCES.is_dir():
        measure("three articles (shared/sources)", article_cases(), args.rounds)
        measure("near misses of the map's quotes", near_miss_cases(), 1)
    else:
        print(f"no {SOURCES}: the article set is skipped")
    measure("self-contained text", self_contained_cases(), args.rounds)


if __name__ == "__main__":
    main()
