"""Across all audiences: what stands under every, some or no ranking of the values.

Over every strict ordering of the map's values (Bench-Capon 2003), a claim is

- **objective** (objectively accepted): attacked, and in under every ordering;
- **uncontested**: nothing in the map attacks it (so it is in under every ordering, but
  that says only that the map disputes nothing);
- **subjective** (subjectively accepted): in under some ordering;
- **indefensible**: in under none.

"In" is the label under the chosen Dung semantics on the attacks that succeed for that
ordering (:mod:`argmap.semantics.values`). Dunne & Bench-Capon (2004) show subjective
acceptance NP-complete and objective acceptance coNP-complete, so an exact answer searches;
it never samples. Two exact methods:

- ``"asp"`` (grounded and complete semantics): one answer-set program guesses a strict
  order of the values, derives which attacks succeed and computes the grounded labelling
  as a least fixpoint; clingo's *brave* consequences are the claims in under some ordering,
  its *cautious* consequences those in under all. One grounding serves every question.
- ``"enumerate"`` (any semantics, and the baseline the benchmark compares with): every
  ordering of the values that decide anything, labelled once per distinct set of failing
  attacks. Its cost grows with n! for n deciding values.

:meth:`Weighing.necessary` gives, for a claim, every pairwise preference
(``("rights", "security")``: rights ranked above security) that holds in each ordering
where it stands ("stands only if ..."): one cautious-consequence query. :meth:`Weighing.
sufficient` gives the smallest sets of preferences under which it stands whatever the rest
of the ordering ("stands whenever ..."): candidate sets over the values that can change
its label are tried smallest first, each checked exactly (is there an ordering that agrees
with the set where the claim is not in?), counterexamples found on the way prune later
candidates, and supersets of a set found are skipped, so each set returned is minimal. An
audience may satisfy none of the sufficient sets shown and still accept the claim through
another; none may violate a necessary preference and accept it.

>>> import networkx as nx

if TYPE_CHECKING:
    import numpy as np
>>> from argmap.semantics.bipolar import attack_framework
>>> G = nx.DiGraph(values=[{"id": "s", "name": "security"}, {"id": "r", "name": "rights"}])
>>> G.add_node("a", role="claim", values=["s"]); G.add_node("b", role="claim", values=["r"])
>>> G.add_node("r1", role="relation", type="attacks"); G.add_edges_from([("a", "r1"), ("r1", "b")])
>>> w = Weighing(attack_framework(G), G)
>>> {c: str(x) for c, x in w.acceptance(["a", "b"]).items()}
{'a': 'uncontested', 'b': 'subjective'}
>>> w.necessary("b"), w.stands_when("b")
([('r', 's')], [frozenset({('r', 's')})])
"""

from __future__ import annotations

import itertools
import math
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

import networkx as nx

from argmap.graph import claim_ids
from argmap.semantics.dung import grounded_codes, semantics_named, solve
from argmap.semantics.framework import Framework, Label, upstream
from argmap.semantics.values import ValueAttack, value_attacks, value_ids, without_attacks

if TYPE_CHECKING:
    import numpy as np

Preference = tuple[str, str]  # (higher, lower)


class Acceptance(StrEnum):
    """A claim's standing across every strict ordering of the values.

    ``UNCONTESTED`` is kept apart from ``OBJECTIVE``: a claim nothing in the map attacks
    stands under every ordering trivially, which says only that the map disputes nothing.
    """

    UNCONTESTED = "uncontested"
    OBJECTIVE = "objective"
    SUBJECTIVE = "subjective"
    INDEFENSIBLE = "indefensible"


METHODS = ("auto", "asp", "enumerate")


