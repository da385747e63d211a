"""Kialo's plain-text discussion export (a numbered pro/con tree) to a map.

The export looks like this::

    Discussion Title: Should cities ban cars?

    1. Cities should ban cars.
    1.1. Pro: Cars pollute the air.
    1.1.1. Con: Electric cars do not.
    1.2. Con: -> See 1.1.1.

A dotted number is the claim's path in the tree; ``Pro`` makes it support its parent,
``Con`` attack it. ``-> See 1.1.1.`` reuses claim 1.1.1 under another parent, so the tree
becomes a graph. Top-level claims (``1.``, ``2.``) are theses. Texts are kept as written,
Markdown links and ``[1]`` footnotes included; Windows line endings are fine. Any other
non-empty line is an error, reported with its line like every other problem in the file.

>>> result = parse_kialo('''Discussion Title: Should cities ban cars?
...
... 1. Cities should ban cars.
... 1.1. Pro: Cars pollute the air.
... 1.1.1. Con: Electric cars do not.
... 1.2. Con: -> See 1.1.1.
... ''', "cars.txt")
>>> [(r.from_, r.type.value, r.to) for r in result.map.relations]  # doctest: +NORMALIZE_WHITESPACE
[('cars-pollute-the-air', 'supports', 'cities-should-ban-cars'),
 ('electric-cars-do-not', 'attacks', 'cars-pollute-the-air'),
 ('electric-cars-do-not', 'attacks', 'cities-should-ban-cars')]
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from argmap.limits import DEFAULT_LIMITS, Limits, read_limited
from argmap.problems import MapFileError, Problem
from argmap.readwrite.formats import Format
from argmap.readwrite.imported import ImportResult, MapBuilder

__all__ = ["parse_kialo"]

_TITLE = re.compile(r"^\s*Discussion Title:\s*(.*?)\s*$")
_LINE = re.compile(r"^\s*((?:\d+\.)+)\s+(?:(Pro|Con)\s*:\s*)?(.*?)\s*$", re.IGNORECASE)
_SEE = re.compile(r"^->\s*See\s+((?:\d+\.)*\d+)\.?$", re.IGNORECASE)


@dataclass
class _Entry:
    path: str
    stance: str | None  # "pro", "con", or None for a thesis
    text: str
    line: int
    see: str | None = None


def parse_kialo(text: str, name: str = "kialo", limits: Limits = DEFAULT_LIMITS) -> ImportResult:
    """Return the map a Kialo discussion export describes, and what it could not express.

    Raises :class:`~argmap.problems.MapFileError` listing every malformed line, located.

    >>> parse_kialo("1. Thesis\\n1.1. Pro: Yes\\nsomething else\\n1.3.1. Con: No\\n", "d.txt")
    Traceback (most recent call last):
    ...
    argmap.problems.MapFileError: d.txt:3:1: expected a numbered claim like '1.2. Pro: text' \
(or 'Discussion Title: ...'), got 'something else'
    d.txt:4:1: claim 1.3.1 has no parent: there is no claim 1.3
    """
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    errors: list[Problem] = []
    title: str | None = None
    entries: dict[str, _Entry] = {}
    for k, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if (match := _TITLE.match(line)) and title is None and not entries:
            title = match.group(1)
            continue
        match = _LINE.match(line)
        if match is None or not match.group(3):
            shown = line.strip() if len(line.strip()) <= 60 else line.strip()[:57] + "..."
            errors.append(
                Problem(
                    name,
                    k,
                    1,
                    "",
                    "expected a numbered claim like "
                    f"'1.2. Pro: text' (or 'Discussion Title: ...'), got {shown!r}",
                    "kialo_syntax",
                )
            )
            continue
        path = match.group(1).rstrip(".")
        stance = match.group(2).lower() if match.group(2) else None
        body = match.group(3)
        col = match.start(3) + 1
        if path in entries:
            errors.append(
                Problem(
                    name,
                    k,
                    1,
                    "",
                    f"claim {path} is numbered twice (first at line {entries[path].line})",
                    "kialo_syntax",
                )
            )
            continue
        parent = path.rpartition(".")[0]
        if parent and stance is None:
            errors.append(
                Problem(
                    name,
                    k,
                    1,
                    "",
                    f"claim {path} needs 'Pro:' or 'Con:' to say how it bears on {parent}",
                    "kialo_syntax",
                )
            )
            continue
        if not parent and stance is not None:
            errors.append(
                Problem(
                    name,
                    k,
                    1,
                    "",
                    f"claim {path} is a thesis, which has no parent to be {match.group(2)}",
                    "kialo_syntax",
                )
            )
            continue
        if parent and parent not in entries:
            errors.append(
                Problem(
                    name,
                    k,
                    1,
                    "",
                    f"claim {path} has no parent: there is no claim {parent}",
                    "kialo_syntax",
                )
            )
            continue
        entry = _Entry(path, stance, body, k)
        see = _SEE.match(body)
        if see:
            entry.see = see.group(1)
        elif body.startswith("->"):
            errors.append(
                Problem(name, k, col, "", "a link must read '-> See 1.2.3.'", "kialo_syntax")
            )
            continue
        entries[path] = entry
    for entry in entries.values():
        if entry.see is not None and (entry.see not in entries or entries[entry.see].see):
            target = entries.get(entry.see)
            why = "no such claim" if target is None else "that is a link itself"
            errors.append(
                Problem(name, entry.line, 1, "", f"link to {entry.see}: {why}", "kialo_syntax")
            )
    if errors:
        raise MapFileError(errors)
    return _build(entries, title, name, limits)


def _build(
    entries: dict[str, _Entry], title: str | None, name: str, limits: Limits
) -> ImportResult:
    builder = MapBuilder(name, title=title, question=title, limits=limits)
    claim_of: dict[str, str] = {}
    for entry in entries.values():
        if entry.see is None:
            claim_of[entry.path] = builder.add_claim(
                entry.text,
                kind="claim" if entry.stance else "thesis",
                note=f"Kialo {entry.path}",
                line=entry.line,
            )
    seen: dict[tuple[str, str, str], int] = {}
    for entry in entries.values():
        if entry.stance is None:
            continue
        source = claim_of[entry.see or entry.path]
        target = claim_of[_resolve(entries, entry.path.rpartition(".")[0])]
        type_ = "supports" if entry.stance == "pro" else "attacks"
        triple = (source, type_, target)
        if source == target:
            builder.warn(entry.line, f"claim {entry.path} links a claim to itself; ignored")
        elif triple in seen:
            builder.warn(
                entry.line,
                f"claim {entry.path} repeats the relation of line {seen[triple]}; argmap keeps one",
            )
        else:
            seen[triple] = entry.line
            builder.add_relation(type_, source, target)
    return builder.result()


def _resolve(entries: dict[str, _Entry], path: str) -> str:
    """A link's children hang under the claim it links to."""
    see = entries[path].see
    return see if see is not None else path


def read_kialo(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> ImportResult:
    """Return the map in the Kialo export at ``path`` (:func:`parse_kialo` of its text; the
    file is refused at once, located, when it is over ``limits`` or not UTF-8 text)."""
    return parse_kialo(read_limited(path, limits), str(path), limits)


FORMATS = (
    Format(
        "kialo", "Kialo (.txt export)", (".txt",), "text/plain", "A numbered pro/con tree.",
        keeps="the tree's claims and their pro/con relations",
        parse=parse_kialo, rank=55,
    ),
)  # fmt: skip
