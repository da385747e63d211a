"""Dung's semantics: grounded, complete, preferred and stable, as labellings and extensions.

- **grounded**: the least fixpoint, by linear-time label propagation (each attack is looked
  at a bounded number of times): an argument is *in* once all its attackers are *out*, and
  *out* once one attacker is *in*; what is left is *undec*.
- **complete, preferred, stable**: every complete labelling agrees with the grounded one on
  the arguments grounded decides, so only the undecided rest is searched, and each weakly
  connected part of it separately (the extensions of disjoint parts combine freely). Each
  part goes to the ASP solver clingo with ASPARTIX-style encodings (Egly, Gaggl & Woltran
  2010); preferred uses clingo's domain heuristic to enumerate subset-maximal complete
  extensions directly (Gaggl et al. 2015), never candidate subsets.

Every call takes ``timeout`` (seconds, ``None`` for no limit) and returns an
:class:`Extensions` that says whether the answer is complete; when time runs out the
extensions found so far are given with ``complete=False`` and a message such as
"undetermined within 10 s". ``limit`` caps how many extensions are listed (the count is
still reported when it is known).

>>> from argmap.semantics.framework import Framework
>>> fw = Framework.from_attacks("abcd", [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"),
...                                      ("c", "d")])
>>> grounded(fw).extensions
[[]]
>>> preferred(fw).extensions
[['a', 'd'], ['b', 'd']]
>>> [str(label) for label in preferred(fw).labels]  # sceptical: d is in every one
['undec', 'undec', 'out', 'in']
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from argmap.semantics.framework import Framework, Label, name_key

# ASPARTIX-style encodings. `no(X)` means "not in the extension" (not Caminada's "out").
_CONFLICT_FREE = """
in(X) :- arg(X), not no(X).
no(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
#show in/1.
"""
_COMPLETE = (
    _CONFLICT_FREE
    + """
undefended(X) :- att(Y,X), not defeated(Y).
:- in(X), undefended(X).
:- no(X), not undefended(X).
"""
)
# Try each argument in before out (with --heuristic=Domain), as preferred does. A stable
# extension is a preferred one, as large as can be: searching from large sets finds them
# early and rules the rest out quickly. Without it, counting the stable extensions of a
# 256-argument ICCMA instance (AFGen's n256p3q08n: 3 of them) ran past 390 CPU seconds;
# with it, 32 (preferred: 45). It orders the search only: the extensions are the same.
_IN_FIRST = "#heuristic in(X) : arg(X). [1,true]\n"
_STABLE = _CONFLICT_FREE + ":- no(X), not defeated(X).\n" + _IN_FIRST
# With --heuristic=Domain --enum-mode=domRec, clingo enumerates exactly the complete
# extensions that are subset-maximal in in/1: the preferred ones.
_PREFERRED = _COMPLETE + _IN_FIRST


@dataclass(frozen=True)
class Semantics:
    """One Dung semantics as argmap offers it.

    - ``name``: what the CLI and the app call it;
    - ``help``: one sentence for people;
    - ``encoding`` and ``options``: the ASP program and clingo options that enumerate its
      extensions on an undecided part (``None`` for grounded, which needs no search);
    - ``may_have_none``: there may be no extension at all (stable);
    - ``sceptical_is_grounded``: its sceptical labels are the grounded ones (complete).
    """

    name: str
    help: str
    encoding: str | None = None
    options: tuple[str, ...] = ()
    may_have_none: bool = False
    sceptical_is_grounded: bool = False


REGISTRY: dict[str, Semantics] = {
    s.name: s
    for s in (
        Semantics("grounded", "The one cautious answer: accept only what no doubt touches."),
        Semantics(
            "complete",
            "Every self-defending position; what all of them share is the grounded answer.",
            _COMPLETE,
            sceptical_is_grounded=True,
        ),
        Semantics(
            "preferred",
            "The largest positions that defend themselves; a claim stands if in all of them.",
            _PREFERRED,
            ("--heuristic=Domain", "--enum-mode=domRec"),
        ),
        Semantics(
            "stable",
            "Positions that reject everything outside them; there may be none.",
            _STABLE,
            ("--heuristic=Domain",),
            may_have_none=True,
        ),
    )
}
SEMANTICS = tuple(REGISTRY)


def semantics_named(name: str) -> Semantics:
    """Return the registered :class:`Semantics` called ``name``; ``ValueError`` names the choices.

    >>> semantics_named("stable").may_have_none
    True
    """
    try:
        return REGISTRY[name]
    except KeyError:
        raise ValueError(
            f"unknown semantics {name!r}; expected one of {', '.join(SEMANTICS)}"
        ) from None


class Outcome(StrEnum):
    """How a search ended: callers branch on this, never on message text."""

    SOLVED = "solved"  # every extension found
    LIMITED = "limited"  # more extensions than the limit: the first ones are listed
    UNDETERMINED = "undetermined"  # time ran out
    NONE_EXISTS = "none-exists"  # there is no extension (stable only)


# Codes of the fast grounded labelling (a bytearray): 0 undec, 1 in, 2 out.
UNDEC_CODE, IN_CODE, OUT_CODE = 0, 1, 2
# The label of each code of the fast grounded labelling (its index).
CODE_LABEL = (Label.UNDEC, Label.IN, Label.OUT)


@dataclass
class Extensions:
    """The answer of one semantics on one framework.

    - ``extensions``: each extension as a sorted list of argument names, the list sorted;
    - ``members``: the same extensions as sorted lists of argument indices;
    - ``labels``: the sceptical labelling by argument index (in if in every extension, out
      if attacked by a member of every extension, else undec), or ``None`` when undetermined;
    - ``complete``: ``False`` if time ran out or ``limit`` cut the list: then ``extensions``
      holds only those found, and ``message`` says so;
    - ``count``: the number of extensions when known, else ``None``;
    - ``outcome``: how the search ended (:class:`Outcome`).
    """

    semantics: str
    extensions: list[list[str]]
    members: list[list[int]] = field(repr=False)
    labels: list[Label] | None = field(repr=False)
    complete: bool = True
    message: str = ""
    count: int | None = None
    outcome: Outcome = Outcome.SOLVED


def grounded_codes(fw: Framework, out: Iterable[int] = ()) -> bytearray:
    """Return the grounded labelling as a bytearray of codes (0 undec, 1 in, 2 out).

    ``out`` names arguments (by index) taken as out from the start: a what-if's rejections,
    which label exactly as an unattacked argument attacking each would (see
    :mod:`argmap.semantics.incremental`). Linear time: each argument is labelled at most
    once and each attack is followed at most twice (once when its target goes out, once to
    count down its target's live attackers).

    >>> list(grounded_codes(Framework.from_attacks("abc", [("a", "b"), ("b", "c")])))
    [1, 2, 1]
    >>> list(grounded_codes(Framework.from_attacks("abc", [("a", "b"), ("b", "c")]), out=[0]))
    [2, 1, 2]
    """
    targets = fw.targets
    live = [len(a) for a in fw.attackers]  # attackers not yet out
    lab = bytearray(len(live))
    for t in out:
        if lab[t] != OUT_CODE:
            lab[t] = OUT_CODE
            for u in targets[t]:
                live[u] -= 1
    stack = [i for i, k in enumerate(live) if not k and not lab[i]]
    for i in stack:
        lab[i] = IN_CODE
    pop, push = stack.pop, stack.append
    while stack:
        for t in targets[pop()]:
            if lab[t] == UNDEC_CODE:
                lab[t] = OUT_CODE
                for u in targets[t]:
                    live[u] -= 1
                    if not live[u] and lab[u] == UNDEC_CODE:
                        lab[u] = IN_CODE
                        push(u)
    return lab


def grounded_labelling(fw: Framework) -> list[Label]:
    """Return the grounded labelling, one :class:`Label` per argument index.

    >>> [str(x) for x in grounded_labelling(Framework.from_attacks("ab", [("a", "a")]))]
    ['undec', 'in']
    """
    return [CODE_LABEL[c] for c in grounded_codes(fw)]


def grounded(fw: Framework, *, named: bool = True) -> Extensions:
    """Return the grounded extension (always exactly one) and its labelling.

    ``named=False`` leaves the extension's sorted names out (``[[]]``; ``members`` holds it):
    for a caller that reads the indices, as :func:`~argmap.analysis.evaluate` does (sorting
    100,000 names was a tenth of evaluating a map that big).

    >>> grounded(Framework.from_attacks("abc", [("a", "b"), ("b", "c")])).extensions
    [['a', 'c']]
    """
    codes = grounded_codes(fw)
    members = [i for i, c in enumerate(codes) if c == IN_CODE]
    return Extensions(
        "grounded",
        [_sorted_names(fw, members) if named else []],
        [members],
        [CODE_LABEL[c] for c in codes],
        count=1,
    )


def complete(fw: Framework, timeout: float | None = None, limit: int | None = None) -> Extensions:
    """Return all complete extensions (each one a fixpoint of defence).

    The sceptical labels of complete semantics are the grounded labelling.

    >>> complete(Framework.from_attacks("ab", [("a", "b"), ("b", "a")])).extensions
    [[], ['a'], ['b']]
    """
    return _solve(fw, "complete", timeout, limit)


def preferred(fw: Framework, timeout: float | None = None, limit: int | None = None) -> Extensions:
    """Return all preferred extensions (maximal admissible sets); there is at least one.

    >>> preferred(Framework.from_attacks("abc", [("a", "b"), ("b", "c"), ("c", "a")])).extensions
    [[]]
    """
    return _solve(fw, "preferred", timeout, limit)


def stable(fw: Framework, timeout: float | None = None, limit: int | None = None) -> Extensions:
    """Return all stable extensions (conflict-free, attacking every other argument).

    There may be none; then ``extensions`` is empty, ``complete`` is true and ``message`` is
    "no stable extension exists".

    >>> result = stable(Framework.from_attacks("abc", [("a", "b"), ("b", "c"), ("c", "a")]))
    >>> result.extensions, result.message
    ([], 'no stable extension exists')
    """
    return _solve(fw, "stable", timeout, limit)


def solve(
    fw: Framework,
    semantics: str,
    timeout: float | None = None,
    limit: int | None = None,
    count_all: bool = False,
    *,
    named: bool = True,
) -> Extensions:
    """Return the extensions of ``semantics`` (one of :data:`SEMANTICS`).

    With ``limit``, at most that many are listed and kept in memory (the count is known if
    they are all there are, or with ``count_all``, which counts the rest in clingo).
    ``named=False``: grounded's extension by its ``members`` only (see :func:`grounded`).

    >>> solve(Framework.from_attacks("a", []), "stable").extensions
    [['a']]
    >>> cycles = Framework.from_attacks("abcdef", [("a", "b"), ("b", "a"), ("c", "d"),
    ...                                            ("d", "c"), ("e", "f"), ("f", "e")])
    >>> r = solve(cycles, "preferred", limit=3, count_all=True)
    >>> len(r.extensions), r.count, r.outcome.value
    (3, 8, 'limited')
    """
    if semantics_named(semantics).encoding is None:
        return grounded(fw, named=named)
    return _solve(fw, semantics, timeout, limit, count_all)


def _sorted_names(fw: Framework, members: list[int]) -> list[str]:
    names = fw.names
    return sorted((names[i] for i in members), key=name_key)


def _sort_extensions(
    fw: Framework, members: list[list[int]]
) -> tuple[list[list[str]], list[list[int]]]:
    """Return the extensions as sorted name lists, sorted, with ``members`` in the same order."""
    if not members:
        return [], []
    # Rank every argument once by name order; sorting ints is far cheaper than name keys.
    order = sorted(range(len(fw)), key=lambda i: name_key(fw.names[i]))
    rank = [0] * len(fw)
    for r, i in enumerate(order):
        rank[i] = r
    ranked = sorted(sorted(rank[i] for i in m) for m in members)
    names = [[fw.names[order[r]] for r in m] for m in ranked]
    return names, [[order[r] for r in m] for m in ranked]


def _components(fw: Framework, codes: bytearray) -> list[list[int]]:
    """Return the weakly connected parts of the undecided arguments (attacks among them)."""
    seen = bytearray(len(codes))
    parts = []
    for start, code in enumerate(codes):
        if code != UNDEC_CODE or seen[start]:
            continue
        seen[start] = 1
        part, stack = [], [start]
        while stack:
            i = stack.pop()
            part.append(i)
            for j in itertools.chain(fw.attackers[i], fw.targets[i]):
                if codes[j] == UNDEC_CODE and not seen[j]:
                    seen[j] = 1
                    stack.append(j)
        parts.append(sorted(part))
    return parts


def _solve(
    fw: Framework,
    semantics: str,
    timeout: float | None,
    limit: int | None,
    count_all: bool = False,
) -> Extensions:
    """Search part by part. With a ``limit``, each part keeps at most ``limit`` extensions
    (memory stays bounded however many there are), sceptical labels are not computed, and
    the count is known only when every part was enumerated to its end (``count_all``
    enumerates past the limit, in clingo, without keeping them)."""
    spec = semantics_named(semantics)
    deadline = None if timeout is None else time.monotonic() + timeout
    codes = grounded_codes(fw)
    base = [i for i, c in enumerate(codes) if c == IN_CODE]
    labels: list[Label] | None = [CODE_LABEL[c] for c in codes]
    parts = _components(fw, codes)
    if spec.may_have_none and len(parts) > 1:
        # One part with no extension means none at all: find that out before enumerating
        # any part (a part can have millions; this is why stable once ran for many minutes
        # on a file where a later part had none, while preferred, never empty, finished).
        for part in parts:
            found, finished, _ = _solve_part(fw, part, codes, spec, deadline, keep=1)
            if not finished:
                return _undetermined(fw, semantics, base, [], [], timeout)
            if not found:
                message = f"no {semantics} extension exists"
                return Extensions(semantics, [], [], None, True, message, 0, Outcome.NONE_EXISTS)
    local_sets: list[list[list[int]]] = []
    counts: list[int | None] = []
    for part in parts:
        found, finished, n = _solve_part(fw, part, codes, spec, deadline, limit, count_all)
        if not finished:
            return _undetermined(fw, semantics, base, local_sets, found, timeout)
        if n == 0:  # a part with none (stable): the whole framework has none
            message = f"no {semantics} extension exists"
            return Extensions(semantics, [], [], None, True, message, 0, Outcome.NONE_EXISTS)
        local_sets.append(found)
        counts.append(n)
        if labels is not None and n is not None and len(found) == n:
            if not spec.sceptical_is_grounded:
                _sceptical(fw, part, found, spec, labels)
        elif not spec.sceptical_is_grounded:
            labels = None  # not every extension is known
    count = None if None in counts else math.prod(c for c in counts if c is not None)
    members: list[list[int]] = []
    for combo in itertools.product(*local_sets):
        if limit is not None and len(members) >= limit:
            break
        if deadline is not None and time.monotonic() > deadline:
            break
        members.append([*base, *itertools.chain(*combo)])
    extensions, members = _sort_extensions(fw, members)
    done = len(members) == count
    if done:
        message = ""
    elif count is None:
        message = f"more than {len(members)} extensions; the first {len(members)} are listed"
    else:
        message = f"{count} extensions; the first {len(members)} are listed"
    outcome = Outcome.SOLVED if done else Outcome.LIMITED
    return Extensions(semantics, extensions, members, labels, done, message, count, outcome)


def _undetermined(
    fw: Framework,
    semantics: str,
    base: list[int],
    local_sets: list[list[list[int]]],
    found: list[list[int]],
    timeout: float | None,
) -> Extensions:
    # Extensions whose every part is known are genuine; list those, and say the list is partial.
    combos = itertools.islice(itertools.product(*local_sets, found), 100)
    members = [sorted(itertools.chain(base, *c)) for c in combos]
    extensions, members = _sort_extensions(fw, members)
    seconds = f"{timeout:g}" if timeout is not None else "the time allowed"
    message = f"undetermined within {seconds} s"
    if members:
        message += f": {len(members)} found so far, there may be more"
    return Extensions(
        semantics, extensions, members, None, False, message, None, Outcome.UNDETERMINED
    )


def _sceptical(
    fw: Framework, part: list[int], found: list[list[int]], spec: Semantics, labels: list[Label]
) -> None:
    """Set ``labels`` on ``part`` to the sceptical labels over its local extensions."""
    always_in = set(part).intersection(*found)
    if spec.may_have_none:  # stable: every argument outside an extension is attacked by it
        always_out = set(part).difference(*found)
    else:
        inside = set(part)
        outs = [{t for i in ext for t in fw.targets[i] if t in inside} for ext in found]
        always_out = set.intersection(*outs)
    for i in part:
        labels[i] = Label.IN if i in always_in else Label.OUT if i in always_out else Label.UNDEC


# Above this many arguments a part is solved in a child process: clingo's grounding cannot
# be interrupted, and a large part could otherwise overrun the timeout.
_CHILD_MIN = 20000


def _solve_part(
    fw: Framework,
    part: list[int],
    codes: bytearray,
    spec: Semantics,
    deadline: float | None,
    keep: int | None = None,
    count_all: bool = False,
) -> tuple[list[list[int]], bool, int | None]:
    """Return ``(extensions of the part as global index lists, finished, count)``: at most
    ``keep`` extensions are kept; ``count`` is ``None`` when enumeration stopped there."""
    if len(part) == 1:
        # A lone undecided argument attacks itself: it is never in; no stable labelling.
        found: list[list[int]] = [] if spec.may_have_none else [[]]
        return found, True, len(found)
    if deadline is not None and time.monotonic() >= deadline:
        return [], False, None
    local = {g: k for k, g in enumerate(part)}
    facts = [f"arg({k})." for k in range(len(part))]
    facts.extend(
        f"att({local[a]},{k})."
        for k, g in enumerate(part)
        for a in fw.attackers[g]
        if codes[a] == UNDEC_CODE
    )
    assert spec.encoding is not None  # grounded never searches
    program = spec.encoding + "\n".join(facts)
    options = list(spec.options)
    if deadline is not None and len(part) >= _CHILD_MIN:
        models, finished, count = _run_clingo_in_child(program, options, deadline, keep, count_all)
    else:
        models, finished, count = _run_clingo(program, options, deadline, keep, count_all)
    return [[part[k] for k in m] for m in models], finished, count


def _run_clingo(
    program: str,
    options: list[str],
    deadline: float | None,
    keep: int | None = None,
    count_all: bool = False,
) -> tuple[list[list[int]], bool, int | None]:
    """Return ``(the models' in/1 arguments, finished, count)``; stops at ``deadline``.

    At most ``keep`` models are kept (and enumeration stops there, ``count`` ``None``,
    when there are more), unless ``count_all``: then clingo goes on counting in C, keeping
    nothing, so neither time in Python nor memory grows with the number of models.
    """
    import clingo  # imported here: grounded-only callers never pay for it

    models = "0" if keep is None else str(keep + 1)
    ctl = clingo.Control([models, *options], logger=lambda code, message: None)
    ctl.add("base", [], program)
    ctl.ground([("base", [])])
    if keep == 0 and count_all:
        # Count only: one search, in C. (Finding a first model to stop at, then counting
        # from the start, searched for that model twice.)
        count = _count_models(ctl, deadline)
        return [], count is not None, count
    found: list[list[int]] = []
    seen = 0

    def on_model(model: clingo.Model) -> bool:
        nonlocal seen
        seen += 1
        if keep is None or seen <= keep:
            found.append(sorted(s.arguments[0].number for s in model.symbols(shown=True)))
            return True
        return False  # one past the limit: stop here (_count_models counts, in C)

    with ctl.solve(on_model=on_model, async_=True) as handle:
        if deadline is None:
            handle.wait()
        elif not handle.wait(max(0.0, deadline - time.monotonic())):
            handle.cancel()
            return found, False, None
        handle.get()
    if keep is not None and seen > keep:
        if not count_all:
            return found, True, None
        return found, True, _count_models(ctl, deadline)
    return found, True, len(found)


def _count_models(ctl: object, deadline: float | None) -> int | None:
    """Count every model of a grounded program in clingo itself (no Python per model)."""
    ctl.configuration.solve.models = 0  # type: ignore[attr-defined]
    with ctl.solve(async_=True) as handle:  # type: ignore[attr-defined]
        if deadline is not None and not handle.wait(max(0.0, deadline - time.monotonic())):
            handle.cancel()
            return None
        handle.get()
    return int(ctl.statistics["summary"]["models"]["enumerated"])  # type: ignore[attr-defined]


_CHILD_CODE = """
import json, sys, time
from argmap.semantics.dung import _run_clingo
job = json.load(sys.stdin)
models, finished, count = _run_clingo(job["program"], job["options"],
    time.monotonic() + job["seconds"], job["keep"], job["count_all"])
json.dump({"models": models, "finished": finished, "count": count}, sys.stdout)
"""


def _run_clingo_in_child(
    program: str,
    options: list[str],
    deadline: float,
    keep: int | None = None,
    count_all: bool = False,
) -> tuple[list[list[int]], bool, int | None]:
    """Run :func:`_run_clingo` in a child process, killed if it overruns ``deadline``."""
    import json
    import os
    import subprocess
    import sys

    # A fresh interpreter, not fork (the app is multi-threaded) nor multiprocessing (which
    # re-imports __main__): the child only needs this module and clingo.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    seconds = max(0.0, deadline - time.monotonic())
    job = json.dumps(
        {"program": program, "options": options, "seconds": seconds, "keep": keep,
         "count_all": count_all}
    )  # fmt: skip
    with subprocess.Popen(
        [sys.executable, "-c", _CHILD_CODE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    ) as child:
        try:
            # A little grace so a child that stops on time can still send what it found.
            out, _ = child.communicate(job, timeout=max(0.0, deadline - time.monotonic()) + 1.0)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            return [], False, None
    if child.returncode != 0 or not out:
        return [], False, None
    answer = json.loads(out)
    return answer["models"], answer["finished"], answer["count"]
