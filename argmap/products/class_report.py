"""A class's maps against the instructor's reference: what each student and the class got.

Each student's map is compared with the reference, part by part:

- a **claim** of the reference is *matched* by a student claim with the same id, or, when
  the student renamed it, by one with the same statement or the same quote (compared
  without regard to case or runs of white space); each student claim matches at most one;
- a **relation** of the reference is *matched* by a student relation that joins the matches
  of its two ends in the same direction with the same type; one that joins them with
  another type is listed as a *wrong type* (an undercut's end is a relation, matched first);
- a **thesis** of the reference that the student has no match for is *missing*;
- a student claim that matches no reference claim is *extra*: a new idea or a misconception.

Score (the rubric, shown to students and instructors)::

    score = 1/2 x claims matched / reference claims
          + 1/2 x (relations matched + 1/2 x relations of the wrong type) / reference relations

so a copy of the reference scores 1.0, the claims and the reasoning between them weigh the
same, a relation drawn between the right claims with the wrong type earns half, and extra
claims cost nothing (a reference without relations is scored on its claims alone).

For the whole class, :class:`ClassReport` also counts how many students cover each
reference claim and relation, groups the extra claims by meaning (WordLlama embeddings, as
the quote finder uses) so a shared idea shows once with its count, and draws a few seminar
questions from the commonest differences.

>>> from argmap.model import ArgumentMap
>>> def m(claims, relations):
...     return ArgumentMap.model_validate({
...         "title": "t", "question": "q",
...         "sources": [{"id": "s", "title": "S", "kind": "article"}],
...         "actors": [{"id": "a", "name": "A", "kind": "person"}],
...         "claims": [{"id": i, "statement": st, "quote": st, "source": "s", "actor": "a",
...                     "kind": "thesis" if i == "t" else "claim"} for i, st in claims],
...         "relations": [{"id": i, "type": t, "from": f, "to": to}
...                       for i, t, f, to in relations]})
>>> ref = m([("t", "We should join."), ("c", "Joining costs a lot.")],
...         [("r1", "attacks", "c", "t")])
>>> ann = m([("t", "We should join."), ("cost", "Joining costs a lot.")],
...         [("x", "supports", "cost", "t")])
>>> report = class_report(ref, [("ref", ref), ("ann", ann)], group_extras=False)
>>> [(s.map, s.score, s.relations_wrong_type) for s in report.students]
[('ref', 1.0, ()), ('ann', 0.75, ('r1',))]
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from argmap.model import ArgumentMap, ClaimKind, Relation
from argmap.text import spreadsheet_cell

__all__ = [
    "GROUP_SIMILARITY",
    "RUBRIC",
    "ClassReport",
    "ExtraClaim",
    "ExtraGroup",
    "StudentResult",
    "class_report",
    "compare_student",
    "to_csv",
]

_TIMES = "\N{MULTIPLICATION SIGN}"
RUBRIC = (
    f"Score = ½ {_TIMES} the share of the reference's claims found (same id, or the same "
    f"statement or quote under another id) + ½ {_TIMES} the share of its relations drawn "
    "between the same claims in the same direction with the same type (the wrong type counts "
    "half). Extra claims cost nothing. A copy of the reference scores 1."
)
# Cosine similarity of WordLlama embeddings at which two extra claims say the same thing.
# Its paraphrases score 0.45 to 0.85 and unrelated claims on one topic up to 0.5, so only
# near rewordings are put together; the rest stay apart rather than wrongly merged.
GROUP_SIMILARITY = 0.65
QUESTIONS = 5  # at most this many seminar questions


@dataclass(frozen=True)
class StudentResult:
    """One student's map against the reference.

    ``claims`` maps each matched reference claim id to the student's claim id; ``relations``
    likewise for relations of the right type; ``relations_wrong_type`` are the reference
    relations drawn with another type (``wrong_types`` gives the student's type for each).
    """

    map: str
    claims: dict[str, str]
    claims_of: int
    relations: dict[str, str]
    relations_of: int
    relations_wrong_type: tuple[str, ...]
    wrong_types: dict[str, str]
    claims_missing: tuple[str, ...]
    theses_missing: tuple[str, ...]
    extra_claims: tuple[str, ...]
    score: float

    def as_json(self) -> dict[str, Any]:
        """The student's entry of ``argmap class-report --json``."""
        return {
            "map": self.map,
            "claims": {"matched": len(self.claims), "of": self.claims_of},
            "relations": {
                "matched": len(self.relations),
                "of": self.relations_of,
                "wrong_type": list(self.relations_wrong_type),
            },
            "theses_missing": list(self.theses_missing),
            "extra_claims": len(self.extra_claims),
            "score": self.score,
        }


@dataclass(frozen=True)
class ExtraClaim:
    """A student claim that matches no reference claim."""

    student: str
    id: str
    statement: str


@dataclass(frozen=True)
class ExtraGroup:
    """Extra claims that say the same thing: the first one's statement stands for them all;
    ``students`` is how many different students wrote one; ``near_reference`` a reference
    claim that says much the same (then perhaps a claim the student reworded and requoted)."""

    statement: str
    members: tuple[ExtraClaim, ...]
    students: int
    near_reference: str | None = None


@dataclass(frozen=True)
class ClassReport:
    """The class's maps against a reference; :meth:`as_json` is ``argmap class-report --json``.

    ``claim_coverage`` and ``relation_coverage`` give, per reference id in map order, how
    many students have it (and, for relations, how many drew it with the wrong type).
    """

    students: tuple[StudentResult, ...]
    claim_coverage: tuple[tuple[str, int], ...]
    relation_coverage: tuple[tuple[str, int, int], ...]
    theses_missed: tuple[tuple[str, int], ...]
    extra_groups: tuple[ExtraGroup, ...]
    questions: tuple[str, ...]
    rubric: str = RUBRIC

    def as_json(self) -> dict[str, Any]:
        """The shape of ``argmap class-report --json``."""
        return {
            "students": [s.as_json() for s in self.students],
            "claims": [{"id": i, "covered_by": n} for i, n in self.claim_coverage],
            "relations": [
                {"id": i, "covered_by": n, "wrong_type_by": w} for i, n, w in self.relation_coverage
            ],
        }


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _match_claims(reference: ArgumentMap, student: ArgumentMap) -> dict[str, str]:
    """Reference claim id -> student claim id: same id first, then the same statement, then
    the same quote, each student claim used once, in the reference's order."""
    ids = {c.id for c in student.claims}
    matched = {c.id: c.id for c in reference.claims if c.id in ids}
    free = [c for c in student.claims if c.id not in matched.values()]
    for key in ("statement", "quote"):
        by_text: dict[str, list[str]] = {}
        for c in free:
            by_text.setdefault(_norm(getattr(c, key)), []).append(c.id)
        for c in reference.claims:
            if c.id in matched:
                continue
            candidates = by_text.get(_norm(getattr(c, key)), [])
            used = set(matched.values())
            pick = next((i for i in candidates if i not in used), None)
            if pick is not None:
                matched[c.id] = pick
        free = [c for c in free if c.id not in matched.values()]
    order = {c.id: k for k, c in enumerate(reference.claims)}
    return dict(sorted(matched.items(), key=lambda kv: order[kv[0]]))


def _relation_order(relations: Sequence[Relation]) -> list[Relation]:
    """Relations whose ends are claims first, then undercuts of them, and so on."""
    ids = {r.id for r in relations}
    done: set[str] = set()
    ordered: list[Relation] = []
    left = list(relations)
    while left:
        ready = [r for r in left if r.to not in ids or r.to in done]
        if not ready:  # a cycle of undercuts (invalid maps only): take them as they are
            ready = left
        ordered.extend(ready)
        done |= {r.id for r in ready}
        left = [r for r in left if r.id not in done]
    return ordered


def compare_student(name: str, reference: ArgumentMap, student: ArgumentMap) -> StudentResult:
    """Return one student's :class:`StudentResult` (see the module docstring for the rules).

    >>> ref = _demo()
    >>> compare_student("copy", ref, ref).score
    1.0
    """
    claims = _match_claims(reference, student)
    ends: dict[str, str] = dict(claims)  # reference end id -> student end id
    by_ends: dict[tuple[str, str], list[Relation]] = {}
    for r in student.relations:
        by_ends.setdefault((r.from_, r.to), []).append(r)
    relations: dict[str, str] = {}
    wrong: dict[str, str] = {}
    used: set[str] = set()
    for r in _relation_order(reference.relations):
        if r.from_ not in ends or r.to not in ends:
            continue
        candidates = [s for s in by_ends.get((ends[r.from_], ends[r.to]), []) if s.id not in used]
        same = next((s for s in candidates if s.type == r.type), None)
        if same is not None:
            relations[r.id] = same.id
            ends[r.id] = same.id
            used.add(same.id)
        elif candidates:
            wrong[r.id] = candidates[0].type.value
            ends[r.id] = candidates[0].id  # an undercut of it still has its end
            used.add(candidates[0].id)
    order = [r.id for r in reference.relations]
    wrong_ids = tuple(i for i in order if i in wrong)
    claims_of, relations_of = len(reference.claims), len(reference.relations)
    claim_share = len(claims) / claims_of if claims_of else 1.0
    if relations_of:
        relation_share = (len(relations) + 0.5 * len(wrong_ids)) / relations_of
        score = 0.5 * claim_share + 0.5 * relation_share
    else:
        score = claim_share
    taken = set(claims.values())
    return StudentResult(
        map=name,
        claims=claims,
        claims_of=claims_of,
        relations={i: relations[i] for i in order if i in relations},
        relations_of=relations_of,
        relations_wrong_type=wrong_ids,
        wrong_types={i: wrong[i] for i in wrong_ids},
        claims_missing=tuple(c.id for c in reference.claims if c.id not in claims),
        theses_missing=tuple(
            c.id for c in reference.claims if c.kind == ClaimKind.thesis and c.id not in claims
        ),
        extra_claims=tuple(c.id for c in student.claims if c.id not in taken),
        score=round(score, 4),
    )


def _group_extras(
    extras: list[ExtraClaim], reference: ArgumentMap, threshold: float
) -> list[ExtraGroup]:
    """Greedy grouping by meaning: each extra joins the first group whose first statement it
    is at least ``threshold`` alike (cosine), else starts one; biggest groups first."""
    if not extras:
        return []
    from argmap.products.quote_finder import _model

    texts = [e.statement for e in extras]
    refs = [c.statement for c in reference.claims]
    vectors = _model().embed(texts + refs, norm=True)
    mine, theirs = vectors[: len(texts)], vectors[len(texts) :]
    leaders: list[int] = []
    members: list[list[int]] = []
    for k in range(len(extras)):
        sims = [float(mine[k] @ mine[lead]) for lead in leaders]
        best = max(range(len(sims)), key=lambda j: sims[j], default=None)
        if best is not None and sims[best] >= threshold:
            members[best].append(k)
        else:
            leaders.append(k)
            members.append([k])
    groups = []
    for lead, group in zip(leaders, members, strict=True):
        near = None
        if refs:
            sims = theirs @ mine[lead]
            j = int(sims.argmax())
            near = reference.claims[j].id if float(sims[j]) >= threshold else None
        groups.append(
            ExtraGroup(
                statement=extras[lead].statement,
                members=tuple(extras[k] for k in group),
                students=len({extras[k].student for k in group}),
                near_reference=near,
            )
        )
    return sorted(groups, key=lambda g: -g.students)  # stable: ties keep first-seen order


def _quoted(text: str) -> str:
    return f"“{' '.join(text.split())}”"


def _questions(
    reference: ArgumentMap,
    students: Sequence[StudentResult],
    groups: Sequence[ExtraGroup],
) -> list[str]:
    """Seminar questions from the commonest differences, each with how many students."""
    n = len(students)
    if not n:
        return []
    statement = {c.id: c.statement for c in reference.claims}
    relation = {r.id: r for r in reference.relations}
    candidates: list[tuple[int, int, str]] = []  # (students, kind order, question)
    theses = {c.id for c in reference.claims if c.kind == ClaimKind.thesis}
    missed = Counter(i for s in students for i in s.claims_missing)
    # The commonest first; among as common, theses first, then map order.
    order = {c.id: k for k, c in enumerate(reference.claims)}
    for cid in sorted(missed, key=lambda i: (-missed[i], i not in theses, order[i]))[:2]:
        k, what = missed[cid], "thesis" if cid in theses else "claim"
        candidates.append((k, 0, f"{k} of {n} left out the {what} {_quoted(statement[cid])}: "
                           "does the debate need it, and what does it answer?"))  # fmt: skip

    def end(target: str) -> str:
        if target in statement:
            return _quoted(statement[target])
        r = relation[target]  # an undercut's end is a relation
        return f"the link from {_quoted(statement[r.from_])} to {end(r.to)}"

    wrong = Counter(i for s in students for i in s.relations_wrong_type)
    for rid, k in wrong.most_common(2):
        r = relation[rid]
        theirs = Counter(s.wrong_types[rid] for s in students if rid in s.wrong_types)
        their_type = theirs.most_common(1)[0][0]
        ours, other = r.type.value.removesuffix("s"), their_type.removesuffix("s")
        candidates.append((k, 1, f"{k} of {n} took {_quoted(statement[r.from_])} to {other} "
                           f"{end(r.to)}, where the reference has it {ours} it: which is it, "
                           "and why?"))  # fmt: skip
    for g in groups[:2]:
        if g.students < 2:
            break
        candidates.append((g.students, 2, f"{g.students} of {n} added {_quoted(g.statement)}, "
                           "which the reference does not have: is it in the sources, and "
                           "where does it belong in the map?"))  # fmt: skip
    candidates.sort(key=lambda c: (-c[0], c[1]))
    return [q for _, _, q in candidates[:QUESTIONS]]


def class_report(
    reference: ArgumentMap,
    students: Sequence[tuple[str, ArgumentMap]],
    *,
    group_extras: bool = True,
    threshold: float = GROUP_SIMILARITY,
) -> ClassReport:
    """Return the :class:`ClassReport` of ``students`` (name, map) against ``reference``.

    ``group_extras=False`` skips the embeddings (extra claims each form their own group).
    See the module docstring for the rules, the rubric and an example.
    """
    results = tuple(compare_student(name, reference, m) for name, m in students)
    claim_cov = Counter(i for s in results for i in s.claims)
    rel_cov = Counter(i for s in results for i in s.relations)
    rel_wrong = Counter(i for s in results for i in s.relations_wrong_type)
    thesis_missed = Counter(i for s in results for i in s.theses_missing)
    extras = [
        ExtraClaim(name, cid, by_id[cid].statement)
        for (name, m), s in zip(students, results, strict=True)
        for by_id in [{c.id: c for c in m.claims}]
        for cid in s.extra_claims
    ]
    if group_extras:
        groups = _group_extras(extras, reference, threshold)
    else:
        groups = [ExtraGroup(e.statement, (e,), 1) for e in extras]
    theses = [c.id for c in reference.claims if c.kind == ClaimKind.thesis]
    return ClassReport(
        students=results,
        claim_coverage=tuple((c.id, claim_cov[c.id]) for c in reference.claims),
        relation_coverage=tuple(
            (r.id, rel_cov[r.id], rel_wrong[r.id]) for r in reference.relations
        ),
        theses_missed=tuple((t, thesis_missed[t]) for t in theses if thesis_missed[t]),
        extra_groups=tuple(groups),
        questions=tuple(_questions(reference, results, groups)),
    )


def to_csv(report: ClassReport, reference: ArgumentMap) -> str:
    """Return scores and feedback as CSV, one row per student, statements not ids; every
    cell neutralised (:func:`argmap.text.spreadsheet_cell`) so no spreadsheet evaluates it.

    >>> ref = _demo()
    >>> head, row = to_csv(class_report(ref, [("=cmd", ref)], group_extras=False), ref).splitlines()
    >>> head[:13], row
    ('student,score', "'=cmd,1.0,2,2,1,1,,,,0")
    """
    statement = {c.id: c.statement for c in reference.claims}
    relation = {r.id: r for r in reference.relations}

    def rel_text(rid: str) -> str:
        r = relation[rid]
        return f"{statement.get(r.from_, r.from_)} {r.type.value} {statement.get(r.to, r.to)}"

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", "score", "claims matched", "claims", "relations matched",
                     "relations", "wrong type", "theses missing", "claims missing",
                     "extra claims"])  # fmt: skip
    for s in report.students:
        row = [
            s.map, s.score, len(s.claims), s.claims_of, len(s.relations), s.relations_of,
            " | ".join(rel_text(i) for i in s.relations_wrong_type),
            " | ".join(statement[i] for i in s.theses_missing),
            " | ".join(statement[i] for i in s.claims_missing),
            len(s.extra_claims),
        ]  # fmt: skip
        writer.writerow([spreadsheet_cell(str(v)) for v in row])
    return out.getvalue()


