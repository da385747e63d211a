"""Small screens and projectors: at 1280x720 and 1024x768 the Map page's first view holds the
question and every thesis wholly in view, labels drawn at 11 px or more; a phone opens on
the outline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import Watch, shot, watched_page
from tests.browser.helpers import FRAME_SELECTOR, graph_frame
from tests.browser.test_browser_seminar import settle

pytestmark = pytest.mark.browser
FONT, QUESTION_FONT, READABLE = 12.5, 14.0, 11.0  # the component's label sizes (px)


@pytest.fixture(params=[(1280, 720), (1024, 768)], ids=["1280x720", "1024x768"])
def small(request: pytest.FixtureRequest, browser: object, watch: Watch) -> Iterator[Any]:
    yield from watched_page(browser, watch, *request.param)


def test_question_and_every_thesis_wholly_in_view(small: Any, app_url: str, watch: Watch) -> None:
    page = small
    size = page.viewport_size
    page.goto(f"{app_url}/?map=cybercrime-treaties")
    frame = graph_frame(page, 60_000)
    settle(page)
    page.wait_for_timeout(500)  # the frame's height and the view settle after the first draw
    box = page.locator(FRAME_SELECTOR).bounding_box()
    cards = frame.evaluate(
        """() => { const cy = window.__cy, top = document.getElementById('graph')
              .getBoundingClientRect().top;
          return cy.nodes('.question, .kind-thesis').map(n => { const b = n.renderedBoundingBox();
            return {id: n.id(), x1: b.x1, x2: b.x2, y1: b.y1 + top, y2: b.y2 + top,
                    hidden: n.hasClass('hidden'), label: n.data('label')}; }); }"""
    )
    zoom = frame.evaluate("window.__cy.zoom()")
    theses = frame.evaluate("window.__cy.nodes('.kind-thesis').length")
    assert theses >= 4 and len(cards) == 1 + theses  # the question and every thesis
    for c in cards:
        assert not c["hidden"], c["id"]
        left, top = box["x"] + c["x1"], box["y"] + c["y1"]
        right, bottom = box["x"] + c["x2"], box["y"] + c["y2"]
        # Inside the graph's frame and inside the window, both.
        right_edge = min(box["x"] + box["width"], size["width"])
        bottom_edge = min(box["y"] + box["height"], size["height"])
        assert box["x"] <= left and right <= right_edge, (c["id"], left, right, box, size)
        assert max(box["y"], 0) <= top and bottom <= bottom_edge, (c["id"], top, bottom, box)
        assert "…" not in c["label"], c  # whole statements, or the map's short label
    assert FONT * zoom >= READABLE, zoom
    shot(page, f"map-first-view-{size['width']}x{size['height']}")
    watch.assert_clean()


def test_a_phone_opens_on_the_outline(browser: object, app_url: str, watch: Watch) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
        user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
    )  # fmt: skip
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
        or route.request.url.startswith(("ws://127.0.0.1", "data:", "blob:", "about:"))
        else (watch.blocked.append(route.request.url), route.abort()),
    )  # fmt: skip
    page = context.new_page()
    try:
        page.goto(f"{app_url}/?map=cybercrime-treaties")
        main = page.locator('[data-testid="stMain"]')
        main.locator("h1", has_text="Outline").wait_for(timeout=60_000)
        assert page.locator('iframe[title*="argmap_graph"]').count() == 0  # not the map
        shot(page, "phone-outline")
    finally:
        context.close()
    watch.assert_clean()


def test_step_through_keeps_question_and_thesis_in_view(
    small: Any, app_url: str, watch: Watch
) -> None:
    page = small
    size = page.viewport_size
    page.goto(f"{app_url}/?map=cybercrime-treaties")
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.get_by_role("link", name="Step-through", exact=True).click()
    main = page.locator('[data-testid="stMain"]')
    main.get_by_text("Step 1 of").wait_for(timeout=60_000)
    page.wait_for_function("() => typeof window.__argmapStepKeys === 'function'", timeout=15_000)

    def in_view(selector: str) -> bool:
        box = page.locator(selector).bounding_box()
        return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"]

    for n in range(2, 11):
        page.keyboard.press("ArrowRight")
        main.get_by_text(f"Step {n} of").wait_for(timeout=15_000)
        settle(page)
        assert in_view(".st-key-step_question"), n
        assert page.locator(".st-key-step_thesis p").count() == 1, n  # the step's thesis
        assert in_view(".st-key-step_thesis"), n
        frame = graph_frame(page)
        frame.wait_for_function(
            "k => document.body.getAttribute('data-argmap-step') === String(k)", arg=n - 1
        )
        zoom = frame.evaluate("window.__cy.zoom()")
        assert FONT * zoom >= 16 - 1e-6, (n, zoom)  # projector size
    shot(page, f"stepthrough-{size['width']}x{size['height']}")
    watch.assert_clean()


def test_who_meets_whom_fits_beside_the_sidebar(small: Any, app_url: str, watch: Watch) -> None:
    """The Sources page's heat map and network are whole within the main column, the
    sidebar open: no chart runs past the window's right edge (at 1024 px it once did)."""
    page = small
    size = page.viewport_size
    page.goto(f"{app_url}/?map=cybercrime-treaties")
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.get_by_role("link", name="Sources and actors").click()
    charts = page.locator('[data-testid="stVegaLiteChart"]:visible')  # the first tab's
    charts.first.wait_for(timeout=60_000)
    settle(page)
    page.wait_for_timeout(1000)  # Vega draws after the element arrives
    main = page.locator('[data-testid="stMain"] [data-testid="stMainBlockContainer"]')
    column = main.bounding_box()
    assert charts.count() >= 2  # the heat map and the network
    for k in range(charts.count()):
        drawn = charts.nth(k).locator("svg, canvas").first.bounding_box()
        assert drawn is not None and drawn["width"] > 300, k
        assert drawn["x"] + drawn["width"] <= min(column["x"] + column["width"], size["width"]), (
            k, drawn, column, size,
        )  # fmt: skip
    assert page.evaluate("document.scrollingElement.scrollWidth") <= size["width"]
    shot(page, f"sources-{size['width']}x{size['height']}")
    watch.assert_clean()
