"""The Streamlit side panels: claim details, search results, the page's styles.

Map text is escaped everywhere: :func:`html.escape` inside HTML, :func:`md_escape` inside
Markdown (button labels, captions). Only :func:`card_html` builds HTML, and it is tested.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import networkx as nx
import streamlit as st

from argmap.app.guard import attempt
from argmap.app.state import BASE_KEY, BASE_SLIDER, link_to_view
from argmap.graph.structure import Structure
from argmap.products.drawing.colours import STATUS_COLOURS
from argmap.view.bottom_line import ThesisLine
from argmap.view.detail import ClaimDetail, Neighbour, SourceInfo, claim_detail
from argmap.view.door import DEFAULT_BASE_SCORE
from argmap.view.prepared import PreparedMap
from argmap.view.status import Status, explain, needs_lines, ranked_neighbours
from argmap.view.text import md_escape, truncate
from argmap.vocabulary import LABELS

Select = Callable[[str | None], None]
LABEL_WORDS = {k: terms.badge for k, terms in LABELS.items()}

_STYLE = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.2rem; padding-bottom: 2rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 1.9rem; padding-bottom: 0.1rem; }
.am-card { border: 1px solid #dde3e8; border-radius: 10px; padding: 14px 16px; background: #fff; }
.am-badges { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 8px; }
.am-badge { font-size: 12px; padding: 2px 8px; border-radius: 10px; background: #eceff1;
  color: #263238; border: 1px solid #cfd8dc; }
.am-badge.am-changed { background: #ffe0b2; border-color: #ff9800; }
.am-statement { font-size: 1.15rem; font-weight: 600; line-height: 1.35; margin: 4px 0 10px; }
.am-quote { margin: 0 0 12px; padding: 8px 12px; border-left: 4px solid #90a4ae;
  background: #f5f7f8; font-style: italic; color: #37474f; }
.am-meta { font-size: 0.9rem; color: #37474f; margin: 3px 0; }
.am-meta b { color: #263238; }
.am-tags { margin-top: 8px; display: flex; flex-wrap: wrap; gap: 4px; }
.am-tag { font-size: 12px; color: #455a64; background: #f1f4f6; border-radius: 4px;
  padding: 1px 6px; }
.am-note { font-size: 0.85rem; color: #546e7a; margin-top: 8px; }
.st-key-detail button[kind="tertiary"], .st-key-theses button[kind="tertiary"],
[data-testid="stSidebar"] button[kind="tertiary"] { text-align: left; justify-content: flex-start; }
.st-key-detail button[kind="tertiary"] p, .st-key-theses button[kind="tertiary"] p,
[data-testid="stSidebar"] button[kind="tertiary"] p { text-align: left; }
@media (max-height: 820px) {  /* small laptops and projectors: the map starts higher */
  [data-testid="stMainBlockContainer"] { padding-top: 4.2rem; }
  [data-testid="stMainBlockContainer"] h1 { font-size: 1.4rem; padding-top: 0; }
  [data-testid="stMainBlockContainer"] h2 { font-size: 1.25rem; }
  [data-testid="stMainBlockContainer"] h3 { font-size: 1.1rem; }
  .st-key-map-question { display: none; }  /* the map's own first card says it */
}
@media (max-width: 1180px) {  /* the map takes the whole width; the panel goes below it */
  .st-key-mapcols [data-testid="stHorizontalBlock"],
  .st-key-outlinecols [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
  .st-key-mapcols [data-testid="stColumn"],
  .st-key-outlinecols [data-testid="stColumn"] { min-width: 100% !important;
    flex: 1 1 100% !important; }
}
</style>"""


def page_style() -> None:
    st.html(_STYLE)


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _source_html(source: SourceInfo) -> str:
    title = _esc(source.title)
    if source.url and source.url.startswith(("http://", "https://")):
        href = _esc(source.url)
        title = f'<a href="{href}" target="_blank" rel="noopener noreferrer">{title}</a>'
    bits = [title]
    if source.authors:
        bits.append(_esc(", ".join(source.authors)))
    if source.organisation:
        bits.append(_esc(source.organisation))
    if source.date:
        bits.append(_esc(source.date))
    bits.append(_esc(source.kind))
    return " · ".join(bits)


