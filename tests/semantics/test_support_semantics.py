"""Support semantics: the registry of views, their derived attacks, and the worked example of
docs/semantics.md that shows why evidential support is the default for a policy map."""

from __future__ import annotations

import pytest

from argmap.analysis import evaluate
from argmap.semantics import Label, attack_framework
from argmap.semantics.bipolar import describe_argument
from argmap.semantics.framework import DEFAULT_VIEW, VIEW_TABLE, VIEWS
from argmap.semantics.gradual import dfquad
from tests.semantics.test_semantics_bipolar import make

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def worked_example():  # type: ignore[no-untyped-def]
    """docs/semantics.md: two rival theses, t (back the UN treaty) and u (push back).

    f (China backed the 2018 resolution: an undisputed report) supports T; p (Russia and
    China could shape the drafting) attacks t, unanswered; t and u attack each other; r1 and
    r2 are two independent reasons for u; o attacks r1, unanswered.
    """
    return make(
        "t u f p r1 r2 o",
        [
            ("rf", "supports", "f", "t"),
            ("rp", "attacks", "p", "t"),
            ("tu", "attacks", "t", "u"),
            ("ut", "attacks", "u", "t"),
            ("s1", "supports", "r1", "u"),
            ("s2", "supports", "r2", "u"),
            ("ro", "attacks", "o", "r1"),
        ],
    )


def test_default_is_evidential_and_first() -> None:
    assert DEFAULT_VIEW == "evidential" == VIEWS[0]
    assert set(VIEWS) == {"evidential", "bipolar", "necessary", "deductive", "attack-only"}
    assert evaluate(worked_example()).view == "evidential"


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        # t falls to p; u stands on r2 although r1 falls; the report f stands.
        ("evidential", {"t": OUT, "u": IN, "f": IN, "r1": OUT, "r2": IN}),
        # f, through t's attack, knocks out u (supported attack); o, through r1, too (secondary).
        ("bipolar", {"t": OUT, "u": OUT, "f": IN, "r1": OUT, "r2": IN}),
        # o knocks out u through r1 although r2 still backs it (secondary attack).
        ("necessary", {"t": OUT, "u": OUT, "f": IN, "r1": OUT, "r2": IN}),
        # p's attack on t reaches the undisputed report f (mediated attack): f falls.
        ("deductive", {"t": OUT, "u": IN, "f": OUT, "r1": OUT, "r2": IN}),
        ("attack-only", {"t": OUT, "u": IN, "f": IN, "r1": OUT, "r2": IN}),
    ],
)
def test_worked_example(view: str, expected: dict[str, Label]) -> None:
    labels = evaluate(worked_example(), view=view).labels
    assert {c: labels[c] for c in expected} == expected


def test_derived_attacks_per_view() -> None:
    G = worked_example()
    kinds = {
        view: sorted(
            n for n in attack_framework(G, view).names if ":" in n and not n.startswith("not:")
        )
        for view in VIEWS
    }
    assert kinds["evidential"] == kinds["attack-only"] == []
    assert kinds["bipolar"] == ["sec:ro>s1", "sup:rf>tu", "sup:s1>ut", "sup:s2>ut"]
    assert kinds["necessary"] == ["sec:ro>s1"]  # f, r1, r2 attack nothing: no extended attack
    assert kinds["deductive"] == [
        "med:rp>rf",
        "med:tu>s1",
        "med:tu>s2",
        "med:ut>rf",
        "sup:rf>tu",
        "sup:s1>ut",
        "sup:s2>ut",
    ]


def test_extended_attack() -> None:
    # a is necessary for x and a attacks c: x attacks c (Nouioua & Risch).
    G = make("a x c", [("s", "supports", "a", "x"), ("r", "attacks", "a", "c")])
    assert "ext:s>r" in attack_framework(G, "necessary").names
    assert describe_argument("ext:s>r").kind == "extended"
    # Undercutting the support removes the extended attack, not a's own.
    G2 = make(
        "a x c u y",
        [
            ("s", "supports", "a", "x"),
            ("r", "attacks", "a", "c"),
            ("k", "undercuts", "u", "r"),
            ("m", "attacks", "y", "a"),
        ],
    )
    # y defeats a, so x (which needs a) falls by secondary attack; the extended attack of x
    # on c is built on r, which u undercuts: c stands.
    labels = evaluate(G2, view="necessary").labels
    assert labels["c"] is IN and labels["x"] is OUT  # x out: secondary attack y -> a -> x


def test_evidential_strength_counts_supports_attack_only_does_not() -> None:
    G = worked_example()
    assert dfquad(G, view="evidential").strength == dfquad(G, view="bipolar").strength
    assert dfquad(G, view="evidential").strength["u"] > dfquad(G, view="attack-only").strength["u"]


def test_every_view_has_words() -> None:
    for view in VIEW_TABLE.values():
        assert view.title and view.summary.endswith(".")
