"""The brief page: pick a thesis and a side, read the round brief, download it.

The brief is argmap.products.brief's; this page only draws the round brief (every map text
through md_escape). Its downloads are the outputs of the registered brief and flow products
(argmap.app.downloads): the very files ``argmap make brief`` and ``argmap make flow`` write
for the same choices, the round brief or the whole dossier. PDF, Word and the flow take
seconds: each is built when asked for, so the page reads at once.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from argmap.app import audiences
from argmap.app.downloads import downloads, prepared
from argmap.app.guard import attempt
from argmap.app.shared import (
    current_map,
    keep,
    maps_folder,
    reading_pickers,
    thesis_picker,
)
from argmap.products.brief import Brief
from argmap.products.brief.build import Side
from argmap.products.brief.round import Card, RoundBrief, round_brief, short
from argmap.products.registry import Request, products
from argmap.store.library import sources_dir
from argmap.view.door import reading_of
from argmap.view.status import TIMEOUT_S
from argmap.view.text import md_escape

ss = st.session_state


@st.cache_resource(max_entries=64, show_spinner=False)
def round_of(key: str, request_key: str, _brief: Brief) -> RoundBrief:
    return round_brief(_brief)


def card(c: Card, lead: str = "") -> None:
    """One card of the round brief: what it does, the statement, the quote and its cite
    (or where the passage is quoted already)."""
    note = c.note if c.quoted else f"{c.note}; quoted at {c.see}"
    head = f"{md_escape(lead)} " if lead else ""
    st.markdown(
        f"{head}**{md_escape(c.tag)}:** {md_escape(c.claim.statement)}  \n:gray[{md_escape(note)}]"
    )
    if c.quoted:
        st.markdown(f"> “{md_escape(c.claim.quote)}”  \n> — {md_escape(c.claim.short)}")
    for b in c.backing:
        st.caption(md_escape(f"Backed by “{short(b.statement, 12)}” ({b.short})"))


def main() -> None:
    pm, _map_name, key = current_map()
    G = pm.graph
    keep("brief_side", "brief_paper", "brief_full")
    with st.sidebar:
        st.header("Brief")
        thesis = thesis_picker(G, "Thesis", "brief_thesis")
        side: Side = st.radio("Side", ("for", "against"), key="brief_side", horizontal=True)
        # The one reading every page shares: the brief argues what the map shows.
        semantics, view, option = reading_pickers(G)
        audience = audiences.audience_id(option)

    reading = reading_of(G, semantics=semantics, support=view, audience=audience,
                         timeout=TIMEOUT_S)  # fmt: skip
    request = Request(reading, thesis, side, sources=sources_dir(maps_folder()))
    built = attempt(
        "The brief could not be built",
        lambda: prepared(key, pm, products()["brief"], request),
        fatal=True,
    )
    assert built is not None  # attempt stopped the page otherwise
    brief: Brief = built
    r = round_of(key, repr(request.shared()), brief)

    named = G.nodes[thesis].get("label") or short(brief.thesis.statement, 16)  # map's title
    st.title(md_escape(f"Brief {side}: {named}"))
    st.caption(md_escape(f"{pm.map.title} — {pm.map.question}"))
    if brief.message:
        st.warning(md_escape(brief.message))
    if brief.audience:
        notes = "".join(f"\n- {md_escape(n)}" for n in brief.audience_notes)
        st.info(f"Argued to this audience: {md_escape(brief.audience)}.{notes}")
    st.subheader("Bottom line")
    st.markdown(md_escape(r.bottom_line))

    st.subheader("Take it away")
    full = st.radio(
        "The brief", ("round brief", "full dossier"), key="brief_full", horizontal=True,
        help="The round brief is this page; the full dossier has every argument with its "
        "chain of backing, every answer, the claims that decide the thesis and each "
        "audience's case.",
    ) == "full dossier"  # fmt: skip
    letter = st.radio("Paper (PDF)", ("A4", "Letter"), key="brief_paper",
                      horizontal=True) == "Letter"  # fmt: skip
    stem = f"{thesis}-{side}"
    downloads(key, pm, ["brief"], replace(request, full=full, letter=letter),
              f"brief-{stem}{'-full' if full else ''}")  # fmt: skip
    downloads(key, pm, ["flow"], request, f"flow-{stem}")

    st.subheader("Our best cards")
    st.caption(md_escape(r.rule))
    for n, c in enumerate(r.ours, 1):
        with st.container(border=True, key=f"ours-{n}"):
            card(c, f"{n}.")
    if not r.ours:
        st.info("The map has no argument for this side of the thesis.")
    st.subheader("Their best cards, and our answers")
    for n, block in enumerate(r.theirs, 1):
        with st.container(border=True, key=f"theirs-{n}"):
            card(block.theirs, f"{n}.")
            for a in block.answers:
                card(a, "↳")
            if not block.answers:
                st.warning("No answer in the map: prepare one.")
    if not r.theirs:
        st.info("The map has no argument for the other side.")
    st.subheader("What it would take")
    st.markdown("\n".join(f"- {md_escape(t)}" for t in r.take))
    st.subheader("Sources")
    if r.more:
        st.caption(md_escape(r.more))
    st.markdown("\n".join(f"- {md_escape(f'{c}: {ref}')}" for c, ref in r.sources))


main()
