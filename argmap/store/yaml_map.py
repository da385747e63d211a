"""Read and write map files (YAML), keeping a person's comments, key order and quoting.

:func:`read_map` returns a :class:`LoadedMap`: the validated model *and* the YAML document
it came from. :func:`write_map` writes a model back into that document, touching only what
changed, so a file a person also edits by hand keeps its comments and layout.

Every problem in a file is reported at once, each located at its line and column, with the
field, what was expected and, for a misspelt id, the nearest valid one:

>>> read_map_text("title: T\\nquestion: Q?\\nclaim: []\\n", "demo.yaml")
Traceback (most recent call last):
...
argmap.problems.MapFileError: demo.yaml:3:1: claim: unknown field 'claim'; did you mean ...? ...
"""

from __future__ import annotations

import functools
import io
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from argmap.limits import DEFAULT_LIMITS, Limits, check_text, collection_paused, read_limited
from argmap.model import (
    ID_PATTERN,
    Actor,
    ArgumentMap,
    Audience,
    Claim,
    Relation,
    Source,
    Value,
    _date_to_text,
    reference_problems,
    relation_warnings,
    suggest,
)
from argmap.problems import MapFileError, Problem
from argmap.store.atomic import atomic_write_text
from argmap.store.fast_yaml import FALLBACK, load_data

SCHEMA_MODELINE = "# yaml-language-server: $schema={schema}\n"
DEFAULT_SCHEMA_REF = "../schema/argmap-map.schema.json"

# Each section of a map file and the model of its entries (the editor's forms use it too).
SECTIONS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "actors": Actor,
    "values": Value,
    "audiences": Audience,
    "claims": Claim,
    "relations": Relation,
}


@dataclass
class LoadedMap:
    """A validated map with the YAML document it was read from."""

    map: ArgumentMap
    path: Path | None = None
    document: CommentedMap | None = field(default=None, repr=False)
    # (mapping indent, sequence indent, dash offset) as the file has them
    indent: tuple[int, int, int] = (2, 4, 2)

    @property
    def name(self) -> str:
        return str(self.path) if self.path else "<map>"


def _yaml(indent: tuple[int, int, int] = (2, 4, 2)) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a person's long lines
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def read_map(
    path: str | os.PathLike[str], *, editable: bool = True, limits: Limits = DEFAULT_LIMITS
) -> LoadedMap:
    """Read and validate a map file.

    With ``editable=False`` the file is parsed by the fast reader
    (:mod:`argmap.store.fast_yaml`) and no document is kept, so :func:`write_map` could not
    keep its comments: for viewing, not editing. Problems are located all the same.
    A file over ``limits`` is refused before it is parsed (see :mod:`argmap.limits`).
    Raises :class:`~argmap.problems.MapFileError` listing every problem in the file.
    """
    text = read_limited(path, limits)  # its size and lines checked: not again
    loaded = _read_checked_text(text, str(path), editable, limits)
    loaded.path = Path(path)
    return loaded


def read_map_text(
    text: str, name: str = "<map>", *, editable: bool = True, limits: Limits = DEFAULT_LIMITS
) -> LoadedMap:
    """Validate map text (for uploads and tests); ``name`` is used in error messages.

    ``editable`` and ``limits`` are as for :func:`read_map`. The limits are checked first,
    by the fast reader, whichever way the map is then read.
    """
    check_text(text, name, limits)
    return _read_checked_text(text, name, editable, limits)


@collection_paused()
def _read_checked_text(text: str, name: str, editable: bool, limits: Limits) -> LoadedMap:
    """:func:`read_map_text` once ``text``'s size and lines are known to be within limits."""
    positions: Positions = {}
    data = load_data(text, name, limits)
    if not editable and data is not FALLBACK:
        try:
            return LoadedMap(map=ArgumentMap.model_validate(data))
        except (ValidationError, ValueError):
            # Parse again to note where everything is (cheap beside the round-trip reader).
            load_data(text, name, limits, positions=positions)
            argument_map = validate_document(data, name, _positions_locator(positions))
            return LoadedMap(map=argument_map)
    document, indent = load_document(text, name)
    argument_map = validate_document(document, name)
    return LoadedMap(map=argument_map, path=None, document=document, indent=indent)


Positions = dict[tuple[str | int, ...], tuple[int, int, int, int]]
Locator = Callable[[Sequence[str | int], bool], tuple[int, int]]


