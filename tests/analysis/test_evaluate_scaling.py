"""evaluate's faster paths give exactly what the straightforward ones gave.

The reference below is DF-QuAD as argmap first computed it: a networkx graph of what each
value is computed from, its condensation in topological order, and Jacobi rounds within each
cycle. The library now does the same by numbers (its own strongly connected parts, no
networkx graph), which must change no value, not even in the last bit, nor the rounds
counted.
"""

from __future__ import annotations

import gc
import math
from collections import defaultdict
from math import prod

import networkx as nx
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.evaluate import evaluate
from argmap.graph import claim_ids, collection_paused, relation_triples, to_graph
from argmap.model import ArgumentMap
from argmap.semantics.framework import VIEW_TABLE, VIEWS
from argmap.semantics.gradual import (
    Gradual,
    _strong_parts,
    base_scores_of,
    dfquad,
    relation_effects,
)
from argmap.store.yaml_map import read_map
from bench.bench_semantics import make_map
from tests.conftest import ROOT
from tests.support.mapgen import generate_map_text


def reference_dfquad(
    G: nx.DiGraph,
    base_scores: dict[str, float] | None = None,
    view: str = "evidential",
    max_iter: int = 1000,
    tol: float = 1e-9,
) -> Gradual:
    """DF-QuAD over a networkx dependency graph and its condensation (the first version)."""
    tau = base_scores_of(G, base_scores)
    keep = VIEW_TABLE[view].supports
    triples = [t for t in relation_triples(G) if keep or t[1] != "supports"]
    into: dict[str, dict[str, list[tuple[str, str]]]] = {
        kind: defaultdict(list) for kind in ("attacks", "supports", "undercuts")
    }
    sigma, weight = dict(tau), {rid: 1.0 for rid, *_ in triples}
    depends = nx.DiGraph()
    depends.add_nodes_from(tau)
    for rid, rtype, origin, target in triples:
        into[rtype][target].append((rid, origin))
        depends.add_edge(origin, rid)
        if target in sigma or target in weight:
            depends.add_edge(rid, target)

    def effects(pairs: list[tuple[str, str]]) -> float:
        return 1.0 - prod(1.0 - sigma[o] * weight[r] for r, o in pairs)

    def value(node: str) -> float:
        if node in weight:
            return 1.0 - effects(into["undercuts"][node]) if node in into["undercuts"] else 1.0
        t = tau[node]
        va = effects(into["attacks"][node]) if node in into["attacks"] else 0.0
        vs = effects(into["supports"][node]) if node in into["supports"] else 0.0
        return t - t * (va - vs) if va >= vs else t + (1.0 - t) * (vs - va)

    def store(node: str, v: float) -> None:
        (weight if node in weight else sigma)[node] = v

    iterations, converged = 1, True
    parts = nx.condensation(depends)
    for part in nx.topological_sort(parts):
        members = list(parts.nodes[part]["members"])
        if len(members) == 1:
            store(members[0], value(members[0]))
            continue
        rounds, delta = 0, math.inf
        while delta > tol and rounds < max_iter:
            new = [value(m) for m in members]
            delta = max(abs(v - (weight[m] if m in weight else sigma[m]))
                        for m, v in zip(members, new, strict=True))  # fmt: skip
            for m, v in zip(members, new, strict=True):
                store(m, v)
            rounds += 1
        converged = converged and delta <= tol
        iterations = max(iterations, rounds)
    return Gradual(sigma, weight, converged, iterations)


def assert_same(got: Gradual, want: Gradual) -> None:
    # Lists of items: equal values in the same order, compared exactly.
    assert list(got.strength.items()) == list(want.strength.items())
    assert list(got.relation_weight.items()) == list(want.relation_weight.items())
    assert (got.converged, got.iterations) == (want.converged, want.iterations)


def seminar_graph(n: int, seed: int) -> nx.DiGraph:
    data = yaml.load(generate_map_text(n, seed), Loader=yaml.CSafeLoader)
    return to_graph(ArgumentMap.model_validate(data))


def dense_graph(n: int, seed: int) -> nx.DiGraph:
    return to_graph(ArgumentMap.model_validate(make_map(n, seed)))


@pytest.mark.parametrize("view", VIEWS)
def test_dfquad_as_before_on_the_cybercrime_map(view: str) -> None:
    G = to_graph(read_map(ROOT / "maps" / "cybercrime-treaties.yaml", editable=False).map)
    assert_same(dfquad(G, view=view), reference_dfquad(G, view=view))


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("make", [seminar_graph, dense_graph])
def test_dfquad_as_before_on_generated_maps(make: object, seed: int) -> None:
    G = make(400, seed)  # type: ignore[operator]
    result = dfquad(G)
    if make is dense_graph:  # its rebuttals make cycles to iterate, not just one pass
        assert result.iterations > 1
    assert_same(result, reference_dfquad(G))
    scores = {c: (k % 10) / 9 for k, c in enumerate(claim_ids(G))}
    assert_same(dfquad(G, scores, "attack-only"), reference_dfquad(G, scores, "attack-only"))


