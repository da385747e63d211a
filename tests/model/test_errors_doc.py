"""docs/errors.md and the code agree: every problem type argmap raises is documented, each
documented type is raised somewhere, and each example there gives its type.

"Raised" is read from the code: the type argument of every call that makes a problem
(:class:`Problem`, ``Problem.at``, the readers' helpers, the model's custom errors), plus the
types pydantic itself gives for a corpus of broken maps.
"""

from __future__ import annotations

import ast
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from argmap.limits import Limits, text_of
from argmap.problems import MapFileError, Problem
from argmap.readwrite.aif import parse_aif
from argmap.readwrite.argdown import parse_argdown
from argmap.readwrite.graphml import read_graphml
from argmap.readwrite.iccma import parse_framework
from argmap.readwrite.kialo import parse_kialo
from argmap.store.json_map import from_json
from argmap.store.yaml_map import map_warnings, read_map_text
from tests.conftest import SMALL_MAP

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
DOCUMENTED = re.findall(r"^### `([a-z0-9_]+)`$", DOC, re.M)
EXAMPLE = re.compile(
    r"^### `(?P<type>[a-z0-9_]+)`\n(?:(?!^### ).)*?^```\w+ example (?P<opts>[^\n]*)\n"
    r"(?P<text>.*?)^```\n",
    re.M | re.S,
)

# Calls that make a problem, and the position of their type argument (``type=`` also counts).
_TYPE_ARG = {
    "Problem": 5, "at": 5, "_ref": 2, "add": 2, "_error": 0, "fail": 2, "_problem": 4,
    "one": 2, "FrameworkFormatError": 4, "warn": 4, "PydanticCustomError": 0, "_refuse": 2,
    "Refused": 0,
}  # fmt: skip
_DEFAULTS = {"framework_syntax", "not_kept", "unreadable"}  # parameter defaults of the above


def raised_in_code() -> set[str]:
    """The type slugs the code passes where a problem is made."""
    found = set(_DEFAULTS)
    for path in (ROOT / "argmap").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in _TYPE_ARG:
                continue
            position = _TYPE_ARG[name]
            args = [k.value for k in node.keywords if k.arg == "type"]
            args += node.args[position : position + 1]
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
    return found


def _problems(call: Callable[[], Any]) -> list[Problem]:
    try:
        result = call()
    except MapFileError as exc:
        return exc.problems
    return list(getattr(result, "warnings", result) or [])


def run(reader: str, limits: Limits, text: str) -> list[Problem]:
    """Return the problems (or warnings) ``reader`` gives for ``text``."""

    def yaml() -> Any:
        text_of(text.encode(), "m.yaml", limits)
        return read_map_text(text, "m.yaml", limits=limits)

    readers: dict[str, Callable[[], Any]] = {
        "yaml": yaml,
        "yaml-warnings": lambda: map_warnings(read_map_text(text, "m.yaml", limits=limits)),
        "json": lambda: from_json(text, "m.json"),
        "aif": lambda: parse_aif(text, "d.json", limits),
        "aif-warnings": lambda: parse_aif(text, "d.json", limits),
        "argdown": lambda: parse_argdown(text, "d.argdown", limits),
        "kialo": lambda: parse_kialo(text, "d.txt", limits),
        "framework": lambda: parse_framework(text, "f.af", limits),
        "graphml": lambda: read_graphml(io.BytesIO(text.encode()), limits, "g.graphml"),
    }  # fmt: skip
    return _problems(readers[reader])


def test_every_type_is_documented_once() -> None:
    assert len(DOCUMENTED) == len(set(DOCUMENTED)), "a type is documented twice"
    assert len(DOCUMENTED) >= 40


def test_every_type_the_code_raises_is_documented() -> None:
    missing = raised_in_code() - set(DOCUMENTED)
    assert not missing, f"raised but not in docs/errors.md: {sorted(missing)}"


def test_every_documented_type_is_raised() -> None:
    examples = {m["type"] for m in EXAMPLE.finditer(DOC)}
    # Each documented type is either made by the code itself or given by pydantic for an
    # example that the test below runs.
    unraised = set(DOCUMENTED) - raised_in_code() - examples
    assert not unraised, f"documented but never raised: {sorted(unraised)}"


@pytest.mark.parametrize("match", list(EXAMPLE.finditer(DOC)), ids=lambda m: m["type"])
def test_each_example_gives_its_type(match: re.Match[str]) -> None:
    words = match["opts"].split()
    reader = words[0].removeprefix("reader=")
    limits = Limits(**{k: int(v) for k, v in (w.split("=") for w in words[1:])})
    problems = run(reader, limits, match["text"])
    got = [p for p in problems if p.type == match["type"]]
    assert got, [(p.type, str(p)) for p in problems]
    shown = DOC[match.end() :].split("```text\n", 1)[1].split("\n```", 1)[0]
    assert str(got[0]) == shown  # the message the doc shows is the one argmap gives
    assert got[0].line >= 1 and got[0].col >= 1


# Broken maps of every shape a field can be broken in: the types pydantic gives for them must
# all be documented (a new field kind can bring a new one).
_BREAKS = [
    ("title: Small demo", "title: [a list]"),
    ("title: Small demo", "title: {a: map}"),
    ("title: Small demo", "title: 12"),
    ("argmap: 1", "argmap: x"),
    ("argmap: 1", "argmap: 1.5"),
    ("argmap: 1", "argmap: [1]"),
    ("kind: article", "kind: [article]"),
    ("date: 2011", "date: [2011]"),
    ("date: 2011", "date: true"),
    ("tags: [policy]", "tags: policy"),
    ("tags: [policy]", "tags: [Policy Now]"),
    ("tags: [policy]", "tags: [[policy]]"),
    ("type: attacks", "type: 3"),
    ("note: Cost is the main objection.", "note: [x]"),
    ("authors: [Jo Author]", "authors: [[Jo]]"),
    ("text_file: article.txt", "text_file: a/b.txt"),
    ("statement: We should join.", "statement: null"),
    ("statement: We should join.", "statement: true"),
]


@pytest.mark.parametrize(("old", "new"), _BREAKS)
def test_pydantic_types_for_broken_fields_are_documented(old: str, new: str) -> None:
    assert old in SMALL_MAP
    with pytest.raises(MapFileError) as caught:
        read_map_text(SMALL_MAP.replace(old, new, 1), "m.yaml")
    types = {p.type for p in caught.value.problems}
    assert types <= set(DOCUMENTED), types - set(DOCUMENTED)
    assert all(p.line >= 1 and p.col >= 1 for p in caught.value.problems)


@pytest.mark.parametrize(
    "text",
    [
        "title: [unclosed\n",
        "title: T\ntitle: U\nquestion: Q?\n",  # a duplicate key
        "title: T\n---\nquestion: Q?\n",  # two documents
        "title: T\nquestion: *nowhere\n",  # an alias with no anchor
    ],
)
def test_the_fast_and_the_round_trip_reader_give_the_same_type(text: str) -> None:
    types = []
    for editable in (False, True):  # the fast (libyaml) reader, then the comment-keeping one
        with pytest.raises(MapFileError) as caught:
            read_map_text(text, "m.yaml", editable=editable)
        types.append([(p.type, p.line) for p in caught.value.problems])
    assert types[0] == types[1]
    assert types[0][0][0] == "yaml_syntax"
