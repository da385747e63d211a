"""The committed component bundle is the build of the committed source (frontend/build.mjs
writes argmap/products/drawing/component/STAMP.json; this recomputes both of its hashes)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"
BUNDLE = ROOT / "argmap" / "products" / "drawing" / "component"


def digest(root: Path, names: list[str]) -> str:
    # As frontend/build.mjs: each file's name, a NUL, its bytes, a NUL, in sorted order.
    hash_ = hashlib.sha256()
    for name in names:
        hash_.update(name.encode() + b"\0" + (root / name).read_bytes() + b"\0")
    return hash_.hexdigest()


def test_the_bundle_was_built_from_the_source_as_committed() -> None:
    stamp = json.loads((BUNDLE / "STAMP.json").read_text(encoding="utf-8"))
    inputs = ["build.mjs", "package-lock.json", "package.json"]
    inputs += [f"src/{p.name}" for p in sorted((FRONTEND / "src").iterdir(), key=lambda p: p.name)]
    assert digest(FRONTEND, inputs) == stamp["source"], (
        "frontend/ changed since the bundle was built: cd frontend && npm ci && npm run build"
    )
    outputs = sorted(p.name for p in BUNDLE.iterdir() if p.name != "STAMP.json")
    assert digest(BUNDLE, outputs) == stamp["bundle"], (
        "the bundle in argmap/products/drawing/component differs from its build: "
        "rebuild it, never edit it"
    )
