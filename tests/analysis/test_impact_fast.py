"""impact() under grounded semantics relabels and re-weighs only what each removal reaches; its
answers must be those of evaluating the whole map again without each claim, float for float.
needs() checks its sets on one framework: the same answers as rebuilding it per what-if."""

from __future__ import annotations

import itertools
import random

import networkx as nx
import pytest

from argmap.analysis.evaluate import (
    FailedAttack,
    evaluate,
    failed_attacks_by_claim,
    failed_attacks_on,
)
from argmap.analysis.impact import impact, removed, without
from argmap.analysis.needs import checker, stands_under
from argmap.graph import claim_ids, theses, to_graph
from argmap.semantics.bipolar import WhatIf, attack_framework, describe_argument
from argmap.semantics.framework import VIEWS
from argmap.semantics.gradual import dfquad
from argmap.semantics.incremental import GradualReevaluator
from argmap.semantics.values import (
    Ranking,
    audiences,
    defeat_framework,
    failed_attacks,
    value_names,
)
from argmap.store.yaml_map import read_map, read_map_text
from tests.conftest import ROOT
from tests.support.mapgen import generate_map_text

VALUES = ("security", "rights", "sovereignty")


def random_map(seed: int) -> nx.DiGraph:
    """A small map with relations in every direction: cycles of attacks and supports,
    undercuts of relations and of undercuts, self-attacks, and claims with values."""
    rng = random.Random(seed)
    n = rng.randint(2, 9)
    G = nx.DiGraph(values=[{"id": v, "name": v} for v in VALUES])
    claims = [f"c{i}" for i in range(n)]
    for c in claims:
        G.add_node(c, role="claim", values=rng.sample(VALUES, rng.randint(0, 2)))
        if rng.random() < 0.3:
            G.nodes[c]["base_score"] = rng.choice([0.0, 0.2, 0.9, 1.0])
    relations: list[str] = []
    for k in range(rng.randint(1, 3 * n)):
        rid, origin = f"r{k}", rng.choice(claims)
        if relations and rng.random() < 0.25:
            rtype, target = "undercuts", rng.choice(relations)
        else:
            rtype, target = rng.choice(["attacks", "supports"]), rng.choice(claims)
        G.add_node(rid, role="relation", type=rtype)
        G.add_edges_from([(origin, rid), (rid, target)])
        relations.append(rid)
    return G


RANKINGS = [None, Ranking((("security",), ("rights",))), Ranking((("rights", "sovereignty"),))]


@pytest.mark.parametrize("seed", range(60))
def test_impact_equals_reevaluating_without_each_claim_on_random_maps(seed: int) -> None:
    G = random_map(seed)
    claims = claim_ids(G)
    rng = random.Random(seed)
    view = VIEWS[seed % len(VIEWS)]
    audience = RANKINGS[seed % len(RANKINGS)]
    tried = {rng.choice(claims): 0.7} if seed % 4 == 0 else None
    for thesis in claims:
        fast = impact(G, thesis, claims, "grounded", view, base_scores=tried, audience=audience)
        slow = impact(
            G, thesis, claims, "grounded", view, base_scores=tried, audience=audience,
            by_removal=True,
        )  # fmt: skip
        assert fast == slow, (seed, thesis, view)


@pytest.mark.parametrize("view", VIEWS)
def test_impact_equals_reevaluating_on_a_generated_map_with_audiences(view: str) -> None:
    text = generate_map_text(120, seed=4, values=True)
    G = to_graph(read_map_text(text, "m.yaml", editable=False).map)
    claims = claim_ids(G)
    for audience in [None, audiences(G)[1]]:
        for thesis in theses(G)[:1]:
            fast = impact(G, thesis, claims, "grounded", view, audience=audience)
            slow = impact(G, thesis, claims, "grounded", view, audience=audience, by_removal=True)
            assert fast == slow
            # Not all the same: some claims change the thesis's label, others only its strength.
            assert len({(i.label_changed, round(i.delta, 6)) for i in fast.values()}) > 3


