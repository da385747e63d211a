"""The cybercrime-treaty map itself: valid, every quote found in the articles, well formed."""

from __future__ import annotations

from collections import Counter

import pytest

from argmap.graph import relation_triples, to_graph
from argmap.model import ClaimKind
from argmap.products.quotes import check_quotes
from argmap.store.yaml_map import read_map
from tests.conftest import CYBERCRIME_MAP, SOURCES


@pytest.fixture(scope="module")
def cyber():
    return read_map(CYBERCRIME_MAP).map


def test_map_is_valid(cyber) -> None:
    assert len(cyber.claims) >= 40
    assert len(cyber.relations) >= len(cyber.claims) - 1


def test_every_quote_is_in_the_articles(cyber) -> None:
    if not SOURCES.is_dir():
        pytest.skip(f"the articles are not here ({SOURCES}); CI always has them")
    misses = [r for r in check_quotes(cyber, SOURCES) if not r.found]
    assert not misses, "\n".join(f"{r.claim_id}: {r.problem}; closest: {r.closest}" for r in misses)


def test_sources_are_first_or_second_hand(cyber) -> None:
    """The three articles carry their text; everything else is known through one of them."""
    with_text = [s for s in cyber.sources if s.text_file]
    assert sorted(s.text_file for s in with_text) == [
        "russia-and-china-un-cybercrime-rules.txt",
        "strengthening-global-cooperation.txt",
        "us-to-fall-in-line-with-un-cybercrime-treaty.txt",
    ]
    article_ids = {s.id for s in with_text}
    for source in cyber.sources:
        if not source.text_file:
            assert source.reported_in in article_ids, source.id


def test_every_source_and_actor_is_used(cyber) -> None:
    used_sources = Counter(c.source for c in cyber.claims)
    used_actors = Counter(c.actor for c in cyber.claims)
    members = {a.member_of for a in cyber.actors if a.member_of}
    assert [s.id for s in cyber.sources if s.id not in used_sources and s.text_file is None] == []
    assert [a.id for a in cyber.actors if a.id not in used_actors and a.id not in members] == []


def test_the_debate_is_connected_and_contested(cyber) -> None:
    G = to_graph(cyber)
    touched = {n for _, _, origin, target in relation_triples(G) for n in (origin, target)}
    assert [c.id for c in cyber.claims if c.id not in touched] == []
    types = Counter(t for _, t, _, _ in relation_triples(G))
    assert types["supports"] and types["attacks"] and types["undercuts"]
    theses = [c.id for c in cyber.claims if c.kind is ClaimKind.thesis]
    incoming = {
        thesis: {t for _, t, _, target in relation_triples(G) if target == thesis}
        for thesis in theses
    }
    assert all("supports" in types for types in incoming.values()), incoming
    # Not every thesis has an opponent in the articles, but the debate's core ones do.
    contested = [t for t, types in incoming.items() if "attacks" in types]
    assert len(contested) >= 4, incoming


@pytest.mark.parametrize(
    "needle",
    [
        "goldsmith",
        "csis",
        "lewis",
        "russia",
        "savage",
        "gillibrand",
        "peters",
        "third-way",
        "google",
        "biden",
        "iasiello",
        "obama",
    ],
)
def test_each_party_of_the_debate_holds_a_claim(cyber, needle: str) -> None:
    actors = {a.id for a in cyber.actors if needle in a.id or needle in a.name.lower()}
    assert actors, f"no actor for {needle}"
    holders = {c.actor for c in cyber.claims} | {a.member_of for a in cyber.actors}
    assert actors & holders, f"{needle} holds no claim"
