"""Each thesis's bottom line, in one line: where it stands for the chosen reading, why in a
phrase, and for whom it stands across the map's audiences.

"Falls: “Russia and China want a UN treaty…” stands against it. Stands for Iasiello,
Russia; falls for Peters, Goldsmith: answer “…” to carry it."

The wording is here, in one function per part (:func:`where_and_why`, :func:`for_whom`), so
that the across-audience part can take other explanations (which preferences are necessary
or sufficient for a thesis) without touching the page.

>>> from argmap.analysis import demo_graph, evaluate
>>> G = demo_graph()
>>> [line.text for line in thesis_lines(G, evaluate(G))]
['Undecided: it waits on the open dispute over “Joining costs too much”.']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from argmap.analysis import evaluate, needs, verdict
from argmap.analysis.audiences import thesis_needs
from argmap.analysis.evaluate import Evaluation
from argmap.graph import theses
from argmap.products.brief.round import short, why_phrase
from argmap.semantics.framework import DEFAULT_VIEW, Label
from argmap.semantics.values import Ranking, audiences

WHERE = {Label.IN: "Stands", Label.OUT: "Falls", Label.UNDEC: "Undecided"}
_FOR = {Label.IN: "stands", Label.OUT: "falls", Label.UNDEC: "undecided"}


@dataclass(frozen=True)
class ThesisLine:
    """One thesis's bottom line: ``label``, ``where`` ("Stands"), ``why`` (a phrase) and
    ``for_whom`` (a sentence, "" when the map has no audiences)."""

    thesis: str
    label: Label
    where: str
    why: str
    for_whom: str = ""
    needs: str = ""  # what any ranking must put first for it to stand ("" for nothing)

    @property
    def text(self) -> str:
        """The line as shown: "Falls: “A” stands against it. Stands for X; falls for Y.
        Whatever the ranking, it stands only if V above W."."""
        said = f"{self.where}: {self.why}." if self.why else f"{self.where}."
        said = f"{said} {self.for_whom}" if self.for_whom else said
        if not self.needs:
            return said
        return f"{said} Whatever the ranking, it stands only if {self.needs}."


def where_and_why(G: nx.DiGraph, ev: Evaluation, thesis: str) -> tuple[str, str]:
    """Return where ``thesis`` stands in ``ev`` ("Falls") and why, in a phrase.

    >>> from argmap.analysis import demo_graph, evaluate
    >>> G = demo_graph()
    >>> where_and_why(G, evaluate(G), "jobs")
    ('Stands', 'nothing in the map attacks it')
    """
    said = verdict(G, ev, thesis)
    deciding = [str(G.nodes[c]["statement"]) for c in said.objections if c in G]
    return WHERE[ev.labels[thesis]], why_phrase(said.kind.value, deciding[:1], 8)


def holder(G: nx.DiGraph, audience: Ranking) -> str:
    """An audience by whoever holds it, shortly: its name before any colon ("Russia:
    sovereignty first" is Russia), else its actor's name, else its id."""
    if audience.name:
        who = audience.name.split(":")[0].strip()
        return "the " + who[4:] if who.startswith("The ") else who
    actors = {a["id"]: a.get("name", a["id"]) for a in G.graph.get("actors", [])}
    return str(actors.get(audience.actor, audience.id or ""))


def for_whom(
    G: nx.DiGraph,
    thesis: str,
    labels: Mapping[str, Label],
    answers: Mapping[str, Sequence[str]],
    names: Mapping[str, str],
) -> str:
    """Return for whom ``thesis`` stands across the audiences: ``labels`` maps an audience
    id to the thesis's label for it, ``answers`` to the claims to answer for it to stand
    there (``argmap needs``), ``names`` to who holds it.

    >>> import networkx as nx
    >>> G = nx.DiGraph(); G.add_node("c", statement="Russia will never sign.")
    >>> for_whom(G, "t", {"a": Label.IN, "b": Label.OUT}, {"b": ["c"]},
    ...          {"a": "Peters", "b": "Russia"})
    'Stands for Peters; falls for Russia: answer “Russia will never sign” to carry it.'
    """
    groups: dict[Label, list[str]] = {}
    for audience, label in labels.items():
        groups.setdefault(label, []).append(audience)
    if len(groups) == 1 and len(labels) > 1:  # the same for every audience
        (label,) = groups
        return f"{_FOR[label].capitalize()} for every audience of the map."
    parts = []
    for label in (Label.IN, Label.OUT, Label.UNDEC):
        members = groups.get(label, [])
        if not members:
            continue
        part = f"{_FOR[label]} for {', '.join(names[a] for a in members)}"
        if label is Label.OUT:  # what would carry it there, when one answer does for all
            needed = [tuple(answers.get(a, ())) for a in members]
            if needed[0] and all(n == needed[0] for n in needed):
                part += f": answer {_listed(G, needed[0])} to carry it"
        parts.append(part)
    if not parts:
        return ""
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def _listed(G: nx.DiGraph, claims: Sequence[str]) -> str:
    more = f" and {len(claims) - 1} more" if len(claims) > 1 else ""
    return f"“{short(str(G.nodes[claims[0]]['statement']), 8)}”{more}"


def thesis_lines(
    G: nx.DiGraph,
    ev: Evaluation,
    semantics: str = "grounded",
    view: str = DEFAULT_VIEW,
    *,
    timeout: float | None = None,
) -> list[ThesisLine]:
    """Return every thesis's bottom line, in map order: where it stands in ``ev`` (the
    chosen reading, what-if included) and why; and, when the map has audiences, for whom
    it stands under ``semantics`` and ``view`` (without the what-if)."""
    ranked = [a for a in audiences(G) if a.id is not None]
    names = {str(a.id): holder(G, a) for a in ranked}
    try:  # the exact "only if" across every ranking (docs/semantics.md)
        required = thesis_needs(G, semantics, view, timeout=timeout)
    except TimeoutError:
        required = {}
    weighed = {str(a.id): evaluate(G, semantics, view, audience=a, timeout=timeout) for a in ranked}
    lines = []
    for thesis in theses(G):
        where, why = where_and_why(G, ev, thesis)
        labels = {a: e.labels[thesis] for a, e in weighed.items()}
        answers = {}
        for a in ranked:
            if labels[str(a.id)] is Label.OUT:
                found = needs(G, thesis, view, audience=a).reject
                answers[str(a.id)] = found[0] if found else ()
        whom = for_whom(G, thesis, labels, answers, names) if ranked else ""
        lines.append(
            ThesisLine(thesis, ev.labels[thesis], where, why, whom, required.get(thesis, ""))
        )
    return lines