def _positions_locator(
    positions: Positions,
) -> Locator:
    """Return a locator over the positions :func:`fast_yaml.load_data` recorded."""

    def where(loc: Sequence[str | int], key: bool = False) -> tuple[int, int]:
        line, col, *_ = positions.get((), (1, 1, 1, 1))
        for n in range(1, len(loc) + 1):
            found = positions.get(tuple(loc[:n]))
            if found is None:
                break
            line, col = found[2:] if key and n == len(loc) else found[:2]
        return line, col

    return where


def map_locator(loaded: LoadedMap) -> Locator:
    """Return ``(loc, key) -> (line, col)`` for a map read from a file, editable or not."""
    if loaded.document is not None:
        document = loaded.document

        def in_document(loc: Sequence[str | int], key: bool = False) -> tuple[int, int]:
            return locate(document, loc, key=key)

        return in_document
    positions: Positions = {}
    if loaded.path is not None:
        load_data(read_limited(loaded.path), loaded.name, positions=positions)
    return _positions_locator(positions)


def load_document(text: str, name: str = "<map>") -> tuple[Any, tuple[int, int, int]]:
    """Parse YAML text into a round-trip document and the indentation it uses.

    Raises a located MapFileError on a YAML syntax error.
    """
    try:
        document, sequence, offset = load_yaml_guess_indent(text, yaml=_yaml())
        sequence, offset = sequence or 4, 2 if offset is None else offset
        # In the usual styles a mapping nests by the sequence indent less the dash offset.
        return document, (max(2, sequence - offset), sequence, offset)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        hint = ""
        if "duplicate key" in problem or "found duplicate" in str(exc):
            hint = "; each key may appear once per entry"
        elif "mapping values are not allowed" in problem:
            hint = "; a value containing ': ' must be quoted"
        raise MapFileError(
            [Problem(name, line, col, "", f"YAML syntax: {problem}{hint}", "yaml_syntax")]
        ) from None
    except YAMLError as exc:
        raise MapFileError(
            [Problem(name, 1, 1, "", f"YAML syntax: {exc}", "yaml_syntax")]
        ) from None


def validate_document(
    document: Any, name: str = "<map>", where: Locator | None = None
) -> ArgumentMap:
    """Validate a loaded document; raise MapFileError with every located problem.

    ``where`` locates a path in the file (default: the round-trip document's own marks).
    """
    if where is None:
        where = lambda loc, key=False: locate(document, loc, key=key)  # noqa: E731
    if not isinstance(document, dict):
        found = "an empty file" if document is None else f"a {type(document).__name__}"
        raise MapFileError(
            [
                Problem(
                    name,
                    1,
                    1,
                    "",
                    f"a map file must be a mapping with title:, question:, sources:, actors:, "
                    f"claims: and relations:, but this is {found}",
                    "not_a_map",
                )
            ]
        )
    problems: list[Problem] = []
    argument_map: ArgumentMap | None = None
    try:
        argument_map = ArgumentMap.model_validate(document, context={"skip_references": True})
        items: dict[str, Sequence[Any]] = {
            section: getattr(argument_map, section) for section in SECTIONS
        }
    except ValidationError as exc:
        problems.extend(pydantic_problem(document, err, name, where) for err in exc.errors())
        # Validate entry by entry so the cross-references of the good ones still get checked.
        items = {}
        for section, model in SECTIONS.items():
            raw = document.get(section)
            items[section] = [
                _validate_entry(model, entry) for entry in (raw if isinstance(raw, list) else [])
            ]
    for ref in reference_problems(
        items["sources"],
        items["actors"],
        items["claims"],
        items["relations"],
        values=items["values"],
        audiences=items["audiences"],
    ):
        line, col = where(ref.loc, False)
        problems.append(replace(ref, file=name, line=line, col=col))
    if problems or argument_map is None:
        raise MapFileError(problems)
    return argument_map


def map_warnings(loaded: LoadedMap) -> list[Problem]:
    """Return the located warnings of a valid map (see :func:`argmap.model.relation_warnings`)."""
    out = []
    warnings = relation_warnings(loaded.map.relations)
    where = map_locator(loaded) if warnings else None  # read-only maps: located all the same
    for ref in warnings:
        assert where is not None
        line, col = where(ref.loc, False)
        out.append(replace(ref, file=loaded.name, line=line, col=col))
    return out


def _validate_entry(model: type[BaseModel], entry: Any) -> Any:
    """The entry as a model, or (when it is invalid) its id if it has one, else None."""
    try:
        return model.model_validate(entry)
    except ValidationError:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            return entry["id"]
        return None


