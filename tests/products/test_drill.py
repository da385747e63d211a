"""Drill: the deck is the other side's case with the map's answers; sessions score and persist."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from argmap.graph import to_graph
from argmap.products.brief import build_brief, sides
from argmap.products.drill import MARKS, DrillSession, drill_deck, our_claims
from argmap.store.yaml_map import read_map
from tests.conftest import CYBERCRIME_MAP, ROOT

MINI = ROOT / "tests" / "support" / "fixtures" / "mini.yaml"


@pytest.fixture(scope="module")
def G() -> nx.DiGraph:
    return to_graph(read_map(CYBERCRIME_MAP).map)


@pytest.mark.parametrize(
    ("thesis", "side"),
    [("thesis-un-route", "for"), ("thesis-un-route", "against"),
     ("thesis-budapest-route", "for")],
)  # fmt: skip
def test_deck_is_their_case_strongest_first_with_answers(
    G: nx.DiGraph, thesis: str, side: str
) -> None:
    deck = drill_deck(G, thesis, side)  # type: ignore[arg-type]
    brief = build_brief(G, thesis, side)  # type: ignore[arg-type]
    assert [c.relation for c in deck] == [p.relation for p in brief.their_case]
    assert deck, "the cybercrime map has arguments on both sides of these theses"
    keys = [c.claim.impact.key for c in deck if c.claim.impact]  # what matters most first
    assert len(keys) == len(deck) and keys == sorted(keys)
    ours = 1 if side == "for" else -1
    polarity = sides(G, thesis)
    for card, point in zip(deck, brief.their_case, strict=True):
        assert polarity[card.claim.id] == -ours  # every card is the other side's
        assert [a.id for a in card.answers] == [a.claim.id for a in point.answers]
        assert all(polarity.get(a.id) == ours for a in card.answers)  # answers are ours
        assert card.target_statement == G.nodes[card.target]["statement"]


def test_an_undercut_card_names_the_claim_whose_link_it_cuts() -> None:
    G = to_graph(read_map(MINI).map)
    deck = {c.claim.id: c for c in drill_deck(G, "join-budapest", "against")}
    card = deck["open-to-all"]
    assert card.relation_type == "undercuts" and card.target == "budapest-is-regional"
    assert card.answers == ()  # the map does not answer it
    assert [a.id for a in deck["rights-risk"].answers] == ["safeguards-possible"]


def test_our_claims_are_the_ones_on_our_side() -> None:
    G = to_graph(read_map(MINI).map)
    mine = our_claims(G, "join-budapest", "against")
    assert "join-budapest" not in mine
    assert {"budapest-is-regional", "un-treaty-needed", "safeguards-possible"} <= set(mine)
    assert not set(mine) & set(our_claims(G, "join-budapest", "for"))


def test_session_walks_scores_and_keeps_the_weak() -> None:
    s = DrillSession(["r1", "r2", "r3", "r4"])
    assert s.current == "r1" and not s.revealed
    s.respond("  my answer  ", pick="c9")
    assert s.revealed and s.responses == {"r1": "my answer"} and s.picks == {"r1": "c9"}
    s.mark("strong")
    assert s.current == "r2" and not s.revealed
    s.respond("")  # saying nothing still reveals the answers
    assert s.revealed and "r2" not in s.responses
    s.mark("weak")
    s.back()
    assert s.current == "r2" and s.marks["r2"] == "weak"
    s.mark("partial")  # marked again: the new mark replaces the old
    s.mark("missed")
    s.mark("weak")
    assert s.done and s.current is None
    score = s.score()
    assert (score.points, score.out_of, score.percent) == (1.5, 4, 38)
    assert score.counts == {"strong": 1, "partial": 1, "weak": 1, "missed": 1}
    assert s.still_weak() == ["r3", "r4"]
    s.respond("late")  # a finished session ignores further input
    s.mark("strong")
    assert s.marks["r4"] == "weak" and "late" not in s.responses.values()
    with pytest.raises(ValueError, match="strong, partial, weak, missed"):
        DrillSession(["r1"]).mark("brilliant")
    assert MARKS == ("strong", "partial", "weak", "missed")


def test_session_survives_json() -> None:
    s = DrillSession(["a", "b"])
    s.respond("x", pick="c")
    s.mark("partial")
    copy = DrillSession.from_dict(json.loads(json.dumps(s.to_dict())))
    assert copy == s and copy.current == "b"
    assert DrillSession([]).done and DrillSession([]).score().percent == 0


def test_session_starts_from_a_deck() -> None:
    G = to_graph(read_map(MINI).map)
    deck = drill_deck(G, "join-budapest", "for")
    s = DrillSession.start(deck)
    assert s.cards == [c.relation for c in deck] and s.index == 0
