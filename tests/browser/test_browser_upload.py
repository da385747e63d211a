"""An uploaded map becomes the current one: the picker and the URL name it, so a reload (or
"Link to this view") shows it, not the map picked before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import FIXTURES, Watch, shot
from tests.browser.test_browser_seminar import settle

pytestmark = pytest.mark.browser


def test_upload_becomes_the_current_map(
    page: Any, app_url: str, maps_dir: Path, watch: Watch, tmp_path: Path
) -> None:
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    title = "An uploaded seminar map"
    upload = tmp_path / "Seminar Upload.yaml"
    upload.write_text(text.replace("title: ", f"title: {title}\n# was: ", 1), encoding="utf-8")
    page.goto(f"{app_url}/?map=mini")
    main = page.locator('[data-testid="stMain"]')
    sidebar = page.locator('[data-testid="stSidebar"]')
    main.get_by_text("Where the theses stand").wait_for(timeout=60_000)
    settle(page)
    sidebar.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    main.locator("h1", has_text=title).wait_for(timeout=60_000)
    page.wait_for_url("**map=seminar-upload**", timeout=15_000)
    settle(page)
    picker = sidebar.locator('[data-testid="stSelectbox"]').first
    shown = picker.evaluate(
        "el => [...el.querySelectorAll('input, [value], div')].map(e => e.value || "
        "e.getAttribute('value') || (e.children.length ? '' : e.textContent)).join(' ')"
    )
    assert "seminar-upload" in shown, shown
    assert (maps_dir / "seminar-upload.yaml").read_bytes() == upload.read_bytes()
    shot(page, "upload-current")
    page.reload()  # the URL alone brings it back
    main.locator("h1", has_text=title).wait_for(timeout=60_000)
    watch.assert_clean()


def test_a_broken_upload_shows_its_problems_and_is_not_kept(
    page: Any, app_url: str, maps_dir: Path, watch: Watch, tmp_path: Path
) -> None:
    broken = tmp_path / "broken-upload.yaml"
    broken.write_text("argmap: 1\ntitle: [\n", encoding="utf-8")
    page.goto(f"{app_url}/?map=mini")
    main = page.locator('[data-testid="stMain"]')
    main.get_by_text("Where the theses stand").wait_for(timeout=60_000)
    settle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(broken))
    page.get_by_text("This map cannot be opened").wait_for(timeout=60_000)
    page.get_by_text("broken-upload.yaml:", exact=False).wait_for(timeout=15_000)  # located
    assert not (maps_dir / "broken-upload.yaml").exists()
    assert "map=mini" in page.url
    watch.assert_clean()
