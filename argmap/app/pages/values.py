"""The values page: who each thesis stands for, and what it needs an audience to put first.

One table of theses by audiences (each cell the label the map page shows for that audience),
then per thesis, once: what it needs ("only if"), what suffices ("whenever"), and, for the
audience chosen in the sidebar, the same label and words as the map's panel. The answers
are argmap.analysis.audiences' (exact, over every ordering of the values).
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from argmap.app.audiences import TIMEOUT_S, audience_id, report_of
from argmap.app.guard import attempt
from argmap.app.shared import current_map, reading_pickers, status_of
from argmap.view.audiences import verdict_table
from argmap.view.door import audiences, describe_audience, standing_words, value_names
from argmap.view.text import md_blocks, md_escape
from argmap.vocabulary import LABELS


def main() -> None:
    pm, _map_name, key = current_map()
    G = pm.graph
    with st.sidebar:
        semantics, view, option = reading_pickers(G)
    chosen = audience_id(option)

    st.title("Values and audiences")
    st.caption(md_escape(f"{pm.map.title} — {pm.map.question}"))
    names = value_names(G)
    if not names:
        st.info(
            "This map names no values yet. Add a values: section (id, name), list the values "
            "each practical claim appeals to under its values:, and rank them for an audience "
            "under audiences: to see which claims stand for whom."
        )
        st.stop()
    report = report_of(key, pm, str(semantics), str(view))
    if report is None:
        st.warning(f"Weighing every ranking takes longer than {TIMEOUT_S:g} s with {semantics}; "
                   "choose grounded, which answers at once.")  # fmt: skip
        st.stop()

    # Each audience's labels are the ones every page shows for it (the same cached reading).
    labels: dict[str, dict[str, str]] = {}
    for aid in [a.id for a in audiences(G) if a.id is not None]:
        status = attempt(
            "Claims are not labelled",
            partial(status_of, key, pm, semantics, view, audience=aid),
        )
        if status is not None:
            labels[aid] = status.labels
    acceptance = {c.id: c.acceptance.value for c in report.claims}
    theses = [t.id for t in report.theses]

    st.header("Who each thesis stands for")
    # A plain table: a few rows, read (and printed, and read aloud) as text.
    st.table(pd.DataFrame(verdict_table(G, theses, labels, acceptance)).set_index("Audience"))

    st.header("What each thesis needs")
    chosen_status = None
    if chosen is not None:
        chosen_status = status_of(key, pm, semantics, view, audience=chosen)
    for row in report.theses:
        with st.container(border=True, key=f"thesis-{row.id}"):
            st.markdown(f"**{md_escape(str(G.nodes[row.id].get('statement', row.id)))}**")
            for block in md_blocks(standing_words(row)):
                st.markdown(block)
            if chosen_status is not None:
                label = chosen_status.labels[row.id]
                who = next((a.label for a in audiences(G) if a.id == chosen), chosen)
                st.caption(md_escape(f"For {who}: {LABELS[label].badge}"))

    st.header("Values")
    counts = {v: 0 for v in names}
    for c in report.claims:
        for v in G.nodes[c.id].get("values", []):
            counts[v] = counts.get(v, 0) + 1
    for value in G.graph.get("values", []):
        text = f"**{md_escape(value['name'])}** ({counts.get(value['id'], 0)} claims)"
        if value.get("description"):
            text += f": {md_escape(value['description'])}"
        st.markdown(text)

    st.header("Audiences")
    if not audiences(G):
        st.markdown("The map names no audiences; the map page can still weigh across all.")
    entries = {a["id"]: a for a in G.graph.get("audiences", [])}
    for ranking in audiences(G):
        entry = entries.get(str(ranking.id), {})
        basis = {"stated": " · stated by the actor", "inferred": " · inferred by the mapper"}
        st.markdown(
            f"**{md_escape(describe_audience(ranking, G))}**"
            + md_escape(basis.get(str(entry.get("basis")), ""))
        )
        if entry.get("quote"):
            st.caption(f"“{md_escape(entry['quote'])}”")


main()
