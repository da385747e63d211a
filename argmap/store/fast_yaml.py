"""Read YAML fast, within limits: libyaml's event stream (C), built into plain data here.

Reading a map does not need ruamel's round-trip document unless it is to be edited: this
module turns libyaml's events (PyYAML's C parser) into dicts, lists and scalars in one loop,
about ten times faster than a safe loader with its Python resolver and constructor, and
checks every limit of :class:`~argmap.limits.Limits` as it goes (nesting, list lengths, text
lengths, alias expansion), so an oversized or hostile file is refused at its line and
column before anything else looks at it.

Plain scalars are resolved as YAML 1.2's core schema, as ruamel reads them (``2011`` an
int, ``yes`` a string), plus dates and timestamps. Anything this reader does not build
(tags, merge keys, complex keys) makes :func:`load_data` return ``FALLBACK``, so
the caller can use the round-trip reader, which reports or supports it; the limits have
been checked by then.

>>> load_data("a: [1, 2011-09-17, yes, ~]\\n", "x.yaml")
{'a': [1, datetime.date(2011, 9, 17), 'yes', None]}
>>> load_data("a: &x [1]\\nb: *x\\n", "x.yaml")
{'a': [1], 'b': [1]}
>>> load_data("[" * 30, "deep.yaml")
Traceback (most recent call last):
...
argmap.problems.MapFileError: deep.yaml:1:21: lists and mappings nest 21 deep here; a map \
nests at most 20
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any, Final

import yaml
from yaml import events as ev

from argmap.limits import DEFAULT_LIMITS, Limits, text_too_long, too_many_items
from argmap.problems import MapFileError, Problem

FALLBACK: Final = object()  # "use the round-trip reader": see the module docstring

# libyaml (YAML 1.1) and ruamel break lines at these too; editors and our other formats do
# not, so line numbers would disagree: such a file is refused with the character's place.
_ODD_BREAK = re.compile("[\x85\u2028\u2029]|\r(?!\n)")
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)")
_NAN = {".nan", ".NaN", ".NAN"}
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_STAMP = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}.*")

_Path = tuple[str | int, ...]


class _Fallback(Exception):
    pass


def odd_break_problem(text: str, name: str) -> Problem | None:
    """Return a located problem for a YAML line break other than ``\\n`` or ``\\r\\n``.

    >>> print(odd_break_problem("a: 1\\nb: x\\u2028y\\n", "m.yaml"))
    m.yaml:2:5: a U+2028 (line separator) character: YAML reads it as a line break, editors \
do not; replace it with a space, or write it as \\L in a "double-quoted" text
    """
    match = _ODD_BREAK.search(text)
    if match is None:
        return None
    start = match.start()
    line = text.count("\n", 0, start) + 1
    col = start - text.rfind("\n", 0, start)
    char = match.group()
    what, escape = {
        "\x85": ("U+0085 (next line)", "\\N"),
        "\u2028": ("U+2028 (line separator)", "\\L"),
        "\u2029": ("U+2029 (paragraph separator)", "\\P"),
    }.get(char, ("lone carriage return (old Mac line ending)", "\\r"))
    return Problem(
        name,
        line,
        col,
        "",
        f"a {what} character: YAML reads it as a line break, editors do not; replace it "
        f'with a space, or write it as {escape} in a "double-quoted" text',
        "line_break",
    )


def _plain(value: str) -> Any:
    """Resolve a plain scalar (YAML 1.2 core schema, plus dates)."""
    if value in _NULL:
        return None
    first = value[0]
    if first in "tTfF" and value in _BOOL:
        return _BOOL[value]
    if first.isdigit() or first in "+-.":
        if _INT.fullmatch(value):
            return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
        if _FLOAT.fullmatch(value):
            return float(value.lower().replace(".inf", "inf"))  # Python spells it inf
        if value in _NAN:
            return float("nan")
        if _DATE.fullmatch(value):
            try:
                return dt.date(*map(int, value.split("-")))
            except ValueError:
                return value
        if _STAMP.fullmatch(value):
            raise _Fallback  # a timestamp: rare in a map; the round-trip reader builds it
    return value


def _tagged(tag: str, value: str) -> Any:
    if tag in ("tag:yaml.org,2002:str", "!"):
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:int" and _INT.fullmatch(value):
        return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
    if tag == "tag:yaml.org,2002:float" and _FLOAT.fullmatch(value):
        return float(value)
    raise _Fallback


def syntax_problem(exc: yaml.YAMLError, name: str) -> Problem:
    """Return a libyaml syntax error as a located problem, worded as the round-trip reader's."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    context, problem = getattr(exc, "context", None), getattr(exc, "problem", None)
    text = " ".join(str(p) for p in (context, problem) if p) or str(exc)
    hint = ""
    if "mapping values are not allowed" in text:
        hint = "; a value containing ': ' must be quoted"
    elif "maximum nesting depth" in text:
        hint = " (1,000 levels; a map nests at most 20)"
    return Problem(name, line, col, "", f"YAML syntax: {text}{hint}", "yaml_syntax")


