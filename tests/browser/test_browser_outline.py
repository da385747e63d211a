"""The outline and the app's memory in a real browser: nesting, the keyboard, the selection
shared with the map, and choices kept across pages and across a reload."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from argmap.store.yaml_map import read_map
from tests.browser.conftest import Watch, shot, start_app, stop_app
from tests.browser.helpers import click_claim, graph_frame, ready_frame
from tests.conftest import CYBERCRIME_MAP

pytestmark = pytest.mark.browser

OUTLINE = 'iframe[title*="argmap_outline"]'


@pytest.fixture(scope="module")
def cyber_url(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The app on the cybercrime map alone, for pictures of a real debate."""
    folder = tmp_path_factory.mktemp("cyber")
    (folder / "cybercrime-treaties.yaml").write_bytes(CYBERCRIME_MAP.read_bytes())
    server = start_app(folder, folder / "streamlit.log")
    yield server.url
    stop_app(server)


def settle(page: Any) -> None:
    """Wait until the rerun has replaced every element (stale ones still show old values)."""
    page.wait_for_function(
        '() => !document.querySelector(\'[data-testid="stElementContainer"][data-stale="true"]\')',
        timeout=30_000,
    )


def nav(page: Any, title: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title, exact=True).click()


def outline_frame(page: Any) -> Any:
    # The body is briefly missing while the frame (re)loads: wait through that, not fail on it.
    return ready_frame(
        page, OUTLINE, "!!document.body && document.body.getAttribute('data-outline-ready') === '1'"
    )


def focused(frame: Any) -> str:
    return str(frame.evaluate("document.activeElement.dataset.key || ''"))


def test_outline_nests_and_walks_with_the_keyboard(page: Any, app_url: str, watch: Watch) -> None:
    page.goto(f"{app_url}/?map=mini")
    nav(page, "Outline")
    frame = outline_frame(page)
    root = frame.locator('li[data-key="join-budapest"]')
    assert root.get_attribute("aria-expanded") == "true"  # theses open on first sight
    assert root.get_attribute("aria-level") == "1"
    kids = frame.locator('li[data-key="join-budapest"] > ul > li')
    claims = kids.evaluate_all("els => els.map(e => e.dataset.claim)")
    stances = dict(zip(claims, kids.evaluate_all("els => els.map(e => e.className)"), strict=True))
    assert stances["budapest-works"] == "pro" and stances["budapest-is-regional"] == "con"
    # The nesting a reader sees: the objection's own answer is one level deeper, hidden until
    # the objection is opened, with its quote.
    regional = frame.locator('li[data-key="join-budapest/budapest-is-regional"]')
    assert regional.get_attribute("aria-level") == "2"
    assert regional.get_attribute("aria-expanded") == "false"
    assert not frame.get_by_text("drafted without us").is_visible()
    shot(page, "outline-first-sight")

    # The keyboard: down to the objection, open it (→), into it (→), back out (←, ←).
    root.focus()
    order = frame.evaluate(
        "[...document.querySelectorAll('li[data-key=\"join-budapest\"] > ul > li')]"
        ".map(e => e.dataset.key)"
    )
    steps = order.index("join-budapest/budapest-is-regional") + 1
    for _ in range(steps):
        page.keyboard.press("ArrowDown")
    assert focused(frame) == "join-budapest/budapest-is-regional"
    page.keyboard.press("ArrowRight")
    assert regional.get_attribute("aria-expanded") == "true"
    frame.get_by_text("“drafted without us”").wait_for(timeout=5_000)  # the quote on opening
    page.keyboard.press("ArrowRight")
    assert focused(frame) == "join-budapest/budapest-is-regional/open-to-all"
    page.keyboard.press("ArrowLeft")
    assert focused(frame) == "join-budapest/budapest-is-regional"
    page.keyboard.press("ArrowLeft")
    assert regional.get_attribute("aria-expanded") == "false"
    page.keyboard.press("ArrowLeft")
    assert focused(frame) == "join-budapest"
    page.keyboard.press("End")
    last = focused(frame)
    page.keyboard.press("Home")
    assert focused(frame) == "join-budapest" != last

    # Enter selects: the URL and the card beside the outline follow.
    for _ in range(steps):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"claim=budapest-is-regional"), timeout=15_000)
    page.locator(".st-key-outline_detail").get_by_text("drafted without us").wait_for(
        timeout=15_000
    )
    settle(page)
    frame = outline_frame(page)
    assert regional.get_attribute("aria-selected") == "true"
    shot(page, "outline-selected")
    watch.assert_clean()


