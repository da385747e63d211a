"""Benchmark the semantics: loading, graph building, grounded, preferred and stable.

Prints medians over ``--reps`` repetitions for synthetic frameworks and maps of each size
(default 1k, 10k, 100k arguments, about five attacks each, with cycles), the ratios of
grounded times between sizes (linear scaling shows as ratios near the size ratio), peak
memory, whether preferred and stable finish within ``--timeout`` seconds, and the
end-to-end ``argmap solve`` run against a minimal pure-Python parse-and-propagate script on
the largest file. The report is also written to ``bench/out/semantics.txt``.

    .venv/bin/python bench/bench_semantics.py            # full run (a few minutes)
    .venv/bin/python bench/bench_semantics.py --quick    # 1k and 10k, 1 repetition

Two shapes of framework are made, because shape matters more than size:

- ``debate``: each argument attacks about five earlier ones (objections to objections), and
  one in a hundred of those attacks is answered back (a rebuttal, making a 2-cycle); odd
  cycles arise through the rebuttals;
- ``random``: 5n attacks between uniformly random arguments (hard for preferred and stable).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from argmap.readwrite.iccma import read_framework  # noqa: E402
from argmap.semantics import grounded_labelling, preferred, stable  # noqa: E402
from argmap.semantics.dung import grounded_codes  # noqa: E402

# The baseline the issue names: the least a pure-Python program must do for grounded.
BASELINE = r"""
import json, sys
lines = open(sys.argv[1]).read().split("\n")
n = int(lines[0].split()[2])
targets = [[] for _ in range(n)]
live = [0] * n
for line in lines[1:]:
    if line and line[0] != "#":
        a, b = line.split()
        targets[int(a) - 1].append(int(b) - 1)
        live[int(b) - 1] += 1
lab = [0] * n
stack = [i for i in range(n) if live[i] == 0]
for i in stack:
    lab[i] = 1
while stack:
    for t in targets[stack.pop()]:
        if lab[t] == 0:
            lab[t] = 2
            for u in targets[t]:
                live[u] -= 1
                if live[u] == 0 and lab[u] == 0:
                    lab[u] = 1
                    stack.append(u)
