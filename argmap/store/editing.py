"""Editing a map file safely: validated edits, undo, and saves that never lose anyone's work.

An :class:`Editor` holds a map read from a file (a :class:`~argmap.store.yaml_map.LoadedMap`,
so the file's comments and layout survive) and the content hash of the bytes it was read from.

- **Edits** (:meth:`Editor.add`, :meth:`Editor.update`, :meth:`Editor.remove`) are checked with
  the same rules as a file (pydantic, then :func:`argmap.model.reference_problems`). A bad edit
  is not applied: the call returns its problems by field (``{"actor": "unknown actor ..."}``;
  the key ``""`` is for problems that belong to no one field). An empty dict means applied.
- **Renaming** an entry's id renames every reference to it, so nothing dangles.
- **Removing** a claim or relation that relations use is refused, naming them, unless
  ``cascade=True``, which removes those relations too (and undercuts of them, and so on).
  A source or actor that anything names is always refused: removing claims along with their
  source would be too easy a mistake.
- **Undo** steps back through the session's edits (the last :data:`UNDO_DEPTH`).
- **Saving** writes atomically into the original document, so only edited entries change.
  It is compare-and-swap: the check that the file is still the one read and the rename
  that replaces it happen under one OS lock that every save of the file holds (in any
  process), so of editors saving at once one succeeds and the others are refused. If
  the file changed on disk since it was read (a classmate's save, a ``git pull``),
  :meth:`Editor.save` raises :class:`SaveConflict` instead of overwriting; then
  :meth:`Editor.merge` re-applies our changed entries, by id, onto the file as it now is
  (refused, naming them, when both sides changed the same entry), :meth:`Editor.reload`
  discards ours and :meth:`Editor.overwrite` keeps ours over theirs.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "m.yaml"
>>> _ = path.write_text(_demo_text(), encoding="utf-8")
>>> ed = Editor.open(path)
>>> claim = ed.entry("claims", "a").model_dump(by_alias=True, exclude_none=True)
>>> ed.update("claims", "a", {**claim, "actor": "nobody"})
{'actor': "unknown actor 'nobody' (expected the id of an entry under actors:)"}
>>> ed.update("claims", "a", {**claim, "statement": "A, edited."})
{}
>>> ed.remove("claims", "b")
{'id': 'relations use it: r1; remove them first, or remove them with it'}
>>> _ = ed.save()
>>> print(path.read_text().split("    source:")[0])  # the edit, and the comment kept
argmap: 1
title: T
question: Q?
sources:
  - id: s  # the one source
    title: S
    kind: article
actors:
  - id: x
    name: X
    kind: person
claims:
  - id: a
    statement: A, edited.
<BLANKLINE>
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from argmap.model import ArgumentMap
from argmap.model import reference_problems as _reference_problems
from argmap.problems import Problem
from argmap.store.atomic import content_hash, locked, replace_locked
from argmap.store.yaml_map import SECTIONS, LoadedMap, dump_map, pydantic_problem, read_map_text

__all__ = [
    "SECTIONS",
    "UNDO_DEPTH",
    "Change",
    "Editor",
    "Errors",
    "MergeRefused",
    "SaveConflict",
]

Section = Literal["sources", "actors", "values", "audiences", "claims", "relations"]


class Errors(dict[str, str]):
    """An edit's problems: :class:`~argmap.problems.Problem` like a file's (type, loc,
    message), in ``problems``; as a dict, the first message of each form field (``""``
    for the entry as a whole), which is how a form shows them. Empty: the edit was applied.

    >>> e = Errors.of(Problem.at("<form>", 0, 0, ("claims", 0, "id"), "taken", "duplicate_id"))
    >>> dict(e), [p.type for p in e.problems]
    ({'id': 'taken'}, ['duplicate_id'])
    """

    problems: list[Problem]

    def __init__(self) -> None:
        super().__init__()
        self.problems = []

    @classmethod
    def of(cls, *problems: Problem, field_at: int = 2) -> Errors:
        """Return the errors of ``problems``; a problem's form field is its ``loc`` part at
        ``field_at`` (after the section and index), else ``""``."""
        errors = cls()
        for problem in problems:
            errors.problems.append(problem)
            part = problem.loc[field_at] if len(problem.loc) > field_at else ""
            errors.setdefault(part if isinstance(part, str) else "", problem.message)
        return errors

    @classmethod
    def one(cls, loc: tuple[str | int, ...], message: str, type: str) -> Errors:
        """Return the errors holding one problem at ``loc``."""
        return cls.of(Problem.at("<form>", 0, 0, loc, message, type))


SINGULAR = {
    "sources": "source",
    "actors": "actor",
    "values": "value",
    "audiences": "audience",
    "claims": "claim",
    "relations": "relation",
}
INFO_FIELDS = ("title", "question", "description")
UNDO_DEPTH = 50


@dataclass(frozen=True)
class Change:
    """One entry that differs between two versions of a map.

    ``section`` is ``"sources"``, ``"actors"``, ``"claims"``, ``"relations"`` or ``"map"``
    (for title, question and description, ``id`` naming the field); ``action`` is
    ``"added"``, ``"changed"`` or ``"removed"``.
    """

    section: str
    id: str
    action: str

    def __str__(self) -> str:
        what = "map" if self.section == "map" else SINGULAR[self.section]
        return f"{self.action} {what} {self.id}"


def diff(old: ArgumentMap, new: ArgumentMap) -> list[Change]:
    """Return the entries (by id) and map fields that differ from ``old`` to ``new``.

    >>> m = ArgumentMap(title="T", question="Q?")
    >>> [str(c) for c in diff(m, m.model_copy(update={"title": "U"}))]
    ['changed map title']
    """
    changes = [
        Change("map", f, "changed") for f in INFO_FIELDS if getattr(old, f) != getattr(new, f)
    ]
    for section in SECTIONS:
        before = {e.id: e for e in getattr(old, section)}
        after = {e.id: e for e in getattr(new, section)}
        for entry_id, entry in after.items():
            if entry_id not in before:
                changes.append(Change(section, entry_id, "added"))
            elif before[entry_id] != entry:
                changes.append(Change(section, entry_id, "changed"))
        changes.extend(Change(section, i, "removed") for i in before if i not in after)
    return changes


class SaveConflict(Exception):
    """The file changed on disk since it was read; nothing was written.

    ``disk_text`` is the file as it now is (``None`` if it was deleted), ``pending`` our map,
    ``theirs`` and ``ours`` what each side changed since the common version, and
    ``conflicts`` the entries both changed differently (a merge would be refused).
    """

    def __init__(
        self,
        path: Path,
        disk_text: str | None,
        pending: ArgumentMap,
        theirs: list[Change],
        ours: list[Change],
        conflicts: list[Change],
    ) -> None:
        self.path, self.disk_text, self.pending = path, disk_text, pending
        self.theirs, self.ours, self.conflicts = theirs, ours, conflicts
        super().__init__(self.describe())

    def describe(self) -> str:
        """Return what happened and what the person can do, in words."""
        if self.disk_text is None:
            return f"{self.path.name} was deleted or moved since you opened it; nothing was saved."
        text = (
            f"{self.path.name} changed on disk since you opened it (someone else, a git pull, "
            "or another tab); nothing was saved, so no one's edits are lost."
        )
        if self.theirs:
            text += " Changed there: " + _listing(self.theirs) + "."
        if self.conflicts:
            text += (
                " Both you and they changed " + _listing(self.conflicts) + ", so they cannot be "
                "merged: reload (discarding yours) or overwrite (discarding theirs)."
            )
        else:
            text += " Merging keeps both: your changed entries are applied to the new file."
        return text


class MergeRefused(Exception):
    """A merge that would lose or break something; nothing was written."""


def _listing(changes: list[Change], limit: int = 8) -> str:
    words = [str(c) for c in changes[:limit]]
    if len(changes) > limit:
        words.append(f"and {len(changes) - limit} more")
    return ", ".join(words)


@dataclass
class Editor:
    """Edits of one map file in a session (see the module docstring).

    ``base`` is the map as last read from or written to the file, ``content_hash`` the hash of
    those bytes, ``map`` the map with our pending edits.
    """

    loaded: LoadedMap
    content_hash: str
    # The text ``loaded`` was read from when it was read without its document (fast).
    text: str | None = field(default=None, repr=False)
    base: ArgumentMap = field(init=False)
    history: list[ArgumentMap] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.base = self.loaded.map

    # --------------------------------------------------------------------------- reading
    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Editor:
        """Return an editor over the map file at ``path``.

        Raises :class:`~argmap.problems.MapFileError` when the file cannot be used.
        """
        target = Path(path)
        data = target.read_bytes()
        # Read fast, without the round-trip document: that is only needed to save (see
        # _render), and parsing it costs seconds on a big map the user may only look at.
        return cls(_parse(data, target, editable=False), content_hash(data), text=_text(data))

    @property
    def path(self) -> Path:
        assert self.loaded.path is not None
        return self.loaded.path

    @property
    def map(self) -> ArgumentMap:
        """Return the map with our pending edits."""
        return self.loaded.map

    def _set(self, new: ArgumentMap) -> None:
        self.history.append(self.loaded.map)
        del self.history[:-UNDO_DEPTH]
        self.loaded.map = new

    @property
    def dirty(self) -> bool:
        """Return whether there are edits not yet saved."""
        return self.map != self.base

    def changes(self) -> list[Change]:
        """Return our unsaved changes."""
        return diff(self.base, self.map)

    def entry(self, section: Section, entry_id: str) -> Any:
        """Return the entry of ``section`` with id ``entry_id`` (``KeyError`` if none)."""
        return _by_id(getattr(self.map, section), entry_id, section)

    def users(self, entry_id: str) -> list[tuple[str, str]]:
        """Return ``(section, id)`` of every entry that names ``entry_id``.

        >>> ed = Editor(_parse(_demo_text(), None), "")
        >>> ed.users("b"), ed.users("s")
        ([('relations', 'r1')], [('claims', 'a'), ('claims', 'b')])
        """
        found: list[tuple[str, str]] = []
        m = self.map
        found += [("sources", s.id) for s in m.sources if s.reported_in == entry_id]
        found += [
            ("actors", a.id) for a in m.actors if a.member_of == entry_id or entry_id in a.sources
        ]
        found += [
            ("audiences", a.id)
            for a in m.audiences
            if entry_id in (a.actor, a.source) or any(entry_id in tier for tier in a.ranking)
        ]
        found += [("claims", c.id) for c in m.claims if entry_id in (c.source, c.actor, *c.values)]
        found += [("relations", r.id) for r in m.relations if entry_id in (r.from_, r.to)]
        return found

    # --------------------------------------------------------------------------- editing
    def add(self, section: Section, values: dict[str, Any]) -> Errors:
        """Add an entry to the end of ``section``; return its problems by field ({} if added)."""
        entry, errors = _entry(section, values)
        if entry is None:
            return errors
        if any(e.id == entry.id for s in SECTIONS for e in getattr(self.map, s)):
            message = f"the id {entry.id!r} is already used; ids must be unique in the map"
            return Errors.one(
                (section, len(getattr(self.map, section)), "id"), message, "duplicate_id"
            )
        items = [*getattr(self.map, section), entry]
        return self._apply(section, items, len(items) - 1)

    def update(self, section: Section, entry_id: str, values: dict[str, Any]) -> Errors:
        """Replace entry ``entry_id`` by ``values`` (every field; empty ones are dropped).

        A new id renames the entry and every reference to it. Returns the problems by field
        ({} if applied).
        """
        items = list(getattr(self.map, section))
        index = next((k for k, e in enumerate(items) if e.id == entry_id), None)
        if index is None:
            message = f"there is no {SINGULAR[section]} {entry_id!r} (any more)"
            return Errors.one((section,), message, "not_found")
        entry, errors = _entry(section, values)
        if entry is None:
            return errors
        if entry == items[index]:
            return Errors()
        base = self.map
        if entry.id != entry_id:
            if any(e.id == entry.id for s in SECTIONS for e in getattr(base, s)):
                message = f"the id {entry.id!r} is already used; ids must be unique"
                return Errors.one((section, index, "id"), message, "duplicate_id")
            base = _renamed(base, entry_id, entry.id)
            items = list(getattr(base, section))
        items[index] = entry
        return self._apply(section, items, index, base)

    def remove(self, section: Section, entry_id: str, *, cascade: bool = False) -> Errors:
        """Remove entry ``entry_id``; return the problems ({} if removed).

        Refused while other entries name it; with ``cascade`` the relations that name a removed
        claim or relation go too (sources and actors are never removed that way).
        """
        try:
            self.entry(section, entry_id)
        except KeyError:
            message = f"there is no {SINGULAR[section]} {entry_id!r} (any more)"
            return Errors.one((section,), message, "not_found")
        gone = {entry_id}
        if cascade and section in ("claims", "relations"):
            while more := {
                r.id for r in self.map.relations if r.id not in gone and {r.from_, r.to} & gone
            }:
                gone |= more
        users = [(s, i) for s, i in self.users(entry_id) if i not in gone]
        if users:
            named = ", ".join(i for _, i in users)
            kinds = {s for s, _ in users}
            if kinds == {"relations"}:
                hint = "remove them first, or remove them with it"
            else:
                hint = "change or remove those first"
            message = f"{' and '.join(sorted(kinds))} use it: {named}; {hint}"
            return Errors.one((section, 0, "id"), message, "in_use")
        new = self.map.model_copy(
            update={
                s: [e for e in getattr(self.map, s) if e.id not in gone]
                for s in ("claims", "relations")
            }
            | {section: [e for e in getattr(self.map, section) if e.id not in gone]}
        )
        self._set(new)
        return Errors()

    def update_info(self, values: dict[str, Any]) -> Errors:
        """Set the map's title, question and description; return problems by field."""
        data = {f: values.get(f) for f in INFO_FIELDS}
        data = {k: v.strip() if isinstance(v, str) else v for k, v in data.items()}
        data = {k: v for k, v in data.items() if v not in (None, "")}
        try:
            probe = ArgumentMap.model_validate(data)
        except ValidationError as exc:
            return _field_errors("map", data, exc)
        new = self.map.model_copy(update={f: getattr(probe, f) for f in INFO_FIELDS})
        if new != self.map:
            self._set(new)
        return Errors()

    def _apply(
        self, section: Section, items: list[Any], index: int, base: ArgumentMap | None = None
    ) -> Errors:
        new = (base or self.map).model_copy(update={section: items})
        errors = Errors()
        for problem in reference_problems(new):
            if problem.loc[:2] == (section, index) and len(problem.loc) > 2:
                errors.problems.append(problem)
                errors.setdefault(str(problem.loc[2]), problem.message)
            else:  # another entry's problem: said for the whole entry, naming that one
                message = f"{_where(new, problem.loc)}: {problem.message}"
                errors.problems.append(replace(problem, message=message))
                errors.setdefault("", message)
        if errors:
            return errors
        self._set(new)
        return Errors()

    def undo(self) -> bool:
        """Step back one edit; return whether there was one."""
        if not self.history:
            return False
        self.loaded.map = self.history.pop()
        return True

    # --------------------------------------------------------------------------- saving
    def _disk(self) -> tuple[bytes | None, str | None]:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None, None
        return data, content_hash(data)

    def conflict(self) -> SaveConflict | None:
        """Return the conflict a save would meet now, or ``None`` if the file is unchanged."""
        data, digest = self._disk()
        return None if digest == self.content_hash else self._conflict_with(data)

    def _conflict_with(self, data: bytes | None) -> SaveConflict:
        """The conflict of our edits with the file's bytes ``data`` (``None``: no file)."""
        text = data.decode("utf-8", "replace") if data is not None else None
        ours = self.changes()
        theirs: list[Change] = []
        conflicts: list[Change] = []
        if text is not None:
            try:
                fresh = read_map_text(text, str(self.path), editable=False).map
            except ValueError:  # their file is broken: it cannot be merged with
                theirs = [Change("map", "file", "changed")]
                conflicts = list(ours)
            else:
                theirs = diff(self.base, fresh)
                conflicts = _conflicts(ours, theirs, self.map, fresh)
        return SaveConflict(self.path, text, self.map, theirs, ours, conflicts)

    def save(self) -> str:
        """Write our map into the file atomically; return the new content hash.

        Compare-and-swap: under the file's lock (:func:`~argmap.store.atomic.locked`, held
        by every save of it, in any process) the file is checked to be the one we read and
        then replaced, so of two editors saving at once the second finds the first's
        version. Raises :class:`SaveConflict`, writing nothing, if the file changed since it
        was read (then :meth:`merge`), and :class:`~argmap.store.atomic.FileBusy` if the lock
        could not be had in time.
        """
        data = self._render()  # the slow part, outside the lock: it depends on ours only
        with locked(self.path):
            disk, digest = self._disk()
            if digest == self.content_hash:
                replace_locked(self.path, data)
                disk = None
        if digest != self.content_hash:
            raise self._conflict_with(disk)
        return self._saved(data)

    def _render(self) -> bytes:
        if self.loaded.document is None and self.text is not None:
            # The file's comments and layout, from the text our base was read from.
            kept = _parse(self.text, self.path)
            self.loaded.document, self.loaded.indent = kept.document, kept.indent
            self.text = None
        return dump_map(self.loaded).encode("utf-8")

    def _saved(self, data: bytes) -> str:
        self.content_hash = content_hash(data)
        self.base = self.map
        return self.content_hash

    def overwrite(self) -> str:
        """Write our map over whatever the file now holds (theirs is lost: ask first)."""
        data = self._render()
        with locked(self.path):
            replace_locked(self.path, data)
        return self._saved(data)

    def reload(self) -> None:
        """Read the file again, discarding our unsaved edits and the undo history."""
        fresh = Editor.open(self.path)
        self.loaded, self.content_hash, self.base = fresh.loaded, fresh.content_hash, fresh.base
        self.text = fresh.text
        self.history.clear()

    def _merged_onto(
        self, fresh: ArgumentMap, who: str, reload: str, overwrite: str
    ) -> ArgumentMap:
        """Return our changed entries replayed onto ``fresh`` (the file as it now is), or
        raise :class:`MergeRefused` saying what both sides changed, or why the result would
        be invalid. ``who``, ``reload`` and ``overwrite`` word the message for the caller."""
        ours = self.changes()
        conflicts = _conflicts(ours, diff(self.base, fresh), self.map, fresh)
        if conflicts:
            raise MergeRefused(
                f"both {who} changed {_listing(conflicts)}; reload {reload} or overwrite "
                f"{overwrite}"
            )
        merged = _replay(fresh, self.map, ours)
        problems = reference_problems(merged)
        if problems:
            raise MergeRefused(
                "the merged map would be invalid: "
                + "; ".join(f"{_where(merged, p.loc)}: {p.message}" for p in problems[:5])
            )
        return merged

    def merge(self) -> str:
        """Apply our changed entries onto the file as it now is, save; return the new hash.

        Their comments and edits are kept. The file's lock is held from reading it to
        writing the result, so a merge never meets a newer file: it goes through, or raises
        :class:`MergeRefused` (writing nothing) when both sides changed the same entry
        differently or the result would be invalid.
        """
        with locked(self.path):
            data, digest = self._disk()
            if data is None:
                raise MergeRefused(
                    f"{self.path.name} no longer exists; overwrite to write it again"
                )
            fresh = _parse(data, self.path)
            merged = self._merged_onto(
                fresh.map, "you and they", "(discarding yours)", "(discarding theirs)"
            )
            previous = (self.loaded, self.content_hash, self.base, self.text)
            self.loaded, self.content_hash, self.base = fresh, str(digest), fresh.map
            self.text = None
            self._set(merged)
            try:
                out = self._render()
                replace_locked(self.path, out)
            except BaseException:
                self.loaded, self.content_hash, self.base, self.text = previous
                self.history.pop()
                raise
        return self._saved(out)


