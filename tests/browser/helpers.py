"""Driving the graph component from Playwright (tests and the benchmark share these)."""

from __future__ import annotations

import time
from typing import Any

FRAME_SELECTOR = 'iframe[title*="argmap_graph"]'


def ready_frame(page: Any, selector: str, ready: str, timeout_ms: float = 30_000) -> Any:
    """The frame of the iframe ``selector`` once the JS condition ``ready`` holds in it.

    Streamlit may replace a component's iframe while a page settles (a rerun after a page
    switch): the frame found first can be detached and never get ready, so look again.
    """
    from playwright.sync_api import Error

    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        left = max(1.0, (deadline - time.monotonic()) * 1000)
        handle = page.wait_for_selector(selector, state="attached", timeout=left)
        frame = handle.content_frame()
        try:
            if frame is None:
                raise Error("the iframe has no frame yet")
            frame.wait_for_function(ready, timeout=min(left, 5_000))
            return frame
        except Error:
            if time.monotonic() >= deadline:
                raise


def graph_frame(page: Any, timeout_ms: float = 30_000) -> Any:
    """The component's frame, once the graph in it is drawn."""
    return ready_frame(
        page,
        FRAME_SELECTOR,
        "!!document.body && document.body.getAttribute('data-argmap-drawn') === '1'",
        timeout_ms,
    )


def wait_claims(frame: Any, count: int, timeout_ms: float = 15_000) -> None:
    """Wait until the graph draws exactly ``count`` claims."""
    frame.wait_for_function(
        "n => !!document.body && document.body.getAttribute('data-argmap-claims') === String(n)",
        arg=count,
        timeout=timeout_ms,
    )


def wait_step(frame: Any, index: int, timeout_ms: float = 15_000) -> None:
    """Wait until the step-through's graph shows step ``index`` (0: the question), its view
    in place."""
    frame.wait_for_function(
        "k => !!document.body && document.body.getAttribute('data-argmap-step') === String(k)",
        arg=index,
        timeout=timeout_ms,
    )


def view_of(frame: Any) -> dict[str, Any]:
    """The viewport and every card shown: ``{zoom, pan, nodes: {id: [x, y, screen x, screen
    y]}}``, model positions then rendered ones (in the graph's own pixels)."""
    return frame.evaluate(
        """() => { const cy = window.__cy;
          return { zoom: cy.zoom(), pan: cy.pan(), nodes: Object.fromEntries(
            cy.nodes('.claim, .question').not('.hidden').map(n => { const p = n.position(),
              r = n.renderedPosition(); return [n.id(), [p.x, p.y, r.x, r.y]]; })) }; }"""
    )


def drawn_claims(frame: Any) -> list[str]:
    """The claims the graph holds (folded ones included)."""
    return sorted(frame.evaluate("window.__argmapClaims()"))


def visible_claims(frame: Any) -> list[str]:
    """The claims drawn on the canvas now (not folded under a "+N below" pill)."""
    return sorted(frame.evaluate("window.__cy.nodes('.claim').not('.hidden').map(n => n.id())"))


def layouts_done(frame: Any) -> int:
    """How many layouts the graph has applied (each unfolding or view change adds one)."""
    return int(frame.evaluate("Number(document.body.getAttribute('data-argmap-layouts') || 0)"))


def click_claim(page: Any, frame: Any, claim: str) -> None:
    """Click a claim's node where it is drawn on screen (unfolding and centring it first)."""
    frame.evaluate("id => window.__argmapShow(id)", claim)  # a promise: done once laid out
    frame.evaluate(
        "id => { const n = window.__cy.getElementById(id); window.__cy.center(n); }", claim
    )
    page.wait_for_timeout(150)  # one frame for the canvas to follow the viewport
    pos = frame.evaluate("id => window.__cy.getElementById(id).renderedPosition()", claim)
    box = page.locator(FRAME_SELECTOR).bounding_box()
    graph_top = frame.evaluate("document.getElementById('graph').getBoundingClientRect().top")
    page.mouse.click(box["x"] + pos["x"], box["y"] + graph_top + pos["y"])


def pwned_frames(page: Any) -> list[str]:
    """URLs of the frames in which a hostile payload ran (``window.__pwned`` set)."""
    hit = []
    for frame in page.frames:
        try:
            if frame.evaluate("typeof window.__pwned !== 'undefined'"):
                hit.append(frame.url)
        except Exception:  # a frame torn down while we looked is not a frame a script ran in
            continue
    return hit


def cut_cluster_labels(frame: Any) -> list[str]:
    """The theses whose cluster label (semantic zoom) is drawn partly outside the view."""
    return list(
        frame.evaluate(
            """() => { const cy = window.__cy, w = cy.width(), h = cy.height();
            return cy.nodes('.cluster').filter(n => n.visible()).map(n => {
              const b = n.renderedBoundingBox({includeLabels: true});
              return (b.y1 < 0 || b.x1 < 0 || b.y2 > h || b.x2 > w) ? n.data('of') : null;
            }).filter(Boolean); }"""
        )
    )
