"""Benchmark ``evaluate``, stage by stage, at growing map sizes, beside a pure-Python floor.

``evaluate`` is the whole pipeline from a map graph to labels and strengths (the CLI's
``label``, the app's pages); with ``to_graph`` before it, from a loaded map. Each round
times, for one map, in this order: the **floor** (a plain-Python program that reads each
claim and relation once into dicts and runs the grounded loop over them: the least any
evaluation must do), each **stage** alone (model->graph, graph->framework, grounded
semantics, DF-QuAD strengths, relation effects) and then ``evaluate`` itself. Medians over
``--reps`` rounds are printed as CPU microseconds per claim (``--wall``: wall-clock), with
the time ratio between consecutive sizes (10x the claims at linear cost is 10x the time)
for evaluate and for the floor side by side. The report is also written to
``bench/out/evaluate.txt``. Each round of each size runs in a process of its own, with only
its map alive, as the CLI has it (``--shared``: every size's map in one process, where the
middle size runs slower for the biggest's heap around it).

    .venv/bin/python bench/bench_evaluate.py            # 1k, 10k, 100k claims (minutes)
    .venv/bin/python bench/bench_evaluate.py --quick    # 1k and 10k, 5 rounds

Two shapes of map:

- ``seminar``: ``tests/support/mapgen.py``'s maps (about 1.1 relations per claim: trees of
  supports and attacks under a few theses, cross-links and undercuts), read with the C YAML
  loader;
- ``dense``: ``bench_semantics.make_map`` (about 5 relations per claim, 5% answered back,
  so DF-QuAD meets many cycles).

The floor's own growth is the memory system's: at 100k claims a map graph is about half a
gigabyte of Python objects, so every dict lookup costs more than at 1k. Read evaluate's
ratio beside the floor's. Shape matters too: the 1,000-claim seminar map has no cycle (DF-QuAD
takes one pass), while at 10,000 and 100,000 claims its undercuts close one cycle through
about 14% of the nodes, which takes 27-28 Jacobi rounds; dense maps need 35-45 rounds at
every size.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import yaml  # noqa: E402
from bench_semantics import make_map  # noqa: E402

from argmap.analysis.evaluate import evaluate  # noqa: E402
from argmap.graph import to_graph  # noqa: E402
from argmap.model import ArgumentMap  # noqa: E402
from argmap.semantics.bipolar import attack_framework  # noqa: E402
from argmap.semantics.dung import solve  # noqa: E402
from argmap.semantics.gradual import dfquad, relation_effects  # noqa: E402
from tests.support.mapgen import generate_map_text  # noqa: E402

STAGES = ("graph", "framework", "grounded", "dfquad", "effects")


def seminar_map(n: int) -> ArgumentMap:
    """Return mapgen's map of ``n`` claims (parsed with the C loader: loading is not timed)."""
    return ArgumentMap.model_validate(yaml.load(generate_map_text(n), Loader=yaml.CSafeLoader))


def dense_map(n: int) -> ArgumentMap:
    """Return bench_semantics' map of ``n`` claims and about 5n relations."""
    return ArgumentMap.model_validate(make_map(n))


SHAPES: dict[str, Callable[[int], ArgumentMap]] = {"seminar": seminar_map, "dense": dense_map}


def floor(m: ArgumentMap) -> int:
    """The least an evaluation must do: read each claim and relation once into plain dicts
    (a relation is an argument its origin must hold up, attacking its target), then run the
    grounded loop. Return how many arguments end in."""
    targets: dict[str, list[str]] = {c.id: [] for c in m.claims}
    live: dict[str, int] = dict.fromkeys(targets, 0)
    for r in m.relations:
        targets[r.id] = []
        live[r.id] = 0
    for r in m.relations:
        if r.type != "supports":
            targets[r.id].append(r.to)
            live[r.to] += 1
    label: dict[str, int] = {}
    stack = [a for a, k in live.items() if k == 0]
    for a in stack:
        label[a] = 1
    while stack:
        for t in targets[stack.pop()]:
            if t not in label:
                label[t] = 2
                for u in targets[t]:
                    live[u] -= 1
                    if live[u] == 0 and u not in label:
                        label[u] = 1
                        stack.append(u)
    return sum(v == 1 for v in label.values())


