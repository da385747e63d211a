"""The audience picker and the claim panel's audience section, shared by the app's pages.

The answers come from :mod:`argmap.analysis.audiences` (cached per map content, semantics
and view); the words and colours from :mod:`argmap.view.audiences`.
"""

from __future__ import annotations

import networkx as nx
import streamlit as st

from argmap.app import state
from argmap.view.audiences import (
    ACROSS,
    PLAIN,
    audience_options,
    audience_title,
    standing_lines,
)
from argmap.view.door import (
    AudienceReport,
    ThesisStanding,
    audience_report,
    standing_of,
)
from argmap.view.prepared import PreparedMap
from argmap.view.text import md_blocks

TIMEOUT_S = 10.0
ss = st.session_state


@st.cache_resource(max_entries=16, show_spinner="Weighing the values…")
def report_of(key: str, _pm: PreparedMap, semantics: str, view: str) -> AudienceReport | None:
    """The map's answer across audiences, or ``None`` when it takes longer than the timeout."""
    try:
        return audience_report(_pm.graph, semantics, view, timeout=TIMEOUT_S)
    except TimeoutError:
        return None


@st.cache_resource(max_entries=256, show_spinner=False)
def claim_standing(
    key: str, _pm: PreparedMap, claim: str, semantics: str, view: str
) -> ThesisStanding | None:
    try:
        return standing_of(_pm.graph, claim, semantics, view)
    except TimeoutError:
        return None


def picker(G: nx.DiGraph, label: str = "Audience") -> str:
    """A select box of the map's audiences (when it has values); return the option chosen:
    :data:`PLAIN`, :data:`ACROSS` or an audience id."""
    options = audience_options(G)
    if ss.get(state.AUDIENCE) not in options:
        ss[state.AUDIENCE] = PLAIN
    if len(options) == 1:
        return PLAIN
    return str(
        st.selectbox(
            label, options, key=state.AUDIENCE,
            format_func=lambda o: audience_title(G, o),
            help="Whose ranking of the values weighs the attacks: an attack fails when what "
            "it attacks appeals to a value the audience ranks above the attacker's. "
            "'Across all audiences' colours claims by whether they stand under every, some "
            "or no ranking of the values.",
        )
    )  # fmt: skip


def audience_id(option: str) -> str | None:
    """The audience to weigh attacks by, for :func:`argmap.view.status.evaluate_status`."""
    return None if option in (PLAIN, ACROSS) else option


def claim_section(
    pm: PreparedMap, key: str, claim: str, option: str, semantics: str, view: str
) -> None:
    """Which audiences a claim stands for and why (only on a map with values)."""
    if len(audience_options(pm.graph)) == 1:
        return
    report = report_of(key, pm, semantics, view)
    standing = claim_standing(key, pm, claim, semantics, view)
    with st.container(key="audiences"):
        st.markdown("**Audiences**")
        if report is None or standing is None:
            st.caption(f"Not weighed: it takes longer than {TIMEOUT_S:g} s with {semantics}.")
            return
        # Which attacks the chosen audience makes fail is said once, in the panel's reason.
        for block in md_blocks(standing_lines(pm.graph, standing, report.claim(claim).stands_for)):
            st.markdown(block)
