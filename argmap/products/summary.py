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
    # Names where people read; the ids are in `argmap show --json` (:func:`summary_json`).
    by_source = Counter(c.source for c in m.claims)
    titles = {s.id: s.title for s in m.sources}
    lines += ["", "Sources (claims each)"]
    for s in m.sources:
        who = ", ".join(s.authors) or s.organisation or ""
        date = s.date or "n.d."
        line = f"  [{s.kind.value}, {date}] {s.title}"
        if who:
            line += f" - {who}"
        if s.reported_in:
            line += f" (reported in: {_short(titles.get(s.reported_in, s.reported_in))})"
        lines.append(f"{line}: {by_source.get(s.id, 0)}")
    by_actor = Counter(c.actor for c in m.claims)
    names = {a.id: a.name for a in m.actors}
    lines += ["", "Actors (claims held)"]
    for a in m.actors:
        member = f"; part of: {names.get(a.member_of, a.member_of)}" if a.member_of else ""
        lines.append(f"  {a.name} [{a.kind.value}{member}]: {by_actor.get(a.id, 0)}")
    lines += ["", "Relations"]
    for kind in ("supports", "attacks", "undercuts"):
        lines.append(f"  {kind}: {relation_types.get(kind, 0)}")
    return "\n".join(lines) + "\n"


def summary_json(argument_map: ArgumentMap) -> dict[str, object]:
    """Return what :func:`summary` says as data, with every id: the map's counts, and each
    source and actor with the number of claims it has.

    >>> summary_json(ArgumentMap(title="T", question="Q?"))["claims"]
    0
    """
    m = argument_map
    by_source = Counter(c.source for c in m.claims)
    by_actor = Counter(c.actor for c in m.claims)
    return {
        "title": m.title, "question": m.question, "claims": len(m.claims),
        "claim_kinds": dict(sorted(Counter(c.kind.value for c in m.claims).items())),
        "relations": dict(sorted(Counter(r.type.value for r in m.relations).items())),
        "sources": [
            {"id": s.id, "title": s.title, "kind": s.kind.value, "date": s.date,
             "reported_in": s.reported_in, "claims": by_source.get(s.id, 0)}
            for s in m.sources
        ],
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind.value, "member_of": a.member_of,
             "claims": by_actor.get(a.id, 0)}
            for a in m.actors
        ],
    }  # fmt: skip


def _short(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[: limit - 1].rsplit(" ", 1)[0] + "…"


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(counter.items())) or "none"
