"""Build a framework once, then re-evaluate it under many assumptions cheaply.

A what-if ("assume claim c rejected", "assume c accepted") adds to the framework an
unattacked argument that attacks c, or attacks every attacker of c (see
:func:`argmap.semantics.bipolar.attack_framework`). Under grounded semantics an unattacked
argument is *in* and everything it attacks is *out* from the start, so the same labelling
comes from starting the label propagation with those arguments *out*: no new framework, no
new graph, one linear pass over plain lists. :class:`Reevaluator` does that for any number
of assumptions at once; cruxes, and any analysis that asks "what if" many times over one
map (audiences, what a side needs), build one and ask it.

>>> from argmap.semantics.framework import Framework
>>> fw = Framework.from_attacks("abc", [("a", "b"), ("b", "c")])
>>> re = Reevaluator(fw)
>>> [str(x) for x in re.labels()], [str(x) for x in re.labels(rejected=["a"])]
(['in', 'out', 'in'], ['out', 'in', 'out'])
>>> str(re.label("c", accepted=["b"]))
'out'
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

import networkx as nx

from argmap.graph import relation_triples
from argmap.semantics.dung import CODE_LABEL, IN_CODE, OUT_CODE, UNDEC_CODE, grounded_codes
from argmap.semantics.framework import DEFAULT_VIEW, VIEW_TABLE, Framework, Label
from argmap.semantics.gradual import base_scores_of, dfquad, effects, jacobi

__all__ = ["GradualReevaluator", "Reevaluator"]


class Reevaluator:
    """Grounded labels of one framework under assumptions, without rebuilding it.

    ``rejected`` names arguments taken as out; ``accepted`` names arguments whose attackers
    are all taken as out (so they are in unless they attack themselves), exactly as the
    assumption arguments of :class:`~argmap.semantics.bipolar.WhatIf` make them. Each call
    costs one pass over the framework's attacks; building costs one index of names.
    """

    def __init__(self, fw: Framework) -> None:
        self.fw = fw
        self.index = fw.index
        self._base: bytearray | None = None

    @property
    def base(self) -> bytearray:
        """The grounded codes with no assumption (computed once)."""
        if self._base is None:
            self._base = grounded_codes(self.fw)
        return self._base

    def codes(self, rejected: Iterable[str] = (), accepted: Iterable[str] = ()) -> bytearray:
        """Return the grounded labelling under the assumptions as codes (0 undec, 1 in,
        2 out), by argument index. Unknown names raise ``KeyError``."""
        fw, index = self.fw, self.index
        forced = {index[name] for name in rejected}
        for name in accepted:
            forced.update(fw.attackers[index[name]])
        return grounded_codes(fw, out=forced)

    def labels(self, rejected: Iterable[str] = (), accepted: Iterable[str] = ()) -> list[Label]:
        """Return the grounded labels under the assumptions, by argument index."""
        return [CODE_LABEL[c] for c in self.codes(rejected, accepted)]

    def label(self, name: str, rejected: Iterable[str] = (), accepted: Iterable[str] = ()) -> Label:
        """Return one argument's grounded label under the assumptions."""
        return CODE_LABEL[self.codes(rejected, accepted)[self.index[name]]]

    def codes_out(self, out: Iterable[int], within: set[int] | None = None) -> dict[int, int]:
        """Return the grounded codes, by index, of the arguments an attack path leads to from
        ``out`` (those arguments included, taken as out), relabelled with ``out`` taken as out;
        every other argument keeps its code in :attr:`base`. With ``within`` (a set closed
        under attackers, e.g. :func:`~argmap.semantics.framework.upstream`), only its
        arguments are relabelled.

        Taking an argument out is, for the arguments it reaches, the same as removing it and
        its attacks: an out attacker defeats nothing. Grounded semantics is directional: an
        argument's label depends only on the arguments from which it can be reached, so the
        rest keep theirs and relabelling costs only the part ``out`` reaches.

        >>> fw = Framework.from_attacks("abcd", [("a", "b"), ("b", "c"), ("d", "d")])
        >>> Reevaluator(fw).codes_out([0])
        {0: 2, 1: 1, 2: 2}
        """
        fw, base = self.fw, self.base
        targets, attackers = fw.targets, fw.attackers
        forced = {i for i in out if within is None or i in within}
        reached = set(forced)
        stack = list(forced)
        while stack:
            for t in targets[stack.pop()]:
                if t not in reached and (within is None or t in within):
                    reached.add(t)
                    stack.append(t)
        lab = dict.fromkeys(reached, UNDEC_CODE)
        for i in forced:
            lab[i] = OUT_CODE
        # As in grounded_codes: live counts the attackers not (yet) out. Attackers outside
        # the reached part keep their base code: an in one puts its target out at once, an
        # undecided one keeps it from ever coming in.
        live: dict[int, int] = {}
        going_out = []
        for u in reached - forced:
            count = 0
            for a in attackers[u]:
                if a in reached:
                    count += a not in forced
                elif base[a] == IN_CODE:
                    going_out.append(u)
                elif base[a] == UNDEC_CODE:
                    count += 1
            live[u] = count

        def put_out(u: int, push: list[int]) -> None:
            lab[u] = OUT_CODE
            for v in targets[u]:
                if v in live:
                    live[v] -= 1
                    if not live[v] and lab[v] == UNDEC_CODE:
                        lab[v] = IN_CODE
                        push.append(v)

        stack = []
        for u in going_out:
            if lab[u] == UNDEC_CODE:
                put_out(u, stack)
        for u, k in live.items():
            if not k and lab[u] == UNDEC_CODE:
                lab[u] = IN_CODE
                stack.append(u)
        while stack:
            for t in targets[stack.pop()]:
                if t in live and lab[t] == UNDEC_CODE:
                    put_out(t, stack)
        return lab


