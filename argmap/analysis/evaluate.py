"""What still stands in a map, why, and what would change it.

:func:`evaluate` is the one entry point for the app and the briefs: labels (Dung semantics
on the map's framework, see :mod:`argmap.semantics.bipolar`) and strengths (DF-QuAD, see
:mod:`argmap.semantics.gradual`) for every claim. For semantics with several extensions the
label is the *sceptical* one: **in** if the claim is in every extension, **out** if every
extension has a member attacking it, else **undec**. (For complete semantics this is the
grounded labelling.) When the extensions cannot be found in time, or no stable extension
exists, the labels fall back to the grounded ones or to undec, and ``message`` says so.

>>> from argmap.analysis import demo_graph
>>> G = demo_graph()
>>> ev = evaluate(G)
>>> {c: str(label) for c, label in ev.labels.items()}
{'thesis': 'undec', 'cost': 'in', 'subsidy': 'undec', 'doubt': 'undec', 'jobs': 'in'}
>>> print(why(G, ev, "thesis"))
“We should join” is undecided: “Joining costs too much” attacks it; “Joining costs too \
much” is in, but an undecided undercut by “A subsidy covers the cost” may defeat it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from argmap.graph import (
    claim_ids,
    collection_paused,
    relation_origin,
    relation_target,
    relation_triples,
)
from argmap.semantics.bipolar import WhatIf, attack_framework, describe_argument
from argmap.semantics.dung import (
    IN_CODE,
    OUT_CODE,
    Outcome,
    grounded_labelling,
    semantics_named,
    solve,
)
from argmap.semantics.framework import DEFAULT_VIEW, Framework, Label
from argmap.semantics.framework import upstream as upstream_of
from argmap.semantics.gradual import dfquad, relation_effects
from argmap.semantics.reading import Reading
from argmap.semantics.values import Ranking, defeat_framework, failed_attacks, value_names
from argmap.vocabulary import LABELS

__all__ = ["Change", "Crux", "Evaluation", "Label", "WhatIf", "cruxes", "evaluate", "what_if"]


@dataclass
class Evaluation:
    """The status of every claim of a map under one semantics, view and set of assumptions.

    - ``labels``: claim id -> :class:`Label` (sceptical for multi-extension semantics);
    - ``strength``: claim id -> DF-QuAD strength in [0, 1];
    - ``effect``: relation id -> how hard it pushes its target (DF-QuAD: the strength of its
      origin times its weight, which undercuts lower), to rank objections and reasons;
    - ``extensions``: the extensions as sets of claim ids (``None`` when not determined);
    - ``complete``: false when the extensions could not all be found (time, or too many);
    - ``message``: e.g. "no stable extension exists", "undetermined within 5 s";
    - ``relation_labels``: relation id -> whether the relation stands;
    - ``outcome``: how the search for extensions ended (:class:`~argmap.semantics.dung.Outcome`);
    - ``arguments``: every framework argument's label (used by :func:`why`);
    - ``audience``: the value ranking the attacks were weighed by (``None``: plain Dung);
      ``framework`` then holds only the attacks that succeed for it.
    """

    semantics: str
    view: str
    labels: dict[str, Label]
    strength: dict[str, float]
    effect: dict[str, float]
    extensions: list[frozenset[str]] | None
    complete: bool
    message: str
    relation_labels: dict[str, Label]
    outcome: Outcome = Outcome.SOLVED
    assume: WhatIf = field(default_factory=WhatIf)
    framework: Framework | None = field(default=None, repr=False)
    arguments: dict[str, Label] = field(default_factory=dict, repr=False)
    audience: Ranking | None = None

    def standing(self) -> list[str]:
        """Return the ids of the claims labelled in, in map order."""
        return [c for c, label in self.labels.items() if label is Label.IN]

    @property
    def support(self) -> str:
        """How supports count (``view`` under its newer name)."""
        return self.view


@collection_paused()
def evaluate(
    G: nx.DiGraph,
    semantics: str | Reading = "grounded",
    view: str = DEFAULT_VIEW,
    *,
    assume: WhatIf | None = None,
    base_scores: dict[str, float] | None = None,
    timeout: float | None = None,
    limit: int = 100,
    audience: Ranking | None = None,
    strengths: bool = True,
) -> Evaluation:
    """Return an :class:`Evaluation` of every claim of the map graph ``G``.

    Give a :class:`~argmap.semantics.reading.Reading` (the one way pages and products do),
    or its parts: ``semantics`` is one of "grounded", "complete", "preferred", "stable";
    ``view`` one of
    :data:`~argmap.semantics.framework.VIEWS` (how supports count; default "evidential");
    ``assume`` a :class:`WhatIf`; ``base_scores`` overrides claims' base scores;
    ``timeout`` bounds the search for preferred and stable; at most
    ``limit`` extensions are listed. With an ``audience`` (a value ranking, see
    :mod:`argmap.semantics.values`) the attacks it makes fail are dropped first; strengths
    are not weighed by it. ``strengths=False`` leaves ``strength`` and ``effect`` empty, for a
    caller that shows labels only (DF-QuAD is half the work on a big map).

    >>> from argmap.analysis import demo_graph
    >>> ev = evaluate(demo_graph(), "preferred")
    >>> sorted(sorted(e) for e in ev.extensions)
    [['cost', 'doubt', 'jobs'], ['cost', 'jobs', 'subsidy', 'thesis']]
    """
    if isinstance(semantics, Reading):
        reading = semantics
        semantics, view, assume = reading.semantics, reading.support, reading.assume
        base_scores, timeout, audience = reading.base(), reading.timeout, reading.audience
    semantics_named(semantics)  # fail before any work on an unknown name
    assume = assume or WhatIf()
    triples = list(relation_triples(G))  # read once, for the framework and the strengths
    fw = attack_framework(G, view, assume, triples=triples)
    if audience is not None:
        fw = defeat_framework(fw, G, audience)
    claims = claim_ids(G)
    claim_set = set(claims)
    result = solve(fw, semantics, timeout, limit, named=False)  # names from members below
    message = result.message
    if result.labels is not None:
        labels = result.labels
    elif result.outcome is Outcome.NONE_EXISTS:  # nothing is sceptically anything
        labels = [Label.UNDEC] * len(fw)
    else:
        labels = grounded_labelling(fw)
        message += "; labels shown are the grounded ones, which every extension extends"
    extensions: list[frozenset[str]] | None = None
    if result.outcome is not Outcome.UNDETERMINED:
        seen: dict[frozenset[str], None] = {}
        for members in result.members:
            seen[frozenset(fw.names[i] for i in members if fw.names[i] in claim_set)] = None
        extensions = list(seen)
    arguments = dict(zip(fw.names, labels, strict=True))
    strength: dict[str, float] = {}
    effect: dict[str, float] = {}
    if strengths:
        gradual = dfquad(G, base_scores, view, triples=triples)
        strength, effect = gradual.strength, relation_effects(G, gradual, triples=triples)
    relation_labels = {rid: arguments.get(rid, Label.OUT) for rid, *_ in triples}
    return Evaluation(
        semantics=semantics,
        view=view,
        labels={c: arguments[c] for c in claims},
        strength=strength,
        effect=effect,
        extensions=extensions,
        complete=result.complete,
        message=message,
        relation_labels=relation_labels,
        outcome=result.outcome,
        assume=assume,
        framework=fw,
        arguments=arguments,
        audience=audience,
    )


def short(G: nx.DiGraph, claim_id: str, width: int = 60) -> str:
    """Return the claim as a reader knows it: its statement in quotation marks, cut to
    ``width`` characters at a word. Never the id: ids are for files, not for people.

    >>> from argmap.analysis import demo_graph
    >>> short(demo_graph(), "cost", 16)
    '“Joining costs…”'
    """
    text = " ".join(str(G.nodes[claim_id].get("statement", claim_id)).split()).rstrip(".")
    if len(text) > width:
        cut = text[: width - 1]
        text = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"
    return f"“{text}”"


def _again(G: nx.DiGraph, claim_id: str) -> str:
    """A claim mentioned again: a shorter quotation."""
    return short(G, claim_id, 40)


def _link(G: nx.DiGraph, relation_id: str) -> str:
    """A relation in words: the link from “X” to “Y”."""
    return (
        f"the link from {_again(G, relation_origin(G, relation_id))} "
        f"to {_again(G, relation_target(G, relation_id))}"
    )


def _attackers(ev: Evaluation, name: str) -> list[str]:
    fw = ev.framework
    assert fw is not None
    return [fw.names[a] for a in fw.attackers[fw.index[name]]]


def _attack_phrase(G: nx.DiGraph, name: str, *, first: bool = True) -> tuple[str, str | None]:
    """Return (how the framework argument ``name`` attacks, its origin claim or None)."""
    info = describe_argument(name, G)
    show = (lambda c: short(G, c)) if first else (lambda c: _again(G, c))
    if info.kind == "relation":
        origin = relation_origin(G, name)
        return f"{show(origin)} attacks it", origin
    if info.kind == "supported":
        s, r = info.ids
        origin, via = relation_origin(G, s), relation_target(G, s)
        return f"{show(origin)} supports {_again(G, via)}, which attacks it", origin
    if info.kind == "secondary":
        r, s = info.ids
        origin, via = relation_origin(G, r), relation_target(G, r)
        return f"{show(origin)} attacks {_again(G, via)}, which supports it", origin
    if info.kind == "mediated":
        r, s = info.ids
        origin, via = relation_origin(G, r), relation_target(G, r)
        return f"{show(origin)} attacks {_again(G, via)}, which it supports", origin
    if info.kind == "extended":
        s, r = info.ids
        origin, via = relation_target(G, s), relation_origin(G, s)
        return f"{show(origin)} needs {_again(G, via)}, which attacks it", origin
    if info.kind == "reject":
        return "you assumed it rejected", None
    if info.kind == "accept":
        return "you assumed the claim it targets accepted", None
    if info.kind == "cut":
        return f"you cut {_link(G, info.ids[0])}", None
    return name, None


def _undercuts(G: nx.DiGraph, ev: Evaluation, name: str, label: Label) -> list[str]:
    """Return “z” for each undercut (or cut) with ``label`` against attack ``name``."""
    found = []
    for a in _attackers(ev, name):
        info = describe_argument(a, G)
        if ev.arguments[a] is not label:
            continue
        if info.kind == "relation":
            found.append(_again(G, relation_origin(G, a)))
        elif info.kind == "cut":
            found.append(f"your cut of {_link(G, info.ids[0])}")
    return found


def _attack_clause(G: nx.DiGraph, ev: Evaluation, name: str, first: bool = True) -> str:
    """Return why the attacking argument ``name`` has its label, as one clause."""
    phrase, origin = _attack_phrase(G, name, first=first)
    if origin is None:
        return phrase
    label, origin_label = ev.arguments[name], ev.labels[origin]
    named = _again(G, origin)
    if label is Label.OUT:
        if origin_label is not Label.IN:
            return f"{phrase}, but {named} is {_LABEL_WORD[origin_label]}"
        return f"{phrase}, but {' and '.join(_undercuts(G, ev, name, Label.IN))} undercuts it"
    origin_clause = f"{named} is {_LABEL_WORD[origin_label]}: {_claim_reason(G, ev, origin)}"
    if label is Label.IN or origin_label is not Label.IN:
        return f"{phrase}, and {origin_clause}"
    undecided = " and ".join(_undercuts(G, ev, name, Label.UNDEC))
    return f"{phrase}; {named} is in, but an undecided undercut by {undecided} may defeat it"


def _claim_reason(G: nx.DiGraph, ev: Evaluation, claim_id: str) -> str:
    """Return one short clause saying why a claim has its label, without going deeper."""
    label = ev.labels[claim_id]
    attackers = _attackers(ev, claim_id)
    if not attackers:
        return "nothing attacks it"
    if label is Label.IN:
        return "every attack on it fails"
    wanted = Label.IN if label is Label.OUT else Label.UNDEC
    culprit = next((a for a in attackers if ev.arguments[a] is wanted), attackers[0])
    phrase, origin = _attack_phrase(G, culprit, first=False)
    if origin is None:
        return phrase
    return f"{phrase}, and that attack is {_LABEL_WORD[wanted]}"


@dataclass(frozen=True)
class FailedAttack:
    """An attack on a claim that an audience makes fail: from ``source`` (through framework
    argument ``via``), because ``higher`` (the target's best value) ranks above ``lower``."""

    source: str
    via: str
    higher: str
    lower: str


def failed_attacks_on(
    G: nx.DiGraph, claim_id: str, ranking: Ranking, view: str = DEFAULT_VIEW,
    assume: WhatIf | None = None,
) -> list[FailedAttack]:  # fmt: skip
    """Return the attacks on ``claim_id`` that fail for the audience ``ranking``, with the
    names of the values that decide each."""
    return failed_attacks_by_claim(G, ranking, view, assume, only=claim_id).get(claim_id, [])


def failed_attacks_by_claim(
    G: nx.DiGraph, ranking: Ranking, view: str = DEFAULT_VIEW, assume: WhatIf | None = None,
    *, only: str | None = None,
) -> dict[str, list[FailedAttack]]:  # fmt: skip
    """Return, for each claim (or relation an undercut aims at) some attack on which fails
    for the audience ``ranking``, those attacks (as :func:`failed_attacks_on` gives them),
    from one framework; with ``only``, for that claim alone (``KeyError`` when the map has
    no such claim).
    """
    fw = attack_framework(G, view, assume)
    names = value_names(G)
    position = ranking.positions()
    target = None if only is None else fw.index[only]

    found: dict[str, list[FailedAttack]] = {}
    for va in failed_attacks(fw, G, ranking):
        if target is not None and va.target != target:
            continue
        higher, lower = va.deciding(position) or ("", "")  # a failed attack always has both
        found.setdefault(fw.names[va.target], []).append(
            FailedAttack(va.source, fw.names[va.attacker], names.get(higher, higher),
                         names.get(lower, lower))
        )  # fmt: skip
    return found


def failed_attack_words(
    G: nx.DiGraph, claim_id: str, ranking: Ranking, view: str = DEFAULT_VIEW,
    assume: WhatIf | None = None,
) -> list[str]:  # fmt: skip
    """Return, in words, the attacks on ``claim_id`` that fail for the audience ``ranking``
    (:func:`failed_attack_phrase`, the words the panel, the brief and the CLI share).

    >>> G = nx.DiGraph(values=[{"id": "s", "name": "security"}, {"id": "r", "name": "rights"}])
    >>> G.add_node("a", role="claim", values=["s"], statement="Spy more.")
    >>> G.add_node("b", role="claim", values=["r"], statement="Spy less.")
    >>> G.add_node("r1", role="relation", type="attacks")
    >>> G.add_edges_from([("a", "r1"), ("r1", "b")])
    >>> failed_attack_words(G, "b", Ranking((("r",), ("s",)), name="The court"))
    ['“Spy more” does not defeat “Spy less” for The court: rights ranks above security']
    """
    return [
        failed_attack_phrase(G, claim_id, f, ranking.label)
        for f in failed_attacks_on(G, claim_id, ranking, view, assume)
    ]


def failed_attack_phrase(G: nx.DiGraph, target: str, failed: FailedAttack, who: str) -> str:
    """Return why one attack fails for an audience, naming claims by their statements."""
    return (
        f"{_quoted(G, failed.source)} does not defeat {_quoted(G, target)} for {who}: "
        f"{failed.higher} ranks above {failed.lower}"
    )


def _quoted(G: nx.DiGraph, claim_id: str) -> str:
    return f"“{str(G.nodes[claim_id].get('statement', claim_id)).rstrip('.')}”"


@dataclass(frozen=True)
class RelationOutcome:
    """Whether an attack or undercut succeeds under a reading, and why, in words."""

    id: str
    type: str
    origin: str
    target: str
    succeeds: bool
    why: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "from": self.origin,
            "to": self.target,
            "succeeds": self.succeeds,
            "why": self.why,
        }


