"""What other packages (and argmap itself) register: the entry-point groups
``argmap.formats`` (:mod:`argmap.readwrite.formats`) and ``argmap.products``
(:mod:`argmap.products.registry`), read in one way."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

__all__ = ["declared"]


def declared(group: str) -> list[EntryPoint]:
    """Return the entry points of ``group``: every installed package's, argmap's own from
    its ``pyproject.toml`` (``[project.entry-points."argmap.formats"]`` and the like).

    A source checkout whose installed metadata predates a new entry reads argmap's own from
    the ``pyproject.toml`` beside the package, so the declaration there is the only one.

    >>> sorted(ep.name for ep in declared("argmap.formats"))[:3]
    ['aif', 'argdown', 'csv']
    """
    from importlib.metadata import EntryPoint, entry_points

    found = [ep for ep in entry_points(group=group) if not ep.value.startswith("argmap.")]
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    own: list[EntryPoint] = []
    if pyproject.is_file():
        import tomllib

        with pyproject.open("rb") as handle:
            project = tomllib.load(handle).get("project", {})
        if project.get("name") == "argmap":
            table = project.get("entry-points", {}).get(group, {})
            own = [EntryPoint(name, value, group) for name, value in table.items()]
    if not own:  # an installed argmap: its metadata holds the same table
        own = [ep for ep in entry_points(group=group) if ep.value.startswith("argmap.")]
    return sorted(own + found, key=lambda ep: ep.name)