def _demo() -> ArgumentMap:
    # The small reference of the examples: a thesis and the claim that attacks it.
    claims = [("t", "We should join.", "thesis"), ("c", "Joining costs a lot.", "claim")]
    return ArgumentMap.model_validate({
        "title": "Demo", "question": "Should we join?",
        "sources": [{"id": "s", "title": "S", "kind": "article"}],
        "actors": [{"id": "a", "name": "A", "kind": "person"}],
        "claims": [{"id": i, "statement": st, "quote": st, "source": "s", "actor": "a",
                    "kind": k} for i, st, k in claims],
        "relations": [{"id": "r1", "type": "attacks", "from": "c", "to": "t"}],
    })  # fmt: skip


def to_text(report: ClassReport, reference: ArgumentMap, *, limit: int = 5) -> str:
    """Return the report for a person to read: statements, never raw ids; each student's
    score and what they missed, then the class as a whole and the seminar questions.

    >>> ref = _demo()
    >>> print(to_text(class_report(ref, [("ann.yaml", ref)], group_extras=False), ref))
    ... # doctest: +ELLIPSIS
    ann.yaml: score 1.00 · claims 2 of 2 · relations 1 of 1
    ...
    """
    statement = {c.id: " ".join(c.statement.split()) for c in reference.claims}
    relation = {r.id: r for r in reference.relations}

    def claim(cid: str) -> str:
        return _quoted(statement.get(cid, cid))

    def rel(rid: str) -> str:
        r = relation[rid]
        target = claim(r.to) if r.to in statement else f"({rel(r.to)})"
        return f"{claim(r.from_)} {r.type.value} {target}"

    def some(items: Sequence[str], render: Any) -> str:
        shown = [render(i) for i in items[:limit]]
        more = f"; and {len(items) - limit} more" if len(items) > limit else ""
        return "; ".join(shown) + more

    lines: list[str] = []
    for s in report.students:
        wrong = f" ({len(s.relations_wrong_type)} of the wrong type)" if s.wrong_types else ""
        lines.append(
            f"{s.map}: score {s.score:.2f} · claims {len(s.claims)} of {s.claims_of} · "
            f"relations {len(s.relations)} of {s.relations_of}{wrong}"
        )
        if s.theses_missing:
            lines.append(f"  theses missing: {some(s.theses_missing, claim)}")
        others = [i for i in s.claims_missing if i not in s.theses_missing]
        if others:
            lines.append(f"  claims missing: {some(others, claim)}")
        for rid in s.relations_wrong_type[:limit]:
            lines.append(f"  wrong type ({s.wrong_types[rid]}): {rel(rid)}")
        if s.extra_claims:
            lines.append(f"  extra claims: {len(s.extra_claims)}")
    n = len(report.students)
    lines += ["", f"The class ({n} maps)"]
    least = sorted(report.claim_coverage, key=lambda c: c[1])[:limit]
    for cid, k in least:
        if k < n:
            lines.append(f"  {k} of {n} have {claim(cid)}")
    for rid, _, w in sorted(report.relation_coverage, key=lambda r: -r[2])[:limit]:
        if w:
            lines.append(f"  {w} of {n} gave the wrong type to {rel(rid)}")
    for tid, k in report.theses_missed:
        lines.append(f"  {k} of {n} missed the thesis {claim(tid)}")
    for g in report.extra_groups[:limit]:
        near = f" (like {claim(g.near_reference)})" if g.near_reference else ""
        lines.append(f"  added by {g.students}: {_quoted(g.statement)}{near}")
    if report.questions:
        lines += ["", "Questions for the next seminar"]
        lines += [f"  {k}. {q}" for k, q in enumerate(report.questions, 1)]
    lines += ["", report.rubric]
    return "\n".join(lines)