def relation_outcomes(G: nx.DiGraph, ev: Evaluation) -> list[RelationOutcome]:
    """Return, for every attack and undercut of the map in map order, whether it succeeds
    under the reading ``ev`` was computed with: its origin stands, no undercut or what-if
    stops it, and the audience (if any) does not make it fail.

    >>> from argmap.analysis import demo_graph
    >>> G = demo_graph()
    >>> [(o.id, o.succeeds, o.why) for o in relation_outcomes(G, evaluate(G))][:1]
    [('r-cost', False, 'undecided: an undecided undercut by “A subsidy covers the cost” may \
stop it')]
    """
    fw = ev.framework
    assert fw is not None
    dropped: dict[tuple[str, str], FailedAttack] = {}
    if ev.audience is not None:
        # Keyed by every weighed target: claims, and the relations undercuts aim at.
        for target, found in failed_attacks_by_claim(G, ev.audience, ev.view, ev.assume).items():
            for f in found:
                dropped[(f.via, target)] = f
    out = []
    for rid, kind in G.nodes(data="type"):
        if G.nodes[rid].get("role") != "relation" or kind not in ("attacks", "undercuts"):
            continue
        origin, target = relation_origin(G, rid), relation_target(G, rid)
        label = ev.arguments.get(rid, Label.OUT)
        failed = dropped.get((rid, target))
        if failed is not None:
            why = "fails for " + ev.audience.label + ": " if ev.audience else "fails: "
            why += f"{failed.higher} ranks above {failed.lower}"
            out.append(RelationOutcome(rid, kind, origin, target, False, why))
            continue
        why = _relation_why(G, ev, rid, origin, label)
        out.append(RelationOutcome(rid, kind, origin, target, label is Label.IN, why))
    return out


