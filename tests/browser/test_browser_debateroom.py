"""The debate room in a real browser: the Word brief and flow downloads, and Compare maps
with two uploaded files (a student's map and the instructor's)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from argmap.graph import to_graph
from argmap.products.brief import build_brief
from argmap.products.brief.docx import source_texts, to_docx
from argmap.products.diff import agreement, diff_maps
from argmap.products.flow import build_flow, to_xlsx
from argmap.store.library import sources_dir
from argmap.store.yaml_map import read_map
from tests.browser.conftest import Watch, shot
from tests.browser.test_browser_seminar import open_page, settle
from tests.support import FIXTURES

pytestmark = pytest.mark.browser


def download(page: Any, main: Any, label: str, path: Path) -> bytes:
    rest = label.removeprefix("Download ")
    prepare = main.get_by_role("button", name=f"Prepare {rest}")
    button = main.get_by_role("button", name=label)
    settle(page)  # a click during a rerun may be dropped
    # One of the two is there once the page has drawn its buttons.
    main.get_by_role("button", name=re.compile(rf"^(Prepare|Download) {re.escape(rest)}$")).first \
        .wait_for(timeout=60_000)  # fmt: skip
    for _ in range(4):  # Word, PDF and the flow are built when asked for
        if button.count() or not prepare.count():
            break
        prepare.click()
        try:
            button.wait_for(timeout=20_000)
        except Exception:
            continue
    with page.expect_download() as info:
        main.get_by_role("button", name=label).click()
    info.value.save_as(path)
    return path.read_bytes()


def test_word_brief_and_flow_download_byte_for_byte(
    page: Any, app_url: str, maps_dir: Path, watch: Watch, tmp_path: Path
) -> None:
    main = open_page(page, app_url, "Brief")
    main.get_by_text("Sources", exact=True).wait_for(timeout=60_000)
    settle(page)
    m = read_map(FIXTURES / "mini.yaml").map
    brief = build_brief(to_graph(m), "join-budapest", "for")
    word = download(page, main, "Download Word (Verbatim)", tmp_path / "brief.docx")
    assert word == to_docx(brief, m, source_texts(m, sources_dir(maps_dir)))
    flow = download(page, main, "Download flow (Excel)", tmp_path / "flow.xlsx")
    assert flow == to_xlsx(build_flow(brief))
    watch.assert_clean()


def test_compare_two_uploaded_maps(page: Any, app_url: str, watch: Watch, tmp_path: Path) -> None:
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    student = tmp_path / "student.yaml"
    student.write_text(text.replace("rights-risk", "student-rights"), encoding="utf-8")
    main = open_page(page, app_url, "Compare maps")
    main.get_by_text("Choose or upload both maps", exact=False).wait_for(timeout=60_000)
    uploads = main.locator('[data-testid="stFileUploaderDropzoneInput"]')
    uploads.nth(0).set_input_files(str(student))
    uploads.nth(1).set_input_files(str(FIXTURES / "mini.yaml"))
    main.get_by_text("Agreement with the reference").wait_for(timeout=60_000)
    settle(page)
    old, new = read_map(student).map, read_map(FIXTURES / "mini.yaml").map
    score = agreement(old, new, diff_maps(old, new))
    n, total = score.claims_found
    # The numbers arrive with the rerun that follows the second upload: wait for them.
    main.get_by_text(f"{n} of {total}", exact=False).first.wait_for(timeout=60_000)
    shown = main.inner_text()
    assert f"{n} of {total}" in shown
    said = {c.id: c.statement.rstrip(".") for c in (*old.claims, *new.claims)}
    assert f"“{said['student-rights']}” is “{said['rights-risk']}”" in shown  # in words
    assert "student-rights" not in shown  # never by id
    shot(page, "compare-maps")
    watch.assert_clean()
