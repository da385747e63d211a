"""What a label means, in words a debater can use: :func:`verdict`.

Every place that shows a claim's label (the map's claim panel, the brief, the step-through,
the drill) says why with this one function. It names the claims that decide the label by
their statements, never by id, and tells apart the ways a claim can fail to stand:

- **refuted** (out): an objection that itself stands defeats it; the objection is
  *unanswered* when nothing in the map attacks it;
- **open disagreement** (undecided): it and a rival position attack each other (directly
  or round a cycle), and the map does not decide between them;
- **hangs on a disagreement** (undecided): an objection to it is itself caught in an open
  disagreement elsewhere, so its fate waits on that one;
- **split** (undecided under preferred or stable): some positions accept it, others do not.

And the ways it stands: **unchallenged** (nothing attacks it) or **defended** (every
objection is answered). A what-if assumption is named as such.

>>> from argmap.analysis import demo_graph, evaluate
>>> G = demo_graph()
>>> v = verdict(G, evaluate(G), "subsidy")
>>> v.kind.value, v.objections
('disagreement', ('doubt',))
>>> print(v.text)
Undecided, an open disagreement: “The subsidy may never come” and this claim attack each \
other, and nothing in the map settles which prevails.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import networkx as nx

from argmap.graph import relation_origin, relation_target
from argmap.semantics.bipolar import describe_argument
from argmap.semantics.framework import Label

from .evaluate import Evaluation

__all__ = ["Standing", "Verdict", "objection_origin", "verdict"]

WIDTH = 110  # statements are shortened to this many characters


class Standing(StrEnum):
    """Why a claim has its label (see the module docstring)."""

    UNCHALLENGED = "unchallenged"
    DEFENDED = "defended"
    REFUTED = "refuted"
    DISAGREEMENT = "disagreement"
    DEPENDS = "depends"
    SPLIT = "split"
    ASSUMED = "assumed"


@dataclass(frozen=True)
class Verdict:
    """A claim's label and why: ``kind``, the claims that decide it (``objections``: the
    standing objections when refuted, the rival positions in a disagreement, the undecided
    objections it hangs on, the answered objections when defended), and ``text``, a sentence
    naming them by statement."""

    claim: str
    label: Label
    kind: Standing
    objections: tuple[str, ...]
    text: str

    @property
    def refuted(self) -> bool:
        return self.kind is Standing.REFUTED

    @property
    def disagreement(self) -> bool:
        return self.kind is Standing.DISAGREEMENT


def objection_origin(G: nx.DiGraph, name: str) -> tuple[str | None, str | None]:
    """Return (the claim an attacking framework argument comes from, the claim it goes
    through), for a relation or a derived attack; ``(None, None)`` for an assumption.

    >>> from argmap.analysis import demo_graph
    >>> objection_origin(demo_graph(), "r-cost")
    ('cost', None)
    """
    info = describe_argument(name, G)
    if info.kind == "relation":
        return relation_origin(G, name), None
    if info.kind == "supported":  # a backs x, which attacks the claim
        return relation_origin(G, info.ids[0]), relation_target(G, info.ids[0])
    if info.kind in ("secondary", "mediated"):  # a attacks x, related to the claim
        return relation_origin(G, info.ids[0]), relation_target(G, info.ids[0])
    if info.kind == "extended":  # the claim's supporter x attacks; a needs x
        return relation_target(G, info.ids[0]), relation_origin(G, info.ids[0])
    return None, None


def _quote(G: nx.DiGraph, claim: str) -> str:
    text = " ".join(str(G.nodes[claim].get("statement", claim)).split())
    if len(text) > WIDTH:
        text = text[: WIDTH - 1].rstrip() + "…"
    elif text.endswith("."):  # the sentence around it supplies the full stop
        text = text[:-1]
    return f"“{text}”"


def _listed(G: nx.DiGraph, claims: list[str]) -> str:
    quoted = [_quote(G, c) for c in claims[:3]]
    more = f" and {len(claims) - 3} more" if len(claims) > 3 else ""
    if len(quoted) == 1:
        return quoted[0] + more
    if len(quoted) == 2 and not more:
        return f"{quoted[0]} and {quoted[1]}"
    return "; ".join(quoted) + more


def verdict(G: nx.DiGraph, evaluation: Evaluation, claim: str) -> Verdict:
    """Return the :class:`Verdict` of ``claim`` in ``evaluation`` (see the module docstring).

    >>> from argmap.analysis import demo_graph, evaluate
    >>> G = demo_graph()
    >>> print(verdict(G, evaluate(G), "thesis").text)
    Undecided: it hangs on an open disagreement. The objection “Joining costs too much” \
