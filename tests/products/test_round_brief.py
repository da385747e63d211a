"""The round brief: what a debater carries into a round, for every thesis, side and audience
of the cybercrime map (each thesis x 2 sides x no audience and each of the map's)."""

from __future__ import annotations

import io
import re
import zipfile

import networkx as nx
import pytest
from docx import Document

from argmap.graph import claim_ids, to_graph
from argmap.model import ArgumentMap
from argmap.products.brief import build_brief, to_html, to_markdown
from argmap.products.brief.docx import to_docx
from argmap.products.brief.round import BOTTOM_LIMIT, ORDER_RULE, WORD_LIMIT, round_brief
from argmap.semantics.dung import REGISTRY
from argmap.semantics.framework import VIEW_TABLE, Label
from argmap.semantics.values import audiences
from argmap.store.yaml_map import read_map, read_map_text
from tests.conftest import CYBERCRIME_MAP, SMALL_MAP

FIGURE = re.compile(r"(?<![\w.$])[±+\-]?\d\.\d\d(?![\d])")  # "±0.00", "0.51"


@pytest.fixture(scope="module")
def cyber() -> ArgumentMap:
    return read_map(CYBERCRIME_MAP).map


@pytest.fixture(scope="module")
def G(cyber: ArgumentMap) -> nx.DiGraph:
    return to_graph(cyber)


@pytest.fixture(scope="module")
def every_brief(G: nx.DiGraph) -> dict[tuple[str, str, str], str]:
    theses = [c for c in claim_ids(G) if G.nodes[c].get("kind") == "thesis"]
    found = {}
    for thesis in theses:
        for side in ("for", "against"):
            for audience in (None, *audiences(G)):
                b = build_brief(G, thesis, side, audience=audience)  # type: ignore[arg-type]
                found[(thesis, side, audience.id if audience else "")] = to_markdown(b)
    return found


def ids_of(m: ArgumentMap) -> set[str]:
    """The map's ids that are not also words of its own text ("russia", "human-rights"),
    which no reader should meet."""
    every = {c.id for c in m.claims} | {r.id for r in m.relations} | {s.id for s in m.sources}
    every |= {a.id for a in m.actors} | {v.id for v in m.values} | {a.id for a in m.audiences}
    said = " ".join([*(c.statement for c in m.claims), *(c.quote for c in m.claims),
                     *(s.title for s in m.sources)]).lower()  # fmt: skip
    return {i for i in every if re.search(r"[-_\d.]", i) and i not in said}


def test_every_thesis_side_and_audience(every_brief: dict, cyber: ArgumentMap) -> None:
    theses = [c for c in cyber.claims if c.kind == "thesis"]
    assert len(every_brief) == len(theses) * 2 * (1 + len(cyber.audiences)) >= 64
    raw = ids_of(cyber)
    formal = set(REGISTRY) | {v for v in VIEW_TABLE if v != "necessary"}
    for key, md in every_brief.items():
        assert len(md.split()) <= WORD_LIMIT, (key, len(md.split()))
        quotes = [line.strip()[2:] for line in md.splitlines() if line.strip().startswith("> “")]
        assert quotes, key
        keys = [re.sub(r"\W+", " ", q.lower()) for q in quotes]
        assert len(set(keys)) == len(keys), key  # no passage quoted twice
        assert not any(a != b and a in b for a in keys for b in keys), key  # nor part of one
        prose = "\n".join(line for line in md.splitlines() if not line.strip().startswith(">"))
        for name in formal:
            assert not re.search(rf"\b{re.escape(name)}\b", prose, re.I), (key, name)
        assert not FIGURE.search(md), (key, FIGURE.search(md))
        for found in raw:
            assert not re.search(rf"(?<![\w-]){re.escape(found)}(?![\w-])", md), (key, found)
        bottom = md.split("## Bottom line")[1].split("##")[0]
        assert 0 < len(bottom.split()) < BOTTOM_LIMIT, key
        assert md.count(ORDER_RULE) <= 1 and md.count("## What it would take") == 1


