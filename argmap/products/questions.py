"""Discussion questions for a seminar, derived from the map's structure and its analysis.

Every question is templated from a fact about the map and says why it is asked, so a
teacher can see it is grounded, not invented. Six kinds, in this order:

- ``crux``: a claim whose acceptance decides a thesis;
- ``value``: two values whose ranking decides a thesis ("is X worth more than Y?"; only on a
  map with values, see :mod:`argmap.analysis.audiences`);
- ``undecided``: a claim the semantics can neither accept nor reject;
- ``conflict``: two actors whose claims attack each other's (one question per pair);
- ``single-source``: a claim bearing on a thesis that nothing from another source backs;
- ``second-hand``: a source whose positions we know only through another document.

>>> from argmap.analysis import demo_graph, evaluate
>>> G = demo_graph()
>>> qs = discussion_questions(G, evaluate(G), thesis="thesis")
>>> sorted({q.kind for q in qs})
['conflict', 'crux', 'single-source', 'undecided']
>>> print(next(q for q in qs if q.kind == "crux").because)  # doctest: +NORMALIZE_WHITESPACE
“Joining costs too much” decides “We should join”: accepted, the thesis is undecided;
rejected, it is in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import networkx as nx

from argmap.analysis import Evaluation, cruxes, short, why
from argmap.analysis.audiences import audience_report, value_conflicts
from argmap.graph import claim_ids, relation_origin, relation_triples, relations_into, theses
from argmap.model import ArgumentMap
from argmap.products.registry import Output, Product, Request
from argmap.semantics.framework import Label
from argmap.semantics.values import value_names
from argmap.text import md_escape
from argmap.vocabulary import LABELS

_WORD = {label: LABELS[label].word for label in Label}


# Each kind, in the order the questions come, with its heading for people.
KINDS = {
    "crux": "Cruxes",
    "value": "Value conflicts",
    "undecided": "Undecided claims",
    "conflict": "Conflicts between actors",
    "single-source": "Resting on a single source",
    "second-hand": "Known only second-hand",
}


@dataclass(frozen=True)
class Question:
    """A discussion question, the reason it is asked, and the claims it is about."""

    kind: str
    text: str
    because: str
    claims: tuple[str, ...]


LIMIT = 15  # questions shown by default: a seminar hour's worth; the rest on demand


def ranked(questions: list[Question], limit: int | None = LIMIT) -> list[Question]:
    """Return ``questions`` best first, at most ``limit`` (``None``: all): one of each kind
    in :data:`KINDS`'s order (cruxes first), then the next of each, and so on, so that the
    first questions cover the map's kinds of doubt rather than one kind many times over;
    within a kind, the map's order.

    >>> qs = [Question(k, f"{k}{n}?", "", ()) for k in ("conflict", "crux") for n in (1, 2)]
    >>> [q.text for q in ranked(qs, 3)]
    ['crux1?', 'conflict1?', 'crux2?']
    """
    queues = [[q for q in questions if q.kind == kind] for kind in KINDS]
    order: list[Question] = []
    while any(queues):
        for queue in queues:
            if queue:
                order.append(queue.pop(0))
    return order if limit is None else order[:limit]


def _statement(G: nx.DiGraph, claim: str) -> str:
    """The statement in quotation marks, as the mapper wrote it (its case kept)."""
    return f"“{str(G.nodes[claim]['statement']).rstrip('.')}”"


def _actor_names(G: nx.DiGraph) -> dict[str, str]:
    return {a["id"]: a["name"] for a in G.graph.get("actors", [])}


def discussion_questions(
    G: nx.DiGraph, evaluation: Evaluation, *, thesis: str | None = None
) -> list[Question]:
    """Return the discussion questions for the map (for one ``thesis``, or all theses)."""
    claims = claim_ids(G)
    chosen = [thesis] if thesis else theses(G)
    names = _actor_names(G)
    questions: list[Question] = []

    for t in chosen:
        for crux in cruxes(G, t, evaluation.semantics, evaluation.view):
            questions.append(
                Question(
                    "crux",
                    f"Should we accept {_statement(G, crux.claim)}? "
                    f"The case for {_statement(G, t)} turns on it.",
                    f"{short(G, crux.claim)} decides {short(G, t)}: accepted, the thesis is "
                    f"{_WORD[crux.thesis_if_accepted]}; rejected, it is "
                    f"{_WORD[crux.thesis_if_rejected]}.",
                    (crux.claim, t),
                )
            )

    questions += _value_questions(G, evaluation, chosen)

    for c in claims:
        if evaluation.labels[c] is Label.UNDEC:
            questions.append(
                Question(
                    "undecided",
                    f"What would settle {_statement(G, c)}, one way or the other?",
                    why(G, evaluation, c),
                    (c,),
                )
            )

    seen_pairs: set[frozenset[str]] = set()
    for _rid, rtype, origin, target in relation_triples(G):
        if rtype != "attacks":
            continue
        a, b = G.nodes[origin]["actor"], G.nodes[target]["actor"]
        pair = frozenset((a, b))
        if a == b or pair in seen_pairs:
            continue
        seen_pairs.add(pair)
        questions.append(
            Question(
                "conflict",
                f"{names.get(a, a)} and {names.get(b, b)} disagree: who has the better of it?",
                f"{names.get(a, a)}'s {short(G, origin)} attacks {names.get(b, b)}'s "
                f"{short(G, target)}.",
                (origin, target),
            )
        )

    # Claims that bear on a thesis and stand on one source's word, grouped by that source.
    bearing = {relation_origin(G, r) for t in chosen for r in relations_into(G, t)}
    alone: dict[str, list[str]] = {}
    for c in claims:
        if c in bearing and len(_support_sources(G, c)) == 1:
            alone.setdefault(G.nodes[c]["source"], []).append(c)
    titles = {s["id"]: s["title"] for s in G.graph.get("sources", [])}
    for source, held in alone.items():
        listed = "; ".join(_statement(G, c) for c in held)
        questions.append(
            Question(
                "single-source",
                f"Is “{titles.get(source, source)}” enough, on its own, to establish {listed}?",
                f"{'This claim bears' if len(held) == 1 else f'These {len(held)} claims bear'} "
                f"on a thesis and rest{'s' if len(held) == 1 else ''} on "
                f"“{titles.get(source, source)}” alone: nothing from another source supports "
                f"{'it' if len(held) == 1 else 'them'}.",
                tuple(held),
            )
        )

    sources = {s["id"]: s for s in G.graph.get("sources", [])}
    for s in sources.values():
        reported = s.get("reported_in")
        held = [c for c in claims if G.nodes[c]["source"] == s["id"]]
        if not reported or not held:
            continue
        holders = sorted({names.get(G.nodes[c]["actor"], G.nodes[c]["actor"]) for c in held})
        questions.append(
            Question(
                "second-hand",
                f"How far can we trust our account of {' and '.join(holders)}'s position, "
                f"known only through “{sources[reported]['title']}”?",
                f"“{s['title']}” is known only as reported in “{sources[reported]['title']}”; "
                f"{len(held)} "
                f"claim{'s rest' if len(held) != 1 else ' rests'} on that report.",
                tuple(held),
            )
        )
    return questions


def _value_questions(G: nx.DiGraph, evaluation: Evaluation, chosen: list[str]) -> list[Question]:
    """One question per pair of values whose order one of the ``chosen`` theses *needs*.

    A question "is v worth more than w?" is honest only where the answer decides: a thesis
    stands only if v ranks above w (or a rival stands only if w ranks above v). Pairs that
    merely occur in one sufficient condition are not asked.
    """
    names = value_names(G)
    if not names:
        return []
    try:
        report = audience_report(G, evaluation.semantics, evaluation.view, timeout=10.0)
    except TimeoutError:
        return []
    report.theses = [t for t in report.theses if t.id in chosen]
    needs = value_conflicts(report)
    questions = []
    asked: set[frozenset[str]] = set()
    for (v, w), decided in needs.items():
        if frozenset((v, w)) in asked:
            continue
        asked.add(frozenset((v, w)))
        rivals = needs.get((w, v), [])
        reasons = [f"{short(G, t)} stands only if {names[v]} ranks above {names[w]}"
                   for t in decided]  # fmt: skip
        reasons += [f"{short(G, t)} stands only if {names[w]} ranks above {names[v]}"
                    for t in rivals]  # fmt: skip
        questions.append(
            Question(
                "value",
                f"Is {names[v]} worth more than {names[w]}, or less? "
                f"The fate of {' and '.join(_statement(G, t) for t in decided + rivals)} "
                "turns on it.",
                "; ".join(reasons) + ".",
                tuple(decided + rivals),
            )
        )
    return questions


def _support_sources(G: nx.DiGraph, claim: str) -> set[str]:
    """Return the sources of ``claim`` and of every claim that supports it, transitively."""
    found, stack, seen = set(), [claim], {claim}
    while stack:
        c = stack.pop()
        found.add(G.nodes[c]["source"])
        for r in relations_into(G, c, "supports"):
            origin = relation_origin(G, r)
            if origin not in seen:
                seen.add(origin)
                stack.append(origin)
    return found


def to_markdown(title: str, questions: list[Question]) -> str:
    """Return the questions as a hand-out: numbered, with the reason under each, every map
    text escaped (it is data, never markup).

    >>> print(to_markdown("T*", [Question("crux", "Is *it* so?", "It decides.", ())]))
    # Discussion questions: T\\*
    <BLANKLINE>
    1. **Is \\*it\\* so\\?**
       *Why:* It decides\\.
    <BLANKLINE>
    """
    lines = [f"# Discussion questions: {md_escape(title)}", ""]
    for n, q in enumerate(questions, 1):
        lines += [f"{n}. **{md_escape(q.text)}**", f"   *Why:* {md_escape(q.because)}", ""]
    return "\n".join(lines)


def to_rows(questions: list[Question]) -> list[dict[str, object]]:
    """Return the questions as JSON-ready rows (kind, question, because, claims)."""
    return [
        {"kind": q.kind, "question": q.text, "because": q.because, "claims": list(q.claims)}
        for q in questions
    ]


def _prepare(argument_map: ArgumentMap, request: Request) -> tuple[str, list[Question]]:
    from argmap.analysis import evaluate
    from argmap.graph import to_graph

    G = to_graph(argument_map)
    found = discussion_questions(G, evaluate(G, request.reading), thesis=request.thesis)
    return argument_map.title, ranked(found, None)


def _render(
    prepared: tuple[str, list[Question]], argument_map: ArgumentMap, request: Request, suffix: str
) -> bytes:
    title, every = prepared
    questions = every if request.full else every[:LIMIT]  # ranked: the best come first
    if suffix == ".json":
        return json.dumps(to_rows(questions), indent=2, ensure_ascii=False).encode("utf-8")
    return to_markdown(title, questions).encode("utf-8")


PRODUCT = Product(
    "questions", "Discussion questions",
    "Seminar questions drawn from the map, each with why it is asked: the best 15 "
    "(cruxes first), or with full every one; about one thesis, or every one.",
    outputs=(
        Output(".md", "text/markdown", "questions (Markdown)", also=(".markdown",)),
        Output(".json", "application/json", "questions (JSON)"),
    ),
    prepare=_prepare,
    render=_render,
)  # fmt: skip
