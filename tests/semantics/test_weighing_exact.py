"""Weighing checked against a brute force over every ordering, on maps generated here.

The brute force shares only the map-to-framework translation (``attack_framework`` and
``stands_for``, tested on their own elsewhere) with the code under test. It decides each
attack by the rule as docs/semantics.md states it, labels with a plain grounded fixpoint,
and finds necessary and sufficient preferences by looking at every ordering and every set
of preferences. Partial rankings, acceptance (uncontested apart from objective), necessary
pairs and the three smallest sufficient sets must agree exactly.
"""

from __future__ import annotations

import itertools
import random

import pytest

from argmap.analysis import label_report
from argmap.analysis.audiences import audience_report, standing_of, standing_words
from argmap.graph import to_graph
from argmap.model import ArgumentMap
from argmap.semantics.audiences import covering_pairs
from argmap.semantics.bipolar import attack_framework
from argmap.semantics.framework import Framework
from argmap.semantics.reading import reading_of
from argmap.semantics.values import Ranking, claim_values, stands_for

VIEWS = ["evidential", "bipolar", "attack-only"]


def generated_map(seed: int, n_values: int) -> ArgumentMap:
    """A small random debate: practical claims with one or two values, factual ones with
    none, attacks, supports and undercuts."""
    rnd = random.Random(seed)
    values = [f"v{k}" for k in range(n_values)]
    n = rnd.randint(4, 8)
    claims = []
    for k in range(n):
        factual = rnd.random() < 0.3
        claims.append(
            {
                "id": f"c{k}",
                "statement": f"Claim {k}.",
                "kind": "fact" if factual else ("thesis" if k == 0 else "judgement"),
                "source": "s",
                "actor": "a",
                "quote": "q",
                "values": [] if factual else rnd.sample(values, rnd.choice([1, 1, 2])),
            }
        )
    relations: list[dict[str, str]] = []
    for k in range(rnd.randint(n, 2 * n)):
        a, b = rnd.sample(range(n), 2)
        kind = rnd.choice(["attacks", "attacks", "attacks", "supports"])
        relations.append({"id": f"r{k}", "type": kind, "from": f"c{a}", "to": f"c{b}"})
    for k in range(rnd.randint(0, 2)):
        target = rnd.choice(relations)["id"]
        relations.append(
            {"id": f"u{k}", "type": "undercuts", "from": f"c{rnd.randrange(n)}", "to": target}
        )
    relations = [r for r in relations if not (r["type"] == "undercuts" and r["from"] == r["to"])]
    return ArgumentMap.model_validate(
        {
            "title": "Generated",
            "question": "What should be done?",
            "sources": [{"id": "s", "title": "S", "kind": "article"}],
            "actors": [{"id": "a", "name": "A", "kind": "person"}],
            "values": [{"id": v, "name": f"value {v}"} for v in values],
            "claims": claims,
            "relations": relations,
        }
    )


def fails(against: frozenset[str], source: frozenset[str], tier: dict[str, int]) -> bool:
    """The rule: both sides rank a value, and the target's best ranked value is strictly
    higher than the attacker's best ranked value."""
    a = [tier[v] for v in against if v in tier]
    s = [tier[v] for v in source if v in tier]
    return bool(a) and bool(s) and min(a) < min(s)


def brute_in(fw: Framework, G, tier: dict[str, int]) -> set[int]:
    """The grounded extension of the attacks that succeed for ``tier`` (plain fixpoint)."""
    values = claim_values(G)
    carried = stands_for(fw, G)

    def weighed(i: int) -> frozenset[str] | None:
        c = carried[i]
        if c is None or fw.names[i].startswith(("not:", "assume:")):
            return None
        return values.get(c)

    attackers: list[set[int]] = [set() for _ in range(len(fw))]
    for a, targets in enumerate(fw.targets):
        for t in targets:
            va, vt = weighed(a), weighed(t)
            if va and vt and fails(vt, va, tier):
                continue
            attackers[t].add(a)
    inside: set[int] = set()
    out: set[int] = set()
    changed = True
    while changed:
        changed = False
        for x in range(len(fw)):
            if x not in inside and attackers[x] <= out:
                inside.add(x)
                changed = True
        for x in range(len(fw)):
            if x not in out and attackers[x] & inside:
                out.add(x)
                changed = True
    return inside


def orders(values: list[str]):
    for order in itertools.permutations(values):
        yield order, {v: k for k, v in enumerate(order)}


def agrees(tier: dict[str, int], prefs) -> bool:
    return all(tier[v] < tier[w] for v, w in prefs)


