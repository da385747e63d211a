"""The map page: explore a map as a graph, click a claim, ask "what if".

A thin shell over the library: reading files is argmap.readwrite's, the labels are
argmap.analysis's (reached only through argmap.view: status for labels, door for the reading's
vocabulary; an import contract keeps it so), and every decision about what to draw is
argmap.view's. Run: ``.venv/bin/streamlit run app.py`` (works with no network).
"""

from __future__ import annotations

from collections import Counter

import streamlit as st

from argmap.app import audiences, panel, state
from argmap.app.component import argmap_graph
from argmap.app.guard import attempt
from argmap.app.shared import (
    current_map,
    reading_pickers,
    ss,
    status_of,
    thesis_picker,
)
from argmap.app.state import BASE_KEY, BASE_SLIDER, WHAT_IF_KEYS
from argmap.products.drawing.colours import COLOUR_BY, colouring
from argmap.products.drawing.elements import graph_payload, legend
from argmap.view.audiences import ACROSS, audience_title, by_acceptance
from argmap.view.bottom_line import ThesisLine, thesis_lines
from argmap.view.prepared import PreparedMap
from argmap.view.select import FOCUS_MODES, Filters, View, drawing, search_claims
from argmap.view.status import (
    TIMEOUT_S,
    Assumptions,
    Status,
    changed_claims,
    counts,
)
from argmap.view.text import md_escape, truncate

GRAPH_HEIGHT = 700
FULL_WHAT_IF_LISTS = 400  # claims; beyond, the what-if lists offer only what is near


def select_claim(claim: str | None) -> None:
    ss.selected = claim


def on_graph_click() -> None:
    value = ss.get("graph")
    if isinstance(value, dict) and value.get("claim"):
        ss.selected = str(value["claim"])


def reset_what_if() -> None:
    for key in WHAT_IF_KEYS:
        ss[key] = []
    ss[BASE_KEY] = {}
    for key in [k for k in ss if str(k).startswith(BASE_SLIDER)]:
        del ss[key]  # the panel's sliders go back to the map's base scores


def find_controls(pm: PreparedMap, selected: str | None) -> tuple[str, str, int, int]:
    """Search, focus and depth: what part of the map to look at."""
    st.header("Find")
    query = st.text_input("Search claims", key=state.SEARCH, placeholder="words in a claim")
    if query.strip():
        panel.search_results(pm.graph, search_claims(pm.graph, pm.structure.claims, query),
                             select_claim)  # fmt: skip
    focus = st.radio("Focus", FOCUS_MODES, key=state.FOCUS, horizontal=True)
    steps = 2
    if focus != FOCUS_MODES[0]:
        if selected is None:
            st.caption("Click a claim to focus on it.")
        if focus == "Neighbourhood":
            ss.setdefault(state.FOCUS_STEPS, steps)  # a default here would fight the URL's
            steps = st.slider("Steps from the claim", 1, 6, key=state.FOCUS_STEPS)
    max_depth = max((d for c, d in pm.layout.depth.items() if c in pm.structure.order), default=1)
    depth = max_depth
    if max_depth > 2:
        if not 1 <= ss.get(state.DEPTH, 1) <= max_depth:  # another map's
            del ss[state.DEPTH]
        if state.DEPTH not in ss:  # a default here would fight the URL's
            limit = ss.get(state.DEPTH_LIMIT) or max_depth
            ss[state.DEPTH] = limit if 1 <= limit <= max_depth else max_depth
        depth = st.slider(
            "Layers shown", 1, max_depth, key=state.DEPTH,
            help="Hide claims deeper than this; a card says how many are hidden below it.",
        )  # fmt: skip
    ss[state.DEPTH_LIMIT] = depth if depth < max_depth else None
    return query.strip(), focus, steps, depth if depth < max_depth else 0


