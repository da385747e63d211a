"""The outline page: the map as a pro/con tree from each thesis, as Kialo shows a debate.

The tree is argmap.view.outline's; the outline component draws it as a tree the keyboard can
walk (↑ ↓ → ← Enter). The selected claim is the map page's (``ss.selected``, ``?claim=`` in the
URL): select one here and the map shows it, and the other way round. The status marks follow
the map page's semantics. "Printable outline" is the whole tree, every branch open.
"""

from __future__ import annotations

import streamlit as st

from argmap.app import panel, state
from argmap.app.audiences import audience_id
from argmap.app.component import argmap_outline
from argmap.app.guard import attempt
from argmap.app.main import page_path
from argmap.app.shared import current_map, reading_pickers, ss, status_of
from argmap.view.detail import claim_detail
from argmap.view.outline import find, outline, outline_html, to_json
from argmap.view.prepared import PreparedMap
from argmap.view.status import Status
from argmap.view.text import md_escape

HEIGHT = 720


@st.cache_resource(max_entries=32, show_spinner=False)
def outline_of(key: str, _pm: PreparedMap, semantics: str, view: str, audience: str,
               _status: Status | None) -> tuple[list, list]:  # fmt: skip
    # The reading (semantics, view, audience) is in the cache key: the labels depend on it.
    labels = _status.labels if _status else None
    strength = _status.strength if _status else None
    roots = outline(_pm.graph, _pm.structure, labels, strength)
    return roots, to_json(roots)


def on_select() -> None:
    value = ss.get("outline")
    if isinstance(value, dict) and value.get("claim"):
        ss[state.SELECTED] = str(value["claim"])


def main() -> None:
    pm, map_name, key = current_map()
    G = pm.graph
    with st.sidebar:
        semantics, view, audience = reading_pickers(G)
    selected = ss.get(state.SELECTED)
    if selected and (selected not in G.nodes or G.nodes[selected].get("role") != "claim"):
        ss[state.SELECTED] = selected = None

    # The outline stands without the labels.
    status: Status | None = attempt(
        "Claims are not labelled",
        lambda: status_of(key, pm, semantics, view, audience=audience_id(audience)),
    )
    roots, tree = outline_of(key, pm, semantics, view, audience, status)

    st.title("Outline")
    st.caption(md_escape(f"{pm.map.title} — {pm.map.question}"))
    st.markdown(
        "Each thesis with the reasons for it (**pro**) and the objections to it (**con**), "
        "nested: open a claim for its quote and what bears on it. Marks say what stands "
        f"under {semantics} semantics."
    )
    tree_col, detail_col = st.columns([3, 2], gap="medium")
    with tree_col:
        # Tall enough for what shows on first sight (theses and their direct reasons), at
        # most HEIGHT: what is opened later scrolls inside.
        first_sight = sum(1 + len(r.children) for r in roots)
        height = max(420, min(HEIGHT, 140 + 90 * first_sight))
        argmap_outline(tree, selected=selected, height=height, key="outline",
                       on_change=on_select)  # fmt: skip
        note = f"Marks: {semantics} semantics." if status else ""
        st.download_button(
            "Printable outline (HTML)", outline_html(pm.map.title, pm.map.question, roots, note),
            file_name=f"{map_name or 'map'}-outline.html", mime="text/html", key="outline_print",
        )  # fmt: skip
    with detail_col:
        if selected is None:
            st.info("Select a claim in the outline (click, or Enter on the keyboard) to see it "
                    "here and in the map.")  # fmt: skip
            return
        label = status.labels.get(selected) if status else None
        strength = status.strength.get(selected) if status else None
        with st.container(key="outline_detail"):
            st.html(panel.card_html(claim_detail(G, pm.structure, selected), label, strength))
            where = find(roots, selected)
            if where is not None and where.depth:
                st.caption(f"{where.depth} step{'s' if where.depth != 1 else ''} below a thesis")
            if st.button("Show in the map", key="outline_to_map", type="primary"):
                st.switch_page(page_path("map"))
            st.caption("Link to this view")
            st.code(state.link_to_view(), language=None, wrap_lines=True)


main()
