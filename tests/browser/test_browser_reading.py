"""One reading on every page, in a real browser: for the same thesis and audience the map's
panel, the outline and the values page give the same label and the same words, after
changing pages and after a reload."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Watch, shot, start_app, stop_app
from tests.browser.test_browser_outline import nav, outline_frame, settle

pytestmark = pytest.mark.browser

VALUES_MAP = Path(__file__).resolve().parents[1] / "fixtures" / "values.yaml"
THESIS = "t-rights"
STATEMENT = "Put human-rights conditions on any treaty."
# The campaign ranks human rights alone: security's and sovereignty's attacks succeed for
# it (unranked values are incomparable), so its own thesis falls for it.
WORDS = "It stands if, and only if, human rights above security and sovereignty."


@pytest.fixture(scope="module")
def values_url(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("values")
    (folder / "values.yaml").write_bytes(VALUES_MAP.read_bytes())
    server = start_app(folder, folder / "streamlit.log")
    yield server.url
    stop_app(server)


def panel_label(page: Any) -> str:
    badge = page.locator(".am-label").first
    badge.wait_for(timeout=60_000)  # a first run on a fresh server, on a busy machine
    return str(badge.inner_text()).strip()


def outline_mark(page: Any) -> str:
    frame = outline_frame(page)
    row = frame.locator(f'li[data-key="{THESIS}"]').first
    row.wait_for(timeout=30_000)
    return str(row.locator(".mark").first.inner_text()).strip()


def values_cell(page: Any) -> str:
    table = page.locator('[data-testid="stTable"] table')
    table.wait_for(timeout=30_000)
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    column = headers.index(STATEMENT)  # a column per thesis, a row per audience
    row = table.locator("tbody tr", has_text="The campaign").first
    return str(row.locator("th, td").nth(column).inner_text()).strip()


def test_map_outline_and_values_agree_for_one_audience(
    page: Any, values_url: str, watch: Watch
) -> None:
    page.goto(f"{values_url}/?map=values&claim={THESIS}&audience=campaign-view")
    settle(page)
    assert panel_label(page) == "OUT · defeated"
    page.get_by_text(WORDS).first.wait_for(timeout=30_000)  # the panel's audience section
    shot(page, "reading-map-panel")

    nav(page, "Outline")
    settle(page)
    assert outline_mark(page) == "✗ falls"
    page.wait_for_url(lambda url: "audience=campaign-view" in url)  # the same reading, kept

    nav(page, "Values")
    settle(page)
    assert values_cell(page) == "falls"
    thesis = page.locator('[data-testid="stVerticalBlock"]', has_text=STATEMENT).last
    assert WORDS in thesis.inner_text()
    page.get_by_text("For The campaign: OUT · defeated").first.wait_for(timeout=30_000)
    shot(page, "reading-values")

    # A reload is a new session: the reading comes back from the URL. (On the map page: a
    # reload of a sub-page makes Streamlit probe /<page>/_stcore/..., a 404 of its own.)
    nav(page, "Map")
    # The click landed, and the map page wrote the reading into its URL (after its run).
    page.wait_for_url(
        lambda url: "/values" not in url and "audience=campaign-view" in url, timeout=30_000
    )
    settle(page)
    page.reload()
    settle(page)
    assert panel_label(page) == "OUT · defeated"
    nav(page, "Outline")
    settle(page)
    assert outline_mark(page) == "✗ falls"
    nav(page, "Values")
    settle(page)
    assert values_cell(page) == "falls"
    page.get_by_text(WORDS).first.wait_for(timeout=30_000)
    # And with no audience the same pages agree on the plain reading.
    page.goto(f"{values_url}/?map=values&claim={THESIS}")
    settle(page)
    plain = panel_label(page)
    nav(page, "Outline")
    settle(page)
    assert outline_mark(page).endswith({"IN · stands": "stands", "OUT · defeated": "falls",
                                        "UNDECIDED": "undecided"}[plain])  # fmt: skip
    watch.assert_clean()
