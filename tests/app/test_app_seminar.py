"""The debate and seminar pages under AppTest: brief downloads, drill, discussion questions,
step-through, sources and actors, and class verdicts stored in a real database."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from argmap.analysis import evaluate, positions
from argmap.app.main import page_path
from argmap.graph import to_graph
from argmap.products.brief import build_brief, to_html, to_markdown
from argmap.products.brief.docx import source_texts, to_docx
from argmap.products.brief.pdf import to_pdf
from argmap.products.brief.round import round_brief, short
from argmap.products.flow import build_flow, to_csv, to_xlsx
from argmap.products.questions import KINDS, LIMIT, discussion_questions, ranked
from argmap.store.library import sources_dir
from argmap.store.verdicts import DEFAULT_DATABASE_FILE, VerdictStore
from argmap.store.yaml_map import read_map
from tests.conftest import CYBERCRIME_MAP, ROOT

FIXTURES = ROOT / "tests" / "support" / "fixtures"
PAGES = ("outline", "brief", "drill", "discussion", "stepthrough", "sources", "verdicts")
MAPS = ("cybercrime-treaties", "mini", "hostile")
APP = ROOT / "app.py"


@pytest.fixture
def maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "maps"
    directory.mkdir()
    for name in ("mini", "hostile"):
        shutil.copy(FIXTURES / f"{name}.yaml", directory / f"{name}.yaml")
    shutil.copy(CYBERCRIME_MAP, directory / "cybercrime-treaties.yaml")
    monkeypatch.setenv("ARGMAP_MAPS_DIR", str(directory))
    monkeypatch.setenv("ARGMAP_DATABASE_URL", f"sqlite:///{tmp_path / 'verdicts.sqlite3'}")
    return directory


def open_page(page: str, map_name: str = "mini") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["map"] = map_name
    at.run()
    at.switch_page(page_path(page))
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    """Every Markdown-bearing element's source, joined."""
    kinds = ("markdown", "caption", "title", "header", "subheader", "warning", "info", "success")
    return "\n".join(str(e.value) for kind in kinds for e in at.get(kind))


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def click(at: AppTest, key: str) -> None:
    at.button(key=key).click().run()
    assert not at.exception, at.exception


# Every page, every map -----------------------------------------------------------------------