def card_html(
    detail: ClaimDetail, label: str | None, strength: float | None, changed: bool = False
) -> str:
    """The claim card as HTML, every map text escaped."""
    badges = [f'<span class="am-badge">{_esc(detail.kind)}</span>']
    if label is not None:
        colour = STATUS_COLOURS.get(label, "#eceff1")
        badges.append(
            f'<span class="am-badge am-label" style="background:{colour}">'
            f"{_esc(LABEL_WORDS.get(label, label))}</span>"
        )
    if strength is not None:
        badges.append(f'<span class="am-badge">strength {strength:.2f}</span>')
    if changed:
        badges.append('<span class="am-badge am-changed">changed by the what-if</span>')
    parts = [
        f'<div class="am-card" data-claim="{_esc(detail.id)}">',
        f'<div class="am-badges">{"".join(badges)}</div>',
        f'<div class="am-statement">{_esc(detail.statement)}</div>',
        f'<blockquote class="am-quote">\u201c{_esc(detail.quote)}\u201d</blockquote>',
    ]
    if detail.source is not None:
        parts.append(f'<div class="am-meta"><b>Source</b> {_source_html(detail.source)}</div>')
        if detail.source.reported_in is not None:
            parts.append(
                '<div class="am-meta"><b>Reported in</b> '
                f"{_source_html(detail.source.reported_in)}</div>"
            )
    if detail.actor is not None:
        actor = f"{_esc(detail.actor.name)} ({_esc(detail.actor.kind.replace('_', ' '))})"
        if detail.actor.member_of:
            actor += f", of {_esc(detail.actor.member_of)}"
        parts.append(f'<div class="am-meta"><b>Actor</b> {actor}</div>')
    if detail.tags:
        tags = "".join(f'<span class="am-tag">#{_esc(t)}</span>' for t in detail.tags)
        parts.append(f'<div class="am-tags">{tags}</div>')
    if detail.note:
        parts.append(f'<div class="am-note">Note: {_esc(detail.note)}</div>')
    parts.append("</div>")
    return "".join(parts)


def _neighbours(
    G: nx.DiGraph,
    focus: str,
    title: str,
    items: Sequence[Neighbour],
    status: Status | None,
    select: Select,
    key: str,
) -> None:
    if not items:
        return
    st.markdown(f"**{title}** ({len(items)})")
    if status is not None:  # what matters most to this claim first (argmap.analysis.impact)
        tried = dict(st.session_state.get(BASE_KEY, {}))  # base scores tried in the panel
        items = ranked_neighbours(G, focus, items, status, tried)
    for n in items:
        mark = ""
        if status is not None and n.claim in status.labels:
            mark = {"in": ":green[●] ", "out": ":red[●] ", "undec": ":orange[●] "}.get(
                status.labels[n.claim], ""
            )
        via = ""
        if n.via:  # the claim at the link's other end, by its words
            other = truncate(str(G.nodes[n.via]["statement"]), 50) if n.via in G else n.via
            via = f" ({md_escape(f'the link with “{other}”')})"
        effect = ""
        if status is not None and n.relation in status.effect:
            effect = f" :gray[· {status.effect[n.relation]:.2f}]"
        st.button(
            f"{mark}{md_escape(truncate(n.statement, 110))}{via}{effect}",
            key=f"go-{key}-{n.relation}-{n.claim}",
            on_click=select,
            args=(n.claim,),
            type="tertiary",
            help=md_escape("Go to this claim" + (f": {n.note}" if n.note else "")),
        )


def _toggle(key: str, claim: str, other: str) -> None:
    values = list(st.session_state.get(key, []))
    values = [c for c in values if c != claim] if claim in values else [*values, claim]
    st.session_state[key] = values
    st.session_state[other] = [c for c in st.session_state.get(other, []) if c != claim]