# ------------------------------------------------------------------------------- helpers
def _text(data: bytes | str) -> str:
    return data.decode("utf-8-sig") if isinstance(data, bytes) else data


def _parse(data: bytes | str, path: Path | None, *, editable: bool = True) -> LoadedMap:
    loaded = read_map_text(_text(data), str(path) if path else "<map>", editable=editable)
    loaded.path = path
    return loaded


def _demo_text() -> str:
    # The small map of the examples, with a comment a person wrote.
    claims = "".join(
        f"  - id: {c}\n    statement: {c.upper()}.\n    source: s\n    actor: x\n    quote: q\n"
        for c in "ab"
    )
    return (
        "argmap: 1\ntitle: T\nquestion: Q?\n"
        "sources:\n  - id: s  # the one source\n    title: S\n    kind: article\n"
        "actors:\n  - id: x\n    name: X\n    kind: person\n"
        f"claims:\n{claims}"
        "relations:\n  - id: r1\n    type: supports\n    from: b\n    to: a\n"
    )


def _by_id(items: list[Any], entry_id: str, section: str) -> Any:
    for item in items:
        if item.id == entry_id:
            return item
    raise KeyError(f"no {SINGULAR[section]} with id {entry_id!r}")


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    # A form sends every field: an empty one means "not given", as when a file leaves it out.
    out: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, str):
            value = value.strip()
        if isinstance(value, list):
            value = [v.strip() if isinstance(v, str) else v for v in value]
            value = [v for v in value if v not in (None, "")]
        if value in (None, "", []):
            continue
        out["from" if key == "from_" else key] = value
    return out


