"""Read YAML fast, within limits: libyaml's event stream (C), built into plain data here.

Reading a map does not need ruamel's round-trip document unless it is to be edited: this
module turns libyaml's events (PyYAML's C parser) into dicts, lists and scalars in one loop,
about ten times faster than a safe loader with its Python resolver and constructor, and
checks every limit of :class:`~argmap.limits.Limits` as it goes (nesting, list lengths, text
lengths, alias expansion), so an oversized or hostile file is refused at its line and
column before anything else looks at it.

A big file is first read by rapidyaml (C++, twice as fast again: :func:`rapid_data`),
taken only when it is certainly what libyaml would read and within every limit; any doubt,
and every error, goes to the event loop, which says where.

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
import json
import os
import re
import sys
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

from argmap.limits import DEFAULT_LIMITS, Limits, text_too_long, too_many_items
from argmap.problems import MapFileError, Problem

if TYPE_CHECKING:
    import yaml

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
    if text.isascii() and "\r" not in text:
        return None  # two scans at memory speed, where the search is one far slower
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
    if positions is None and len(text) >= RAPID_FROM:
        data = rapid_data(text, limits)
        if data is not UNSURE:
            return data
    import yaml  # here: a big map read by rapidyaml needs none of it

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
    import yaml
    from yaml import events as ev

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
                    except ValueError:  # an int of more digits than Python reads
                        raise _too_many_digits(fail, event.start_mark, value) from None
                elif not event.style and value[:1] in _RESOLVE_FIRST:
                    try:
                        node = _plain(value)
                    except _Fallback:
                        fallback, node = True, value
                    except ValueError:
                        raise _too_many_digits(fail, event.start_mark, value) from None
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


def _too_many_digits(fail: Any, mark: Any, value: str) -> MapFileError:
    """The error for a YAML integer longer than Python converts (4,300 digits)."""
    digits = sys.get_int_max_str_digits()
    message = (
        f"a number of {len(value):,} digits; a number holds at most {digits:,} (put it in "
        "quotes if it is text)"
    )
    error: MapFileError = fail(mark, message, "text_too_long")
    return error


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


# rapidyaml reads a file in half the time of libyaml's events, but costs ~10 ms to import:
# worth it from about this many characters (a 500-claim map is 150,000).
RAPID_FROM: Final = 100_000
UNSURE: Final = object()  # "rapidyaml's reading is not certainly libyaml's": see rapid_data

# What rapidyaml reads otherwise than libyaml, or does not refuse where libyaml does: anchors,
# aliases and tags (it drops them), directives, reserved indicators, complex keys, a flow
# collection's closing bracket where a value starts. Each is looked for with str.find (C speed)
# and judged by the character before it (and after a "?"); in quoted text or mid-sentence it
# only costs the fast path (say "a *big* claim").
_RISKY_CHARS: Final = "&*!%@`?"
_TOKEN_BEFORE: Final = frozenset(" \n\r[{,")
# Characters YAML does not allow unescaped (libyaml refuses them; rapidyaml reads them).
_C1: Final = re.compile(b"\xc2[\x80-\x84\x86-\x9f]")  # U+0085 is refused before
_NONCHAR: Final = re.compile(b"\xef\xbf[\xbe\xbf]")
_ASCII_CONTROL: Final = bytes([*range(9), 11, 12, *range(14, 32), 127])


def _risky(text: str, raw: bytes) -> bool:
    """Whether ``text`` (UTF-8 in ``raw``) may hold YAML that rapidyaml reads otherwise than
    libyaml. Mostly single-character searches, which run at memory speed: a longer needle is
    a hundred times slower on a map."""
    if "\t" in text or "\ufeff" in text or not text.endswith("\n"):
        return True  # tab rules; a byte-order mark; a block scalar at the very end
    if text.startswith(("---", "...")):
        return True  # rapidyaml skips a "..." there; later markers make it a stream
    for char, then in (("\\", "\n\r"), ("<", "<")):
        at = text.find(char)  # an escaped line break; a merge key
        while at != -1:
            if text[at + 1 : at + 2] in then:
                return True
            at = text.find(char, at + 1)
    # Characters YAML allows only escaped: C0 and DEL are single bytes in UTF-8; C1 and
    # U+FFFE, U+FFFF two and three.
    if len(raw.translate(None, _ASCII_CONTROL)) != len(raw):
        return True
    if (b"\xc2" in raw and _C1.search(raw)) or (b"\xef" in raw and _NONCHAR.search(raw)):
        return True
    for char in _RISKY_CHARS:
        at = text.find(char)
        while at != -1:
            # "?" is an indicator only when a space or a line end follows it
            if (at == 0 or text[at - 1] in _TOKEN_BEFORE) and (
                char != "?" or text[at + 1 : at + 2] in ("", " ", "\n", "\r")
            ):
                return True
            at = text.find(char, at + 1)
    # Flow collections: the usual ones ("tags: [a, b]" each ending its line) at once.
    simple = len(_SIMPLE_FLOW.findall(text))
    usual = simple == text.count("[") == text.count("]") and "{" not in text and "}" not in text
    if not usual and _flow_risky(text):
        return True
    # '"a" - b': rapidyaml reads a second list entry, libyaml refuses it.
    for quote in "\"'":
        at = text.find(quote + " ")
        while at != -1:
            after = at + 2
            while text[after : after + 1] == " ":
                after += 1
            if text[after : after + 1] == "-" and text[after + 1 : after + 2] in (
                "",
                " ",
                "\n",
                "\r",
            ):
                return True
            at = text.find(quote + " ", after)
    for char in "|>":  # a block scalar's header: rapidyaml skips what it cannot read there
        at = text.find(char)
        while at != -1:
            if (at == 0 or text[at - 1] in " \n\r") and not _BLOCK_HEADER.match(text, at + 1):
                return True
            at = text.find(char, at + 1)
    return False


def _key_may_span_lines(text: str) -> bool:
    """Whether a quoted key may open on an earlier line than its end (libyaml refuses one;
    rapidyaml reads it): a '":' or "':" with an even number of such quotes before it on its
    line, escaped ones aside. Often prose in a block scalar, so the caller only doubts keys
    holding a space or line break, as every key folded from several lines does."""
    for quote, escaped in (('"', '\\"'), ("'", "''")):
        at = text.find(quote + ":")
        while at != -1:
            line = text[text.rfind("\n", 0, at) + 1 : at]
            if (line.count(quote) - 2 * line.count(escaped)) % 2 == 0:
                return True
            at = text.find(quote + ":", at + 2)
    return False


_FLOW_RISK: Final = re.compile(r"[#?]|:(?! )|[\]}] +-(?: |$)")
_SIMPLE_FLOW: Final = re.compile(r"\[[^\[\]{}#?:\n]*\] *\n")


def _flow_risky(text: str) -> bool:
    """Whether a flow collection in ``text`` may be read otherwise by rapidyaml: one holding a
    "#", "?" or ":" (in quotes too), or over several lines, or a "]" or "}" starting a value.
    A line holding a "[" or "{" is taken only without those and with its brackets closed."""
    for bracket in "]}":
        at = text.find(bracket)
        while at != -1:
            if at == 0 or text[at - 1] in " \n\r":
                return True
            at = text.find(bracket, at + 1)
    for bracket in "[{":
        at = text.find(bracket)
        while at != -1:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            line = text[start:end]
            if (
                _FLOW_RISK.search(line, at - start)
                or line.count("[") != line.count("]")
                or line.count("{") != line.count("}")
            ):
                return True
            at = text.find(bracket, end)
    return False


# After "|" or ">": the headers both readers read alike (no indentation indicator).
_BLOCK_HEADER: Final = re.compile(r"[-+]? *\r?\n")


class _Unsure(Exception):
    pass


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise _Unsure  # a duplicate key: libyaml's reader refuses it, at its place
    return mapping


def _no_constant(name: str) -> Any:
    raise _Unsure  # NaN or Infinity: not JSON rapidyaml should write; YAML spells .nan, .inf


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Close file descriptor 2 for a while: rapidyaml prints each parse error there (in C++)
    before raising it, and the error a person reads is libyaml's, located."""
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def rapid_data(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Return the data of a one-mapping YAML ``text`` as rapidyaml reads it, or
    :data:`UNSURE`: whenever it might not be exactly what :func:`load_data`'s own reading
    gives, or might be refused by it (a syntax error, a limit, a duplicate key, an anchor,
    a tag...), so that reading can say what and where.

    rapidyaml's tree is turned into data by its own JSON writer and Python's JSON reader
    (both C); a plain scalar that YAML 1.2 reads as other than text, which that JSON leaves as
    text (``~``, ``0x1F``, ``2011-09-17``; and ``"2011"`` in quotes too, which it cannot tell
    apart), makes it unsure. Only in the main thread: parse errors are silenced by closing
    the process's standard error for a moment, which another thread may be writing to.

    >>> rapid_data("a: [1, x, 1.5, true, null]\\n")
    {'a': [1, 'x', 1.5, True, None]}
    >>> rapid_data("a: ~\\n") is UNSURE, rapid_data("a: [1\\n") is UNSURE
    (True, True)
    """
    if threading.current_thread() is not threading.main_thread():
        return UNSURE
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:
        return UNSURE  # a lone surrogate
    if _risky(text, raw):
        return UNSURE
    import ryml

    try:
        with _quiet_stderr():  # its parser and its writer both print their errors
            tree = ryml.Tree()
            # Room for every node at once: grown by doubling, its nodes (about 250 bytes
            # each) were copied and touched twice, half of parsing 100,000 claims. A map has
            # about 1.27 nodes a line (a key a line, and a node more for a list's entry);
            # rapidyaml readies all the room it is given, so not much more than that.
            tree.reserve(min(limits.max_nodes, text.count("\n") * 7 // 5 + 64))
            tree.reserve_arena(len(raw) + 4096)
            ryml.parse_in_arena(raw, tree)
            if not tree.is_map(tree.root_id()):
                return UNSURE  # a map file is a mapping; libyaml says what else it is
            written = ryml.emit_json(tree)
        del tree  # its nodes are larger than the data (half a gigabyte at 100,000 claims)
        data = json.loads(written, object_pairs_hook=_unique, parse_constant=_no_constant)
        del written
        _check(data, limits, spaced_keys=_key_may_span_lines(text))
    except (ryml.ExceptionBasic, ValueError, RecursionError, OSError, _Unsure, _Fallback):
        return UNSURE
    return data


def _check(root: dict[str, Any], limits: Limits, *, spaced_keys: bool = False) -> None:
    """Raise :class:`_Unsure` if ``root`` is over a limit or holds a text a plain scalar of
    which YAML 1.2 reads as other than text (see :func:`rapid_data`); with ``spaced_keys``,
    if a key holds a space or a line break.

    Level by level: each collection's size at once, only its texts one by one (a text seen
    fine once is not judged again: kinds, types and keys repeat).
    """
    max_text, max_items, max_depth = limits.max_text, limits.max_items, limits.max_depth
    text_fine: set[str] = set()
    resolve_first, plain = _RESOLVE_FIRST, _plain
    nodes, depth, level = 1, 1, [root]
    while level:
        if depth > max_depth:
            raise _Unsure
        below: list[Any] = []
        push = below.append
        for collection in level:
            size = len(collection)
            if size > max_items:
                raise _Unsure
            if type(collection) is dict:
                nodes += 2 * size  # each key and each value
                keys = collection.keys() - text_fine
                for key in keys:
                    if (
                        len(key) > max_text
                        or (key[:1] in resolve_first and type(plain(key)) is not str)
                        or (spaced_keys and (" " in key or "\n" in key))
                    ):
                        raise _Unsure
                text_fine.update(keys)
                values: Any = collection.values()
            else:
                nodes += size
                values = collection
            for value in values:
                kind = type(value)
                if kind is str:
                    if len(value) > max_text:
                        raise _Unsure
                    if value[:1] in resolve_first and value not in text_fine:
                        if type(plain(value)) is not str:
                            raise _Unsure
                        text_fine.add(value)
                elif kind is dict or kind is list:
                    push(value)
        level = below
        depth += 1
    if nodes > limits.max_nodes:
        raise _Unsure
