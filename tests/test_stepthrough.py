"""Step-through order: from the question outward, every claim and relation exactly once."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from argmap.analysis import demo_graph
from argmap.graph import claim_ids, relation_target, relation_triples, theses, to_graph
from argmap.model import ArgumentMap
from argmap.products.stepthrough import PART, steps
from argmap.store.yaml_map import read_map
from tests.conftest import CYBERCRIME_MAP, ROOT

FIXTURES = ROOT / "tests" / "support" / "fixtures"
MAPS = [CYBERCRIME_MAP, FIXTURES / "mini.yaml", FIXTURES / "hostile.yaml"]


def graph(claims: list[tuple[str, str]], relations: list[tuple[str, str, str, str]]) -> nx.DiGraph:
    """A map of ``(id, kind)`` claims and ``(id, type, from, to)`` relations."""
    return to_graph(ArgumentMap.model_validate({
        "title": "T", "question": "Q?",
        "sources": [{"id": "src", "title": "S", "kind": "article"}],
        "actors": [{"id": "who", "name": "A", "kind": "person"}],
        "claims": [{"id": c, "statement": c, "kind": k, "source": "src", "actor": "who", "quote": c}
                   for c, k in claims],
        "relations": [{"id": r, "type": t, "from": f, "to": to} for r, t, f, to in relations],
    }))  # fmt: skip


@pytest.mark.parametrize("path", MAPS, ids=lambda p: Path(p).stem)
def test_every_claim_and_relation_once_and_outward(path: Path) -> None:
    G = to_graph(read_map(path).map)
    order = steps(G)
    assert order[0].kind == "question" and order[0].revealed == ()
    # Theses first, in map order, right after the question.
    first = theses(G)
    assert [s.added[0] for s in order[1 : 1 + len(first)]] == first
    added = [c for s in order for c in s.added]
    assert sorted(added) == sorted(claim_ids(G)) and len(added) == len(set(added))
    relations = [r for s in order for r in s.relations]
    assert sorted(relations) == sorted(r for r, *_ in relation_triples(G))  # type: ignore[type-var]
    # One exchange per claim or link something bears on: all of what bears on it at once,
    # supports first, a big one in consecutive parts of at most PART claims.
    exchanges = [s for s in order if s.kind == "exchange"]
    firsts = [s for s in exchanges if s.part[0] == 1]
    assert len(firsts) == len({s.target for s in exchanges})
    for k, s in enumerate(exchanges):
        assert 1 <= len(s.relations) <= PART
        if s.part[0] > 1:
            before = exchanges[k - 1]
            assert before.target == s.target and before.part == (s.part[0] - 1, s.part[1])
        kinds = [G.nodes[r]["type"] for r in s.relations]
        assert kinds == sorted(kinds, key=["supports", "attacks", "undercuts"].index)
    shown: set[str] = set()
    revealed: tuple[str, ...] = ()
    for s in order:
        assert s.revealed == revealed + s.added  # each step adds to what was shown
        revealed = s.revealed
        if s.kind == "exchange":
            assert s.target in shown  # an exchange answers something already on screen
            assert s.relations and all(relation_target(G, r) == s.target for r in s.relations)
            shown.update(s.relations)
        shown.update(s.added)


def test_breadth_first_depths() -> None:
    order = steps(to_graph(read_map(FIXTURES / "mini.yaml").map))
    exchanges = [(s.target, s.relations, s.depth) for s in order if s.kind == "exchange"]
    depths = [d for *_, d in exchanges]
    assert depths == sorted(depths) and depths[0] == 1
    # The undercut of r-regional comes once r-regional is shown, in the exchange on that link.
    open_step = next(s for s in order if "r-open" in s.relations)
    assert open_step.target == "r-regional"
    assert order.index(open_step) > next(
        k for k, s in enumerate(order) if "r-regional" in s.relations
    )


def test_start_from_one_thesis_then_the_rest() -> None:
    order = steps(demo_graph(), ["subsidy"])
    assert order[1].kind == "thesis" and order[1].added == ("subsidy",)
    assert order[2].relations == ("r-doubt",)  # what answers the start comes next
    # Then what the start does not reach, from where it ends.
    assert [s.added for s in order if s.kind == "root"] == [("thesis",)]
    assert [s.relations for s in order[3:]] == [("r-back",), (), ("r-jobs", "r-cost"), ("r-sub",)]
    assert len(order[-1].revealed) == 5


def test_theses_fall_back_to_claims_that_bear_on_nothing() -> None:
    G = graph([("a", "claim"), ("b", "claim"), ("c", "claim")],
              [("r1", "attacks", "b", "a"), ("r2", "supports", "c", "b")])  # fmt: skip
    assert theses(G) == ["a"]
    G = graph([("a", "thesis"), ("b", "claim"), ("c", "claim"), ("d", "claim")],
              [("r1", "attacks", "b", "a"), ("r2", "supports", "d", "c")])  # fmt: skip
    assert theses(G) == ["a"]
    # c bears on nothing but is no thesis: it starts its own branch after the thesis's.
    assert [(s.kind, s.added) for s in steps(G)][1:] == [
        ("thesis", ("a",)),
        ("exchange", ("b",)),
        ("root", ("c",)),
        ("exchange", ("d",)),
    ]


def test_a_cycle_without_an_end_is_still_shown() -> None:
    G = graph([("a", "claim"), ("b", "claim")],
              [("r1", "attacks", "a", "b"), ("r2", "attacks", "b", "a")])  # fmt: skip
    assert theses(G) == []
    order = steps(G)
    assert [(s.kind, s.added, s.relations) for s in order] == [
        ("question", (), ()),
        ("root", ("a",), ()),
        ("exchange", ("b",), ("r2",)),
        ("exchange", (), ("r1",)),
    ]
