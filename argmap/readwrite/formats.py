"""Every format argmap reads or writes, declared once, in its own module.

A format module holds ``FORMATS``: a tuple of :class:`Format`, each giving its name, its
label for people, its file suffixes, what it keeps of a map, and the functions that convert
(the module's ``generate_X(map) -> str`` and ``parse_X(text, name, limits)``; it also offers
``write_X(map, path)``, atomic). It is registered by one line in ``pyproject.toml``::

    [project.entry-points."argmap.formats"]
    aif = "argmap.readwrite.aif:FORMATS"

so another package adds a format the same way. :func:`discover` loads them; adding a format
is one module, that line, and its test: the CLI's choices and help, the app's uploader and
download list and the README table all come from the registry.

>>> from argmap.model import ArgumentMap
>>> formats = registry()
>>> formats.export_map(ArgumentMap(title="T", question="Q?"), "iccma")
b'p af 0\\n# argmap key: argument number, kind, name in the map (claims are numbered first)\\n'
>>> formats.format_of("debate.aif.json", "export"), formats.format_of("debate.json", "export")
('aif', 'json')
>>> formats.format_of("notes.docx", "import") is None
True
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from argmap.semantics.framework import DEFAULT_VIEW

if TYPE_CHECKING:
    from argmap.limits import Limits
    from argmap.model import ArgumentMap
    from argmap.readwrite.imported import ImportResult
    from argmap.store.yaml_map import LoadedMap

__all__ = ["Format", "Registry", "discover", "registry"]

Direction = Literal["import", "export"]
# (map, view) -> the file's text or bytes; view ("bipolar", ...) matters to frameworks only.
Writer = Callable[["ArgumentMap", str], "str | bytes"]
# (text, name for located messages, limits) -> the map and what could not be kept.
Parser = Callable[[str, str, "Limits"], "ImportResult"]


@dataclass(frozen=True)
class Format:
    """One file format.

    - ``name``: for ``--to``/``--from``; ``label``: for people; ``mime``: its MIME type;
    - ``suffixes``: the file suffixes it writes (the first is the one to use);
    - ``about``: what it is for; ``keeps``: what of a map survives it;
    - ``write``: map -> file content, or ``None`` if argmap does not write it;
    - ``parse``: text -> :class:`~argmap.readwrite.imported.ImportResult`, or ``None``;
    - ``import_suffixes``: the suffixes that suggest it on import (default ``suffixes``);
    - ``keeps_layout``: ``write`` takes a :class:`~argmap.store.yaml_map.LoadedMap` and keeps
      its comments and layout;
    - ``rank``: its place in the app's lists (lower first).
    """

    name: str
    label: str
    suffixes: tuple[str, ...]
    mime: str
    about: str
    keeps: str
    write: Writer | None = None
    parse: Parser | None = None
    import_suffixes: tuple[str, ...] | None = None
    keeps_layout: bool = False
    rank: int = 50

    def suffixes_for(self, direction: Direction) -> tuple[str, ...]:
        if direction == "import" and self.import_suffixes is not None:
            return self.import_suffixes
        return self.suffixes


class Registry:
    """The formats found by :func:`discover`, by name, in the order the app offers them."""

    def __init__(self, formats: list[Format]) -> None:
        ordered = sorted(formats, key=lambda f: (f.rank, f.name))
        self.exports: dict[str, Format] = {f.name: f for f in ordered if f.write}
        self.imports: dict[str, Format] = {f.name: f for f in ordered if f.parse}

    def table(self, direction: Direction) -> dict[str, Format]:
        return self.imports if direction == "import" else self.exports

    def format_of(self, filename: str, direction: Direction) -> str | None:
        """Return the name of the format whose suffix ends ``filename`` (the longest suffix
        wins, so ``.aif.json`` is AIF and ``.json`` argmap's JSON), or ``None``."""
        lower = filename.lower()
        matches = [
            (len(s), f.name)
            for f in self.table(direction).values()
            for s in f.suffixes_for(direction)
            if lower.endswith(s)
        ]
        return max(matches)[1] if matches else None

    def export_map(
        self, source: ArgumentMap | LoadedMap, name: str, view: str = DEFAULT_VIEW
    ) -> bytes:
        """Return the map in format ``name`` as bytes.

        ``view`` matters to the frameworks (iccma, apx) only. A
        :class:`~argmap.store.yaml_map.LoadedMap` exported as YAML keeps its comments.
        """
        from argmap.store.yaml_map import LoadedMap

        fmt = self.exports[name]
        assert fmt.write is not None
        if isinstance(source, LoadedMap) and not fmt.keeps_layout:
            data = fmt.write(source.map, view)
        else:
            data = fmt.write(source, view)  # type: ignore[arg-type]
        return data.encode("utf-8") if isinstance(data, str) else data

    def import_map(
        self, text: str, name: str, filename: str, limits: Limits | None = None
    ) -> ImportResult:
        """Return the map read from ``text`` in format ``name``, with what could not be kept
        as warnings; ``filename`` is used in located messages.

        Raises :class:`~argmap.problems.MapFileError` when the text cannot be read at all,
        or is over ``limits`` (:mod:`argmap.limits`; checked before it is parsed, and the
        map's list lengths after).
        """
        from argmap.limits import DEFAULT_LIMITS, check_text, text_too_long, too_many_items
        from argmap.problems import MapFileError, Problem

        limits = limits or DEFAULT_LIMITS
        fmt = self.imports[name]
        assert fmt.parse is not None
        # JSON may be one long line; line-based formats are refused on a line over the limit.
        check_text(text, filename, limits, lines=fmt.mime != "application/json")
        try:
            result = fmt.parse(text, filename, limits)
        except RecursionError:
            raise MapFileError(
                [
                    Problem(
                        filename, 1, 1, "", "nested too deep to read (a hostile file?)", "too_deep"
                    )
                ]
            ) from None
        m = result.map
        for section in ("claims", "relations"):
            if len(getattr(m, section)) > limits.max_items:
                message = f"{section}: {too_many_items(len(getattr(m, section)), limits)}"
                raise MapFileError([Problem(filename, 1, 1, "", message, "too_many_items")])
        for claim in m.claims:
            if len(claim.note or "") > limits.max_text:
                too_long = text_too_long(len(claim.note or ""), limits)
                raise MapFileError(
                    [
                        Problem(
                            filename, 1, 1, "", f"claim {claim.id!r}: {too_long}", "text_too_long"
                        )
                    ]
                )
        return result


GROUP = "argmap.formats"  # the entry-point group a format is registered in


def discover(*packages: str) -> list[Format]:
    """Return the formats registered in the ``argmap.formats`` entry-point group (each
    names a module's ``FORMATS`` tuple) whose module is in one of ``packages``; another
    package's formats always come too.

    >>> sorted(f.name for f in discover("argmap.readwrite"))[:3]
    ['aif', 'apx', 'argdown']
    """
    from argmap.plugins import declared

    found: list[Format] = []
    for entry in declared(GROUP):
        module = entry.value.split(":")[0]
        ours = module.startswith("argmap.")
        if ours and not any(module.startswith(p + ".") for p in packages):
            continue
        found.extend(entry.load())
    return found


@cache
def registry(*packages: str) -> Registry:
    """Return the :class:`Registry` of the formats in ``packages`` (default: this package;
    :func:`argmap.view.formats.registry` adds the standalone page)."""
    return Registry(discover(*(packages or ("argmap.readwrite",))))
