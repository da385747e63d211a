"""How the debate moved: positions in the order of their sources' dates.

A source without a date of its own (a statement known only through an article) takes the
date of the source it is reported in, and is marked as dated that way.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.model import ArgumentMap, Claim, Source


@dataclass(frozen=True)
class TimelineEntry:
    """One source on the timeline and the claims it states."""

    date: str | None  # YYYY, YYYY-MM or YYYY-MM-DD; None when nothing dates it
    date_inferred: bool  # taken from the source it is reported in
    source: Source
    claims: tuple[Claim, ...]

    @property
    def year(self) -> str | None:
        return self.date[:4] if self.date else None


def source_date(argument_map: ArgumentMap, source_id: str) -> tuple[str | None, bool]:
    """Return a source's date and whether it was inferred through ``reported_in``.

    >>> m = ArgumentMap.model_validate({"title": "T", "question": "Q", "sources": [
    ...     {"id": "a", "title": "A", "kind": "article", "date": "2019-09"},
    ...     {"id": "b", "title": "B", "kind": "poll", "reported_in": "a"}]})
    >>> source_date(m, "b")
    ('2019-09', True)
    """
    source = argument_map.source(source_id)
    seen = {source.id}
    current = source
    while current.date is None and current.reported_in and current.reported_in not in seen:
        seen.add(current.reported_in)
        current = argument_map.source(current.reported_in)
    return current.date, current is not source


def timeline(argument_map: ArgumentMap) -> list[TimelineEntry]:
    """Return the sources that state claims, oldest first, each with its claims.

    Sources are ordered by date (a partial date sorts before fuller ones of the same
    period), then by map order; undated sources come last.
    """
    entries = []
    for index, source in enumerate(argument_map.sources):
        claims = tuple(c for c in argument_map.claims if c.source == source.id)
        if not claims:
            continue
        date, inferred = source_date(argument_map, source.id)
        entries.append(
            (date is None, date or "", index, TimelineEntry(date, inferred, source, claims))
        )
    return [entry for *_, entry in sorted(entries, key=lambda e: e[:3])]


def eras(argument_map: ArgumentMap) -> dict[str, list[TimelineEntry]]:
    """Return the timeline grouped by year (``"undated"`` last), in order."""
    grouped: dict[str, list[TimelineEntry]] = {}
    for entry in timeline(argument_map):
        grouped.setdefault(entry.year or "undated", []).append(entry)
    return grouped
