"""Time every CLI verb and every app page on 500- and 2,000-claim maps, against issue 16's goal:
every page and verb under 1 s at 500 claims and under 3 s at 2,000.

    .venv/bin/python bench/bench_pages.py            # full run: 3 paired rounds
    .venv/bin/python bench/bench_pages.py --quick    # one round, shorter time limit

The maps come from ``tests/support/mapgen.py`` (``generate_map_text(n, values=True)``: the
synthetic debate with six values and four audiences, so the values and audience pages and
verbs have work to do). Figures are medians over paired rounds of CPU seconds (the goal is
judged on them: they hold under load) with wall seconds beside them:

- **verbs**: each verb a user runs on a map, as a whole ``argmap`` process (start-up
  included). Each round also runs the baselines ``argmap --help`` and ``python -c pass``.
- **pages**: each app page rendered by Streamlit's ``AppTest`` in a fresh process: its
  first render on the map (nothing cached for that map: a cold server) and a rerun (what
  every click costs). The baseline is the same page on a 5-claim map, rendered first in the
  same process (which also pays the imports), so each page's figure sits beside its floor.

A run that passes the time limit is killed and shown as ``>T``. The table goes to stdout and
``bench/out/pages.txt``; "goal" is yes when the figure (for pages: first render and rerun)
is under 1 s at 500 and under 3 s at 2,000. Absolute figures depend on the machine's load;
the baselines beside them say how loaded it was.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.mapgen import generate_map_text  # noqa: E402

PY = sys.executable
ARGMAP = [PY, "-m", "argmap.cli"]
SIZES = (500, 2000)
GOAL = {500: 1.0, 2000: 3.0}
THESIS = "c0"  # the first thesis of every generated map
AUDIENCE = "audience-0"

# name -> argv after "argmap", with {map} and {out} (a scratch folder) filled in.
VERBS: dict[str, list[str]] = {
    "validate": ["validate", "{map}"],
    "show": ["show", "{map}"],
    "label": ["label", "{map}"],
    "label --json": ["label", "{map}", "--json"],
    "label -s preferred": ["label", "{map}", "-s", "preferred"],
    "label --view bipolar": ["label", "{map}", "--view", "bipolar"],
    "label --audience": ["label", "{map}", "--audience", AUDIENCE],
    "audiences": ["audiences", "{map}"],
    "needs": ["needs", "{map}", THESIS],
    "needs --audience": ["needs", "{map}", THESIS, "--audience", AUDIENCE],
    "brief .md": ["brief", "{map}", "--thesis", THESIS, "--side", "for", "-o", "{out}/b.md"],
    "brief .html": ["brief", "{map}", "--thesis", THESIS, "--side", "against", "-o",
                    "{out}/b.html"],
    "brief .docx": ["brief", "{map}", "--thesis", THESIS, "--side", "for", "-o", "{out}/b.docx"],
    "brief .pdf": ["brief", "{map}", "--thesis", THESIS, "--side", "for", "-o", "{out}/b.pdf"],
    "brief --audience": ["brief", "{map}", "--thesis", THESIS, "--side", "for", "--audience",
                         AUDIENCE, "-o", "{out}/ba.md"],
    "flow .xlsx": ["flow", "{map}", "--thesis", THESIS, "--side", "for", "-o", "{out}/f.xlsx"],
    "questions": ["questions", "{map}"],
    "timeline": ["timeline", "{map}"],
    "verdicts": ["verdicts", "{map}", "--database", "sqlite:///{out}/verdicts.sqlite3"],
    "diff": ["diff", "{map}", "{map}"],
    **{
        f"export {fmt}": ["export", "{map}", "-o", f"{{out}}/e.{suffix}"]
        for fmt, suffix in (
            ("json", "json"), ("graphml", "graphml"), ("argdown", "argdown"), ("aif", "aif.json"),
            ("dot", "dot"), ("svg", "svg"), ("html", "html"), ("iccma", "af"), ("apx", "apx"),
            ("csv", "csv"), ("yaml", "yaml"),
        )
    },
}  # fmt: skip
BASELINES = {"python -c pass": [PY, "-c", "pass"], "argmap --help": [*ARGMAP, "--help"]}

# name -> (page module, URL parameters): every page of the app's navigation, and the map page
# with a claim selected (its panel) and with the across-all-audiences colouring. The compare
# page compares the folder's first two maps (m2000 and m500) whatever the map named: its cold
# figure is its baseline column (the first run in the process), the others are warm.
PAGES: dict[str, tuple[str, dict[str, str]]] = {
    "map": ("map", {}),
    "map+claim": ("map", {"claim": THESIS}),
    "map+all audiences": ("map", {"audience": "*"}),
    "outline": ("outline", {}),
    "values": ("values", {}),
    "brief": ("brief", {}),
    "drill": ("drill", {}),
    "discussion": ("discussion", {}),
    "stepthrough": ("stepthrough", {}),
    "sources": ("sources", {}),
    "verdicts": ("verdicts", {}),
    "compare": ("compare", {}),
    "edit": ("edit", {}),
    "exchange": ("exchange", {}),
}
BASE_MAP = "tiny"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd: list[str], timeout: float) -> tuple[float, float]:
    """(CPU, wall) seconds of one command; ``inf`` when it passes ``timeout``, ``nan`` when it
    fails."""
    cpu, start = children_cpu(), time.perf_counter()
    try:
        code = subprocess.call(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return math.inf, math.inf
    elapsed = time.perf_counter() - start
    if code:
        return math.nan, math.nan
    return children_cpu() - cpu, elapsed


def render_page(page: str, maps: Path, name: str, query: dict[str, str], timeout: float) -> None:
    """(Child process.) Render ``page`` on the baseline map, then on ``name``: first render and
    a rerun of each; print the four times as JSON."""
    os.environ["ARGMAP_MAPS_DIR"] = str(maps)
    os.environ["ARGMAP_DATABASE_URL"] = f"sqlite:///{maps / 'verdicts.sqlite3'}"
    from streamlit.testing.v1 import AppTest

    from argmap.app.main import page_path

    found: dict[str, float | str] = {}
    for label, map_name in (("base", BASE_MAP), ("map", name)):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
        at.query_params["map"] = map_name
        for key, value in query.items():
            at.query_params[key] = value
        at.switch_page(page_path(page))
        for run in ("first", "rerun"):
            cpu, start = time.process_time(), time.perf_counter()
            at.run()
            found[f"{label} {run}"] = time.process_time() - cpu
            found[f"{label} {run} wall"] = time.perf_counter() - start
        if at.exception:
            found["error"] = str(at.exception[0].value)[:200]
    print(json.dumps(found))


def page_times(
    page: str, query: dict[str, str], maps: Path, name: str, timeout: float
) -> dict[str, float]:
    cmd = [PY, __file__, "--child", page, str(maps), name, json.dumps(query), str(timeout)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout * 2 + 60)
    except subprocess.TimeoutExpired:
        return {"map first": math.inf, "map rerun": math.inf, "map first wall": math.inf}
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        print(f"  {page} on {name}: {done.stderr[-500:]}", file=sys.stderr)
        return {"map first": math.nan, "map rerun": math.nan}
    found = json.loads(lines[-1])
    if "error" in found:
        print(f"  {page} on {name}: {found['error']}", file=sys.stderr)
        found["map first"] = found["map rerun"] = math.nan
    return found


def fmt(t: float, timeout: float) -> str:
    if math.isinf(t):
        return f">{timeout:.0f}"
    if math.isnan(t):
        return "error"
    return f"{t:.2f}"


def median(values: list[float]) -> float:
    if any(math.isnan(v) for v in values):
        return math.nan
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="one round, 60 s time limit")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--only", default="", help="comma-separated verbs/pages to run")
    parser.add_argument("--no-pages", action="store_true")
    parser.add_argument("--no-verbs", action="store_true")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        page, maps, name, query, timeout = args.child
        render_page(page, Path(maps), name, json.loads(query), float(timeout))
        return
    rounds = 1 if args.quick else args.rounds
    timeout = 60.0 if args.quick else args.timeout
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    verbs = {k: v for k, v in VERBS.items() if not only or k in only}
    pages = {k: v for k, v in PAGES.items() if not only or k in only}
    if args.no_verbs:
        verbs = {}
    if args.no_pages:
        pages = {}

    tmp = Path(tempfile.mkdtemp(prefix="argmap-bench-pages-"))
    maps = tmp / "maps"
    maps.mkdir()
    (maps / f"{BASE_MAP}.yaml").write_text(generate_map_text(5, values=True), encoding="utf-8")
    for n in SIZES:
        (maps / f"m{n}.yaml").write_text(generate_map_text(n, values=True), encoding="utf-8")

    out: list[str] = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        out.append(text)

    say(f"bench_pages: medians of {rounds} paired round(s); CPU seconds (wall in brackets);")
    say(
        f"limit {timeout:.0f} s wall per run. Goal (on CPU): under {GOAL[500]:.0f} s at 500 claims,"
    )
    say(f"under {GOAL[2000]:.0f} s at 2,000. CPU is what the run itself costs; wall adds the")
    say("machine's load (other processes on the same cores).")

    verb_t: dict[tuple[str, int], list[tuple[float, float]]] = {}
    base_t: dict[str, list[tuple[float, float]]] = {k: [] for k in BASELINES}
    page_t: dict[tuple[str, int, str], list[float]] = {}
    keys = [
        f"{w} {r}{x}" for w in ("map", "base") for r in ("first", "rerun") for x in ("", " wall")
    ]
    for r in range(rounds):
        print(f"round {r + 1}/{rounds}", file=sys.stderr, flush=True)
        if verbs:
            for name, cmd in BASELINES.items():
                base_t[name].append(timed(cmd, timeout))
        for n in SIZES:
            path = str(maps / f"m{n}.yaml")
            for name, argv in verbs.items():
                cmd = [*ARGMAP, *(a.format(map=path, out=tmp) for a in argv)]
                verb_t.setdefault((name, n), []).append(timed(cmd, timeout))
                print(f"  {name} {n}: {verb_t[name, n][-1]}", file=sys.stderr, flush=True)
            for name, (page, query) in pages.items():
                found = page_times(page, query, maps, f"m{n}", timeout)
                for key in keys:
                    page_t.setdefault((name, n, key), []).append(found.get(key, math.nan))
                print(f"  {name} {n}: {found}", file=sys.stderr, flush=True)

    def met(times: dict[int, float]) -> str:
        if any(math.isnan(v) for v in times.values()):
            return "error"
        return "yes" if all(times[n] < GOAL[n] for n in SIZES) else "no"

    def both(pairs: list[tuple[float, float]]) -> tuple[float, float]:
        return median([p[0] for p in pairs]), median([p[1] for p in pairs])

    def cell(cpu: float, wall: float, width: int = 14) -> str:
        return f"{fmt(cpu, timeout)} ({fmt(wall, timeout)})".rjust(width)

    misses = []
    if verbs:
        say("\n## verbs (whole argmap processes)")
        for name, ts in base_t.items():
            say(f"baseline {name:<22} {cell(*both(ts))} s")
        say(f"{'verb':<24} {'500 s':>14} {'2000 s':>14}  goal")
        for name in verbs:
            times = {n: both(verb_t[name, n]) for n in SIZES}
            ok = met({n: times[n][0] for n in SIZES})
            if ok != "yes":
                misses.append(name)
            say(f"{name:<24} {cell(*times[500])} {cell(*times[2000])}  {ok}")
    if pages:
        say("\n## app pages (AppTest in a fresh process: first render with nothing cached, then")
        say("## a rerun; baseline: the same page on a 5-claim map first, in the same process)")
        say(
            f"{'page':<18} {'500 first':>14} {'rerun':>14} {'2000 first':>14} {'rerun':>14}"
            f" {'base first':>14} {'rerun':>14}  goal"
        )
        for name in pages:
            t = {(n, k): median(page_t[name, n, k]) for n in SIZES for k in keys}
            worst = {n: max(t[n, "map first"], t[n, "map rerun"]) for n in SIZES}
            ok = met(worst)
            if ok != "yes":
                misses.append(name)
            cells = [
                cell(t[n, f"{w} {r}"], t[n, f"{w} {r} wall"])
                for n, w in ((500, "map"), (2000, "map"), (500, "base"))
                for r in ("first", "rerun")
            ]
            say(f"{name:<18} {' '.join(cells)}  {ok}")
    say(f"\nmiss the goal: {', '.join(misses) if misses else 'none'}")
    dest = ROOT / "bench" / "out"
    dest.mkdir(exist_ok=True)
    (dest / "pages.txt").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
