"""Find the passages of a source's text that ground a statement, ranked, with offsets.

The text is cut into sentences (pysbd, which keeps character offsets). Each sentence is
scored against the statement by meaning, with WordLlama's small embedding model (its
weights ship inside its wheel, so nothing is fetched), and by shared words, with BM25
(bm25s); the score is a weighted sum of the two, each scaled to [0, 1] over the text.
A statement in other words than the source is still found by the first; a statement that
reuses the source's rare words is helped by the second. ``bench/bench_quote_finder.py``
measures both against a labelled set.

For a quote that is *almost* verbatim (``check-quotes`` near misses),
:func:`closest_passage` takes the best-ranked sentences and aligns the quote inside each
with rapidfuzz, so the passage shown is the words that differ, not a whole sentence.

>>> text = "Cats sleep a lot. The treaty was signed in 2001 by thirty states. Dogs bark."
>>> best = find_passages("Many countries ratified the agreement early on.", text)[0]
>>> best.passage, text[best.start : best.end] == best.passage
('The treaty was signed in 2001 by thirty states.', True)
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wordllama.inference import WordLlamaInference

# The rest goes to BM25. On bench/bench_quote_finder.py the two tie at top-3 on paraphrases
# (88%), the embedding alone is ahead at top-1 (73% to 69%) and the mix on near misses of
# the map's quotes (99% to 97%), which is check-quotes' case.
MEANING_WEIGHT = 0.75
_WORD = re.compile(r"\w+")
_CLAUSE_END = re.compile(r"[,;:]\s+|\s+[\u2014\u2013-]\s+|\u2014")  # comma..., or a dash
LONG_SENTENCE = 30  # words; a longer sentence is also searched clause by clause


@dataclass(frozen=True)
class Passage:
    """A passage of a text: ``text[start:end] == passage``, and how well it grounds the
    statement (``score``, higher is better, at most 1)."""

    passage: str
    start: int
    end: int
    score: float

    def as_json(self) -> dict[str, Any]:
        return {"passage": self.passage, "start": self.start, "end": self.end,
                "score": round(self.score, 4)}  # fmt: skip


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of every sentence of ``text``, surrounding space trimmed.

    >>> text = "The U.S. signed. Russia did\\nnot!\\n\\nA title"
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['The U.S. signed.', 'Russia did\\nnot!', 'A title']
    """
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    # A lone line break is a wrapped line, not a sentence's end (pysbd takes it for one);
    # a space of the same length keeps the offsets.
    flat = re.sub(r"(?<!\n)\n(?!\n)", " ", text)
    spans = []
    cursor = 0
    for piece in segmenter.segment(flat):
        # pysbd's offsets are usually right; find() from the cursor makes sure of it.
        start = flat.find(piece.sent, cursor)
        if start < 0:
            continue
        end = start + len(piece.sent)
        cursor = end
        lead = len(piece.sent) - len(piece.sent.lstrip())
        trail = len(piece.sent) - len(piece.sent.rstrip())
        if end - trail > start + lead:
            spans.append((start + lead, end - trail))
    return spans


def clause_spans(text: str, start: int, end: int, min_words: int = 6) -> list[tuple[int, int]]:
    """Return the clauses of a long sentence ``text[start:end]``: runs between commas,
    semicolons, colons and dashes, each joined to the next until it has ``min_words``.

    >>> s = "It was signed by many states, but Russia objected; China did too, later."
    >>> [s[a:b] for a, b in clause_spans(s, 0, len(s), 3)]
    ['It was signed by many states', 'but Russia objected', 'China did too, later.']
    """
    spans: list[tuple[int, int]] = []
    a = start
    for cut in _CLAUSE_END.finditer(text, start, end):
        if len(text[a : cut.start()].split()) >= min_words:
            spans.append((a, cut.start()))
            a = cut.end()
    if spans and len(text[a:end].split()) < min_words:
        spans[-1] = (spans[-1][0], end)  # a short tail joins the clause before it
    elif a < end:
        spans.append((a, end))
    return spans if len(spans) > 1 else []