class Weighing:
    """The exact answers about one framework across all orderings of its map's values.

    ``semantics`` is a Dung semantics name; ``method`` one of :data:`METHODS` ("auto" is
    "asp" for grounded and complete, else "enumerate"). ``wanted`` names the arguments whose
    acceptance may be asked (default: the map's claims). ``timeout`` (seconds) bounds the
    enumeration; past it ``TimeoutError`` is raised, never a partial answer.
    """

    def __init__(
        self,
        fw: Framework,
        G: nx.DiGraph,
        semantics: str = "grounded",
        *,
        method: str = "auto",
        timeout: float | None = None,
        wanted: Iterable[str] | None = None,
    ) -> None:
        spec = semantics_named(semantics)
        if method not in METHODS:
            raise ValueError(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")
        if method == "auto":
            method = "asp" if spec.encoding is None or spec.sceptical_is_grounded else "enumerate"
        if method == "asp" and not (spec.encoding is None or spec.sceptical_is_grounded):
            raise ValueError(f"the asp method answers grounded and complete, not {semantics}")
        self.fw, self.semantics, self.method = fw, semantics, method
        self._necessary: dict[int, list[Preference]] = {}
        self.timeout = timeout
        self.attacks: list[ValueAttack] = value_attacks(fw, G)
        # The arguments whose acceptance may be asked (default: the claims).
        index = fw.index
        asked = [index[n] for n in (claim_ids(G) if wanted is None else wanted)]
        self._wanted = set(asked)
        used = {v for va in self.attacks for v in va.source_values | va.against_values}
        self.values = [v for v in value_ids(G) if v in used]  # the values that decide anything
        self._solver: _Solver = (
            _AspSolver(fw, self.attacks, self.values, asked)
            if method == "asp"
            else _Enumeration(fw, self.attacks, self.values, semantics, timeout)
        )

    def acceptance(self, names: Iterable[str]) -> dict[str, Acceptance]:
        """Return each named argument's :class:`Acceptance`."""
        index = self.fw.index
        names = list(names)
        for n in names:
            if index[n] not in self._wanted:
                raise KeyError(f"{n!r} was not among the arguments asked about (wanted)")
        some, every = self._solver.some_and_every()
        return {
            n: (Acceptance.OBJECTIVE if self.fw.attackers[index[n]] else Acceptance.UNCONTESTED)
            if index[n] in every
            else Acceptance.SUBJECTIVE
            if index[n] in some
            else Acceptance.INDEFENSIBLE
            for n in names
        }

    def counterexample(self, name: str, prefs: Iterable[Preference]) -> tuple[str, ...] | None:
        """Return an ordering (highest first) that agrees with ``prefs`` where ``name`` is not
        in, or ``None`` when there is none: then ``prefs`` guarantee that it stands."""
        return self._solver.counterexample(self.fw.index[name], list(prefs))

    def deciding_values(self, name: str) -> list[str]:
        """Return the values (in map order) whose order can change ``name``'s label: those
        of the weighed attacks on the arguments its label depends on."""
        upstream_of = upstream(self.fw, self.fw.index[name])
        used: set[str] = set()
        for va in self.attacks:
            if va.target in upstream_of:
                used |= va.source_values | va.against_values
        return [v for v in self.values if v in used]

    def necessary(self, name: str) -> list[Preference]:
        """Return every preference (higher, lower) that holds in each ordering where ``name``
        stands, in map order of the values: it stands *only if* each of them holds. Empty
        when it stands under every ordering, and when it stands under none.

        Exact: the pairs common to all orderings where it is in (clingo's cautious
        consequences, or the enumeration's table).
        """
        target = self.fw.index[name]
        if target not in self._necessary:
            some, every = self._solver.some_and_every()
            common = None if target in every or target not in some else (
                self._solver.necessary(target)
            )  # fmt: skip
            rank = {v: k for k, v in enumerate(self.values)}
            self._necessary[target] = sorted(common or (), key=lambda p: (rank[p[0]], rank[p[1]]))
        return list(self._necessary[target])

    def sufficient(self, name: str, *, limit: int = 3, max_size: int = 4) -> Sufficient:
        """Return up to ``limit`` smallest minimal sets of preferences that each guarantee
        ``name`` stands under every ordering that agrees with them.

        Sets are over pairs of :meth:`deciding_values`; they come smallest first, sets of
        one size in the map order of their pairs' values. ``[frozenset()]`` when it stands
        under every ordering, ``[]`` when under none. Sets of up to ``max_size`` pairs are
        searched exhaustively (``exact`` true); when the smallest is larger, one minimal set
        is shrunk from an ordering where it stands and ``exact`` is false.
        """
        target = self.fw.index[name]
        some, always = self._solver.some_and_every()  # computed once for the framework
        if target in always:
            return Sufficient([frozenset()], True)
        if target not in some:
            return Sufficient([], True)
        witness = self._solver.witness(target)
        assert witness is not None  # it is in under some ordering
        values = self.deciding_values(name)
        sub, attacks = self._local(target, values)
        local_target = 0  # the local framework lists the claim first
        pairs = [(v, w) for v in values for w in values if v != w]
        solver: _Solver | None = None
        seeds: list[Sequence[str]] = []
        every = False
        if self.method == "asp":
            # Orderings where it falls, found in Python without the solver: each rules out
            # every candidate set it agrees with before any solver call. With few values
            # every ordering is tried, and the Python answer is the whole answer.
            every = math.factorial(len(values)) <= _SEEDS
            rng = random.Random(0)
            orders = (
                itertools.permutations(values)
                if every
                else (rng.sample(values, len(values)) for _ in range(_SEEDS))
            )
            for order in orders:
                position = {v: k for k, v in enumerate(order)}
                dropped = {(va.attacker, va.target) for va in attacks if va.fails(position)}
                if grounded_codes(without_attacks(sub, dropped))[local_target] != 1:
                    seeds.append(order)

        def check(prefs: list[Preference]) -> Sequence[str] | None:
            nonlocal solver
            if every:
                return next((o for o in seeds if _agrees(o, prefs)), None)
            if self.method != "asp":  # the table of every ordering answers at once
                return self._solver.counterexample(target, prefs)
            if solver is None:
                solver = self._solver_for(sub, attacks, values)
            return solver.counterexample(local_target, prefs)

        found = _smallest_sets(
            pairs,
            check,
            limit,
            max_size,
            needed=covering_pairs(self.necessary(name)),
            seeds=seeds,
        )
        if found:
            return Sufficient(found, True)
        # Larger than the exhaustive search. When what it needs also suffices, that is a
        # minimal set (every sufficient set implies it); else shrink a chain that suffices.
        needs = covering_pairs(self.necessary(name))
        if needs and check(needs) is None:
            return Sufficient([frozenset(needs)], False)
        chain = list(itertools.pairwise([v for v in witness if v in values]))
        for p in list(chain):
            trial = [q for q in chain if q != p]
            if check(trial) is None:
                chain = trial
        return Sufficient([frozenset(chain)], False)

    def _local(self, target: int, values: list[str]) -> tuple[Framework, list[ValueAttack]]:
        """Return the arguments ``target``'s label depends on, ``target`` first, and the
        weighed attacks among them: each check then searches a small program."""
        part = sorted(upstream(self.fw, target), key=lambda i: (i != target, i))
        local = {g: k for k, g in enumerate(part)}
        fw = self.fw
        sub = Framework.from_indices(
            [fw.names[g] for g in part],
            ((local[a], local[g]) for g in part for a in fw.attackers[g]),
        )
        attacks = [
            ValueAttack(local[va.attacker], local[va.target], va.source, va.against,
                        va.source_values, va.against_values)
            for va in self.attacks
            if va.target in local
        ]  # fmt: skip
        return sub, attacks

    def _solver_for(self, sub: Framework, attacks: list[ValueAttack], values: list[str]) -> _Solver:
        if self.method == "asp":
            return _AspSolver(sub, attacks, values, [0])
        return _Enumeration(sub, attacks, values, self.semantics, self.timeout)

    def stands_when(
        self, name: str, *, limit: int = 3, max_size: int = 4
    ) -> list[frozenset[Preference]]:
        """Return :meth:`sufficient`'s sets alone."""
        return self.sufficient(name, limit=limit, max_size=max_size).sets


@dataclass(frozen=True)
class Sufficient:
    """Sets of preferences each of which guarantees a claim stands; ``exact`` false when
    the smallest were too large to search and ``sets`` holds one minimal set, not the
    smallest."""

    sets: list[frozenset[Preference]]
    exact: bool


def _smallest_sets(
    pairs: list[Preference],
    counterexample: Callable[[list[Preference]], Sequence[str] | None],
    limit: int,
    max_size: int,
    *,
    needed: Sequence[Preference] = (),
    seeds: Iterable[Sequence[str]] = (),
) -> list[frozenset[Preference]]:
    """Return up to ``limit`` minimal sets of ``pairs`` for which ``counterexample`` finds
    no ordering, smallest first, sets of one size in the order of ``pairs``; ``[]`` when
    none has at most ``max_size`` pairs.

    Every candidate of a size is kept as a bit mask (numpy, 64 pairs at most, else Python
    ints); each counterexample ordering rules out, at once, every candidate it agrees with,
    and each set found every superset, so the solver is asked only about the rest.
    ``needed`` are preferences every answer must imply (the necessary ones): a candidate
    that cannot is dropped without asking; ``seeds`` are orderings known to fail.
    """
    import numpy as np

    n = len(pairs)
    if n == 0:
        return []
    position = {p: k for k, p in enumerate(pairs)}
    use_numpy = n <= 63
    dtype = np.uint64 if use_numpy else object
    full = (1 << n) - 1

    def mask_of(value: int) -> object:
        """``value`` as the masks hold it (a numpy uint64, or the int itself)."""
        return np.uint64(value) if use_numpy else value

    bit = np.array([1 << k for k in range(n)], dtype=dtype)
    reverse = np.array([1 << position[(w, v)] for v, w in pairs], dtype=dtype)

    def agreed(order: Sequence[str]) -> int:
        at = {v: k for k, v in enumerate(order)}
        return sum(1 << k for k, (v, w) in enumerate(pairs) if at[v] < at[w])

    def disagree(masks: np.ndarray, order: int) -> np.ndarray:
        """Whether each candidate has a pair the ordering ``order`` reverses."""
        return (masks & mask_of(~order & full)) != 0

    def lacks(masks: np.ndarray, subset: int) -> np.ndarray:
        """Whether each candidate does not contain ``subset``."""
        return (masks & mask_of(subset)) != mask_of(subset)

    bad: list[int] = [agreed(order) for order in seeds]
    found: list[int] = []
    # A set implies v above w only if some pair of it starts at v and some pair ends at w.
    starts = {v: sum(1 << k for k, p in enumerate(pairs) if p[0] == v) for v, _ in pairs}
    ends = {w: sum(1 << k for k, p in enumerate(pairs) if p[1] == w) for _, w in pairs}
    masks = bit.copy()
    last = np.arange(n)
    for size in range(1, min(max_size, n) + 1):
        if size > 1:  # every consistent set one pair larger, in the order of ``pairs``
            counts = n - 1 - last
            parents = np.repeat(masks, counts)
            first = np.repeat(np.cumsum(counts) - counts, counts)
            last = np.repeat(last + 1, counts) + np.arange(int(counts.sum())) - first
            keep = (parents & reverse[last]) == 0
            masks, last = (parents | bit[last])[keep], last[keep]
            for f in found:
                keep = lacks(masks, f)
                masks, last = masks[keep], last[keep]
        alive = np.ones(len(masks), dtype=bool)
        for v, w in needed:
            alive &= (masks & mask_of(starts.get(v, 0))) != 0
            alive &= (masks & mask_of(ends.get(w, 0))) != 0
        for b in bad:
            alive &= disagree(masks, b)
        k = 0
        while True:
            rest = np.flatnonzero(alive[k:])
            if not len(rest):
                break
            k += int(rest[0])
            mask = int(masks[k])
            prefs = [pairs[j] for j in range(n) if mask >> j & 1]
            alive[k] = False
            if size > 2 and not _consistent(frozenset(prefs)):
                continue
            if needed and not _implies(prefs, needed):
                continue
            order = counterexample(prefs)
            if order is None:
                found.append(mask)
                if len(found) >= limit:
                    break
                alive &= lacks(masks, mask)
            else:
                bad.append(agreed(order))
                alive &= disagree(masks, bad[-1])
        if len(found) >= limit:
            break
    return [frozenset(pairs[j] for j in range(n) if m >> j & 1) for m in found]


def _agrees(order: Sequence[str], prefs: Iterable[Preference]) -> bool:
    """Whether the ordering (highest first) puts each higher value above its lower one."""
    at = {v: k for k, v in enumerate(order)}
    return all(at[v] < at[w] for v, w in prefs)


def _implies(prefs: Sequence[Preference], needed: Iterable[Preference]) -> bool:
    """Whether ``prefs`` imply each of ``needed`` (through chains)."""
    above: dict[str, set[str]] = {}
    for v, w in prefs:
        above.setdefault(v, set()).add(w)

    def reaches(v: str, w: str) -> bool:
        stack, seen = [v], {v}
        while stack:
            for u in above.get(stack.pop(), ()):
                if u == w:
                    return True
                if u not in seen:
                    seen.add(u)
                    stack.append(u)
        return False

    return all(reaches(v, w) for v, w in needed)


def covering_pairs(prefs: Sequence[Preference]) -> list[Preference]:
    """Return the preferences not implied by two others (the transitive reduction).

    >>> covering_pairs([("a", "b"), ("a", "c"), ("b", "c")])
    [('a', 'b'), ('b', 'c')]
    """
    held = set(prefs)
    middle = {v for p in prefs for v in p}
    return [(v, w) for v, w in prefs if not any((v, u) in held and (u, w) in held for u in middle)]


def _consistent(prefs: frozenset[Preference]) -> bool:
    """Whether the preferences can hold together (no cycle, no pair both ways)."""
    above: dict[str, set[str]] = {}
    for v, w in prefs:
        above.setdefault(v, set()).add(w)
    state: dict[str, int] = {}

    def cyclic(v: str) -> bool:
        state[v] = 1
        for w in above.get(v, ()):
            if state.get(w) == 1 or (w not in state and cyclic(w)):
                return True
        state[v] = 2
        return False

    return not any(v not in state and cyclic(v) for v in list(above))


class _Solver:
    def some_and_every(self) -> tuple[set[int], set[int]]:
        raise NotImplementedError

    def counterexample(self, target: int, prefs: list[Preference]) -> tuple[str, ...] | None:
        raise NotImplementedError

    def witness(self, target: int) -> tuple[str, ...] | None:
        """Return an ordering where ``target`` is in, or ``None``."""
        raise NotImplementedError

    def necessary(self, target: int) -> set[Preference] | None:
        """Return the pairs every ordering where ``target`` is in agrees with, or ``None``
        when there is no such ordering."""
        raise NotImplementedError


class _Enumeration(_Solver):
    """Every ordering of the deciding values, labelled once per set of failing attacks.

    Which attacks fail under each ordering is computed for all orderings at once (numpy),
    so the n! orderings cost one array pass per attack; each distinct set of failing
    attacks is labelled once. Questions about orderings are array lookups.
    """

    _CHUNK = 5040  # orderings per array pass (7!), to bound memory at 9 or more values

    def __init__(
        self,
        fw: Framework,
        attacks: list[ValueAttack],
        values: list[str],
        semantics: str,
        timeout: float | None,
    ) -> None:
        import numpy as np

        deadline = None if timeout is None else time.monotonic() + timeout
        self.values = values
        n = len(values)
        vindex = {v: k for k, v in enumerate(values)}
        against = [[vindex[v] for v in sorted(va.against_values)] for va in attacks]
        source = [[vindex[v] for v in sorted(va.source_values)] for va in attacks]
        memo: dict[bytes, int] = {}
        residues: dict[tuple[tuple[int, ...], frozenset[tuple[int, int]]], frozenset[int] | None]
        residues = {}
        self.accepted: list[frozenset[int]] = []
        orders: list[np.ndarray] = []
        kinds: list[np.ndarray] = []
        perms = itertools.permutations(range(n))
        while True:
            chunk = np.array(list(itertools.islice(perms, self._CHUNK)), dtype=np.int16)
            if not len(chunk):
                break
            if n == 0:
                chunk = chunk.reshape(len(chunk), 0)
            pos = np.empty_like(chunk)
            pos[np.arange(len(chunk))[:, None], chunk] = np.arange(n, dtype=np.int16)
            fails = np.zeros((len(chunk), len(attacks)), dtype=bool)
            for a in range(len(attacks)):
                fails[:, a] = pos[:, against[a]].min(axis=1) < pos[:, source[a]].min(axis=1)
            packed = np.packbits(fails, axis=1)
            kind = np.empty(len(chunk), dtype=np.int32)
            for r in range(len(chunk)):
                if deadline is not None and time.monotonic() > deadline:
                    raise TimeoutError(f"more than {timeout:g} s to label every ordering")
                key = packed[r].tobytes()
                found = memo.get(key)
                if found is None:
                    dropped = {(attacks[k].attacker, attacks[k].target)
                               for k in np.flatnonzero(fails[r])}  # fmt: skip
                    found = memo[key] = len(self.accepted)
                    self.accepted.append(
                        _accepted(without_attacks(fw, dropped), semantics, residues)
                    )
                kind[r] = found
            orders.append(pos)
            kinds.append(kind)
        self.position = np.concatenate(orders) if orders else np.zeros((1, n), dtype=np.int16)
        self.kind = np.concatenate(kinds) if kinds else np.zeros(1, dtype=np.int32)
        self._inside: dict[int, np.ndarray] = {}

    def _rows_in(self, target: int) -> np.ndarray:
        """Whether ``target`` is in, per ordering."""
        import numpy as np

        if target not in self._inside:
            per_kind = np.array([target in acc for acc in self.accepted], dtype=bool)
            self._inside[target] = per_kind[self.kind]
        return self._inside[target]

    def _order(self, row: int) -> tuple[str, ...]:
        return tuple(self.values[v] for v in self.position[row].argsort())

    def some_and_every(self) -> tuple[set[int], set[int]]:
        used = [self.accepted[k] for k in sorted(set(self.kind.tolist()))]
        return set().union(*used), set(used[0]).intersection(*used[1:])

    def _first(self, rows: np.ndarray, prefs: list[Preference]) -> tuple[str, ...] | None:
        import numpy as np

        vindex = {v: k for k, v in enumerate(self.values)}
        for v, w in prefs:
            rows = rows & (self.position[:, vindex[v]] < self.position[:, vindex[w]])
        hits = np.flatnonzero(rows)
        return self._order(int(hits[0])) if len(hits) else None

    def counterexample(self, target: int, prefs: list[Preference]) -> tuple[str, ...] | None:
        return self._first(~self._rows_in(target), prefs)

    def witness(self, target: int) -> tuple[str, ...] | None:
        return self._first(self._rows_in(target), [])

    def necessary(self, target: int) -> set[Preference] | None:
        inside = self._rows_in(target)
        if not inside.any():
            return None
        pos = self.position[inside]
        return {
            (v, w)
            for i, v in enumerate(self.values)
            for j, w in enumerate(self.values)
            if i != j and bool((pos[:, i] < pos[:, j]).all())
        }


def _accepted(
    fw: Framework,
    semantics: str,
    memo: dict[tuple[tuple[int, ...], frozenset[tuple[int, int]]], frozenset[int] | None]
    | None = None,
) -> frozenset[int]:
    """Return the indices labelled in under ``semantics`` (sceptically).

    Preferred and stable split on the grounded extension (Baumann, "Splitting an
    argumentation framework", LPNMR 2011): their extensions are the grounded one joined
    with those of the undecided arguments among themselves, so only that residue is
    solved, once per distinct residue (``memo``). When no stable extension exists nothing
    is accepted, as :func:`argmap.analysis.evaluate` labels it.
    """
    spec = semantics_named(semantics)
    codes = grounded_codes(fw)
    inside = frozenset(i for i, c in enumerate(codes) if c == 1)
    # A grounded labelling with nothing undecided is the only complete labelling, hence
    # the only preferred and the only stable one: no search needed.
    if spec.encoding is None or spec.sceptical_is_grounded or 0 not in codes:
        return inside
    rest = tuple(i for i, c in enumerate(codes) if c == 0)
    local = {g: k for k, g in enumerate(rest)}
    attacks = frozenset((local[a], local[t]) for t in rest for a in fw.attackers[t] if a in local)
    key = (rest, attacks)
    if memo is not None and key in memo:
        found = memo[key]
    else:
        residue = Framework.from_indices([fw.names[g] for g in rest], sorted(attacks))
        labels = solve(residue, semantics).labels
        found = (
            None
            if labels is None
            else frozenset(k for k, label in enumerate(labels) if label is Label.IN)
        )
        if memo is not None:
            memo[key] = found
    if found is None:
        return frozenset()
    return inside | {rest[k] for k in found}


# Guess a strict total order of the values (a tournament without 3-cycles is transitive),
# let a value attack fail when some value of its target beats every value of its source,
# and take the grounded labelling of the attacks that succeed (a least fixpoint, given the
# order).
_PROGRAM = """
1 { gt(V,W); gt(W,V) } 1 :- value(V), value(W), V < W.
:- gt(U,V), gt(V,W), gt(W,U).
fails(E) :- vatt(E,_,_), bval(E,V), gt(V,U) : aval(E,U).
def(X,Y) :- att(X,Y).
def(X,Y) :- vatt(E,X,Y), not fails(E).
in(X) :- arg(X), out(Y) : def(Y,X).
out(X) :- in(Y), def(Y,X).
"""
# What each question reads from a model: few shown atoms keep clingo's callbacks cheap.
_SEEDS = 64  # random orderings tried in Python before any solver call, per claim
_SHOW_IN = "#show.\n#show in(X) : in(X), wanted(X).\n"
_SHOW_ORDER = "#show.\n#show gt/2.\n"


class _AspSolver(_Solver):
    """Grounded labels over every ordering at once, by clingo (see :data:`_PROGRAM`)."""

    def __init__(
        self, fw: Framework, attacks: list[ValueAttack], values: list[str], wanted: list[int]
    ) -> None:
        self.values = values
        self.vindex = {v: k for k, v in enumerate(values)}
        weighed = {(va.attacker, va.target) for va in attacks}
        facts = [f"arg({i})." for i in range(len(fw))]
        facts += [f"value({k})." for k in range(len(values))]
        facts += [
            f"att({a},{t})." for a, ts in enumerate(fw.targets) for t in ts if (a, t) not in weighed
        ]
        for e, va in enumerate(attacks):
            facts.append(f"vatt({e},{va.attacker},{va.target}).")
            facts += [f"aval({e},{self.vindex[v]})." for v in sorted(va.source_values)]
            facts += [f"bval({e},{self.vindex[v]})." for v in sorted(va.against_values)]
        facts += [f"wanted({i})." for i in wanted]
        self.program = _PROGRAM + "\n".join(facts)
        self._control = self._ground([], _SHOW_ORDER)
        self._cautious: object | None = None
        self._some_every: tuple[set[int], set[int]] | None = None

    def _ground(self, options: Sequence[str], show: str) -> object:
        import clingo  # imported here: most callers never weigh values

        ctl = clingo.Control(list(options), logger=lambda code, message: None)
        ctl.add("base", [], self.program + show)
        ctl.ground([("base", [])])
        return ctl

    def _consequences(self, mode: str) -> set[int]:
        ctl = self._ground(["0", f"--enum-mode={mode}"], _SHOW_IN)
        last: list[int] = []

        def on_model(model: object) -> None:
            shown = model.symbols(shown=True)  # type: ignore[attr-defined]
            last[:] = [s.arguments[0].number for s in shown]

        ctl.solve(on_model=on_model)  # type: ignore[attr-defined]
        return set(last)

    def some_and_every(self) -> tuple[set[int], set[int]]:
        if self._some_every is None:
            self._some_every = (self._consequences("brave"), self._consequences("cautious"))
        return self._some_every

    def _order(self, target: int, prefs: list[Preference], inside: bool) -> tuple[str, ...] | None:
        import clingo

        assumptions = [
            (
                clingo.Function(
                    "gt", [clingo.Number(self.vindex[v]), clingo.Number(self.vindex[w])]
                ),
                True,
            )
            for v, w in prefs
        ]
        assumptions.append((clingo.Function("in", [clingo.Number(target)]), inside))
        found: list[tuple[str, ...]] = []

        def on_model(model: clingo.Model) -> None:
            above = {k: 0 for k in range(len(self.values))}
            for s in model.symbols(shown=True):
                above[s.arguments[1].number] += 1
            found.append(tuple(self.values[k] for k in sorted(above, key=above.__getitem__)))

        self._control.solve(assumptions=assumptions, on_model=on_model)  # type: ignore[attr-defined]
        return found[0] if found else None

    def counterexample(self, target: int, prefs: list[Preference]) -> tuple[str, ...] | None:
        return self._order(target, prefs, False)

    def witness(self, target: int) -> tuple[str, ...] | None:
        return self._order(target, [], True)

    def necessary(self, target: int) -> set[Preference] | None:
        import clingo

        if self._cautious is None:
            self._cautious = self._ground(["0", "--enum-mode=cautious"], _SHOW_ORDER)
        last: list[Preference] = []
        models = 0

        def on_model(model: clingo.Model) -> None:
            nonlocal models
            models += 1
            last[:] = [
                (self.values[s.arguments[0].number], self.values[s.arguments[1].number])
                for s in model.symbols(shown=True)
            ]

        inside = [(clingo.Function("in", [clingo.Number(target)]), True)]
        self._cautious.solve(assumptions=inside, on_model=on_model)  # type: ignore[attr-defined]
        return set(last) if models else None