def locate(document: Any, loc: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
    """Return the 1-based (line, col) of the value at ``loc`` in a round-trip document.

    Follows ``loc`` as far as the document goes; a missing last key points at the entry
    that lacks it. With ``key=True`` a mapping key's own position is returned, not its value's.
    """
    node = document
    line, col = 0, 0
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, CommentedMap) and isinstance(part, str) and part in node:
            line, col = node.lc.key(part) if key and last else node.lc.value(part)
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line, col = node.lc.item(part)
            node = node[part]
        else:
            if isinstance(node, CommentedMap | CommentedSeq) and index == 0:
                line, col = node.lc.line, node.lc.col
            break
    return line + 1, col + 1


def _model_at(loc: Sequence[str | int]) -> type[BaseModel]:
    if len(loc) >= 2 and loc[0] in SECTIONS and isinstance(loc[1], int):
        return SECTIONS[str(loc[0])]
    return ArgumentMap


def _field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def pydantic_problem(document: Any, err: Any, name: str, where: Locator | None = None) -> Problem:
    """Return pydantic's error ``err`` on ``document`` as a :class:`Problem` located in the
    file ``name``, with a message that says what is expected here and how to fix it.

    ``where`` locates a path (default: the round-trip document's own marks)."""
    if where is None:
        where = lambda loc, key=False: locate(document, loc, key=key)  # noqa: E731
    problem = _pydantic_message(document, err, name, where)
    loc = _file_loc(document, tuple(p for p in err["loc"] if isinstance(p, str | int)))
    return replace(problem, type=str(err["type"]), loc=loc)


def _pydantic_message(document: Any, err: Any, name: str, where: Locator) -> Problem:
    loc = tuple(p for p in err["loc"] if isinstance(p, str | int))
    kind = err["type"]
    # Only keep the part of the location that names fields and list positions in the file.
    path_loc = _file_loc(document, loc)
    model = _model_at(path_loc)
    value = err.get("input")
    if kind == "extra_forbidden":
        field_name = str(path_loc[-1])
        allowed = _field_names(_model_at(path_loc[:-1]))
        message = f"unknown field {field_name!r}{suggest(field_name, allowed)} "
        message += f"(allowed here: {', '.join(allowed)})"
        line, col = where(path_loc, True)
        return Problem.at(name, line, col, path_loc, message, kind)
    line, col = where(path_loc, False)
    if kind == "missing":
        field_name = str(loc[-1])
        description = _describe(model, field_name)
        message = f"missing required field {field_name!r}" + (
            f": {description}" if description else ""
        )
        return Problem.at(name, line, col, path_loc, message, kind)
    if kind in ("string_too_long", "too_long"):
        most = err.get("ctx", {}).get("max_length")
        field_name = str(path_loc[-1]) if path_loc else "value"
        if kind == "too_long":
            message = f"{len(value):,} entries; {field_name} holds at most {most}"
        elif field_name in ("statement", "title", "question"):
            message = (
                f"a {field_name} of {len(value):,} characters; a {field_name} is one sentence, "
                f"at most {most:,} characters: shorten it, and put the detail in note:"
            )
        else:
            message = f"{len(value):,} characters; {field_name} holds at most {most:,}"
        return Problem.at(name, line, col, path_loc, message, kind)
    if kind == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") == ID_PATTERN:
        message = (
            f"{value!r} is not a valid id (expected lower-case letters, digits, '-', '_' or '.', "
            f"starting with a letter or digit, e.g. {_slug(value)!r})"
        )
        return Problem.at(name, line, col, path_loc, message, kind)
    if kind == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        choices = [c.strip(" '") for c in expected.replace(" or ", ",").split(",") if c.strip()]
        hint = suggest(str(value), choices) if isinstance(value, str) else ""
        return Problem.at(
            name, line, col, path_loc, f"{value!r} is not allowed{hint} (expected {expected})", kind
        )
    if kind == "string_pattern_mismatch":
        description = _describe(model, str(path_loc[-1])).rstrip(".")
        expected = (
            description[:1].lower() + description[1:] or f"the pattern {err['ctx']['pattern']}"
        )
        return Problem.at(
            name,
            line,
            col,
            path_loc,
            f"{_short(value)} is not valid here (expected {expected})",
            kind,
        )
    message = err["msg"]
    if kind.startswith("value_error") or kind in ("empty", "date", "reference"):
        message = message.removeprefix("Value error, ")  # these messages name the value
    elif value is not None and not isinstance(value, dict | list):
        message = f"{message}, got {_short(value)}"
    return Problem.at(name, line, col, path_loc, message, kind)