@pytest.mark.parametrize("map_name", MAPS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_works_on_every_map(maps: Path, page: str, map_name: str) -> None:
    at = open_page(page, map_name)
    assert not at.error, [e.value for e in at.error]
    # Map text is data: no tag survives unescaped in Markdown, nor raw in HTML.
    assert not re.search(r"(?<!\\)<", texts(at)), texts(at)
    for h in at.get("html"):
        assert not re.search(r"<(script|img|svg|iframe)", h.proto.body, re.I)


# Brief ---------------------------------------------------------------------------------------


def test_brief_shows_the_case_and_downloads_exactly_the_brief(
    maps: Path, saved_downloads: dict[str, bytes]
) -> None:
    saved = saved_downloads
    at = open_page("brief")
    assert at.selectbox(key="brief_thesis").value == "join-budapest"
    shown = unescape(texts(at))
    assert "requests were answered in weeks rather than months" in shown  # our case
    assert "drafted without us" in shown and "open to accession by any state" in shown
    at.radio(key="brief_side").set_value("against").run()
    at.selectbox(key="semantics").set_value("preferred").run()  # the reading every page shares
    assert not at.exception
    assert unescape(at.title[0].value).startswith("Brief against: States should join")
    # The buttons are the brief and flow products' outputs: the slow ones (PDF, Word,
    # Excel) are built when asked for; then each download is the CLI's file.
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download Markdown", "Download HTML", "Download flow (CSV)"]
    for name in ("mk_brief.pdf", "mk_brief.docx", "mk_flow.xlsx"):
        at.button(key=name).click().run()
    G = to_graph(read_map(maps / "mini.yaml").map)
    brief = build_brief(G, "join-budapest", "against", semantics="preferred")
    assert saved["brief-join-budapest-against.md"] == to_markdown(brief).encode("utf-8")
    assert saved["brief-join-budapest-against.html"] == to_html(brief).encode("utf-8")
    assert saved["brief-join-budapest-against.pdf"] == to_pdf(brief)
    at.radio(key="brief_paper").set_value("Letter").run()  # another paper: asked for again
    assert "Download PDF" not in [b.proto.label for b in at.get("download_button")]
    at.button(key="mk_brief.pdf").click().run()
    assert saved["brief-join-budapest-against.pdf"] == to_pdf(brief, letter=True) != to_pdf(brief)
    at.button(key="mk_brief.docx").click().run()  # the request changed: built when asked
    m = read_map(maps / "mini.yaml").map
    docx = to_docx(brief, m, source_texts(m, sources_dir(maps)))
    assert saved["brief-join-budapest-against.docx"] == docx
    assert saved["flow-join-budapest-against.xlsx"] == to_xlsx(build_flow(brief))
    assert saved["flow-join-budapest-against.csv"] == to_csv(build_flow(brief)).encode("utf-8")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [
        "Download Markdown", "Download HTML", "Download PDF", "Download Word (Verbatim)",
        "Download flow (Excel)", "Download flow (CSV)",
    ]  # fmt: skip
    # The whole dossier: the same buttons, the dossier's files.
    at.radio(key="brief_full").set_value("full dossier").run()
    full = to_markdown(brief, full=True).encode("utf-8")
    assert saved["brief-join-budapest-against-full.md"] == full
    at.button(key="mk_brief.pdf").click().run()
    assert saved["brief-join-budapest-against-full.pdf"] == to_pdf(brief, letter=True, full=True)


def test_brief_page_opens_with_the_bottom_line(maps: Path) -> None:
    at = open_page("brief")
    at.radio(key="brief_side").set_value("against").run()
    G = to_graph(read_map(maps / "mini.yaml").map)
    brief = build_brief(G, "join-budapest", "against")
    assert brief.bottom_line is not None
    assert "Bottom line" in [h.value for h in at.subheader]
    shown = unescape(texts(at))
    assert round_brief(brief).bottom_line in shown
    for group in brief.bottom_line.answer[:1]:  # what it would take, by statement
        for claim in group:
            assert short(claim.statement, 25) in shown


def test_brief_of_a_map_without_theses_uses_claims_that_bear_on_nothing(maps: Path) -> None:
    text = (FIXTURES / "mini.yaml").read_text(encoding="utf-8").replace("    kind: thesis\n", "")
    (maps / "nothesis.yaml").write_text(text, encoding="utf-8")
    at = open_page("brief", "nothesis")
    assert at.selectbox(key="brief_thesis").options == [
        "States should join the Budapest Convention rather than draft a new UN treaty."
    ]


# Drill ---------------------------------------------------------------------------------------


def test_drill_one_argument_at_a_time_then_score_and_weak(maps: Path) -> None:
    at = open_page("drill")
    assert at.subheader[0].value == "Argument 1 of 2"
    card = unescape(texts(at))
    # What matters most to the thesis first: the UN-treaty objection holds it down more
    # (argmap.analysis.impact) than the stronger-looking "regional" one.
    assert "every state has a say in the rules" in card
    assert "without most of the world at the table" not in card
    at.selectbox(key="drill_pick").set_value("rights-risk")
    click(at, "drill_reveal")
    assert "one of the map's answers" in texts(at)
    click(at, "drill_mark_missed")
    assert at.subheader[0].value == "Argument 2 of 2"
    assert at.text_area(key="drill_text").value == ""
    card = unescape(texts(at))
    assert "without most of the world at the table" in card
    assert "open to accession" not in card  # the answers wait for the response
    at.text_area(key="drill_text").input("Anyone may accede.")
    click(at, "drill_reveal")
    shown = unescape(texts(at))
    assert "You said:** Anyone may accede." in shown
    assert "open to accession by any state" in shown  # the map's answer, with its quote
    click(at, "drill_mark_strong")
    assert at.subheader[0].value == "Session done"
    assert at.metric[0].value == "50%"
    weak = unescape(texts(at))
    assert "Still weak** (1)" in weak and "every state has a say in the rules" in weak
    click(at, "drill_again")
    assert at.subheader[0].value == "Argument 1 of 1"
    assert "every state has a say" in unescape(texts(at))
    # Another side is another deck, from its start.
    at.radio(key="drill_side").set_value("against").run()
    assert at.subheader[0].value.startswith("Argument 1 of ")
    assert "Any state may accede to the Budapest Convention" in unescape(texts(at))


def test_drill_previous_and_a_map_with_nothing_to_drill(maps: Path) -> None:
    at = open_page("drill")
    assert at.button(key="drill_back").disabled
    click(at, "drill_reveal")
    click(at, "drill_mark_weak")
    click(at, "drill_back")
    assert at.subheader[0].value == "Argument 1 of 2"
    at = open_page("drill", "hostile")
    at.radio(key="drill_side").set_value("against").run()  # supports the thesis are theirs
    assert at.subheader[0].value == "Argument 1 of 1"


# Discussion ----------------------------------------------------------------------------------


def test_discussion_questions_each_with_its_reason(maps: Path) -> None:
    at = open_page("discussion", "cybercrime-treaties")
    G = to_graph(read_map(maps / "cybercrime-treaties.yaml").map)
    every = discussion_questions(G, evaluate(G, "grounded"))
    assert len(every) > LIMIT  # the map gives more than a seminar needs: the best 15 first
    expected = Counter(q.kind for q in ranked(every))
    assert expected["conflict"] and expected["single-source"] and expected["second-hand"]
    headers = [h.value for h in at.header][: len(expected)]
    assert headers == [f"{KINDS[k]} ({n})" for k in KINDS if (n := expected[k])]
    reasons = [c.value for c in at.caption if c.value.startswith("Why: ")]
    assert len(reasons) == LIMIT  # every question says why it is asked
    at.toggle(key="disc_all").set_value(True).run()  # the rest on demand
    assert len([c for c in at.caption if c.value.startswith("Why: ")]) == len(every)
    at.multiselect(key="disc_kinds").set_value(["second-hand"]).run()
    assert [h.value.split(" (")[0] for h in at.header][:2] == ["Known only second-hand", "Map"]
    assert "trust our account" in unescape(texts(at))


def test_discussion_for_one_thesis(maps: Path) -> None:
    at = open_page("discussion")
    assert at.header[0].value.startswith("Cruxes (")  # the fixture has cruxes
    everything = len([c for c in at.caption if c.value.startswith("Why: ")])
    at.selectbox(key="disc_thesis").set_value("join-budapest").run()
    assert not at.exception
    assert 0 < len([c for c in at.caption if c.value.startswith("Why: ")]) <= everything


# Step-through --------------------------------------------------------------------------------


def test_step_through_reveals_outward_and_back(maps: Path) -> None:
    at = open_page("stepthrough")

    def card() -> str:
        return next(h.proto.body for h in at.get("html") if "am-card" in h.proto.body)

    def progress() -> str:
        return next(c.value for c in at.caption if c.value.startswith("Step "))

    assert progress().startswith("Step 1 of 10 · 0 of 9 claims shown")
    assert at.button(key="step_prev").disabled
    click(at, "step_next")
    assert progress().startswith("Step 2 of 10 · 1 of 9")
    assert "fastest route to cooperation" in card()  # the thesis card
    click(at, "step_next")
    click(at, "step_next")
    assert progress().startswith("Step 4 of 10 · 3 of 9")
    assert "drafted without us" in card()
    assert "attacks “States should join the Budapest Convention" in unescape(texts(at))
    click(at, "step_prev")
    assert progress().startswith("Step 3 of 10 · 2 of 9")
    for _ in range(10):
        if not at.button(key="step_next").disabled:
            click(at, "step_next")
    assert progress().startswith("Step 10 of 10 · 9 of 9")
    # Another start begins again at the question.
    at.selectbox(key="step_start").set_value("join-budapest").run()
    assert progress().startswith("Step 1 of 10")
    # The keys: a static script, in an iframe, that clicks these buttons.
    frame = at.get("iframe")[0].proto
    assert "ArrowRight" in str(frame) and "step_" in str(frame)


# Sources and actors --------------------------------------------------------------------------


def charts(at: AppTest) -> list[dict[str, Any]]:
    """The Vega-Lite specs of the page's Altair charts, a single chart's rows (which Streamlit
    sends as Arrow) put back inline."""
    specs = []
    for c in at.get("vega_lite_chart"):
        spec = json.loads(c.proto.spec)
        if c.proto.HasField("data"):
            rows = convert_arrow_bytes_to_pandas_df(c.proto.data.data).to_dict("records")
            spec["data"] = {"values": rows}
        specs.append(spec)
    return specs


def layer_values(spec: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """Each part's rows (an hconcat's or a layer's parts, or the chart's own)."""
    parts = spec.get("hconcat") or spec.get("layer") or [spec]
    found = []
    for p in parts:
        data = p.get("data", {})
        found.append(data["values"] if "values" in data else spec["datasets"][data["name"]])
    return found


def test_sources_pictures_on_the_first_map(maps: Path) -> None:
    at = open_page("sources", "cybercrime-treaties")
    years = [s.value.split(" ·")[0] for s in at.subheader if s.value[:2] in ("19", "20")]
    assert {"2011", "2019", "2024"} <= set(years) and years == sorted(years)
    heat, net, time = charts(at)
    strip, cells = layer_values(heat)
    m = read_map(maps / "cybercrime-treaties.yaml").map
    names = {a.id: a.name for a in m.actors}
    # Rows ordered by side: every "for" actor above every "neither", above every "against".
    sides = [r["side"] for r in strip]
    assert sides == sorted(sides, key=("for", "neither", "against").index)
    assert {r["a"] for r in cells} <= set(names.values())
    assert sum(r["attacks"] for r in cells) > 0 and sum(r["supports"] for r in cells) > 0
    edges, nodes = layer_values(net)[0], layer_values(net)[2]
    assert {e["kind"] for e in edges} == {"supports", "attacks"}
    assert {n["name"] for n in nodes} == {r["a"] for r in strip}
    points = layer_values(time)[0]
    assert {p["when"][:4] for p in points} >= {"2011", "2019", "2024"}
    assert not at.dataframe[0].value.empty  # the sources table is still there


def test_sources_of_the_fixture(maps: Path) -> None:
    at = open_page("sources")
    assert [s.value.split(" ·")[0] for s in at.subheader][-3:] == ["2019", "2020", "2021"]
    shown = unescape(texts(at))
    assert "as reported in “Delegates split on cybercrime treaty”" not in shown  # has its own date
    heat = charts(at)[0]
    cells = {(r["a"], r["b"]): r for r in layer_values(heat)[1]}
    # Both ways: State A's UN-treaty claims attack the Council's thesis twice and the Council
    # undercuts State A once; the rights NGO attacks State A twice.
    pair = cells["State A delegation", "Council of Europe"]
    assert pair == cells["Council of Europe", "State A delegation"] | {
        "a": "State A delegation", "b": "Council of Europe",
        "pair": "State A delegation and Council of Europe"}  # fmt: skip
    assert pair["attacks"] == 3
    # Every cell is the analysis' count, both ways.
    G = to_graph(read_map(maps / "mini.yaml").map)
    pos = positions(G, evaluate(G))
    ids = {"Council of Europe": "council", "State A delegation": "state-a",
           "Fixture Rights Watch": "rights"}  # fmt: skip
    for (a, b), cell in cells.items():
        x, y = ids[a], ids[b]
        assert cell["attacks"] == pos.conflict[x][y] + pos.conflict[y][x]
        assert cell["supports"] == pos.agreement[x][y] + pos.agreement[y][x]
    # Sides of the thesis: the Council is for it, State A against.
    strip = {r["a"]: r["side"] for r in layer_values(heat)[0]}
    assert strip["Council of Europe"] == "for" and strip["State A delegation"] == "against"
    # The thesis picker is the map's "side of" choice, kept in the URL.
    assert at.selectbox(key="side_thesis").value == "join-budapest"


# Class verdicts ------------------------------------------------------------------------------


def verdicts_as(name: str, room: str | None = None) -> AppTest:
    at = open_page("verdicts")
    at.text_input(key="verdict_name").input(name).run()
    if room is not None:
        at.text_input(key="verdict_room").input(room).run()
    assert not at.exception
    return at


def mark(at: AppTest, claim: str, verdict: str | None) -> None:
    name = at.text_input(key="verdict_name").value
    room = at.text_input(key="verdict_room").value
    at.button_group(key=f"vd|{room}|{name}|mini|{claim}").set_value(verdict).run()
    assert not at.exception


def class_table(at: AppTest) -> dict[str, dict[str, Any]]:
    frame = at.dataframe[0].value
    return {row["claim"]: row for row in frame.to_dict("records")}


def test_two_participants_verdicts_are_stored_and_compared(maps: Path, tmp_path: Path) -> None:
    ada, bo = verdicts_as("Ada"), verdicts_as("Bo")
    mark(ada, "join-budapest", "accept")
    mark(bo, "join-budapest", "accept")
    mark(ada, "un-treaty-needed", "accept")
    mark(bo, "un-treaty-needed", "reject")
    mark(bo, "rights-risk", "reject")
    mark(ada, "budapest-works", "reject")
    mark(ada, "budapest-works", None)  # withdrawn
    ada.run()
    table = class_table(ada)
    assert set(table) == {"join-budapest", "un-treaty-needed", "rights-risk"}
    assert (table["join-budapest"]["accept"], table["join-budapest"]["reject"]) == (2, 0)
    assert table["join-budapest"]["grounded"] == "in" and table["join-budapest"]["agrees"] == "yes"
    assert table["un-treaty-needed"]["group"] == "split"
    assert table["rights-risk"]["agrees"] == "no"  # rejected by the group, in for grounded
    assert "Ada, Bo" in unescape(texts(ada))
    # In the database, each under its own name.
    store = VerdictStore(f"sqlite:///{tmp_path / 'verdicts.sqlite3'}")
    marks = {(m.participant, m.claim_id): m.verdict.value for m in store.marks("mini")}
    assert marks == {
        ("Ada", "join-budapest"): "accept", ("Bo", "join-budapest"): "accept",
        ("Ada", "un-treaty-needed"): "accept", ("Bo", "un-treaty-needed"): "reject",
        ("Bo", "rights-risk"): "reject",
    }  # fmt: skip
    store.close()
    # A new session (a restart, another server) reads them back, one's own marks included.
    again = verdicts_as("Ada")
    assert again.button_group(key="vd|default|Ada|mini|join-budapest").value == "accept"
    assert class_table(again)["join-budapest"]["accept"] == 2


def test_rooms_keep_verdicts_apart(maps: Path) -> None:
    mark(verdicts_as("Ada"), "join-budapest", "accept")
    other = verdicts_as("Cy", room="seminar-b")
    assert "No verdicts in this room yet." in texts(other)
    mark(other, "join-budapest", "reject")
    assert class_table(other)["join-budapest"]["reject"] == 1
    assert class_table(other)["join-budapest"]["accept"] == 0


def test_no_name_no_marking_and_default_database_beside_the_maps(
    maps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARGMAP_DATABASE_URL")
    at = open_page("verdicts")
    assert "Enter your name" in texts(at)
    assert not at.button_group
    di = verdicts_as("<b>Di</b>")  # a name is text, like the map's
    mark(di, "open-to-all", "accept")
    assert (maps / DEFAULT_DATABASE_FILE).is_file()
    assert "\\<b\\>Di" in texts(di) and not re.search(r"(?<!\\)<", texts(di))
    assert class_table(di)["open-to-all"]["accept"] == 1


@pytest.mark.parametrize("page", ["brief", "drill", "discussion", "verdicts", "outline"])
def test_no_raw_ids_where_people_read(maps: Path, page: str) -> None:
    at = open_page(page, "cybercrime-treaties")
    if page == "verdicts":
        at.text_input(key="verdict_name").input("Ada").run()
    shown = unescape(texts(at)) + " ".join(h.proto.body for h in at.get("html"))
    G = to_graph(read_map(maps / "cybercrime-treaties.yaml").map)
    # Every id with a hyphen (most of this map's): none may show. Links' query strings aside.
    ids = [n for n in G.nodes if "-" in n] + [s["id"] for s in G.graph["sources"] if "-" in s["id"]]
    shown = re.sub(r"https?://\S+", "", shown)
    assert not [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", shown)]


def test_labels_say_why_in_step_through_and_drill(maps: Path) -> None:
    at = open_page("stepthrough")
    click(at, "step_next")  # the thesis
    at.toggle(key="step_status").set_value(True).run()
    said = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "Undecided" in said or "Refuted" in said or "Stands" in said
    assert "join-budapest" not in said  # statements, never ids
    at = open_page("drill")
    at.text_area(key="drill_text").input("A reply.")
    click(at, "drill_reveal")
    shown = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "Where it stands in the map:" in shown


def test_a_name_the_database_refuses_is_a_plain_message_on_the_page(maps: Path) -> None:
    nul = verdicts_as("Ada\x00")
    mark(nul, "join-budapest", "accept")
    shown = texts(nul) + "\n".join(str(e.value) for e in nul.error)
    assert "Not saved: the participant's name contains a NUL character" in unescape(shown)
    assert "INSERT" not in shown and "Traceback" not in shown and not nul.exception
    assert "No verdicts in this room yet." in texts(nul)
