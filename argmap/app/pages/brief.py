"""The brief page: pick a thesis and a side, read the debate brief, download it.

The brief is argmap.products.brief's; this page only draws it (every map text through md_escape) and
offers the very Markdown, HTML, PDF and Word (Verbatim) files that ``argmap brief`` writes for
the same choices, and the flow sheet of ``argmap flow``.
"""

from __future__ import annotations

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
from argmap.graph import is_claim
from argmap.products.brief import Brief, build_brief, to_html, to_markdown
from argmap.products.brief.build import BottomLine, Cited, Point, Side
from argmap.store.library import sources_dir
from argmap.view.door import Label, reading_of
from argmap.view.prepared import PreparedMap
from argmap.view.status import TIMEOUT_S
from argmap.view.text import md_escape, truncate
from argmap.vocabulary import LABELS

# Streamlit Markdown colours the verdict; undecided stays plain.
LABEL_WORDS = {
    label: f":{LABELS[label].tone}[{LABELS[label].verdict}]"
    if label is not Label.UNDEC
    else LABELS[label].verdict
    for label in Label
}
HOW = {"supports": "supports", "attacks": "attacks", "undercuts": "undercuts"}


@st.cache_resource(max_entries=64, show_spinner="Building the brief…")
def brief_of(key: str, _pm: PreparedMap, thesis: str, side: Side, semantics: str,
             view: str, audience: str | None = None) -> Brief:  # fmt: skip
    ranking = reading_of(_pm.graph, audience=audience).audience
    return build_brief(_pm.graph, thesis, side, semantics=semantics, view=view,
                       timeout=TIMEOUT_S, audience=ranking)  # fmt: skip


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


def cited(c: Cited, lead: str = "") -> None:
    """One claim as the brief shows it: statement, status, quote and citation."""
    head = f"{md_escape(lead)}: " if lead else ""
    st.markdown(
        f"{head}**{md_escape(c.statement)}**  \n"
        f"{md_escape(c.kind)} · {LABEL_WORDS[c.label]} · strength {c.strength:.2f}"
    )
    st.markdown(f"> “{md_escape(c.quote)}”  \n> — {md_escape(c.citation)}")


def target_words(pm: PreparedMap, target: str, thesis: str) -> str:
    """What a point bears on, in words: the thesis, a claim, or the link an undercut cuts."""
    G = pm.graph
    if target == thesis:
        return "the thesis"
    if is_claim(G, target):
        return f"“{truncate(G.nodes[target]['statement'], 60)}”"
    origin = pm.structure.relations[target].origin
    return f"the link from “{truncate(G.nodes[origin]['statement'], 60)}”"


def bottom_line(brief: Brief, line: BottomLine, who: str) -> None:
    """Where the thesis stands and why, then the smallest sets of answers that carry it."""
    st.markdown(md_escape(line.verdict))
    if line.label is Label.IN:
        return
    carry = "To carry this thesis" if brief.side == "for" else "For them to carry it"
    for n, group in enumerate(line.answer, 1):
        lead = f"{carry}{who}, answer" if n == 1 else "Or answer"
        st.markdown(f"**{md_escape(lead)}:**" + "".join(
            f"\n- {md_escape(c.statement)} ({md_escape(c.citation)})" for c in group
        ))  # fmt: skip
    for links in (links for links in line.cut if len(links) <= 3):
        st.markdown("**Or break the link" + ("s" if len(links) > 1 else "") + ":** "
                    + md_escape("; ".join(links)))  # fmt: skip
    if not line.complete:
        st.caption("Time ran out: these work, but smaller sets may exist.")


def backing(p: Point, depth: int = 1) -> None:
    """The chain of claims that backs a point, each level one arrow deeper."""
    for b in p.backing:
        cited(b.claim, f"{'↳' * depth} Backed by")
        backing(b, depth + 1)