def _file_loc(document: Any, loc: Sequence[str | int]) -> tuple[str | int, ...]:
    """Drop pydantic's type tags (``'str'``, ``'function-after[...]'``) from a location."""
    kept: list[str | int] = []
    node: Any = document
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str):
            kept.append(part)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            kept.append(part)
            node = node[part] if 0 <= part < len(node) else None
        elif node is None and isinstance(part, str) and not _is_type_tag(part):
            kept.append(part)  # a missing field: keep its name
        # anything else is a tag pydantic adds for unions and validators
    return tuple(kept)


def _is_type_tag(part: str) -> bool:
    return "[" in part or part in {"str", "int", "float", "bool", "list", "dict", "none"}


def _describe(model: type[BaseModel], field_name: str) -> str:
    for name, info in model.model_fields.items():
        if field_name in (name, info.alias):
            return info.description or ""
    return ""


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _slug(value: Any) -> str:
    text = "".join(c if c.isalnum() else "-" for c in str(value).lower()).strip("-")
    while "--" in text:
        text = text.replace("--", "-")
    return text or "my-id"


# ----------------------------------------------------------------------------- writing


def dump_map(loaded: LoadedMap | ArgumentMap, *, schema: str = DEFAULT_SCHEMA_REF) -> str:
    """Return the YAML text of a map.

    For a :class:`LoadedMap` the model is written into its original document, so everything
    outside the changed entries (comments, key order, quoting, blank lines) stays as it was.
    A bare model gets a fresh document, headed by the JSON Schema modeline.
    """
    if isinstance(loaded, LoadedMap) and loaded.document is not None:
        document = loaded.document
        sync_document(document, loaded.map)
        indent = loaded.indent
        header = ""
    else:
        argument_map = loaded.map if isinstance(loaded, LoadedMap) else loaded
        return SCHEMA_MODELINE.format(schema=schema) + dump_fresh(argument_map)
    stream = io.StringIO()
    _yaml(indent).dump(document, stream)
    return header + stream.getvalue()


def dump_fresh(argument_map: ArgumentMap) -> str:
    """Return the YAML of a map that has no file yet (an import): libyaml's C emitter, many
    times faster than the round-trip writer, for a document with no comments to keep.

    Fields at their defaults are left out, as :func:`sync_document` does for new keys. Text
    holding a character YAML reads as a line break (U+2028...) or cannot print is written
    double-quoted, escaped, so the file reads back the same and line numbers agree.

    >>> from argmap.model import ArgumentMap
    >>> print(dump_fresh(ArgumentMap(title="T", question="Why\u2028not?")), end="")
    argmap: 1
    title: T
    question: "Why\\Lnot?"
    """
    import yaml

    lean = argument_map.model_dump(
        mode="json", by_alias=True, exclude_none=True, exclude_defaults=True
    )
    data = {"argmap": argument_map.argmap, **lean}
    lines: list[str] = []
    if _emit_mapping(data, 0, lines):  # the common case: written here, line by line
        return "\n".join(lines) + "\n"
    return yaml.dump(data, Dumper=_fresh_dumper(), sort_keys=False, allow_unicode=True, width=4096)


# A fresh map is mappings, lists and short scalars: written line by line here, as libyaml
# would (block style, lists not indented under their key), it costs a fifth of the time of
# PyYAML's representer (which visits every value in Python all the same). Anything else (a
# text over _EMIT_MAX characters, which libyaml folds over lines; a lone surrogate; a type
# not seen in a map) makes dump_fresh hand the whole document to libyaml instead.
_EMIT_MAX = 2000
# Text written plain: starts with a letter, a digit or "(", holds no character that could
# start YAML syntax in it (": ", " #", flow brackets) or needs an escape, ends in no space,
# and reads back as text in YAML 1.1 and 1.2 (checked in _scalar).
_EMIT_PLAIN = re.compile(
    "[A-Za-z0-9(][^\x00-\x1f\x7f-\x9f:#\\[\\]{}\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]*"
)
_EMIT_ESCAPE = re.compile('["\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]')
_EMIT_NAMED = {
    '"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r",
    "\u2028": "\\L", "\u2029": "\\P", "\x85": "\\N",
}  # fmt: skip


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return _EMIT_NAMED.get(char) or f"\\u{ord(char):04X}"


