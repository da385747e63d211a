"""AIF JSON import and export: OVA and AIFdb samples, located problems, round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.problems import MapFileError
from argmap.readwrite.aif import generate_aif, parse_aif
from argmap.store.yaml_map import read_map
from tests.conftest import CYBERCRIME_MAP

FIXTURES = Path(__file__).parents[1] / "fixtures" / "formats"


def test_ova3_wrapper_with_participants_html_and_an_undercut() -> None:
    result = parse_aif((FIXTURES / "ova3-cars.json").read_text(), "ova3.json")
    m = result.map
    ban = m.claims[0]
    assert ban.statement == "Cities should <b>ban</b> cars"  # HTML kept as plain data
    assert ban.quote == "cities must ban cars &amp; now"  # the locution's words
    assert m.actor(ban.actor).name == "Bob Smith"  # from participants
    assert ban.note == "AIF nodeID 1"
    support = next(r for r in m.relations if r.type.value == "supports")
    assert (support.from_, support.to) == ("cars-pollute-the-air", ban.id)
    undercut = next(r for r in m.relations if r.type.value == "undercuts")
    assert undercut.to == support.id  # a CA on an RA undercuts the support
    # The rephrase (MA) has no relation in argmap: it is kept as a note on the rephrasing claim.
    assert result.warnings == []
    assert m.claim("cars-make-the-air-dirty").note == (
        "AIF nodeID 11; AIF: rephrases 'cars-pollute-the-air' (MA node 10)"
    )


def test_aifdb_locutions_rule_breaking_edges_and_dialogue_nodes() -> None:
    result = parse_aif((FIXTURES / "aifdb-cars.json").read_text(), "aifdb.json")
    m = result.map
    assert [(c.id, m.actor(c.actor).name, c.quote) for c in m.claims[:2]] == [
        ("cities-should-ban-cars", "Ann", "we should ban cars"),
        ("cars-are-noisy", "Carl", "cars are so noisy"),
    ]
    assert [(r.from_, r.type.value, r.to) for r in m.relations] == [
        ("cars-are-noisy", "supports", "cities-should-ban-cars")
    ]
    # Carl's "Arguing" (a YA on the RA, reached by a transition from his locution) is kept
    # as the support's note; nothing of the dialogue is left over.
    assert m.relations[0].note == "AIF: Arguing by Carl (YA node 109)"
    assert [(w.line, w.message.split(" ")[1]) for w in result.warnings] == [
        (12, "node"),  # RA -> RA
        (28, "213"),  # edge I -> I
    ]


def test_empty_map_and_int_or_string_ids() -> None:
    assert parse_aif('{"nodes": [], "edges": []}').map.claims == []
    text = (
        '{"nodes": [{"nodeID": 1, "type": "I", "text": "a"}, {"nodeID": "2", "type": "I", '
        '"text": "b"}, {"nodeID": 3, "type": "CA", "text": "Default Conflict"}], '
        '"edges": [{"edgeID": 1, "fromID": "1", "toID": 3}, {"edgeID": 2, "fromID": 3, '
        '"toID": 2}]}'
    )
    assert [(r.from_, r.type.value, r.to) for r in parse_aif(text).map.relations] == [
        ("a", "attacks", "b")
    ]


@pytest.mark.parametrize(
    ("text", "lines", "fragment"),
    [
        ('{"nodes": [\n  {"nodeID": 1, "type": "I", "text": "x"},\n]}', [3], "JSON syntax"),
        ("[1, 2]", [1], "must be an object"),
        (
            '{"nodes": [\n {"nodeID": 1, "type": "I", "text": "x"},\n'
            ' {"nodeID": 1, "type": "I", "text": "y"}\n],\n"edges": [\n'
            ' {"edgeID": 5, "fromID": 1, "toID": 8}\n]}',
            [2, 6],
            "used twice",
        ),
    ],
)
def test_malformed_aif_is_located(text: str, lines: list[int], fragment: str) -> None:
    with pytest.raises(MapFileError) as info:
        parse_aif(text, "bad.json")
    assert [p.line for p in info.value.problems] == lines
    assert fragment in str(info.value)


def test_export_is_aif_with_i_ra_ca_l_ya_nodes() -> None:
    m = read_map(CYBERCRIME_MAP).map
    data = json.loads(generate_aif(m))
    types = {n["nodeID"]: n["type"] for n in data["nodes"]}
    counts = {t: list(types.values()).count(t) for t in set(types.values())}
    kinds = [r.type.value for r in m.relations]
    n = len(m.claims)
    assert counts == {
        "I": n,
        "L": n,
        "YA": n,
        "RA": kinds.count("supports"),
        "CA": kinds.count("attacks") + kinds.count("undercuts"),
    }
    undercut = next(r for r in m.relations if r.type.value == "undercuts")
    assert types[undercut.id] == "CA" and types[undercut.to] in ("RA", "CA")
    assert {"fromID": undercut.id, "toID": undercut.to} in [
        {k: e[k] for k in ("fromID", "toID")} for e in data["edges"]
    ]


def test_cybercrime_map_round_trips_through_aif_without_loss() -> None:
    m = read_map(CYBERCRIME_MAP).map
    result = parse_aif(generate_aif(m), "cyber.json")
    assert result.warnings == []
    key = lambda r: r.id  # noqa: E731
    assert result.map.model_dump(exclude={"relations"}) == m.model_dump(exclude={"relations"})
    assert sorted(result.map.relations, key=key) == sorted(m.relations, key=key)


def test_a_short_label_and_quote_offsets_round_trip() -> None:
    m = read_map(CYBERCRIME_MAP).map
    first = m.claims[1].model_copy(update={"label": "Short title", "quote_at": (10, 25)})
    m = m.model_copy(update={"claims": [m.claims[0], first, *m.claims[2:]]})
    again = parse_aif(generate_aif(m), "cyber.json").map.claims[1]
    assert (again.label, tuple(again.quote_at or ())) == ("Short title", (10, 25))


def test_export_without_the_argmap_member_still_keeps_claims_relations_and_actors() -> None:
    m = read_map(CYBERCRIME_MAP).map
    data = json.loads(generate_aif(m))
    del data["argmap"]
    plain = parse_aif(json.dumps(data), "plain.json").map
    assert [c.id for c in plain.claims] == [c.id for c in m.claims]
    assert {r.id for r in plain.relations} == {r.id for r in m.relations}
    names = {a.id: a.name for a in m.actors}
    assert [plain.actor(c.actor).name for c in plain.claims] == [names[c.actor] for c in m.claims]
    assert [c.quote for c in plain.claims] == [c.quote for c in m.claims]
