"""argmap's own formats, YAML (the map file people write) and JSON: everything is kept.

The reading and writing live in :mod:`argmap.store`; this module offers them as formats.
"""

from __future__ import annotations

from typing import Any

from argmap.readwrite.formats import Format


def _yaml(source: Any, view: str) -> str:
    from argmap.store.yaml_map import dump_map

    return dump_map(source)  # a LoadedMap keeps its comments and layout


def _json(source: Any, view: str) -> str:
    from argmap.store.json_map import to_json

    return to_json(source)


FORMATS = (
    Format(
        "json", "argmap JSON", (".json",), "application/json", "The map as JSON.",
        keeps="everything", write=_json, rank=80,
    ),
    Format(
        "yaml", "argmap YAML", (".yaml", ".yml"), "application/yaml", "The map file itself.",
        keeps="everything, with the file's comments and layout", write=_yaml,
        keeps_layout=True, rank=100,
    ),
)  # fmt: skip