@functools.lru_cache(maxsize=8192)
def _plain_1_1_ok(value: str) -> bool:
    """Whether PyYAML (YAML 1.1, what most tools read) takes plain ``value`` for text."""
    import yaml

    resolvers = yaml.resolver.Resolver.yaml_implicit_resolvers
    return not any(r.match(value) for _, r in resolvers.get(value[:1], ()))


def _scalar(value: Any) -> str | None:
    """Return ``value`` as one YAML scalar token, or None when libyaml must write it."""
    if isinstance(value, str):
        if len(value) > _EMIT_MAX:
            return None
        if (
            _EMIT_PLAIN.fullmatch(value)
            and not value.endswith(" ")
            and _fresh_style(value) is None
            and _plain_1_1_ok(value)
        ):
            return value
        if re.search("[\ud800-\udfff]", value):
            return None
        return '"' + _EMIT_ESCAPE.sub(_escape_char, value) + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float_text(value)
    return None


@functools.lru_cache(maxsize=256)
def _float_text(value: float) -> str:
    import yaml

    return str(yaml.dump(value, Dumper=_fresh_dumper())).split("\n", 1)[0]


def _emit_mapping(data: dict[str, Any], indent: int, lines: list[str]) -> bool:
    pad = " " * indent
    for key, value in data.items():
        if not isinstance(key, str) or _scalar(key) != key:
            return False
        if isinstance(value, dict):
            if not value:
                lines.append(f"{pad}{key}: {{}}")
            else:
                lines.append(f"{pad}{key}:")
                if not _emit_mapping(value, indent + 2, lines):
                    return False
        elif isinstance(value, list):
            if not value:
                lines.append(f"{pad}{key}: []")
            else:
                lines.append(f"{pad}{key}:")
                if not _emit_sequence(value, indent, lines):
                    return False
        else:
            token = _scalar(value)
            if token is None:
                return False
            lines.append(f"{pad}{key}: {token}")
    return True


def _emit_sequence(items: list[Any], indent: int, lines: list[str]) -> bool:
    pad = " " * indent
    for item in items:
        first = len(lines)
        if isinstance(item, dict) and item:
            if not _emit_mapping(item, indent + 2, lines):
                return False
        elif isinstance(item, list) and item:
            if not _emit_sequence(item, indent + 2, lines):
                return False
        else:
            token = (
                _scalar(item)
                if not isinstance(item, dict | list)
                else ("{}" if isinstance(item, dict) else "[]")
            )
            if token is None:
                return False
            lines.append(f"{pad}  {token}")
        lines[first] = f"{pad}- " + lines[first][indent + 2 :]
    return True


@functools.cache  # built once, when first written with: reading needs no PyYAML
def _fresh_dumper() -> Any:
    import yaml

    class FreshDumper(yaml.CSafeDumper):
        pass

    def text(dumper: Any, value: str) -> Any:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=_fresh_style(value))

    FreshDumper.add_representer(str, text)
    return FreshDumper


_UNSAFE_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


@functools.lru_cache(maxsize=8192)  # keys ("id", "statement"...) and kinds repeat by the 10,000
def _fresh_style(value: str) -> str | None:
    """Return ``'"'`` for text :func:`dump_fresh` must double-quote, else ``None`` (plain):
    what cannot print, and what YAML 1.2 (our reader) would read as another type, such as
    0E0 or 1e5 (libyaml itself quotes what YAML 1.1 would misread).

    >>> _fresh_style("0E0"), _fresh_style("a\u2028b"), _fresh_style("plain words")
    ('"', '"', None)
    """
    if _UNSAFE_TEXT.search(value):
        return '"'
    # ruamel's resolve() looks the YAML version up twice per call: 63% of an import's time
    # went there. Its 1.2 table, read once, gives the same answer.
    for _, regexp in _PLAIN_1_2.get(value[:1], ()) + _PLAIN_1_2.get(None, ()):
        if regexp.match(value):
            return '"'
    return None


def write_map(loaded: LoadedMap | ArgumentMap, path: str | os.PathLike[str] | None = None) -> Path:
    """Write a map atomically to ``path`` (default: the file it was read from); return the path."""
    target = (
        Path(path) if path is not None else (loaded.path if isinstance(loaded, LoadedMap) else None)
    )
    if target is None:
        raise ValueError("write_map needs a path for a map that was not read from a file")
    atomic_write_text(target, dump_map(loaded), lock=True)
    return target


