"""Check that every claim's quote really occurs in its source's text.

A quote is found when it occurs in the text with runs of whitespace (line breaks
included) counted as one space; nothing else is forgiven. A source known second-hand
(``reported_in``) is checked against the text of the source that reports it. A quote not
found is shown with its closest passage, by the quote finder's engine
(:func:`argmap.products.quote_finder.closest_passage`).

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
    results = []
    quoted = [("claims", i, c.id, c.source, c.quote) for i, c in enumerate(argument_map.claims)]
    quoted += [
        ("audiences", i, a.id, a.source, a.quote)
        for i, a in enumerate(argument_map.audiences)
        if a.quote is not None and a.source is not None
    ]
    for section, index, entry_id, source_id, entry_quote in quoted:
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
            texts[file_name] = normalize_space(read_source_text(path)) if path.is_file() else None
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
