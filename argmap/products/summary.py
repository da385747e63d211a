"""A readable plain-text summary of a map, for `argmap show`."""

from __future__ import annotations

import textwrap
from collections import Counter

from argmap.model import ArgumentMap


def summary(argument_map: ArgumentMap) -> str:
    """Return the map's title, question, sources, actors, claims per source and relation counts.

    >>> from argmap.model import ArgumentMap
    >>> print(summary(ArgumentMap(title="T", question="Q?")).splitlines()[0])
    T
    """
    m = argument_map
    lines = [m.title, "=" * len(m.title), f"Question: {m.question}"]
    if m.description:
        lines += ["", *textwrap.wrap(" ".join(m.description.split()), 88)]
    kinds = Counter(c.kind.value for c in m.claims)
    relation_types = Counter(r.type.value for r in m.relations)
    lines += [
        "",
        f"{len(m.sources)} sources, {len(m.actors)} actors, {len(m.claims)} claims "
        f"({_counts(kinds)}), {len(m.relations)} relations ({_counts(relation_types)})",
    ]
    by_source = Counter(c.source for c in m.claims)
    lines += ["", "Sources (claims each)"]
    for s in m.sources:
        who = ", ".join(s.authors) or s.organisation or ""
        date = s.date or "n.d."
        line = f"  {s.id}  [{s.kind.value}, {date}] {s.title}"
        if who:
            line += f" - {who}"
        if s.reported_in:
            line += f" (reported in {s.reported_in})"
        lines.append(f"{line}: {by_source.get(s.id, 0)}")
    by_actor = Counter(c.actor for c in m.claims)
    lines += ["", "Actors (claims held)"]
    for a in m.actors:
        member = f", of {a.member_of}" if a.member_of else ""
        lines.append(f"  {a.id}  [{a.kind.value}{member}] {a.name}: {by_actor.get(a.id, 0)}")
    lines += ["", "Relations"]
    for kind in ("supports", "attacks", "undercuts"):
        lines.append(f"  {kind}: {relation_types.get(kind, 0)}")
    return "\n".join(lines) + "\n"


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(counter.items())) or "none"
