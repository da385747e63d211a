"""The Read and New map pages under Streamlit's AppTest (the reader component's selection is
set as the component sets it: the session's picked passage)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from argmap.app.main import page_path
from argmap.products.quotes import check_quotes, quote_at_holds
from argmap.store.yaml_map import read_map

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "Home page.\n\nThe Treaty would be legally binding, which is critical. Critics say it "
    "enables surveillance by authoritarian regimes. Cooperation is essential.\n"
)
MAP = """\
argmap: 1
title: T
question: Should the U.S. back the UN treaty?
sources:
  - id: art
    title: The article
    kind: article
    text_file: art.txt
actors:
  - id: author
    name: An Author
    kind: person
    sources: [art]
claims:
  - id: binding
    statement: The treaty would bind its signatories.
    kind: thesis
    source: art
    actor: author
    quote: The Treaty would be legally binding
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "maps").mkdir()
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "art.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "maps" / "m.yaml").write_text(MAP, encoding="utf-8")
    monkeypatch.setenv("ARGMAP_MAPS_DIR", str(tmp_path / "maps"))
    monkeypatch.setenv("ARGMAP_SOURCES", str(tmp_path / "texts"))
    return tmp_path


def open_page(name: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page(page_path(name))
    at.run()
    assert not at.exception, at.exception
    return at


def texts(elements: object) -> list[str]:
    return [str(e.value).replace("\\", "") for e in elements]  # type: ignore[attr-defined]


def test_a_picked_passage_becomes_a_claim_and_a_suggestion_a_relation(folder: Path) -> None:
    at = open_page("read")
    assert any("1 passage quoted by the map" in c for c in texts(at.caption))
    start = TEXT.index("Critics say")
    end = TEXT.index("regimes.") + len("regimes.")
    at.session_state["read_pick"] = (start, end)
    at.session_state["read-start"], at.session_state["read-end"] = start, end
    at.run()
    assert at.selectbox(key="read-actor").value == "author"  # filled from the source
    assert at.text_area(key="read-statement").value == ""  # the author writes it
    at.button(key="read-add").click().run()
    assert any("Write the claim's statement" in w for w in texts(at.warning))
    at.button(key="read-words").click().run()  # only the passage's own words
    assert at.text_area(key="read-statement").value == TEXT[start:end]
    at.text_area(key="read-statement").set_value("Critics fear surveillance.").run()
    at.button(key="read-add").click().run()
    assert not at.exception, at.exception
    # Offered, not added: the map in the editor has no relation until one is accepted.
    accepts = [b for b in at.button if b.key and b.key.startswith("read-accept-")]
    assert [b.key for b in accepts] == ["read-accept-binding"]
    assert not (folder / "maps" / "m.yaml").read_text().count("relations:")
    at.button(key="read-reject-binding").click().run()
    assert not [b for b in at.button if b.key and b.key.startswith("read-accept-")]
    at.button(key="read-save").click().run()
    m = read_map(folder / "maps" / "m.yaml").map
    claim = m.claim("critics-fear-surveillance")
    assert claim.quote == TEXT[start:end] and claim.quote_at == (start, end)
    assert m.relations == []
    assert all(r.found for r in check_quotes(m, folder / "texts"))


def test_accepting_a_suggestion_adds_that_relation(folder: Path) -> None:
    at = open_page("read")
    start = TEXT.index("Cooperation")
    end = TEXT.index("essential.") + len("essential.")
    at.session_state["read_pick"] = (start, end)
    at.session_state["read-start"], at.session_state["read-end"] = start, end
    at.run()
    at.text_area(key="read-statement").set_value("Cooperation matters.").run()
    at.button(key="read-add").click().run()
    at.button(key="read-accept-binding").click().run()
    at.button(key="read-save").click().run()
    m = read_map(folder / "maps" / "m.yaml").map
    [relation] = m.relations
    assert (relation.from_, relation.to) == ("cooperation-matters", "binding")
    text = (folder / "texts" / "art.txt").read_text()
    assert quote_at_holds(m.claim("cooperation-matters").quote, text, (start, end))


def test_a_passage_may_be_a_reported_sources_claim(folder: Path) -> None:
    path = folder / "maps" / "m.yaml"
    paper = "  - id: paper\n    title: A paper it reports\n    kind: paper\n    reported_in: art\n"
    path.write_text(MAP.replace("actors:", paper + "actors:"), "utf-8")
    at = open_page("read")
    start = TEXT.index("Critics say")
    at.session_state["read_pick"] = (start, start + 11)
    at.session_state["read-start"], at.session_state["read-end"] = start, start + 11
    at.run()
    at.selectbox(key="read-claim-source").set_value("paper").run()
    at.text_area(key="read-statement").set_value("Critics speak.").run()
    at.button(key="read-add").click().run()
    at.button(key="read-save").click().run()
    m = read_map(path).map
    assert m.claim("critics-speak").source == "paper"
    assert all(r.found for r in check_quotes(m, folder / "texts"))  # through reported_in


def test_a_statement_finds_its_passage_and_use_picks_it(folder: Path) -> None:
    at = open_page("read")
    at.text_input(key="read-find").set_value("Working together is necessary.").run()
    at.button(key="read-use-0").click().run()
    start, end = at.session_state["read_pick"]
    assert TEXT[start:end] == "Cooperation is essential."
    assert at.text_area(key="read-statement").value == "Working together is necessary."


def test_a_new_map_is_created_valid(folder: Path) -> None:
    at = open_page("newmap")
    at.text_input(key="new-title").set_value("Cyber treaties")
    at.button[0].click().run()
    assert any("title and the question" in w for w in texts(at.warning))
    at.text_input(key="new-title").set_value("Cyber treaties")
    at.text_input(key="new-question").set_value("Should states sign?")
    at.button[0].click().run()
    assert not at.exception, at.exception
    path = folder / "maps" / "cyber-treaties.yaml"
    m = read_map(path).map
    assert (m.title, m.question) == ("Cyber treaties", "Should states sign?")
    assert any("2. Its sources" in s for s in texts(at.subheader))