def _relation_why(G: nx.DiGraph, ev: Evaluation, rid: str, origin: str, label: Label) -> str:
    """Why a relation's attack has ``label``: its origin's standing, then its undercuts."""
    said = _quoted(G, origin)
    if label is Label.IN:
        return f"succeeds: {said} stands and nothing answers the link"
    head = "fails: " if label is Label.OUT else "undecided: "
    origin_label = ev.labels.get(origin, Label.OUT)
    if origin_label is not Label.IN:
        return f"{head}{said} is {_LABEL_WORD[origin_label]}"
    if rid in ev.assume.cut:
        return f"{head}you cut it"
    stoppers = _undercuts(G, ev, rid, Label.IN if label is Label.OUT else Label.UNDEC)
    if label is Label.OUT:
        return f"{head}{' and '.join(stoppers) or 'an undercut'} answers the link"
    return f"{head}an undecided undercut by {' and '.join(stoppers) or 'another claim'} may stop it"


def why(G: nx.DiGraph, evaluation: Evaluation, claim_id: str) -> str:
    """Return a short plain-English justification of a claim's label in ``evaluation``.

    Names each claim by its statement (shorter on a second mention), never by id, and goes
    one step back: "out because X, which is in, attacks it; X is in because nothing attacks
    it".

    >>> from argmap.analysis import demo_graph
    >>> G = demo_graph()
    >>> print(why(G, evaluate(G), "subsidy"))
    “A subsidy covers the cost” is undecided: “The subsidy may never come” attacks it, and \
“The subsidy may never come” is undecided: “A subsidy covers the cost” attacks it, and that \
attack is undecided.
    """
    reason = _why(G, evaluation, claim_id)
    if evaluation.audience is None:
        return reason
    failed = failed_attack_words(
        G, claim_id, evaluation.audience, evaluation.view, evaluation.assume
    )
    if not failed:
        return reason
    reason = reason.replace(": nothing attacks it.", ": no attack on it succeeds.")
    return f"{reason} " + "; ".join(failed) + "."