def test_impact_equals_reevaluating_on_the_cybercrime_map() -> None:
    G = to_graph(read_map(ROOT / "maps" / "cybercrime-treaties.yaml").map)
    claims = claim_ids(G)
    for thesis in theses(G):
        assert impact(G, thesis, claims) == impact(G, thesis, claims, by_removal=True)


@pytest.mark.parametrize("seed", range(40))
def test_strength_without_is_dfquad_of_the_smaller_map(seed: int) -> None:
    G = random_map(seed + 1000)
    g = GradualReevaluator(G)
    for c in claim_ids(G):
        expected = dfquad(without(G, c)).strength
        for node in expected:
            assert g.strength_without(removed(G, c), node) == expected[node]


def test_other_semantics_evaluate_the_map_without_each_claim() -> None:
    G = random_map(3)
    claims = claim_ids(G)
    for semantics in ("complete", "preferred", "stable"):
        got = impact(G, claims[0], claims, semantics, timeout=5)
        for c, found in got.items():
            ev = evaluate(without(G, c), semantics, timeout=5)
            assert found.label_without is ev.labels[claims[0]]
            assert found.strength_without == ev.strength[claims[0]]


@pytest.mark.parametrize("seed", range(40))
def test_needs_checker_equals_rebuilding_under_the_what_if(seed: int) -> None:
    # needs() checks each set on the framework built once; stands_under rebuilds it with the
    # what-if's assumption arguments. Every single and paired rejection and cut must agree.
    G = random_map(seed + 2000)
    view = VIEWS[seed % len(VIEWS)]
    audience = RANKINGS[seed % len(RANKINGS)]
    fw = attack_framework(G, view)
    if audience is not None:
        fw = defeat_framework(fw, G, audience)
    relations: dict[str, list[str]] = {}
    for name in fw.names:
        info = describe_argument(name, G)
        if info.kind in ("relation", "supported", "secondary", "mediated", "extended"):
            for r in info.ids:
                relations.setdefault(r, []).append(name)
    outcomes = set()
    for claim in claim_ids(G):
        check = checker(fw, claim, relations)
        for kind, pool in (("reject", claim_ids(G)), ("cut", list(relations))):
            for s in [*((x,) for x in pool), *itertools.combinations(pool, 2)]:
                assume = WhatIf(rejected=s) if kind == "reject" else WhatIf(cut=s)
                expected = stands_under(G, claim, assume, view, audience)
                assert check(kind, s) is expected, (seed, claim, kind, s)
                outcomes.add(expected)
    assert outcomes == {True, False} or len(claim_ids(G)) < 3


def _failed_on_by_filtering(G: nx.DiGraph, claim: str, ranking: Ranking, view: str) -> list:  # type: ignore[type-arg]
    """failed_attacks_on as it was: the whole framework's failed attacks, filtered to one."""
    fw = attack_framework(G, view)
    names = value_names(G)
    position, default = ranking.positions(), len(ranking.tiers)

    def best(values: frozenset[str]) -> str:
        return names.get(v := min(sorted(values), key=lambda x: position.get(x, default)), v)

    return [
        FailedAttack(va.source, fw.names[va.attacker], best(va.against_values),
                     best(va.source_values))
        for va in failed_attacks(fw, G, ranking)
        if va.target == fw.index[claim]
    ]  # fmt: skip


@pytest.mark.parametrize("view", VIEWS)
def test_failed_attacks_by_claim_equal_filtering_per_claim(view: str) -> None:
    # The brief's audience notes ask every claim at once: one framework, not one per claim.
    G = to_graph(read_map_text(generate_map_text(150, seed=9, values=True), "m.yaml").map)
    for ranking in audiences(G):
        grouped = failed_attacks_by_claim(G, ranking, view)
        total = 0
        for c in claim_ids(G):
            expected = _failed_on_by_filtering(G, c, ranking, view)
            assert grouped.get(c, []) == expected
            assert failed_attacks_on(G, c, ranking, view) == expected
            total += len(expected)
        assert total > 0
    with pytest.raises(KeyError):
        failed_attacks_on(G, "no-such-claim", audiences(G)[0], view)