def _entry(section: Section, values: dict[str, Any]) -> tuple[Any, Errors]:
    data = _clean(values)
    try:
        return SECTIONS[section].model_validate(data), Errors()
    except ValidationError as exc:
        return None, _field_errors(section, data, exc)


def _field_errors(section: str, data: dict[str, Any], exc: ValidationError) -> Errors:
    """The messages a file would get for these fields, keyed by field name."""
    prefix: tuple[str | int, ...] = () if section == "map" else (section, 0)
    document = data if section == "map" else {section: [data]}
    errors = Errors()
    for err in exc.errors():
        problem = pydantic_problem(document, {**err, "loc": (*prefix, *err["loc"])}, "<form>")
        # The field from pydantic's own loc: a missing field is not in the file's loc.
        loc = err["loc"]
        errors.problems.append(replace(problem, loc=(*prefix, *loc)) if loc else problem)
        errors.setdefault(str(loc[0]) if loc and isinstance(loc[0], str) else "", problem.message)
    return errors


def reference_problems(m: ArgumentMap) -> list[Problem]:
    """Return the broken references of a whole map (see :func:`argmap.model.reference_problems`)."""
    return _reference_problems(
        m.sources, m.actors, m.claims, m.relations, values=m.values, audiences=m.audiences
    )


