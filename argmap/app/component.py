"""The graph component: a static cytoscape.js build shipped inside this package.

``frontend/`` holds its source; ``cd frontend && npm ci && npm run build`` rebuilds
``component/``. The page loads only those local files, so the map draws with no network.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit.components.v1 as components

from argmap.products.drawing import BUNDLE
from argmap.view import OUTLINE_BUNDLE, READER_BUNDLE

_graph = components.declare_component("argmap_graph", path=str(BUNDLE))
_outline = components.declare_component("argmap_outline", path=str(OUTLINE_BUNDLE))
_reader = components.declare_component("argmap_reader", path=str(READER_BUNDLE))


def argmap_graph(
    graph: dict[str, Any],
    *,
    selected: str | None,
    legend: dict[str, Any],
    height: int = 640,
    key: str = "graph",
    on_change: Callable[[], None] | None = None,
) -> dict[str, Any] | None:
    """Draw the map (laid out in the browser; ``graph["collapse"]`` starts it at first sight);
    returns ``{"claim": id, "click": n}`` after a click on a claim."""
    value = _graph(
        graph=graph,
        selected=selected,
        legend=legend,
        height=height,
        big=graph.get("big", False),
        key=key,
        default=None,
        on_change=on_change,
    )
    return value if isinstance(value, dict) else None


def argmap_outline(
    tree: list[dict[str, Any]],
    *,
    selected: str | None,
    height: int = 640,
    key: str = "outline",
    on_change: Callable[[], None] | None = None,
) -> dict[str, Any] | None:
    """Draw the pro/con outline; returns ``{"claim": id, "n": count}`` after a selection."""
    value = _outline(tree=tree, selected=selected, height=height, key=key, default=None,
                     on_change=on_change)  # fmt: skip
    return value if isinstance(value, dict) else None


def argmap_reader(
    payload: dict[str, Any],
    *,
    height: int = 560,
    key: str = "reader",
    on_change: Callable[[], None] | None = None,
) -> dict[str, Any] | None:
    """Draw a source's text (:func:`argmap.view.reading.reader_payload`); returns
    ``{"start", "end", "n"}`` after a selection or ``{"claim", "n"}`` after a click on a
    quoted passage."""
    value = _reader(**payload, height=height, key=key, default=None, on_change=on_change)
    return value if isinstance(value, dict) else None