ext = [str(i + 1) for i in range(n) if lab[i] == 1]
print(json.dumps({"semantics": "grounded", "extensions": [ext]}))
"""


def debate_pairs(n: int, seed: int = 7) -> list[tuple[int, int]]:
    """Return about 5n attacks shaped like a debate: objections to earlier claims, and one
    in a hundred of them answered back (a rebuttal, making a cycle)."""
    rng = random.Random(seed)
    pairs = []
    for i in range(1, n):
        for _ in range(min(5, i)):
            j = rng.randrange(i)
            pairs.append((i, j))
            if rng.random() < 0.01:
                pairs.append((j, i))
    return pairs


def random_pairs(n: int, seed: int = 7) -> list[tuple[int, int]]:
    """Return 5n uniformly random attacks."""
    rng = random.Random(seed)
    return [(rng.randrange(n), rng.randrange(n)) for _ in range(5 * n)]


def dnpq_pairs(n: int, p: float, q: float, seed: int = 7) -> list[tuple[int, int]]:
    """Return the attacks of a D(n, p, q) framework, the random model of ICCMA's AFGen
    instances (``n256p3q08n`` is n=256, p=0.3, q=0.08): each pair of arguments is in conflict
    with chance ``p``, and a conflict is mutual with chance ``q``, else one-way either way."""
    rng = random.Random(seed)
    pairs = []
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < p:
                if rng.random() < q:
                    pairs += [(i, j), (j, i)]
                else:
                    pairs.append((i, j) if rng.random() < 0.5 else (j, i))
    return pairs


def write_af(path: Path, n: int, pairs: list[tuple[int, int]]) -> None:
    lines = [f"p af {n}\n"]
    lines.extend(f"{a + 1} {b + 1}\n" for a, b in pairs)
    path.write_text("".join(lines))


def median_time(fn: Callable[[], Any], reps: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(reps):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def traced_peak(fn: Callable[[], Any]) -> float:
    """Return the peak Python memory (MiB) traced while ``fn`` runs."""
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def run_process(cmd: list[str]) -> tuple[float, float, str]:
    """Return (wall seconds, peak RSS MiB or nan, stdout) of one subprocess.

    The peak comes from GNU time when it is installed: a child forked (or vforked) from this
    big process is charged this process's memory, so its own rusage would overstate it.
    """
    with tempfile.NamedTemporaryFile() as out, tempfile.NamedTemporaryFile() as mem:
        timed = ["/usr/bin/time", "-f", "%M", "-o", mem.name, *cmd]
        use_time = os.path.exists("/usr/bin/time")
        start = time.perf_counter()
        with open(out.name, "w") as sink:
            code = subprocess.call(
                timed if use_time else cmd, stdout=sink, stderr=subprocess.DEVNULL
            )
        elapsed = time.perf_counter() - start
        text = Path(out.name).read_text()
        peak = int(Path(mem.name).read_text().split()[-1]) / 1024 if use_time else float("nan")
    if code != 0:
        raise RuntimeError(f"{cmd} failed with exit code {code}")
    return elapsed, peak, text


def make_map(n: int, seed: int = 7) -> dict[str, Any]:
    """Return a map dict with n claims and about 5n relations (attacks, supports, undercuts)."""
    rng = random.Random(seed)
    claims = [
        {
            "id": f"c{i}",
            "statement": f"Claim {i}.",
            "source": "s",
            "actor": f"a{i % 5}",
            "quote": "q",
        }
        for i in range(n)
    ]
    relations: list[dict[str, str]] = []
    for i in range(1, n):
        for _ in range(min(5, i)):
            j = rng.randrange(max(0, i - 50), i)
            kind = rng.choices(["attacks", "supports", "undercuts"], [6, 3, 1])[0]
            rid = f"r{len(relations)}"
            if kind == "undercuts" and relations:
                target = relations[rng.randrange(max(0, len(relations) - 200), len(relations))]
                relations.append({"id": rid, "type": kind, "from": f"c{i}", "to": target["id"]})
            else:
                kind = "attacks" if kind == "undercuts" else kind
                relations.append({"id": rid, "type": kind, "from": f"c{i}", "to": f"c{j}"})
                if rng.random() < 0.05:
                    relations.append(
                        {"id": f"{rid}b", "type": "attacks", "from": f"c{j}", "to": f"c{i}"}
                    )
    return {
        "title": "Synthetic",
        "question": "Q?",
        "sources": [{"id": "s", "title": "S", "kind": "report"}],
        "actors": [{"id": f"a{k}", "name": f"A{k}", "kind": "person"} for k in range(5)],
        "claims": claims,
        "relations": relations,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated sizes")
    parser.add_argument("--reps", type=int, default=3, help="repetitions per median")
    parser.add_argument("--timeout", type=float, default=10.0, help="preferred/stable limit")
    parser.add_argument("--map-sizes", default="1000,10000,100000", help="map sizes")
    parser.add_argument(
        "--yaml-max", type=int, default=10000, help="largest map read from YAML (else a dict)"
    )
    parser.add_argument("--quick", action="store_true", help="1k and 10k, one repetition")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.map_sizes, args.reps = "1000,10000", "1000,10000", 1
    sizes = [int(s) for s in args.sizes.split(",")]
    map_sizes = [int(s) for s in args.map_sizes.split(",") if s]
    lines: list[str] = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        lines.append(text)

    say(
        f"# bench_semantics  python {sys.version.split()[0]}  cpus {os.cpu_count()}  "
        f"reps {args.reps}  timeout {args.timeout:g} s"
    )
    folder = Path(tempfile.mkdtemp(prefix="argmap-bench-"))
    grounded_times: dict[str, list[float]] = {"debate": [], "random": []}
    files: dict[tuple[str, int], Path] = {}
    say("\n## Abstract frameworks (ICCMA 'p af' files)")
    say(
        f"{'shape':<7} {'n':>7} {'attacks':>8} {'write':>7} {'parse':>7} {'grounded':>8} "
        f"{'undec':>6} {'peak MiB':>8} {'preferred':>22} {'stable':>22}"
    )
    for shape, make in (("debate", debate_pairs), ("random", random_pairs)):
        for n in sizes:
            path = folder / f"{shape}-{n}.af"
            pairs = make(n)
            t_write, _ = median_time(lambda: write_af(path, n, pairs), args.reps)  # noqa: B023
            files[(shape, n)] = path
            t_parse, fw = median_time(lambda: read_framework(path), args.reps)  # noqa: B023
            t_ground, codes = median_time(lambda: grounded_codes(fw), args.reps)  # noqa: B023
            grounded_times[shape].append(t_ground)
            peak = traced_peak(lambda: grounded_labelling(read_framework(path)))  # noqa: B023
            cells = []
            for solver in (preferred, stable):
                start = time.perf_counter()
                result = solver(fw, timeout=args.timeout, limit=1000)
                took = time.perf_counter() - start
                done = result.complete or result.count is not None
                count = "?" if result.count is None else f"{result.count:.3g}"
                cells.append(f"{took:6.2f}s {'ok' if done else 'TIMEOUT'} #{count}")
            say(
                f"{shape:<7} {n:>7} {len(pairs):>8} {t_write:7.3f} {t_parse:7.3f} "
                f"{t_ground:8.3f} {codes.count(0):>6} {peak:8.1f} {cells[0]:>22} {cells[1]:>22}"
            )
    for shape, times in grounded_times.items():
        ratios = [
            f"{sizes[k + 1] // sizes[k]}x size: {times[k + 1] / times[k]:.1f}x time"
            for k in range(len(times) - 1)
            if times[k] > 0
        ]
        say(f"grounded scaling ({shape}): " + "; ".join(ratios))
        per_attack = [
            f"{n}: {t / max(1, 5 * n) * 1e6:.2f}" for n, t in zip(sizes, times, strict=True)
        ]
        say(f"grounded microseconds per attack ({shape}): " + ", ".join(per_attack))

    say(f"\n## Largest frameworks finishing within {args.timeout:g} s (sizes doubling)")
    scans = (("random", random_pairs, 100), ("debate", debate_pairs, 5000))
    for (shape, make, first), (name, solver) in itertools.product(
        scans, (("preferred", preferred), ("stable", stable))
    ):
        best, n = None, first
        while n <= 200000:
            fw = read_framework_from_pairs(n, make(n))
            start = time.perf_counter()
            result = solver(fw, timeout=args.timeout, limit=1000)
            took = time.perf_counter() - start
            if not (result.complete or result.count is not None):
                say(f"{shape} {name}: n={n} undetermined within {args.timeout:g} s")
                break
            say(f"{shape} {name}: n={n} finished in {took:.2f} s ({result.count} extensions)")
            best = n
            n *= 2
        say(f"{shape} {name}: largest finished: {best}")

    largest = max(sizes)
    path = files[("debate", largest)]
    say(f"\n## End to end on {path.name} ({largest} arguments)")
    baseline_file = folder / "baseline.py"
    baseline_file.write_text(BASELINE)
    argmap_exe = str(Path(sys.executable).parent / "argmap")
    runs = {
        "argmap solve": [argmap_exe, "solve", str(path), "--semantics", "grounded"],
        "baseline": [sys.executable, str(baseline_file), str(path)],
    }
    medians = {}
    for label, cmd in runs.items():
        results = [run_process(cmd) for _ in range(max(args.reps, 3))]
        medians[label] = statistics.median(r[0] for r in results)
        rss = max(r[1] for r in results)
        say(f"{label:<13} median {medians[label]:.3f} s  peak RSS {rss:.0f} MiB")
    outputs = [json.loads(run_process(cmd)[2]) for cmd in runs.values()]
    same = outputs[0]["extensions"] == outputs[1]["extensions"]
    say(
        f"ratio argmap/baseline: {medians['argmap solve'] / medians['baseline']:.2f} "
        f"(target <= 3); same answer: {same}"
    )
    fw = read_framework(path)
    t_mem, _ = median_time(lambda: grounded_codes(fw), max(args.reps, 3))
    say(f"in-memory grounded labelling: {t_mem:.3f} s (target < 1 s)")

    if map_sizes:
        bench_maps(map_sizes, args, say)
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "semantics.txt").write_text("\n".join(lines) + "\n")
    print(f"\nwrote {out / 'semantics.txt'}")


def read_framework_from_pairs(n: int, pairs: list[tuple[int, int]]) -> Any:
    from argmap.semantics import Framework

    return Framework.from_indices([str(i + 1) for i in range(n)], pairs)


def bench_maps(map_sizes: list[int], args: argparse.Namespace, say: Callable[[str], None]) -> None:
    from argmap.analysis import evaluate
    from argmap.graph import to_graph
    from argmap.model import ArgumentMap
    from argmap.semantics.bipolar import attack_framework
    from argmap.semantics.gradual import dfquad

    say("\n## Maps (about 5 relations per claim: 60% attacks, 30% supports, 10% undercuts)")
    say(
        f"{'claims':>7} {'relations':>9} {'load':>8} {'how':<5} {'editable':>8} {'graph':>7} "
        f"{'framework':>9} "
        f"{'args':>8} {'grounded':>8} {'dfquad':>7} {'evaluate':>8} {'preferred':>18}"
    )
    folder = Path(tempfile.mkdtemp(prefix="argmap-bench-maps-"))
    reps = max(1, min(args.reps, 3))
    for n in map_sizes:
        data = make_map(n)
        if n <= args.yaml_max:
            from argmap.store.yaml_map import dump_map, read_map

            path = folder / f"map-{n}.yaml"
            path.write_text(dump_map(ArgumentMap.model_validate(data)))
            # The app views with the C loader; editing keeps the round-trip document.
            t_load, loaded = median_time(
                lambda: read_map(path, editable=False).map,  # noqa: B023
                reps,
            )
            t_edit, _ = median_time(lambda: read_map(path).map, 1)  # noqa: B023
            how, editable = "yaml", f"{t_edit:8.2f}"
        else:
            t_load, loaded = median_time(lambda: ArgumentMap.model_validate(data), 1)  # noqa: B023
            how, editable = "dict", f"{'-':>8}"
        t_graph, G = median_time(lambda: to_graph(loaded), reps)  # noqa: B023
        t_fw, fw = median_time(lambda: attack_framework(G), reps)  # noqa: B023
        t_ground, _ = median_time(lambda: grounded_codes(fw), reps)  # noqa: B023
        t_dfq, _ = median_time(lambda: dfquad(G), 1)  # noqa: B023
        t_eval, _ = median_time(lambda: evaluate(G), 1)  # noqa: B023
        start = time.perf_counter()
        result = preferred(fw, timeout=args.timeout, limit=100)
        took = time.perf_counter() - start
        done = "ok" if result.labels is not None else "TIMEOUT"
        say(
            f"{n:>7} {len(data['relations']):>9} {t_load:8.2f} {how:<5} {editable} {t_graph:7.2f} "
            f"{t_fw:9.2f} {len(fw):>8} {t_ground:8.3f} {t_dfq:7.2f} {t_eval:8.2f} "
            f"{took:9.2f}s {done:>7}"
        )


if __name__ == "__main__":
    main()
