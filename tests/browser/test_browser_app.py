"""The app in a real browser: drawing, clicking, deep links, filters, hostile text, offline."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest

from tests.browser.conftest import Watch, shot
from tests.browser.helpers import (
    FRAME_SELECTOR,
    click_claim,
    cut_cluster_labels,
    drawn_claims,
    graph_frame,
    pwned_frames,
    view_of,
    visible_claims,
    wait_claims,
)

pytestmark = pytest.mark.browser

MINI_CLAIMS = 9


def detail(page: Any) -> Any:
    return page.locator(".st-key-detail")


def test_map_renders_every_claim_with_legend(page: Any, app_url: str, watch: Watch) -> None:
    page.goto(f"{app_url}/?map=mini")
    frame = graph_frame(page)
    wait_claims(frame, MINI_CLAIMS)
    assert len(drawn_claims(frame)) == MINI_CLAIMS
    frame.evaluate("window.__argmapWhole()")  # unfold all: the first sight folds what won't fit
    assert len(visible_claims(frame)) == MINI_CLAIMS
    # Every relation is drawn, the undercuts to a diamond on the line they cut.
    edges = frame.evaluate("window.__cy.edges().not('.qlink').map(e => e.id())")
    assert sorted(edges) == sorted(
        ["r-works", "r-speed", "r-regional", "r-open", "r-un", "r-rights", "r-safeguards",
         "r-unenforced"]
    )  # fmt: skip
    assert frame.evaluate("window.__cy.getElementById('r-open').target().id()") == "@r-regional"
    legend = frame.locator('[data-testid="argmap-legend"]').inner_text()
    for word in ("supports", "attacks", "undercuts", "in: stands", "out: defeated"):
        assert word in legend
    # Theses are left of what bears on them (ELK's layers run right to left).
    x = frame.evaluate("id => window.__cy.getElementById(id).position('x')", "join-budapest")
    assert x < frame.evaluate("id => window.__cy.getElementById(id).position('x')", "rights-risk")
    shot(page, "map-mini")
    watch.assert_clean()


def test_click_shows_detail_panel_and_url(page: Any, app_url: str, watch: Watch) -> None:
    page.goto(f"{app_url}/?map=mini")
    frame = graph_frame(page)
    click_claim(page, frame, "rights-risk")
    panel = detail(page)
    panel.get_by_text("a tool for repression").wait_for(timeout=15_000)
    text = panel.inner_text()
    assert "A broad UN treaty risks legitimising surveillance" in text
    assert "Rights groups on the draft treaty" in text and "Fixture Rights Watch" in text
    assert "Why:" in text
    page.wait_for_url(re.compile(r"claim=rights-risk"), timeout=10_000)
    # A neighbour link goes there.
    panel.get_by_role("button", name=re.compile(r"^\W*Strong human-rights safeguards")).click()
    panel.get_by_text("safeguards will be included").wait_for(timeout=15_000)
    page.wait_for_url(re.compile(r"claim=safeguards-possible"), timeout=10_000)
    frame.wait_for_function("window.__argmap && window.__argmap.selected === 'safeguards-possible'")
    shot(page, "detail-after-click")
    watch.assert_clean()


def test_deep_link_opens_claim_with_source(page: Any, app_url: str, watch: Watch) -> None:
    page.goto(f"{app_url}/?map=mini&claim=budapest-is-regional")
    frame = graph_frame(page)
    panel = detail(page)
    panel.get_by_text("drafted without us").wait_for(timeout=15_000)
    text = panel.inner_text()
    assert "Statement to the General Assembly" in text  # the source
    assert "Reported in" in text and "Delegates split on cybercrime treaty" in text
    assert "State A delegation" in text  # the actor
    assert frame.evaluate("window.__cy.getElementById('budapest-is-regional').hasClass('selected')")
    shot(page, "deep-link")
    watch.assert_clean()


def test_filter_and_focus_change_what_is_drawn(page: Any, app_url: str, watch: Watch) -> None:
    page.goto(f"{app_url}/?map=mini")
    frame = graph_frame(page)
    wait_claims(frame, MINI_CLAIMS)
    page.get_by_text("Filter", exact=True).click()
    tag = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Tag")
    page.wait_for_timeout(600)  # the expander's opening animation moves the input
    tag.locator("input").click()
    tag.locator("input").press_sequentially("evid", delay=30)
    option = page.get_by_role("option", name="evidence-sharing")
    option.wait_for()
    option.click()
    wait_claims(frame, 2)
    assert "evidence-sharing" in tag.inner_text()
    assert drawn_claims(frame) == ["budapest-works", "speed-matters"]
    page.get_by_text("Showing 2 of 9 claims").wait_for()
    shot(page, "filter-tag")
    # Focus on one claim's neighbourhood (a fresh session from a deep link).
    page.goto(f"{app_url}/?map=mini&claim=rights-risk")
    frame = graph_frame(page)
    detail(page).get_by_text("a tool for repression").wait_for(timeout=15_000)
    page.get_by_text("Neighbourhood", exact=True).click()
    page.get_by_text("Steps from the claim").wait_for()
    wait_claims(frame, 5)  # two steps from rights-risk, undercut links included
    assert "rights-risk" in drawn_claims(frame) and "budapest-works" not in drawn_claims(frame)
    shot(page, "focus-neighbourhood")
    watch.assert_clean()


def test_what_if_highlights_changed_claims(page: Any, app_url: str, watch: Watch) -> None:
    page.goto(f"{app_url}/?map=mini&claim=safeguards-unenforced")
    frame = graph_frame(page)
    panel = detail(page)
    panel.get_by_text("safeguards on paper").wait_for(timeout=15_000)
    before = view_of(frame)
    panel.get_by_role("button", name="Rejected").click()
    page.get_by_text(re.compile(r"what-if changes")).wait_for(timeout=15_000)
    frame.wait_for_function("window.__cy.nodes('.changed').length > 0")
    changed = frame.evaluate("window.__cy.nodes('.changed').map(n => n.id())")
    assert "rights-risk" in changed
    # The rerun with the what-if recolours the cards; none moves, nor does the view.
    assert view_of(frame) == before
    shot(page, "what-if")
    page.get_by_role("button", name="Reset what-if").click()
    frame.wait_for_function("window.__cy.nodes('.changed').length === 0")
    assert view_of(frame) == before
    watch.assert_clean()


def test_hostile_text_is_literal_and_never_runs(page: Any, app_url: str, watch: Watch) -> None:
    page.goto(f"{app_url}/?map=hostile&claim=evil-support")
    frame = graph_frame(page)
    wait_claims(frame, 3)
    panel = detail(page)
    panel.get_by_text("Mallory", exact=False).first.wait_for(timeout=15_000)
    # Shown as text, tags and all: in the page, in the panel and in the graph's labels.
    body = page.locator("body").inner_text()
    assert "<script>window.__pwned=1</script>Hostile <b>title</b>" in body
    assert '"><svg onload=window.__pwned=1> support & <b>bold</b>' in panel.inner_text()
    assert "</textarea><script>window.__pwned=1</script> :red[not red]" in panel.inner_text()
    texts = frame.evaluate("window.__cy.nodes().map(n => n.data('full') || n.data('label'))")
    labels = " ".join(t for t in texts if t)
    assert "<script>window.__pwned=1</script>Thesis" in labels.replace("\n", "")
    # Colour by actor puts actor names in the legend, whole (textContent, never HTML).
    page.goto(f"{app_url}/?map=hostile&claim=evil-support&colour=actor")
    frame = graph_frame(page)
    wait_claims(frame, 3)
    legend = frame.locator('[data-testid="argmap-legend"]')
    legend.get_by_text("<script>window.__pwned=1</script>Mallory <u>Actor</u>").wait_for(
        timeout=10_000
    )
    assert "Trent [link](javascript:window.__pwned=1)" in legend.inner_text()
    # The hover tooltip shows the full statement as text.
    click_claim(page, frame, "evil-attack")
    panel.get_by_text('<a href="javascript:window.__pwned=1">a link</a>').wait_for(timeout=15_000)
    time.sleep(0.5)  # give any injected handler (onerror, onload) its chance to fire
    assert pwned_frames(page) == []
    assert page.locator("img[src='x']").count() == 0
    assert page.frame_locator(FRAME_SELECTOR).locator("img, script:not([src]), iframe").count() == 0
    shot(page, "hostile")
    watch.assert_clean()


@pytest.mark.slow
def test_two_thousand_claims_draw_and_select(page: Any, app_url: str, watch: Watch) -> None:
    page.goto(f"{app_url}/?map=big2000")
    frame = graph_frame(page, timeout_ms=90_000)
    wait_claims(frame, 2000, timeout_ms=60_000)
    click_claim(page, frame, "c1500")
    detail(page).get_by_text("quote number 1500").wait_for(timeout=30_000)
    # Panning stays responsive: a programmatic pan is drawn within a few frames.
    started = time.monotonic()
    frame.evaluate("new Promise(r => { window.__cy.panBy({x: 300, y: 120}); "
                   "requestAnimationFrame(() => requestAnimationFrame(r)); })")  # fmt: skip
    assert time.monotonic() - started < 2.0
    shot(page, "big-2000")
    # The whole map, too far out to read: one label per thesis, each whole inside the view.
    frame.evaluate("window.__argmapWhole()")
    assert len(visible_claims(frame)) == 2000
    assert (
        frame.evaluate("window.__cy.nodes('.cluster').filter(n => n.visible()).length") == 5
    )  # theses
    assert cut_cluster_labels(frame) == []
    shot(page, "big-2000-whole")
    # Focus turns the big map into a small drawing (a new graph with the small-map options).
    page.get_by_text("Neighbourhood", exact=True).click()
    frame.wait_for_function(
        "!!document.body && Number(document.body.getAttribute('data-argmap-claims')) < 300"
    )
    assert "c1500" in drawn_claims(frame)
    assert frame.locator('[data-testid="argmap-toolbar"]').count() == 1
    shot(page, "big-2000-focus")
    watch.assert_clean()
