"""The Brief page on the cybercrime map reads at once: its bottom line and cards within 2 s
of opening it, the PDF and Word files built only when asked for."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest

from argmap.graph import to_graph
from argmap.products.brief import build_brief
from argmap.products.brief.pdf import to_pdf
from argmap.products.brief.round import round_brief
from argmap.store.yaml_map import read_map
from tests.browser.conftest import ROOT, Watch, shot
from tests.browser.test_browser_seminar import settle

pytestmark = pytest.mark.browser
BUDGET_S = 2.0


def test_brief_bottom_line_within_two_seconds(
    page: Any, app_url: str, watch: Watch, tmp_path: Path
) -> None:
    page.goto(f"{app_url}/?map=cybercrime-treaties")
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.get_by_role("link", name="Outline", exact=True).wait_for(timeout=60_000)
    settle(page)
    G = to_graph(read_map(ROOT / "maps" / "cybercrime-treaties.yaml").map)
    thesis = next(c for c, kind in G.nodes(data="kind") if kind == "thesis")
    r = round_brief(build_brief(G, thesis, "for"))
    main = page.locator('[data-testid="stMain"]')
    start = time.monotonic()
    nav.get_by_role("link", name="Brief", exact=True).click()
    main.get_by_text(r.bottom_line, exact=True).wait_for(timeout=30_000)
    main.locator(".st-key-ours-1").wait_for(timeout=30_000)  # the first of our cards
    took = time.monotonic() - start
    print(f"Brief page: bottom line and first card after {took:.2f} s")
    assert took < BUDGET_S, took
    title = main.locator("h1").first.inner_text()
    assert re.match(r"Brief for: \S", title), title
    settle(page)
    shot(page, "brief-round")
    # Nothing slow was built: the PDF comes when asked for, and is the CLI's file.
    assert main.get_by_role("button", name="Download PDF").count() == 0
    main.get_by_role("button", name="Prepare PDF").click()
    with page.expect_download() as info:
        main.get_by_role("button", name="Download PDF").click()
    info.value.save_as(tmp_path / "b.pdf")
    assert (tmp_path / "b.pdf").read_bytes() == to_pdf(build_brief(G, thesis, "for"))
    watch.assert_clean()
