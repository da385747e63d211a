"""Check that every claim's quote really occurs in its source's text.

A quote is found when it occurs in the text with runs of whitespace (line breaks
included) counted as one space; nothing else is forgiven. A source known second-hand
(``reported_in``) is checked against the text of the source that reports it. A quote not
found is shown with its closest passage, by the quote finder's engine
(:func:`argmap.products.quote_finder.closest_passage`).

A claim that records where its quote sits (``quote_at: [start, end]``, characters of the
text as read with universal newlines) is checked there: the text at those offsets must be
the quote, whitespace aside. A quote that moved (a source re-saved with an edit before it)
is reported as drifted, with where it is now, or the nearest passage and its offsets.

An audience's ``quote`` (where an actor states its priorities) is checked the same way,
against the text of the audience's ``source``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from argmap.limits import read_source_text
from argmap.model import ArgumentMap, suggest
from argmap.products.quote_finder import closest_passage

_SPACE = re.compile(r"\s+")


def normalize_space(text: str) -> str:
    """Return ``text`` with every run of whitespace turned into one space, stripped."""
    return _SPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class QuoteCheck:
    """The outcome for one quote: ``found``, or why not and the closest passage.

    ``section`` is ``"claims"`` or ``"audiences"``; ``claim_index`` and ``claim_id`` are the
    entry's position and id in that section.
    """

    claim_index: int
    claim_id: str
    text_file: str | None
    found: bool
    problem: str = ""
    closest: str = ""
    similarity: float = 0.0
    section: str = "claims"
    at: tuple[int, int] | None = None
    """Where the quote (or, for a miss, the closest passage) now is in the raw text."""
    drifted: bool = False
    """The claim's ``quote_at`` no longer holds its quote."""


def locate_quote(quote: str, text: str, near: int = 0) -> tuple[int, int] | None:
    """Return ``(start, end)`` of ``quote`` in ``text``, whitespace runs matching any
    whitespace, the occurrence nearest ``near`` when there are several; ``None`` if absent.

    >>> text = "It costs\\n too much. It costs too much!"
    >>> locate_quote("costs too much", text), locate_quote("costs too much", text, 30)
    ((3, 18), (23, 37))
    """
    words = quote.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        return None
    return min(spans, key=lambda span: abs(span[0] - near))


def quote_at_holds(quote: str, text: str, at: tuple[int, int]) -> bool:
    """Return whether ``text[start:end]`` is ``quote``, whitespace aside.

    >>> quote_at_holds("costs too much", "It costs\\ntoo much.", (3, 17))
    True
    """
    start, end = at
    return end <= len(text) and normalize_space(text[start:end]) == normalize_space(quote)


def text_file_of(argument_map: ArgumentMap, source_id: str) -> str | None:
    """Return the text file that holds a source's words, following ``reported_in``."""
    seen: set[str] = set()
    current: str | None = source_id
    while current is not None and current not in seen:
        seen.add(current)
        source = argument_map.source(current)
        if source.text_file:
            return source.text_file
        current = source.reported_in
    return None


def source_text(
    argument_map: ArgumentMap, source_id: str, sources_dir: str | os.PathLike[str]
) -> tuple[str, str]:
    """Return ``(file name, text)`` of a source's words, following ``reported_in``.

    Raises ``LookupError`` saying what is missing: the source, its text_file, or the file.
    """
    ids = [s.id for s in argument_map.sources]
    if source_id not in ids:
        raise LookupError(f"no source {source_id!r} in the map{suggest(source_id, ids)}")
    file_name = text_file_of(argument_map, source_id)
    if file_name is None:
        raise LookupError(
            f"source {source_id!r} has no text_file, and neither has any source it is "
            "reported in; add one to the source"
        )
    path = Path(sources_dir) / file_name
    if not path.is_file():
        raise LookupError(f"no file {file_name} in {sources_dir}")
    return file_name, read_source_text(path)


def check_quotes(
    argument_map: ArgumentMap, sources_dir: str | os.PathLike[str]
) -> list[QuoteCheck]:
    """Return one :class:`QuoteCheck` per claim, in map order, then one per quoted audience."""
    folder = Path(sources_dir)
    texts: dict[str, str | None] = {}
    raw: dict[str, str] = {}
    results = []
    quoted: list[tuple[str, int, str, str, str, tuple[int, int] | None]] = [
        ("claims", i, c.id, c.source, c.quote, c.quote_at)
        for i, c in enumerate(argument_map.claims)
    ]
    quoted += [
        ("audiences", i, a.id, a.source, a.quote, None)
        for i, a in enumerate(argument_map.audiences)
        if a.quote is not None and a.source is not None
    ]
    for section, index, entry_id, source_id, entry_quote, at in quoted:
        file_name = text_file_of(argument_map, source_id)
        if file_name is None:
            results.append(
                QuoteCheck(
                    index,
                    entry_id,
                    None,
                    False,
                    f"source {source_id!r} has no text_file, and neither has any "
                    "source it is reported in",
                    section=section,
                )
            )
            continue
        if file_name not in texts:
            path = folder / file_name
            if path.is_file():
                raw[file_name] = read_source_text(path)
                texts[file_name] = normalize_space(raw[file_name])
            else:
                texts[file_name] = None
        text = texts[file_name]
        if text is None:
            results.append(
                QuoteCheck(
                    index,
                    entry_id,
                    file_name,
                    False,
                    f"no file {file_name} in {folder}",
                    section=section,
                )
            )
            continue
        quote = normalize_space(entry_quote)
        if at is not None:
            results.append(_check_at(index, entry_id, file_name, quote, raw[file_name], at))
            continue
        if quote in text:
            results.append(QuoteCheck(index, entry_id, file_name, True, section=section))
        else:
            near = closest_passage(quote, text)
            closest, ratio = near.passage, near.score
            results.append(
                QuoteCheck(
                    index,
                    entry_id,
                    file_name,
                    False,
                    f"quote not found in {file_name}",
                    closest,
                    ratio,
                    section=section,
                )
            )
    return results


def _check_at(
    index: int, claim_id: str, file_name: str, quote: str, text: str, at: tuple[int, int]
) -> QuoteCheck:
    """Check a quote at its recorded offsets; on a drift, say where it is now."""
    if quote_at_holds(quote, text, at):
        return QuoteCheck(index, claim_id, file_name, True, at=at)
    start, end = at
    there = normalize_space(text[start:end]) if start < len(text) else ""
    shown = f'"{there[:80]}"' if there else "past the end of the text"
    moved = locate_quote(quote, text, near=start)
    if moved is not None:
        return QuoteCheck(
            index,
            claim_id,
            file_name,
            False,
            f"quote drifted in {file_name}: [{start}, {end}] now holds {shown}; the quote is "
            f"now at [{moved[0]}, {moved[1]}] (set quote_at: [{moved[0]}, {moved[1]}])",
            "",
            1.0,
            at=moved,
            drifted=True,
        )
    near = closest_passage(quote, text)
    return QuoteCheck(
        index,
        claim_id,
        file_name,
        False,
        f"quote drifted in {file_name} and is no longer in it: [{start}, {end}] now holds "
        f"{shown}; nearest match at [{near.start}, {near.end}]",
        near.passage,
        near.score,
        at=(near.start, near.end),
        drifted=True,
    )
