"""The map model as JSON: the same fields and ids as the YAML files.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap(title="T", question="Q?")
>>> from_json(to_json(m)) == m
True
"""

from __future__ import annotations

import json
import os
from typing import Any

from pydantic import ValidationError

from argmap.model import ArgumentMap
from argmap.problems import MapFileError, Problem
from argmap.store.atomic import atomic_write_text


def to_json(argument_map: ArgumentMap) -> str:
    """Return the map as indented JSON text (ids and field names as in the map files).

    pydantic writes it (in Rust): ``json.dumps`` with an indent runs Python's own encoder,
    five times slower on a 20,000-claim map. The text is the same but for how a float is
    spelt (``1e-7`` for ``1e-07``): the same number.
    """
    return argument_map.model_dump_json(indent=2, by_alias=True, exclude_none=True) + "\n"


def parse_json(text: str, name: str) -> Any:
    """Return the data in JSON text; bad syntax raises MapFileError at its line and column.

    >>> parse_json('{"a": [1,]}', "x.json")
    Traceback (most recent call last):
    ...
    argmap.problems.MapFileError: x.json:1:10: JSON syntax: Expecting value
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MapFileError(
            [Problem(name, exc.lineno, exc.colno, "", f"JSON syntax: {exc.msg}", "json_syntax")]
        ) from None


def from_json(text: str, name: str = "<json>") -> ArgumentMap:
    """Return the map in JSON text; raise MapFileError on bad JSON or an invalid map, each
    problem located at its line and column as in a YAML map file.

    >>> from_json('{"title": "T", "question": "Q?",\\n"claims": 3}', "m.json")
    Traceback (most recent call last):
    ...
    argmap.problems.MapFileError: m.json:2:11: claims: Input should be a valid list, got 3
    """
    data = parse_json(text, name)
    try:
        return ArgumentMap.model_validate(data)
    except ValidationError:
        # JSON is YAML (1.2): the YAML reader locates every problem by line and column.
        from argmap.store.yaml_map import read_map_text

        read_map_text(text, name)
        raise AssertionError("the YAML reader accepted a map the model refused") from None


def write_json(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write the map as JSON to ``path``, atomically."""
    atomic_write_text(path, to_json(argument_map))


def read_json(path: str | os.PathLike[str]) -> ArgumentMap:
    """Read a map written by :func:`write_json`."""
    from argmap.limits import read_limited

    return from_json(read_limited(path, lines=False), str(path))
