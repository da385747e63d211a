"""The timeline of positions by source date."""

from __future__ import annotations

from argmap.products.timeline import eras, timeline
from argmap.store.yaml_map import read_map, read_map_text
from tests.conftest import CYBERCRIME_MAP, SMALL_MAP


def test_order_and_inferred_dates() -> None:
    text = SMALL_MAP.replace("    date: 2011\n", "    date: 2011-05\n")
    text = text.replace(
        "    reported_in: article-2011\n", "    reported_in: article-2011\n    date: 2010\n"
    )
    entries = timeline(read_map_text(text).map)
    assert [(e.source.id, e.date, e.date_inferred) for e in entries] == [
        ("paper-2011", "2010", False),
        ("article-2011", "2011-05", False),
    ]
    assert [c.id for c in entries[1].claims] == ["join", "cheap-enough"]


def test_undated_sources_come_last_and_unused_ones_are_left_out() -> None:
    text = SMALL_MAP.replace("    date: 2011\n", "")
    entries = timeline(read_map_text(text).map)
    assert [(e.source.id, e.date) for e in entries] == [
        ("article-2011", None),
        ("paper-2011", None),
    ]
    assert list(eras(read_map_text(text).map)) == ["undated"]


def test_the_cybercrime_debate_moves_from_budapest_to_the_un() -> None:
    grouped = eras(read_map(CYBERCRIME_MAP).map)
    assert list(grouped) == ["2011", "2018", "2019", "2024"]
    sources_2011 = {e.source.id for e in grouped["2011"]}
    assert {"goldsmith-2011", "csis-2011", "schmidt-2011"} <= sources_2011
    assert "peters-2019" in {e.source.id for e in grouped["2019"]}
    assert "biden-decision-2024" in {e.source.id for e in grouped["2024"]}