def _why(G: nx.DiGraph, evaluation: Evaluation, claim_id: str) -> str:
    ev = evaluation
    label = ev.labels[claim_id]
    head = f"{short(G, claim_id)} is {_LABEL_WORD[label]}"
    attackers = _attackers(ev, claim_id)
    if ev.semantics != "grounded" and ev.extensions is not None and label is Label.UNDEC:
        inside = sum(claim_id in e for e in ev.extensions)
        if ev.extensions and 0 < inside < len(ev.extensions):
            return (
                f"{head}: it is in {inside} of the {len(ev.extensions)} {ev.semantics} "
                "extensions listed, so it is not accepted in all of them."
            )
    if ev.outcome is Outcome.NONE_EXISTS:
        return f"{head}: no {ev.semantics} extension exists, so nothing is accepted in all of them."
    if not attackers:
        return f"{head}: nothing attacks it."
    if label is Label.IN:
        fails = [_attack_clause(G, ev, a, first=False) for a in attackers]
        return f"{head}: every attack on it fails: " + "; ".join(fails) + "."
    wanted = Label.IN if label is Label.OUT else Label.UNDEC
    culprits = [a for a in attackers if ev.arguments[a] is wanted] or attackers
    culprits.sort(key=lambda a: not a.startswith("assume:"))  # assumptions first
    parts = [_attack_clause(G, ev, a) for a in culprits[:2]]
    more = f" (and {len(culprits) - 2} more)" if len(culprits) > 2 else ""
    return f"{head}: " + "; ".join(parts) + more + "."


