"""Read and write abstract frameworks in the ICCMA formats, so other solvers can check us.

Three formats are read, and told apart by their first meaningful line:

- **ICCMA 2023** (``p af N``): arguments are ``1..N``; then one attack ``i j`` per line;
  a line starting with ``#`` is a comment.
- **APX** (ASPARTIX): facts ``arg(a).`` and ``att(a,b).``, any number per line; ``%``
  starts a comment.
- **TGF** (trivial graph format): one argument name per line, a line ``#``, then one
  attack ``a b`` per line.

A malformed file raises :class:`FrameworkFormatError` with its file, 1-based line and
column, and a message saying what was expected.

>>> fw = parse_framework("p af 3\\n# a comment\\n1 2\\n2 3\\n")
>>> fw.names, fw.attacks()
(['1', '2', '3'], [('1', '2'), ('2', '3')])
>>> parse_framework("arg(a). arg(b).\\natt(a,b).\\n").attacks()
[('a', 'b')]
>>> parse_framework("p af 2\\n1 3\\n", name="x.af")
Traceback (most recent call last):
...
argmap.readwrite.iccma.FrameworkFormatError: x.af:2:3: argument 3 is out of range: \
the header says arguments are numbered 1..2
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import IO, Any

from argmap.limits import DEFAULT_LIMITS, Limits, one_break, read_limited, split_lines
from argmap.problems import MapFileError, Problem
from argmap.semantics.dung import Extensions, Outcome, solve
from argmap.semantics.framework import Framework
from argmap.store.atomic import atomic_write_text


class FrameworkFormatError(MapFileError):
    """A framework file that cannot be read: one :class:`~argmap.problems.Problem`, located
    at ``file:line:col`` (``file``, ``line``, ``col`` and ``message`` are its parts)."""

    def __init__(
        self, file: str, line: int, col: int, message: str, type: str = "framework_syntax"
    ) -> None:
        self.file, self.line, self.col, self.message = file, line, col, message
        super().__init__([Problem(file, line, col, "", message, type)])


PathOrText = str | os.PathLike[str]


def read_framework(
    source: str | os.PathLike[str], name: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Framework:
    """Return the framework in the file at ``source`` (:func:`parse_framework` takes text).

    ``name`` is the file name used in errors (default: the path). A missing file, a file over
    ``limits`` (its size, its longest line), or one that is not a regular file, is refused
    with a located :class:`FrameworkFormatError`.

    >>> read_framework("nosuch.af")
    Traceback (most recent call last):
    ...
    argmap.readwrite.iccma.FrameworkFormatError: nosuch.af:1:1: no such file
    """
    path = Path(source)
    label = name or str(path)
    try:
        text = read_limited(path, limits, label)
    except MapFileError as exc:
        first = exc.problems[0]
        raise FrameworkFormatError(
            label, first.line, first.col, first.message, first.type
        ) from None
    return parse_framework(text, label, limits)


def detect_format(text: str) -> str:
    """Return ``"iccma23"``, ``"apx"`` or ``"tgf"`` from the first meaningful line.

    >>> detect_format("# made by hand\\np af 2\\n"), detect_format("arg(x).\\n")
    ('iccma23', 'apx')
    """
    for line in split_lines(text):
        stripped = line.strip()
        if not stripped or stripped.startswith("%"):
            continue
        if stripped.startswith("p "):
            return "iccma23"
        if stripped.startswith("#") and stripped != "#":
            continue  # an ICCMA 2023 comment before the header
        if stripped.startswith(("arg(", "att(", "arg ", "att ")):
            return "apx"
        return "tgf"
    return "tgf"  # an empty file: an empty framework in any format


def parse_framework(text: str, name: str = "<text>", limits: Limits = DEFAULT_LIMITS) -> Framework:
    """Return the framework written in ``text`` (format detected; see the module docstring).

    A framework of more than ``limits.max_items`` arguments is refused (located, naming
    ``--max-items``) before anything is allocated for it: an ICCMA header is checked as soon
    as it is read, so ``p af 2000000000`` in a 20-byte file costs nothing.

    >>> parse_framework("").names
    []
    >>> parse_framework("p af 11\\n", "x.af", Limits(max_items=10))
    Traceback (most recent call last):
    ...
    argmap.readwrite.iccma.FrameworkFormatError: x.af:1:6: the header declares 11 arguments; \
