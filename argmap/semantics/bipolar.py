"""A map graph as an abstract framework: supports and undercuts flattened into attacks.

**Bipolar treatment.** We use the *supported* and *secondary* attacks of Cayrol &
Lagasquie-Schiex ("On the acceptability of arguments in bipolar argumentation frameworks",
ECSQARU 2005; the flattening is studied in "Bipolarity in argumentation graphs: towards a
better understanding", IJAR 54(7), 2013), and evaluate the flattened framework with Dung's
semantics:

- *supported attack*: ``a`` supports ``x`` and ``x`` attacks ``c``, so ``a`` attacks ``c``
  (whoever backs a claim is committed to its objections);
- *secondary attack*: ``a`` attacks ``x`` and ``x`` supports ``c``, so ``a`` attacks ``c``
  (an objection to a reason is an objection to what it was given for).

We follow support for one step (a sequence of one support next to one attack), which keeps
the framework linear in the size of the map and free of self-supporting loops; longer chains
are left to the gradual semantics, where support adds up.

**Relations are arguments** (as in AIF and ASPIC+), so an undercut can defeat a relation
without touching a claim. Each relation ``r`` from claim ``a`` is an argument named ``r.id``
that *stands* (is in) when ``a`` is in and every undercut of ``r`` is out. ``a``'s status
reaches ``r`` through a helper ``not:a`` that only ``a`` attacks (``not:a`` is in exactly
when ``a`` is out; Boella et al.'s meta-argumentation trick). An attack relation argument
attacks its target claim; an undercut relation argument attacks the relation it targets,
and every supported or secondary attack built on that relation. Derived attacks are
arguments named ``sup:S>R`` (support ``S`` then attack ``R``) and ``sec:R>S`` (attack
``R`` then support ``S``). Ids never contain ``:``, so names cannot clash.

The **attack-only view** drops supports and keeps attacks and undercuts.

**What-if assumptions** are unattacked arguments named ``assume:...``: rejecting a claim
attacks it; accepting one attacks each of its attackers; cutting a relation attacks it
(like an undercut that holds).

>>> from argmap.model import ArgumentMap
>>> from argmap.graph import to_graph
>>> claims = [{"id": c, "statement": c, "source": "s", "actor": "a", "quote": "q"}
...           for c in ("t", "o", "e")]
>>> G = to_graph(ArgumentMap.model_validate({"title": "T", "question": "Q?",
...     "sources": [{"id": "s", "title": "S", "kind": "article"}],
...     "actors": [{"id": "a", "name": "A", "kind": "person"}], "claims": claims,
...     "relations": [{"id": "r1", "type": "attacks", "from": "o", "to": "t"},
...                   {"id": "r2", "type": "undercuts", "from": "e", "to": "r1"}]}))
>>> fw = attack_framework(G)
>>> fw.names
['t', 'o', 'e', 'r1', 'r2', 'not:o', 'not:e']
>>> from argmap.semantics.dung import grounded_labelling
>>> [str(x) for x in grounded_labelling(fw)[:3]]  # the undercut saves t
['in', 'in', 'in']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from argmap.graph import claim_ids, relation_triples
from argmap.semantics.framework import VIEWS, Framework


@dataclass(frozen=True)
class WhatIf:
    """Assumptions for a what-if: claims taken as rejected or accepted, relations cut.

    >>> WhatIf(rejected=["c1"]).rejected
    ('c1',)
    """

    rejected: tuple[str, ...] = ()
    accepted: tuple[str, ...] = ()
    cut: tuple[str, ...] = ()

    def __init__(
        self,
        rejected: Iterable[str] = (),
        accepted: Iterable[str] = (),
        cut: Iterable[str] = (),
    ) -> None:
        object.__setattr__(self, "rejected", tuple(rejected))
        object.__setattr__(self, "accepted", tuple(accepted))
        object.__setattr__(self, "cut", tuple(cut))

    def __bool__(self) -> bool:
        return bool(self.rejected or self.accepted or self.cut)

    def describe(self) -> str:
        """Return the assumptions in words, e.g. "assuming c1 rejected".

        >>> WhatIf(rejected=["a"], cut=["r"]).describe()
        'assuming a rejected and relation r cut'
        """
        parts = [f"{c} rejected" for c in self.rejected]
        parts += [f"{c} accepted" for c in self.accepted]
        parts += [f"relation {r} cut" for r in self.cut]
        return "assuming " + " and ".join(parts) if parts else "as the map stands"


@dataclass
class _Builder:
    names: list[str] = field(default_factory=list)
    attacks: list[tuple[str, str]] = field(default_factory=list)

    def arg(self, name: str) -> None:
        self.names.append(name)


def attack_framework(
    G: nx.DiGraph, view: str = "bipolar", assume: WhatIf | None = None
) -> Framework:
    """Return the abstract framework of a map graph (see the module docstring).

    Claims come first, in map order, named by their ids; then relation arguments, helpers,
    derived attacks and assumptions. ``view`` is ``"bipolar"`` or ``"attack-only"``.
    Unknown ids in ``assume`` raise ``KeyError``.

    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from(["a", "b"], role="claim")
    >>> G.add_node("r", role="relation", type="attacks")
    >>> G.add_edges_from([("a", "r"), ("r", "b")])
    >>> attack_framework(G).attacks()
    [('a', 'not:a'), ('r', 'b'), ('not:a', 'r')]
    """
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; expected one of {', '.join(VIEWS)}")
    b = _Builder()
    claims = claim_ids(G)
    for c in claims:
        b.arg(c)
    triples = [t for t in relation_triples(G) if view == "bipolar" or t[1] != "supports"]
    kept = {rid for rid, *_ in triples}
    undercuts: dict[str, list[str]] = defaultdict(list)  # relation -> undercut relations
    for rid, rtype, _origin, target in triples:
        if rtype == "undercuts":
            undercuts[target].append(rid)
    cut = set(assume.cut) if assume else set()
    for r in cut:
        if r not in G or G.nodes[r].get("role") != "relation":
            raise KeyError(f"no relation with id {r!r}")

    def guards(*relations: str) -> list[str]:
        """Return the arguments that defeat a thing built on ``relations``."""
        found = [u for r in relations for u in undercuts.get(r, ())]
        return found + [f"assume:cut:{r}" for r in relations if r in cut]

    origins: dict[str, None] = {}
    uses: dict[str, list[str]] = defaultdict(list)  # relation -> derived attacks built on it
    for rid, rtype, origin, target in triples:
        b.arg(rid)
        origins[origin] = None
        b.attacks.append((f"not:{origin}", rid))
        b.attacks.extend((g, rid) for g in guards(rid))
        if rtype == "attacks":
            b.attacks.append((rid, target))
        # An undercut's attack on its target relation comes from guards() above.
    for c in origins:
        b.arg(f"not:{c}")
        b.attacks.append((c, f"not:{c}"))
    if view == "bipolar":
        by_origin: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        by_target: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for rid, rtype, origin, target in triples:
            if rtype in ("attacks", "supports"):
                by_origin[origin].append((rid, rtype, target))
                by_target[target].append((rid, rtype, origin))
        for x in claims:
            for s, stype, a in by_target.get(x, ()):
                for r, rtype, c in by_origin.get(x, ()):
                    if stype == "supports" and rtype == "attacks":
                        name = f"sup:{s}>{r}"  # a supports x, x attacks c
                    elif stype == "attacks" and rtype == "supports":
                        name = f"sec:{s}>{r}"  # a attacks x, x supports c
                    else:
                        continue
                    b.arg(name)
                    b.attacks.append((f"not:{a}", name))
                    b.attacks.extend((g, name) for g in guards(s, r))
                    b.attacks.append((name, c))
                    uses[s].append(name)
                    uses[r].append(name)
        for rid, rtype, _origin, target in triples:
            if rtype == "undercuts":
                b.attacks.extend((rid, d) for d in uses.get(target, ()))
    for r in sorted(cut & kept):
        b.arg(f"assume:cut:{r}")
    if assume:
        _assumptions(G, b, assume)
    return Framework.from_attacks(b.names, b.attacks)


def _assumptions(G: nx.DiGraph, b: _Builder, assume: WhatIf) -> None:
    for c in (*assume.rejected, *assume.accepted):
        if c not in G or G.nodes[c].get("role") != "claim":
            raise KeyError(f"no claim with id {c!r}")
    for c in assume.rejected:
        b.arg(f"assume:reject:{c}")
        b.attacks.append((f"assume:reject:{c}", c))
    accepted = set(assume.accepted)
    if accepted:
        attackers_of: dict[str, list[str]] = defaultdict(list)
        for a, t in b.attacks:
            if t in accepted:
                attackers_of[t].append(a)
        for c in assume.accepted:
            b.arg(f"assume:accept:{c}")
            b.attacks.extend((f"assume:accept:{c}", a) for a in attackers_of[c])


@dataclass(frozen=True)
class ArgumentInfo:
    """What a framework argument made by :func:`attack_framework` stands for.

    ``kind`` is one of ``"claim"``, ``"relation"``, ``"not"`` (helper), ``"supported"``,
    ``"secondary"``, ``"reject"``, ``"accept"``, ``"cut"``; ``ids`` are the claim or relation
    ids it is made of, in order.

    >>> describe_argument("sup:s1>r2")
    ArgumentInfo(kind='supported', ids=('s1', 'r2'))
    """

    kind: str
    ids: tuple[str, ...]


_PREFIXES = {
    "not:": "not",
    "sup:": "supported",
    "sec:": "secondary",
    "assume:reject:": "reject",
    "assume:accept:": "accept",
    "assume:cut:": "cut",
}


def describe_argument(name: str, G: nx.DiGraph | None = None) -> ArgumentInfo:
    """Return what the framework argument ``name`` stands for (see :class:`ArgumentInfo`).

    With ``G``, a plain id is told apart as a claim or a relation; without, it is a claim.

    >>> describe_argument("assume:cut:r1")
    ArgumentInfo(kind='cut', ids=('r1',))
    """
    for prefix, kind in _PREFIXES.items():
        if name.startswith(prefix):
            return ArgumentInfo(kind, tuple(name[len(prefix) :].split(">")))
    if G is not None and G.nodes[name].get("role") == "relation":
        return ArgumentInfo("relation", (name,))
    return ArgumentInfo("claim", (name,))
