"""Argumentation semantics: which arguments stand (Dung), and how strongly (gradual).

- :mod:`~argmap.semantics.framework`: the compact abstract :class:`Framework`.
- :mod:`~argmap.semantics.dung`: grounded, complete, preferred, stable.
- :mod:`~argmap.semantics.bipolar`: a map graph as a framework (supports and undercuts
  flattened into attacks; or the attack-only view).
- :mod:`~argmap.semantics.gradual`: DF-QuAD strengths in [0, 1].
- :func:`solve_task`: the ``argmap solve`` command as a function returning JSON-ready data.

Only the first two and :func:`solve_task` are imported eagerly: they need nothing heavy, so
``argmap solve`` starts fast. ``bipolar`` and ``gradual`` (networkx) load on first use.
"""

from __future__ import annotations

import os
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
from argmap.semantics.framework import Framework, Label

# How a map becomes a framework (see argmap.semantics.bipolar); here so that the CLI and the
# app can offer the choice without loading networkx.
VIEWS = ("bipolar", "attack-only")

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
    "solve_task",
    "stable",
]


def solve_task(
    path: str | os.PathLike[str], semantics: str, timeout: float | None = None
) -> dict[str, Any]:
    """Return the answer of ``argmap solve``: the extensions of an ICCMA file, JSON-ready.

    ``{"semantics": S, "extensions": [[...], ...]}`` with names as in the file, each
    extension sorted and the list sorted (numeric names by value); plus ``"complete"`` and,
    when there is something to say, ``"message"``. When time runs out the extensions are
    not known: ``"extensions"`` is ``null``, ``"found"`` lists those found so far and
    ``"message"`` says "undetermined within N s". Raises
    :class:`~argmap.readwrite.iccma.FrameworkFormatError` for a malformed file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "cycle.af"
    >>> _ = p.write_text("p af 2\\n1 2\\n2 1\\n")
    >>> solve_task(p, "stable")
    {'semantics': 'stable', 'extensions': [['1'], ['2']], 'complete': True}
    """
    from argmap.readwrite.iccma import read_framework

    result = solve(read_framework(path), semantics, timeout)
    out: dict[str, Any] = {"semantics": semantics}
    if result.complete:
        out["extensions"] = result.extensions
    else:
        out["extensions"] = None
        out["found"] = result.extensions
    out["complete"] = result.complete
    if result.message:
        out["message"] = result.message
    return out


def __getattr__(name: str) -> Any:
    # Lazy: these need networkx, which `argmap solve` must not pay for.
    if name == "attack_framework":
        from argmap.semantics.bipolar import attack_framework

        return attack_framework
    if name == "dfquad":
        from argmap.semantics.gradual import dfquad

        return dfquad
    raise AttributeError(f"module 'argmap.semantics' has no attribute {name!r}")