def test_word_counts_against_the_full_brief(G: nx.DiGraph) -> None:
    b = build_brief(G, "thesis-un-route", "for")
    full, short = to_markdown(b, full=True), to_markdown(b)
    assert len(full.split()) > 3 * len(short.split())  # the dossier is still there, whole
    assert "## Cruxes" in full and "## Cruxes" not in short


def test_our_cards_are_ranked_by_effect_then_standing_then_date(G: nx.DiGraph) -> None:
    for thesis, side in (("thesis-un-route", "against"), ("thesis-budapest-route", "for")):
        r = round_brief(build_brief(G, thesis, side))  # type: ignore[arg-type]
        keys = []
        for card in r.ours:
            found = card.claim.impact
            assert found is not None
            keys.append((*found.key, card.claim.label is not Label.IN))
        assert keys == sorted(keys)
        for a, b in zip(r.ours, r.ours[1:], strict=False):  # full ties: the newer source first
            if keys[r.ours.index(a)] == keys[r.ours.index(b)]:
                assert a.claim.date >= b.claim.date


def test_the_attacks_an_audience_makes_fail_are_listed_nearest_the_thesis_first(
    G: nx.DiGraph,
) -> None:
    """A round brief keeps three of them: the thesis's own objections come before those on
    claims further down (in map order, an objection to the Budapest thesis came first)."""
    (iasiello,) = [a for a in audiences(G) if a.id == "iasiello-view"]
    b = build_brief(G, "thesis-back-un-treaty", "against", audience=iasiello)
    on_thesis = "does not defeat “The US should back the UN Cybercrime Treaty”"
    notes = list(b.audience_notes)
    assert sum(on_thesis in n for n in notes) >= 3 and len(notes) > 3
    first_other = next(i for i, n in enumerate(notes) if on_thesis not in n)
    assert all(on_thesis not in n for n in notes[first_other:])  # nearest first, throughout
    assert all(on_thesis in n for n in round_brief(b).audience_notes)


def test_answers_and_the_missing_ones() -> None:
    # Without the undercut the cost objection has no answer: "prepare one", said once.
    text = SMALL_MAP.replace("  - id: r-cheap", "  - id: r-gone").split("  - id: r-gone")[0]
    G = to_graph(read_map_text(text).map)
    md = to_markdown(build_brief(G, "join", "for"))
    assert md.count("No answer in the map: prepare one.") == 1
    assert "**Joining costs too much.**" in md
    # With it, the answer is there and nothing asks to prepare one.
    md = to_markdown(build_brief(to_graph(read_map_text(SMALL_MAP).map), "join", "for"))
    assert "Our answer" in md and "prepare one" not in md


def test_a_card_met_twice_is_quoted_once(G: nx.DiGraph) -> None:
    r = round_brief(build_brief(G, "thesis-un-route", "against"))
    cards = [*r.ours, *(c for b in r.theirs for c in (b.theirs, *b.answers))]
    by_claim: dict[str, list] = {}
    for c in cards:
        by_claim.setdefault(c.claim.id, []).append(c)
    repeated = [group for group in by_claim.values() if len(group) > 1]
    assert repeated, "this brief meets one of our cards again as an answer"
    for group in repeated:
        assert [c.quoted for c in group].count(True) == 1
        assert group[0].quoted and group[1].see  # quoted where first read, then pointed to


def test_html_and_word_hold_the_round_brief(G: nx.DiGraph, cyber: ArgumentMap) -> None:
    b = build_brief(G, "thesis-un-route", "against")
    r = round_brief(b)
    page = to_html(b)
    assert "Round brief against" in page and "Our best cards" in page
    doc = Document(io.BytesIO(to_docx(b, cyber)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert len(text.split()) <= WORD_LIMIT
    assert r.bottom_line in text and "Answers to their case" in text
    styles = [p.style.name for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert styles[0] == "Heading 1" and styles.count("Heading 1") == 1
    assert not FIGURE.search(text)
    with zipfile.ZipFile(io.BytesIO(to_docx(b, cyber))) as z:
        assert "word/document.xml" in z.namelist()
