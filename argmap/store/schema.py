"""The JSON Schema of the map format, for editors with a YAML language server.

Map files name it in their first line, ``# yaml-language-server: $schema=...``, so an
editor completes field names and flags unknown ones as the file is typed.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.model import ArgumentMap


def map_json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a map file."""
    schema = ArgumentMap.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "argmap map file",
    }


def schema_text() -> str:
    """Return the schema as the text `argmap schema` writes (stable, for committing)."""
    return json.dumps(map_json_schema(), indent=2, ensure_ascii=False) + "\n"
