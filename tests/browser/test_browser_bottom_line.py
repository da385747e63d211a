"""The Map page's bottom line in a real browser: each thesis beside the map says where it
stands, why, and for whom; "How to read this map" is one click away on every page."""

from __future__ import annotations

import re
from typing import Any

import pytest

from argmap.analysis import evaluate
from argmap.graph import to_graph
from argmap.store.yaml_map import read_map
from argmap.view.bottom_line import thesis_lines
from tests.browser.conftest import ROOT, Watch, shot
from tests.browser.test_browser_seminar import settle

pytestmark = pytest.mark.browser


def test_each_thesis_carries_its_bottom_line(laptop: Any, app_url: str, watch: Watch) -> None:
    page = laptop
    page.goto(f"{app_url}/?map=cybercrime-treaties")
    main = page.locator('[data-testid="stMain"]')
    main.get_by_text("Where the theses stand").wait_for(timeout=60_000)
    settle(page)
    G = to_graph(read_map(ROOT / "maps" / "cybercrime-treaties.yaml").map)
    lines = thesis_lines(G, evaluate(G))
    assert len(lines) == len([c for c in G.nodes if G.nodes[c].get("kind") == "thesis"]) >= 4
    box = page.locator(".st-key-theses")
    shown = " ".join(box.inner_text().split())
    for line in lines:
        assert " ".join(line.text.split()) in shown, line.text
        assert line.where in ("Stands", "Falls", "Undecided")
    assert re.search(r"Stands for [^;.]*Peters", shown)  # for whom, by audience
    assert re.search(r"falls for [^;.]*Russia", shown)
    shot(page, "map-bottom-line")
    # "How to read this map": one click on any page, here the Brief page.
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.get_by_role("link", name="Brief", exact=True).click()
    main.get_by_text("Bottom line", exact=True).wait_for(timeout=30_000)
    page.locator('[data-testid="stSidebar"]').get_by_role(
        "button", name="How to read this map"
    ).click()
    page.get_by_text("Start at the top.").wait_for(timeout=10_000)
    watch.assert_clean()
