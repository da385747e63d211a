"""Compare two maps of one debate: what was added, removed and changed, claim by claim.

Made for seminars, where students reconstruct an article and compare their map with the
instructor's, and for a map's own history. Claims are matched by id; the claims left over
are matched by what they say: their statements' and quotes' similarity (rapidfuzz),
best pair first. Relations are matched by id, else by their two ends (through the claim
matching), else by where they start and their type (a *retargeted* relation). Labels are
each map's own, under the same semantics.

Changed claims and relations, and labels, are reported under the NEW map's ids; ``matched``
pairs the two maps' ids.

>>> from argmap.model import ArgumentMap
>>> def m(claims, relations):
...     return ArgumentMap.model_validate({
...         "title": "t", "question": "q",
...         "sources": [{"id": "s", "title": "S", "kind": "article"}],
...         "actors": [{"id": "a", "name": "A", "kind": "person"}],
...         "claims": [{"id": i, "statement": st, "quote": st, "source": "s", "actor": "a"}
...                    for i, st in claims],
...         "relations": [{"id": i, "type": t, "from": f, "to": to}
...                       for i, t, f, to in relations]})
>>> old = m([("t", "We should join."), ("c", "Joining costs a great deal.")],
...         [("r1", "attacks", "c", "t")])
>>> new = m([("t", "We should join."), ("cost", "Joining costs a great deal of money.")],
...         [("r9", "supports", "cost", "t")])
>>> d = diff_maps(old, new).as_json()
>>> d["claims"]["matched"][1], d["relations"]["changed"]
({'old': 'c', 'new': 'cost', 'by': 'text'}, [{'id': 'r9', 'fields': ['type']}])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from argmap.model import ArgumentMap, Claim, Relation
from argmap.semantics.framework import DEFAULT_VIEW

CLAIM_FIELDS = ("statement", "quote", "kind", "source", "actor", "values")
TEXT_MATCH = 0.6  # the least similarity (0 to 1) at which two claims are the same claim


@dataclass(frozen=True)
class Match:
    old: str
    new: str
    by: Literal["id", "text"]


@dataclass(frozen=True)
class Changed:
    id: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class LabelChange:
    id: str
    old: str
    new: str


@dataclass(frozen=True)
class MapDiff:
    """What changed from one map to another; :meth:`as_json` is ``argmap diff --json``."""

    claims_added: tuple[str, ...]
    claims_removed: tuple[str, ...]
    claims_changed: tuple[Changed, ...]
    claims_matched: tuple[Match, ...]
    relations_added: tuple[str, ...]
    relations_removed: tuple[str, ...]
    relations_changed: tuple[Changed, ...]
    relations_matched: tuple[tuple[str, str], ...] = field(default=())
    labels_changed: tuple[LabelChange, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        def changed(items: tuple[Changed, ...]) -> list[dict[str, Any]]:
            return [{"id": c.id, "fields": list(c.fields)} for c in items]

        return {
            "claims": {
                "added": list(self.claims_added),
                "removed": list(self.claims_removed),
                "changed": changed(self.claims_changed),
                "matched": [{"old": m.old, "new": m.new, "by": m.by} for m in self.claims_matched],
            },
            "relations": {
                "added": list(self.relations_added),
                "removed": list(self.relations_removed),
                "changed": changed(self.relations_changed),
            },
            "labels": {
                "changed": [{"id": c.id, "old": c.old, "new": c.new} for c in self.labels_changed]
            },
        }

    @property
    def same(self) -> bool:
        """Whether nothing at all differs."""
        return not any(
            (self.claims_added, self.claims_removed, self.claims_changed, self.relations_added,
             self.relations_removed, self.relations_changed, self.labels_changed)
        )  # fmt: skip


def claim_similarity(a: Claim, b: Claim) -> float:
    """How alike two claims are, from 0 to 1: the mean of their statements' similarity
    (shared words, in any order) and their quotes' (the shorter inside the longer).

    >>> from argmap.model import Claim
    >>> c = Claim(id="a", statement="Cats purr.", source="s", actor="x", quote="cats purr")
    >>> claim_similarity(c, c.model_copy(update={"id": "b"}))
    1.0
    """
    from rapidfuzz import fuzz
    from rapidfuzz.utils import default_process

    statement = fuzz.token_set_ratio(a.statement, b.statement, processor=default_process)
    quote = fuzz.partial_ratio(a.quote, b.quote, processor=default_process)
    return (statement + quote) / 200


def match_claims(old: ArgumentMap, new: ArgumentMap) -> list[Match]:
    """Pair the claims of two maps: same id first, then the most alike pairs, best first
    (ties in map order), down to :data:`TEXT_MATCH`. Pairs are in the new map's order."""
    new_ids = {c.id for c in new.claims}
    matches = [Match(c.id, c.id, "id") for c in old.claims if c.id in new_ids]
    taken_old = {m.old for m in matches}
    taken_new = {m.new for m in matches}
    left_old = [c for c in old.claims if c.id not in taken_old]
    left_new = [c for c in new.claims if c.id not in taken_new]
    pairs = sorted(
        ((claim_similarity(a, b), i, j) for i, a in enumerate(left_old)
         for j, b in enumerate(left_new)),
        key=lambda p: (-p[0], p[1], p[2]),
    )  # fmt: skip
    for score, i, j in pairs:
        if score < TEXT_MATCH:
            break
        a, b = left_old[i], left_new[j]
        if a.id not in taken_old and b.id not in taken_new:
            matches.append(Match(a.id, b.id, "text"))
            taken_old.add(a.id)
            taken_new.add(b.id)
    order = {c.id: k for k, c in enumerate(new.claims)}
    return sorted(matches, key=lambda m: order[m.new])