def sync_document(document: CommentedMap, argument_map: ArgumentMap) -> None:
    """Make ``document`` hold ``argument_map``, changing only what differs.

    Keys keep their order and comments; entries of the sections are matched by id, so an
    edited claim keeps the comments around it; a key whose value became empty or default
    and that the file did not spell out is not added.
    """
    full = argument_map.model_dump(mode="json", by_alias=True, exclude_none=True)
    lean = argument_map.model_dump(
        mode="json", by_alias=True, exclude_none=True, exclude_defaults=True
    )
    lean.setdefault("argmap", full["argmap"])  # the format version is always written
    _sync_mapping(document, full, lean)


def _sync_mapping(node: CommentedMap, full: dict[str, Any], lean: dict[str, Any]) -> None:
    # `lean` is the same data without defaults: what a new key must be to be worth adding.
    for key in [k for k in node if k not in full]:
        del node[key]
    for key, value in full.items():
        if key in node or key in lean:
            node[key] = _sync_value(node.get(key), value, lean.get(key, value))


def _sync_value(old: Any, new: Any, lean: Any) -> Any:
    if isinstance(new, dict):
        target = old if isinstance(old, CommentedMap) else CommentedMap()
        _sync_mapping(target, new, lean)
        return target
    if isinstance(new, list):
        if new and all(isinstance(v, dict) and "id" in v for v in new):
            return _sync_entries(old, new, lean)
        if isinstance(old, list) and _same_scalars(old, new):
            for i, v in enumerate(old):  # item by item: a slice would drop the comments
                if _unambiguous(v) is not v:
                    old[i] = _unambiguous(v)
            return old
        seq = CommentedSeq([_unambiguous(v) for v in new])
        numbers = bool(new) and all(isinstance(v, int) for v in new)  # quote_at: [120, 180]
        if (isinstance(old, CommentedSeq) and old.fa.flow_style()) or numbers:
            seq.fa.set_flow_style()
        return seq
    return _unambiguous(old if _same_scalar(old, new) else new)


_YAML_1_1 = VersionedResolver(version=(1, 1))
_BREAKS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_YAML_1_2 = VersionedResolver(version=(1, 2))
# The implicit resolvers of YAML 1.2 by first character (as resolve() reads them).
_PLAIN_1_2: dict[str | None, tuple[tuple[Any, re.Pattern[str]], ...]] = {
    k: tuple(v) for k, v in _YAML_1_2.versioned_resolver.items()
}


def _unambiguous(value: Any) -> Any:
    """Quote a string that a YAML 1.1 reader (PyYAML, most tools) would take for something
    else: ``No``, ``on``, ``y`` (booleans), ``~`` (null), ``1:20`` (a number).

    >>> _unambiguous("No"), type(_unambiguous("No")).__name__, _unambiguous("Nope")
    ('No', 'DoubleQuotedScalarString', 'Nope')
    """
    if isinstance(value, str) and not isinstance(value, ScalarString):
        if _BREAKS.search(value):  # YAML folds NEL and LS/PS, C0 and C1 need escapes
            return DoubleQuotedScalarString(value)
        text = "tag:yaml.org,2002:str"
        old = _YAML_1_1.resolve(ScalarNode, value, (True, False))
        new = _YAML_1_2.resolve(ScalarNode, value, (True, False))
        if old != text and new == text:  # what YAML 1.2 would write bare, 1.1 misreads
            return DoubleQuotedScalarString(value)
    return value


def _sync_entries(old: Any, new: list[dict[str, Any]], lean: list[dict[str, Any]]) -> CommentedSeq:
    existing = {}
    if isinstance(old, list):
        existing = {e.get("id"): e for e in old if isinstance(e, CommentedMap)}
    seq = old if isinstance(old, CommentedSeq) else CommentedSeq()
    entries = [
        _sync_value(existing.get(item["id"]), item, {"id": item["id"], **lean_item})
        for item, lean_item in zip(new, lean, strict=True)
    ]
    if [id(e) for e in entries] != [id(e) for e in seq]:
        seq[:] = entries
    return seq


def _same_scalars(old: list[Any], new: list[Any]) -> bool:
    return len(old) == len(new) and all(_same_scalar(a, b) for a, b in zip(old, new, strict=True))


def _same_scalar(old: Any, new: Any) -> bool:
    if old == new and type(old) is type(new):
        return True
    if isinstance(new, str) and isinstance(old, str):
        # Keeps a person's quoting and block style (the model strips the text it holds).
        return str(old).strip() == new
    # YAML's 2011 (int) or 2019-09-17 (date) stand for the model's date strings.
    return isinstance(new, str) and _date_to_text(old) == new
