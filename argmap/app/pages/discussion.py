"""The discussion page: seminar questions derived from the map, each with why it is asked.

The questions are argmap.products.questions'; this page groups them by kind, lets the teacher
pick a thesis and the kinds to show, and offers those as the product's Markdown hand-out.
"""

from __future__ import annotations

import streamlit as st

from argmap.app.audiences import audience_id
from argmap.app.guard import attempt
from argmap.app.shared import (
    ALL,
    current_map,
    keep,
    reading_pickers,
    status_of,
    thesis_picker,
)
from argmap.products.questions import (
    KINDS,
    LIMIT,
    Question,
    discussion_questions,
    ranked,
    to_markdown,
)
from argmap.view.prepared import PreparedMap
from argmap.view.text import md_escape


@st.cache_resource(max_entries=64, show_spinner="Finding questions…")
def questions_of(key: str, _pm: PreparedMap, thesis: str | None, semantics: str,
                 view: str, audience: str | None = None) -> list[Question]:  # fmt: skip
    status = status_of(key, _pm, semantics, view, audience=audience)
    return discussion_questions(_pm.graph, status.evaluation, thesis=thesis)


def main() -> None:
    pm, _map_name, key = current_map()
    G = pm.graph
    keep("disc_kinds")
    with st.sidebar:
        st.header("Questions")
        thesis = thesis_picker(G, "About", "disc_thesis", whole_map=True)
        kinds = st.multiselect("Kinds", list(KINDS), default=list(KINDS), key="disc_kinds",
                               format_func=lambda k: KINDS.get(k, k))  # fmt: skip
        semantics, view, option = reading_pickers(G)
        audience = audience_id(option)

    st.title("Discussion questions")
    st.caption(md_escape(f"{pm.map.title} — {pm.map.question}"))
    found = (
        attempt(
            "The questions could not be derived",
            lambda: questions_of(
                key, pm, None if thesis == ALL else thesis, semantics, view, audience
            ),
            fatal=True,
        )
        or []
    )
    matching = [q for q in found if q.kind in kinds]
    every = st.toggle(f"Show all {len(matching)} questions", key="disc_all",
                      disabled=len(matching) <= LIMIT)  # fmt: skip
    shown = ranked(matching, None if every else LIMIT)
    more = "" if every or len(matching) <= LIMIT else f" (the best of {len(matching)})"
    st.markdown(
        f"**{len(shown)}** question{'s' if len(shown) != 1 else ''}{more}, each drawn from a "
        "fact about the map, with why it is asked; cruxes first, then one of each kind in turn."
    )
    # The hand-out of the questions shown (the kinds chosen); argmap make questions writes
    # the same Markdown for every kind.
    st.download_button("Download as Markdown", to_markdown(pm.map.title, shown).encode("utf-8"),
                       file_name="discussion-questions.md", mime="text/markdown",
                       key="disc_download", disabled=not shown)  # fmt: skip
    for kind, heading in KINDS.items():
        group = [q for q in shown if q.kind == kind]
        if not group:
            continue
        st.header(f"{heading} ({len(group)})")
        for n, q in enumerate(group):
            with st.container(border=True, key=f"q-{kind}-{n}"):
                st.markdown(f"**{md_escape(q.text)}**")
                st.caption(f"Why: {md_escape(q.because)}")
    if not shown:
        st.info("No question of the chosen kinds: the map gives no ground for one.")


main()
