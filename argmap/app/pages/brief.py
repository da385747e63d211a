"""The brief page: pick a thesis and a side, read the round brief, download it.

The brief is argmap.products.brief's; this page only draws the round brief (every map text
through md_escape) and offers the very Markdown, HTML, PDF and Word (Verbatim) files that
``argmap brief`` writes for the same choices, the full dossier (``--full``), and the flow
sheet of ``argmap flow``. PDF, Word and the flow take seconds: each is built when asked for,
so the page reads at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from argmap.app import audiences
from argmap.app.guard import attempt
from argmap.app.shared import (
    current_map,
    keep,
    maps_folder,
    reading_pickers,
    thesis_picker,
)
from argmap.products.brief import Brief, build_brief, to_html, to_markdown
from argmap.products.brief.build import Side
from argmap.products.brief.round import Card, RoundBrief, round_brief, short
from argmap.store.library import sources_dir
from argmap.view.door import reading_of
from argmap.view.prepared import PreparedMap
from argmap.view.status import TIMEOUT_S
from argmap.view.text import md_escape

ss = st.session_state


@st.cache_resource(max_entries=64, show_spinner="Building the brief…")
def brief_of(key: str, _pm: PreparedMap, thesis: str, side: Side, semantics: str,
             view: str, audience: str | None = None) -> Brief:  # fmt: skip
    ranking = reading_of(_pm.graph, audience=audience).audience
    return build_brief(_pm.graph, thesis, side, semantics=semantics, view=view,
                       timeout=TIMEOUT_S, audience=ranking)  # fmt: skip


@st.cache_resource(max_entries=64, show_spinner=False)
def round_of(key: str, _brief: Brief, thesis: str, side: Side, semantics: str, view: str,
             audience: str | None = None) -> RoundBrief:  # fmt: skip
    return round_brief(_brief)


@st.cache_data(max_entries=64, show_spinner="Laying out the PDF…")
def pdf_of(key: str, _brief: Brief, thesis: str, side: Side, semantics: str, view: str,
           letter: bool, audience: str | None = None) -> bytes:  # fmt: skip
    from argmap.products.brief.pdf import to_pdf

    return to_pdf(_brief, letter=letter)


@st.cache_data(max_entries=64, show_spinner="Writing the Word file…")
def docx_of(key: str, _brief: Brief, _pm: PreparedMap, thesis: str, side: Side, semantics: str,
            view: str, audience: str | None = None) -> bytes:  # fmt: skip
    from argmap.products.brief.docx import source_texts, to_docx

    return to_docx(_brief, _pm.map, source_texts(_pm.map, sources_dir(maps_folder())))


@st.cache_data(max_entries=64, show_spinner="Writing the flow…")
def flow_of(key: str, _brief: Brief, thesis: str, side: Side, semantics: str, view: str,
            audience: str | None = None) -> bytes:  # fmt: skip
    from argmap.products.flow import build_flow, to_xlsx

    return to_xlsx(build_flow(_brief))


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


def prepared_download(
    label: str, key: str, signature: tuple[object, ...], make: Callable[[], bytes], **kwargs: Any
) -> None:
    """A button that builds a file only when asked (Word and PDF take seconds), then the
    download of it for as long as the choices (``signature``) stay the same."""
    done = f"{key}_built"
    slot = st.empty()
    if ss.get(done) != signature:
        if not slot.button(f"Prepare {label}", key=f"mk_{key}"):
            return
        ss[done] = signature
    # Inside the guard: a writer's fault (lxml, openpyxl) costs its button, not the page.
    data = attempt(f"The {label} file could not be written", make)
    if data is not None:
        slot.download_button(f"Download {label}", data, key=f"dl_{key}", on_click="ignore",
                             **kwargs)  # fmt: skip


def main() -> None:
    pm, _map_name, key = current_map()
    G = pm.graph
    keep("brief_side", "brief_paper")
    with st.sidebar:
        st.header("Brief")
        thesis = thesis_picker(G, "Thesis", "brief_thesis")
        side: Side = st.radio("Side", ("for", "against"), key="brief_side", horizontal=True)
        # The one reading every page shares: the brief argues what the map shows.
        semantics, view, option = reading_pickers(G)
        audience = audiences.audience_id(option)

    built = attempt(
        "The brief could not be built",
        lambda: brief_of(key, pm, thesis, side, semantics, view, audience),
        fatal=True,
    )
    assert built is not None  # attempt stopped the page otherwise
    brief = built
    r = round_of(key, brief, thesis, side, semantics, view, audience)

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

    stem = f"brief-{thesis}-{side}"
    signature = (key, thesis, side, semantics, view, audience)
    left, middle, right = st.columns(3)
    left.download_button("Download Markdown", to_markdown(brief).encode("utf-8"),
                         file_name=f"{stem}.md", mime="text/markdown", key="dl_md",
                         help="The round brief, as on this page.")  # fmt: skip
    middle.download_button("Download HTML", to_html(brief).encode("utf-8"),
                           file_name=f"{stem}.html", mime="text/html", key="dl_html",
                           help="The round brief as a page that prints cleanly.")  # fmt: skip
    right.download_button(
        "Download the full brief", to_markdown(brief, full=True).encode("utf-8"),
        file_name=f"{stem}-full.md", mime="text/markdown", key="dl_full",
        help="Every argument with its chain of backing, every answer, the claims that "
        "decide the thesis and each audience's case (Markdown).",
    )  # fmt: skip
    pdf_col, word, flow = st.columns(3)
    with pdf_col:
        letter = st.radio("Paper", ("A4", "Letter"), key="brief_paper", horizontal=True,
                          label_visibility="collapsed") == "Letter"  # fmt: skip
        prepared_download(
            "PDF", "pdf", (*signature, letter),
            lambda: pdf_of(key, brief, thesis, side, semantics, view, letter, audience),
            file_name=f"{stem}.pdf", mime="application/pdf",
        )  # fmt: skip
    with word:
        prepared_download(
            "Word (Verbatim)", "docx", signature,
            lambda: docx_of(key, brief, pm, thesis, side, semantics, view, audience),
            file_name=f"{stem}.docx", help="Pocket, hats, blocks and tags, with cards whose "
            "quotes are highlighted: Verbatim's styles, for debaters.",
            mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )  # fmt: skip
    with flow:
        prepared_download(
            "flow (Excel)", "flow", signature,
            lambda: flow_of(key, brief, thesis, side, semantics, view, audience),
            file_name=f"flow-{thesis}-{side}.xlsx", help="A column per speech of a policy "
            "round (1AC to 2AR), pre-filled from the map, to flow against.",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )  # fmt: skip

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