def _where(m: ArgumentMap, loc: tuple[str | int, ...]) -> str:
    if len(loc) >= 2 and isinstance(loc[1], int):
        entry = getattr(m, str(loc[0]))[loc[1]]
        return f"{SINGULAR[str(loc[0])]} {entry.id}" + (f" ({loc[2]})" if len(loc) > 2 else "")
    return ".".join(map(str, loc))


def _renamed(m: ArgumentMap, old: str, new: str) -> ArgumentMap:
    """Return ``m`` with every reference to ``old`` pointing at ``new``."""

    def swap(value: str | None) -> str | None:
        return new if value == old else value

    return m.model_copy(
        update={
            "sources": [
                s.model_copy(update={"reported_in": swap(s.reported_in)}) for s in m.sources
            ],
            "actors": [
                a.model_copy(
                    update={"member_of": swap(a.member_of), "sources": [swap(x) for x in a.sources]}
                )
                for a in m.actors
            ],
            "audiences": [
                a.model_copy(
                    update={
                        "actor": swap(a.actor),
                        "source": swap(a.source),
                        "ranking": [[new if v == old else v for v in t] for t in a.ranking],
                    }
                )
                for a in m.audiences
            ],
            "claims": [
                c.model_copy(
                    update={
                        "source": swap(c.source),
                        "actor": swap(c.actor),
                        "values": [new if v == old else v for v in c.values],
                    }
                )
                for c in m.claims
            ],
            "relations": [
                r.model_copy(update={"from_": swap(r.from_), "to": swap(r.to)}) for r in m.relations
            ],
        }
    )


