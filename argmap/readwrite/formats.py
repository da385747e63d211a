"""Every format argmap reads or writes, by name: one table for the CLI and the app alike.

:data:`EXPORTS` and :data:`IMPORTS` map a format's name to what it is (label, file suffixes,
MIME type, a sentence on what it is for) and the function that converts; :func:`export_map`,
:func:`import_map` and :func:`format_of` are all a caller needs. The writers are imported
when used, so a command that exports DOT never loads the Argdown parser (and this module
loads no pydantic: the CLI builds its choices from it at start).

>>> from argmap.model import ArgumentMap
>>> export_map(ArgumentMap(title="T", question="Q?"), "iccma")
b'p af 0\\n# argmap key: argument number, kind, name in the map (claims are numbered first)\\n'
>>> format_of("debate.aif.json", EXPORTS), format_of("debate.json", EXPORTS)
('aif', 'json')
>>> format_of("notes.docx", IMPORTS) is None
True
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.readwrite.imported import ImportResult
    from argmap.store.yaml_map import LoadedMap

__all__ = ["EXPORTS", "IMPORTS", "Format", "export_map", "format_of", "import_map"]


@dataclass(frozen=True)
class Format:
    """One file format: ``name`` (for ``--to``/``--from``), a ``label`` for people, the
    file ``suffixes`` (the first is the one to write), the ``mime`` type and ``about``."""

    name: str
    label: str
    suffixes: tuple[str, ...]
    mime: str
    about: str


def _yaml(source: ArgumentMap | LoadedMap, view: str) -> str:
    from argmap.store.yaml_map import dump_map

    return dump_map(source)  # a LoadedMap keeps its comments and layout


def _json(m: ArgumentMap, view: str) -> str:
    from argmap.store.json_map import to_json

    return to_json(m)


def _graphml(m: ArgumentMap, view: str) -> bytes:
    from argmap.readwrite.graphml import write_graphml

    buffer = io.BytesIO()
    write_graphml(m, buffer)
    return buffer.getvalue()


def _argdown(m: ArgumentMap, view: str) -> str:
    from argmap.readwrite.argdown import write_argdown

    return write_argdown(m)


def _aif(m: ArgumentMap, view: str) -> str:
    from argmap.readwrite.aif import write_aif

    return write_aif(m)


def _dot(m: ArgumentMap, view: str) -> str:
    from argmap.readwrite.dot import write_dot

    return write_dot(m)


def _svg(m: ArgumentMap, view: str) -> str:
    from argmap.readwrite.svg import write_svg

    return write_svg(m)


def _html(m: ArgumentMap, view: str) -> str:
    from argmap.view.standalone_html import standalone_html

    return standalone_html(m)


def _iccma(m: ArgumentMap, view: str) -> str:
    from argmap.readwrite.iccma_map import iccma_text

    return iccma_text(m, view)


def _apx(m: ArgumentMap, view: str) -> str:
    from argmap.readwrite.iccma_map import apx_text

    return apx_text(m, view)


Writer = Callable[..., "str | bytes"]

# In the order the app offers them. Suffixes are matched longest first (see format_of).
_EXPORT_TABLE: list[tuple[Format, Writer]] = [
    (Format("html", "Standalone HTML", (".html", ".htm"), "text/html",
            "One file that draws the map and shows quotes on click; opens offline in any "
            "browser, no Python needed."), _html),
    (Format("svg", "SVG picture", (".svg",), "image/svg+xml",
            "The map drawn by Graphviz (needs Graphviz's dot program)."), _svg),
    (Format("dot", "DOT (Graphviz)", (".dot", ".gv"), "text/vnd.graphviz",
            "For Graphviz and other graph tools."), _dot),
    (Format("argdown", "Argdown", (".argdown", ".ad"), "text/plain",
            "For argdown.org and its editor plug-ins."), _argdown),
    (Format("aif", "AIF JSON", (".aif.json", ".aif"), "application/json",
            "For OVA and AIFdb."), _aif),
    (Format("iccma", "ICCMA (p af N)", (".af", ".i23", ".iccma"), "text/plain",
            "The attack framework argmap evaluates (after the bipolar treatment), for any "
            "ICCMA solver; the comments key numbers to claim ids."), _iccma),
    (Format("apx", "APX", (".apx",), "text/plain",
            "The same framework as ASPARTIX facts, with the key."), _apx),
    (Format("json", "argmap JSON", (".json",), "application/json", "The map as JSON."), _json),
    (Format("graphml", "GraphML", (".graphml",), "application/xml",
            "For Gephi, yEd and networkx."), _graphml),
    (Format("yaml", "argmap YAML", (".yaml", ".yml"), "application/yaml",
            "The map file itself."), _yaml),
]  # fmt: skip
EXPORTS: dict[str, Format] = {f.name: f for f, _ in _EXPORT_TABLE}
_WRITERS: dict[str, Writer] = {f.name: w for f, w in _EXPORT_TABLE}


def _read_argdown(text: str, name: str) -> ImportResult:
    from argmap.readwrite.argdown import read_argdown

    return read_argdown(text, name)


def _read_aif(text: str, name: str) -> ImportResult:
    from argmap.readwrite.aif import read_aif

    return read_aif(text, name)


def _read_kialo(text: str, name: str) -> ImportResult:
    from argmap.readwrite.kialo import read_kialo

    return read_kialo(text, name)


_IMPORT_TABLE: list[tuple[Format, Callable[[str, str], ImportResult]]] = [
    (Format("argdown", "Argdown", (".argdown", ".ad", ".md"), "text/plain",
            "Statements, arguments, relations, premise-conclusion structures."), _read_argdown),
    (Format("aif", "AIF JSON (OVA, AIFdb)", (".json",), "application/json",
            "I-nodes, RA and CA nodes, locutions and speakers."), _read_aif),
    (Format("kialo", "Kialo (.txt export)", (".txt",), "text/plain",
            "A numbered pro/con tree."), _read_kialo),
]  # fmt: skip
IMPORTS: dict[str, Format] = {f.name: f for f, _ in _IMPORT_TABLE}
_READERS = {f.name: r for f, r in _IMPORT_TABLE}


def format_of(filename: str, table: dict[str, Format]) -> str | None:
    """Return the name of the format in ``table`` whose suffix ends ``filename`` (the
    longest suffix wins, so ``.aif.json`` is AIF and ``.json`` argmap's JSON), or ``None``."""
    lower = filename.lower()
    matches = [(len(s), f.name) for f in table.values() for s in f.suffixes if lower.endswith(s)]
    return max(matches)[1] if matches else None


def export_map(source: ArgumentMap | LoadedMap, fmt: str, view: str = "bipolar") -> bytes:
    """Return the map in format ``fmt`` (a key of :data:`EXPORTS`) as bytes.

    ``view`` ("bipolar" or "attack-only") matters to the frameworks (iccma, apx) only. A
    :class:`~argmap.store.yaml_map.LoadedMap` exported as YAML keeps its comments.
    SVG raises :class:`argmap.readwrite.svg.GraphvizMissing` without Graphviz.
    """
    from argmap.store.yaml_map import LoadedMap

    writer = _WRITERS[fmt]
    m = source.map if isinstance(source, LoadedMap) else source
    data = writer(source if fmt == "yaml" else m, view)
    return data.encode("utf-8") if isinstance(data, str) else data


def import_map(text: str, fmt: str, name: str) -> ImportResult:
    """Return the map read from ``text`` in format ``fmt`` (a key of :data:`IMPORTS`),
    with what could not be kept as warnings; ``name`` is used in located messages.

    Raises :class:`~argmap.problems.MapFileError` when the text cannot be read at all.
    """
    return _READERS[fmt](text, name)
