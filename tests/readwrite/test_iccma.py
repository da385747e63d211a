"""ICCMA formats: detection, parsing of all three, round trips and located errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.readwrite.iccma import (
    FrameworkFormatError,
    detect_format,
    parse_framework,
    read_framework,
    write_apx,
    write_iccma,
    write_tgf,
)
from argmap.semantics import Framework


def test_iccma23_with_comments_and_blank_lines() -> None:
    fw = parse_framework("# generated\np af 3\n\n1 2\n# inline comment\n3 3\n")
    assert fw.names == ["1", "2", "3"]
    assert fw.attacks() == [("1", "2"), ("3", "3")]


def test_iccma23_no_attacks_and_crlf() -> None:
    assert parse_framework("p af 2\r\n").names == ["1", "2"]
    assert parse_framework("p af 2\r\n1 2\r\n2 1\r\n").attacks() == [("1", "2"), ("2", "1")]


def test_apx_several_facts_per_line_and_comments() -> None:
    fw = parse_framework("arg(a). arg(b1).  % two args\narg(c).\natt(a, b1). att(b1,c).\n")
    assert fw.names == ["a", "b1", "c"]
    assert fw.attacks() == [("a", "b1"), ("b1", "c")]


def test_tgf() -> None:
    fw = parse_framework("x\ny\nz\n#\nx y\ny z\n")
    assert detect_format("x\n#\n") == "tgf"
    assert fw.attacks() == [("x", "y"), ("y", "z")]


def test_empty_text_is_an_empty_framework() -> None:
    assert len(parse_framework("")) == 0


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        ("p af x\n1 2\n", 1, 1, "expected the header 'p af N'"),
        ("p af 3\n1 2\n1 4\n", 3, 3, "argument 4 is out of range"),
        ("p af 3\n1 2\n1 2 3\n", 3, 5, "expected an attack 'i j'"),
        ("p af 3\n1\n", 2, 2, "expected an attack 'i j'"),
        ("p af 3\n1 b\n", 2, 3, "expected an argument number, got 'b'"),
        ("arg(a).\natt(a,b).\n", 2, 5, "attack names 'b', which no arg(...) fact declares"),
        ("arg(a). arg a.\n", 1, 9, "expected a fact"),
        ("arg(a,b).\n", 1, 1, "arg takes one name"),
        ("a\nb\n#\na c\n", 4, 3, "unknown argument 'c'"),
        ("a\nb\n#\na\n", 4, 2, "expected an attack 'a b'"),
        ("a b\n#\n", 1, 3, "expected one argument name per line"),
    ],
)
def test_located_errors(text: str, line: int, col: int, message: str) -> None:
    with pytest.raises(FrameworkFormatError) as info:
        parse_framework(text, "f.txt")
    err = info.value
    assert (err.file, err.line, err.col) == ("f.txt", line, col)
    assert message in err.message
    assert str(err).startswith(f"f.txt:{line}:{col}: ")


def test_read_framework_from_path_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "a.apx"
    path.write_text("arg(a).\n")
    assert read_framework(path).names == ["a"]
    assert read_framework(str(path)).names == ["a"]
    with pytest.raises(FrameworkFormatError, match="no such file"):
        read_framework(tmp_path / "missing.af")


@settings(max_examples=50, deadline=None)
@given(
    st.integers(0, 8).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=15)
            if n
            else st.just([]),
        )
    )
)
def test_round_trip_in_every_format(case: tuple[int, list[tuple[int, int]]]) -> None:
    import tempfile

    n, pairs = case
    fw = Framework.from_indices([f"a{i}" for i in range(n)], pairs)
    folder = Path(tempfile.mkdtemp())
    write_apx(fw, folder / "f.apx")
    write_tgf(fw, folder / "f.tgf")
    numbers = write_iccma(fw, folder / "f.af")
    assert read_framework(folder / "f.apx").attacks() == fw.attacks()
    if n:  # an empty TGF file is just "#"
        assert read_framework(folder / "f.tgf").attacks() == fw.attacks()
    back = read_framework(folder / "f.af")
    assert back.attacks() == [(str(numbers[a]), str(numbers[b])) for a, b in fw.attacks()]