_LABEL_WORD = {label: LABELS[label].word for label in Label}


@dataclass(frozen=True)
class Change:
    """A claim whose label changes under a what-if, and why it now has its new label."""

    claim: str
    before: Label
    after: Label
    reason: str


def what_if(
    G: nx.DiGraph,
    assume: WhatIf,
    semantics: str = "grounded",
    view: str = DEFAULT_VIEW,
    *,
    timeout: float | None = None,
) -> list[Change]:
    """Return the claims whose label changes under ``assume``, in map order, with reasons.

    >>> from argmap.analysis import demo_graph
    >>> G = demo_graph()
    >>> for change in what_if(G, WhatIf(rejected=["doubt"])):
    ...     print(change.claim, change.before, "->", change.after)
    thesis undec -> in
    subsidy undec -> in
    doubt undec -> out
    """
    before = evaluate(G, semantics, view, timeout=timeout)
    after = evaluate(G, semantics, view, assume=assume, timeout=timeout)
    return [
        Change(c, before.labels[c], after.labels[c], why(G, after, c))
        for c in before.labels
        if before.labels[c] is not after.labels[c]
    ]


@dataclass(frozen=True)
class Crux:
    """A claim that decides the thesis: its label if the claim is accepted / rejected."""

    claim: str
    thesis_if_accepted: Label
    thesis_if_rejected: Label


