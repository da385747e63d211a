"""The sources and actors page: who says what, who agrees with whom, and how the debate moved.

Positions are argmap.analysis's, the timeline argmap.products.timeline's; this page lays them out:
a timeline of positions by source date, each source's and each actor's claims, and the
actors' agreement and conflict matrices.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from argmap.analysis import Positions, positions
from argmap.app.shared import current_map, status_of
from argmap.products.timeline import eras
from argmap.semantics.framework import DEFAULT_VIEW
from argmap.view.prepared import PreparedMap
from argmap.view.status import Status
from argmap.view.text import md_escape, truncate

DOT = {"in": ":green[●]", "out": ":red[●]", "undec": ":orange[●]"}


@st.cache_resource(max_entries=32, show_spinner=False)
def positions_of(key: str, _pm: PreparedMap, _status: Status) -> Positions:
    return positions(_pm.graph, _status.evaluation)


def claim_line(pm: PreparedMap, claim: str, status: Status | None, who: bool = True) -> str:
    node = pm.graph.nodes[claim]
    dot = DOT.get(status.labels.get(claim, ""), "") if status else ""
    actor = pm.options["actors"].get(node["actor"], node["actor"])
    by = f" — *{md_escape(actor)}*" if who else ""
    return f"- {dot} {md_escape(truncate(node['statement'], 160))}{by}"


def matrix(
    names: dict[str, str], table: dict[str, dict[str, int]], keep: list[str]
) -> pd.DataFrame:
    """Rows and columns: the actors with claims; a cell: relations from the row's claims."""
    labels = [names.get(a, a) for a in keep]
    return pd.DataFrame([[table[a][b] for b in keep] for a in keep], index=labels, columns=labels)


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
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    for k, cs in held.items():
        if not cs:
            continue
        with st.expander(f"{md_escape(names.get(k, k))} ({len(cs)})"):
            st.markdown("\n".join(claim_line(pm, c, status, who=not by_actor) for c in cs))


def main() -> None:
    pm, _map_name, key = current_map()
    st.title("Sources and actors")
    st.caption(md_escape(f"{pm.map.title} — {pm.map.question}"))
    status: Status | None = None
    try:
        status = status_of(key, pm, "grounded", DEFAULT_VIEW)
        pos = positions_of(key, pm, status)
    except Exception as exc:  # without the analysis, the timeline still stands
        st.info(f"Claims are not labelled: {md_escape(str(exc))}.")
        pos = None
    if status is not None:
        st.caption(f"{DOT['in']} stands · {DOT['out']} defeated · {DOT['undec']} undecided "
                   "(grounded semantics)")  # fmt: skip
    actor_names = pm.options["actors"]
    source_names = {s.id: s.title for s in pm.map.sources}
    by_source: dict[str, list[str]] = {s.id: [] for s in pm.map.sources}
    by_actor: dict[str, list[str]] = {a.id: [] for a in pm.map.actors}
    for c in pm.map.claims:
        by_source.setdefault(c.source, []).append(c.id)
        by_actor.setdefault(c.actor, []).append(c.id)

    timeline, srcs, actors, matrices = st.tabs(
        ["Timeline", "Sources", "Actors", "Agreement and conflict"]
    )
    with timeline:
        st.caption("Positions in the order of their sources' dates: how the debate moved.")
        timeline_tab(pm, status)
    with srcs:
        holdings_tab(pm, by_source, source_names, status, False, "src")
    with actors:
        holdings_tab(pm, by_actor, actor_names, status, True, "act")
    with matrices:
        if pos is None:
            st.info("The matrices need the analysis.")
        else:
            keep = [a for a, h in pos.actors.items() if h.claims and a in actor_names]
            st.markdown("**Agreement**: how often the row actor's claims support the column's.")
            st.dataframe(matrix(actor_names, pos.agreement, keep), key="agreement")
            st.markdown("**Conflict**: how often the row actor's claims attack (or undercut) "
                        "the column's.")  # fmt: skip
            st.dataframe(matrix(actor_names, pos.conflict, keep), key="conflict")


main()
