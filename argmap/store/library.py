"""The folder of maps the app and ``argmap app`` offer, and uploaded files' text."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MAP = "cybercrime-treaties"


def maps_dir(default: Path) -> Path:
    """``$ARGMAP_MAPS_DIR`` when set, else ``default`` (the app's ``maps/``)."""
    return Path(os.environ.get("ARGMAP_MAPS_DIR") or default)


def list_maps(directory: Path) -> dict[str, Path]:
    """Map files in ``directory`` by name (file name without .yaml), the default map first."""
    if not directory.is_dir():
        return {}
    found = {p.stem: p for p in sorted(directory.glob("*.yaml")) if p.is_file()}
    if DEFAULT_MAP in found:
        found = {DEFAULT_MAP: found[DEFAULT_MAP]} | found
    return found


def upload_limit_mb() -> int:
    """Return the app's upload limit in megabytes (MiB, Streamlit's ``server.maxUploadSize``):
    the map size limit of :mod:`argmap.limits`, so the server refuses a bigger upload before
    reading it. ``.streamlit/config.toml`` states the same number (a test holds them equal).

    >>> upload_limit_mb()
    32
    """
    from argmap.limits import DEFAULT_LIMITS

    return DEFAULT_LIMITS.max_bytes // 2**20


def upload_text(name: str, data: bytes) -> str:
    """An uploaded file's text; raises a located MapFileError when it is not UTF-8 or is
    over the input limits (:mod:`argmap.limits`), a file too big saying so in the app's
    terms (there is no command-line option to raise in the app)."""
    from argmap.limits import DEFAULT_LIMITS, megabytes, text_of
    from argmap.problems import MapFileError, Problem

    limit = DEFAULT_LIMITS.max_bytes
    if len(data) > limit:
        raise MapFileError(
            [
                Problem(
                    name, 1, 1, "",
                    f"the file is {megabytes(len(data))}; the app opens map files of up to "
                    f"{megabytes(limit)} (its upload limit). Split the map, or leave out "
                    "what it does not need",
                    "too_large",
                )
            ]
        )  # fmt: skip
    return text_of(data, name)


def sources_dir(maps_folder: Path) -> Path | None:
    """The folder of the sources' text files for maps in ``maps_folder``, if one is found.

    ``$ARGMAP_SOURCES`` when set; else ``sources/`` in or beside the maps folder; else
    ``shared/sources`` beside the project (where this project's articles are kept).
    """
    if os.environ.get("ARGMAP_SOURCES"):
        return Path(os.environ["ARGMAP_SOURCES"])
    for folder in (
        maps_folder / "sources",
        maps_folder.parent / "sources",
        maps_folder.resolve().parent.parent / "shared" / "sources",
    ):
        if folder.is_dir():
            return folder
    return None


def new_map_text(title: str, question: str) -> str:
    """Return the YAML of a new, empty, valid map (title and question only).

    >>> print(new_map_text("Cyber treaties", "Should the U.S. sign?"), end="")
    # yaml-language-server: $schema=../schema/argmap-map.schema.json
    argmap: 1
    title: Cyber treaties
    question: Should the U.S. sign?
    """
    from argmap.model import ArgumentMap
    from argmap.store.yaml_map import dump_fresh

    argument_map = ArgumentMap(title=title, question=question)  # validated: one sentence each
    header = "# yaml-language-server: $schema=../schema/argmap-map.schema.json\n"
    return header + dump_fresh(argument_map)


def create_map(directory: Path, name: str, title: str, question: str) -> Path:
    """Write a new empty map ``name.yaml`` into ``directory`` atomically and return its path;
    ``FileExistsError`` if one is there, ``ValueError`` for a bad name, title or question."""
    import re

    from argmap.store.atomic import atomic_write_text

    if not re.fullmatch(r"[a-z0-9][a-z0-9_.-]{0,79}", name):
        raise ValueError(f"{name!r} is not a map name: use a-z, 0-9, '-', '_' and '.'")
    path = directory / f"{name}.yaml"
    if path.exists():
        raise FileExistsError(f"{path.name} exists already")
    text = new_map_text(title, question)
    directory.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, text)
    return path
