"""Round trips: YAML (comments and order kept), JSON, GraphML, the graph, and the schema."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.graph import relation_triples, relations_into, to_graph, to_map
from argmap.model import Claim
from argmap.problems import MapFileError
from argmap.readwrite.graphml import read_graphml, write_graphml
from argmap.store.json_map import from_json, to_json
from argmap.store.schema import map_json_schema, schema_text
from argmap.store.yaml_map import dump_map, read_map, read_map_text, write_map
from tests.conftest import CYBERCRIME_MAP, ROOT, SMALL_MAP


def test_yaml_round_trip_is_byte_identical(small_map_file: Path) -> None:
    loaded = read_map(small_map_file)
    write_map(loaded)
    assert small_map_file.read_text(encoding="utf-8") == SMALL_MAP
    assert read_map(small_map_file).map == loaded.map


def test_yaml_edit_keeps_comments_order_and_quoting(small_map_file: Path) -> None:
    loaded = read_map(small_map_file)
    loaded.map.claims[1].statement = "Joining costs far too much."
    loaded.map.claims.append(
        Claim(
            id="new-claim", statement="A new one.", source="article-2011", actor="gov", quote="new"
        )
    )
    write_map(loaded)
    text = small_map_file.read_text(encoding="utf-8")
    expected = SMALL_MAP.replace("Joining costs too much.", "Joining costs far too much.")
    expected = expected.replace(
        "relations:\n",
        "  - id: new-claim\n    statement: A new one.\n    source: article-2011\n"
        "    actor: gov\n    quote: new\nrelations:\n",
    )
    assert text == expected
    reread = read_map(small_map_file).map
    assert reread == loaded.map
    assert reread.claims[-1].kind.value == "claim"  # the default is not written out


def test_yaml_removal_keeps_the_rest(small_map_file: Path) -> None:
    loaded = read_map(small_map_file)
    loaded.map.relations = [r for r in loaded.map.relations if r.id != "r-cheap"]
    loaded.map.relations[0].note = None
    write_map(loaded)
    text = small_map_file.read_text(encoding="utf-8")
    assert "r-cheap" not in text and "note:" not in text
    assert "# Known only through the article." in text and "# a trailing comment" in text


def test_fresh_model_dump_reads_back() -> None:
    m = read_map_text(SMALL_MAP).map
    text = dump_map(m)
    assert text.startswith("# yaml-language-server: $schema=")
    assert read_map_text(text).map == m


def test_write_is_atomic_when_interrupted(
    small_map_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = read_map(small_map_file)
    loaded.map.title = "Changed"

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", crash)
    with pytest.raises(OSError, match="disk full"):
        write_map(loaded)
    assert small_map_file.read_text(encoding="utf-8") == SMALL_MAP
    # No temporary file is left; the lock every map save holds stays for the next one.
    assert sorted(p.name for p in small_map_file.parent.iterdir()) == [
        f".{small_map_file.name}.lock",
        small_map_file.name,
    ]


def test_json_round_trip() -> None:
    m = read_map_text(SMALL_MAP).map
    text = to_json(m)
    assert json.loads(text)["relations"][0]["from"] == "too-costly"
    assert from_json(text) == m


def test_graph_round_trip_and_undercuts() -> None:
    m = read_map_text(SMALL_MAP).map
    G = to_graph(m)
    assert G.nodes["join"]["role"] == "claim" and G.nodes["join"]["quote"] == "“join now”"
    assert G.nodes["r-cost"] == {
        "role": "relation",
        "type": "attacks",
        "note": "Cost is the main objection.",
    }
    # The undercut points at the attack relation, not at a claim.
    assert list(relation_triples(G)) == [
        ("r-cost", "attacks", "too-costly", "join"),
        ("r-cheap", "undercuts", "cheap-enough", "r-cost"),
    ]
    assert relations_into(G, "r-cost") == ["r-cheap"]
    assert relations_into(G, "join", "attacks") == ["r-cost"]
    assert to_map(G) == m


def test_graphml_round_trip() -> None:
    m = read_map_text(SMALL_MAP).map
    buffer = io.BytesIO()
    write_graphml(m, buffer)
    assert b"<graphml" in buffer.getvalue()
    buffer.seek(0)
    assert read_graphml(buffer) == m


def test_real_map_round_trips_everywhere(tmp_path: Path) -> None:
    loaded = read_map(CYBERCRIME_MAP)
    copy = tmp_path / "copy.yaml"
    write_map(loaded, copy)
    assert copy.read_text(encoding="utf-8") == CYBERCRIME_MAP.read_text(encoding="utf-8")
    assert to_map(to_graph(loaded.map)) == loaded.map
    buffer = io.BytesIO()
    write_graphml(loaded.map, buffer)
    buffer.seek(0)
    assert read_graphml(buffer) == loaded.map


def test_committed_schema_is_current_and_referenced() -> None:
    committed = ROOT / "schema" / "argmap-map.schema.json"
    assert committed.read_text(encoding="utf-8") == schema_text(), "run: argmap schema -o " + str(
        committed
    )
    schema = map_json_schema()
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) >= {
        "title",
        "question",
        "sources",
        "actors",
        "claims",
        "relations",
    }
    for path in (ROOT / "maps").glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/argmap-map.schema.json", path


def test_fast_read_gives_the_same_map_and_the_same_located_errors(small_map_file: Path) -> None:
    fast = read_map(small_map_file, editable=False)
    assert fast.map == read_map(small_map_file).map and fast.document is None
    broken = SMALL_MAP.replace("actor: jo\n", "actor: joe\n")
    errors = []
    for editable in (True, False):
        with pytest.raises(MapFileError) as info:
            read_map_text(broken, "b.yaml", editable=editable)
        errors.append(str(info.value))
    assert errors[0] == errors[1] and "b.yaml:" in errors[0]


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    # No ':': libyaml (YAML 1.1) refuses a plain ":0" in flow style, which YAML 1.2 allows.
    | st.text(alphabet=st.sampled_from("aZ09 .-+~#'\"\\\tnNtTfFx0oe\u00e9\u4e2d"), max_size=8)
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(alphabet="abc-_0", min_size=1, max_size=4), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(data=_DATA, flow=st.booleans())
def test_fast_reader_reads_back_what_a_yaml_1_2_writer_wrote(data: object, flow: bool) -> None:
    """Every scalar, list and mapping a YAML 1.2 writer (ruamel) wrote, in block or flow
    style, reads back the same: plain scalars resolved as YAML 1.2 reads them, however the
    reader skips those that cannot be anything but text; and every value's place noted."""
    from ruamel.yaml import YAML

    from argmap.store.fast_yaml import load_data

    writer = YAML(typ="safe", pure=True)
    writer.default_flow_style = flow
    buffer = io.StringIO()
    writer.dump({"root": data}, buffer)
    text = buffer.getvalue()
    positions: dict[tuple[str | int, ...], tuple[int, int, int, int]] = {}
    assert load_data(text, "x.yaml") == {"root": data}
    assert load_data(text, "x.yaml", positions=positions) == {"root": data}

    def paths(value: object, at: tuple[str | int, ...]) -> set[tuple[str | int, ...]]:
        found = {at}
        if isinstance(value, dict | list):
            for k, v in value.items() if isinstance(value, dict) else enumerate(value):
                found |= paths(v, (*at, k))
        return found

    assert set(positions) == paths({"root": data}, ())


def test_fast_reader_reads_infinity() -> None:
    """Found by the property above: ``.inf`` is YAML's spelling, not Python's; it raised."""
    from argmap.store.fast_yaml import load_data

    assert load_data("a: [.inf, -.Inf, +.INF]\n", "x.yaml") == {
        "a": [math.inf, -math.inf, math.inf]
    }
