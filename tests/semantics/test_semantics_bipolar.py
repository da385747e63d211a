"""The map as a framework: attacks, undercuts, supported and secondary attacks, gradual."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis import WhatIf, evaluate
from argmap.graph import to_graph
from argmap.model import ArgumentMap
from argmap.semantics import Label, attack_framework
from argmap.semantics.bipolar import describe_argument
from argmap.semantics.gradual import dfquad

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def make(claims: str, relations: list[tuple[str, str, str, str]], **scores: float) -> nx.DiGraph:
    """Return the graph of a map with the given claims and (id, type, from, to) relations."""
    return to_graph(
        ArgumentMap.model_validate(
            {
                "title": "T",
                "question": "Q?",
                "sources": [{"id": "src", "title": "S", "kind": "article"}],
                "actors": [{"id": "actor", "name": "A", "kind": "person"}],
                "claims": [
                    {
                        "id": c,
                        "statement": f"Claim {c}.",
                        "source": "src",
                        "actor": "actor",
                        "quote": "q",
                        **({"base_score": scores[c]} if c in scores else {}),
                    }
                    for c in claims.split()
                ],
                "relations": [
                    {"id": rid, "type": rtype, "from": a, "to": b} for rid, rtype, a, b in relations
                ],
            }
        )
    )


def labels(
    G: nx.DiGraph, semantics: str = "grounded", view: str = "bipolar", assume: WhatIf | None = None
) -> dict[str, Label]:
    return evaluate(G, semantics, view, assume=assume).labels


def test_attack() -> None:
    G = make("t o", [("r1", "attacks", "o", "t")])
    assert labels(G) == {"t": OUT, "o": IN}


def test_undercut_defeats_the_relation_not_the_claim() -> None:
    G = make("t o e", [("r1", "attacks", "o", "t"), ("r2", "undercuts", "e", "r1")])
    ev = evaluate(G)
    assert ev.labels == {"t": IN, "o": IN, "e": IN}
    assert ev.relation_labels == {"r1": OUT, "r2": IN}
    # An undercut of the undercut restores the attack.
    G = make(
        "t o e f",
        [
            ("r1", "attacks", "o", "t"),
            ("r2", "undercuts", "e", "r1"),
            ("r3", "undercuts", "f", "r2"),
        ],
    )
    assert labels(G) == {"t": OUT, "o": IN, "e": IN, "f": IN}


def test_undercut_from_a_defeated_claim_does_nothing() -> None:
    G = make(
        "t o e d",
        [("r1", "attacks", "o", "t"), ("r2", "undercuts", "e", "r1"), ("r3", "attacks", "d", "e")],
    )
    assert labels(G) == {"t": OUT, "o": IN, "e": OUT, "d": IN}


def test_supported_attack() -> None:
    # a supports x, x attacks c; y defeats x. a still attacks c through its support of x.
    G = make(
        "a x c y",
        [("s", "supports", "a", "x"), ("r", "attacks", "x", "c"), ("k", "attacks", "y", "x")],
    )
    assert labels(G) == {"a": IN, "x": OUT, "c": OUT, "y": IN}
    assert labels(G, view="attack-only") == {"a": IN, "x": OUT, "c": IN, "y": IN}
    assert "sup:s>r" in attack_framework(G, "bipolar").names


def test_secondary_attack() -> None:
    # a attacks x, x supports c: a attacks c too.
    G = make("a x c", [("r", "attacks", "a", "x"), ("s", "supports", "x", "c")])
    assert labels(G) == {"a": IN, "x": OUT, "c": OUT}
    assert labels(G, view="attack-only") == {"a": IN, "x": OUT, "c": IN}


def test_undercutting_a_support_blocks_the_derived_attack() -> None:
    G = make(
        "a x c u",
        [("r", "attacks", "a", "x"), ("s", "supports", "x", "c"), ("cut", "undercuts", "u", "s")],
    )
    assert labels(G) == {"a": IN, "x": OUT, "c": IN, "u": IN}


def test_cycles_in_a_map() -> None:
    G = make("a b", [("r1", "attacks", "a", "b"), ("r2", "attacks", "b", "a")])
    assert labels(G) == {"a": UNDEC, "b": UNDEC}
    ev = evaluate(G, "preferred")
    assert sorted(sorted(e) for e in ev.extensions or []) == [["a"], ["b"]]
    odd = make(
        "a b c",
        [("r1", "attacks", "a", "b"), ("r2", "attacks", "b", "c"), ("r3", "attacks", "c", "a")],
    )
    ev = evaluate(odd, "stable")
    assert ev.message == "no stable extension exists" and ev.extensions == []
    assert set(ev.labels.values()) == {UNDEC}


def test_what_if_assumptions() -> None:
    G = make("t o", [("r1", "attacks", "o", "t")])
    assert labels(G, assume=WhatIf(rejected=["o"])) == {"t": IN, "o": OUT}
    assert labels(G, assume=WhatIf(accepted=["t"])) == {"t": IN, "o": IN}
    assert labels(G, assume=WhatIf(cut=["r1"])) == {"t": IN, "o": IN}
    with pytest.raises(KeyError):
        attack_framework(G, assume=WhatIf(rejected=["nope"]))
    with pytest.raises(ValueError, match="unknown view"):
        attack_framework(G, view="sideways")


def test_describe_argument() -> None:
    G = make("t o", [("r1", "attacks", "o", "t")])
    kinds = {n: describe_argument(n, G).kind for n in attack_framework(G).names}
    assert kinds == {"t": "claim", "o": "claim", "r1": "relation", "not:o": "not"}


# Gradual semantics (DF-QuAD)


def test_base_score_respected_without_relations() -> None:
    G = make("a b", [], a=0.8)
    assert dfquad(G).strength == {"a": 0.8, "b": 0.5}
    assert dfquad(G, {"b": 0.1}).strength == {"a": 0.8, "b": 0.1}
    with pytest.raises(ValueError, match="must be in"):
        dfquad(G, {"a": 2.0})


def test_attacker_lowers_supporter_raises() -> None:
    alone = dfquad(make("t o", [])).strength["t"]
    attacked = dfquad(make("t o", [("r", "attacks", "o", "t")])).strength["t"]
    supported = dfquad(make("t o", [("r", "supports", "o", "t")])).strength["t"]
    assert attacked == pytest.approx(0.25) and attacked < alone
    assert supported == pytest.approx(0.75) and supported > alone


def test_undercut_weakens_the_relation() -> None:
    plain = make("t o", [("r", "attacks", "o", "t")])
    undercut = make("t o u", [("r", "attacks", "o", "t"), ("x", "undercuts", "u", "r")], u=1.0)
    result = dfquad(undercut)
    assert result.relation_weight["r"] == 0.0
    assert result.strength["t"] == 0.5 > dfquad(plain).strength["t"]


def test_cycle_converges() -> None:
    G = make("a b", [("r1", "attacks", "a", "b"), ("r2", "attacks", "b", "a")])
    result = dfquad(G)
    assert result.converged
    assert result.strength["a"] == pytest.approx(result.strength["b"])
    assert result.strength["a"] == pytest.approx(1 / 3)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 5), st.sampled_from(["attacks", "supports"])),
        max_size=12,
    ),
    st.lists(st.floats(0, 1), min_size=6, max_size=6),
)
def test_gradual_properties_on_random_maps(
    edges: list[tuple[int, int, str]], scores: list[float]
) -> None:
    relations = [(f"r{k}", t, f"c{a}", f"c{b}") for k, (a, b, t) in enumerate(edges) if a != b]
    base = {f"c{i}": s for i, s in enumerate(scores)}
    G = make(" ".join(f"c{i}" for i in range(6)), relations)
    result = dfquad(G, base)
    for c, value in result.strength.items():
        assert 0.0 <= value <= 1.0
        kinds = {t for _, t, _, b in relations if b == c}
        if kinds == {"attacks"}:
            assert value <= base[c] + 1e-9
        elif kinds == {"supports"}:
            assert value >= base[c] - 1e-9
        elif not kinds:
            assert value == base[c]
    if result.converged:  # a fixpoint: one more round of the DF-QuAD equations moves nothing
        for c in result.strength:
            va = 1 - math.prod(1 - result.strength[o] for _, t, o, b in relations
                               if b == c and t == "attacks")  # fmt: skip
            vs = 1 - math.prod(1 - result.strength[o] for _, t, o, b in relations
                               if b == c and t == "supports")  # fmt: skip
            b = base[c]
            want = b - b * (va - vs) if va >= vs else b + (1 - b) * (vs - va)
            assert result.strength[c] == pytest.approx(want, abs=1e-6)


def test_acyclic_map_takes_one_pass() -> None:
    G = make("t a b", [("r1", "attacks", "a", "t"), ("r2", "supports", "b", "a")])
    result = dfquad(G)
    assert result.iterations == 1 and result.converged
    assert result.strength == {"t": 0.5 - 0.5 * 0.75, "a": 0.75, "b": 0.5}
