"""Benchmark what the input limits and the bounded solver promise, each figure beside its peer.

    .venv/bin/python bench/bench_limits.py            # full run (a few minutes)
    .venv/bin/python bench/bench_limits.py --quick    # smaller sizes, one repetition

Prints medians (wall seconds of whole CLI runs, paired: the peer runs in the same round) and
peak memory (GNU time's max RSS), and writes the report to ``bench/out/limits.txt``:

- **solve**: ``argmap solve -s preferred`` on debate-shaped 1,000- and 10,000-argument files
  (as bench_semantics makes them): time and peak memory with the default ``--limit``, and
  with ``--count``; the peer is ``python -c "import clingo"``, the floor of any run.
- **load**: ``argmap validate`` and ``show`` on maps of 500, 5,000 and 20,000 statements
  (the fast read-only path) against the same map read by the round-trip reader (what every
  verb used before), and against Argdown's CLI (``argdown json``) on the same debate when
  ``ARGDOWN`` names its executable (npm ``@argdown/cli@1.7.5``, installed outside the repo);
  without it the bench says so and goes on.
- **import**: ``argmap import`` of AIF files of 1k, 10k and 100k nodes (half I, half RA):
  the time ratio between sizes shows linear growth.
- **hostile**: the inputs of issue 16 (a 50 MB field, a long comment line, the ICCMA line
  separator) answered in well under a second each, against ``argmap --help``.
- **startup**: ``argmap --help`` and ``show`` against ``python -c pass``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_semantics import debate_pairs, write_af  # noqa: E402
from tests.browser.mapgen import generate_map_text  # noqa: E402

PY = sys.executable
ARGMAP = [PY, "-m", "argmap.cli"]


def run(cmd: list[str], timeout: float = 600) -> tuple[float, float, int]:
    """Return (wall seconds, peak RSS MiB or nan, exit code) of one command."""
    with tempfile.NamedTemporaryFile() as mem:
        timed = ["/usr/bin/time", "-f", "%M", "-o", mem.name, *cmd]
        use_time = os.path.exists("/usr/bin/time")
        start = time.perf_counter()
        code = subprocess.call(
            timed if use_time else cmd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
        )
        elapsed = time.perf_counter() - start
        text = Path(mem.name).read_text().split() if use_time else []
    peak = int(text[-1]) / 1024 if text and text[-1].isdigit() else float("nan")
    return elapsed, peak, code


def paired(cmds: dict[str, list[str]], reps: int) -> dict[str, tuple[float, float]]:
    """Run every command once per round, ``reps`` rounds; return each one's median
    (seconds, peak MiB)."""
    times: dict[str, list[float]] = {k: [] for k in cmds}
    peaks: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(reps):
        for name, cmd in cmds.items():
            t, m, _ = run(cmd)
            times[name].append(t)
            peaks[name].append(m)
    return {k: (statistics.median(times[k]), statistics.median(peaks[k])) for k in cmds}


def aif_file(path: Path, nodes: int) -> None:
    n = nodes // 2
    items = [{"nodeID": f"i{k}", "type": "I", "text": f"Claim number {k}."} for k in range(n)]
    items += [{"nodeID": f"r{k}", "type": "RA", "text": "Default Inference"} for k in range(n)]
    edges = []
    for k in range(1, n):
        edges += [
            {"edgeID": f"e{k}a", "fromID": f"i{k}", "toID": f"r{k}"},
            {"edgeID": f"e{k}b", "fromID": f"r{k}", "toID": f"i{k // 2}"},
        ]
    path.write_text(json.dumps({"nodes": items, "edges": edges}))


def argdown_text(map_text: str) -> str:
    """The same debate in Argdown: one statement per claim, relations under it."""
    import yaml

    data = yaml.safe_load(map_text)
    lines = []
    for claim in data["claims"]:
        lines.append(f"[{claim['id']}]: {claim['statement']}")
    for rel in data["relations"]:
        if rel["type"] in ("supports", "attacks"):
            sign = "+" if rel["type"] == "supports" else "-"
            lines += [f"[{rel['to']}]", f"  {sign} [{rel['from']}]"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, one repetition")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    reps = 1 if args.quick else args.reps
    out: list[str] = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        out.append(text)

    tmp = Path(tempfile.mkdtemp(prefix="argmap-bench-"))
    say(f"bench_limits: medians of {reps} paired round(s); seconds wall, peak RSS MiB")

    say("\n## solve: preferred on debate-shaped frameworks (default --limit 100, --count)")
    floor = [PY, "-c", "import clingo"]
    for n in (1000,) if args.quick else (1000, 10000):
        path = tmp / f"debate-{n}.af"
        write_af(path, n, debate_pairs(n))
        r = paired(
            {
                "floor": floor,
                "limit": [*ARGMAP, "solve", str(path), "-s", "preferred", "--timeout", "60"],
                "count": [
                    *ARGMAP,
                    "solve",
                    str(path),
                    "-s",
                    "preferred",
                    "--count",
                    "--timeout",
                    "60",
                ],
            },
            reps,
        )
        say(
            f"{n:>6} args: listed {r['limit'][0]:.2f} s {r['limit'][1]:.0f} MiB; "
            f"count {r['count'][0]:.2f} s {r['count'][1]:.0f} MiB; "
            f"peer python+clingo {r['floor'][0]:.2f} s {r['floor'][1]:.0f} MiB"
        )

    say("\n## load: validate and show (fast path) vs the round-trip reader and Argdown")
    argdown = os.environ.get("ARGDOWN") or shutil.which("argdown")
    if not argdown:
        say("Argdown CLI not found (set ARGDOWN to npm @argdown/cli@1.7.5's bin): not compared")
    rt = (
        "import sys; from argmap.store.yaml_map import read_map; "
        "read_map(sys.argv[1], editable=True)"
    )
    for n in (500, 5000) if args.quick else (500, 5000, 20000):
        path = tmp / f"map-{n}.yaml"
        text = generate_map_text(n)
        path.write_text(text)
        cmds = {
            "validate": [*ARGMAP, "validate", str(path)],
            "show": [*ARGMAP, "show", str(path)],
            "round-trip": [PY, "-c", rt, str(path)],
        }
        if argdown:
            ad = tmp / f"map-{n}.argdown"
            ad.write_text(argdown_text(text))
            cmds["argdown"] = [argdown, "json", str(ad), str(tmp / f"ad-{n}")]
        r = paired(cmds, reps)
        peer = (
            f"; argdown json {r['argdown'][0]:.2f} s {r['argdown'][1]:.0f} MiB" if argdown else ""
        )
        say(
            f"{n:>6} statements: validate {r['validate'][0]:.2f} s {r['validate'][1]:.0f} MiB; "
            f"show {r['show'][0]:.2f} s; round-trip read {r['round-trip'][0]:.2f} s "
            f"{r['round-trip'][1]:.0f} MiB{peer}"
        )

    say("\n## import: AIF of 1k, 10k, 100k nodes (half I, half RA)")
    previous = None
    for nodes in (1000, 10000) if args.quick else (1000, 10000, 100000):
        path = tmp / f"aif-{nodes}.json"
        aif_file(path, nodes)
        target = tmp / f"aif-{nodes}.yaml"
        times = []
        for _ in range(reps):
            target.unlink(missing_ok=True)
            t, peak, code = run([*ARGMAP, "import", str(path), "--from", "aif", "-o", str(target)])
            times.append(t)
        t = statistics.median(times)
        ratio = f"; {t / previous:.1f}x the time for 10x the nodes" if previous else ""
        say(f"{nodes:>7} nodes: {t:.2f} s {peak:.0f} MiB (exit {code}){ratio}")
        previous = t

    say("\n## hostile inputs (each refused with a located error) vs argmap --help")
    base = (ROOT / "maps" / "cybercrime-treaties.yaml").read_text()
    big = tmp / "field-50mb.yaml"
    big.write_text(base.replace("statement: ", "statement: " + "x" * (50 * 2**20), 1))
    comment = tmp / "comment.yaml"
    comment.write_text("# " + "words " * 700_000 + "\n" + base)
    sep = tmp / "sep.af"
    sep.write_text("# c\u2028p af 2", encoding="utf-8")
    r = paired(
        {
            "help": [*ARGMAP, "--help"],
            "50 MB field (show)": [*ARGMAP, "show", str(big)],
            "4 MB comment line (validate)": [*ARGMAP, "validate", str(comment)],
            "ICCMA U+2028 (solve stable)": [*ARGMAP, "solve", str(sep), "-s", "stable"],
        },
        reps,
    )
    for name, (t, m) in r.items():
        say(f"{name:>30}: {t:.2f} s {m:.0f} MiB")

    say("\n## cruxes (grounded): built once vs rebuilt per assumption (the old way)")
    from argmap.analysis.evaluate import cruxes, evaluate
    from argmap.graph import to_graph
    from argmap.semantics.bipolar import WhatIf
    from argmap.store.yaml_map import read_map_text

    for n in (500,) if args.quick else (500, 2000):
        G = to_graph(read_map_text(generate_map_text(n), "m", editable=False).map)
        thesis = next(c for c, d in G.nodes(data=True) if d.get("kind") == "thesis")
        new = []
        for _ in range(reps):
            start = time.perf_counter()
            found = cruxes(G, thesis)
            new.append(time.perf_counter() - start)
        upstream = [c for c in G.nodes if G.nodes[c].get("role") == "claim"][:10]
        start = time.perf_counter()
        for c in upstream:  # the old cost: two full evaluations per upstream claim
            evaluate(G, assume=WhatIf(accepted=[c]))
            evaluate(G, assume=WhatIf(rejected=[c]))
        per_claim = (time.perf_counter() - start) / len(upstream)
        say(
            f"{n:>6} claims: cruxes {statistics.median(new):.2f} s ({len(found)} found); "
            f"rebuilding costs {per_claim:.2f} s per upstream claim (x{n} claims upstream at most)"
        )

    say("\n## startup")
    small = ROOT / "maps" / "cybercrime-treaties.yaml"
    r = paired(
        {
            "python -c pass": [PY, "-c", "pass"],
            "argmap --help": [*ARGMAP, "--help"],
            "argmap show": [*ARGMAP, "show", str(small)],
        },
        max(reps, 3),
    )
    floor_s = r["python -c pass"][0]
    for name, (t, _) in r.items():
        say(f"{name:>16}: {t:.3f} s ({t / floor_s:.1f}x python -c pass)")

    shutil.rmtree(tmp, ignore_errors=True)
    report = ROOT / "bench" / "out" / "limits.txt"
    report.parent.mkdir(exist_ok=True)
    report.write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
