"""Benchmark what the input limits and the bounded solver promise, each figure beside its peer.

    .venv/bin/python bench/bench_limits.py            # full run (a few minutes)
    .venv/bin/python bench/bench_limits.py --quick    # smaller sizes, one repetition
    ARGDOWN=/path/to/node_modules/.bin/argdown .venv/bin/python bench/bench_limits.py --only load

Prints medians (wall seconds of whole CLI runs, paired: the peer runs in the same round) and
peak memory (GNU time's max RSS), and writes the report to ``bench/out/limits.txt``:

- **solve**: ``argmap solve -s preferred`` on debate-shaped 1,000- and 10,000-argument files
  (as bench_semantics makes them): time and peak memory with the default ``--limit``, and
  with ``--count``; the peer is ``python -c "import clingo"``, the floor of any run.
- **iccma**: ``argmap solve -s stable`` (default ``--limit``, and ``--count``) and
  ``-s preferred --count`` on 256-argument D(n,p,q) frameworks generated in the shape of
  ICCMA's AFGen instances n256p5q2_e and n256p3q08n (where stable once ran for many minutes),
  beside plain clingo counting the models of ASPARTIX's stable encoding; CPU seconds.
- **load**: ``argmap validate``, ``show``, ``label`` and ``export --to json`` on maps of 500,
  5,000, 20,000 and 100,000 statements against Argdown's CLI (``argdown json``) on the same
  debate (at 100,000 Argdown overflows node's stack, so it runs there with
  ``node --stack-size`` and an unlimited stack; argmap needs no option), with issue 27's
  goals beside the ratios (``label`` at most 0.6x Argdown's wall time at 20,000 and 100,000,
  ``export json`` at most 0.45x at 5,000),
  when ``ARGDOWN`` names its executable (npm ``@argdown/cli@1.7.5``, installed outside the
  repo; the bench checks Argdown's JSON holds every statement), and against the round-trip
  reader every verb used before (up to 5,000); without Argdown the bench says so and goes on.
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
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_semantics import debate_pairs, dnpq_pairs, write_af  # noqa: E402
from tests.support.mapgen import aif_chain, generate_map_text  # noqa: E402

PY = sys.executable
SECTIONS = ("solve", "iccma", "load", "import", "hostile", "cruxes", "startup")
ARGMAP = [PY, "-m", "argmap.cli"]


class Run(NamedTuple):
    wall: float  # seconds
    peak: float  # peak RSS, MiB (nan without GNU time)
    code: int
    cpu: float  # user + system seconds (nan without GNU time)
    last_line: str = ""  # the last line it printed


def run(cmd: list[str], timeout: float = 600) -> Run:
    """Run one command under GNU time; return its wall and CPU seconds, peak RSS, exit code
    and the last line it printed."""
    with tempfile.NamedTemporaryFile() as mem, tempfile.TemporaryFile("w+") as out:
        timed = ["/usr/bin/time", "-f", "%U %S %M", "-o", mem.name, *cmd]
        use_time = os.path.exists("/usr/bin/time")
        start = time.perf_counter()
        code = subprocess.call(
            timed if use_time else cmd, stdout=out, stderr=subprocess.DEVNULL, timeout=timeout
        )
        elapsed = time.perf_counter() - start
        text = Path(mem.name).read_text().split() if use_time else []
        out.seek(0)
        last = (out.read().strip().splitlines() or [""])[-1]
    try:
        user, system, peak = (float(x) for x in text[-3:])
        return Run(elapsed, peak / 1024, code, user + system, last)
    except ValueError:
        return Run(elapsed, float("nan"), code, float("nan"), last)


def paired(cmds: dict[str, list[str]], reps: int, timeout: float = 600) -> dict[str, Run]:
    """Run every command once per round, ``reps`` rounds, so a load on the machine falls on
    all alike; return each one's medians (the exit code of its last run)."""
    runs: dict[str, list[Run]] = {k: [] for k in cmds}
    for _ in range(reps):
        for name, cmd in cmds.items():
            runs[name].append(run(cmd, timeout))
    return {
        k: Run(
            statistics.median(r.wall for r in rs),
            statistics.median(r.peak for r in rs),
            rs[-1].code,
            statistics.median(r.cpu for r in rs),
            rs[-1].last_line,
        )
        for k, rs in runs.items()
    }


