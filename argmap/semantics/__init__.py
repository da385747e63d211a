"""Argumentation semantics: which arguments stand (Dung), and how strongly (gradual).

- :mod:`~argmap.semantics.framework`: the compact abstract :class:`Framework`.
- :mod:`~argmap.semantics.dung`: grounded, complete, preferred, stable.
- :mod:`~argmap.semantics.bipolar`: a map graph as a framework (supports and undercuts
  flattened into attacks; or the attack-only view).
- :mod:`~argmap.semantics.gradual`: DF-QuAD strengths in [0, 1].

Only the first two are imported eagerly: they need nothing heavy, so
``argmap solve`` starts fast. ``bipolar`` and ``gradual`` (networkx) load on first use.
"""

from __future__ import annotations

from typing import Any

from argmap.semantics.dung import (
    SEMANTICS,
    Extensions,
    complete,
    grounded,
    grounded_labelling,
    preferred,
    solve,
    stable,
)
from argmap.semantics.framework import VIEWS, Framework, Label

__all__ = [
    "SEMANTICS",
    "VIEWS",
    "Extensions",
    "Framework",
    "Label",
    "attack_framework",
    "complete",
    "dfquad",
    "grounded",
    "grounded_labelling",
    "preferred",
    "solve",
    "stable",
]


def __getattr__(name: str) -> Any:
    # Lazy: these need networkx, which `argmap solve` must not pay for.
    if name == "attack_framework":
        from argmap.semantics.bipolar import attack_framework

        return attack_framework
    if name == "dfquad":
        from argmap.semantics.gradual import dfquad

        return dfquad
    raise AttributeError(f"module 'argmap.semantics' has no attribute {name!r}")