def load_data(
    text: str,
    name: str = "<map>",
    limits: Limits = DEFAULT_LIMITS,
    *,
    positions: dict[_Path, tuple[int, int, int, int]] | None = None,
) -> Any:
    """Return the data of a one-document YAML ``text``, or :data:`FALLBACK`.

    Raises a located :class:`MapFileError` for a syntax error or anything over ``limits``.
    With ``positions`` (a dict to fill), records for every value its path and the 1-based
    ``(line, col)`` of the value and of its key (the entry's start for a list item): how
    problems are located without a round-trip document.
    """
    if problem := odd_break_problem(text, name):
        raise MapFileError([problem])
    try:
        return _build(text, name, limits, positions)
    except _Fallback:
        # Check the limits to the end all the same: the caller may parse the file again.
        with contextlib.suppress(_Fallback):
            _build(text, name, limits, positions, check_only=True)
        return FALLBACK
    except yaml.YAMLError as exc:
        raise MapFileError([syntax_problem(exc, name)]) from None


# The first characters of the plain scalars :func:`_plain` may read as other than text
# (null, booleans, numbers, dates): any other plain scalar is text as it stands.
_RESOLVE_FIRST: Final = frozenset(["", *"~nNtTfF+-.0123456789"])
_NO_KEY: Final = object()  # a mapping waiting for its next key


