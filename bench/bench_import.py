"""Importing an AIF chain (issue 26's targets: 20,000 I nodes under 3 s, 100,000 under 15 s),
and the YAML writer it spends most of its time in, against the representer it replaced.

Prints medians of paired rounds:

- ``import``: ``argmap import --from aif`` of a chain of N I nodes and N RA nodes, wall and
  CPU seconds of the whole command;
- ``writer``: :func:`argmap.store.yaml_map.dump_fresh` of the 20,000-claim import (now:
  written line by line, the plain-text check read from the resolver table once) against
  what it did before (the peer: libyaml behind PyYAML's representer, calling ruamel's
  ``resolve()`` per string, which looked the YAML version up twice per call). Both
  outputs are compared byte for byte.

Run: ``python bench/bench_import.py [--quick] [--reps N]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from argmap.readwrite.aif import parse_aif
from argmap.store import yaml_map
from tests.support.mapgen import aif_chain

ARGMAP = [sys.executable, "-m", "argmap.cli"]


def run(cmd: list[str]) -> tuple[float, float]:
    """Return the wall and CPU seconds of one run of ``cmd`` (which must succeed)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _before(argument_map: Any) -> str:
    """dump_fresh as it was: libyaml's emitter behind PyYAML's representer, whose check
    called ruamel's resolve() per string."""
    import yaml
    from ruamel.yaml.nodes import ScalarNode

    class Before(yaml.CSafeDumper):
        pass

    def text(dumper: Any, value: str) -> Any:
        resolved = yaml_map._YAML_1_2.resolve(ScalarNode, value, (True, False))
        plain_ok = resolved == "tag:yaml.org,2002:str"
        style = '"' if yaml_map._UNSAFE_TEXT.search(value) or not plain_ok else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Before.add_representer(str, text)
    lean = argument_map.model_dump(
        mode="json", by_alias=True, exclude_none=True, exclude_defaults=True
    )
    data = {"argmap": argument_map.argmap, **lean}
    return str(yaml.dump(data, Dumper=Before, sort_keys=False, allow_unicode=True, width=4096))


def timed(write: Any, argument_map: Any) -> tuple[float, str]:
    """Return the CPU seconds and the text of ``write(argument_map)``."""
    start = time.process_time()
    text = write(argument_map)
    return time.process_time() - start, text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="20,000 only, one repetition")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    reps = 1 if args.quick else args.reps
    tmp = Path(tempfile.mkdtemp(prefix="argmap-bench-import-"))
    print(f"bench_import: medians of {reps} round(s); load {Path('/proc/loadavg').read_text()}")

    print("## import: argmap import --from aif of an AIF chain (N I nodes, N RA nodes)")
    for n in (20_000,) if args.quick else (20_000, 100_000):
        source = tmp / f"chain-{n}.json"
        source.write_text(json.dumps(aif_chain(n)))
        walls, cpus = [], []
        for _ in range(reps):
            target = tmp / f"chain-{n}.yaml"
            target.unlink(missing_ok=True)
            wall, cpu = run([*ARGMAP, "import", str(source), "--from", "aif", "-o", str(target)])
            walls.append(wall)
            cpus.append(cpu)
        target_s = 3 if n == 20_000 else 15
        print(
            f"{n:>7} I nodes: {statistics.median(walls):.2f} s wall, "
            f"{statistics.median(cpus):.2f} s CPU (target: under {target_s} s)"
        )

    print("\n## writer: dump_fresh of the 20,000-claim import, CPU s")
    imported = parse_aif(json.dumps(aif_chain(20_000)), "chain.json").map
    new_times, old_times = [], []
    for _ in range(reps):
        yaml_map._fresh_style.cache_clear()
        t_new, text_new = timed(yaml_map.dump_fresh, imported)
        t_old, text_old = timed(_before, imported)
        assert text_new == text_old, "now and before must write the same file"
        new_times.append(t_new)
        old_times.append(t_old)
    new, old = statistics.median(new_times), statistics.median(old_times)
    print(f"line by line (now) {new:.2f} s; libyaml with resolve() per string (before) "
          f"{old:.2f} s; {old / new:.1f}x")  # fmt: skip


if __name__ == "__main__":
    main()
