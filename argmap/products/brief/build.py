"""A debate brief for one side of one thesis, built from the map and its analysis.

Which claims are on which side follows the relations: the thesis is on the *for* side; a
claim that supports a claim is on that claim's side; one that attacks (or undercuts a
relation of) a claim is on the other side. A claim reached both ways keeps the side of its
shortest path to the thesis.

- **Our case**: the arguments that bear directly on the thesis from our side, strongest
  first by DF-QuAD strength, each with the chain of claims that backs it.
- **Their case**: the other side's arguments on the thesis, and their objections to our
  arguments, strongest first, each followed by our answers from the map (attacks on the
  claim, undercuts of its relation). Those with no answer are the open vulnerabilities.
- **Cruxes**: the claims that decide the thesis, and what changes if each is rejected.
- **Bibliography**: every source cited, with the source it is reported in.

Everything is ordered by value and then by map order, so a brief is deterministic.

>>> from argmap.analysis import demo_graph
>>> b = build_brief(demo_graph(), "thesis", "for")
>>> [p.claim.id for p in b.our_case], [p.claim.id for p in b.their_case]
(['jobs'], ['cost'])
>>> [a.claim.id for a in b.their_case[0].answers]
['subsidy']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx

from argmap.analysis import Evaluation, WhatIf, cruxes, evaluate, what_if
from argmap.analysis.audiences import describe_audience
from argmap.analysis.evaluate import failed_attack_phrase, failed_attacks_by_claim
from argmap.analysis.impact import Impact, ImpactOn
from argmap.analysis.needs import needs
from argmap.analysis.verdict import verdict
from argmap.graph import (
    claim_ids,
    is_claim,
    is_relation,
    relation_origin,
    relation_target,
    relation_triples,
    relations_into,
)
from argmap.semantics.framework import DEFAULT_VIEW, Label
from argmap.semantics.reading import Reading
from argmap.semantics.values import Ranking, audiences

Side = Literal["for", "against"]
MAX_DEPTH = 3  # backing chains deeper than this are summarised in the map, not the brief


@dataclass(frozen=True)
class Cited:
    """A claim as a brief shows it: words, quote, who holds it and where it is from."""

    id: str
    statement: str
    quote: str
    kind: str
    actor: str
    source: str
    citation: str
    label: Label
    strength: float
    why: str = ""  # what its label means, by statement (argmap.analysis.verdict)
    impact: Impact | None = None  # what taking it out does to the brief's thesis
    short: str = ""  # the cite a debater reads out: "Peters 2019" (surname or body, year)
    date: str = ""  # its source's date, or the reporting source's ("2019-09"; "" unknown)


@dataclass(frozen=True)
class BottomLine:
    """Where the thesis stands, why, and what it would take to carry it.

    ``verdict`` is the sentence of :func:`argmap.analysis.verdict.verdict`; ``answer`` the
    smallest sets of claims to answer (reject) for the thesis to stand, ``cut`` the smallest
    sets of links to break, in words ("“A” attacks “B”"); both empty when it stands.
    """

    label: Label
    verdict: str
    answer: tuple[tuple[Cited, ...], ...]
    cut: tuple[tuple[str, ...], ...]
    complete: bool = True
    standing: str = ""  # why, as argmap.analysis.verdict.Standing's value ("refuted", ...)
    deciding: tuple[str, ...] = ()  # the statements of the claims that decide it


@dataclass(frozen=True)
class Point:
    """One argument: ``claim`` bears on ``target`` through ``relation`` (of ``relation_type``).

    ``backing`` holds the claims that support ``claim`` (recursively); ``answers`` the other
    side's replies to it: attacks on the claim and undercuts of the relation.
    """

    relation: str
    relation_type: str
    target: str
    claim: Cited
    backing: tuple[Point, ...] = ()
    answers: tuple[Point, ...] = ()


@dataclass(frozen=True)
class CruxEntry:
    """A claim that decides the thesis, and what changes if it is rejected."""

    claim: Cited
    thesis_if_accepted: Label
    thesis_if_rejected: Label
    changes_if_rejected: tuple[tuple[str, Label, Label], ...]


@dataclass(frozen=True)
class BibEntry:
    """A cited source: its id and its reference in words."""

    id: str
    reference: str


@dataclass(frozen=True)
class Brief:
    """Everything a brief holds, ready for a renderer (Markdown or HTML)."""

    title: str
    question: str
    side: Side
    semantics: str
    view: str
    thesis: Cited
    our_case: tuple[Point, ...]
    their_case: tuple[Point, ...]
    vulnerabilities: tuple[Point, ...]
    cruxes: tuple[CruxEntry, ...]
    bibliography: tuple[BibEntry, ...]
    message: str = ""
    # For a chosen audience: who it is in words, and the attacks its ranking makes fail.
    audience: str = ""
    audience_notes: tuple[str, ...] = ()
    # What a reader calls each claim and relation a point can name: its statement, or "the
    # link from ..." for a relation. Renderers show these, never ids.
    names: dict[str, str] = field(default_factory=dict, compare=False)

    def name(self, node: str) -> str:
        return self.names.get(node, node)

    bottom_line: BottomLine | None = None
    # (audience name, its bottom line) for each audience of the map, when it has values.
    audience_lines: tuple[tuple[str, BottomLine], ...] = ()


def sides(G: nx.DiGraph, thesis: str) -> dict[str, int]:
    """Return +1 (for) or -1 (against) for every claim and relation that bears on ``thesis``,
    in breadth-first order from it (nearest first: the brief's audience notes rely on it).

    >>> from argmap.analysis import demo_graph
    >>> sides(demo_graph(), "thesis")
    {'thesis': 1, 'r-cost': -1, 'cost': -1, 'r-jobs': 1, 'jobs': 1, 'r-sub': 1, 'subsidy': 1, \
'r-doubt': -1, 'doubt': -1, 'r-back': 1}
    """
    side = {thesis: 1}
    queue = deque([thesis])
    while queue:
        node = queue.popleft()
        for relation in relations_into(G, node):
            sign = side[node] * (1 if G.nodes[relation]["type"] == "supports" else -1)
            for member in (relation, relation_origin(G, relation)):
                if member not in side:
                    side[member] = sign
                    queue.append(member)
    return side


def build_brief(
    G: nx.DiGraph,
    thesis: str,
    side: Side,
    *,
    semantics: str = "grounded",
    view: str = DEFAULT_VIEW,
    timeout: float | None = 10.0,
    audience: Ranking | None = None,
    reading: Reading | None = None,
) -> Brief:
    """Return the :class:`Brief` for arguing ``side`` ("for" or "against") on ``thesis``;
    with an ``audience``, labels are weighed by its ranking of the values ("argue this to a
    judge who puts sovereignty first") and the attacks it makes fail are listed. A
    ``reading`` (:class:`~argmap.semantics.reading.Reading`) gives all of these at once."""
    if reading is not None:
        semantics, view, timeout = reading.semantics, reading.support, reading.timeout
        audience = reading.audience
    if thesis not in G or not is_claim(G, thesis):
        raise KeyError(f"no claim {thesis!r} in the map")
    if side not in ("for", "against"):
        raise ValueError(f"side must be 'for' or 'against', not {side!r}")
    ev = evaluate(G, semantics, view, timeout=timeout, audience=audience)
    ours = 1 if side == "for" else -1
    polarity = sides(G, thesis)
    order = {c: i for i, c in enumerate(claim_ids(G))}
    bearing = {c for c in polarity if c in order}  # every claim that bears on the thesis
    # Each cited claim's impact, computed when first cited: a brief cites a small part of
    # a big map.
    impacts = _Impacts(ImpactOn(G, thesis, semantics, view, timeout=timeout, audience=audience),
                       bearing - {thesis})  # fmt: skip
    cite = _Citer(G, ev, impacts)

    def point(relation: str, depth: int, seen: frozenset[str]) -> Point:
        origin = relation_origin(G, relation)
        seen = seen | {origin}
        backing: tuple[Point, ...] = ()
        if depth < MAX_DEPTH:
            backing = _ranked(
                point(r, depth + 1, seen)
                for r in relations_into(G, origin, "supports")
                if relation_origin(G, r) not in seen
            )
        answers = _ranked(
            point(r, MAX_DEPTH, seen)  # answers are shown with their quote, not their backing
            for r in (*relations_into(G, origin, "attacks"), *relations_into(G, relation))
            if relation_origin(G, r) not in seen
        )
        return Point(
            relation,
            G.nodes[relation]["type"],
            relation_target(G, relation),
            cite(origin),
            backing,
            answers,
        )

    def _ranked(points: Iterable[Point]) -> tuple[Point, ...]:
        # What matters most to the thesis first (argmap.analysis.impact), then map order.
        def key(p: Point) -> tuple[bool, float, int]:
            found = p.claim.impact
            return (*(found.key if found else (True, 0.0)), order[p.claim.id])

        return tuple(sorted(points, key=key))

    into_thesis = [
        r for r in relations_into(G, thesis) if G.nodes[r]["type"] in ("supports", "attacks")
    ]
    our_case = _ranked(
        point(r, 1, frozenset({thesis})) for r in into_thesis if polarity.get(r) == ours
    )
    # Their case: their arguments on the thesis, then their objections to our arguments.
    their_direct = [
        point(r, 1, frozenset({thesis})) for r in into_thesis if polarity.get(r) != ours
    ]
    objections = [
        point(r, 1, frozenset({thesis, p.claim.id}))
        for p in our_case
        for r in (*relations_into(G, p.claim.id, "attacks"), *relations_into(G, p.relation))
        if relation_origin(G, r) != thesis  # the thesis answering back is no objection
    ]
    their_case = _ranked(_unique([*their_direct, *objections]))
    vulnerabilities = tuple(p for p in their_case if not p.answers)

    crux_entries = []
    for crux in cruxes(G, thesis, semantics, view, timeout=timeout):
        changes = what_if(G, WhatIf(rejected=[crux.claim]), semantics, view, timeout=timeout)
        crux_entries.append(
            CruxEntry(
                cite(crux.claim),
                crux.thesis_if_accepted,
                crux.thesis_if_rejected,
                tuple((c.claim, c.before, c.after) for c in changes),
            )
        )
    cited = {p.claim.source for p in _walk((*our_case, *their_case))}
    cited |= {c.claim.source for c in crux_entries} | {G.nodes[thesis]["source"]}
    return Brief(
        title=str(G.graph.get("title", "")),
        question=str(G.graph.get("question", "")),
        side=side,
        semantics=semantics,
        view=view,
        thesis=cite(thesis),
        our_case=our_case,
        their_case=their_case,
        vulnerabilities=vulnerabilities,
        cruxes=tuple(crux_entries),
        bibliography=_bibliography(G, cited),
        message=ev.message,
        names=_names(G),
        audience=describe_audience(audience, G) if audience is not None else "",
        audience_notes=_audience_notes(G, polarity, view, audience),
        bottom_line=bottom_line(G, ev, thesis, view, cite, audience),
        audience_lines=tuple(
            (
                a.label,
                bottom_line(
                    G,
                    evaluate(G, semantics, view, timeout=timeout, audience=a),
                    thesis,
                    view,
                    cite,
                    a,
                ),
            )
            for a in audiences(G)
        ),
    )


def _audience_notes(
    G: nx.DiGraph, polarity: dict[str, int], view: str, audience: Ranking | None
) -> tuple[str, ...]:
    """The attacks on claims that bear on the thesis that ``audience`` makes fail, those on
    the thesis first, then nearer claims before further ones (``polarity`` is in breadth-first
    order from the thesis), so a round brief's first few are the ones that matter."""
    if audience is None:
        return ()
    failed = failed_attacks_by_claim(G, audience, view)  # one framework for every claim
    # The words the claim panel and `argmap label --json` use for the same attack.
    return tuple(
        failed_attack_phrase(G, c, f, audience.label)
        for c in polarity
        if is_claim(G, c)
        for f in failed.get(c, ())
    )


def _names(G: nx.DiGraph) -> dict[str, str]:
    """Each claim's statement in quotation marks, each relation as the link it is."""
    names = {c: f"“{str(G.nodes[c]['statement']).rstrip('.')}”" for c in claim_ids(G)}
    for rid, _type, origin, _target in relation_triples(G):
        names[rid] = f"the link from {names.get(origin, origin)}"
    return names


def bottom_line(
    G: nx.DiGraph,
    ev: Evaluation,
    thesis: str,
    view: str,
    cite: Callable[[str], Cited],
    audience: Ranking | None = None,
) -> BottomLine:
    """Return where ``thesis`` stands in ``ev`` (evaluated for ``audience``, when given), why,
    and what it would take to carry it."""
    found = needs(G, thesis, view, audience=audience)
    said = verdict(G, ev, thesis)
    return BottomLine(
        ev.labels[thesis],
        said.text,
        tuple(tuple(cite(c) for c in group) for group in found.reject),
        tuple(tuple(link_words(G, r) for r in group) for group in found.cut),
        found.complete,
        said.kind.value,
        tuple(str(G.nodes[c]["statement"]) for c in said.objections if c in G),
    )


def link_words(G: nx.DiGraph, relation: str) -> str:
    """Return a relation in words, by statement: "“A” attacks “B”".

    >>> from argmap.analysis import demo_graph
    >>> link_words(demo_graph(), "r-sub")
    '“A subsidy covers the cost” undercuts the link of “Joining costs too much” to “We should join”'
    """

    def said(node: str) -> str:
        if is_relation(G, node):  # an undercut of an undercut
            return f"({link_words(G, node)})"
        return "“" + str(G.nodes[node]["statement"]).rstrip(".") + "”"

    kind = G.nodes[relation]["type"]
    origin, target = relation_origin(G, relation), relation_target(G, relation)
    if kind == "undercuts":
        inner_from, inner_to = relation_origin(G, target), relation_target(G, target)
        return f"{said(origin)} undercuts the link of {said(inner_from)} to {said(inner_to)}"
    return f"{said(origin)} {kind} {said(target)}"


def _unique(points: list[Point]) -> list[Point]:
    seen: set[str] = set()
    kept = []
    for p in points:
        if p.relation not in seen:
            seen.add(p.relation)
            kept.append(p)
    return kept


def _walk(points: tuple[Point, ...]) -> list[Point]:
    found: list[Point] = []
    stack = list(points)
    while stack:
        p = stack.pop()
        found.append(p)
        stack.extend(p.backing)
        stack.extend(p.answers)
    return found


class _Impacts:
    """The impacts of ``claims`` on a thesis, each computed when first asked for."""

    def __init__(self, of: ImpactOn, claims: set[str]) -> None:
        self.of, self.claims, self.found = of, claims, dict[str, Impact]()

    def get(self, claim: str) -> Impact | None:
        if claim not in self.claims:
            return None
        if claim not in self.found:
            self.found[claim] = self.of(claim)
        return self.found[claim]


class _Citer:
    """Makes :class:`Cited` claims, with citations in words, from the graph."""

    def __init__(self, G: nx.DiGraph, ev: Evaluation, impacts: _Impacts | None = None) -> None:
        self.G, self.ev, self.impacts = G, ev, impacts
        self.sources = {s["id"]: s for s in G.graph.get("sources", [])}
        self.actors = {a["id"]: a for a in G.graph.get("actors", [])}

    def __call__(self, claim_id: str) -> Cited:
        node = self.G.nodes[claim_id]
        source = self.sources.get(node["source"], {})
        actor = self.actors.get(node["actor"], {})
        citation = f"{actor.get('name', node['actor'])}, {_title_date(source)}"
        reported = self.sources.get(str(source.get("reported_in")), {})
        if reported:
            citation += f"; reported in {_title_date(reported)}"
        date = str(source.get("date") or reported.get("date") or "")
        authors = list(source.get("authors") or [])
        who = authors[0].split()[-1] if authors else source.get("organisation")
        short = f"{who or actor.get('name', node['actor'])} {date[:4] or 'n.d.'}"
        return Cited(
            id=claim_id,
            statement=node["statement"],
            quote=node["quote"],
            kind=node.get("kind", "claim"),
            actor=str(actor.get("name", node["actor"])),
            source=node["source"],
            citation=citation,
            label=self.ev.labels[claim_id],
            strength=self.ev.strength[claim_id],
            why=verdict(self.G, self.ev, claim_id).text,
            impact=None if self.impacts is None else self.impacts.get(claim_id),
            short=short,
            date=date,
        )


def _title_date(source: dict[str, object]) -> str:
    date = source.get("date")
    return f"“{source.get('title', '?')}”" + (f" ({date})" if date else "")


def _bibliography(G: nx.DiGraph, cited: set[str]) -> tuple[BibEntry, ...]:
    sources = G.graph.get("sources", [])
    by_id = {s["id"]: s for s in sources}
    wanted = set(cited)
    for source_id in cited:  # a second-hand source brings the one that reports it
        reported = by_id.get(source_id, {}).get("reported_in")
        if reported:
            wanted.add(reported)
    entries = []
    for s in sources:  # map order
        if s["id"] not in wanted:
            continue
        who = ", ".join(s.get("authors", [])) or s.get("organisation", "")
        reference = f"{who}, “{s['title']}”" if who else f"“{s['title']}”"
        if s.get("organisation") and s.get("organisation") != who:
            reference += f", {s['organisation']}"
        reference += f" ({s['kind']}, {s.get('date', 'n.d.')})."
        if s.get("url"):
            reference += f" {s['url']}"
        if s.get("reported_in") in by_id:
            reference += f" Known through {_title_date(by_id[s['reported_in']])}."
        entries.append(BibEntry(s["id"], reference))
    return tuple(entries)