def deciding_values(fw: Framework, G, target: int, order: list[str]) -> list[str]:
    """The values of the weighed attacks on arguments that can reach ``target``."""
    reach = {target}
    stack = [target]
    while stack:
        for a in fw.attackers[stack.pop()]:
            if a not in reach:
                reach.add(a)
                stack.append(a)
    values = claim_values(G)
    carried = stands_for(fw, G)
    used: set[str] = set()
    for a, targets in enumerate(fw.targets):
        for t in targets:
            if t not in reach:
                continue
            ca, ct = carried[a], carried[t]
            helper = fw.names[a].startswith(("not:", "assume:")) or fw.names[t].startswith(
                ("not:", "assume:")
            )
            if ca in values and ct in values and not helper:
                used |= values[ca] | values[ct]
    return [v for v in order if v in used]


def brute_sufficient(good: list[dict[str, int]], bad: list[dict[str, int]], pairs, limit=3):
    found: list[frozenset] = []
    for size in range(1, len(pairs) + 1):
        for combo in itertools.combinations(pairs, size):
            s = frozenset(combo)
            if any(f <= s for f in found):
                continue
            consistent = [t for t in good + bad if agrees(t, combo)]
            if consistent and not any(agrees(t, combo) for t in bad):
                found.append(s)
                if len(found) == limit:
                    return found
        if found:
            pass
    return found


@pytest.mark.parametrize("seed", range(40))
def test_partial_rankings_label_like_the_brute_force(seed: int) -> None:
    m = generated_map(seed, random.Random(seed).choice([3, 4]))
    G = to_graph(m)
    rnd = random.Random(1000 + seed)
    values = [v.id for v in m.values]
    for view in VIEWS:
        fw = attack_framework(G, view)
        for _ in range(4):
            listed = rnd.sample(values, rnd.randint(1, len(values)))
            text, tier = "", {}
            for k, v in enumerate(listed):
                sep = "" if k == 0 else rnd.choice([">", ">", "="])
                text += sep + v
            for level, part in enumerate(text.split(">")):
                for v in part.split("="):
                    tier[v] = level
            reading = reading_of(G, support=view, rank=text)
            report = label_report(G, reading.semantics, view, audience=reading.audience)
            expected = brute_in(fw, G, tier)
            got = {c["id"] for c in report["claims"] if c["label"] == "in"}
            claims = {n for n, role in G.nodes(data="role") if role == "claim"}
            assert got == {fw.names[i] for i in expected} & claims, (seed, view, text)


@pytest.mark.parametrize("seed", range(40))
def test_audiences_acceptance_necessary_and_sufficient_are_exact(seed: int) -> None:
    m = generated_map(seed, random.Random(seed).choice([3, 4]))
    G = to_graph(m)
    values = [v.id for v in m.values]
    for view in VIEWS:
        fw = attack_framework(G, view)
        table = [(tier, brute_in(fw, G, tier)) for _, tier in orders(values)]
        report = audience_report(G, "grounded", view)
        for claim in report.claims:
            i = fw.index[claim.id]
            inside = [tier for tier, ins in table if i in ins]
            if len(inside) == len(table):
                want = "objective" if fw.attackers[i] else "uncontested"
            else:
                want = "subjective" if inside else "indefensible"
            assert claim.acceptance.value == want, (seed, view, claim.id)
        # Every claim asked about, not only the thesis: each gets the same exact answers.
        for t in [standing_of(G, c.id, "grounded", view) for c in report.claims]:
            i = fw.index[t.id]
            good = [tier for tier, ins in table if i in ins]
            bad = [tier for tier, ins in table if i not in ins]
            every = {(v, w) for v in values for w in values if v != w}
            common = (
                {p for p in every if all(agrees(tier, [p]) for tier in good)} if good else set()
            )
            assert set(t.necessary) == common, (seed, view, t.id)
            if not bad:
                assert t.preferences == [frozenset()]
                continue
            if not good:
                assert t.preferences == []
                continue
            deciding = deciding_values(fw, G, i, values)
            pairs = [(v, w) for v in deciding for w in deciding if v != w]
            assert t.exact
            assert t.preferences == brute_sufficient(good, bad, pairs), (seed, view, t.id)
            # "Given that (what it needs), it stands whenever (the rest of a set)": what the
            # words show, the needed pairs argmap prints and each set's rest, suffices.
            rest = [p - set(t.necessary) for p in t.preferences]
            assert bool(t.given_needs) == bool(t.necessary and all(rest)), (seed, view, t.id)
            shown = covering_pairs(t.necessary)
            for r in rest if t.given_needs else []:
                combo = [*shown, *r]
                assert not any(agrees(tier, combo) for tier in bad), (seed, view, t.id, r)
                assert any(agrees(tier, combo) for tier in good), (seed, view, t.id, r)


