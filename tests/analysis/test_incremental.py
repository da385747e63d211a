"""Re-evaluation under assumptions without rebuilding: the same labels as rebuilding."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.evaluate import Crux, cruxes, evaluate
from argmap.graph import claim_ids, theses, to_graph
from argmap.semantics.bipolar import WhatIf
from argmap.semantics.dung import grounded_labelling
from argmap.semantics.framework import DEFAULT_VIEW, VIEWS, Framework
from argmap.semantics.incremental import Reevaluator
from argmap.store.yaml_map import read_map, read_map_text
from tests.conftest import ROOT
from tests.support.mapgen import generate_map_text


@settings(max_examples=150, deadline=None)
@given(
    st.integers(2, 12).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n),
            st.lists(st.integers(0, n - 1), max_size=2),
            st.lists(st.integers(0, n - 1), max_size=2),
        )
    )
)
def test_assumptions_match_the_augmented_framework(case: tuple) -> None:  # type: ignore[type-arg]
    n, pairs, rejected, accepted = case
    names = [f"a{i}" for i in range(n)]
    fw = Framework.from_attacks(names, [(names[a], names[b]) for a, b in pairs])
    rej, acc = [names[i] for i in rejected], [names[i] for i in accepted]
    # What WhatIf builds: an unattacked argument against each rejected one, and one against
    # every attacker of each accepted one.
    extra = [(f"r{k}", x) for k, x in enumerate(rej)]
    extra += [(f"p{k}", names[a]) for k, x in enumerate(acc) for a in fw.attackers[names.index(x)]]
    bigger = Framework.from_attacks(
        names + [f"r{k}" for k in range(len(rej))] + [f"p{k}" for k in range(len(acc))],
        [(names[a], names[b]) for a, b in pairs] + extra,
    )
    expected = grounded_labelling(bigger)[:n]
    assert Reevaluator(fw).labels(rejected=rej, accepted=acc) == expected


def _cruxes_by_rebuilding(G: nx.DiGraph, thesis: str, view: str) -> list[Crux]:
    claims = set(claim_ids(G))
    distance = nx.single_source_shortest_path_length(G.reverse(copy=False), thesis)
    upstream = sorted((c for c in distance if c in claims and c != thesis), key=distance.get)
    found = []
    for c in upstream:
        a = evaluate(G, "grounded", view, assume=WhatIf(accepted=[c])).labels[thesis]
        r = evaluate(G, "grounded", view, assume=WhatIf(rejected=[c])).labels[thesis]
        if a is not r:
            found.append(Crux(c, a, r))
    return found


@pytest.mark.parametrize("view", VIEWS)
def test_cruxes_equal_those_found_by_rebuilding(view: str) -> None:
    G = to_graph(read_map_text(generate_map_text(80, seed=3), "m.yaml", editable=False).map)
    for thesis in [c for c, d in G.nodes(data=True) if d.get("kind") == "thesis"][:2]:
        assert cruxes(G, thesis, "grounded", view) == _cruxes_by_rebuilding(G, thesis, view)


def test_unknown_name_raises() -> None:
    with pytest.raises(KeyError):
        Reevaluator(Framework.from_attacks("ab", [])).labels(rejected=["z"])


def test_centrality_reach_equals_descendants() -> None:
    import random

    from argmap.analysis.debate import _reach_counts

    for seed in range(120):
        rng = random.Random(seed)
        G = nx.gnp_random_graph(rng.randint(1, 30), rng.random() * 0.2, seed=seed, directed=True)
        assert _reach_counts(G) == {c: len(nx.descendants(G, c) - {c}) for c in G}


@pytest.mark.parametrize("seed", [5, 11, 23])
def test_cruxes_equal_rebuilding_on_every_thesis(seed: int) -> None:
    # cruxes() relabels only the thesis's upstream part and skips the assumption that
    # cannot change anything; the answers must be those of rebuilding the whole map.
    G = to_graph(read_map_text(generate_map_text(60, seed=seed), "m.yaml", editable=False).map)
    for thesis in [c for c, d in G.nodes(data=True) if d.get("kind") == "thesis"]:
        assert cruxes(G, thesis) == _cruxes_by_rebuilding(G, thesis, DEFAULT_VIEW)


def test_cruxes_equal_rebuilding_on_the_cybercrime_map() -> None:
    G = to_graph(read_map(ROOT / "maps" / "cybercrime-treaties.yaml").map)
    for thesis in theses(G):
        assert cruxes(G, thesis) == _cruxes_by_rebuilding(G, thesis, DEFAULT_VIEW)