# Hand-built graphs reach what a validated map cannot: an attack on a relation, an
# undercut of a claim or of itself, an undercut of a support the attack-only view drops.
@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 7).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(
                st.tuples(
                    st.sampled_from(["attacks", "supports", "undercuts"]),
                    st.integers(0, n - 1),
                    st.integers(0, n + 9),  # >= n: the relation numbered (target - n)
                ),
                max_size=14,
            ),
            st.lists(st.floats(0, 1), min_size=n, max_size=n),
            st.sampled_from(VIEWS),
            st.integers(1, 50),
        )
    )
)
def test_dfquad_as_before_on_any_graph(case: tuple) -> None:
    n, relations, scores, view, max_iter = case
    G = nx.DiGraph()
    for i in range(n):
        G.add_node(f"c{i}", role="claim", base_score=scores[i])
    for k, (rtype, _, _) in enumerate(relations):
        G.add_node(f"r{k}", role="relation", type=rtype)
    for k, (_, origin, target) in enumerate(relations):
        G.add_edge(f"c{origin}", f"r{k}")
        G.add_edge(f"r{k}", f"c{target}" if target < n else f"r{(target - n) % len(relations)}")
    if any(G.out_degree(f"r{k}") != 1 for k in range(len(relations))):
        return  # a relation must have exactly one target (two undercut the same one here)
    got = dfquad(G, view=view, max_iter=max_iter)
    assert_same(got, reference_dfquad(G, view=view, max_iter=max_iter))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 12).flatmap(
        lambda n: st.lists(st.lists(st.integers(0, n - 1), max_size=4), min_size=n, max_size=n)
    )
)
def test_strong_parts_match_networkx(successors: list[list[int]]) -> None:
    parts = _strong_parts(successors)
    G = nx.DiGraph()
    G.add_nodes_from(range(len(successors)))
    G.add_edges_from((v, w) for v, ws in enumerate(successors) for w in ws)
    assert sorted(map(sorted, parts)) == sorted(map(sorted, nx.strongly_connected_components(G)))
    place = {v: k for k, part in enumerate(parts) for v in part}
    # Each part comes before every part it has an edge into.
    assert all(place[v] <= place[w] for v, w in G.edges)


def test_strong_parts_of_a_long_chain_need_no_recursion() -> None:
    n = 200_000  # far deeper than Python's recursion limit
    parts = _strong_parts([[i + 1] for i in range(n - 1)] + [[0]])
    assert [sorted(p) for p in parts] == [list(range(n))]
    parts = _strong_parts([[i + 1] for i in range(n - 1)] + [[]])
    assert parts == [[i] for i in range(n)]


@pytest.mark.parametrize("seed", [4, 5])
def test_evaluate_strengths_and_effects_as_before(seed: int) -> None:
    G = dense_graph(300, seed)
    ev = evaluate(G, view="bipolar")
    want = reference_dfquad(G, view="bipolar")
    assert list(ev.strength.items()) == list(want.strength.items())
    assert ev.effect == relation_effects(G, want)
    assert gc.isenabled()  # the collector runs again once evaluate returns


def test_collection_paused_restores_the_collector() -> None:
    assert gc.isenabled()
    with collection_paused():
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # only the outermost pause ends it
    assert gc.isenabled()
    with pytest.raises(KeyError), collection_paused():
        raise KeyError("x")
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # a collector paused by the caller stays paused
    finally:
        gc.enable()


@pytest.mark.parametrize("semantics", ["grounded", "preferred"])
def test_labels_without_strengths_are_the_same_labels(semantics: str) -> None:
    """``label`` prints labels only, so it skips DF-QuAD (issue 27): the labels, extensions
    and relation labels are those of the full evaluation; strengths and effects are empty."""
    G = to_graph(ArgumentMap.model_validate(yaml.safe_load(generate_map_text(300))))
    full = evaluate(G, semantics)
    labels_only = evaluate(G, semantics, strengths=False)
    assert labels_only.labels == full.labels and full.strength
    assert labels_only.extensions == full.extensions
    assert labels_only.relation_labels == full.relation_labels
    assert labels_only.strength == {} and labels_only.effect == {}


def test_the_label_report_leaves_strengths_out_only_when_asked() -> None:
    from argmap.analysis import label_report

    G = to_graph(ArgumentMap.model_validate(yaml.safe_load(generate_map_text(50))))
    full, short = label_report(G), label_report(G, strengths=False, relations=False)
    assert [{k: v for k, v in c.items() if k != "strength"} for c in full["claims"]] == short[
        "claims"
    ]
    assert all("strength" in c for c in full["claims"]) and "relations" not in short
