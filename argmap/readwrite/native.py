"""argmap's own formats, YAML (the map file people write) and JSON: everything is kept.

The reading and writing live in :mod:`argmap.store`; this module offers them as formats.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from argmap.readwrite.formats import Format
from argmap.store.atomic import atomic_write_text

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.store.yaml_map import LoadedMap


def generate_yaml(source: ArgumentMap | LoadedMap) -> str:
    """Return the map as YAML; a :class:`~argmap.store.yaml_map.LoadedMap` keeps its
    comments and layout."""
    from argmap.store.yaml_map import dump_map

    return dump_map(source)


def write_yaml(source: ArgumentMap | LoadedMap, path: str | os.PathLike[str]) -> None:
    """Write :func:`generate_yaml` of the map to ``path``, atomically."""
    from argmap.store.yaml_map import write_map

    write_map(source, path)


def generate_json(argument_map: ArgumentMap) -> str:
    """Return the map as JSON (the same fields and ids as the YAML files)."""
    from argmap.store.json_map import to_json

    return to_json(argument_map)


def write_json(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write :func:`generate_json` of the map to ``path``, atomically."""
    atomic_write_text(path, generate_json(argument_map))


FORMATS = (
    Format(
        "json", "argmap JSON", (".json",), "application/json", "The map as JSON.",
        keeps="everything", write=lambda m, view: generate_json(m), rank=80,
    ),
    Format(
        "yaml", "argmap YAML", (".yaml", ".yml"), "application/yaml", "The map file itself.",
        keeps="everything, with the file's comments and layout",
        write=lambda m, view: generate_yaml(m),
        keeps_layout=True, rank=100,
    ),
)  # fmt: skip
