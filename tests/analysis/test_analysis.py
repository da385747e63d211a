"""Analysis on small hand-made maps: exact results."""

from __future__ import annotations

from argmap.analysis import (
    Attack,
    Crux,
    Label,
    WhatIf,
    centrality,
    cruxes,
    demo_graph,
    evaluate,
    label_report,
    positions,
    strongest_objections,
    unanswered_attacks,
    what_if,
    why,
)
from tests.semantics.test_semantics_bipolar import make

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def chain():  # type: ignore[no-untyped-def]
    """t <- o <- p (p attacks o attacks t), and q attacks t unanswered."""
    return make(
        "t o p q",
        [("r1", "attacks", "o", "t"), ("r2", "attacks", "p", "o"), ("r3", "attacks", "q", "t")],
    )


def test_evaluate_labels_and_strength() -> None:
    ev = evaluate(chain())
    assert ev.labels == {"t": OUT, "o": OUT, "p": IN, "q": IN}
    assert ev.standing() == ["p", "q"]
    assert ev.complete and ev.message == ""
    assert ev.strength["p"] == 0.5 and ev.strength["t"] < 0.5


def test_why_reinstatement_in_plain_words() -> None:
    G = make("t o p", [("r1", "attacks", "o", "t"), ("r2", "attacks", "p", "o")])
    ev = evaluate(G)
    assert why(G, ev, "t") == (
        "“Claim t” is in: every attack on it fails: “Claim o” attacks it, but “Claim o” is out."
    )
    assert why(G, ev, "o") == (
        "“Claim o” is out: “Claim p” attacks it, and “Claim p” is in: nothing attacks it."
    )
    assert why(G, ev, "p") == "“Claim p” is in: nothing attacks it."


def test_what_if_lists_exactly_the_changes() -> None:
    G = chain()
    changes = what_if(G, WhatIf(rejected=["q"]))
    assert [(c.claim, c.before, c.after) for c in changes] == [("t", OUT, IN), ("q", IN, OUT)]
    assert changes[1].reason == "“Claim q” is out: you assumed it rejected."
    cut = what_if(G, WhatIf(cut=["r2"]))
    assert [(c.claim, c.before, c.after) for c in cut] == [("o", OUT, IN)]


def test_cruxes() -> None:
    # t is out because of q alone (o is beaten by p): q and, through o, p are not equal.
    assert cruxes(chain(), "t") == [Crux("q", OUT, IN)]
    assert [c.claim for c in cruxes(demo_graph(), "thesis")] == ["cost", "subsidy", "doubt"]


def test_unanswered_attacks() -> None:
    assert unanswered_attacks(chain()) == [Attack("r2", "p", "o"), Attack("r3", "q", "t")]
    assert unanswered_attacks(chain(), "t") == [Attack("r3", "q", "t")]


def test_strongest_objection() -> None:
    G = make("t o q", [("r1", "attacks", "o", "t"), ("r3", "attacks", "q", "t")], q=0.9)
    assert [o.attacker for o in strongest_objections(G, "t")] == ["q", "o"]


def test_positions_and_matrix() -> None:
    G = demo_graph()
    p = positions(G, evaluate(G))
    assert p.sources["jo-blog"].claims == ["cost", "doubt"]
    assert p.sources["jo-blog"].standing == ["cost"]
    assert p.actors["jo"].standing == ["cost"]
    assert p.agreement == {"gov": {"gov": 1, "jo": 0}, "jo": {"gov": 0, "jo": 0}}
    # jo attacks the thesis and the subsidy; gov attacks doubt and undercuts jo's attack.
    assert p.conflict == {"gov": {"gov": 0, "jo": 2}, "jo": {"gov": 2, "jo": 0}}


def test_centrality() -> None:
    assert centrality(chain()) == {"p": 2 / 3, "o": 1 / 3, "q": 1 / 3, "t": 0.0}


def test_label_report_and_sceptical_preferred() -> None:
    report = label_report(demo_graph(), "preferred")
    assert report["extensions"] == [
        ["cost", "doubt", "jobs"],
        ["cost", "jobs", "subsidy", "thesis"],
    ]
    assert {c["id"]: c["label"] for c in report["claims"]} == {
        "thesis": "undec",
        "cost": "in",
        "subsidy": "undec",
        "doubt": "undec",
        "jobs": "in",
    }
