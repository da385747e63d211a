"""How good are the link suggestions (argmap.products.links)? Leave-one-out on a map: hide
each supports/attacks relation in turn, ask for suggestions for its ``from`` claim, and
count how often the hidden relation's ``to`` claim is in the top 3 (and top 1) with the
right type. Beside, in the same run: word overlap alone (Jaccard of content words, every
suggestion ``supports``, the commonest type), meaning alone (the embedding, with the full
method's type) and structure alone. Undercuts (whose target is a relation) are left out.
A last line checks the choice of weights held out: chosen (a grid) on half of the
relations, measured on the other half, both ways. The weights of links.WEIGHTS were chosen
on the cybercrime map (a 64-point grid over three
of them, then four values of the same-source weight): the figure is in-sample; a first
guess (thesis 0.15, actors 0.1, target 0.05, no source) gave 26% top-3 with type.

    .venv/bin/python bench/bench_links.py [--map maps/cybercrime-treaties.yaml] [--rounds 3]

Times are medians per suggestion, warm (the model loaded, embeddings cached).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from argmap.model import Relation, RelationType  # noqa: E402
from argmap.products import links  # noqa: E402
from argmap.products.links import LinkSuggester  # noqa: E402
from argmap.store.yaml_map import read_map  # noqa: E402


def measure(path: Path, rounds: int) -> None:
    m = read_map(path).map
    suggester = LinkSuggester(m)
    hidden = [r for r in m.relations if r.type is not RelationType.undercuts]
    methods = {
        "argmap (meaning + structure)": ("full", None),
        "meaning alone (embedding)": ("full", {"meaning": 1.0, "thesis": 0.0, "actors": 0.0,
                                              "target": 0.0, "source": 0.0}),
        "structure alone (no meaning)": ("full", {"meaning": 0.0}),
        "word overlap alone (baseline)": ("words", None),
    }  # fmt: skip
    commit = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h", "--", str(path)],
                            capture_output=True, text=True).stdout.strip()  # fmt: skip
    print(f"{path.name} as last changed in commit {commit or '(not committed)'}: "
          f"{len(m.claims)} claims, {len(hidden)} relations hidden one at a time (supports "
          "and attacks; undercuts left out)")  # fmt: skip
    print(f"{'method':32} {'top-3 + type':>13} {'top-3 any type':>15} {'top-1 + type':>13} "
          f"{'ms/claim':>9}")  # fmt: skip
    saved = dict(links.WEIGHTS)
    for name, (method, weights) in methods.items():
        links.WEIGHTS.update(saved | (weights or {}))
        top3 = top3_any = top1 = 0
        times: list[float] = []
        for _ in range(rounds):
            top3 = top3_any = top1 = 0
            for relation in hidden:
                rest = [r for r in m.relations if r.id != relation.id]
                start = time.perf_counter()
                found = suggester.suggest(m.claim(relation.from_), 3, relations=rest,
                                          method=method)  # type: ignore[arg-type]  # fmt: skip
                times.append(time.perf_counter() - start)
                ends = [s.target for s in found]
                right = [s.target for s in found if s.type == relation.type.value]
                top3 += relation.to in right
                top3_any += relation.to in ends
                top1 += bool(found) and found[0].target == relation.to and (
                    found[0].type == relation.type.value)  # fmt: skip
        n = len(hidden)
        print(f"{name:32} {top3 / n:>12.0%} {top3_any / n:>15.0%} {top1 / n:>13.0%} "
              f"{1000 * statistics.median(times):>9.1f}")  # fmt: skip
    links.WEIGHTS.update(saved)


def held_out(path: Path) -> None:
    """Two-fold check of the weights' choice: pick them on half of the relations (a grid),
    measure on the other half, and the other way round."""
    import itertools

    m = read_map(path).map
    suggester = LinkSuggester(m)
    hidden = [r for r in m.relations if r.type is not RelationType.undercuts]
    saved = dict(links.WEIGHTS)
    grid = [dict(zip(("thesis", "actors", "target", "source"), w, strict=True))
            for w in itertools.product((0, 0.1, 0.2), (0, 0.1, 0.2), (0, 0.1, 0.2),
                                       (0, 0.1, 0.2, 0.3))]  # fmt: skip

    def hits(relations: list[Relation], weights: dict[str, float]) -> int:
        links.WEIGHTS.update(weights)
        n = 0
        for relation in relations:
            rest = [r for r in m.relations if r.id != relation.id]
            found = suggester.suggest(m.claim(relation.from_), 3, relations=rest)
            n += relation.to in [s.target for s in found if s.type == relation.type.value]
        return n

    halves = [hidden[0::2], hidden[1::2]]
    total = 0
    for fold in (0, 1):
        best = max(grid, key=lambda w: hits(halves[fold], w))
        total += hits(halves[1 - fold], best)
    links.WEIGHTS.update(saved)
    print(
        f"held out (weights chosen on the other half, two folds): top-3 + type "
        f"{total / len(hidden):.0%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--map", type=Path, default=ROOT / "maps" / "cybercrime-treaties.yaml")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    measure(args.map, args.rounds)
    held_out(args.map)


if __name__ == "__main__":
    main()