a framework holds at most 10 (raise with --max-items)
    """
    if "\r" in text:
        text = one_break(text)  # every parser below splits lines at "\n", as split_lines does
    fmt = detect_format(text)
    if fmt == "iccma23":
        return _parse_iccma23(text, name, limits)
    if fmt == "apx":
        return _parse_apx(text, name, limits)
    return _parse_tgf(text, name, limits)


def _too_many(name: str, line: int, col: int, what: str, n: int, limits: Limits) -> None:
    if n > limits.max_items:
        count = f"{n:,}" if n < 10**18 else "over 10^18"
        raise FrameworkFormatError(
            name,
            line,
            col,
            f"{what} {count} arguments; a framework holds at most {limits.max_items:,} "
            "(raise with --max-items)",
            "too_many_items",
        )


# A line that is not blank and not `i j`: its absence licenses the fast path. A search with a
# lookahead at each line start keeps no backtracking state across lines (a fullmatch of the
# whole body would, and that costs hundreds of MiB on a large file).
_BAD_LINE = re.compile(r"^(?![ \t]*(?:\d+[ \t]+\d+)?[ \t]*\r?$)", re.M)
_LONG_NUMBER = re.compile(r"\d{19}")  # past any limit (and past what int() converts fast)
_HEADER = re.compile(r"\s*p\s+af\s+(\d+)\s*$")


def _parse_iccma23(text: str, name: str, limits: Limits) -> Framework:
    # Find the header without splitting the whole text into lines. Lines end at "\n" only
    # (as in detect_format and the body below): a U+2028 inside a comment stays in it.
    pos, header_at, line, end = 0, 0, "", -1
    while pos <= len(text):
        end = text.find("\n", pos)
        line = text[pos : end if end >= 0 else len(text)]
        stripped = line.strip()
        if stripped.startswith("p"):
            break
        if stripped and not stripped.startswith("#"):
            raise FrameworkFormatError(name, header_at + 1, 1, "expected the header 'p af N' first")
        if end < 0:
            raise FrameworkFormatError(
                name, header_at + 1, 1, "no header 'p af N' (N: the number of arguments)"
            )
        pos, header_at = end + 1, header_at + 1
    header = _HEADER.match(line)
    if not header:
        raise FrameworkFormatError(
            name, header_at + 1, 1, "expected the header 'p af N' (N: the number of arguments)"
        )
    digits = header.group(1).lstrip("0")
    # Checked before any list is allocated; a number of thousands of digits is not even
    # converted (int() refuses over 4,300 digits, and would take quadratic time).
    n = int(digits or "0") if len(digits) <= 18 else 10**18
    _too_many(name, header_at + 1, header.start(1) + 1, "the header declares", n, limits)
    body = text[end + 1 :] if end >= 0 else ""
    if "#" not in body and not _BAD_LINE.search(body) and not _LONG_NUMBER.search(body):
        numbers = list(map(int, body.split()))
        if not numbers or (min(numbers) >= 1 and max(numbers) <= n):
            # Fast path: well-formed, so build the adjacency straight from the numbers.
            attackers: list[list[int]] = [[] for _ in range(n)]
            targets: list[list[int]] = [[] for _ in range(n)]
            it = iter(numbers)
            for a, b in zip(it, it, strict=True):
                attackers[b - 1].append(a - 1)
                targets[a - 1].append(b - 1)
            return Framework([str(i) for i in range(1, n + 1)], attackers, targets)
    lines = text.split("\n")
    pairs: list[tuple[int, int]] = []
    for k in range(header_at + 1, len(lines)):
        line = lines[k].rstrip("\r")
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        tokens = [(m.group(), m.start() + 1) for m in re.finditer(r"\S+", line)]
        if len(tokens) != 2:
            col = tokens[2][1] if len(tokens) > 2 else len(line) + 1
            raise FrameworkFormatError(
                name,
                k + 1,
                col,
                f"expected an attack 'i j' (two argument numbers), got {stripped!r}",
            )
        pair = []
        for token, col in tokens:
            if not token.isdigit():
                raise FrameworkFormatError(
                    name, k + 1, col, f"expected an argument number, got {token!r}"
                )
            value = int(token) if len(token) <= 18 else 10**18
            if not 1 <= value <= n:
                raise FrameworkFormatError(
                    name,
                    k + 1,
                    col,
                    f"argument {token if len(token) <= 20 else token[:20] + '…'} is out of "
                    f"range: the header says arguments are "
                    f"numbered 1..{n}",
                )
            pair.append(value - 1)
        pairs.append((pair[0], pair[1]))
    return Framework.from_indices([str(i) for i in range(1, n + 1)], pairs)


_FACT = re.compile(r"\s*(arg|att)\s*\(\s*([^\s(),.%]+)\s*(?:,\s*([^\s(),.%]+)\s*)?\)\s*\.")


def _parse_apx(text: str, name: str, limits: Limits) -> Framework:
    names: dict[str, None] = {}
    attacks: list[tuple[str, str, int, int]] = []
    for k, line in enumerate(text.split("\n")):
        line = line.split("%", 1)[0].rstrip()
        pos = 0
        while pos < len(line):
            if not line[pos:].strip():
                break
            m = _FACT.match(line, pos)
            if not m:
                col = pos + len(line[pos:]) - len(line[pos:].lstrip()) + 1
                raise FrameworkFormatError(
                    name, k + 1, col, "expected a fact 'arg(a).' or 'att(a,b).'"
                )
            kind, first, second = m.groups()
            if kind == "arg" and second is None:
                names[first] = None
                _too_many(name, k + 1, m.start() + 1, "the file declares", len(names), limits)
            elif kind == "att" and second is not None:
                attacks.append((first, second, k + 1, m.start(2) + 1))
            else:
                wanted = "one name: arg(a)." if kind == "arg" else "two names: att(a,b)."
                raise FrameworkFormatError(name, k + 1, m.start(1) + 1, f"{kind} takes {wanted}")
            pos = m.end()
    for a, b, line_no, col in attacks:
        for arg in (a, b):
            if arg not in names:
                raise FrameworkFormatError(
                    name, line_no, col, f"attack names {arg!r}, which no arg(...) fact declares"
                )
    return Framework.from_attacks(list(names), [(a, b) for a, b, _, _ in attacks])


def _parse_tgf(text: str, name: str, limits: Limits) -> Framework:
    names: dict[str, None] = {}
    attacks: list[tuple[str, str]] = []
    in_attacks = False
    for k, raw in enumerate(text.split("\n")):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if not stripped:
            continue
        if stripped == "#":
            if in_attacks:
                raise FrameworkFormatError(name, k + 1, 1, "a second '#' line; TGF has one")
            in_attacks = True
            continue
        tokens = [(m.group(), m.start() + 1) for m in re.finditer(r"\S+", line)]
        if not in_attacks:
            if len(tokens) != 1:
                raise FrameworkFormatError(
                    name,
                    k + 1,
                    tokens[1][1],
                    "expected one argument name per line before the '#' line "
                    "(or is the '#' line missing?)",
                )
            names[stripped] = None
            _too_many(name, k + 1, 1, "the file declares", len(names), limits)
            continue
        if len(tokens) != 2:
            col = tokens[2][1] if len(tokens) > 2 else len(line) + 1
            raise FrameworkFormatError(
                name, k + 1, col, f"expected an attack 'a b' (two names), got {stripped!r}"
            )
        for token, col in tokens:
            if token not in names:
                raise FrameworkFormatError(
                    name, k + 1, col, f"unknown argument {token!r}; list it before the '#' line"
                )
        attacks.append((tokens[0][0], tokens[1][0]))
    return Framework.from_attacks(list(names), attacks)


def _check_names(fw: Framework, pattern: str, what: str) -> None:
    bad = next((n for n in fw.names if not re.fullmatch(pattern, n)), None)
    if bad is not None:
        raise ValueError(f"argument name {bad!r} cannot be written in {what}")


def generate_iccma(fw: Framework) -> str:
    """Return ``fw`` in the ICCMA 2023 format, arguments numbered by index from 1.

    >>> generate_iccma(Framework.from_attacks("ab", [("a", "b")]))
    'p af 2\\n1 2\\n'
    """
    lines = [f"p af {len(fw)}\n"]
    lines.extend(f"{a + 1} {b + 1}\n" for a, ts in enumerate(fw.targets) for b in ts)
    return "".join(lines)


def generate_apx(fw: Framework) -> str:
    """Return ``fw`` as APX facts (names must be plain tokens: letters, digits, ``_-``).

    >>> generate_apx(Framework.from_attacks("ab", [("a", "b")]))
    'arg(a).\\narg(b).\\natt(a,b).\\n'
    """
    _check_names(fw, r"[A-Za-z0-9_-]+", "APX")
    lines = [f"arg({n}).\n" for n in fw.names]
    lines.extend(f"att({a},{b}).\n" for a, b in fw.attacks())
    return "".join(lines)


def generate_tgf(fw: Framework) -> str:
    """Return ``fw`` as TGF (names must have no spaces and must not be ``#``).

    >>> generate_tgf(Framework.from_attacks("ab", [("a", "b")]))
    'a\\nb\\n#\\na b\\n'
    """
    _check_names(fw, r"(?!#$)\S+", "TGF")
    lines = [f"{n}\n" for n in fw.names] + ["#\n"]
    lines.extend(f"{a} {b}\n" for a, b in fw.attacks())
    return "".join(lines)


def write_iccma(fw: Framework, path: PathOrText) -> dict[str, int]:
    """Write ``fw`` in the ICCMA 2023 format; return the number given to each name.

    Arguments are numbered by their index, from 1.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.af"
    >>> write_iccma(Framework.from_attacks("ab", [("a", "b")]), p)
    {'a': 1, 'b': 2}
    >>> p.read_text()
    'p af 2\\n1 2\\n'
    """
    atomic_write_text(path, generate_iccma(fw))
    return {n: i + 1 for i, n in enumerate(fw.names)}


def write_apx(fw: Framework, path: PathOrText) -> None:
    """Write ``fw`` as APX facts (names must be plain tokens: letters, digits, ``_-``).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.apx"
    >>> write_apx(Framework.from_attacks("ab", [("a", "b")]), p)
    >>> p.read_text()
    'arg(a).\\narg(b).\\natt(a,b).\\n'
    """
    atomic_write_text(path, generate_apx(fw))


def write_tgf(fw: Framework, path: PathOrText) -> None:
    """Write ``fw`` as TGF (names must have no spaces and must not be ``#``).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.tgf"
    >>> write_tgf(Framework.from_attacks("ab", [("a", "b")]), p)
    >>> p.read_text()
    'a\\nb\\n#\\na b\\n'
    """
    atomic_write_text(path, generate_tgf(fw))


DEFAULT_LIMIT = 100  # extensions `argmap solve` lists unless --limit says otherwise


def solve_task(
    path: str | os.PathLike[str],
    semantics: str,
    timeout: float | None = None,
    limits: Limits = DEFAULT_LIMITS,
    limit: int | None = None,
    count_only: bool = False,
) -> dict[str, Any]:
    """Return the answer of ``argmap solve``: the extensions of an ICCMA file, JSON-ready.

    ``{"semantics": S, "extensions": [[...], ...]}`` with names as in the file, each
    extension sorted and the list sorted (numeric names by value); plus ``"complete"``,
    ``"count"`` when known and ``"message"`` when there is something to say. At most
    ``limit`` extensions are listed (then ``"complete"`` is false and the message says how
    many there are, when known); ``count_only`` lists none and counts them all. When time
    runs out the extensions are not known: ``"extensions"`` is ``null``, ``"found"`` lists
    those found so far and ``"message"`` says "undetermined within N s". ``timeout``
    covers reading the file too. Raises :class:`FrameworkFormatError` for a malformed file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "cycle.af"
    >>> _ = p.write_text("p af 2\\n1 2\\n2 1\\n")
    >>> solve_task(p, "stable")
    {'semantics': 'stable', 'extensions': [['1'], ['2']], 'complete': True, 'count': 2}
    >>> solve_task(p, "stable", count_only=True)
    {'semantics': 'stable', 'complete': True, 'count': 2}
    """
    result, _ = _run_task(path, semantics, timeout, limits, limit, count_only)
    out: dict[str, Any] = {"semantics": semantics}
    key = _list_key(result, count_only)
    if key == "found":
        out["extensions"] = None
    if key:
        out[key] = result.extensions
    out.update(_tail(result, count_only))
    return out


def stream_task(
    path: str | os.PathLike[str],
    semantics: str,
    stream: IO[str],
    timeout: float | None = None,
    limits: Limits = DEFAULT_LIMITS,
    limit: int | None = DEFAULT_LIMIT,
    count_only: bool = False,
) -> None:
    """Write :func:`solve_task`'s answer to ``stream`` as it goes, one extension a line, so
    no answer is ever held whole as text; the timeout covers the writing too: past it the
    list is cut, ``"complete"`` is false and the message says so."""
    result, deadline = _run_task(path, semantics, timeout, limits, limit, count_only)
    key = _list_key(result, count_only)
    stream.write(f'{{"semantics": {json.dumps(semantics)}')
    tail = _tail(result, count_only)
    if key:
        if key == "found":
            stream.write(', "extensions": null')
        stream.write(f', "{key}": [')
        for n, extension in enumerate(result.extensions):
            if deadline is not None and time.monotonic() > deadline:
                tail["complete"] = False
                tail["message"] = (
                    f"time ran out while writing: {n} of {len(result.extensions)} listed"
                )
                break
            stream.write(("\n" if n == 0 else ",\n") + json.dumps(extension))
        stream.write("]")
    for name, value in tail.items():
        stream.write(f", {json.dumps(name)}: {json.dumps(value)}")
    stream.write("}\n")


def _run_task(
    path: str | os.PathLike[str],
    semantics: str,
    timeout: float | None,
    limits: Limits,
    limit: int | None,
    count_only: bool,
) -> tuple[Extensions, float | None]:
    deadline = None if timeout is None else time.monotonic() + timeout
    fw = read_framework(path, limits=limits)
    left = None if deadline is None else max(0.0, deadline - time.monotonic())
    keep = 0 if count_only else limit
    return solve(fw, semantics, left, keep, count_all=count_only), deadline


def _list_key(result: Extensions, count_only: bool) -> str | None:
    if result.outcome is Outcome.UNDETERMINED:
        return "found"
    return None if count_only else "extensions"


def _tail(result: Extensions, count_only: bool) -> dict[str, Any]:
    limited = result.outcome is Outcome.LIMITED
    if count_only:  # nothing is listed: the answer is complete when the count is known
        tail: dict[str, Any] = {"complete": result.count is not None and not _undetermined(result)}
    else:
        tail = {"complete": result.complete}
    if result.count is not None:
        tail["count"] = result.count
    if result.message and not (count_only and limited):
        tail["message"] = result.message
    return tail


def _undetermined(result: Extensions) -> bool:
    return result.outcome is Outcome.UNDETERMINED
