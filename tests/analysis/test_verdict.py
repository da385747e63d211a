"""What a label means: refutation, open disagreement, dependence, defence, in words."""

from __future__ import annotations

from argmap.analysis import WhatIf, demo_graph, evaluate
from argmap.analysis.verdict import Standing, verdict
from argmap.semantics import Label
from tests.semantics.test_semantics_bipolar import make


def v(G, claim: str, **kw):  # type: ignore[no-untyped-def]
    return verdict(G, evaluate(G, **kw), claim)


def test_refuted_by_unanswered_objection_named_by_statement() -> None:
    G = make("t o", [("r1", "attacks", "o", "t")])
    result = v(G, "t")
    assert result.label is Label.OUT and result.kind is Standing.REFUTED and result.refuted
    assert result.objections == ("o",)
    assert result.text == "Refuted by the unanswered objection “Claim o”."
    assert "r1" not in result.text and " o " not in result.text  # statements, never ids


def test_refuted_by_an_objection_whose_answers_fail() -> None:
    # p attacks o, q attacks p: o is reinstated and refutes t although it is attacked.
    G = make(
        "t o p q",
        [("r1", "attacks", "o", "t"), ("r2", "attacks", "p", "o"), ("r3", "attacks", "q", "p")],
    )
    result = v(G, "t")
    assert result.kind is Standing.REFUTED and result.objections == ("o",)
    assert result.text == "Refuted by: the objection “Claim o”, whose answers fail."


def test_open_disagreement_is_not_a_refutation() -> None:
    G = make("a b", [("r1", "attacks", "a", "b"), ("r2", "attacks", "b", "a")])
    for claim, rival in (("a", "b"), ("b", "a")):
        result = v(G, claim)
        assert result.label is Label.UNDEC and result.kind is Standing.DISAGREEMENT
        assert result.disagreement and not result.refuted
        assert result.objections == (rival,)
        assert f"“Claim {rival}” and this claim attack each other" in result.text


def test_disagreement_round_a_cycle() -> None:
    G = make(
        "a b c",
        [("r1", "attacks", "a", "b"), ("r2", "attacks", "b", "c"), ("r3", "attacks", "c", "a")],
    )
    assert v(G, "a").kind is Standing.DISAGREEMENT and v(G, "a").objections == ("c",)


def test_hangs_on_a_disagreement_elsewhere() -> None:
    # a and b attack each other; b attacks t: t is undecided, but t is in no disagreement.
    G = make(
        "t a b",
        [("r1", "attacks", "a", "b"), ("r2", "attacks", "b", "a"), ("r3", "attacks", "b", "t")],
    )
    result = v(G, "t")
    assert result.kind is Standing.DEPENDS and result.objections == ("b",)
    assert result.text.startswith("Undecided: it hangs on an open disagreement.")
    assert "“Claim a” and “Claim b”" in result.text


def test_stands_unchallenged_or_defended() -> None:
    G = make("t o p", [("r1", "attacks", "o", "t"), ("r2", "attacks", "p", "o")])
    assert v(G, "p").kind is Standing.UNCHALLENGED
    assert v(G, "p").text == "Stands: nothing in the map attacks it."
    defended = v(G, "t")
    assert defended.kind is Standing.DEFENDED and defended.objections == ("o",)
    assert defended.text == "Stands: every objection to it is answered (“Claim o”)."


def test_assumption_named() -> None:
    G = make("t o", [])
    result = v(G, "t", assume=WhatIf(rejected=["t"]))
    assert result.kind is Standing.ASSUMED and "you assumed it rejected" in result.text


def test_split_under_preferred() -> None:
    G = make("a b", [("r1", "attacks", "a", "b"), ("r2", "attacks", "b", "a")])
    result = v(G, "a", semantics="preferred")
    assert result.kind is Standing.SPLIT and "1 of the 2 preferred positions" in result.text


def test_derived_attack_names_the_claim_behind_it() -> None:
    # Under bipolar, f backs t which attacks u: f (unattacked) defeats u.
    G = make(
        "t u f",
        [("s", "supports", "f", "t"), ("r", "attacks", "t", "u"), ("k", "attacks", "u", "t")],
    )
    result = v(G, "u", view="bipolar")
    assert result.kind is Standing.REFUTED and set(result.objections) == {"t", "f"}
    assert "the unanswered objection “Claim f”" in result.text
    assert v(G, "u").kind is Standing.DISAGREEMENT  # evidential: t and u disagree


def test_demo_thesis() -> None:
    G = demo_graph()
    result = verdict(G, evaluate(G), "thesis")
    assert result.kind is Standing.DEPENDS and result.objections == ("cost",)
