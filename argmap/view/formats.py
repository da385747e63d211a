"""Every format the CLI and the app offer: :mod:`argmap.readwrite`'s and the view's own
(the standalone page, which draws the map as the app does)."""

from __future__ import annotations

from argmap.readwrite import formats


def registry() -> formats.Registry:
    """Return the registry of every format, this package's included."""
    return formats.registry("argmap.readwrite", "argmap.view")