# CPU seconds of this process (the steady figure on a shared machine: another job's load
# lengthens wall time, not this process's CPU time); --wall for wall-clock seconds.
CLOCK: list[Callable[[], float]] = [time.process_time]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Return (seconds, result) of one call, after a full collection so earlier garbage
    is not charged to it."""
    gc.collect()
    clock = CLOCK[0]
    start = clock()
    result = fn()
    return clock() - start, result


def one_round(m: ArgumentMap) -> dict[str, float]:
    """Time the floor, each stage and evaluate once, in that order, on the map ``m``.
    Each stage's result is dropped once the next has used it, so evaluate starts with
    only the graph alive, as in the CLI."""
    times: dict[str, float] = {}
    times["floor"], _ = timed(partial(floor, m))
    times["graph"], G = timed(partial(to_graph, m))
    times["framework"], fw = timed(partial(attack_framework, G))
    times["grounded"], _ = timed(partial(solve, fw, "grounded", None, 100))
    del fw
    times["dfquad"], gradual = timed(partial(dfquad, G))
    times["effects"], _ = timed(partial(relation_effects, G, gradual))
    del gradual, _
    times["evaluate"], _ = timed(partial(evaluate, G))
    times["pipeline"] = times["graph"] + times["evaluate"]
    times["relations"] = len(m.relations)
    return times


def child_round(shape: str, claims: int, wall: bool) -> dict[str, float]:
    """One round in a fresh process that builds only this map (the CLI's case: a heap that
    holds one map), timed there; its relations counted too."""
    command = [sys.executable, __file__, "--child", f"{shape}:{claims}", *(["--wall"] * wall)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated claims")
    parser.add_argument("--shapes", default="seminar,dense", help=f"of {', '.join(SHAPES)}")
    parser.add_argument("--reps", type=int, default=5, help="rounds per median")
    parser.add_argument(
        "--large-reps", type=int, default=1, help="rounds for maps of 100,000 claims or more"
    )
    parser.add_argument("--quick", action="store_true", help="1k and 10k claims")
    parser.add_argument("--wall", action="store_true", help="wall-clock, not CPU, seconds")
    parser.add_argument(
        "--shared",
        action="store_true",
        help="every size's map in this one process (default: each round of each size in a "
        "process of its own, with only its map alive, as the CLI has it)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)  # SHAPE:CLAIMS, one round as JSON
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "evaluate.txt"))
    args = parser.parse_args()
    if args.quick:
        args.sizes = "1000,10000"
    if args.wall:
        CLOCK[0] = time.perf_counter
    if args.child:
        shape, claims = args.child.split(":")
        import numpy  # noqa: F401  # imported, not timed: DF-QuAD's big cycles load it once

        print(json.dumps(one_round(SHAPES[shape](int(claims)))))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    lines: list[str] = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        lines.append(text)

    say(
        f"# bench_evaluate  python {sys.version.split()[0]}  cpus {os.cpu_count()}  "
        f"load {os.getloadavg()[0]:.1f}  reps {args.reps} (large {args.large_reps})"
    )
    say(
        f"{'wall-clock' if args.wall else 'CPU'} microseconds per claim, medians; 'other' is "
        "evaluate minus its stages; "
        + (
            "every size's map alive in one process"
            if args.shared
            else "each round of each size in a process of its own"
        )
    )
    columns = ("floor", *STAGES, "other", "evaluate", "pipeline")
    for shape in args.shapes.split(","):
        say(f"\n## {shape}")
        say(f"{'claims':>7} {'rels':>7} {'reps':>4} " + " ".join(f"{c:>9}" for c in columns))
        maps = {n: SHAPES[shape](n) for n in sizes} if args.shared else {}
        relations = {n: len(maps[n].relations) for n in maps}
        reps = {n: args.reps if n < 100_000 else args.large_reps for n in sizes}
        # Rounds go through every size in turn, so a burst of load from elsewhere falls on
        # all of them alike rather than on one size's medians.
        rounds: dict[int, list[dict[str, float]]] = {n: [] for n in sizes}
        for r in range(max(reps.values())):
            for n in sizes:
                if r < reps[n]:
                    rounds[n].append(
                        one_round(maps[n]) if args.shared else child_round(shape, n, args.wall)
                    )
        medians: list[dict[str, float]] = []
        for n in sizes:
            med = {k: statistics.median(t[k] for t in rounds[n]) for k in rounds[n][0]}
            med["other"] = med["evaluate"] - sum(med[s] for s in STAGES if s != "graph")
            medians.append(med)
            say(
                f"{n:>7} {relations.get(n, int(rounds[n][0]['relations'])):>7} {reps[n]:>4} "
                + " ".join(f"{med[c] / n * 1e6:9.1f}" for c in columns)
            )
        del maps
        for k in range(len(sizes) - 1):
            a, b = medians[k], medians[k + 1]
            ev, pipe, fl = (b[c] / a[c] for c in ("evaluate", "pipeline", "floor"))
            say(
                f"{sizes[k]}->{sizes[k + 1]} claims ({sizes[k + 1] / sizes[k]:g}x): "
                f"evaluate {ev:.1f}x time, pipeline {pipe:.1f}x, floor {fl:.1f}x "
                f"(evaluate/floor {ev / fl:.2f}); "
                + ", ".join(f"{s} {b[s] / a[s]:.1f}x" for s in STAGES)
            )
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
