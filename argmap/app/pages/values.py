"""The values page: the map's values and audiences, and which value conflicts decide which theses.

The answers are argmap.analysis.audiences' (exact, over every ordering of the values); this page
lays them out for a seminar: what each thesis needs an audience to put first, and who does.
"""

from __future__ import annotations

import streamlit as st

from argmap.analysis.audiences import describe_audience, value_conflicts
from argmap.app.audiences import TIMEOUT_S, report_of
from argmap.app.shared import current_map, reading_pickers
from argmap.semantics.values import audiences, value_names
from argmap.view.audiences import ACCEPTANCE_NAMES
from argmap.view.text import md_escape, truncate


def main() -> None:
    pm, _map_name, key = current_map()
    G = pm.graph
    with st.sidebar:
        semantics, view = reading_pickers()

    st.title("Values and audiences")
    st.caption(md_escape(f"{pm.map.title} — {pm.map.question}"))
    names = value_names(G)
    if not names:
        st.info(
            "This map names no values yet. Add a values: section (id, name), list the values "
            "each claim appeals to under its values:, and rank them for an audience under "
            "audiences: to see which claims stand for whom."
        )
        st.stop()
    report = report_of(key, pm, str(semantics), str(view))
    if report is None:
        st.warning(f"Weighing every ranking takes longer than {TIMEOUT_S:g} s with {semantics}; "
                   "choose grounded, which answers at once.")  # fmt: skip
        st.stop()
    statement = {c.id: str(G.nodes[c.id].get("statement", c.id)) for c in report.claims}

    st.header("Which value conflicts decide which theses")
    conflicts = value_conflicts(report)
    if not conflicts:
        st.markdown("No ranking of the values changes whether any thesis stands.")
    for pair, decided in conflicts.items():
        v, w = sorted(pair, key=list(names).index)
        with st.container(border=True, key=f"conflict-{v}-{w}"):
            st.markdown(f"**{md_escape(names[v])} or {md_escape(names[w])}?**")
            for t in decided:
                row = next(x for x in report.theses if x.id == t)
                st.markdown(
                    f"- {md_escape(truncate(statement[t], 90))} — stands whenever "
                    + md_escape("; or whenever ".join(row.stands_when))
                )

    st.header("Theses across audiences")
    stands_for = {c.id: c.stands_for for c in report.claims}
    titles = {a.id: a.name or a.id for a in audiences(G)}
    for row in report.theses:
        with st.container(border=True, key=f"thesis-{row.id}"):
            st.markdown(f"**{md_escape(statement[row.id])}**")
            st.caption(md_escape(ACCEPTANCE_NAMES[row.acceptance.value]))
            if row.stands_when and row.preferences != [frozenset()]:
                st.markdown("Stands whenever " + md_escape("; or whenever ".join(row.stands_when)))
            if titles:
                who = [str(titles.get(a, a)) for a in stands_for[row.id]]
                st.markdown("Stands for: " + md_escape(", ".join(who) if who else "no audience "
                                                       "of the map"))  # fmt: skip

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
        st.markdown(f"**{md_escape(describe_audience(ranking, G))}**")
        quote = entries.get(str(ranking.id), {}).get("quote")
        if quote:
            st.caption(f"“{md_escape(quote)}”")


main()
