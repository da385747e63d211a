"""DF-QuAD's cycles iterated on arrays give exactly the pure-Python Jacobi rounds (issue 27).

The reference is the first, networkx-based implementation kept in test_evaluate_scaling.
"""

from __future__ import annotations

import pytest

from argmap.graph import claim_ids
from argmap.semantics import gradual
from argmap.semantics.framework import VIEWS
from argmap.semantics.gradual import dfquad
from tests.analysis.test_evaluate_scaling import (
    assert_same,
    dense_graph,
    reference_dfquad,
    seminar_graph,
)


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("make", [seminar_graph, dense_graph])
def test_every_cycle_on_arrays_as_before(
    make: object, seed: int, view: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gradual, "VECTOR_FROM", 2)  # every cycle, however small
    G = make(300, seed)  # type: ignore[operator]
    scores = {c: (k % 10) / 9 for k, c in enumerate(claim_ids(G))}
    got, want = dfquad(G, scores, view), reference_dfquad(G, scores, view)
    assert abs(max(got.strength.values()) - max(want.strength.values())) <= 1e-9
    assert_same(got, want)  # exactly: same floats, rounds and convergence


def test_a_big_cycle_on_arrays_as_before() -> None:
    G = seminar_graph(10_000, 1)  # one cycle through about 14% of its nodes
    got = dfquad(G)
    assert got.iterations > 10  # the big cycle was iterated, on arrays
    assert_same(got, reference_dfquad(G))


def test_max_iter_bounds_the_rounds_on_arrays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gradual, "VECTOR_FROM", 2)
    G = dense_graph(300, 4)
    got = dfquad(G, max_iter=3)
    assert (got.iterations, got.converged) == (3, False)
    assert_same(got, reference_dfquad(G, max_iter=3))


def test_any_graph_on_arrays() -> None:
    """Hand-built graphs (undercuts of claims, of themselves, max_iter from 1), every cycle
    on arrays."""
    from tests.analysis.test_evaluate_scaling import test_dfquad_as_before_on_any_graph

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(gradual, "VECTOR_FROM", 2)
        test_dfquad_as_before_on_any_graph()
