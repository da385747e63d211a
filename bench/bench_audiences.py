"""Benchmark answers across audiences: acceptance over every ordering of the values.

For debate-shaped maps (claims object to or back earlier ones, some rebuttals make cycles,
a few undercuts; most claims appeal to one or two values), prints medians over ``--reps``
of:

- ``asp acceptance``: every claim objective / subjective / indefensible, by clingo's brave
  and cautious consequences over one program that guesses the ordering (the method used);
- ``asp full report``: that, plus each thesis's smallest deciding preference sets and the
  named audiences each claim stands for (what ``argmap audiences`` prints);
- ``enumerate``: the pure-Python baseline: every ordering of the deciding values, grounded
  labelling once per distinct set of failing attacks;
- ``pref rep.``: the full report under preferred semantics (every ordering enumerated at
  once with numpy; only failing-attack sets that leave something undecided are solved);
- ``brute force``: one full ``evaluate`` per ordering (only up to ``--brute-max`` values).

The issue's target is the 100-claim map with 8 values: under 1 s.

    .venv/bin/python bench/bench_audiences.py            # the default scan
    .venv/bin/python bench/bench_audiences.py --quick    # 100 claims, 8 values, 1 rep
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from argmap.analysis.audiences import audience_report  # noqa: E402
from argmap.analysis.evaluate import evaluate  # noqa: E402
from argmap.graph import claim_ids, to_graph  # noqa: E402
from argmap.model import ArgumentMap  # noqa: E402
from argmap.semantics.audiences import Weighing  # noqa: E402
from argmap.semantics.bipolar import attack_framework  # noqa: E402
from argmap.semantics.framework import Label  # noqa: E402
from argmap.semantics.values import ranking_from_order  # noqa: E402


def make_map(n: int, k: int, seed: int = 7) -> ArgumentMap:
    """Return a debate-shaped map of ``n`` claims appealing to ``k`` values."""
    rng = random.Random(seed)
    values = [f"v{i}" for i in range(k)]
    n_theses = max(2, n // 20)
    claims = []
    for i in range(n):
        appeal = rng.random()
        vals = [] if appeal < 0.15 else rng.sample(values, 1 if appeal < 0.75 else 2)
        claims.append(
            {
                "id": f"c{i}",
                "statement": f"Claim {i}.",
                "kind": "thesis" if i < n_theses else "claim",
                "source": "s",
                "actor": "a",
                "quote": "q",
                "values": vals,
            }
        )
    relations = []
    for i in range(n_theses, n):
        for j in rng.sample(range(i), min(i, rng.choice((1, 1, 2)))):
            kind = "attacks" if rng.random() < 0.7 else "supports"
            relations.append(
                {"id": f"r{len(relations)}", "type": kind, "from": f"c{i}", "to": f"c{j}"}
            )
            if kind == "attacks" and rng.random() < 0.08:  # a rebuttal: a 2-cycle
                relations.append(
                    {"id": f"r{len(relations)}", "type": "attacks", "from": f"c{j}", "to": f"c{i}"}
                )
    for u in range(n // 25):  # a few undercuts
        target = rng.choice(relations)["id"]
        relations.append(
            {"id": f"u{u}", "type": "undercuts", "from": f"c{rng.randrange(n)}", "to": target}
        )
    relations = [r for r in relations if r["from"] != r.get("to")]
    return ArgumentMap.model_validate(
        {
            "title": "Bench",
            "question": "Q?",
            "sources": [{"id": "s", "title": "S", "kind": "article"}],
            "actors": [{"id": "a", "name": "A", "kind": "person"}],
            "values": [{"id": v, "name": v} for v in values],
            "audiences": [
                {"id": "one", "name": "One", "ranking": [[v] for v in values]},
                {"id": "two", "name": "Two", "ranking": [[v] for v in reversed(values)]},
            ],
            "claims": claims,
            "relations": relations,
        }
    )


def median_time(fn: Callable[[], Any], reps: int) -> tuple[float, Any]:
    """Median CPU seconds of ``fn`` (clingo runs in-process, so it counts): on a shared
    machine, wall time measures the neighbours."""
    times, result = [], None
    for _ in range(reps):
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
    return statistics.median(times), result


def brute(G: Any, values: list[str]) -> dict[str, str]:
    fw = attack_framework(G)
    ins = [
        {c for c, x in evaluate(G, audience=ranking_from_order(p)).labels.items() if x is Label.IN}
        for p in itertools.permutations(values)
    ]
    return {
        c: ("objective" if fw.attackers[fw.index[c]] else "uncontested")
        if all(c in s for s in ins) else "subjective" if any(c in s for s in ins)
        else "indefensible"
        for c in claim_ids(G)
    }  # fmt: skip


def run_case(n: int, k: int, reps: int, brute_max: int) -> str:
    """Return one row of the table."""
    G = to_graph(make_map(n, k))
    fw = attack_framework(G)
    claims = claim_ids(G)

    def asp() -> dict[str, str]:
        return {c: a.value for c, a in Weighing(fw, G).acceptance(claims).items()}

    t_asp, by_asp = median_time(asp, reps)
    t_report, _ = median_time(lambda: audience_report(G), reps)
    deciding = len(Weighing(fw, G).values)

    def enumerate_() -> dict[str, str]:
        w = Weighing(fw, G, method="enumerate")
        return {c: a.value for c, a in w.acceptance(claims).items()}

    if deciding <= 7 or (n, k) == (100, 8):  # the baseline takes ~n! grounded labellings
        t_enum, by_enum = median_time(enumerate_, 1)
        enum_text = f"{t_enum:10.3f}"
    else:
        by_enum, enum_text = by_asp, f"{'(skipped)':>10}"
    agree = by_asp == by_enum
    # Preferred has no single program across orderings: every ordering is enumerated
    # (vectorised), and only sets of failing attacks that leave something undecided are
    # solved; the full report includes necessary and sufficient sets.
    if deciding <= 8 and n <= 300:  # past that, more distinct sets of failing attacks
        t_pref, _ = median_time(lambda: audience_report(G, "preferred"), 1)
        pref_text = f"{t_pref:10.3f}"
    else:
        pref_text = f"{'(skipped)':>10}"
    brute_text = f"{'-':>8}"
    if deciding <= brute_max:
        t_brute, by_brute = median_time(lambda: brute(G, [f"v{i}" for i in range(k)]), 1)
        brute_text = f"{t_brute:8.2f}"
        agree = agree and by_brute == by_asp
    return (
        f"{n:>6} {k:>6} {deciding:>8} {t_asp:10.3f} {t_report:10.3f} {enum_text} "
        f"{pref_text} {brute_text}  {'yes' if agree else 'NO'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--brute-max", type=int, default=6, help="most values for brute force")
    parser.add_argument("--cases", help='only these, e.g. "1000x8,100x9" (claims x values)')
    args = parser.parse_args()
    cases = [(100, 8)] if args.quick else [
        (100, 4), (100, 5), (100, 6), (100, 7), (100, 8), (300, 8), (1000, 8), (100, 9),
    ]  # fmt: skip
    if args.cases:
        cases = [(int(c), int(v)) for c, v in (x.split("x") for x in args.cases.split(","))]
    reps = 1 if args.quick else args.reps
    load = os.getloadavg()[0]
    print(
        f"medians of {reps} run(s); CPU seconds; load average {load:.1f} on {os.cpu_count()} cores"
    )
    header = (
        f"{'claims':>6} {'values':>6} {'deciding':>8} {'asp accept':>10} {'asp report':>10} "
        f"{'enumerate':>10} {'pref rep.':>10} {'brute':>8}  agree"
    )
    print(header)
    for n, k in cases:
        print(run_case(n, k, reps, args.brute_max))


if __name__ == "__main__":
    main()