def cruxes(
    G: nx.DiGraph,
    thesis_id: str,
    semantics: str = "grounded",
    view: str = DEFAULT_VIEW,
    *,
    timeout: float | None = None,
) -> list[Crux]:
    """Return the claims whose status decides ``thesis_id``, nearest first.

    A claim upstream of the thesis is a crux when assuming it accepted and assuming it
    rejected give the thesis different labels.

    >>> from argmap.analysis import demo_graph
    >>> [c.claim for c in cruxes(demo_graph(), "thesis")]
    ['cost', 'subsidy', 'doubt']
    """
    claims = set(claim_ids(G))
    distance = nx.single_source_shortest_path_length(G.reverse(copy=False), thesis_id)
    upstream = sorted(
        (c for c in distance if c in claims and c != thesis_id), key=lambda c: distance[c]
    )
    found = []
    if semantics_named(semantics).name == "grounded":
        # Build the framework once; each assumption is one linear relabelling of it.
        from argmap.semantics.incremental import Reevaluator

        fw = attack_framework(G, view)
        index = fw.index
        # The thesis's label depends only on the arguments from which an attack path leads
        # to it, and that part is closed under attackers: relabel it alone.
        part = sorted(upstream_of(fw, index[thesis_id]))
        local = {g: k for k, g in enumerate(part)}
        sub = Framework.from_indices(
            [fw.names[g] for g in part],
            ((local[a], local[g]) for g in part for a in fw.attackers[g]),
        )
        re = Reevaluator(sub)
        base = re.codes()
        thesis_base = re.label(thesis_id)

        def thesis_if(outs: list[int]) -> Label:
            return re.label(thesis_id, rejected=[fw.names[g] for g in outs if g in local])

        for c in upstream:
            g = index.get(c)
            if g is None:
                continue
            attackers = fw.attackers[g]
            if g not in local and not any(a in local for a in attackers):
                continue  # neither assumption reaches the thesis: it keeps its label
            # Accepting an in claim, or rejecting an out one, changes nothing at all.
            code = base[local[g]] if g in local else None
            if_accepted = thesis_base if code == IN_CODE else thesis_if(attackers)
            if_rejected = thesis_base if code == OUT_CODE else thesis_if([g])
            if if_accepted is not if_rejected:
                found.append(Crux(c, if_accepted, if_rejected))
        return found
    for c in upstream:
        accepted = evaluate(G, semantics, view, assume=WhatIf(accepted=[c]), timeout=timeout)
        rejected = evaluate(G, semantics, view, assume=WhatIf(rejected=[c]), timeout=timeout)
        if accepted.labels[thesis_id] is not rejected.labels[thesis_id]:
            found.append(Crux(c, accepted.labels[thesis_id], rejected.labels[thesis_id]))
    return found


