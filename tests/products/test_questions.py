"""Discussion questions: each grounded in a fact of the map that the test re-checks."""

from __future__ import annotations

from argmap.analysis import cruxes, evaluate
from argmap.graph import relation_triples, to_graph
from argmap.products.questions import _support_sources, discussion_questions
from argmap.store.yaml_map import read_map, read_map_text
from tests.conftest import CYBERCRIME_MAP, SMALL_MAP


def test_small_map_questions() -> None:
    G = to_graph(read_map_text(SMALL_MAP).map)
    ev = evaluate(G)
    qs = discussion_questions(G, ev)
    kinds = [q.kind for q in qs]
    assert kinds == ["crux", "conflict", "single-source", "second-hand"]
    crux = qs[0]
    assert crux.claims == ("cheap-enough", "join")
    assert [c.claim for c in cruxes(G, "join")] == ["cheap-enough"]
    assert "accepted, the thesis is in; rejected, it is out" in crux.because
    assert qs[1].text == "Jo Author and A government disagree: who has the better of it?"
    assert qs[2].text == "Is “A paper” enough, on its own, to establish “Joining costs too much”?"
    assert qs[-1].claims == ("too-costly",)
    assert (
        qs[-1].because
        == "“A paper” is known only as reported in “An article: with a colon”; 1 claim rests on "
        "that report."
    )


def test_cybercrime_questions_are_grounded() -> None:
    G = to_graph(read_map(CYBERCRIME_MAP).map)
    ev = evaluate(G)
    qs = discussion_questions(G, ev)
    assert {q.kind for q in qs} >= {"conflict", "single-source", "second-hand"}
    attacks = {(o, t) for _, k, o, t in relation_triples(G) if k == "attacks"}
    pairs = set()
    # No raw ids where people read: every id with a hyphen (all but a few here) is absent.
    ids = [n for n in G.nodes if "-" in n] + [s["id"] for s in G.graph["sources"] if "-" in s["id"]]
    assert len(ids) > 50
    for q in qs:
        assert not [i for i in ids if i in q.text or i in q.because], q
    for q in qs:
        assert q.because and all(c in G for c in q.claims)
        if q.kind == "conflict":
            origin, target = q.claims
            assert (origin, target) in attacks
            pair = frozenset((G.nodes[origin]["actor"], G.nodes[target]["actor"]))
            assert len(pair) == 2 and pair not in pairs  # one question per pair of actors
            pairs.add(pair)
        elif q.kind == "single-source":
            assert all(len(_support_sources(G, c)) == 1 for c in q.claims)
        elif q.kind == "second-hand":
            sources = {s["id"]: s for s in G.graph["sources"]}
            assert all(sources[G.nodes[c]["source"]].get("reported_in") for c in q.claims)
        elif q.kind == "undecided":
            assert all(ev.labels[c] == "undec" for c in q.claims)
