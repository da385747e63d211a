"""Audiences: VAF defeat and acceptance across audiences, against brute force."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.evaluate import evaluate
from argmap.graph import claim_ids, theses, to_graph
from argmap.model import ArgumentMap
from argmap.semantics.audiences import Acceptance, Weighing
from argmap.semantics.bipolar import attack_framework
from argmap.semantics.dung import solve
from argmap.semantics.framework import Framework, Label
from argmap.semantics.values import (
    Ranking,
    audience_named,
    audiences,
    parse_ranking,
    ranking_from_order,
)
from argmap.store.yaml_map import read_map

FIXTURE = Path(__file__).parents[1] / "fixtures" / "values.yaml"
VALUES = ["v0", "v1", "v2"]


def build(
    claim_values: list[list[str]], relations: list[tuple[str, int, int]], undercuts=()
) -> ArgumentMap:
    claims = [
        {"id": f"c{i}", "statement": "x", "source": "s", "actor": "a", "quote": "q", "values": vs}
        for i, vs in enumerate(claim_values)
    ]
    rels = [
        {"id": f"r{k}", "type": t, "from": f"c{a}", "to": f"c{b}"}
        for k, (t, a, b) in enumerate(relations)
    ]
    rels += [
        {"id": f"u{k}", "type": "undercuts", "from": f"c{a}", "to": f"r{r}"}
        for k, (a, r) in enumerate(undercuts)
    ]
    return ArgumentMap.model_validate(
        {
            "title": "T",
            "question": "Q?",
            "sources": [{"id": "s", "title": "S", "kind": "article"}],
            "actors": [{"id": "a", "name": "A", "kind": "person"}],
            "values": [{"id": v, "name": v} for v in VALUES],
            "claims": claims,
            "relations": rels,
        }
    )


@st.composite
def maps(draw, *, one_value: bool, supports: bool, undercut: bool = False):
    n = draw(st.integers(2, 6))
    if one_value:
        vals = [[draw(st.sampled_from(VALUES))] for _ in range(n)]
    else:
        vals = [sorted(draw(st.sets(st.sampled_from(VALUES), max_size=2))) for _ in range(n)]
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1]),
            max_size=9,
            unique=True,
        )
    )
    types = ["attacks", "supports"] if supports else ["attacks"]
    rels = [(draw(st.sampled_from(types)), a, b) for a, b in pairs]
    cuts = []
    if undercut and rels:
        cuts = [(draw(st.integers(0, n - 1)), draw(st.integers(0, len(rels) - 1)))]
    return build(vals, rels, cuts), draw(st.permutations(VALUES))


def claim_level_defeat(m: ArgumentMap, order: list[str], bipolar: bool) -> Framework:
    """Bench-Capon defeat, written out at the claim level: direct attacks, and (bipolar)
    the supported (a supports x, x attacks c) and secondary (a attacks x, x supports c)
    attacks of Cayrol & Lagasquie-Schiex, each from a on c; it succeeds unless c's best
    value is ranked strictly above a's."""
    vals = {c.id: c.values for c in m.claims}
    rank = {v: k for k, v in enumerate(order)}
    direct = {(r.from_, r.to) for r in m.relations if r.type == "attacks"}
    attacks = set(direct)
    if bipolar:  # one step of support next to one attack, as argmap.semantics.bipolar
        supports = {(r.from_, r.to) for r in m.relations if r.type == "supports"}
        attacks |= {(a, c) for a, x in supports for y, c in direct if x == y}
        attacks |= {(a, c) for a, x in direct for y, c in supports if x == y}

    def defeats(a: str, c: str) -> bool:
        if not vals[a] or not vals[c]:
            return True
        return not min(rank[v] for v in vals[c]) < min(rank[v] for v in vals[a])

    ids = [c.id for c in m.claims]
    return Framework.from_attacks(ids, [(a, c) for a, c in sorted(attacks) if defeats(a, c)])


def claim_labels(m: ArgumentMap, order: list[str], view: str, semantics: str) -> dict[str, Label]:
    ev = evaluate(to_graph(m), semantics, view, audience=ranking_from_order(order))
    return ev.labels


