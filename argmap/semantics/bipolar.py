"""A map graph as an abstract framework: supports and undercuts flattened into attacks.

**Support semantics** (the *view*, :data:`~argmap.semantics.framework.VIEW_TABLE`). A
view adds attacks derived from one support next to one attack (Cayrol & Lagasquie-Schiex,
"Bipolarity in argumentation graphs: towards a better understanding", IJAR 54(7), 2013):
*supported* and *secondary* attacks for ``"bipolar"`` (C&LS, ECSQARU 2005), *secondary* and
*extended* for ``"necessary"`` (Nouioua & Risch), *supported* and *mediated* for
``"deductive"`` (Boella et al.), none for the default ``"evidential"`` (Oren & Norman: every
sourced claim is its own evidence, so supports only add strength) and ``"attack-only"``
(supports dropped). See :func:`_derived`. One support step is followed, which keeps the
framework linear in the size of the map and free of self-supporting loops.

**Relations are arguments** (as in AIF and ASPIC+), so an undercut can defeat a relation
without touching a claim. Each relation ``r`` from claim ``a`` is an argument named ``r.id``
that *stands* (is in) when ``a`` is in and every undercut of ``r`` is out. ``a``'s status
reaches ``r`` through a helper ``not:a`` that only ``a`` attacks (``not:a`` is in exactly
when ``a`` is out; Boella et al.'s meta-argumentation trick). An attack relation argument
attacks its target claim; an undercut relation argument attacks the relation it targets,
and every supported or secondary attack built on that relation. Derived attacks are
arguments named ``sup:S>R``, ``sec:R>S``, ``med:R>S`` and ``ext:S>R``. Ids never contain
``:``, so names cannot clash.

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import networkx as nx

from argmap.graph import claim_ids, collection_paused, is_relation, relation_triples
from argmap.semantics.framework import DEFAULT_VIEW, VIEW_TABLE, VIEWS, Framework


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


@collection_paused()
def attack_framework(
    G: nx.DiGraph,
    view: str = DEFAULT_VIEW,
    assume: WhatIf | None = None,
    *,
    triples: Sequence[tuple[str, str, str, str]] | None = None,
) -> Framework:
    """Return the abstract framework of a map graph (see the module docstring).

    Claims come first, in map order, named by their ids; then relation arguments, helpers,
    derived attacks and assumptions. ``view`` is one of :data:`VIEWS`.
    Unknown ids in ``assume`` raise ``KeyError``. ``triples``: ``G``'s
    :func:`~argmap.graph.relation_triples`, when the caller has them already.

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
    keep_supports = VIEW_TABLE[view].supports
    every = relation_triples(G) if triples is None else triples
    triples = [t for t in every if keep_supports or t[1] != "supports"]
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
    guarded = bool(undercuts or cut)  # most maps: nothing guards a relation
    for rid, rtype, origin, target in triples:
        b.arg(rid)
        origins[origin] = None
        b.attacks.append((f"not:{origin}", rid))
        if guarded:
            b.attacks.extend((g, rid) for g in guards(rid))
        if rtype == "attacks":
            b.attacks.append((rid, target))
        # An undercut's attack on its target relation comes from guards() above.
    derived = []  # (name, origin claim, relations it is built on, target claim)
    if VIEW_TABLE[view].derived:
        derived = _derived(triples, VIEW_TABLE[view].derived)
    for _name, origin, _built, _target in derived:
        origins.setdefault(origin, None)
    for c in origins:
        b.arg(f"not:{c}")
        b.attacks.append((c, f"not:{c}"))
    for name, origin, built, target in derived:
        b.arg(name)
        b.attacks.append((f"not:{origin}", name))
        b.attacks.extend((g, name) for g in guards(*built))
        b.attacks.append((name, target))
        for r in built:
            uses[r].append(name)
    for rid, rtype, _origin, target in triples:
        if rtype == "undercuts":
            b.attacks.extend((rid, d) for d in uses.get(target, ()))
    for r in sorted(cut & kept):
        b.arg(f"assume:cut:{r}")
    if assume:
        _assumptions(G, b, assume)
    return Framework.from_attacks(b.names, b.attacks)


def _derived(
    triples: list[tuple[str, str, str, str]], kinds: frozenset[str]
) -> list[tuple[str, str, tuple[str, str], str]]:
    """Return the derived attacks of ``kinds``: (name, origin, (relations), target claim).

    One support ``s`` next to one attack ``r`` (s: a supports x):

    - supported ``sup:s>r``: r: x attacks c, so a attacks c;
    - secondary ``sec:r>s``: r: c attacks a, so c attacks x;
    - mediated ``med:r>s``: r: c attacks x, so c attacks a;
    - extended ``ext:s>r``: r: a attacks c, so x attacks c.

    >>> t = [("s", "supports", "a", "x"), ("r", "attacks", "x", "c")]
    >>> _derived(t, frozenset({"supported", "extended"}))
    [('sup:s>r', 'a', ('s', 'r'), 'c')]
    """
    attacks_from: dict[str, list[tuple[str, str]]] = defaultdict(list)
    attacks_on: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for rid, rtype, origin, target in triples:
        if rtype == "attacks":
            attacks_from[origin].append((rid, target))
            attacks_on[target].append((rid, origin))
    found: list[tuple[str, str, tuple[str, str], str]] = []
    for s, stype, a, x in triples:
        if stype != "supports":
            continue
        if "supported" in kinds:
            found += [(f"sup:{s}>{r}", a, (s, r), c) for r, c in attacks_from[x]]
        if "secondary" in kinds:
            found += [(f"sec:{r}>{s}", c, (r, s), x) for r, c in attacks_on[a]]
        if "mediated" in kinds:
            found += [(f"med:{r}>{s}", c, (r, s), a) for r, c in attacks_on[x]]
        if "extended" in kinds:
            found += [(f"ext:{s}>{r}", x, (s, r), c) for r, c in attacks_from[a]]
    return found


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
    "med:": "mediated",
    "ext:": "extended",
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
    if G is not None and is_relation(G, name):
        return ArgumentInfo("relation", (name,))
    return ArgumentInfo("claim", (name,))
