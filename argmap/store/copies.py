"""Editing a student's own copy with the map editor: the same checks, undo and conflict handling
as a map file, but every save is a new version in the class store.

A :class:`CopyEditor` is an :class:`~argmap.store.editing.Editor` whose "disk" is the student's
latest version in :class:`~argmap.store.classes.ClassStore`. Saving is compare-and-swap: the
version the edit started from is checked and the next one inserted in one transaction, so of
two tabs (or two app servers) saving at once exactly one is refused, and the refused one gets
the usual :class:`~argmap.store.editing.SaveConflict` to merge, reload or overwrite.

>>> from argmap.store.classes import ClassStore
>>> from argmap.store.editing import _demo_text
>>> store = ClassStore("sqlite://")
>>> info, _ = store.create_class("C", "demo", "Prof", "correct horse")
>>> ada = store.join(info.code, "Ada", "ada's own pass")
>>> _ = store.start_copy(ada, _demo_text())
>>> ed = CopyEditor.open_copy(store, ada)
>>> claim = ed.entry("claims", "a").model_dump(by_alias=True, exclude_none=True)
>>> ed.update("claims", "a", {**claim, "statement": "A, mine."})
{}
>>> _ = ed.save()
>>> ed.number, "A, mine." in store.latest(ada).text
(2, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from argmap.store.atomic import content_hash
from argmap.store.classes import ClassStore, Refused, Session
from argmap.store.editing import (
    Editor,
    MergeRefused,
    _parse,
)


@dataclass
class CopyEditor(Editor):
    """Edits of the signed-in student's copy (see the module docstring).

    ``number`` is the version the editor's base was read from or last saved as. Callers
    call the methods on the instance (``ed.save()``), never ``Editor.save(ed)``: the file
    editor's own saves would look for a file.
    """

    store: ClassStore | None = field(default=None, repr=False)
    who: Session | None = field(default=None, repr=False)
    number: int = 0
    # The latest version seen by the last look at the store, and its content hash.
    _seen: tuple[int, str] = (0, "")

    @classmethod
    def open_copy(cls, store: ClassStore, who: Session) -> CopyEditor:
        """Return an editor over the student's latest version (refused before they start)."""
        version = store.latest(who)
        if version is None:
            raise Refused("invalid", "start your copy first")
        # A name for messages that is no place to write: a stray file write fails loudly.
        path = Path("/dev/null") / f"{who.name}'s copy"
        digest = content_hash(version.text.encode("utf-8"))
        ed = cls(_parse(version.text, path, editable=False), digest, text=version.text)
        ed.store, ed.who, ed.number, ed._seen = store, who, version.number, (version.number, digest)
        return ed

    def _latest(self) -> tuple[str | None, int, str | None]:
        assert self.store is not None and self.who is not None
        version = self.store.latest(self.who)
        if version is None:
            return None, 0, None
        digest = content_hash(version.text.encode("utf-8"))
        self._seen = (version.number, digest)
        return version.text, version.number, digest

    def _disk(self) -> tuple[bytes | None, str | None]:
        text, _, digest = self._latest()
        return (None if text is None else text.encode("utf-8")), digest

    def save(self) -> str:
        """Save ours as the next version; return its content hash.

        Compare-and-swap in the database: the version our base is must still be the latest
        (the insert of the next number fails otherwise), else :class:`SaveConflict`.
        """
        return self._store_version(self._render())

    def _store_version(self, data: bytes) -> str:
        assert self.store is not None and self.who is not None
        # The version our base is: after a merge, the one merged onto.
        seen = self._seen[0] if self._seen[1] == self.content_hash else self.number
        try:
            version = self.store.save(self.who, data.decode("utf-8"), seen=seen)
        except Refused as exc:
            if exc.type != "stale":
                raise
            latest, _ = self._disk()
            raise self._conflict_with(latest) from None
        self.number = version.number
        self._seen = (version.number, content_hash(data))
        return self._saved(data)

    def overwrite(self) -> str:
        """Save ours as the next version after whatever is latest (theirs stays in history)."""
        _, number, digest = self._latest()
        self.number = number
        if digest is not None:
            self.content_hash = digest
        return self._store_version(self._render())

    def merge(self) -> str:
        """Apply our changed entries onto the latest version and save the result as the next
        one; return its hash. Refused (:class:`MergeRefused`, nothing saved) as the file
        editor's merge is; a save that lands meanwhile makes this one a :class:`SaveConflict`.
        """
        data, digest = self._disk()
        if data is None:
            raise MergeRefused("your copy has no version to merge with; reload it")
        fresh = _parse(data, self.path)
        merged = self._merged_onto(
            fresh.map, "this tab and another", "(discarding these changes)",
            "(discarding the other's)",
        )  # fmt: skip
        previous = (self.loaded, self.content_hash, self.base, self.text, self.number)
        self.loaded, self.content_hash, self.base = fresh, str(digest), fresh.map
        self.text, self.number = None, self._seen[0]
        self._set(merged)
        try:
            return self._store_version(self._render())
        except BaseException:
            self.loaded, self.content_hash, self.base, self.text, self.number = previous
            self.history.pop()
            raise

    def reload(self) -> None:
        """Read the latest version again, discarding unsaved edits and the undo history."""
        assert self.store is not None and self.who is not None
        fresh = CopyEditor.open_copy(self.store, self.who)
        self.loaded, self.content_hash, self.base = fresh.loaded, fresh.content_hash, fresh.base
        self.text, self.number, self._seen = fresh.text, fresh.number, fresh._seen
        self.history.clear()
