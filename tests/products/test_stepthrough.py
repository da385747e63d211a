"""Step-through order: from the question outward, every claim and relation exactly once."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from argmap.analysis import demo_graph
from argmap.graph import (
    claim_ids,
    relation_origin,
    relation_target,
    relation_triples,
    theses,
    to_graph,
)
from argmap.model import ArgumentMap
from argmap.products.stepthrough import PART, exchanges, steps
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
    # Theses first, in map order, right after the question; then one new claim a step.
    first = theses(G)
    assert [s.added[0] for s in order[1 : 1 + len(first)]] == first
    assert len(order) == 1 + len(claim_ids(G))
    assert all(len(s.added) == 1 for s in order[1:])
    added = [c for s in order for c in s.added]
    assert sorted(added) == sorted(claim_ids(G)) and len(added) == len(set(added))
    relations = [r for s in order for r in s.relations]
    assert sorted(relations) == sorted(r for r, *_ in relation_triples(G))  # type: ignore[type-var]
    shown: set[str] = set()
    revealed: tuple[str, ...] = ()
    for s in order:
        assert s.revealed == revealed + s.added  # each step adds to what was shown
        revealed = s.revealed
        shown.update(s.added)
        # A relation comes with the later of its ends: both are on the screen by then, and
        # one is the new claim or a link that comes in this step (an undercut of it).
        for k, rel in enumerate(s.relations):
            ends = {relation_origin(G, rel), relation_target(G, rel)}
            assert ends <= shown and ends & {*s.added, *s.relations[:k]}, (s, rel)
            shown.add(rel)


@pytest.mark.parametrize("path", MAPS, ids=lambda p: Path(p).stem)
def test_exchanges_group_what_bears_on_one_claim(path: Path) -> None:
    G = to_graph(read_map(path).map)
    order = exchanges(G)
    assert sorted(r for s in order for r in s.relations) == sorted(
        r
        for r, *_ in relation_triples(G)  # type: ignore[type-var]
    )
    # One exchange per claim or link something bears on: all of what bears on it at once,
    # supports first, a big one in consecutive parts of at most PART claims.
    groups = [s for s in order if s.kind == "exchange"]
    assert len([s for s in groups if s.part[0] == 1]) == len({s.target for s in groups})
    shown: set[str] = set()
    for k, s in enumerate(order):
        shown.update(s.added)
        if s.kind != "exchange":
            continue
        assert s.target in shown and 1 <= len(s.relations) <= PART
        assert all(relation_target(G, r) == s.target for r in s.relations)
        if s.part[0] > 1:
            before = order[k - 1]
            assert before.target == s.target and before.part == (s.part[0] - 1, s.part[1])
        kinds = [G.nodes[r]["type"] for r in s.relations]
        assert kinds == sorted(kinds, key=["supports", "attacks", "undercuts"].index)
        shown.update(s.relations)


def test_breadth_first_depths() -> None:
    order = steps(to_graph(read_map(FIXTURES / "mini.yaml").map))
    claims = [(s.added[0], s.relations, s.depth) for s in order if s.kind == "claim"]
    assert claims[0] == ("budapest-works", ("r-works",), 1)  # the thesis's supports first
    depths = [d for *_, d in claims]
    assert depths == sorted(depths)
    # The undercut of r-regional comes with its claim, once r-regional is shown.
    open_step = next(s for s in order if "r-open" in s.relations)
    assert open_step.added == ("open-to-all",)
    assert order.index(open_step) > next(
        k for k, s in enumerate(order) if "r-regional" in s.relations
    )


def test_start_from_one_thesis_then_the_rest() -> None:
    order = steps(demo_graph(), ["subsidy"])
    assert order[1].kind == "thesis" and order[1].added == ("subsidy",)
    # What answers the start comes next, with the start's attack back on it.
    assert order[2].added == ("doubt",) and order[2].relations == ("r-doubt", "r-back")
    # Then what the start does not reach, from where it ends; a relation whose ends were
    # both shown comes with the later one.
    assert [s.added for s in order if s.kind == "root"] == [("thesis",)]
    assert [(s.added, s.relations) for s in order[3:]] == [
        (("thesis",), ()), (("jobs",), ("r-jobs",)), (("cost",), ("r-cost", "r-sub")),
    ]  # fmt: skip
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
        ("claim", ("b",)),
        ("root", ("c",)),
        ("claim", ("d",)),
    ]


def test_a_cycle_without_an_end_is_still_shown() -> None:
    G = graph([("a", "claim"), ("b", "claim")],
              [("r1", "attacks", "a", "b"), ("r2", "attacks", "b", "a")])  # fmt: skip
    assert theses(G) == []
    order = steps(G)
    assert [(s.kind, s.added, s.relations) for s in order] == [
        ("question", (), ()),
        ("root", ("a",), ()),
        ("claim", ("b",), ("r2", "r1")),
    ]