def test_outline_and_map_share_the_selection(page: Any, app_url: str, watch: Watch) -> None:
    page.goto(f"{app_url}/?map=mini")
    nav(page, "Outline")
    frame = outline_frame(page)
    frame.locator('li[data-key="join-budapest/budapest-works"] > .row .text').click()
    page.wait_for_url(re.compile(r"claim=budapest-works"), timeout=15_000)
    settle(page)
    # The map shows the claim selected in the outline.
    nav(page, "Map")
    graph = graph_frame(page)
    graph.wait_for_function("window.__argmap && window.__argmap.selected === 'budapest-works'",
                            timeout=15_000)  # fmt: skip
    # And the outline shows the claim selected in the map, opened where it sits.
    click_claim(page, graph, "safeguards-possible")
    page.wait_for_url(re.compile(r"claim=safeguards-possible"), timeout=15_000)
    settle(page)
    nav(page, "Outline")
    frame = outline_frame(page)
    frame.wait_for_function("window.__outline.selected === 'safeguards-possible'", timeout=15_000)
    chosen = frame.locator('li[aria-selected="true"]')
    assert chosen.count() == 1 and chosen.get_attribute("data-claim") == "safeguards-possible"
    assert chosen.is_visible()  # its ancestors were opened to show it
    watch.assert_clean()


def test_choices_survive_changing_page_and_a_reload(page: Any, app_url: str, watch: Watch) -> None:
    page.goto(f"{app_url}/?map=mini")
    sidebar = page.locator('[data-testid="stSidebar"]')
    graph_frame(page)
    # Colour by kind of actor, on the map page.
    colour = page.locator(".st-key-colour_by input")
    colour.click()
    colour.press_sequentially("kind", delay=30)
    colour.press("Enter")
    page.wait_for_url(re.compile(r"colour=actor_kind"), timeout=15_000)
    # The brief's side and the verdicts' name, each on its own page.
    nav(page, "Brief")
    page.get_by_text(re.compile(r"^Brief for: ")).wait_for(timeout=30_000)
    sidebar.get_by_text("against", exact=True).click()
    page.get_by_text(re.compile(r"^Brief against: ")).wait_for(timeout=30_000)
    nav(page, "Class verdicts")
    name = sidebar.get_by_label("Your name")
    name.fill("Ada")
    name.press("Enter")
    page.wait_for_url(re.compile(r"name=Ada"), timeout=15_000)
    # Back to the map: the colouring is still there.
    nav(page, "Map")
    frame = graph_frame(page)
    legend = frame.locator('[data-testid="argmap-legend"]')
    legend.get_by_text("Kind of actor").wait_for(timeout=15_000)
    url = page.url
    for word in ("colour=actor_kind", "side=against", "name=Ada"):
        assert word in url, url
    # A reload is a new session: everything comes back from the URL.
    page.reload()
    frame = graph_frame(page)
    frame.locator('[data-testid="argmap-legend"]').get_by_text("Kind of actor").wait_for(
        timeout=15_000
    )
    nav(page, "Brief")
    page.get_by_text(re.compile(r"^Brief against: ")).wait_for(timeout=30_000)
    nav(page, "Class verdicts")
    page.get_by_text("Marking as Ada").wait_for(timeout=30_000)
    expect(sidebar.get_by_label("Your name")).to_have_value("Ada")
    shot(page, "state-after-reload")
    # "Link to this view" is a full URL that opens the same page with the same choices.
    nav(page, "Outline")
    frame = outline_frame(page)
    frame.locator('li[data-key="join-budapest/budapest-works"] > .row .text').click()
    link = page.locator(".st-key-outline_detail [data-testid='stCode']")
    link.get_by_text("claim=budapest-works").wait_for(timeout=15_000)
    url = link.inner_text().strip()
    assert url.startswith(f"{app_url}/outline?map=mini&claim=budapest-works"), url
    for word in ("colour=actor_kind", "side=against", "name=Ada"):
        assert word in url, url
    fresh = page.context.new_page()
    fresh.goto(url)
    frame = outline_frame(fresh)
    frame.wait_for_function("window.__outline.selected === 'budapest-works'", timeout=15_000)
    fresh.close()
    watch.assert_clean()


