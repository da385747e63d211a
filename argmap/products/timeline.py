"""How the debate moved: positions in the order of their sources' dates.

A source without a date of its own (a statement known only through an article) takes the
date of the source it is reported in, and is marked as dated that way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from argmap.model import ArgumentMap, Claim, Source
from argmap.products.registry import Output, Product, Request
from argmap.text import md_escape


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

    @property
    def when(self) -> str:
        """The date for people: ``"undated"``, or marked when taken from another source."""
        inferred = " (from the source that reports it)" if self.date_inferred else ""
        return (self.date or "undated") + inferred


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


def to_markdown(argument_map: ArgumentMap) -> str:
    """Return the timeline as Markdown: a heading per source, oldest first, its claims
    under it; map text escaped."""
    lines = [f"# Timeline: {md_escape(argument_map.title)}", ""]
    for e in timeline(argument_map):
        lines += [f"## {md_escape(e.when)} · {md_escape(e.source.title)}", ""]
        lines += [f"- {md_escape(c.statement)}" for c in e.claims] + [""]
    return "\n".join(lines)


def to_rows(argument_map: ArgumentMap) -> list[dict[str, object]]:
    """Return the timeline as JSON-ready rows (date, date_inferred, source, claims)."""
    return [
        {"date": e.date, "date_inferred": e.date_inferred, "source": e.source.id,
         "claims": [c.id for c in e.claims]}
        for e in timeline(argument_map)
    ]  # fmt: skip


def _render(prepared: None, argument_map: ArgumentMap, request: Request, suffix: str) -> bytes:
    if suffix == ".json":
        return json.dumps(to_rows(argument_map), indent=2, ensure_ascii=False).encode("utf-8")
    return to_markdown(argument_map).encode("utf-8")


PRODUCT = Product(
    "timeline", "Timeline",
    "The positions by date: each source, oldest first, with the claims it states.",
    outputs=(
        Output(".md", "text/markdown", "timeline (Markdown)", also=(".markdown",)),
        Output(".json", "application/json", "timeline (JSON)"),
    ),
    prepare=lambda argument_map, request: None,  # nothing shared: the map is enough
    render=_render,
)  # fmt: skip