def aif_file(path: Path, nodes: int) -> None:
    """An AIF file of ``nodes`` nodes, half I and half RA (see :func:`aif_chain`)."""
    path.write_text(json.dumps(aif_chain(nodes // 2)))


def argdown_text(map_text: str) -> str:
    """The same debate in Argdown: one top-level statement per claim, then each claim's
    supports and attacks under it (Argdown wants a blank line between top-level blocks).
    Undercuts (an attack on a relation) have no Argdown form between statements: left out."""
    import yaml

    data = yaml.load(map_text, Loader=yaml.CSafeLoader)  # the C reader: 100,000 claims
    blocks = [f"[{claim['id']}]: {claim['statement']}" for claim in data["claims"]]
    under: dict[str, list[str]] = {}
    for rel in data["relations"]:
        if rel["type"] in ("supports", "attacks"):
            sign = "+" if rel["type"] == "supports" else "-"
            under.setdefault(rel["to"], []).append(f"  {sign} [{rel['from']}]")
    blocks += [f"[{target}]\n" + "\n".join(lines) for target, lines in under.items()]
    return "\n\n".join(blocks) + "\n"


def load_note() -> str:
    """The machine's load averages (1, 5, 15 minutes) and cores, to print beside figures."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f} {five:.1f} {fifteen:.1f} on {os.cpu_count()} cores"


# Argdown's parser recurses once per statement: at 100,000 it overflows node's default stack
# (RangeError), so from this size it runs with a larger one.
ARGDOWN_BIG_STACK_FROM = 50_000


def argdown_cmd(argdown: str, n: int) -> list[str]:
    """The command running Argdown's CLI on an ``n``-statement debate."""
    if n < ARGDOWN_BIG_STACK_FROM:
        return [argdown]
    script = os.path.realpath(argdown)
    return ["bash", "-c", 'ulimit -s unlimited && exec node --stack-size=60000 "$0" "$@"', script]


def argdown_parsed(argdown: list[str], source: Path, out: Path) -> tuple[int, int]:
    """Run ``argdown json`` once and return the (statements, relations) of its JSON: the
    proof that Argdown really parsed the whole debate, not stopped at a syntax error."""
    subprocess.run(
        [*argdown, "json", str(source), str(out)], capture_output=True, timeout=900, check=False
    )
    found = out / f"{source.stem}.json"
    if not found.exists():
        return 0, 0
    data = json.loads(found.read_text())
    return len(data.get("statements", {})), len(data.get("relations", []))


# Plain clingo on an APX file with ASPARTIX's stable encoding, counting every model: the
# peer of `argmap solve -s stable --count` (argmap's own encoding is the same program).
PLAIN_STABLE = """
import sys, clingo
ENCODING = '''
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
:- out(X), not defeated(X).
#show in/1.
'''
ctl = clingo.Control(["0"], logger=lambda code, message: None)
ctl.add("base", [], ENCODING + open(sys.argv[1]).read())
ctl.ground([("base", [])])
with ctl.solve(async_=True) as handle:
    if not handle.wait(float(sys.argv[2])):
        handle.cancel()
        print("undetermined")
        sys.exit(0)
print(int(ctl.statistics["summary"]["models"]["enumerated"]))
"""

# ICCMA's 256-argument AFGen instances as D(n, p, q) parameters (name: n, p, q).
ICCMA_SHAPES = {"n256p5q2": (256, 0.5, 0.2), "n256p3q08": (256, 0.3, 0.08)}


def iccma_section(tmp: Path, reps: int, timeout: float, say: Callable[[str], None]) -> None:
    """Stable and preferred on ICCMA-shaped 256-argument frameworks beside plain clingo."""
    say("\n## iccma: D(n,p,q) frameworks shaped as ICCMA's 256-argument AFGen instances")
    say(f"CPU s, medians of paired rounds; each run stops at {timeout:g} s (wall)")
    script = tmp / "plain_stable.py"
    script.write_text(PLAIN_STABLE)
    for name, (n, p, q) in ICCMA_SHAPES.items():
        path = tmp / f"{name}.apx"
        pairs = dnpq_pairs(n, p, q)
        path.write_text(
            "".join(f"arg(a{i + 1}).\n" for i in range(n))
            + "".join(f"att(a{a + 1},a{b + 1}).\n" for a, b in pairs)
        )
        solve = [*ARGMAP, "solve", str(path), "--timeout", f"{timeout:g}"]
        cmds = {
            "argmap stable": [*solve, "-s", "stable"],
            "argmap stable --count": [*solve, "-s", "stable", "--count"],
            "argmap preferred --count": [*solve, "-s", "preferred", "--count"],
            "plain clingo stable": [PY, str(script), str(path), f"{timeout:g}"],
        }
        r = paired(cmds, reps, timeout * 2 + 60)  # they stop themselves at the timeout
        for label, got in r.items():
            answer = _answer(got.last_line)
            say(f"{name} ({len(pairs)} attacks) {label:<25} {got.cpu:7.2f} s  {answer}")


def _answer(last: str) -> str:
    """The count (or how the run ended) from the last line a solve command printed (argmap
    streams its JSON, so its last line ends with the count and message)."""
    if last == "undetermined" or last.isdigit():
        return last if last == "undetermined" else f"{last} extensions"
    count = re.search(r'"count": (\d+)', last)
    if count:
        return f"{count.group(1)} extensions"
    message = re.search(r'"message": ("(?:[^"\\]|\\.)*")', last)
    return json.loads(message.group(1)) if message else last[-60:]


# Issue 27's goals: (verb, statements) -> the most argmap's wall time may be of Argdown's.
LOAD_GOALS = {("label", 20000): 0.6, ("label", 100000): 0.6, ("export json", 5000): 0.45}

# The read-only verbs timed against Argdown, each a whole CLI run on the same map.
READ_VERBS = {
    "validate": ["validate"],
    "show": ["show"],
    "label": ["label"],
    # the text prints labels; --json adds every strength (DF-QuAD) and relation outcome
    "label --json": ["label", "--json"],
    "export json": ["export", "--to", "json", "-o"],
}


def load_section(tmp: Path, sizes: tuple[int, ...], reps: int, say: Callable[[str], None]) -> None:
    """Every read-only verb against ``argdown json`` on the same debate, paired, per size."""
    say("\n## load: each read-only verb vs Argdown's CLI (argdown json), same debate")
    argdown = os.environ.get("ARGDOWN") or shutil.which("argdown")
    if not argdown:
        say("Argdown CLI not found (set ARGDOWN to npm @argdown/cli@1.7.5's bin): not compared")
    say(
        "wall s, CPU s (user+system), peak RSS MiB: medians of paired rounds; x = argmap / "
        "argdown, wall then CPU (below 1: argmap is faster). On a loaded machine the CPU "
        "ratio is the steadier one."
    )
    rt = (
        "import sys; from argmap.store.yaml_map import read_map; "
        "read_map(sys.argv[1], editable=True)"
    )
    for n in sizes:
        path = tmp / f"map-{n}.yaml"
        text = generate_map_text(n)
        path.write_text(text)
        cmds = {}
        for verb, words in READ_VERBS.items():
            extra = [str(tmp / f"out-{n}.json")] if words[-1] == "-o" else []
            # 100,000 claims bring about 105,000 relations: one list past the default
            # --max-items (100,000 entries), which the map must raise, as a user would.
            more = ["--max-items", str(2 * n)] if n > 90_000 else []
            cmds[verb] = [*ARGMAP, *words, *extra, *more, str(path)]
        if n <= 5000:  # the reader every verb used before: minutes at 20,000, so not there
            cmds["round-trip read"] = [PY, "-c", rt, str(path)]
        if argdown:
            ad = tmp / f"map-{n}.argdown"
            ad.write_text(argdown_text(text))
            statements, relations = argdown_parsed(
                argdown_cmd(argdown, n), ad, tmp / f"ad-check-{n}"
            )
            say(
                f"{n:>6} statements: argdown json parsed {statements} statements, {relations} "
                "relations"
            )
            if statements != n:
                say("  argdown did not parse the whole debate: not compared at this size")
            else:
                cmds["argdown json"] = [
                    *argdown_cmd(argdown, n),
                    "json",
                    str(ad),
                    str(tmp / f"ad-{n}"),
                ]
        say(f"{n:>6} statements: {load_note()} before the rounds")
        r = paired(cmds, reps)
        peer = r.get("argdown json")
        for name, got in r.items():
            ratio = (
                f"  x{got.wall / peer.wall:.2f} x{got.cpu / peer.cpu:.2f}"
                if peer and name != "argdown json"
                else ""
            )
            goal = LOAD_GOALS.get((name, n))
            if goal and peer:
                met = "met" if got.wall / peer.wall <= goal else "MISSED"
                ratio += f"  (goal wall <= x{goal:.2f}: {met})"
            say(
                f"{n:>6} {name:<16} {got.wall:6.2f} s {got.cpu:6.2f} s {got.peak:5.0f} MiB"
                f"{ratio}{'' if got.code == 0 else f'  (exit {got.code})'}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, one repetition")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument(
        "--sizes", type=int, action="append", help="load: statements (repeatable; default all)"
    )
    parser.add_argument(
        "--iccma-timeout",
        type=float,
        default=300,
        help="seconds (wall) each iccma run may take (default 300; --quick: 60)",
    )
    parser.add_argument(
        "--only", action="append", choices=SECTIONS, help="run only this section (repeatable)"
    )
    args = parser.parse_args()

    def want(section: str) -> bool:
        return not args.only or section in args.only

    reps = 1 if args.quick else args.reps
    out: list[str] = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        out.append(text)

    tmp = Path(tempfile.mkdtemp(prefix="argmap-bench-"))
    say(f"bench_limits: medians of {reps} paired round(s); seconds wall, peak RSS MiB")
    # As installed (pip writes bytecode): with PYTHONDONTWRITEBYTECODE set and no
    # __pycache__, every run would compile argmap's modules again (40 ms a run).
    subprocess.run(
        [PY, "-m", "compileall", "-q", str(ROOT / "argmap")],
        stdout=subprocess.DEVNULL,
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
        check=False,
    )
    say("argmap's bytecode compiled first (python -m compileall), as an install has it")
    say(f"{load_note()} at the start (the machine may be shared: read the paired ratios)")

    if want("solve"):
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

    if want("iccma"):
        iccma_section(tmp, reps, 60 if args.quick else args.iccma_timeout, say)

    if want("load"):
        sizes = (500, 5000) if args.quick else (500, 5000, 20000, 100000)
        load_section(tmp, tuple(args.sizes or sizes), reps, say)

    if want("import"):
        say("\n## import: AIF of 1k, 10k, 100k nodes (half I, half RA)")
        previous = None
        for nodes in (1000, 10000) if args.quick else (1000, 10000, 100000):
            path = tmp / f"aif-{nodes}.json"
            aif_file(path, nodes)
            target = tmp / f"aif-{nodes}.yaml"
            times = []
            for _ in range(reps):
                target.unlink(missing_ok=True)
                t, peak, code = run(
                    [*ARGMAP, "import", str(path), "--from", "aif", "-o", str(target)]
                )
                times.append(t)
            t = statistics.median(times)
            ratio = f"; {t / previous:.1f}x the time for 10x the nodes" if previous else ""
            say(f"{nodes:>7} nodes: {t:.2f} s {peak:.0f} MiB (exit {code}){ratio}")
            previous = t

    if want("hostile"):
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
        for name, (t, m, *_) in r.items():
            say(f"{name:>30}: {t:.2f} s {m:.0f} MiB")

    if want("cruxes"):
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
                f"rebuilding costs {per_claim:.2f} s per upstream claim "
                f"(x{n} claims upstream at most)"
            )

    if want("startup"):
        say("\n## startup (goal: argmap show under 5x python -c pass)")
        say(f"{load_note()}; wall s, CPU s, medians of paired rounds")
        small = ROOT / "maps" / "cybercrime-treaties.yaml"
        r = paired(
            {
                "python -c pass": [PY, "-c", "pass"],
                # what any verb must import: the model's pydantic and the CLI's typer
                "import pydantic, typer": [PY, "-c", "import pydantic, typer"],
                # the floors of show while the model is pydantic: its classes built, and
                # the map read and validated by them (no CLI)
                "import the model": [PY, "-c", "from argmap.model import ArgumentMap"],
                "read the map": [
                    PY,
                    "-c",
                    "import sys; from argmap.store.yaml_map import read_map; "
                    "read_map(sys.argv[1], editable=False)",
                    str(small),
                ],
                "argmap --help": [*ARGMAP, "--help"],
                "argmap show": [*ARGMAP, "show", str(small)],
            },
            max(reps, 5),
        )
        floor = r["python -c pass"]
        for name, got in r.items():
            say(
                f"{name:>22}: {got.wall:.3f} s wall ({got.wall / floor.wall:.1f}x python -c pass)"
                f"  {got.cpu:.3f} s CPU ({got.cpu / floor.cpu:.1f}x)"
            )

    shutil.rmtree(tmp, ignore_errors=True)
    name = "limits" + "".join(f"-{section}" for section in args.only or ())
    report = ROOT / "bench" / "out" / f"{name}.txt"
    report.parent.mkdir(exist_ok=True)
    report.write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
