"""Where a CLI run's startup goes: wall time of whole commands beside ``python -c pass``, and
the import time of each package they load (``python -X importtime``), so a slow import shows.

    .venv/bin/python bench/bench_startup.py [--rounds 7]

For each command: the median wall time over paired rounds (every command once per round,
``python -c pass`` first), its ratio to ``python -c pass``, then the packages whose imports
cost most, by cumulative import time (medians; a package's own submodules are counted under
it, and each import is counted under the first package that asked for it). Writes the report
to ``bench/out/startup.txt``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
MAP = str(ROOT / "maps" / "cybercrime-treaties.yaml")
COMMANDS: dict[str, list[str]] = {
    "python -c pass": [PY, "-c", "pass"],
    "argmap --help": [PY, "-m", "argmap.cli", "--help"],
    "argmap validate": [PY, "-m", "argmap.cli", "validate", MAP],
    "argmap show": [PY, "-m", "argmap.cli", "show", MAP],
    "argmap label": [PY, "-m", "argmap.cli", "label", MAP],
}
SHOWN = 8  # packages listed per command


def imports_by_package(stderr: str) -> Counter[str]:
    """Cumulative microseconds of each top-level import, keyed by its root package.

    >>> imports_by_package("import time: self [us] | cumulative | imported package\\n"
    ...                    "import time:  5 |  5 |   typer.core\\nimport time: 9 | 20 | typer")
    Counter({'typer': 20})
    """
    totals: Counter[str] = Counter()
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        _, cumulative, name = line[len("import time:") :].split("|")
        if name.startswith("  "):  # nested: already inside its parent's cumulative time
            continue
        totals[name.strip().split(".")[0]] += int(cumulative)
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    walls: dict[str, list[float]] = {k: [] for k in COMMANDS}
    imports: dict[str, list[Counter[str]]] = {k: [] for k in COMMANDS}
    for _ in range(args.rounds):
        for name, cmd in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True)
            walls[name].append(time.perf_counter() - start)
            timed = subprocess.run([cmd[0], "-X", "importtime", *cmd[1:]], capture_output=True)
            imports[name].append(imports_by_package(timed.stderr.decode()))
    floor = statistics.median(walls["python -c pass"])
    out = [
        f"bench_startup: medians of {args.rounds} paired rounds (wall seconds; imports from "
        "python -X importtime, cumulative, by package)"
    ]
    for name in COMMANDS:
        wall = statistics.median(walls[name])
        out.append(f"\n{name}: {wall:.3f} s ({wall / floor:.1f}x python -c pass)")
        packages = set().union(*imports[name])
        median = {p: statistics.median(c.get(p, 0) for c in imports[name]) for p in packages}
        total = statistics.median(sum(c.values()) for c in imports[name])
        out.append(f"  all imports {total / 1e6:.3f} s")
        for package, us in sorted(median.items(), key=lambda kv: -kv[1])[:SHOWN]:
            out.append(f"  {package:<20} {us / 1e6:.3f} s")
    text = "\n".join(out) + "\n"
    print(text, end="")
    report = ROOT / "bench" / "out" / "startup.txt"
    report.parent.mkdir(exist_ok=True)
    report.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
