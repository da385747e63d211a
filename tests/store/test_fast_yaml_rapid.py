"""rapidyaml's reading is taken only when it is libyaml's (issue 27).

A big map is parsed by rapidyaml first (:func:`argmap.store.fast_yaml.rapid_data`); its
answer is used only when it is certainly what the located reader (libyaml's events) gives,
within every limit. Everything else, every error included, goes to the located reader, so
each problem keeps its file, line and column. These tests compare the two readings on
generated maps, the shipped map, the YAML where rapidyaml was found to read otherwise, and
random YAML-like text.
"""

from __future__ import annotations

import io
import math
import threading
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.limits import DEFAULT_LIMITS, Limits
from argmap.problems import MapFileError
from argmap.store.fast_yaml import FALLBACK, RAPID_FROM, UNSURE, load_data, rapid_data
from tests.conftest import ROOT
from tests.support.mapgen import generate_map_text


def located(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """The located reader's reading (asking for positions never takes rapidyaml)."""
    return load_data(text, "m.yaml", limits, positions={})


def same(a: Any, b: Any) -> bool:
    """Equal, of the same types, keys in the same order (NaN equal to NaN)."""
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def agrees(text: str) -> bool:
    """rapidyaml's reading is unsure, or exactly the located reader's, which accepts it."""
    got = rapid_data(text)
    if got is UNSURE:
        return True
    try:
        reference = located(text)
    except MapFileError:
        return False
    return reference is not FALLBACK and same(got, reference)


@pytest.mark.parametrize("values", [False, True])
def test_a_generated_map_is_read_by_rapidyaml_as_by_libyaml(values: bool) -> None:
    text = generate_map_text(600, values=values)
    assert len(text) >= RAPID_FROM
    got = rapid_data(text)
    assert got is not UNSURE  # the fast path is taken for the maps argmap writes
    assert same(got, located(text))
    assert same(load_data(text, "m.yaml"), got)


def test_the_shipped_map_is_read_by_rapidyaml_as_by_libyaml() -> None:
    text = (ROOT / "maps" / "cybercrime-treaties.yaml").read_text(encoding="utf-8")
    got = rapid_data(text)
    assert got is not UNSURE and same(got, located(text))


# Each of these rapidyaml reads (or accepts) otherwise than libyaml: found by the random
# tests below, and by reading its documentation on anchors, tags and JSON.
DIFFERING = [
    "a: &x [1]\nb: *x\n",  # rapidyaml leaves the alias as the text '*x'
    "a: !!str 12\n",  # and drops tags
    "a: !!int '12'\n",
    "<<: {a: 1}\n",
    "a: 1\na: 2\n",  # keeps the last of two keys
    "a: ~\n",  # YAML 1.2 null, left as text
    "a: True\n",
    "a: 0x1F\n",
    "a: 012\n",
    "a: 2011-09-17\n",
    "1: x\n",  # an int key, which JSON makes text
    "a: '2011'\n",  # quoted, so text, but JSON cannot tell it from a plain 2011
    "a: ]\n",  # refused by libyaml
    "a: \x7f\n",
    "a: x\x0c\n",
    "a: 1 # \x01\n",
    'a: "x\\\n\n  y"\n',  # an escaped line break before an empty line
    "a: | #c\n  b\n",  # a comment after a block header
    "a: |1\\\n  x\n",
    "a: >\n  x",  # a block scalar ending the file without a line break
    "a: [:\n",
    "b c: {k0:}\n",
    "'s': {k0: a #b}\n",
    "b c: [?a:b]\n",
    '- "m\n  k": v\n',  # a quoted key over two lines
    '- "c-1" - []\n',
    "- {k0: yes} - 3.5\n",
    "...\nb: 1\n",
    "a: 1\n---\nb: 2\n",
    "%YAML 1.2\n---\na: 1\n",
    "a: @x\n",
    "\ta: 1\n",
]


@pytest.mark.parametrize("text", DIFFERING)
def test_where_rapidyaml_reads_otherwise_it_is_not_taken(text: str) -> None:
    assert rapid_data(text) is UNSURE
    assert agrees(text)


SAME = [
    "a: [1, x, 1.5, true, null, -0, 1e3, .5]\n",
    'a: "x\\ny\\\\z\\"w \\u263a"\n',
    "a: 'it''s'\n",
    "a: |\n  line1\n  line2\n\nb: >-\n  f1\n  f2\n",
    "a: multi\n  line plain\n",
    "a: x\r\nb: [y, z]\r\n",
    "a:\n  - b: 1\n    c: {d: e}\n  - []\n",
    "a: é ü 中文\n",
]


@pytest.mark.parametrize("text", SAME)
def test_plain_yaml_is_read_by_rapidyaml_as_by_libyaml(text: str) -> None:
    got = rapid_data(text)
    assert got is not UNSURE and same(got, located(text))


_ATOMS = [
    "a", "x1", "0", "12", "1.5", ".5", "-", "---", "...", " ", "  ", "\n", "\n  ", "\n- ",
    ": ", ":", ",", "[", "]", "{", "}", "#", " #", "'", '"', "\\", "|", ">", "|-", ">+", "?",
    "? ", "~", "null", "True", "yes", "é", "\r\n", "-1", "1e3", "0x1", "2011-09-17", "\x7f",
    "!", "&", "*", "%", "@", "<<", "\t", "- ", "  - ", "a: ", "'x'", '"y"', "\\\n", '\\"', "''",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ATOMS), min_size=1, max_size=14), st.booleans())