def _claim_fields(a: Claim, b: Claim) -> tuple[str, ...]:
    def value(c: Claim, name: str) -> object:
        v = getattr(c, name)
        return sorted(v) if name == "values" else str(v)

    return tuple(f for f in CLAIM_FIELDS if value(a, f) != value(b, f))


def _match_relations(
    old: list[Relation], new: list[Relation], claim_of: dict[str, str]
) -> tuple[list[tuple[Relation, Relation]], list[Relation], list[Relation]]:
    """Pair relations: by id, then by both ends, then by start and type. Claims' ends go
    through ``claim_of`` (old id to new id); an undercut's end through the pairs so far.
    Returns the pairs, the old relations left and the new ones left, each in map order."""
    pairs = [(a, b) for a in old for b in new if a.id == b.id]
    relation_of = {a.id: b.id for a, b in pairs}
    paired_new = set(relation_of.values())

    def end(target: str) -> str | None:
        return claim_of.get(target) or relation_of.get(target)

    keys: tuple[tuple[Any, Any], ...] = (
        (lambda a: (end(a.from_), end(a.to)), lambda b: (b.from_, b.to)),
        (lambda a: (end(a.from_), a.type), lambda b: (b.from_, b.type)),
    )
    for old_key, new_key in keys:
        # Undercuts last, so the relations they target are paired before them.
        for a in sorted(old, key=lambda r: r.type == "undercuts"):
            if a.id in relation_of or None in old_key(a):
                continue
            wanted = old_key(a)
            b = next((b for b in new if b.id not in paired_new and new_key(b) == wanted), None)
            if b is not None:
                pairs.append((a, b))
                relation_of[a.id] = b.id
                paired_new.add(b.id)
    return (
        pairs,
        [a for a in old if a.id not in relation_of],
        [b for b in new if b.id not in paired_new],
    )


def _relation_fields(a: Relation, b: Relation, claim_of: dict[str, str],
                     relation_of: dict[str, str]) -> tuple[str, ...]:  # fmt: skip
    fields = []
    if a.type != b.type:
        fields.append("type")
    for name, x, y in (("from", a.from_, b.from_), ("to", a.to, b.to)):
        if (claim_of.get(x) or relation_of.get(x)) != y:
            fields.append(name)
    return tuple(fields)


