"""The sources and actors page: who says what, who agrees with whom, and how the debate moved.

Positions are argmap.analysis's, the timeline argmap.products.timeline's; this page lays them out:
who meets whom (a heat map of agreement and conflict, an actor network), a chart of positions
by date over the year-by-year list, and each source's and each actor's claims. Actors are
ordered by their side of the thesis chosen in the sidebar.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from argmap.app import state
from argmap.app.guard import attempt
from argmap.app.shared import current_map, shared_reading, status_of, thesis_picker
from argmap.products.timeline import eras
from argmap.text import spreadsheet_row
from argmap.view.actors import (
    actor_sides,
    chart_spec,
    heat_map,
    meeting_order,
    network,
    timeline_chart,
)
from argmap.view.door import Positions, positions
from argmap.view.guide import plain_semantics
from argmap.view.prepared import PreparedMap
from argmap.view.status import Status
from argmap.view.text import md_escape, truncate

DOT = {"in": ":green[●]", "out": ":red[●]", "undec": ":orange[●]"}


@st.cache_resource(max_entries=32, show_spinner=False)
def positions_of(key: str, _pm: PreparedMap, _status: Status) -> Positions:
    return positions(_pm.graph, _status.evaluation)


@st.cache_resource(max_entries=32, show_spinner=False)  # shared, never changed: no copies
def pictures(key: str, thesis: str, _pm: PreparedMap, _pos: Positions | None) -> dict[str, Any]:
    """The page's charts as Vega-Lite specs, built once per map content and thesis."""
    sides = actor_sides(_pm.graph, thesis)
    specs = {"timeline": chart_spec(timeline_chart(_pm.map, sides, _pm.graph, thesis))}
    if _pos is not None:
        specs["heat"] = chart_spec(heat_map(sides, _pos))
        specs["network"] = chart_spec(network(sides, _pos))
    return specs


def claim_line(pm: PreparedMap, claim: str, status: Status | None, who: bool = True) -> str:
    node = pm.graph.nodes[claim]
    dot = DOT.get(status.labels.get(claim, ""), "") if status else ""
    actor = pm.options["actors"].get(node["actor"], node["actor"])
    by = f" — *{md_escape(actor)}*" if who else ""
    return f"- {dot} {md_escape(truncate(node['statement'], 160))}{by}"


def timeline_tab(pm: PreparedMap, status: Status | None) -> None:
    sources = {s.id: s for s in pm.map.sources}
    for year, entries in eras(pm.map).items():
        n = sum(len(e.claims) for e in entries)
        st.subheader(f"{year} · {len(entries)} source{'s' if len(entries) != 1 else ''}, "
                     f"{n} claim{'s' if n != 1 else ''}")  # fmt: skip
        for e in entries:
            with st.container(border=True, key=f"tl-{e.source.id}"):
                date = e.date or "undated"
                if e.date_inferred and e.source.reported_in:
                    reporter = sources[e.source.reported_in].title
                    date += f", as reported in “{reporter}”"
                st.markdown(f"**{md_escape(e.source.title)}** ({md_escape(e.source.kind)}, "
                            f"{md_escape(date)})")  # fmt: skip
                st.markdown("\n".join(claim_line(pm, c.id, status) for c in e.claims))


def holdings_tab(pm: PreparedMap, held: dict[str, list[str]], names: dict[str, str],
                 status: Status | None, by_actor: bool, prefix: str) -> None:  # fmt: skip
    rows = [
        {"name": names.get(k, k), "claims": len(cs),
         "stand": sum(1 for c in cs if status and status.labels.get(c) == "in")}
        for k, cs in held.items() if cs
    ]  # fmt: skip
    st.dataframe(pd.DataFrame([spreadsheet_row(r) for r in rows]), hide_index=True, width="stretch")
    for k, cs in held.items():
        if not cs:
            continue
        with st.expander(f"{md_escape(names.get(k, k))} ({len(cs)})"):
            st.markdown("\n".join(claim_line(pm, c, status, who=not by_actor) for c in cs))


def main() -> None:
    pm, _map_name, key = current_map()
    st.title("Sources and actors")
    st.caption(md_escape(f"{pm.map.title} — {pm.map.question}"))
    # Without the analysis, the timeline still stands.
    semantics, support, audience = shared_reading()  # the labels every page shows
    status: Status | None = attempt(
        "Claims are not labelled",
        lambda: status_of(key, pm, semantics, support, audience=audience),
    )
    pos = None
    if status is not None:
        labelled = status
        pos = attempt("Positions are not known", lambda: positions_of(key, pm, labelled))
    if status is not None:
        whom = ", for the chosen audience" if audience else ""
        st.caption(f"{DOT['in']} stands · {DOT['out']} defeated · {DOT['undec']} undecided "
                   f"({plain_semantics(semantics).lower()}{whom})")  # fmt: skip
    actor_names = pm.options["actors"]
    source_names = {s.id: s.title for s in pm.map.sources}
    by_source: dict[str, list[str]] = {s.id: [] for s in pm.map.sources}
    by_actor: dict[str, list[str]] = {a.id: [] for a in pm.map.actors}
    for c in pm.map.claims:
        by_source.setdefault(c.source, []).append(c.id)
        by_actor.setdefault(c.actor, []).append(c.id)

    with st.sidebar:
        st.header("Sides")
        thesis = thesis_picker(pm.graph, "Sides of", state.SIDE_THESIS)
    sides = actor_sides(pm.graph, thesis)
    specs = pictures(key, thesis, pm, pos)
    meets, timeline, srcs, actors = st.tabs(["Who meets whom", "Timeline", "Sources", "Actors"])
    with meets:
        if pos is None:
            st.info("These pictures need the analysis.")
        else:
            met = meeting_order(sides, pos)
            st.caption(
                f"The {len(met)} actors whose claims support or attack another actor's, "
                "ordered by their side of the thesis, marked by the strip beside their names: "
                "blue for, grey neither, orange-red against. A blue cell: the two support "
                "each other's claims; orange-red: they attack them."
            )
            st.subheader("Agreement and conflict")
            st.vega_lite_chart(spec=specs["heat"], key="heat_map", width="content")
            st.subheader("Who supports and who attacks whom")
            st.caption(
                "Each actor's name stands between two dots. Supports run as arcs on the left, "
                "attacks (dashed) on the right, from the actor whose claims support or attack "
                "to the one whose claims they bear on (the arrowhead); thicker is more often."
            )
            st.vega_lite_chart(spec=specs["network"], key="actor_network", width="content")
    with timeline:
        st.caption(
            "Positions by the date of their source: a row per actor, a dot per source, "
            "larger for more claims, coloured by the actor's side of the thesis."
        )
        st.vega_lite_chart(spec=specs["timeline"], key="timeline_chart", width="content")
        with st.expander("Every source, year by year, with its claims"):
            timeline_tab(pm, status)
    with srcs:
        holdings_tab(pm, by_source, source_names, status, False, "src")
    with actors:
        holdings_tab(pm, by_actor, actor_names, status, True, "act")


main()