@settings(max_examples=60, deadline=None)
@given(maps(one_value=True, supports=False))
def test_attack_only_equals_bench_capon_defeat(case) -> None:
    m, order = case
    fw = claim_level_defeat(m, order, bipolar=False)
    for semantics in ("grounded", "preferred"):
        expected = dict(zip(fw.names, solve(fw, semantics).labels or [], strict=True))
        assert claim_labels(m, order, "attack-only", semantics) == expected


@settings(max_examples=150, deadline=None)
@given(maps(one_value=False, supports=True))
def test_bipolar_with_several_values_equals_claim_level_defeat(case) -> None:
    m, order = case
    fw = claim_level_defeat(m, order, bipolar=True)
    expected = dict(zip(fw.names, solve(fw, "grounded").labels or [], strict=True))
    assert claim_labels(m, order, "bipolar", "grounded") == expected


def brute_acceptance(m: ArgumentMap, view: str, semantics: str) -> dict[str, Acceptance]:
    G = to_graph(m)
    fw = attack_framework(G, view)
    ins = [
        {
            c
            for c, label in evaluate(
                G, semantics, view, audience=ranking_from_order(p)
            ).labels.items()
            if label is Label.IN
        }
        for p in itertools.permutations(VALUES)
    ]
    return {
        c: (Acceptance.OBJECTIVE if fw.attackers[fw.index[c]] else Acceptance.UNCONTESTED)
        if all(c in s for s in ins)
        else Acceptance.SUBJECTIVE
        if any(c in s for s in ins)
        else Acceptance.INDEFENSIBLE
        for c in claim_ids(G)
    }


@settings(max_examples=60, deadline=None)
@given(maps(one_value=False, supports=True, undercut=True))
def test_acceptance_and_stands_when_match_brute_force(case) -> None:
    m, _ = case
    G = to_graph(m)
    fw = attack_framework(G, "bipolar")
    expected = brute_acceptance(m, "bipolar", "grounded")
    asp = Weighing(fw, G, method="asp")
    assert asp.acceptance(claim_ids(G)) == expected
    assert Weighing(fw, G, method="enumerate").acceptance(claim_ids(G)) == expected
    for c in claim_ids(G):
        sets = asp.stands_when(c)
        check_stands_when(G, c, sets, expected[c])


def check_stands_when(G, claim: str, sets, acceptance: Acceptance) -> None:
    def stands(order) -> bool:
        ev = evaluate(G, view="bipolar", audience=ranking_from_order(order))
        return ev.labels[claim] is Label.IN

    orders = list(itertools.permutations(VALUES))
    if acceptance is Acceptance.INDEFENSIBLE:
        assert sets == []
        return
    assert sets, claim
    if acceptance in (Acceptance.OBJECTIVE, Acceptance.UNCONTESTED):
        assert sets == [frozenset()]
        return
    for prefs in sets:
        agree = [o for o in orders if all(o.index(v) < o.index(w) for v, w in prefs)]
        assert agree and all(stands(o) for o in agree), (claim, prefs)
        for p in prefs:  # minimal: dropping any one preference lets it fall somewhere
            rest = prefs - {p}
            assert any(
                not stands(o) for o in orders if all(o.index(v) < o.index(w) for v, w in rest)
            ), (claim, prefs, p)
    sizes = [len(s) for s in sets]
    assert sizes == sorted(
        sizes
    )  # smallest first (exactness: tests/semantics/test_weighing_exact.py)


@settings(max_examples=40, deadline=None)
@given(maps(one_value=True, supports=False))
def test_enumeration_answers_preferred_like_brute_force(case) -> None:
    m, _ = case
    G = to_graph(m)
    fw = attack_framework(G, "attack-only")
    for semantics in ("preferred", "stable"):  # split on the grounded extension, memoised
        w = Weighing(fw, G, semantics)
        assert w.method == "enumerate"
        assert w.acceptance(claim_ids(G)) == brute_acceptance(m, "attack-only", semantics)


