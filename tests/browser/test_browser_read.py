"""Authoring in a real browser, keyboard and mouse only: a new map from the 2024 article
(question, the article as its source, the actors named in it), three claims made from
passages picked in the Read page (the arrow keys and Enter, a mouse drag, Shift+arrows),
two suggested relations accepted, saved, reopened; then `argmap validate` and
`check-quotes` pass on the file and every quote holds at its recorded offsets."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from argmap.products.quote_finder import sentence_spans
from argmap.products.quotes import quote_at_holds
from argmap.store.yaml_map import read_map
from tests.browser.conftest import ROOT, Watch, chromium_path, shot, start_app, stop_app
from tests.browser.helpers import ready_frame
from tests.conftest import SOURCES

pytestmark = pytest.mark.browser

ARTICLE = "us-to-fall-in-line-with-un-cybercrime-treaty.txt"
READER = 'iframe[title*="argmap_reader"]'
READY = "!!document.body && document.body.getAttribute('data-reader-ready') === '1'"


@pytest.fixture(scope="module")
def authoring(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    """An app of its own over an empty maps folder and a folder of source texts."""
    chromium_path()
    if not (SOURCES / ARTICLE).is_file():
        pytest.fail(f"the 2024 article is not at {SOURCES / ARTICLE}", pytrace=False)
    root = tmp_path_factory.mktemp("authoring")
    maps, texts = root / "maps", root / "texts"
    maps.mkdir()
    texts.mkdir()
    upload = root / "upload" / ARTICLE
    upload.parent.mkdir()
    shutil.copy(SOURCES / ARTICLE, upload)
    old = os.environ.get("ARGMAP_SOURCES")
    os.environ["ARGMAP_SOURCES"] = str(texts)  # the server takes its environment from ours
    try:
        server = start_app(maps, root / "streamlit.log")
    finally:
        if old is None:
            os.environ.pop("ARGMAP_SOURCES")
        else:
            os.environ["ARGMAP_SOURCES"] = old
    yield server.url, maps, upload
    stop_app(server)


def reader(page: Any) -> Any:
    return ready_frame(page, READER, READY)


def wait_text(page: Any, text: str, timeout: float = 30_000) -> None:
    page.get_by_text(text).first.wait_for(timeout=timeout)


def choose(page: Any, label: str, option: str) -> None:
    """Pick an option of a Streamlit select box by typing it, as a keyboard user does."""
    box = page.get_by_label(label, exact=True)
    box.click()
    box.fill(option)
    page.keyboard.press("Enter")


def picked_quote(page: Any, words: str) -> str:
    """The passage the page shows as picked, once it holds ``words``."""
    quote = page.locator('[data-testid="stMarkdownContainer"] blockquote', has_text=words)
    quote.first.wait_for(timeout=30_000)
    return str(quote.first.inner_text())


def add_claim(page: Any, statement: str, actor: str) -> None:
    area = page.get_by_label("Statement, in your own words")
    area.click()
    area.fill(statement)
    page.keyboard.press("Control+Enter")  # a text area applies on Ctrl+Enter (or on blur)
    choose(page, "Actor", actor)
    page.get_by_role("button", name="Add claim").click()
    wait_text(page, "Added claim")
    blockquote = page.locator('[data-testid="stMarkdownContainer"] blockquote')
    page.wait_for_function("n => document.querySelectorAll("
                           "'[data-testid=\"stMarkdownContainer\"] blockquote').length === 0",
                           arg=0, timeout=30_000)  # the rerun has ended: no pick  # fmt: skip
    assert blockquote.count() == 0


def test_build_a_map_from_the_2024_article(
    page: Any, authoring: tuple[str, Path, Path], watch: Watch
) -> None:
    url, maps, upload = authoring
    text = upload.read_text(encoding="utf-8")
    spans = sentence_spans(text)
    page.goto(url)
    nav = page.locator('[data-testid="stSidebarNav"]')
    wait_text(page, "start one on the New map page")  # the first page has run
    nav.get_by_role("link", name="New map").click()

    # 1. The question.
    page.get_by_label("Title", exact=True).fill("The U.S. and the UN cybercrime treaty")
    page.get_by_label("The question under debate").fill("Should the U.S. back the UN treaty?")
    page.get_by_role("button", name="Create the map").click()
    wait_text(page, "Now add its sources")
    saved = maps / "the-u-s-and-the-un-cybercrime-treaty.yaml"
    assert saved.is_file()
    assert subprocess.run([sys.executable, "-m", "argmap.cli", "validate", str(saved)],
                          cwd=ROOT, capture_output=True).returncode == 0  # fmt: skip

    # 2. Its source: the article, uploaded.
    documents = page.locator('[data-testid="stFileUploader"]', has_text="Documents")
    documents.locator('input[type="file"]').set_input_files(str(upload))
    date = page.get_by_label("Date", exact=True)
    date.wait_for(timeout=30_000)
    date.fill("2024")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Add as sources").click()
    wait_text(page, "Now the actors")

    # 3. The actors named in it.
    names = page.get_by_label("Names found in the sources (most mentioned first)")
    for name in ("Emilio Iasiello", "Google"):
        names.click()
        page.keyboard.type(name)
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
    page.get_by_role("button", name="Add actors").click()
    wait_text(page, "Added and saved 2 actors")
    assert subprocess.run([sys.executable, "-m", "argmap.cli", "validate", str(saved)],
                          cwd=ROOT, capture_output=True).returncode == 0  # fmt: skip

    # 4. Read and mark.
    page.get_by_role("button", name="Read and mark the sources").click()
    frame = reader(page)

    # Claim 1, with the keyboard: walk to the fifth sentence, Enter picks it.
    binding = next(i for i, (s, e) in enumerate(spans) if text[s:e].startswith("The Treaty would"))
    frame.locator("#text").focus()
    for _ in range(binding + 1):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert picked_quote(page, "legally binding").startswith("The Treaty would be legally binding")
    add_claim(page, "A binding treaty would hold its signatories to account.", "Emilio Iasiello")

    # Claim 2, with the mouse: drag across Google's objection.
    google = next(i for i, (s, e) in enumerate(spans) if text[s:e].startswith("Notably"))
    frame = reader(page)
    box = page.locator(READER).bounding_box()
    rects = frame.evaluate(
        """i => { const s = document.querySelector(`[data-sentence="${i}"]`);
                  s.scrollIntoView({block: "center"});
                  const r = [...s.getClientRects()];
                  return [r[0].toJSON(), r[r.length - 1].toJSON()]; }""",
        google,
    )
    first, last = rects
    page.mouse.move(box["x"] + first["left"] + 1, box["y"] + first["top"] + first["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + last["right"] - 1, box["y"] + last["top"] + last["height"] / 2,
                    steps=12)  # fmt: skip
    page.mouse.up()
    assert "authoritarian regimes" in picked_quote(page, "Google")
    add_claim(page, "Authoritarian regimes could use the treaty for surveillance.", "Google")
    page.get_by_role("button", name="Accept").first.wait_for(timeout=30_000)
    shot(page, "read-page-suggestions")
    page.get_by_role("button", name="Accept").first.click()
    wait_text(page, "Added: ")

    # Claim 3, with Shift+arrows: two short sentences.
    foolish = next(i for i, (s, e) in enumerate(spans) if text[s:e].startswith("To keep pursuing"))
    frame = reader(page)
    frame.locator("#text").focus()
    page.keyboard.press("Home")
    for _ in range(foolish):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Shift+ArrowDown")
    page.keyboard.press("Enter")
    quote = picked_quote(page, "foolish")
    shot(page, "read-page-picked")
    assert quote.startswith("To keep pursuing") and "different approach" in quote
    add_claim(page, "The old ways of fighting cybercrime have failed.", "Emilio Iasiello")
    page.get_by_role("button", name="Accept").first.click()
    wait_text(page, "Added: ")

    page.get_by_role("button", name="Save to file").click()
    wait_text(page, "Saved ")

    # Reopened: the three quotes are marked in the text.
    page.goto(f"{url}/?map={saved.stem}")  # the root: a deep /read URL 404s Streamlit's probes
    nav.get_by_role("link", name="Map", exact=True).wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    nav.get_by_role("link", name="Read", exact=True).click()
    frame = reader(page)
    frame.wait_for_function("document.querySelectorAll('.quoted').length >= 3", timeout=30_000)
    quoted = frame.evaluate("new Set([...document.querySelectorAll('.quoted')]"
                            ".flatMap(e => e.dataset.claims.split(' '))).size")  # fmt: skip
    assert quoted == 3
    shot(page, "read-page")

    m = read_map(saved).map
    assert len(m.claims) == 3 and len(m.relations) == 2
    folder = maps.parent / "texts"
    [source] = m.sources
    assert (folder / (source.text_file or "")).read_text("utf-8") == text
    assert {a.name for a in m.actors} == {"Emilio Iasiello", "Google"}
    for claim in m.claims:
        assert claim.quote_at is not None and claim.source == source.id
        assert quote_at_holds(claim.quote, text, claim.quote_at)
    for command in (["validate", str(saved)],
                    ["check-quotes", str(saved), "--sources", str(folder)]):  # fmt: skip
        done = subprocess.run([sys.executable, "-m", "argmap.cli", *command], cwd=ROOT,
                              capture_output=True, text=True)  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
    watch.assert_clean()


def test_import_verbatim_evidence_from_the_import_page(
    page: Any, authoring: tuple[str, Path, Path], watch: Watch, tmp_path: Path
) -> None:
    from tests.readwrite.test_import_docx import _verbatim

    url, maps, _ = authoring
    cards = tmp_path / "aff-cards.docx"
    cards.write_bytes(_verbatim())
    if not list(maps.glob("*.yaml")):  # the page needs a map open (run alone)
        from argmap.store.library import create_map

        create_map(maps, "first", "First", "Which first?")
    page.goto(url)
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.get_by_role("link", name="Map", exact=True).wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    nav.get_by_role("link", name="Import and export", exact=True).click()
    page.get_by_text("Import debate evidence").wait_for(timeout=30_000)
    uploader = page.locator('[data-testid="stFileUploader"]', has_text="file of cards")
    uploader.locator('input[type="file"]').set_input_files(str(cards))
    wait_text(page, "Read 4 cards from 3 sources")
    page.get_by_role("button", name="Save as aff-cards.yaml").click()
    wait_text(page, "Saved aff-cards.yaml")
    saved = maps / "aff-cards.yaml"
    assert len(read_map(saved).map.claims) == 4
    done = subprocess.run([sys.executable, "-m", "argmap.cli", "check-quotes", str(saved),
                           "--sources", str(maps.parent / "texts")], cwd=ROOT,
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    watch.assert_clean()


def test_the_keyboard_hears_which_claims_quote_a_sentence(
    page: Any, authoring: tuple[str, Path, Path], watch: Watch
) -> None:
    url, maps, upload = authoring
    text = upload.read_text(encoding="utf-8")
    spans = sentence_spans(text)
    binding = next(i for i, (s, e) in enumerate(spans) if text[s:e].startswith("The Treaty would"))
    start = spans[binding][0]
    end = start + len("The Treaty would be legally binding")
    (maps.parent / "texts" / "heard.txt").write_text(text, encoding="utf-8")
    (maps / "heard.yaml").write_text(
        "argmap: 1\ntitle: Heard\nquestion: Q?\n"
        "sources:\n  - {id: art, title: Article, kind: article, text_file: heard.txt}\n"
        "actors:\n  - {id: ei, name: Emilio Iasiello, kind: person}\n"
        "claims:\n  - {id: bind, statement: It binds., source: art, actor: ei, "
        f"quote: The Treaty would be legally binding, quote_at: [{start}, {end}]}}\n",
        encoding="utf-8",
    )
    page.goto(f"{url}/?map=heard")
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.get_by_role("link", name="Map", exact=True).wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    nav.get_by_role("link", name="Read", exact=True).click()
    frame = reader(page)
    frame.locator("#text").focus()
    for _ in range(binding + 1):
        page.keyboard.press("ArrowDown")
    assert "quoted by “It binds.”" in frame.locator("#status").inner_text()
    page.keyboard.press("ArrowDown")
    assert "quoted by" not in frame.locator("#status").inner_text()
    watch.assert_clean()


def test_a_new_map_from_a_verbatim_file_takes_its_cards(
    page: Any, authoring: tuple[str, Path, Path], watch: Watch, tmp_path: Path
) -> None:
    from tests.readwrite.test_import_docx import _verbatim

    url, maps, _ = authoring
    cards = tmp_path / "neg-file.docx"
    cards.write_bytes(_verbatim())
    page.goto(url)
    nav = page.locator('[data-testid="stSidebarNav"]')
    nav.get_by_role("link", name="Map", exact=True).wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    nav.get_by_role("link", name="New map").click()
    page.get_by_label("Title", exact=True).fill("Evidence on treaties")
    page.get_by_label("The question under debate").fill("Do treaties work?")
    page.get_by_role("button", name="Create the map").click()
    wait_text(page, "Now add its sources")
    documents = page.locator('[data-testid="stFileUploader"]', has_text="Documents")
    documents.locator('input[type="file"]').set_input_files(str(cards))
    page.get_by_text("Import its 4 cards as claims").wait_for(timeout=30_000)
    page.get_by_role("button", name="Add as sources").click()
    wait_text(page, "Now the actors")
    saved = maps / "evidence-on-treaties.yaml"
    m = read_map(saved).map
    assert len(m.claims) == 4 and len(m.sources) == 3
    assert all(c.quote_at is not None for c in m.claims)
    done = subprocess.run([sys.executable, "-m", "argmap.cli", "check-quotes", str(saved),
                           "--sources", str(maps.parent / "texts")], cwd=ROOT,
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    watch.assert_clean()