def reading_controls(pm: PreparedMap) -> tuple[str, str, str, str, str | None, Filters]:
    """The reading (semantics, support, audience), colouring and filters."""
    semantics, view, audience = reading_pickers(pm.graph)
    colour = str(st.selectbox("Colour by", list(COLOUR_BY.keys()), key=state.COLOUR,
                              format_func=lambda k: COLOUR_BY[k]))  # fmt: skip
    side_thesis = None
    if colour == "side":
        side_thesis = thesis_picker(pm.graph, "Side of", state.SIDE_THESIS)
    opts = pm.options
    with st.expander("Filter", expanded=False):
        filters = Filters(
            sources=frozenset(
                st.multiselect("Source", list(opts["sources"]), key="f_sources",
                               format_func=lambda s: opts["sources"].get(s, s))
            ),
            actors=frozenset(
                st.multiselect("Actor", list(opts["actors"]), key="f_actors",
                               format_func=lambda a: opts["actors"].get(a, a))
            ),
            tags=frozenset(st.multiselect("Tag", list(opts["tags"]), key="f_tags")),
            kinds=frozenset(st.multiselect("Kind", list(opts["kinds"]), key="f_kinds")),
        )  # fmt: skip
    return semantics, view, audience, colour, side_thesis, filters


def what_if_controls(pm: PreparedMap, selected: str | None) -> Assumptions:
    """Claims rejected or accepted and relations cut, as multiselects.

    On a big map, listing every claim in three widgets would cost more than drawing the map:
    there they offer what is assumed already plus the selected claim and its relations.
    """
    s = pm.structure
    for key in WHAT_IF_KEYS:  # drop ids a previous map left behind
        valid = s.relations if key == "wi_cut" else s.order
        ss[key] = [v for v in ss.get(key, []) if v in valid]
    base = {c: v for c, v in ss.get(BASE_KEY, {}).items() if c in s.claims}
    if len(s.claims) <= FULL_WHAT_IF_LISTS:
        claims, relations = list(s.claims), list(s.relations)
    else:
        near = [selected] if selected else []
        claims = s.sorted({*ss.wi_reject, *ss.wi_accept, *near})
        touching = [
            r.id for r in (*s.into.get(selected or "", []), *s.out_of.get(selected or "", []))
        ]
        relations = sorted({*ss.wi_cut, *touching})

    def show(claim: str) -> str:
        return truncate(pm.graph.nodes[claim]["statement"], 90)

    def show_relation(rid: str) -> str:
        origin, target = s.endpoints(rid)
        verb = "cuts the link to" if s.relations[rid].is_undercut else s.relations[rid].type
        return f"{truncate(show(origin), 40)} {verb} {truncate(show(target), 40)}"

    with st.expander("What if…", expanded=any(ss[k] for k in WHAT_IF_KEYS)):
        if len(s.claims) > FULL_WHAT_IF_LISTS:
            st.caption("Select a claim to add it or its relations here.")
        rejected = st.multiselect("Reject claims", claims, key="wi_reject", format_func=show)
        accepted = st.multiselect("Accept claims", claims, key="wi_accept", format_func=show)
        cut = st.multiselect("Cut relations", relations, key="wi_cut", format_func=show_relation)
        if base:
            st.caption(
                "Base scores tried (set in a claim's panel): "
                + "; ".join(
                    f"{md_escape(truncate(show(c), 50))} {v:.2f}" for c, v in sorted(base.items())
                )
            )
        st.button(
            "Reset what-if",
            on_click=reset_what_if,
            key="wi_reset",
            disabled=not (rejected or accepted or cut or base),
        )
    return Assumptions.of(rejected, accepted, cut, base.items())


def evaluate(
    pm: PreparedMap,
    key: str,
    semantics: str,
    view: str,
    assume: Assumptions,
    audience: str | None = None,
) -> tuple[Status | None, set[str] | None]:
    """The labelling to show (the what-if one when there is a what-if) and what it changed."""
    status = status_of(key, pm, semantics, view, audience=audience)
    if not assume.active:
        return status, None
    whatif = status_of(key, pm, semantics, view, assume, audience)
    return whatif, changed_claims(status, whatif)


@st.cache_resource(max_entries=32, show_spinner=False)
def lines_of(key: str, _pm: PreparedMap, _status: Status, semantics: str, view: str,
             assume: Assumptions, audience: str | None) -> list[ThesisLine]:  # fmt: skip
    """Each thesis's bottom line for this reading (argmap.view.bottom_line)."""
    return thesis_lines(_pm.graph, _status.evaluation, semantics, view, timeout=TIMEOUT_S)