def diff_maps(
    old: ArgumentMap, new: ArgumentMap, *, semantics: str = "grounded", view: str | None = None
) -> MapDiff:
    """Return the :class:`MapDiff` from ``old`` to ``new``; labels under ``semantics``
    and ``view`` (default: the library's default view)."""
    matches = match_claims(old, new)
    claim_of = {m.old: m.new for m in matches}
    old_claims = {c.id: c for c in old.claims}
    new_claims = {c.id: c for c in new.claims}
    claims_changed = []
    for m in matches:
        fields = _claim_fields(old_claims[m.old], new_claims[m.new])
        if fields:
            claims_changed.append(Changed(m.new, fields))
    pairs, removed, added = _match_relations(old.relations, new.relations, claim_of)
    relation_of = {a.id: b.id for a, b in pairs}
    order = {r.id: k for k, r in enumerate(new.relations)}
    relations_changed = [
        Changed(b.id, fields)
        for a, b in sorted(pairs, key=lambda p: order[p[1].id])
        if (fields := _relation_fields(a, b, claim_of, relation_of))
    ]
    return MapDiff(
        claims_added=tuple(c.id for c in new.claims if c.id not in set(claim_of.values())),
        claims_removed=tuple(c.id for c in old.claims if c.id not in claim_of),
        claims_changed=tuple(claims_changed),
        claims_matched=tuple(matches),
        relations_added=tuple(r.id for r in added),
        relations_removed=tuple(r.id for r in removed),
        relations_changed=tuple(relations_changed),
        relations_matched=tuple((a.id, b.id) for a, b in pairs),
        labels_changed=_label_changes(old, new, matches, semantics, view),
    )


def _label_changes(
    old: ArgumentMap, new: ArgumentMap, matches: list[Match], semantics: str, view: str | None
) -> tuple[LabelChange, ...]:
    from argmap.analysis import evaluate
    from argmap.graph import to_graph

    view = view or DEFAULT_VIEW
    before = evaluate(to_graph(old), semantics, view, timeout=10.0).labels
    after = evaluate(to_graph(new), semantics, view, timeout=10.0).labels
    return tuple(
        LabelChange(m.new, str(before[m.old]), str(after[m.new]))
        for m in matches
        if str(before[m.old]) != str(after[m.new])
    )


@dataclass(frozen=True)
class Agreement:
    """How far a map (``old``, e.g. a student's) agrees with a reference (``new``, e.g. the
    instructor's): each as (agreeing, out of)."""

    claims_found: tuple[int, int]
    relations_agreeing: tuple[int, int]
    attributions_agreeing: tuple[int, int]

    def as_json(self) -> dict[str, dict[str, float | int]]:
        def part(pair: tuple[int, int]) -> dict[str, float | int]:
            n, total = pair
            return {"agreeing": n, "of": total, "share": round(n / total, 4) if total else 1.0}

        return {
            "claims_found": part(self.claims_found),
            "relations_agreeing": part(self.relations_agreeing),
            "attributions_agreeing": part(self.attributions_agreeing),
        }


def agreement(old: ArgumentMap, new: ArgumentMap, d: MapDiff) -> Agreement:
    """Score ``old`` against the reference ``new`` from their diff ``d``:

    - claims found: the reference's claims that ``old`` has (matched);
    - relations agreeing: the reference's relations that ``old`` has, same type and ends;
    - attributions agreeing: of the claims found, those with the same actor and source.
    """
    changed = {c.id: c.fields for c in d.relations_changed}
    relations = sum(1 for _, b in d.relations_matched if b not in changed)
    claim_changes = {c.id: c.fields for c in d.claims_changed}
    attributed = sum(
        1 for m in d.claims_matched if not {"actor", "source"} & set(claim_changes.get(m.new, ()))
    )
    return Agreement(
        (len(d.claims_matched), len(new.claims)),
        (relations, len(new.relations)),
        (attributed, len(d.claims_matched)),
    )


