"""Benchmark a class on one server: saves that lose nothing, and the class report.

**Saves.** Thirty students each save twenty times at once (threads, as the sessions of one
app server; ``--processes`` splits them over several processes, as several servers on one
folder). Each save adds a tag (its number) to the student's own claim in one shared map; a
refused save merges, as the Edit page offers, until it goes through. Printed: edits lost
(tags missing from the file at the end), saves refused, and the median and 95th-percentile
time of one student's save (retries included), for

- ``locked``: :meth:`argmap.store.editing.Editor.save` (compare-and-swap under the lock);
- ``unlocked``: the baseline, the save before the lock: check the file, render, rename;
- ``own copies``: each student saving their own copy (no one to wait for).

**Class report.** 300 student copies of ``maps/cybercrime-treaties.yaml``, each made from
the reference by removing, retyping, renaming and adding parts (seeded), are written to a
folder; printed are the medians of reading the 300 maps once, of the report without the
embeddings (the JSON the CLI prints) and of the full report (extra claims grouped by
meaning, questions).

    .venv/bin/python bench/bench_class.py                 # both, the issue's sizes
    .venv/bin/python bench/bench_class.py --quick         # 10 students x 5 saves, 30 copies
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from argmap.model import ArgumentMap  # noqa: E402
from argmap.products.class_report import class_report  # noqa: E402
from argmap.store.atomic import FileBusy, atomic_write_bytes, temp_files  # noqa: E402
from argmap.store.editing import Editor, SaveConflict  # noqa: E402
from argmap.store.yaml_map import read_map, write_map  # noqa: E402

REFERENCE = ROOT / "maps" / "cybercrime-treaties.yaml"
SEMINAR_MAP = """\
argmap: 1
title: A seminar map
question: Should we join?
sources:
  - id: s
    title: An article
    kind: article
actors:
  - id: a
    name: A government
    kind: government
claims:
  - id: thesis
    statement: We should join.
    kind: thesis
    source: s
    actor: a
    quote: join now
