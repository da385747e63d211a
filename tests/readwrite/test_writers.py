"""Writers after networkx: every format's module has ``generate_X(map) -> str`` and
``write_X(map, path)``, they agree with the registry, and every format is registered in the
``argmap.formats`` entry-point group (pyproject.toml), not found by reading source text."""

from __future__ import annotations

import importlib
import re
import tomllib
from pathlib import Path

import pytest

from argmap.plugins import declared
from argmap.readwrite.formats import GROUP, discover
from argmap.store.yaml_map import read_map_text
from argmap.view.formats import registry
from tests.conftest import SMALL_MAP

ROOT = Path(__file__).resolve().parents[2]
MAP = read_map_text(SMALL_MAP, "m.yaml", editable=False).map
EXPORTS = sorted(registry().exports)


def _module_of(name: str) -> object:
    for entry in declared(GROUP):
        module = importlib.import_module(entry.value.split(":")[0])
        if any(f.name == name for f in getattr(module, "FORMATS", ())):
            return module
    raise AssertionError(f"no registered module declares {name!r}")


@pytest.mark.parametrize("name", EXPORTS)
def test_generate_and_write_agree_with_the_registry(name: str, tmp_path: Path) -> None:
    module = _module_of(name)
    generate = getattr(module, f"generate_{name}")
    write = getattr(module, f"write_{name}")
    text = generate(MAP)
    assert isinstance(text, str) and text
    assert registry().export_map(MAP, name) == text.encode("utf-8")
    path = tmp_path / f"out.{name}"
    assert write(MAP, path) is None
    assert path.read_text(encoding="utf-8") == text
    left = [p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")]  # saves' lock
    assert left == [path.name], "no temporary file is left"


def test_every_formats_module_is_registered_in_pyproject() -> None:
    table = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"][GROUP]
    registered = {value.split(":")[0] for value in table.values()}
    declaring = {
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in (ROOT / "argmap").rglob("*.py")
        if re.search(r"^FORMATS = \(", path.read_text(encoding="utf-8"), re.M)
    }
    assert declaring == registered
    # The registry is what the entry points name: the readwrite layer's without the view's.
    assert {f.name for f in discover("argmap.readwrite")} == set(EXPORTS) - {"html"} | {"kialo"}