def _build(
    text: str,
    name: str,
    limits: Limits,
    positions: dict[_Path, tuple[int, int, int, int]] | None,
    check_only: bool = False,
) -> Any:
    def fail(mark: Any, message: str, type: str) -> MapFileError:
        return MapFileError([Problem(name, mark.line + 1, mark.column + 1, "", message, type)])

    max_text, max_items, max_depth = limits.max_text, limits.max_items, limits.max_depth
    max_nodes = limits.max_nodes
    # The open collection's state lives in locals (one loop turn per event, for a map of
    # 20,000 claims over half a million: attribute and index lookups add up); ``stack``
    # holds the enclosing ones: (container, is_list, key, key_mark, path, entries, inside,
    # anchor, start_mark).
    stack: list[tuple[Any, ...]] = []
    container: Any = None
    is_list = False
    key: Any = _NO_KEY
    key_mark: Any = None
    path: _Path = ()
    entries = inside = 0
    anchor: str | None = None
    start_mark: Any = None
    depth = 0
    anchors: dict[str, tuple[Any, int]] = {}
    nodes = 0
    root: Any = None
    fallback = False
    record = positions is not None
    ScalarEvent, AliasEvent = ev.ScalarEvent, ev.AliasEvent
    MappingStartEvent, SequenceStartEvent = ev.MappingStartEvent, ev.SequenceStartEvent
    MappingEndEvent, SequenceEndEvent = ev.MappingEndEvent, ev.SequenceEndEvent
    StreamEndEvent, DocumentStartEvent = ev.StreamEndEvent, ev.DocumentStartEvent
    documents = 0
    loader = yaml.CSafeLoader(text)
    get_event = loader.get_event
    try:
        while True:
            event = get_event()
            cls = type(event)
            # ``size``: the values this event adds to its container (a closed collection
            # and an alias carry everything inside them); ``count``: the values it adds to
            # the file's count, each value once (a collection's contents were counted as
            # they came).
            size = count = 1
            ended = False
            if cls is ScalarEvent:
                value = event.value
                if len(value) > max_text:
                    raise fail(event.start_mark, text_too_long(len(value), limits), "text_too_long")
                tag = event.tag
                if tag is not None and tag != "!" and not event.implicit[0]:
                    try:
                        node: Any = _tagged(tag, value)
                    except _Fallback:
                        fallback, node = True, value
                elif not event.style and value[:1] in _RESOLVE_FIRST:
                    try:
                        node = _plain(value)
                    except _Fallback:
                        fallback, node = True, value
                else:
                    node = value
                if event.anchor is not None:
                    anchors[event.anchor] = (node, 1)
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                if depth >= max_depth:
                    raise fail(
                        event.start_mark,
                        f"lists and mappings nest {depth + 1} deep here; a map nests at most "
                        f"{max_depth}",
                        "too_deep",
                    )
                if event.tag is not None and event.tag not in (
                    "tag:yaml.org,2002:map",
                    "tag:yaml.org,2002:seq",
                ):
                    fallback = True
                if depth == 0:
                    child: _Path = ()
                else:
                    if is_list:
                        child = (*path, entries)
                    else:
                        child = path if key is _NO_KEY else (*path, key)
                    stack.append(
                        (container, is_list, key, key_mark, path, entries, inside, anchor,
                         start_mark)
                    )  # fmt: skip
                is_list = cls is SequenceStartEvent
                container = [] if is_list else {}
                key, key_mark, path, entries, inside = _NO_KEY, None, child, 0, 0
                anchor, start_mark = event.anchor, event.start_mark
                depth += 1
                if record:
                    _record(positions, child, start_mark)  # type: ignore[arg-type]
                continue
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                node, size, ended = container, inside + 1, True
                if anchor is not None:
                    anchors[anchor] = (node, size)
                depth -= 1
                if stack:
                    (container, is_list, key, key_mark, path, entries, inside, anchor,
                     start_mark) = stack.pop()  # fmt: skip
            elif cls is AliasEvent:
                if event.anchor not in anchors:
                    raise fail(
                        event.start_mark,
                        f"alias *{event.anchor} names no anchor before it",
                        "yaml_syntax",
                    )
                node, size = anchors[event.anchor]
                count = size
                if nodes + size > max_nodes:
                    raise fail(
                        event.start_mark,
                        f"aliases expand this file past {max_nodes:,} values (an alias "
                        "bomb?); write the values out instead of repeating them by alias",
                        "too_many_values",
                    )
            elif cls is StreamEndEvent:
                break
            elif cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise fail(
                        event.start_mark,
                        "a map file holds one YAML document; remove '---'",
                        "yaml_syntax",
                    )
                continue
            else:
                continue
            nodes += count
            if nodes > max_nodes:
                raise fail(
                    event.start_mark,
                    f"more than {max_nodes:,} values in one file",
                    "too_many_values",
                )
            if depth == 0:
                root = node
                continue
            inside += size
            if is_list:
                entries += 1
                if entries > max_items:
                    raise fail(start_mark, too_many_items(entries, limits), "too_many_items")
                if record and not ended:
                    _record(positions, (*path, entries - 1), event.start_mark)  # type: ignore[arg-type]
                if not check_only:
                    container.append(node)
            elif key is _NO_KEY:
                # A key: only plain strings (and numbers read as text) are kept as keys.
                if type(node) is not str and (not isinstance(node, int) or isinstance(node, bool)):
                    fallback = True
                    node = str(node)
                key, key_mark = node, event.start_mark
            else:
                entries += 1
                if entries > max_items:
                    raise fail(start_mark, too_many_items(entries, limits), "too_many_items")
                if key in container:
                    raise fail(
                        key_mark,
                        f"YAML syntax: found duplicate key {str(key)[:80]!r}; each key may "
                        "appear once per entry",
                        "yaml_syntax",
                    )
                if key == "<<":
                    fallback = True  # a merge key: the round-trip reader builds it
                if record:
                    _record_entry(positions, (*path, key), event.start_mark, key_mark, ended)  # type: ignore[arg-type]
                if not check_only:
                    container[key] = node
                key = _NO_KEY
    finally:
        loader.dispose()
    if fallback:
        raise _Fallback
    return root


def _record_entry(
    positions: dict[_Path, tuple[int, int, int, int]],
    path: _Path,
    start: Any,
    key_mark: Any,
    ended: bool,
) -> None:
    """Note where a mapping's value is (a collection's was noted at its start) and its key."""
    key_at = (key_mark.line + 1, key_mark.column + 1)
    if ended:
        line, col, *_ = positions.get(path, (start.line + 1, start.column + 1))
        positions[path] = (line, col, *key_at)
    else:
        positions[path] = (start.line + 1, start.column + 1, *key_at)


def _record(positions: dict[_Path, tuple[int, int, int, int]], path: _Path, mark: Any) -> None:
    line, col = mark.line + 1, mark.column + 1
    positions.setdefault(path, (line, col, line, col))
