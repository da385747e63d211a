"""Minimal repairs: the smallest sets of choices that make one argument stand (grounded).

A *choice* defeats some arguments outright (rejecting a claim defeats that claim; cutting a
relation defeats the relation and the attacks derived from it). :func:`minimal_repairs`
returns the smallest sets of choices after which the target is in the grounded extension,
smallest first. It is the enforcement problem of Baumann & Brewka (COMMA 2010) and Wallner,
Niskanen & Järvisalo (JAIR 2017) restricted to removals, solved exactly with clingo:

- guess the chosen set; the grounded extension of what remains is the least model of a
  positive program (``in`` when every attacker is defeated, ``defeated`` when attacked by
  something ``in``), so one stable model per guess gives it exactly;
- ``#minimize`` finds the least size ``k`` (branch and bound, with a heuristic that leaves
  choices out unless needed, so a small answer comes at once); a second call enumerates
  the sets of size ``k``; each is then blocked (with every superset, so later answers stay
  subset-minimal) and the search asked again for the next size, until ``limit`` sets are
  found or none is left.

The search is bounded by ``budget``, a number of clingo conflicts (its unit of search work),
shared by the calls one search makes: not by the clock, so the same map gives the same
answer on a busy machine as on an idle one.

Only arguments from which the target can be reached along attacks matter, so the program is
built on those alone.

>>> from argmap.semantics.framework import upstream, Framework
>>> fw = Framework.from_attacks("tabc", [("a", "t"), ("b", "t"), ("c", "b")])
>>> minimal_repairs(fw, "t", {n: [n] for n in "abc"})
Repairs(sets=[('a',)], complete=True)
>>> minimal_repairs(fw, "a", {n: [n] for n in "bc"}).sets  # nothing attacks a: nothing needed
[()]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from argmap.semantics.dung import IN_CODE, grounded_codes
from argmap.semantics.framework import Framework, upstream

# Guess the choices; the rest is the grounded extension of what remains (see above).
_PROGRAM = """
{ pick(C) : cand(C) }.
hit(X) :- pick(C), hits(C,X).
defeated(X) :- hit(X).
defeated(X) :- in(Y), att(Y,X).
in(X) :- arg(X), not hit(X), defeated(Y) : att(Y,X).
:- not in(T), target(T).
#heuristic pick(C) : cand(C). [1,false]
"""


@dataclass(frozen=True)
class Repairs:
    """The sets :func:`minimal_repairs` found; ``complete`` is false when the search budget
    ran out, and then the sets work but are not proven the smallest (nor all of that size)."""

    sets: list[tuple[str, ...]]
    complete: bool = True


def minimal_repairs(
    fw: Framework,
    target: str,
    choices: Mapping[str, Sequence[str]],
    limit: int = 3,
    *,
    order: Mapping[str, float] | None = None,
    budget: int | None = None,
) -> Repairs:
    """Return up to ``limit`` smallest sets of ``choices`` after which ``target`` is in.

    ``choices`` maps each choice's name to the arguments it defeats. Each set is
    subset-minimal; sets come by size, and within a size by ``order`` (lower first, e.g.
    distance from the target; then by name). ``[()]`` when ``target`` is in already, ``[]``
    when no set of choices can make it stand. ``budget`` (clingo conflicts, all calls
    together; ``None``: unbounded) bounds the search.

    >>> from argmap.semantics.framework import Framework
    >>> fw = Framework.from_attacks("tab", [("a", "t"), ("b", "a"), ("a", "b")])
    >>> minimal_repairs(fw, "t", {"a": ["a"], "b": ["b"]}).sets  # b defends t only if a out
    [('a',)]
    """
    t = fw.index[target]
    if grounded_codes(fw)[t] == IN_CODE:
        return Repairs([()])
    work = _Budget(budget)
    relevant = upstream(fw, t)
    cands = {
        name: sorted({fw.index[x] for x in hit} & relevant)
        for name, hit in choices.items()
        if any(fw.index[x] in relevant for x in hit)
    }
    names = sorted(cands)
    number = {name: i for i, name in enumerate(names)}
    facts = [f"target({t})."]
    facts += [f"arg({i})." for i in sorted(relevant)]
    facts += [f"att({a},{i})." for i in sorted(relevant) for a in fw.attackers[i]]
    for name, hit in cands.items():
        facts.append(f"cand({number[name]}).")
        facts += [f"hits({number[name]},{x})." for x in hit]
    program = _PROGRAM + "\n".join(facts)
    rank = order or {}
    found: list[tuple[str, ...]] = []
    blocks: list[str] = []
    complete = True
    while len(found) < limit:
        best, proven = _least(program + "\n".join(blocks), work)
        if best is None:
            complete = proven
            break
        size = len(best)
        level, finished = _all_of_size(program + "\n".join(blocks), size, limit - len(found), work)
        if not proven or not finished:
            complete = False
            level = level or [best]
        chosen = [tuple(sorted(names[i] for i in s)) for s in level]
        chosen.sort(key=lambda s: (sum(rank.get(n, 0.0) for n in s), s))
        found += chosen
        blocks += [":- " + ", ".join(f"pick({i})" for i in s) + "." for s in level]
        if not complete:
            break
    return Repairs(found, complete)


class _Budget:
    """The clingo conflicts a search may still spend (``None``: no bound)."""

    def __init__(self, conflicts: int | None) -> None:
        self.left = conflicts

    def options(self) -> list[str]:
        """clingo's option stopping a call once the rest of the budget is spent."""
        return [] if self.left is None else [f"--solve-limit={max(self.left, 0)}"]

    def spend(self, conflicts: int) -> None:
        if self.left is not None:
            self.left -= conflicts


def _solve(
    program: str, options: list[str], work: _Budget, cap: int = 0
) -> tuple[list[list[int]], bool]:
    """Return (picked choices of each model clingo reports, in order; finished: the search
    was exhausted, or found ``cap`` models when ``cap`` is set, within the budget)."""
    import clingo  # imported here, as in argmap.semantics.dung

    if work.left is not None and work.left <= 0:
        return [], False
    ctl = clingo.Control([*options, *work.options()], logger=lambda code, message: None)
    ctl.add("base", [], program + "\n#show pick/1.")
    ctl.ground([("base", [])])
    models: list[list[int]] = []

    def on_model(model: clingo.Model) -> None:
        models.append(sorted(s.arguments[0].number for s in model.symbols(shown=True)))

    result = ctl.solve(on_model=on_model)
    work.spend(int(ctl.statistics["solving"]["solvers"]["conflicts"]))
    return models, bool(result.exhausted) or (cap > 0 and len(models) >= cap)


def _least(program: str, work: _Budget) -> tuple[list[int] | None, bool]:
    """Return (a smallest answer or ``None`` when there is none, proven smallest)."""
    # Branch and bound, told to leave choices out unless needed: it finds a small answer at
    # once (an answer to fall back on when time runs out), then improves and proves it.
    options = ["0", "--heuristic=Domain"]
    models, finished = _solve(program + "\n#minimize { 1,C : pick(C) }.", options, work)
    return (models[-1] if models else None), finished


def _all_of_size(program: str, size: int, cap: int, work: _Budget) -> tuple[list[list[int]], bool]:
    """Return (up to ``cap`` answers with exactly ``size`` choices, finished within the
    budget)."""
    exact = f"\n:- not {size} {{ pick(C) : cand(C) }} {size}."
    return _solve(program + exact, [str(cap), "--project", "--heuristic=Domain"], work, cap)