def label_report(
    G: nx.DiGraph,
    semantics: str | Reading = "grounded",
    view: str = DEFAULT_VIEW,
    *,
    base_scores: dict[str, float] | None = None,
    timeout: float | None = None,
    audience: Ranking | None = None,
    relations: bool = True,
    strengths: bool = True,
) -> dict[str, Any]:
    """Return the ``argmap label --json`` report under a reading (or its parts, as for
    :func:`evaluate`): each claim's label and strength; with an audience, its id, name and
    ranking; and, unless ``relations`` is false (the text report prints claims only), each
    attack and undercut with whether it succeeds and why (:func:`relation_outcomes`).
    ``strengths=False`` leaves each claim's strength out (the text report shows none).

    >>> from argmap.analysis import demo_graph
    >>> report = label_report(demo_graph())
    >>> report["claims"][0]
    {'id': 'thesis', 'label': 'undec', 'strength': 0.583333, 'statement': 'We should join.'}
    """
    ev = evaluate(
        G, semantics, view, base_scores=base_scores, timeout=timeout, audience=audience,
        strengths=strengths,
    )  # fmt: skip
    semantics, view, audience = ev.semantics, ev.view, ev.audience
    report: dict[str, Any] = {
        "semantics": semantics,
        "view": view,
        "complete": ev.complete,
    }
    if audience is not None:
        report["audience"] = {
            "id": audience.id,
            "name": audience.name,
            "ranking": [list(tier) for tier in audience.tiers],
        }
    if ev.message:
        report["message"] = ev.message
    nodes = G.nodes
    report["claims"] = [
        {
            "id": c,
            "label": str(label),
            **({"strength": round(ev.strength[c], 6)} if strengths else {}),
            "statement": nodes[c].get("statement", ""),
        }
        for c, label in ev.labels.items()
    ]
    if ev.extensions is not None and semantics != "grounded":
        report["extensions"] = sorted(sorted(e) for e in ev.extensions)
    if relations:
        report["relations"] = [o.to_json() for o in relation_outcomes(G, ev)]
    return report
