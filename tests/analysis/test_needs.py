"""What it would take: `needs` against brute force on generated maps, and on the real map."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap.analysis import WhatIf, demo_graph, evaluate
from argmap.analysis.needs import needs, stands_under
from argmap.cli import app
from argmap.graph import claim_ids, theses, to_graph
from argmap.semantics import Label
from argmap.store.yaml_map import read_map
from tests.semantics.test_semantics_bipolar import make

MAP = Path(__file__).parents[2] / "maps" / "cybercrime-treaties.yaml"


def brute_minimal(G, claim: str, pool: list[str], kind: str, view: str) -> list[frozenset[str]]:  # type: ignore[no-untyped-def]
    """Every subset-minimal set from ``pool`` whose rejection (or cut) makes ``claim`` stand."""
    works = []
    for size in range(len(pool) + 1):
        for combo in itertools.combinations(pool, size):
            s = frozenset(combo)
            if any(w <= s for w in works):
                continue
            assume = WhatIf(rejected=combo) if kind == "reject" else WhatIf(cut=combo)
            if stands_under(G, claim, assume, view):
                works.append(s)
    return works


@st.composite
def small_maps(draw):  # type: ignore[no-untyped-def]
    n = draw(st.integers(2, 5))
    pairs = draw(
        st.lists(
            st.tuples(
                st.integers(0, n - 1),
                st.integers(0, n - 1),
                st.sampled_from(["attacks", "attacks", "supports", "undercuts"]),
            ),
            max_size=7,
        )
    )
    relations: list[tuple[str, str, str, str]] = []
    for a, b, kind in pairs:
        if kind == "undercuts":
            if not relations:
                continue
            target = relations[b % len(relations)][0]
            relations.append((f"r{len(relations)}", kind, f"c{a}", target))
        elif a != b:
            relations.append((f"r{len(relations)}", kind, f"c{a}", f"c{b}"))
    return make(" ".join(f"c{i}" for i in range(n)), relations)


@settings(max_examples=70, deadline=None)
@given(small_maps(), st.sampled_from(["evidential", "bipolar", "necessary"]))
def test_needs_matches_brute_force(G, view: str) -> None:  # type: ignore[no-untyped-def]
    relations = [n for n, role in G.nodes(data="role") if role == "relation"]
    for claim in claim_ids(G):
        n = needs(G, claim, view)
        assert n.label is evaluate(G, view=view).labels[claim]
        if n.label is Label.IN:
            assert n.reject == n.cut == ()
            continue
        others = [c for c in claim_ids(G) if c != claim]
        for kind, found, pool in (("reject", n.reject, others), ("cut", n.cut, relations)):
            minimal = brute_minimal(G, claim, pool, kind, view)
            expected_sizes = sorted(len(s) for s in minimal)[:3]
            assert [len(s) for s in found] == expected_sizes
            for s in found:
                assert frozenset(s) in minimal  # correct and subset-minimal
            assert len(set(found)) == len(found)


def test_needs_on_a_chain() -> None:
    # t <- o <- p, and q attacks t unanswered: answering q is enough (o is beaten by p).
    G = make(
        "t o p q",
        [("r1", "attacks", "o", "t"), ("r2", "attacks", "p", "o"), ("r3", "attacks", "q", "t")],
    )
    n = needs(G, "t")
    assert n.label is Label.OUT and n.reject == (("q",),) and n.cut == (("r3",),)
    assert needs(G, "o").reject == (("p",),)
    assert needs(G, "p").as_dict() == {"claim": "p", "label": "in", "reject": [], "cut": []}


def test_needs_smallest_first_and_blocked_supersets() -> None:
    # t has two attackers a and b; b can also be beaten by rejecting ... nothing else: the
    # only minimal set is {a, b}; with a defender d of b's attacker, still {a, b}.
    G = make("t a b", [("r1", "attacks", "a", "t"), ("r2", "attacks", "b", "t")])
    assert needs(G, "t").reject == (("a", "b"),)
    assert needs(G, "t").cut == (("r1", "r2"),)


def test_every_thesis_answer_re_evaluated_on_the_map() -> None:
    G = to_graph(read_map(MAP).map)
    for view in ("evidential", "bipolar"):
        labels = evaluate(G, view=view).labels
        for t in theses(G):
            n = needs(G, t, view)
            assert n.label is labels[t]
            assert (n.label is Label.IN) == (not n.reject and not n.cut)
            assert len(n.reject) <= 3 and len(n.cut) <= 3
            sizes = [len(s) for s in n.reject]
            assert sizes == sorted(sizes)
            for s in n.reject:
                assert evaluate(G, view=view, assume=WhatIf(rejected=s)).labels[t] is Label.IN
                for smaller in itertools.combinations(s, len(s) - 1):
                    assume = WhatIf(rejected=smaller)
                    assert evaluate(G, view=view, assume=assume).labels[t] is not Label.IN
            for s in n.cut:
                assert evaluate(G, view=view, assume=WhatIf(cut=s)).labels[t] is Label.IN


def test_needs_unknown_claim() -> None:
    with pytest.raises(KeyError, match="no claim"):
        needs(demo_graph(), "nope")


def test_cli_needs() -> None:
    G = to_graph(read_map(MAP).map)
    labels = evaluate(G).labels
    thesis = next(t for t in theses(G) if labels[t] is not Label.IN)  # the map's content varies
    runner = CliRunner()
    result = runner.invoke(app, ["needs", str(MAP), thesis, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"claim", "label", "reject", "cut"}
    assert data["claim"] == thesis and data["label"] == str(labels[thesis])
    assert data["reject"] and all(isinstance(s, list) for s in data["reject"])
    assert data["reject"] == [list(s) for s in needs(G, thesis).reject]
    text = runner.invoke(app, ["needs", str(MAP), thesis])
    assert text.exit_code == 0 and "To carry it, answer" in text.output
    # Statements where people read, never ids (ids are in --json).
    ids = {c.id for c in read_map(MAP).map.claims} | {r.id for r in read_map(MAP).map.relations}
    assert not [i for i in ids if i in text.output]
    first = needs(G, thesis).reject[0]
    assert all(G.nodes[c]["statement"] in text.output for c in first)
    bad = runner.invoke(app, ["needs", str(MAP), "thesis-nope"])
    assert bad.exit_code == 1 and "no claim" in bad.output