stands or falls with the open disagreement between “A subsidy covers the cost” and “The \
subsidy may never come”.
    """
    ev = evaluation
    fw = ev.framework
    assert fw is not None
    label = ev.labels[claim]
    args = ev.arguments
    attackers = [fw.names[a] for a in fw.attackers[fw.index[claim]]]
    assumed = [a for a in attackers if a.startswith("assume:") and args[a] is Label.IN]
    if assumed:
        how = "rejected" if any(a.startswith("assume:reject:") for a in assumed) else "answered"
        text = (
            "Out because you assumed it rejected (what-if)."
            if how == "rejected"
            else "Out because you assumed one of its supporters' rivals accepted (what-if)."
        )
        return Verdict(claim, label, Standing.ASSUMED, (), text)
    origins: dict[str, list[str]] = {}  # origin claim -> its attacking arguments
    for a in attackers:
        origin, _via = objection_origin(G, a)
        if origin is not None and origin != claim:
            origins.setdefault(origin, []).append(a)
    if label is Label.IN:
        weighed = _outweighed(G, ev, claim) if not origins else []
        if weighed:
            # Which values decide it is said by view.status.explain and the brief's notes.
            text = "Stands: no attack on it succeeds."
            return Verdict(claim, label, Standing.DEFENDED, tuple(weighed), text)
        if not origins:
            return Verdict(
                claim, label, Standing.UNCHALLENGED, (), "Stands: nothing in the map attacks it."
            )
        answered = list(origins)
        text = f"Stands: every objection to it is answered ({_listed(G, answered)})."
        return Verdict(claim, label, Standing.DEFENDED, tuple(answered), text)
    if label is Label.OUT:
        standing = [o for o, names in origins.items() if any(args[n] is Label.IN for n in names)]
        if not standing:  # sceptically out under preferred/stable: a different one each time
            text = (
                f"Out: in every {ev.semantics} position one of its objections stands "
                f"({_listed(G, list(origins))})."
            )
            return Verdict(claim, label, Standing.REFUTED, tuple(origins), text)
        return Verdict(claim, label, Standing.REFUTED, tuple(standing), _refuted(G, ev, standing))
    # Undecided.
    if ev.extensions and ev.semantics != "grounded":
        inside = sum(claim in e for e in ev.extensions)
        if 0 < inside < len(ev.extensions):
            text = (
                f"Undecided: it is accepted in {inside} of the {len(ev.extensions)} "
                f"{ev.semantics} positions and rejected in the others."
            )
            return Verdict(claim, label, Standing.SPLIT, (), text)
    open_ = [o for o, names in origins.items() if any(args[n] is Label.UNDEC for n in names)]
    rivals = _rivals(ev, claim, open_, origins)
    if rivals:
        text = (
            f"Undecided, an open disagreement: {_listed(G, rivals)} and this claim attack "
            "each other, and nothing in the map settles which prevails."
        )
        return Verdict(claim, label, Standing.DISAGREEMENT, tuple(rivals), text)
    if open_:
        starts = [n for o in open_ for n in origins[o] if args[n] is Label.UNDEC]
        return Verdict(claim, label, Standing.DEPENDS, tuple(open_), _depends(G, ev, open_, starts))
    # An undecided relation or undercut stands between it and its objection.
    text = (
        f"Undecided: the objection {_listed(G, list(origins))} may or may not reach it: an "
        "undercut of its link is itself undecided."
    )
    return Verdict(claim, label, Standing.DEPENDS, tuple(origins), text)


def _outweighed(G: nx.DiGraph, ev: Evaluation, claim: str) -> list[str]:
    """Return the claims whose attacks on ``claim`` the audience's values made fail."""
    if ev.audience is None:
        return []
    return [
        relation_origin(G, r)
        for r in G.predecessors(claim)
        if G.nodes[r].get("type") == "attacks"  # in the map, but not in what was weighed
    ]


def _refuted(G: nx.DiGraph, ev: Evaluation, standing: list[str]) -> str:
    fw = ev.framework
    assert fw is not None
    unanswered = [o for o in standing if not fw.attackers[fw.index[o]]]
    answered = [o for o in standing if o not in unanswered]
    parts = []
    if unanswered:
        s = "s" if len(unanswered) > 1 else ""
        parts.append(f"Refuted by the unanswered objection{s} {_listed(G, unanswered)}.")
    if answered:
        s = "s" if len(answered) > 1 else ""
        lead = "Also standing against it" if parts else "Refuted by"
        parts.append(f"{lead}: the objection{s} {_listed(G, answered)}, whose answers fail.")
    return " ".join(parts)


def _undecided_graph(ev: Evaluation) -> nx.DiGraph:
    fw = ev.framework
    assert fw is not None
    undec = {i for i, n in enumerate(fw.names) if ev.arguments[n] is Label.UNDEC}
    D = nx.DiGraph()
    D.add_nodes_from(undec)
    D.add_edges_from((a, i) for i in undec for a in fw.attackers[i] if a in undec)
    return D


def _rivals(
    ev: Evaluation, claim: str, open_: list[str], origins: dict[str, list[str]]
) -> list[str]:
    """Return the undecided objections that the claim is in a cycle of attacks with."""
    fw = ev.framework
    assert fw is not None
    D = _undecided_graph(ev)
    me = fw.index[claim]
    ahead = nx.descendants(D, me)  # what the claim's status reaches
    return [
        o for o in open_ if any(fw.index[n] in ahead for n in origins[o]) or fw.index[o] in ahead
    ]


def _depends(G: nx.DiGraph, ev: Evaluation, open_: list[str], starts: list[str]) -> str:
    """Say which open disagreement the undecided objections (``open_``, attacking through
    the framework arguments ``starts``) wait on."""
    fw = ev.framework
    assert fw is not None
    D = _undecided_graph(ev)
    cycles = [c for c in nx.strongly_connected_components(D) if len(c) > 1]
    upstream = set()
    for n in starts:
        upstream |= nx.ancestors(D, fw.index[n]) | {fw.index[n]}
    claims = {n for n, role in G.nodes(data="role") if role == "claim"}
    caught = [
        fw.names[i] for c in cycles if c & upstream for i in sorted(c) if fw.names[i] in claims
    ]
    caught = list(dict.fromkeys(caught))
    head = "Undecided: it hangs on an open disagreement. "
    s = "s" if len(open_) > 1 else ""
    if not caught:
        return head + f"Its objection{s} {_listed(G, open_)} {'are' if s else 'is'} undecided."
    between = "between" if len(caught) > 1 else "involving"
    return head + (
        f"The objection{s} {_listed(G, open_)} {'stand' if s else 'stands'} or "
        f"{'fall' if s else 'falls'} with the open disagreement {between} "
        f"{_listed(G, caught[:3])}."
    )