def claim_panel(
    pm: PreparedMap,
    claim: str,
    status: Status | None,
    changed: set[str] | None,
    map_name: str | None,
    select: Select,
) -> None:
    """The detail panel of one claim, with links to its neighbours and what-if buttons."""
    G, s = pm.graph, pm.structure
    detail = claim_detail(G, s, claim)
    label = status.labels.get(claim) if status else None
    strength = status.strength.get(claim) if status else None
    with st.container(key="detail"):
        st.html(card_html(detail, label, strength, bool(changed and claim in changed)))
        if status is not None:
            reason = attempt("No explanation", lambda: explain(G, status, claim))
            if reason is not None:
                st.markdown(f"**Why:** {md_escape(reason)}")
            if label != "in":
                for line in attempt("What it would take was not found",
                                    lambda: needs_lines(G, claim, status)) or []:  # fmt: skip
                    st.markdown(line)
        st.caption("What if this claim were…")
        *toggles, third = st.columns(3)
        for column, (verb, other) in zip(toggles, (("reject", "accept"), ("accept", "reject")),
                                         strict=True):  # fmt: skip
            assumed = claim in st.session_state.get(f"wi_{verb}", [])
            column.button(
                "Undo" if assumed else f"{verb.capitalize()}ed",
                key=f"wi-btn-{verb}",
                on_click=_toggle,
                args=(f"wi_{verb}", claim, f"wi_{other}"),
                width="stretch",
            )
        third.button("Close", key="close-detail", on_click=select, args=(None,),
                     width="stretch")  # fmt: skip
        base_slider(G, claim)
        _neighbours(G, claim, "Supported by", detail.supported_by, status, select, "sup")
        _neighbours(G, claim, "Attacked by", detail.attacked_by, status, select, "att")
        _neighbours(G, claim, "Its links undercut by", detail.undercut_by, status, select, "und")
        _neighbours(G, claim, "It bears on", detail.bears_on, status, select, "out")
        if map_name:
            st.caption("Link to this view")
            st.code(link_to_view(), language=None, wrap_lines=True)


def _set_base(claim: str) -> None:
    tried = dict(st.session_state.get(BASE_KEY, {}))
    tried[claim] = float(st.session_state[BASE_SLIDER + claim])
    st.session_state[BASE_KEY] = tried


def base_slider(G: nx.DiGraph, claim: str) -> None:
    """A slider to try another base score for ``claim`` (DF-QuAD); the map page re-ranks."""
    tried = st.session_state.get(BASE_KEY, {})
    own = G.nodes[claim].get("base_score")
    value = tried.get(claim, DEFAULT_BASE_SCORE if own is None else float(own))
    st.slider(
        "Base score, what if", 0.0, 1.0, value, 0.05, key=BASE_SLIDER + claim,
        on_change=_set_base, args=(claim,),
        help="How strong this claim is before any support or attack (the map's value, or "
        f"{DEFAULT_BASE_SCORE}). Strengths, and the order of objections, follow it.",
    )  # fmt: skip


def no_selection(
    G: nx.DiGraph, s: Structure, select: Select, lines: Sequence[ThesisLine] = ()
) -> None:
    """The theses, each with its bottom line (argmap.view.bottom_line), then a hint."""
    said = {line.thesis: line for line in lines}
    theses = [c for c in s.claims if G.nodes[c].get("kind") == "thesis"][:8]
    if theses:
        st.markdown("**Where the theses stand**")
        box = st.container(key="theses")
        for c in theses:
            box.button(
                md_escape(G.nodes[c].get("label") or truncate(G.nodes[c]["statement"], 110)),
                key=f"thesis-{c}",
                on_click=select,
                args=(c,),
                type="tertiary",
                help=md_escape(G.nodes[c]["statement"]) if G.nodes[c].get("label") else None,
            )
            if c in said:
                line = said[c]
                tone = LABELS[str(line.label)].tone
                box.markdown(
                    f":{tone}[**{md_escape(line.where)}**]"
                    + md_escape(line.text[len(line.where) :])
                )
    st.info("Click a claim in the map to see its quote, source, status and why.")


def search_results(G: nx.DiGraph, matches: Sequence[str], select: Select, limit: int = 8) -> None:
    st.caption(f"{len(matches)} match{'es' if len(matches) != 1 else ''}")
    for c in matches[:limit]:
        st.button(
            md_escape(truncate(G.nodes[c]["statement"], 70)),
            key=f"hit-{c}",
            on_click=select,
            args=(c,),
            type="tertiary",
        )