def _claim_words(m: ArgumentMap) -> dict[str, str]:
    return {c.id: f"“{c.statement.rstrip('.')}”" for c in m.claims}


def _relation_words(m: ArgumentMap, relation_id: str) -> str:
    """A relation in words: “A” attacks “B”, or “A” undercuts the link from “B” to “C”."""
    said = _claim_words(m)
    relations = {r.id: r for r in m.relations}
    r = relations[relation_id]
    if r.to in relations:
        inner = relations[r.to]
        origin, end = said.get(inner.from_, inner.from_), said.get(inner.to, inner.to)
        return f"{said.get(r.from_, r.from_)} undercuts the link from {origin} to {end}"
    return f"{said.get(r.from_, r.from_)} {r.type} {said.get(r.to, r.to)}"


def sections(
    d: MapDiff,
    old: ArgumentMap,
    new: ArgumentMap,
    first: str = "the first map",
    second: str = "the second map",
) -> list[tuple[str, list[str]]]:
    """Return the differences as (heading, lines) in plain words: claims by their
    statements, relations as "“A” attacks “B”", a change with what it was and is; no ids
    (those are in :meth:`MapDiff.as_json`). ``first`` and ``second`` name the two maps."""
    said_old, said_new = _claim_words(old), _claim_words(new)
    old_claims, new_claims = {c.id: c for c in old.claims}, {c.id: c for c in new.claims}
    old_of = {m.new: m.old for m in d.claims_matched}

    def change(c: Changed) -> str:
        before = old_claims.get(old_of.get(c.id, c.id))
        after = new_claims[c.id]
        parts = []
        for name in c.fields:
            was = getattr(before, name, "") if before is not None else ""
            now = getattr(after, name)
            if name == "values":
                was, now = ", ".join(sorted(was or [])) or "none", ", ".join(sorted(now)) or "none"
            parts.append(f"its {name} was “{was}”, is “{now}”")
        return f"{said_new[c.id]}: " + "; ".join(parts)

    old_relation = {r: o for o, r in d.relations_matched}
    return [
        (f"Claims only in {second}", [said_new[c] for c in d.claims_added]),
        (f"Claims only in {first}", [said_old[c] for c in d.claims_removed]),
        ("Claims matched by their words",
         [f"{said_old[m.old]} is {said_new[m.new]}" for m in d.claims_matched if m.by == "text"]),
        ("Claims changed", [change(c) for c in d.claims_changed]),
        (f"Relations only in {second}", [_relation_words(new, r) for r in d.relations_added]),
        (f"Relations only in {first}", [_relation_words(old, r) for r in d.relations_removed]),
        ("Relations retyped or retargeted",
         [f"{_relation_words(new, c.id)} (in {first}: "
          f"{_relation_words(old, old_relation.get(c.id, c.id))})"
          if old_relation.get(c.id, c.id) in {r.id for r in old.relations}
          else _relation_words(new, c.id) for c in d.relations_changed]),
        ("Claims whose status differs",
         [f"{said_new.get(c.id, c.id)}: {_LABEL.get(c.old, c.old)} in {first}, "
          f"{_LABEL.get(c.new, c.new)} in {second}" for c in d.labels_changed]),
    ]  # fmt: skip


_LABEL = {"in": "stands", "out": "falls", "undec": "undecided"}


def to_text(d: MapDiff, old: ArgumentMap, new: ArgumentMap) -> str:
    """The diff in plain words (:func:`sections`), each non-empty heading with its lines;
    "no differences" when the maps say the same."""
    if d.same:
        return "no differences\n"
    lines = []
    for heading, items in sections(d, old, new):
        if items:
            lines.append(f"{heading} ({len(items)}):")
            lines += [f"  - {item}" for item in items]
    return "\n".join(lines) + "\n"