def test_the_three_value_map_theses() -> None:
    G = to_graph(read_map(FIXTURE).map)
    w = Weighing(attack_framework(G), G)
    assert w.acceptance(theses(G)) == {
        "t-budapest": Acceptance.SUBJECTIVE,
        "t-treaty": Acceptance.SUBJECTIVE,
        "t-rights": Acceptance.SUBJECTIVE,
        "t-capacity": Acceptance.UNCONTESTED,  # only supported: nothing disputes it
        "t-nothing": Acceptance.INDEFENSIBLE,
    }
    assert w.stands_when("t-budapest")[0] == frozenset({("security", "sovereignty")})
    assert w.necessary("t-budapest") == [("security", "sovereignty")]
    # The undercut by safeguards (no values) always holds, so sovereignty > security suffices.
    assert w.stands_when("t-treaty")[0] == frozenset({("sovereignty", "security")})
    assert w.necessary("t-rights") == [
        ("human-rights", "security"),
        ("human-rights", "sovereignty"),
    ]
    assert frozenset(w.necessary("t-rights")) in w.stands_when("t-rights")
    assert w.stands_when("t-capacity") == [frozenset()]
    assert w.stands_when("t-nothing") == []
    standing = {
        a.id: [t for t in theses(G) if evaluate(G, audience=a).labels[t] is Label.IN]
        for a in audiences(G)
    }
    assert standing == {
        "ministry-view": ["t-budapest", "t-capacity"],
        "delegation-view": ["t-treaty", "t-capacity"],
        # The campaign ranks human rights alone: it never said rights outweigh security or
        # sovereignty, so those attacks on its thesis succeed for it (incomparable values).
        "campaign-view": ["t-treaty", "t-capacity"],
    }


def test_no_values_or_no_audience_labels_as_today() -> None:
    m = read_map(FIXTURE).map
    bare = m.model_copy(update={"claims": [c.model_copy(update={"values": []}) for c in m.claims]})
    G, B = to_graph(m), to_graph(bare)
    plain = evaluate(B).labels
    for a in audiences(G):
        assert evaluate(B, audience=a).labels == plain
    assert evaluate(G).labels == plain  # values alone change nothing without an audience
    assert evaluate(G, audience=audience_named(G, "ministry-view")).labels != plain


def test_ranking_parsing_and_lookup_errors() -> None:
    G = to_graph(read_map(FIXTURE).map)
    r = parse_ranking(
        "sovereignty>security=human-rights", ["security", "human-rights", "sovereignty"]
    )
    assert r == Ranking((("sovereignty",), ("security", "human-rights")))
    assert (
        evaluate(G, audience=r).labels
        == evaluate(G, audience=audience_named(G, "delegation-view")).labels
    )
    with pytest.raises(ValueError, match="ranked twice"):
        parse_ranking("a>b=a", ["a", "b"])
    with pytest.raises(ValueError, match="empty tier"):
        parse_ranking("a>>b", ["a", "b"])
    with pytest.raises(KeyError, match="did you mean 'campaign-view'"):
        audience_named(G, "campaign")


def test_discussion_questions_on_value_conflicts() -> None:
    from argmap.products.questions import discussion_questions

    G = to_graph(read_map(FIXTURE).map)
    value_qs = [q for q in discussion_questions(G, evaluate(G)) if q.kind == "value"]
    assert [q.text.split("?")[0] for q in value_qs] == [
        "Is security worth more than sovereignty, or less",
        "Is human rights worth more than security, or less",
        "Is human rights worth more than sovereignty, or less",
    ]
    first = value_qs[0]
    assert first.claims == ("t-budapest", "t-treaty")
    # Asked because each thesis needs one answer: necessary, not merely sufficient.
    assert "“Join the Budapest Convention” stands only if security ranks above sovereignty" in (
        first.because
    )
    only = discussion_questions(G, evaluate(G), thesis="t-rights")
    assert [q.claims for q in only if q.kind == "value"] == [("t-rights",), ("t-rights",)]
    bare = to_graph(
        read_map(FIXTURE).map.model_copy(
            update={
                "values": [],
                "audiences": [],
                "claims": [
                    c.model_copy(update={"values": []}) for c in read_map(FIXTURE).map.claims
                ],
            }
        )
    )
    assert not [q for q in discussion_questions(bare, evaluate(bare)) if q.kind == "value"]
