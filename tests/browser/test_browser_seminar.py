"""The brief and step-through pages in a real browser: what shows, the download, the keys."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from argmap.graph import to_graph
from argmap.products.brief import build_brief, to_markdown
from argmap.products.brief.pdf import to_pdf
from argmap.store.yaml_map import read_map
from tests.browser.conftest import Watch, shot
from tests.support import FIXTURES

pytestmark = pytest.mark.browser

MINI_STEPS = 10  # the question, one thesis, eight exchanges


def settle(page: Any) -> None:
    """Wait until the rerun has replaced every element (stale ones still show old values)."""
    page.wait_for_function(
        '() => !document.querySelector(\'[data-testid="stElementContainer"][data-stale="true"]\')',
        timeout=30_000,
    )


def open_page(page: Any, app_url: str, title: str) -> Any:
    """Open the mini map, then a page by its sidebar link (a page's own URL path makes the
    frontend probe /<page>/_stcore/..., which 404s); return the main area."""
    page.goto(f"{app_url}/?map=mini")
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title, exact=True).click()
    return page.locator('[data-testid="stMain"]')


def test_brief_page_shows_quotes_and_downloads(
    page: Any, app_url: str, watch: Watch, tmp_path: Path
) -> None:
    main = open_page(page, app_url, "Brief")
    main.get_by_text(re.compile(r"^Brief for: ")).wait_for(timeout=30_000)
    main.get_by_text("Sources", exact=True).wait_for(timeout=30_000)  # the page's end
    settle(page)
    text = main.inner_text()
    # The quotes of the arguments on the thesis, ours and theirs, with their answers.
    for quote in ("requests were answered in weeks rather than months",
                  "drafted without us", "a universal instrument negotiated by all",
                  "open to accession by any state"):  # fmt: skip
        assert quote in text, quote
    shot(page, "brief-for")
    # The other side: the download is that brief's Markdown, byte for byte.
    page.locator('[data-testid="stSidebar"]').get_by_text("against", exact=True).click()
    main.get_by_text(re.compile(r"^Brief against: ")).wait_for(timeout=30_000)
    settle(page)
    button = main.get_by_role("button", name="Download Markdown")
    with page.expect_download() as info:
        button.click()
    saved = tmp_path / "brief.md"
    info.value.save_as(saved)
    G = to_graph(read_map(FIXTURES / "mini.yaml").map)
    expected = to_markdown(build_brief(G, "join-budapest", "against"))
    assert saved.read_bytes() == expected.encode("utf-8")
    assert info.value.suggested_filename == "brief-join-budapest-against.md"
    assert main.get_by_role("button", name="Download HTML").is_visible()
    assert main.get_by_role("button", name="Download PDF").count() == 0  # built when asked
    main.get_by_role("button", name="Prepare PDF").click()
    main.get_by_role("button", name="Download PDF").wait_for(timeout=30_000)
    with page.expect_download() as info:
        main.get_by_role("button", name="Download PDF").click()
    assert info.value.suggested_filename == "brief-join-budapest-against.pdf"
    info.value.save_as(tmp_path / "brief.pdf")
    expected_pdf = to_pdf(build_brief(G, "join-budapest", "against"))
    assert (tmp_path / "brief.pdf").read_bytes() == expected_pdf
    shot(page, "brief-against")
    watch.assert_clean()


def test_step_through_follows_the_keyboard(page: Any, app_url: str, watch: Watch) -> None:
    main = open_page(page, app_url, "Step-through")
    main.get_by_text(f"Step 1 of {MINI_STEPS}").wait_for(timeout=30_000)
    assert "How should states cooperate against cybercrime?" in main.inner_text()
    # The key listener comes from a hidden frame that loads after the page.
    page.wait_for_function("() => typeof window.__argmapStepKeys === 'function'", timeout=15_000)

    def shown() -> int:
        caption = main.get_by_text(re.compile(r"claims shown ·")).inner_text()
        return int(re.search(r"(\d+) of 9 claims shown", caption).group(1))  # type: ignore[union-attr]

    counts = [shown()]
    for n in range(2, 5):
        page.keyboard.press("ArrowRight")
        main.get_by_text(f"Step {n} of {MINI_STEPS}").wait_for(timeout=15_000)
        counts.append(shown())
    assert counts == [0, 1, 2, 3]  # the question, the thesis, then one argument at a time
    current = page.locator(".st-key-step_current")
    current.get_by_text("drafted by a regional body", exact=False).wait_for(timeout=15_000)
    assert "attacks" in current.inner_text()
    shot(page, "stepthrough-step4")
    page.keyboard.press("ArrowLeft")
    main.get_by_text(f"Step 3 of {MINI_STEPS}").wait_for(timeout=15_000)
    assert shown() == 2
    watch.assert_clean()
