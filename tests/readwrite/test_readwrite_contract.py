"""networkx's readwrite contract for every format that reads: ``read_X(path)`` reads a file,
``parse_X(text)`` reads text, and both give the same map; a missing file is a located error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from argmap.problems import MapFileError
from argmap.readwrite import aif, argdown, iccma, kialo

FIXTURES = Path(__file__).parents[1] / "fixtures" / "formats"
CASES: list[tuple[Callable[..., Any], Callable[..., Any], str]] = [
    (argdown.read_argdown, argdown.parse_argdown, "argdown-basic.argdown"),
    (aif.read_aif, aif.parse_aif, "ova3-cars.json"),
    (kialo.read_kialo, kialo.parse_kialo, "kialo-cars.txt"),
]


@pytest.mark.parametrize(("read", "parse", "name"), CASES)
def test_read_is_parse_of_the_file(read: Any, parse: Any, name: str) -> None:
    path = FIXTURES / name
    from_file, from_text = read(path), parse(path.read_text(encoding="utf-8"), str(path))
    assert from_file.map == from_text.map and from_file.warnings == from_text.warnings
    assert from_file.map.claims


@pytest.mark.parametrize(("read", "parse", "name"), CASES)
def test_a_missing_file_is_a_located_error(read: Any, parse: Any, name: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(MapFileError) as info:
        read(tmp_path / name)
    assert str(info.value).startswith(f"{tmp_path / name}:1:1: ")


def test_read_framework_takes_a_path_never_text(tmp_path: Path) -> None:
    # A name that is not a file used to be read as framework text: "nosuch.af" was an argument.
    with pytest.raises(iccma.FrameworkFormatError, match="no such file"):
        iccma.read_framework("nosuch.af")
    path = tmp_path / "f.af"
    path.write_text("p af 2\n1 2\n", encoding="utf-8")
    assert iccma.read_framework(path).attacks() == iccma.parse_framework("p af 2\n1 2\n").attacks()
