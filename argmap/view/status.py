"""The app's labels: where every page gets them (:mod:`argmap.analysis` under one reading):
labels, strengths, what-ifs, the plain-English "why", what a claim needs and how its
neighbours rank. (The reading's vocabulary reaches the app through :mod:`argmap.view.door`.)"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

import networkx as nx

TIMEOUT_S = 10.0  # preferred/stable can blow up on big maps; the result then says incomplete


class _HasClaim(Protocol):
    @property
    def claim(self) -> str: ...


N = TypeVar("N", bound=_HasClaim)


@dataclass(frozen=True)
class Assumptions:
    """A what-if: claims taken as rejected or accepted, relations cut, and claims' base
    scores tried at other values.

    Sorted tuples, not sets, so that equal what-ifs hash alike in Streamlit's caches.
    """

    rejected: tuple[str, ...] = ()
    accepted: tuple[str, ...] = ()
    cut: tuple[str, ...] = ()
    base: tuple[tuple[str, float], ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.rejected or self.accepted or self.cut or self.base)

    @classmethod
    def of(
        cls,
        rejected: Iterable[str] = (),
        accepted: Iterable[str] = (),
        cut: Iterable[str] = (),
        base: Iterable[tuple[str, float]] = (),
    ) -> Assumptions:
        return cls(
            tuple(sorted(set(rejected))),
            tuple(sorted(set(accepted))),
            tuple(sorted(set(cut))),
            tuple(sorted(dict(base).items())),
        )


@dataclass(frozen=True)
class Status:
    labels: dict[str, str]  # claim -> "in" / "out" / "undec"
    strength: dict[str, float]
    effect: dict[str, float]  # relation -> its push on its target, to rank neighbours
    complete: bool
    message: str
    evaluation: Any = field(repr=False, compare=False)


def evaluate_status(
    G: nx.DiGraph,
    semantics: str,
    view: str,
    assume: Assumptions | None = None,
    audience: str | None = None,
) -> Status:
    """Label every claim under ``semantics``, with ``assume`` applied when given, attacks
    weighed by the map's audience ``audience`` (an id) when given: the reading
    :func:`~argmap.semantics.reading.reading_of` resolves."""
    from argmap.analysis import WhatIf, evaluate
    from argmap.semantics.reading import reading_of

    assume = assume or Assumptions()
    what_if = WhatIf(rejected=assume.rejected, accepted=assume.accepted, cut=assume.cut)
    reading = reading_of(
        G, semantics=semantics, support=view, audience=audience or None, assume=what_if,
        base_scores=assume.base, timeout=TIMEOUT_S,
    )  # fmt: skip
    result = evaluate(G, reading)
    return Status(
        labels={c: str(lab) for c, lab in result.labels.items()},
        strength=result.strength,
        effect=result.effect,
        complete=bool(result.complete),
        message=str(result.message or ""),
        evaluation=result,
    )


def explain(G: nx.DiGraph, status: Status, claim: str) -> str:
    """The plain-English reason for ``claim``'s label, naming claims by statement
    (:func:`argmap.analysis.verdict.verdict`: refuted, open disagreement, ...)."""
    from argmap.analysis.evaluate import failed_attack_words
    from argmap.analysis.verdict import verdict

    text = verdict(G, status.evaluation, claim).text
    ev = status.evaluation
    if ev.audience is None:
        return text
    # The verdict reads the attacks that succeed; say which ones the audience made fail,
    # in the words the brief and the CLI use.
    said = failed_attack_words(G, claim, ev.audience, ev.view, ev.assume)
    if not said:
        return text
    text = text.replace("nothing in the map attacks it", "no attack on it succeeds")
    return f"{text} " + "; ".join(said) + "."


def changed_claims(before: Status, after: Status) -> set[str]:
    """Claims whose label differs between two evaluations (as :func:`what_if` reports)."""
    return {c for c, lab in after.labels.items() if before.labels.get(c) != lab}


def counts(status: Status | None) -> dict[str, int]:
    """How many claims are in, out and undecided."""
    result = {"in": 0, "out": 0, "undec": 0}
    if status is not None:
        for lab in status.labels.values():
            result[lab] = result.get(lab, 0) + 1
    return result


def ranked_neighbours(
    G: nx.DiGraph,
    focus: str,
    items: Sequence[N],
    status: Status,
    tried: dict[str, float] | None = None,
) -> list[N]:
    """Return ``items`` (each with a ``claim``) ordered by their impact on ``focus``: label
    change first, then strength (``tried``: base scores tried in the panel)."""
    from argmap.analysis.impact import impact

    ev = status.evaluation
    others = [n.claim for n in items if n.claim != focus]
    found = impact(G, focus, others, ev.semantics, ev.view, base_scores=tried or {},
                   audience=ev.audience)  # fmt: skip
    return sorted(items, key=lambda n: found[n.claim].key if n.claim in found else (True, 0.0))


def needs_lines(G: nx.DiGraph, claim: str, status: Status) -> list[str]:
    """Return Markdown lines saying what it would take for ``claim`` to stand (statements
    escaped): the claims to answer, then the links to break."""
    from argmap.analysis.needs import BUDGET, needs
    from argmap.graph import relation_origin
    from argmap.view.text import md_escape, truncate

    ev = status.evaluation
    found = needs(G, claim, ev.view, audience=ev.audience, budget=BUDGET // 2)
    lines = []
    for n, group in enumerate(found.reject, 1):
        said = "; ".join(f"“{md_escape(truncate(G.nodes[c]['statement'], 90))}”" for c in group)
        lines.append(f"{'To make it stand, answer' if n == 1 else 'or answer'}: {said}")
    if found.cut and len(found.cut[0]) <= 3:
        origins = [G.nodes[relation_origin(G, r)]["statement"] for r in found.cut[0]]
        links = ", ".join(f"the link from “{md_escape(truncate(o, 60))}”" for o in origins)
        lines.append(f"or break {links}")
    return lines