def test_sources_pictures_draw_offline(page: Any, cyber_url: str, watch: Watch) -> None:
    page.goto(f"{cyber_url}/?map=cybercrime-treaties")
    nav(page, "Sources and actors")
    main = page.locator('[data-testid="stMain"]')
    main.get_by_text("Agreement and conflict", exact=True).wait_for(timeout=30_000)
    charts = main.locator(".vega-embed")
    charts.nth(1).wait_for(timeout=30_000)
    settle(page)
    # Drawn, not just declared, and within the main column beside the sidebar (a name
    # longer than 200 px is cut there, whole in the strip's tooltip).
    heat = charts.nth(0)
    box = heat.bounding_box()
    column = main.locator('[data-testid="stMainBlockContainer"]').bounding_box()
    assert box is not None and box["width"] > 450 and box["height"] > 400
    assert box["x"] + box["width"] <= column["x"] + column["width"]
    shot(page, "sources-agreement")
    main.get_by_text("Who supports and who attacks whom").scroll_into_view_if_needed()
    page.mouse.wheel(0, 350)
    page.wait_for_timeout(500)
    shot(page, "sources-network")
    main.get_by_role("tab", name="Timeline").click()
    main.get_by_text("Positions by the date of their source", exact=False).wait_for()
    page.wait_for_timeout(800)
    shot(page, "sources-timeline")
    watch.assert_clean()


# The actor network's drawing, as Vega drew it (SVG): every name, heading and dot with its box
# on the page, and the names' text as shown (a Vega-cut name would end in "…").
NETWORK_GEOMETRY = """(chart) => {
  const svg = chart.querySelector('svg'), frame = svg.getBoundingClientRect();
  const box = (e) => {
    const r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  };
  const marks = (name, sel) => [...chart.querySelectorAll(`g.${name} ${sel}`)];
  return {
    frame: [frame.left, frame.top, frame.right, frame.bottom],
    names: marks('layer_3_marks', 'text').map(t => ({
      text: [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' ') || t.textContent,
      box: box(t) })),
    headings: marks('layer_4_marks', 'text').map(t => ({ text: t.textContent, box: box(t) })),
    dots: marks('layer_2_marks', 'path').map(p => ({ text: 'dot', box: box(p) })),
  };
}"""


def test_actor_network_names_stand_clear(laptop: Any, cyber_url: str, watch: Watch) -> None:
    """Who supports and who attacks whom, drawn: every actor's whole name, none covering
    another name, a heading or a dot, none cut by the chart's edge (measured on the page)."""
    laptop.goto(f"{cyber_url}/?map=cybercrime-treaties")
    nav(laptop, "Sources and actors")
    main = laptop.locator('[data-testid="stMain"]')
    title = main.get_by_text("Who supports and who attacks whom", exact=True)
    title.wait_for(timeout=30_000)
    chart = main.locator(".vega-embed").nth(1)
    chart.locator("g.layer_3_marks text").first.wait_for(timeout=30_000)
    settle(laptop)
    laptop.evaluate("document.fonts.ready.then(() => true)")
    seen = chart.evaluate(NETWORK_GEOMETRY)
    cyber = read_map(CYBERCRIME_MAP).map
    names = {a.name for a in cyber.actors}
    holders = len({c.actor for c in cyber.claims})  # one name per actor who holds a claim
    shown = [n["text"] for n in seen["names"]]
    assert len(shown) == holders and set(shown) <= names  # whole names, none cut
    assert not any("…" in t for t in shown)
    things = seen["names"] + seen["headings"] + seen["dots"]
    assert len(seen["dots"]) == 2 * holders and len(seen["headings"]) == 5
    x1, y1, x2, y2 = seen["frame"]
    for i, a in enumerate(things):
        (a1, b1, a2, b2) = a["box"]
        assert x1 <= a1 and a2 <= x2 and y1 <= b1 and b2 <= y2, a  # inside the chart
        for b in things[i + 1 :]:
            (c1, d1, c2, d2) = b["box"]
            overlap = min(a2, c2) - max(a1, c1) > 0.5 and min(b2, d2) - max(b1, d1) > 0.5
            assert not overlap, (a, b)
    title.scroll_into_view_if_needed()
    laptop.wait_for_timeout(400)
    shot(laptop, "sources-network-1440")
    chart.scroll_into_view_if_needed()
    laptop.wait_for_timeout(400)
    shot(laptop, "sources-network-1440-lower")
    watch.assert_clean()
