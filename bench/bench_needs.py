"""How long `needs` (what it would take for a claim to stand) takes, beside one `evaluate`.

Prints medians: for every thesis of maps/cybercrime-treaties.yaml, and for claims of the
debate-shaped synthetic maps of bench_semantics (``make_map``: about five relations per
claim, 5 % rebuttals) at 100 and 500 claims. The peer is one full `evaluate` of the same
map (labels and DF-QuAD strengths: what the claim panel already pays). Writes
bench/out/needs.txt.

    .venv/bin/python bench/bench_needs.py [--quick]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_audiences import median_time
from bench_semantics import make_map

from argmap.analysis import evaluate
from argmap.analysis.needs import needs
from argmap.graph import theses, to_graph
from argmap.model import ArgumentMap
from argmap.store.yaml_map import read_map

ROOT = Path(__file__).parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    reps = 1 if args.quick else 3
    lines: list[str] = []

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    G = to_graph(read_map(ROOT / "maps" / "cybercrime-treaties.yaml").map)
    needs(G, theses(G)[0])  # load clingo once
    peer, _ = median_time(lambda: evaluate(G), reps)
    say(f"cybercrime map ({len(theses(G))} theses); peer: one evaluate {peer * 1000:.0f} ms")
    for t in theses(G):
        seconds, n = median_time(lambda t=t: needs(G, t), reps)
        sizes = [len(s) for s in n.reject]  # type: ignore[attr-defined]
        say(f"  needs {t:<28} {seconds * 1000:6.0f} ms  {n.label!s:<5} reject sizes {sizes}")  # type: ignore[attr-defined]
    for size in (100,) if args.quick else (100, 500):
        S = to_graph(ArgumentMap.model_validate(make_map(size)))
        peer, _ = median_time(lambda S=S: evaluate(S), reps)
        say(f"synthetic {size} claims; peer: one evaluate {peer * 1000:.0f} ms")
        for c in ("c0", "c5", f"c{size // 2}", f"c{size * 4 // 5}"):
            seconds, n = median_time(lambda c=c, S=S: needs(S, c), 1)
            say(
                f"  needs {c:<6} {seconds:6.2f} s  {n.label!s:<5} "  # type: ignore[attr-defined]
                f"reject {[len(s) for s in n.reject]} cut {[len(s) for s in n.cut]}"  # type: ignore[attr-defined]
                + ("" if n.complete else "  (budget ran out: minimal, not proven smallest)")  # type: ignore[attr-defined]
            )
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / "needs.txt").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
