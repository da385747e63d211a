"""Synthetic maps of any size, for the 2,000-claim browser test and the render benchmark."""

from __future__ import annotations

import json
import random
from typing import Any

_WORDS = [
    "treaty",
    "states",
    "evidence",
    "cooperation",
    "rights",
    "servers",
    "data",
    "police",
    "courts",
    "access",
    "speed",
    "trust",
    "sovereignty",
    "safeguards",
    "jurisdiction",
    "providers",
    "encryption",
    "surveillance",
    "victims",
    "ransomware",
    "extradition",
    "capacity",
    "budget",
    "oversight",
    "transparency",
]


def _sentence(rng: random.Random, i: int) -> str:
    words = rng.sample(_WORDS, rng.randint(6, 14))
    return f"Claim {i}: " + " ".join(words).capitalize() + "."


_VALUES = ["security", "human-rights", "sovereignty", "universality", "research", "trust"]
_RANKINGS = [
    "[[security], [sovereignty]]",
    "[[sovereignty], [security, human-rights]]",
    "[[human-rights, research], [security]]",
    "[[universality], [security], [human-rights]]",
]


def generate_map_text(claims: int, seed: int = 7, *, values: bool = False) -> str:
    """A valid map of ``claims`` claims: a few theses, trees of supports and attacks below them,
    some cross-links and undercuts. YAML block style with JSON-quoted scalars.

    With ``values``, the map also has six values, four audiences ranking them, and most claims
    appeal to one or two values (drawn from their own generator, so the rest is unchanged)."""
    rng = random.Random(seed)
    value_rng = random.Random(seed + 1)
    n_sources = max(2, claims // 25)
    n_actors = max(2, claims // 40)
    n_theses = max(1, min(5, claims // 300 + 1))
    out = [
        "argmap: 1",
        f'title: "Synthetic map of {claims} claims"',
        '"question": "How should a synthetic debate be settled?"',
        "sources:",
    ]
    for s in range(n_sources):
        out += [f"  - id: src-{s}", f'    title: "Synthetic source {s}"', "    kind: report"]
    out.append("actors:")
    for a in range(n_actors):
        out += [f"  - id: actor-{a}", f'    name: "Actor {a}"', "    kind: person"]
    if values:
        out.append("values:")
        out += [f"  - id: {v}\n    name: {v}" for v in _VALUES]
        out.append("audiences:")
        for k, ranking in enumerate(_RANKINGS):
            out += [
                f"  - id: audience-{k}",
                f'    name: "Audience {k}"',
                f"    ranking: {ranking}",
                f"    actor: actor-{k % n_actors}",
            ]
    out.append("claims:")
    for i in range(claims):
        kinds = ["claim"] * 6 + ["evidence"] * 3 + ["proposal"]
        kind = "thesis" if i < n_theses else rng.choice(kinds)
        out += [
            f"  - id: c{i}",
            f"    statement: {json.dumps(_sentence(rng, i))}",
            f"    kind: {kind}",
            f"    source: src-{rng.randrange(n_sources)}",
            f"    actor: actor-{rng.randrange(n_actors)}",
            f'    quote: "quote number {i}"',
            f"    tags: [t{i % 7}]",
        ]
        if values and value_rng.random() < 0.8:
            drawn = value_rng.sample(_VALUES, value_rng.randint(1, 2))
            if kind != "evidence":  # facts carry no values (the validator refuses them)
                out.append(f"    values: [{', '.join(drawn)}]")
    out.append("relations:")
    rel = 0
    tree_edges: list[str] = []
    for i in range(n_theses, claims):
        # Prefer recent claims as targets: gives depth without one giant fan.
        lo = max(0, i - rng.randint(3, 60))
        target = rng.randrange(lo, i) if i > n_theses else 0
        kind = "supports" if rng.random() < 0.55 else "attacks"
        out += [f"  - id: r{rel}", f"    type: {kind}", f"    from: c{i}", f"    to: c{target}"]
        tree_edges.append(f"r{rel}")
        rel += 1
    for _ in range(claims // 20):  # cross-links
        a, b = sorted(rng.sample(range(claims), 2))
        out += [f"  - id: r{rel}", "    type: attacks", f"    from: c{b}", f"    to: c{a}"]
        rel += 1
    for _ in range(claims // 40):  # undercuts
        target = rng.choice(tree_edges)
        out += [
            f"  - id: r{rel}",
            "    type: undercuts",
            f"    from: c{rng.randrange(claims)}",
            f"    to: {target}",
        ]
        rel += 1
    return "\n".join(out) + "\n"


def aif_chain(claims: int) -> dict[str, Any]:
    """An AIF document of ``claims`` I-nodes and as many RA nodes: claim k supports claim
    k // 2 through RA node k (claim 0 supports nothing), so ``claims - 1`` relations.

    >>> doc = aif_chain(3)
    >>> len(doc["nodes"]), [e["toID"] for e in doc["edges"]]
    (6, ['r1', 'i0', 'r2', 'i1'])
    """
    nodes = [{"nodeID": f"i{k}", "type": "I", "text": f"Claim number {k}."} for k in range(claims)]
    nodes += [{"nodeID": f"r{k}", "type": "RA", "text": "Default Inference"} for k in range(claims)]
    edges = []
    for k in range(1, claims):
        edges += [
            {"edgeID": f"e{k}a", "fromID": f"i{k}", "toID": f"r{k}"},
            {"edgeID": f"e{k}b", "fromID": f"r{k}", "toID": f"i{k // 2}"},
        ]
    return {"nodes": nodes, "edges": edges}
