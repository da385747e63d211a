"""The folder of maps the app and ``argmap app`` offer, and uploaded files' text."""

from __future__ import annotations

import os
import re
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


def upload_text(name: str, data: bytes) -> str:
    """An uploaded file's text; raises a located MapFileError when it is not UTF-8 or is
    over the input limits (:mod:`argmap.limits`)."""
    from argmap.limits import text_of

    return text_of(data, name)


def save_upload(directory: Path, name: str, data: bytes) -> str:
    """Save an uploaded map into the maps ``directory`` and return its name there (its file
    name without .yaml): the upload's own stem, or ``stem-2``, ``stem-3``... when another
    file has it; the same name again when that file holds these very bytes. Atomic.

    >>> import tempfile; d = Path(tempfile.mkdtemp())
    >>> save_upload(d, "My Map.yaml", b"a"), save_upload(d, "My Map.yaml", b"a")
    ('my-map', 'my-map')
    >>> save_upload(d, "my-map.yml", b"b")
    'my-map-2'
    """
    from argmap.store.atomic import atomic_write_bytes

    stem = re.sub(r"[^a-z0-9_.-]+", "-", Path(name).stem.lower()).strip("-.") or "uploaded"
    for n in range(1, 1000):
        candidate = stem if n == 1 else f"{stem}-{n}"
        path = directory / f"{candidate}.yaml"
        if path.is_file() and path.read_bytes() == data:
            return candidate
        if not path.exists():
            atomic_write_bytes(path, data)
            return candidate
    raise OSError(f"too many maps named {stem} in {directory}")


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