def test_random_yaml_like_text_is_unsure_or_read_alike(atoms: list[str], key: bool) -> None:
    assert agrees(("a: " if key else "") + "".join(atoms) + "\n")


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(alphabet=st.sampled_from("aZ09 .-+~#'\"\\:[]{}nNtTfFx0oe\u00e9\u4e2d"), max_size=8)
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(alphabet="abc -_0", min_size=1, max_size=4), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(data=_DATA, flow=st.booleans())
def test_what_a_yaml_writer_wrote_is_unsure_or_read_alike(data: object, flow: bool) -> None:
    from ruamel.yaml import YAML

    writer = YAML(typ="safe", pure=True)
    writer.default_flow_style = flow
    buffer = io.StringIO()
    writer.dump({"root": data}, buffer)
    assert agrees(buffer.getvalue())


def big_map(*, after: str = "", line: int | None = None) -> str:
    """A generated map over the size rapidyaml is tried from, with ``after`` appended, or
    put in place of line ``line``."""
    text = generate_map_text(600)
    if line is None:
        return text + after
    lines = text.split("\n")
    lines[line - 1] = after
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("broken", "where"),
    [
        ("claims: [unclosed", "m.yaml:901:7: YAML syntax"),  # rapidyaml refuses it too
        ("    tags: x: y", "m.yaml:900:12: YAML syntax: mapping values"),  # "two colons"
        ("title: again", "m.yaml:900:1: YAML syntax: found duplicate key 'title'"),  # kept
    ],
)
def test_errors_in_a_big_map_are_located_and_nothing_else_is_printed(
    broken: str, where: str, capfd: pytest.CaptureFixture[str]
) -> None:
    text = big_map(after=broken, line=900)
    with pytest.raises(MapFileError) as error:
        load_data(text, "m.yaml")
    assert str(error.value).startswith(where), str(error.value)
    out, err = capfd.readouterr()
    assert out == "" and err == ""  # rapidyaml prints its own errors: silenced


@pytest.mark.parametrize(
    ("limits", "words"),
    [
        (Limits(max_items=500), "a list holds at most 500"),
        (Limits(max_text=50), "at most 50"),
        (Limits(max_depth=2), "nests at most 2"),
        (Limits(max_nodes=10_000), "more than 10,000 values"),
    ],
)
def test_a_big_map_over_a_limit_is_refused_at_its_place(limits: Limits, words: str) -> None:
    text = big_map()
    assert rapid_data(text, limits) is UNSURE
    with pytest.raises(MapFileError) as fast:
        load_data(text, "m.yaml", limits)
    with pytest.raises(MapFileError) as slow:
        located(text, limits)
    assert str(fast.value) == str(slow.value) and words in str(fast.value)


def test_only_the_main_thread_takes_rapidyaml() -> None:
    text = big_map()
    found: list[Any] = []
    worker = threading.Thread(target=lambda: found.append(rapid_data(text)))
    worker.start()
    worker.join()
    assert found == [UNSURE]
    assert rapid_data(text) is not UNSURE


@pytest.mark.parametrize("depth", [100, 5000])
def test_deep_nesting_in_a_big_map_is_refused_at_its_place_and_silently(
    depth: int, capfd: pytest.CaptureFixture[str]
) -> None:
    """rapidyaml's JSON writer refuses deep trees too, printing its error as its parser does:
    both are silenced, and the located reader says where."""
    text = "a: " + "[" * depth + "]" * depth + "\n" + "# padding\n" * (RAPID_FROM // 10)
    assert rapid_data(text) is UNSURE
    with pytest.raises(MapFileError) as error:
        load_data(text, "m.yaml")
    assert str(error.value).startswith("m.yaml:1:")
    assert "nest" in str(error.value)
    assert capfd.readouterr() == ("", "")


_MAP = generate_map_text(20, values=True)
_EDITS = [
    " ", "\n", ":", "-", "#", "'", '"', "[", "]", "{", "}", ",", "\\", "|", ">", "?", ": ",
    "- ", "\n  ", "\n- ", "~", "0x1", "2011-01-01", "\r\n", "é", "*", "&", "!", "%", "\t",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(_MAP) - 1), st.sampled_from(_EDITS), st.integers(0, 3)),
        min_size=1,
        max_size=3,
    )
)
def test_a_map_with_a_few_slips_is_unsure_or_read_alike(edits: list[tuple[int, str, int]]) -> None:
    """A person's slips in a real map (a character typed, a few deleted): rapidyaml's reading
    is taken only when it is libyaml's, which accepts the map."""
    text = _MAP
    for at, typed, deleted in edits:
        text = text[:at] + typed + text[at + deleted :]
    assert agrees(text)