def model_cache_dir() -> Path:
    """Return the folder WordLlama loads its tokenizer from (made on first use).

    WordLlama's loader looks for ``tokenizer/`` beside its code while its wheel ships
    ``tokenizers/``; it also looks in a cache folder, so the shipped config is copied
    there. ``ARGMAP_CACHE`` overrides the place (default: the user's cache folder).
    """
    base = os.environ.get("ARGMAP_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    folder = root / "argmap" / "wordllama"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only home: any writable place will do
        folder = Path(tempfile.gettempdir()) / "argmap-wordllama"
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def load_model(cache_dir: Path | None = None) -> WordLlamaInference:
    """Load WordLlama's small model from its wheel, never from the network."""
    import wordllama
    from wordllama import WordLlama

    folder = cache_dir or model_cache_dir()
    shipped = Path(wordllama.__file__).parent / "tokenizers"
    target = folder / "tokenizers"
    target.mkdir(parents=True, exist_ok=True)
    for config in shipped.glob("*.json"):
        if not (target / config.name).exists():
            shutil.copyfile(config, target / config.name)
    return WordLlama.load(cache_dir=folder, disable_download=True)


@cache
def _model() -> WordLlamaInference:
    return load_model()


def _scaled(values: list[float]) -> list[float]:
    low, high = min(values), max(values)
    return [(v - low) / (high - low) if high > low else 0.0 for v in values]


def meaning_scores(statement: str, passages: list[str]) -> list[float]:
    """Return the cosine similarity in meaning of ``statement`` to each passage."""
    model = _model()
    vectors = model.embed([statement, *passages], norm=True)
    return [float(v) for v in vectors[1:] @ vectors[0]]


def word_scores(statement: str, passages: list[str]) -> list[float]:
    """Return each passage's BM25 score for the statement's words (English stopwords out)."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG
    corpus = bm25s.tokenize(passages, stopwords="en", show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(corpus, show_progress=False)
    words = [w.lower() for w in _WORD.findall(statement)]
    known = [w for w in words if w in corpus.vocab]
    if not known:
        return [0.0] * len(passages)
    return [float(s) for s in retriever.get_scores(known)]


def find_passages(
    statement: str, text: str, k: int = 5, *, meaning_weight: float = MEANING_WEIGHT
) -> list[Passage]:
    """Return up to ``k`` sentences of ``text`` that best ground ``statement``, best first.

    Ties keep text order, so the result is deterministic.
    """
    sentences = sentence_spans(text)
    if not sentences or not statement.strip():
        return []
    spans = list(sentences)
    for s, e in sentences:
        if len(text[s:e].split()) > LONG_SENTENCE:
            spans.extend(clause_spans(text, s, e))
    passages = [text[s:e] for s, e in spans]
    meaning = meaning_scores(statement, passages)
    words = _scaled(word_scores(statement, passages))
    # Meaning keeps its own scale (a cosine), so a text with no good passage scores low.
    scores = [meaning_weight * m + (1 - meaning_weight) * w * max(m, 0.0)
              for m, w in zip(meaning, words, strict=True)]  # fmt: skip
    order = sorted(range(len(spans)), key=lambda i: (-round(scores[i], 9), spans[i]))
    chosen: list[Passage] = []
    for i in order:  # best first, leaving out passages that overlap a better one
        s, e = spans[i]
        if all(e <= p.start or p.end <= s for p in chosen):
            chosen.append(Passage(passages[i], s, e, scores[i]))
            if len(chosen) == k:
                break
    return chosen


def align(quote: str, text: str, start: int = 0, end: int | None = None) -> Passage:
    """Return the run of whole words of ``text[start:end]`` most like ``quote``
    (rapidfuzz's ratio over runs of about the quote's length), with that similarity in
    [0, 1] as the score.

    >>> align("the quick brown cat", "A fox: the quick brown fox jumps.")
    Passage(passage='the quick brown fox', start=7, end=26, score=0.8421052631578947)
    """
    from rapidfuzz import fuzz, process

    end = len(text) if end is None else end
    words = [m.span() for m in re.finditer(r"\S+", text[start:end])]
    size = len(quote.split())
    runs: list[tuple[int, int]] = []
    for n in (max(1, size), size + 1):  # a quote that dropped a word still lines up
        runs.extend((words[i][0], words[i + n - 1][1]) for i in range(len(words) - n + 1))
    if not runs:
        return Passage("", start, start, 0.0)
    trim = "" if quote.rstrip().endswith(tuple(".,;:!?")) else ".,;:!?"
    choices = [text[start + a : start + b].rstrip(trim) for a, b in runs]
    # Ties go to the earliest run: extractOne keeps the first best.
    _, ratio, index = process.extractOne(quote, choices, scorer=fuzz.ratio)
    a = start + runs[index][0]
    return Passage(choices[index], a, a + len(choices[index]), ratio / 100)


def closest_passage(quote: str, text: str, candidates: int = 3) -> Passage:
    """Return the passage of ``text`` closest to a quote that is not found verbatim.

    The ``candidates`` best-ranked sentences (:func:`find_passages`) are each aligned with
    the quote; the most alike wins.
    """
    ranked = find_passages(quote, text, candidates)
    if not ranked:
        return Passage("", 0, 0, 0.0)
    aligned = [align(quote, text, p.start, p.end) for p in ranked]
    return max(aligned, key=lambda p: p.score)