def _value(m: ArgumentMap, change: Change) -> Any:
    if change.section == "map":
        return getattr(m, change.id, None)
    return next((e for e in getattr(m, change.section) if e.id == change.id), None)


def _conflicts(
    ours: list[Change], theirs: list[Change], mine: ArgumentMap, fresh: ArgumentMap
) -> list[Change]:
    """Entries both sides changed, unless they changed them the same way."""
    touched = {(c.section, c.id) for c in theirs}
    return [c for c in ours if (c.section, c.id) in touched and _value(mine, c) != _value(fresh, c)]


def _replay(fresh: ArgumentMap, mine: ArgumentMap, ours: list[Change]) -> ArgumentMap:
    """Return ``fresh`` with our changed entries applied by id (added ones after their
    predecessor in our order, else at the end)."""
    update: dict[str, Any] = {}
    for change in ours:
        if change.section == "map":
            update[change.id] = getattr(mine, change.id)
    for section in SECTIONS:
        mine_items = {e.id: e for e in getattr(mine, section)}
        mine_order = [e.id for e in getattr(mine, section)]
        items = list(getattr(fresh, section))
        for change in (c for c in ours if c.section == section):
            if change.action == "removed":
                items = [e for e in items if e.id != change.id]
            elif change.action == "changed":
                items = [mine_items[change.id] if e.id == change.id else e for e in items]
            elif not any(e.id == change.id for e in items):  # both added it alike: once
                where = {e.id: k for k, e in enumerate(items)}
                earlier = mine_order[: mine_order.index(change.id)]
                before = next((where[i] for i in reversed(earlier) if i in where), None)
                items.insert(len(items) if before is None else before + 1, mine_items[change.id])
        update[section] = items
    return fresh.model_copy(update=update)
