"""Dung semantics against a brute-force reference and the textbook cases."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.readwrite.iccma import solve_task
from argmap.semantics import (
    Framework,
    Label,
    complete,
    grounded,
    grounded_labelling,
    preferred,
    solve,
    stable,
)


def brute_force(fw: Framework) -> dict[str, list[frozenset[int]]]:
    """Every semantics by definition, over all subsets (the reference; n <= 7)."""
    n = len(fw)
    att = {(a, b) for b in range(n) for a in fw.attackers[b]}

    def attacked_by(s: frozenset[int]) -> set[int]:
        return {b for a, b in att if a in s}

    def defended(s: frozenset[int]) -> set[int]:
        hit = attacked_by(s)
        return {x for x in range(n) if all(a in hit for a in fw.attackers[x])}

    subsets = [frozenset(c) for r in range(n + 1) for c in itertools.combinations(range(n), r)]
    cf = [s for s in subsets if not any((a, b) in att for a in s for b in s)]
    adm = [s for s in cf if s <= defended(s)]
    comp = [s for s in adm if defended(s) == s]
    pref = [s for s in adm if not any(s < t for t in adm)]
    stab = [s for s in cf if attacked_by(s) | s == set(range(n))]
    ground = [min(comp, key=len)]
    assert all(ground[0] <= s for s in comp)
    return {"grounded": ground, "complete": comp, "preferred": pref, "stable": stab}


def as_sets(result_members: list[list[int]]) -> list[frozenset[int]]:
    return sorted((frozenset(m) for m in result_members), key=sorted)


@st.composite
def frameworks(draw: st.DrawFn, max_n: int = 7) -> Framework:
    n = draw(st.integers(0, max_n))
    pairs = (
        draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n))
        if n
        else []
    )
    return Framework.from_indices([f"a{i}" for i in range(n)], pairs)


@settings(max_examples=300, deadline=None)
@given(frameworks())
def test_every_semantics_matches_brute_force(fw: Framework) -> None:
    reference = brute_force(fw)
    for semantics, expected in reference.items():
        result = solve(fw, semantics)
        assert result.complete
        assert as_sets(result.members) == sorted(expected, key=sorted), semantics
        # Names and indices agree, and the lists are sorted.
        assert result.extensions == [[fw.names[i] for i in m] for m in result.members]
        if not expected:
            assert result.message == "no stable extension exists"
            continue
        labels = result.labels
        assert labels is not None
        for i in range(len(fw)):
            in_all = all(i in s for s in expected)
            out_all = all(any(a in s for a in fw.attackers[i]) for s in expected)
            want = Label.IN if in_all else Label.OUT if out_all else Label.UNDEC
            assert labels[i] == want, (semantics, i)


def fw_of(names: str, attacks: str) -> Framework:
    return Framework.from_attacks(list(names), [(p[0], p[1]) for p in attacks.split()])


def exts(result: object) -> list[list[str]]:
    return result.extensions  # type: ignore[attr-defined]


def test_odd_cycle() -> None:
    fw = fw_of("abc", "ab bc ca")
    assert exts(grounded(fw)) == [[]]
    assert exts(preferred(fw)) == [[]]
    assert exts(complete(fw)) == [[]]
    result = stable(fw)
    assert result.extensions == [] and result.complete
    assert result.message == "no stable extension exists"


def test_even_cycle() -> None:
    fw = fw_of("abcd", "ab bc cd da")
    assert exts(grounded(fw)) == [[]]
    assert exts(preferred(fw)) == [["a", "c"], ["b", "d"]]
    assert exts(stable(fw)) == [["a", "c"], ["b", "d"]]
    assert exts(complete(fw)) == [[], ["a", "c"], ["b", "d"]]


def test_self_attack() -> None:
    fw = fw_of("ab", "aa ab")
    assert grounded_labelling(fw) == [Label.UNDEC, Label.UNDEC]
    assert exts(preferred(fw)) == [[]]
    assert stable(fw).extensions == []
    # A self-attacker attacked by an accepted argument is out, and its target is in.
    fw = fw_of("cab", "ca aa ab")
    assert grounded_labelling(fw) == [Label.IN, Label.OUT, Label.IN]


def test_floating_reinstatement() -> None:
    fw = fw_of("abcd", "ab ba ac bc cd")
    assert exts(grounded(fw)) == [[]]
    result = preferred(fw)
    assert result.extensions == [["a", "d"], ["b", "d"]]
    assert result.labels == [Label.UNDEC, Label.UNDEC, Label.OUT, Label.IN]
    assert exts(stable(fw)) == [["a", "d"], ["b", "d"]]


def test_empty_framework() -> None:
    fw = Framework.from_attacks([], [])
    for semantics in ("grounded", "complete", "preferred", "stable"):
        assert solve(fw, semantics).extensions == [[]]


def test_disconnected_parts_combine() -> None:
    # Two even cycles and a chain: 2 x 2 preferred extensions, each with the chain's head.
    fw = fw_of("abcdxy", "ab ba cd dc xy")
    result = preferred(fw)
    assert result.count == 4
    assert result.extensions == [["a", "c", "x"], ["a", "d", "x"], ["b", "c", "x"], ["b", "d", "x"]]
    assert result.labels is not None and result.labels[4:] == [Label.IN, Label.OUT]
    limited = preferred(fw, limit=3)
    assert not limited.complete and len(limited.extensions) == 3
    assert limited.message == "4 extensions; the first 3 are listed"


def test_no_stable_in_one_part_means_none_at_all() -> None:
    fw = fw_of("abcde", "ab bc ca de ed")
    assert stable(fw).extensions == []
    assert exts(preferred(fw)) == [["d"], ["e"]]


def test_numeric_names_sort_by_value() -> None:
    fw = Framework.from_attacks([str(i) for i in range(1, 12)], [("1", "2")])
    assert grounded(fw).extensions == [["1", *map(str, range(3, 12))]]


def hard_framework(n: int, seed: int = 1) -> Framework:
    import random

    rng = random.Random(seed)
    return Framework.from_indices(
        [str(i) for i in range(n)],
        [(rng.randrange(n), rng.randrange(n)) for _ in range(5 * n)],
    )


def test_timeout_returns_promptly_and_says_undetermined() -> None:
    fw = hard_framework(3000)
    start = time.monotonic()
    result = preferred(fw, timeout=0.3)
    elapsed = time.monotonic() - start
    assert elapsed < 3
    if not result.complete:  # the machine may be fast enough; then it is a real answer
        assert result.message.startswith("undetermined within 0.3 s")
        assert result.labels is None


def test_unknown_semantics() -> None:
    with pytest.raises(ValueError, match="unknown semantics"):
        solve(fw_of("a", ""), "ideal")


def test_solve_task_and_cli_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.af"
    path.write_text("p af 4\n1 2\n2 1\n1 3\n2 3\n3 4\n")
    assert solve_task(path, "preferred") == {
        "semantics": "preferred",
        "extensions": [["1", "4"], ["2", "4"]],
        "complete": True,
        "count": 2,
    }
    assert solve_task(path, "grounded")["extensions"] == [[]]
    code = (
        "import json, sys; from argmap.readwrite.iccma import solve_task;"
        f"print(json.dumps(solve_task({str(path)!r}, 'stable')));"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('networkx', 'pydantic', 'rich')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, second = out.stdout.splitlines()
    assert json.loads(first)["extensions"] == [["1", "4"], ["2", "4"]]
    assert second == "[]"  # the solve path stays light


def test_large_parts_run_in_a_child_process(monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap.semantics.dung as dung

    monkeypatch.setattr(dung, "_CHILD_MIN", 2)
    fw = fw_of("abcdef", "ab ba cd de ef fc")
    assert exts(preferred(fw, timeout=30)) == [
        ["a", "c", "e"],
        ["a", "d", "f"],
        ["b", "c", "e"],
        ["b", "d", "f"],
    ]
    # A hard part in the child is stopped at the deadline, even while clingo grounds.
    start = time.monotonic()
    result = preferred(hard_framework(3000), timeout=0.5)
    assert time.monotonic() - start < 5
    if not result.complete:
        assert result.message.startswith("undetermined within 0.5 s")