"""


def median_time(fn: Callable[[], Any], reps: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(reps):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


# ----------------------------------------------------------------------------- saves
def unlocked_save(ed: Editor) -> None:
    """The save before the lock: check the file, render, rename (the race in between)."""
    conflict = ed.conflict()
    if conflict is not None:
        raise conflict
    data = ed._render()
    atomic_write_bytes(ed.path, data)
    ed._saved(data)


def _tag(ed: Editor, claim_id: str, tag: str) -> None:
    claim = ed.entry("claims", claim_id).model_dump(by_alias=True)
    assert ed.update("claims", claim_id, {**claim, "tags": [*claim["tags"], tag]}) == {}


def one_save(path: Path, student: int, n: int, locked: bool) -> tuple[float, int]:
    """Open the map, add the tag ``v<n>`` to the student's own claim, save (merging when
    refused, saving again when the file is busy); return (seconds, times refused)."""
    start = time.perf_counter()
    claim_id, tag = f"s{student}", f"v{n}"
    ed = Editor.open(path)
    _tag(ed, claim_id, tag)
    refused = 0
    while True:
        try:
            if not locked:
                unlocked_save(ed)
            elif refused:
                ed.merge()
            else:
                ed.save()
            break
        except SaveConflict:
            refused += 1
            if not locked:  # the baseline's merge: the same edit on the file as it now is
                ed.reload()
                _tag(ed, claim_id, tag)
        except FileBusy:  # a long queue: nothing written, the edit still pending; again
            refused += 1
    return time.perf_counter() - start, refused


def students_saving(paths: list[Path], students: range, saves: int, locked: bool) -> list[Any]:
    """Run ``students`` as threads, each saving ``saves`` times to its path, all at once."""
    barrier = threading.Barrier(len(students))
    results: list[Any] = []

    def student(k: int) -> None:
        barrier.wait()
        path = paths[k % len(paths)]
        for n in range(saves):
            results.append(one_save(path, k, n, locked))

    threads = [threading.Thread(target=student, args=(k,)) for k in students]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def run_saves(label: str, n: int, saves: int, processes: int, locked: bool, own: bool) -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-class-"))
    paths = [folder / (f"s{k}.yaml" if own else "shared.yaml") for k in range(n if own else 1)]
    claims = "".join(f"  - id: s{k}\n    statement: Student {k}'s claim.\n    source: s\n"
                     "    actor: a\n    quote: join now\n" for k in range(n))  # fmt: skip
    for p in paths:
        p.write_text(SEMINAR_MAP + claims, encoding="utf-8")
    start = time.perf_counter()
    if processes > 1:
        chunks = [range(k, n, processes) for k in range(processes)]
        # Each process's students wait for each other only; processes start together.
        with ProcessPoolExecutor(processes) as pool:
            futures = [pool.submit(students_saving, paths, c, saves, locked) for c in chunks]
            results = [r for f in futures for r in f.result()]
    else:
        results = students_saving(paths, range(n), saves, locked)
    wall = time.perf_counter() - start
    expected = {(f"s{k}", f"v{m}") for k in range(n) for m in range(saves)}
    found = {(c.id, t) for p in paths for c in read_map(p, editable=False).map.claims
             for t in c.tags}  # fmt: skip
    lost = len(expected - found)
    times = sorted(t for t, _ in results)
    refused = sum(r for _, r in results)
    stray = sum(len(temp_files(p)) for p in paths)
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"  {label:<12} lost {lost:>4} of {len(expected)}  refused {refused:>5}  "
          f"save median {statistics.median(times) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms  "
          f"wall {wall:6.1f} s  stray temp files {stray}")  # fmt: skip


# ----------------------------------------------------------------------------- report
def student_copy(reference: ArgumentMap, rng: random.Random) -> ArgumentMap:
    """A student's copy: some claims dropped (with their relations), some relations retyped,
    some claims renamed, a few claims added."""
    data = reference.model_dump(by_alias=True, exclude_none=True)
    claims, relations = data["claims"], data["relations"]
    theses = {c["id"] for c in claims if c.get("kind") == "thesis"}
    dropped = {c["id"] for c in claims if c["id"] not in theses and rng.random() < 0.15}
    if rng.random() < 0.2 and theses:
        dropped.add(rng.choice(sorted(theses)))
    gone = set(dropped)
    while more := {r["id"] for r in relations
                   if r["id"] not in gone and {r["from"], r["to"]} & gone}:  # fmt: skip
        gone |= more
    claims = [c for c in claims if c["id"] not in gone]
    relations = [r for r in relations if r["id"] not in gone]
    for r in relations:
        if r["type"] != "undercuts" and rng.random() < 0.08:
            r["type"] = "supports" if r["type"] == "attacks" else "attacks"
    renames = {c["id"]: f"{c['id']}-mine" for c in claims if rng.random() < 0.1}
    for c in claims:
        c["id"] = renames.get(c["id"], c["id"])
    for r in relations:
        r["from"], r["to"] = renames.get(r["from"], r["from"]), renames.get(r["to"], r["to"])
    extras = [
        "The treaty would let states surveil journalists.",
        "Developing countries lack the capacity to investigate cybercrime.",
        "Cloud providers hold most of the evidence investigators need.",
        "A new treaty could take a decade to negotiate.",
    ]
    source, actor = claims[0]["source"], claims[0]["actor"]
    for k in range(rng.randint(0, 3)):
        text = rng.choice(extras)
        claims.append({"id": f"mine-{k}", "statement": text, "quote": text[:30],
                       "source": source, "actor": actor})  # fmt: skip
    return ArgumentMap.model_validate({**data, "claims": claims, "relations": relations})


def run_report(copies: int, reps: int) -> None:
    reference = read_map(REFERENCE).map
    rng = random.Random(24)
    folder = Path(tempfile.mkdtemp(prefix="bench-class-report-"))
    paths = []
    for k in range(copies):
        path = folder / f"student-{k:03d}.yaml"
        write_map(student_copy(reference, rng), path)
        paths.append(path)
    print(f"class report: {copies} student copies of {REFERENCE.name} "
          f"({len(reference.claims)} claims, {len(reference.relations)} relations), "
          f"median of {reps}")  # fmt: skip
    read_time, students = median_time(
        lambda: [(str(p), read_map(p, editable=False).map) for p in paths], reps
    )
    print(f"  read the {copies} maps once      {read_time:7.2f} s   (the baseline)")
    plain, report = median_time(lambda: class_report(reference, students, group_extras=False), reps)
    print(f"  report (the CLI's --json)     {plain:7.2f} s   "
          f"({plain / read_time:.2f} x reading)")  # fmt: skip
    full, report = median_time(lambda: class_report(reference, students), reps)
    print(f"  report with extras grouped    {full:7.2f} s   ({full / read_time:.2f} x reading; "
          f"{sum(len(g.members) for g in report.extra_groups)} extra claims in "
          f"{len(report.extra_groups)} groups)")  # fmt: skip
    scores = [s.score for s in report.students]
    print(f"  scores: median {statistics.median(scores):.3f}, "
          f"min {min(scores):.3f}, max {max(scores):.3f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--copies", type=int, default=300)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=["saves", "report"])
    args = parser.parse_args()
    if args.quick:
        args.students, args.saves, args.copies, args.reps = 10, 5, 30, 1
    if args.only != "report":
        print(f"saves: {args.students} students x {args.saves} saves at once, "
              f"{args.processes} process(es)")  # fmt: skip
        n, saves, procs = args.students, args.saves, args.processes
        run_saves("locked", n, saves, procs, locked=True, own=False)
        run_saves("unlocked", n, saves, procs, locked=False, own=False)
        run_saves("own copies", n, saves, procs, locked=True, own=True)
    if args.only != "saves":
        run_report(args.copies, args.reps)


if __name__ == "__main__":
    main()