def first_sight(focus: str, depth: int, filters: Filters) -> bool:
    """Whether the graph may open folded to what reads at first sight: only on the whole map;
    a focus, a depth or a filter already chose what to draw."""
    return focus == FOCUS_MODES[0] and not depth and not filters.active


def main() -> None:
    pm, map_name, key = current_map()
    G, s = pm.graph, pm.structure
    if ss.get("selected") and (
        ss.selected not in G.nodes or G.nodes[ss.selected].get("role") != "claim"
    ):
        st.toast(f"No claim {md_escape(ss.selected)} in this map.")
        ss.selected = None
    selected: str | None = ss.get("selected")
    with st.sidebar:
        query, focus, steps, depth = find_controls(pm, selected)
        semantics, view, audience, colour, side_thesis, filters = reading_controls(pm)
        assume = what_if_controls(pm, selected)

    # A fault in the semantics must not take the page down: the map is drawn unlabelled.
    result = attempt(
        "Claims are not labelled: the evaluation failed",
        lambda: evaluate(pm, key, semantics, view, assume, audiences.audience_id(audience)),
    )
    status, changed = result if result is not None else (None, None)

    view_spec = View(filters, selected, focus, steps, depth, query)
    draw = drawing(G, s, pm.layout, view_spec, changed or ())
    shown, matches = draw.shown, draw.matches
    colours = colouring(G, s.claims, colour, labels=status.labels if status else None,
                        thesis=side_thesis)  # fmt: skip
    across = audiences.report_of(key, pm, semantics, view) if audience == ACROSS else None
    if across is not None and colour == "status":
        colours = by_acceptance(s.claims, {c.id: c.acceptance.value for c in across.claims})

    # The page.
    st.title(md_escape(pm.map.title))
    st.container(key="map-question").caption(md_escape(pm.map.question))
    if status is not None and not status.complete:
        st.warning(f"Not every claim could be weighed in time: {md_escape(status.message)}")
    tally = counts(status)
    bits = [f"Showing **{len(shown)}** of {len(s.claims)} claims"]
    if status is not None:
        bits.append(f"{tally['in']} stand, {tally['out']} fall, {tally['undec']} undecided")
    if across is not None:
        tally_across = Counter(c.acceptance.value for c in across.claims)
        bits.append(
            "across all audiences: "
            + ", ".join(
                f"{tally_across[k]} {k}"
                for k in ("uncontested", "objective", "subjective", "indefensible")
                if tally_across[k]
            )
        )
    elif audiences.audience_id(audience):
        bits.append(f"for {md_escape(audience_title(G, audience))}")
    if changed is not None:
        bits.append(f"what-if changes **{len(changed)}** claim{'s' if len(changed) != 1 else ''}")
    if query:
        bits.append(f"{len(matches)} match the search")
    st.markdown(" · ".join(bits))

    graph_col, detail_col = st.container(key="mapcols").columns([5, 2], gap="medium")
    with graph_col:
        notes = ["Bold border: thesis · square corners: evidence · cut corners: proposal"]
        if changed is not None:
            notes.append("Orange glow: changed by the what-if")
        if query:
            notes.append("Yellow border: matches the search")
        argmap_graph(
            graph_payload(G, s, pm.layout, shown, colours, classes=draw.classes,
                          hidden_below=draw.hidden_below,
                          collapse=first_sight(focus, depth, filters)),
            selected=selected,
            legend={**legend(colours), "notes": notes},
            height=GRAPH_HEIGHT,
            key="graph",
            on_change=on_graph_click,
        )  # fmt: skip
    with detail_col:
        if selected is None:
            lines = None
            chosen = audiences.audience_id(audience)
            if status is not None:
                shown_status = status
                lines = attempt(
                    "The theses' bottom lines could not be worked out",
                    lambda: lines_of(key, pm, shown_status, semantics, view, assume, chosen),
                )
            panel.no_selection(G, s, select_claim, lines or ())
        else:
            panel.claim_panel(pm, selected, status, changed, map_name, select_claim)
            audiences.claim_section(pm, key, selected, audience, semantics, view)


main()