def test_worked_example_of_the_docs() -> None:
    """Worked example of docs/semantics.md: the thesis needs rights above security and
    stands whenever rights rank above both security and sovereignty."""
    m = ArgumentMap.model_validate(
        {
            "title": "Example",
            "question": "Join?",
            "sources": [{"id": "s", "title": "S", "kind": "article"}],
            "actors": [{"id": "a", "name": "A", "kind": "person"}],
            "values": [
                {"id": "rights", "name": "human rights"},
                {"id": "security", "name": "security"},
                {"id": "sovereignty", "name": "sovereignty"},
            ],
            "claims": [
                {"id": "t", "statement": "Put conditions on the treaty.", "kind": "thesis",
                 "source": "s", "actor": "a", "quote": "q", "values": ["rights"]},
                {"id": "slow", "statement": "Conditions slow investigations down.",
                 "kind": "judgement", "source": "s", "actor": "a", "quote": "q",
                 "values": ["security"]},
                {"id": "meddle", "statement": "Conditions meddle in states' affairs.",
                 "kind": "judgement", "source": "s", "actor": "a", "quote": "q",
                 "values": ["sovereignty"]},
                {"id": "fact", "statement": "Conditions were dropped from the last treaty.",
                 "kind": "fact", "source": "s", "actor": "a", "quote": "q"},
            ],
            "relations": [
                {"id": "r1", "type": "attacks", "from": "slow", "to": "t"},
                {"id": "r2", "type": "attacks", "from": "meddle", "to": "t"},
                {"id": "r3", "type": "supports", "from": "fact", "to": "slow"},
            ],
        }
    )  # fmt: skip
    G = to_graph(m)
    report = audience_report(G)
    t = report.thesis("t")
    assert t.acceptance.value == "subjective"
    assert t.necessary == [("rights", "security"), ("rights", "sovereignty")]
    assert frozenset(t.necessary) in t.preferences and t.iff
    assert standing_words(t) == [
        "It stands if, and only if, human rights above security and sovereignty."
    ]
    assert report.claim("fact").acceptance.value == "uncontested"
    # A partial ranking: sovereignty unranked is incomparable, so its attack succeeds.
    only = label_report(G, audience=Ranking((("rights",), ("security",))))
    assert {c["id"]: c["label"] for c in only["claims"]}["t"] == "out"
    why = {r["id"]: r for r in only["relations"]}
    assert (
        why["r1"]["succeeds"] is False and "human rights ranks above security" in why["r1"]["why"]
    )
    assert why["r2"]["succeeds"] is True


def test_the_map_pages_bottom_line_says_what_a_thesis_needs() -> None:
    """The bottom line beside the map carries the exact necessary preferences: the same
    words as the values page and ``argmap audiences``."""
    from pathlib import Path

    from argmap.analysis import evaluate
    from argmap.analysis.audiences import thesis_needs
    from argmap.store.yaml_map import read_map
    from argmap.view.bottom_line import thesis_lines

    G = to_graph(read_map(Path(__file__).parents[1] / "fixtures" / "values.yaml").map)
    needs = thesis_needs(G)
    assert needs == {
        "t-budapest": "security above sovereignty",
        "t-treaty": "sovereignty above security",
        "t-rights": "human rights above security and sovereignty",
    }  # the uncontested and the indefensible thesis need nothing of a ranking
    lines = {line.thesis: line.text for line in thesis_lines(G, evaluate(G))}
    assert lines["t-rights"].endswith(
        "Whatever the ranking, it stands only if human rights above security and sovereignty."
    )
    assert "Whatever the ranking" not in lines["t-capacity"]


@pytest.mark.parametrize("seed", range(40))
def test_label_json_says_which_attacks_and_undercuts_the_audience_makes_fail(seed: int) -> None:
    """An attack or undercut is reported as failing for the audience exactly when the rule
    makes its edge fail (undercuts aim at relations, and are weighed too)."""
    m = generated_map(seed, 4)
    G = to_graph(m)
    order = random.Random(seed).sample([v.id for v in m.values], 3)
    tier = {v: k for k, v in enumerate(order)}
    reading = reading_of(G, rank=">".join(order))
    fw = attack_framework(G)
    values, carried = claim_values(G), stands_for(fw, G)
    report = label_report(G, reading)
    for r in report["relations"]:
        a, t = fw.index[r["id"]], fw.index[r["to"]]
        source, against = carried[a], carried[t]
        weighed = source in values and against in values
        expected = weighed and fails(values[against], values[source], tier)
        assert r["why"].startswith("fails for") == expected, (seed, r)
        assert not (expected and r["succeeds"])