def points(pm: PreparedMap, items: tuple[Point, ...], thesis: str, answers: bool) -> None:
    for n, p in enumerate(items, 1):
        with st.container(border=True, key=f"pt-{'a' if answers else 'o'}-{n}"):
            how = HOW[p.relation_type]
            cited(p.claim, f"{n}. {how.capitalize()} {target_words(pm, p.target, thesis)}")
            backing(p)
            if answers:
                if not p.answers:
                    st.warning("No answer in the map: prepare one.")
                for a in p.answers:
                    cited(a.claim, f"Our answer ({HOW[a.relation_type]} it)")


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

    st.title(f"Brief {side}")
    st.caption(md_escape(f"{pm.map.title} — {pm.map.question}"))
    stem = f"brief-{thesis}-{side}"
    left, middle, right, paper = st.columns([1, 1, 1, 2])
    left.download_button("Download Markdown", to_markdown(brief).encode("utf-8"),
                         file_name=f"{stem}.md", mime="text/markdown", key="dl_md")  # fmt: skip
    middle.download_button("Download HTML", to_html(brief).encode("utf-8"),
                           file_name=f"{stem}.html", mime="text/html", key="dl_html")  # fmt: skip
    letter = paper.radio("Paper", ("A4", "Letter"), key="brief_paper", horizontal=True,
                         label_visibility="collapsed") == "Letter"  # fmt: skip
    pdf = attempt(
        "The PDF could not be written",
        lambda: pdf_of(key, brief, thesis, side, semantics, view, letter, audience),
    )
    if pdf is not None:
        right.download_button("Download PDF", pdf, file_name=f"{stem}.pdf",
                              mime="application/pdf", key="dl_pdf")  # fmt: skip
    word, flow, _ = st.columns([1.4, 1.2, 2.4])
    # Inside the guard: a writer's fault (lxml, openpyxl) costs its button, not the page.
    docx = attempt(
        "The Word file could not be written",
        lambda: docx_of(key, brief, pm, thesis, side, semantics, view, audience),
    )
    if docx is not None:
        word.download_button(
            "Download Word (Verbatim)",
            docx,
            file_name=f"{stem}.docx",
            key="dl_docx",
            help="Pocket, hats, blocks and tags, "
            "with cards whose quotes are highlighted: Verbatim's styles, for debaters.",
            mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    sheet = attempt(
        "The flow sheet could not be written",
        lambda: flow_of(key, brief, thesis, side, semantics, view, audience),
    )
    if sheet is not None:
        flow.download_button(
            "Download flow (Excel)", sheet,
            file_name=f"flow-{thesis}-{side}.xlsx", key="dl_flow", help="A column per speech "
            "of a policy round (1AC to 2AR), pre-filled from the map, to flow against.",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )  # fmt: skip
    if brief.message:
        st.warning(md_escape(brief.message))
    if brief.audience:
        notes = "".join(f"\n- {md_escape(n)}" for n in brief.audience_notes)
        st.info(f"Argued to this audience: {md_escape(brief.audience)}.{notes}")

    st.header("The thesis")
    cited(brief.thesis)
    if brief.bottom_line is not None:
        st.header("Bottom line")
        bottom_line(brief, brief.bottom_line, "")
        for name, line in brief.audience_lines:
            with st.expander(f"For {name}: the thesis {LABELS[line.label].verdict}"):
                bottom_line(brief, line, f" for {name}")
    st.header(f"Our case ({len(brief.our_case)})")
    st.caption("The arguments that carry our side, those that matter most first, with what "
               "backs them.")  # fmt: skip
    points(pm, brief.our_case, thesis, answers=False)
    if not brief.our_case:
        st.info("The map has no argument for this side of the thesis.")
    st.header(f"Their case, and our answers ({len(brief.their_case)})")
    st.caption("Their arguments and objections to ours, those that matter most first, with our "
               "answers.")  # fmt: skip
    points(pm, brief.their_case, thesis, answers=True)
    st.header(f"Open vulnerabilities ({len(brief.vulnerabilities)})")
    if brief.vulnerabilities:
        for p in brief.vulnerabilities:
            st.markdown(f"- **{md_escape(p.claim.statement)}**")
    else:
        st.caption("Every argument of theirs has an answer in the map.")
    st.header(f"Cruxes ({len(brief.cruxes)})")
    for crux in brief.cruxes:
        with st.container(border=True):
            cited(crux.claim)
            changed = "; ".join(md_escape(truncate(brief.name(c), 80))
                                for c, _, _ in crux.changes_if_rejected) or "nothing"  # fmt: skip
            st.caption(
                f"Accepted, the thesis {LABEL_WORDS[crux.thesis_if_accepted]}; rejected, it "
                f"{LABEL_WORDS[crux.thesis_if_rejected]}. Rejecting it changes: {changed}."
            )
    if not brief.cruxes:
        st.caption("No single claim decides the thesis.")
    st.header("Bibliography")
    for b in brief.bibliography:
        st.markdown(f"- {md_escape(b.reference)}")


main()
