"""The claims as a CSV table, one row per claim, for spreadsheets and mail merges.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "T", "question": "Q?",
...     "sources": [{"id": "s", "title": "S", "kind": "article"}],
...     "actors": [{"id": "a", "name": "A", "kind": "person"}],
...     "claims": [{"id": "c", "statement": "Say \\"no\\", then go.", "source": "s",
...                 "actor": "a", "quote": "no"}]})
>>> print(generate_csv(m), end="")
id,kind,statement,actor,source,quote,values,tags
c,claim,"Say ""no"", then go.",A,S,no,,
"""

from __future__ import annotations

import csv
import io
import os

from argmap.model import ArgumentMap
from argmap.readwrite.formats import Format
from argmap.store.atomic import atomic_write_text
from argmap.text import spreadsheet_cell

__all__ = ["generate_csv", "write_csv"]


def generate_csv(argument_map: ArgumentMap) -> str:
    """Return the claims as CSV text: id, kind, statement, actor and source names, quote,
    values and tags (space-separated ids)."""
    actors = {a.id: a.name for a in argument_map.actors}
    sources = {s.id: s.title for s in argument_map.sources}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "kind", "statement", "actor", "source", "quote", "values", "tags"])
    for c in argument_map.claims:
        values = getattr(c, "values", None) or []
        writer.writerow(
            spreadsheet_cell(str(cell))
            for cell in (
                c.id, c.kind.value, c.statement, actors.get(c.actor, c.actor),
                sources.get(c.source, c.source), c.quote, " ".join(values), " ".join(c.tags),
            )
        )  # fmt: skip
    return buffer.getvalue()


def write_csv(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write :func:`generate_csv` of the map to ``path``, atomically (a reader of the
    file never sees half of it)."""
    atomic_write_text(path, generate_csv(argument_map))


FORMATS = (
    Format(
        "csv", "Claims table (CSV)", (".csv",), "text/csv",
        "One row per claim, for spreadsheets.",
        keeps="claims with their actor, source, quote, values and tags (no relations)",
        write=lambda m, view: generate_csv(m), rank=85,
    ),
)  # fmt: skip