class GradualReevaluator:
    """DF-QuAD strengths of one map with some of its nodes removed, without recomputing the
    whole map: :func:`~argmap.semantics.gradual.dfquad` once, then, per removal, only the
    values that depend on what was removed, in the same order and by the same formula.

    ``strength_without(gone, node)`` equals ``dfquad(H, base_scores, view).strength[node]``
    for ``H`` the map without the nodes ``gone`` (a claim with its relations and the
    undercuts of those, as :func:`argmap.analysis.impact.without` removes), float for float:
    a removed relation counts as weight 0, and a factor ``1 - s·0 = 1`` leaves a product
    exactly as it was.

    >>> G = nx.DiGraph()
    >>> G.add_nodes_from(["t", "o", "e"], role="claim")
    >>> G.add_node("r", role="relation", type="attacks")
    >>> G.add_node("s", role="relation", type="supports")
    >>> G.add_edges_from([("o", "r"), ("r", "t"), ("e", "s"), ("s", "t")])
    >>> g = GradualReevaluator(G)
    >>> g.strength["t"], g.strength_without({"o", "r"}, "t"), g.strength_without({"e", "s"}, "t")
    (0.5, 0.75, 0.25)
    """

    # dfquad's defaults: a cycle is iterated until no value moves more than TOL.
    MAX_ITER, TOL = 1000, 1e-9

    def __init__(
        self, G: nx.DiGraph, base_scores: dict[str, float] | None = None, view: str = DEFAULT_VIEW
    ) -> None:
        self.tau = base_scores_of(G, base_scores)
        base = dfquad(G, base_scores, view, max_iter=self.MAX_ITER, tol=self.TOL)
        self.strength = base.strength
        self.weight = base.relation_weight
        keep_supports = VIEW_TABLE[view].supports
        into: dict[str, dict[str, list[tuple[str, str]]]] = {
            kind: defaultdict(list) for kind in ("attacks", "supports", "undercuts")
        }
        depends = nx.DiGraph()  # what each value is computed from, as in dfquad
        depends.add_nodes_from(self.tau)
        for rid, rtype, origin, target in relation_triples(G):
            if not keep_supports and rtype == "supports":
                continue
            into[rtype][target].append((rid, origin))
            depends.add_edge(origin, rid)
            if target in self.tau or target in self.weight:
                depends.add_edge(rid, target)
        self.into = into
        self.succ = {x: list(depends.successors(x)) for x in depends}
        self.pred = {x: list(depends.predecessors(x)) for x in depends}
        # Its strongly connected parts, numbered in a topological order: a removal only
        # splits parts, so this order serves every map with nodes removed.
        parts = nx.condensation(depends)
        self.order = {p: k for k, p in enumerate(nx.topological_sort(parts))}
        self.part = {x: self.order[p] for x, p in parts.graph["mapping"].items()}
        self.members = {self.order[p]: list(parts.nodes[p]["members"]) for p in parts}
        self.values = {**self.strength, **self.weight}  # current values; restored after use
        self._upstream: dict[str, set[str]] = {}

    def upstream(self, node: str) -> set[str]:
        """The values ``node``'s strength depends on (itself included), computed once."""
        if node not in self._upstream:
            seen, stack = {node}, [node]
            while stack:
                for p in self.pred.get(stack.pop(), ()):
                    if p not in seen:
                        seen.add(p)
                        stack.append(p)
            self._upstream[node] = seen
        return self._upstream[node]

    def strength_without(self, gone: set[str], node: str) -> float:
        """Return ``node``'s strength in the map without the nodes ``gone``."""
        within = self.upstream(node)
        reached = {g for g in gone if g in within}
        stack = list(reached)
        while stack:
            for s in self.succ.get(stack.pop(), ()):
                if s in within and s not in reached:
                    reached.add(s)
                    stack.append(s)
        if node not in reached:
            return self.strength[node]
        values, weight, tau = self.values, self.weight, self.tau
        attacks, supports, undercuts = (self.into[k] for k in ("attacks", "supports", "undercuts"))
        saved = {x: values[x] for x in reached | gone if x in values}
        for x in gone:
            if x in weight:
                values[x] = 0.0

        def value(x: str) -> float:
            if x in weight:
                return 1.0 - effects(undercuts[x], values) if x in undercuts else 1.0
            t = tau[x]
            va = effects(attacks[x], values) if x in attacks else 0.0
            vs = effects(supports[x], values) if x in supports else 0.0
            return t - t * (va - vs) if va >= vs else t + (1.0 - t) * (vs - va)

        try:
            by_part: dict[int, list[str]] = defaultdict(list)
            for x in reached - gone:
                by_part[self.part[x]].append(x)
            for p in sorted(by_part):
                todo = by_part[p]
                if len(self.members[p]) == 1:
                    values[todo[0]] = value(todo[0])
                    continue
                for cycle in self._split(todo):
                    if len(cycle) == 1 and cycle[0] not in self.succ.get(cycle[0], ()):
                        values[cycle[0]] = value(cycle[0])
                        continue
                    self._iterate(cycle, value)
            return values[node]
        finally:
            values.update(saved)

    def _split(self, todo: list[str]) -> list[list[str]]:
        """The strongly connected parts of what is left of one cycle, in a topological
        order (all of it when nothing in it was removed)."""
        members = set(todo)
        sub = nx.DiGraph()
        sub.add_nodes_from(todo)
        sub.add_edges_from((x, s) for x in todo for s in self.succ[x] if s in members)
        parts = nx.condensation(sub)
        return [list(parts.nodes[p]["members"]) for p in nx.topological_sort(parts)]

    def _iterate(self, members: list[str], value: Callable[[str], float]) -> None:
        """Solve one cycle as dfquad does: Jacobi rounds from the initial values."""
        values, weight, tau = self.values, self.weight, self.tau
        for m in members:
            values[m] = 1.0 if m in weight else tau[m]
        jacobi(members, value, values, self.TOL, self.MAX_ITER)
