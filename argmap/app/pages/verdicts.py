"""The class verdicts page: each participant marks claims accepted or rejected under a name
they choose, in a room; the class view sets the group's verdicts beside the semantics'.

Verdicts are argmap.store.verdicts': every mark is written straight to the database (an atomic
upsert per participant and claim) and every run reads them back, so participants on one
app, or on several app servers sharing a database, see each other's marks and never
overwrite them. The database is ``$ARGMAP_DATABASE_URL``, else an SQLite file beside the maps.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from argmap.app import classroom
from argmap.app.guard import attempt
from argmap.app.shared import current_map, keep, maps_folder, shared_reading, ss, status_of
from argmap.graph import theses
from argmap.store.verdicts import (
    DEFAULT_ROOM,
    StoreError,
    Tally,
    VerdictStore,
    default_database_url,
)
from argmap.text import spreadsheet_row
from argmap.view.door import SEMANTICS
from argmap.view.prepared import PreparedMap
from argmap.view.text import fold, md_escape, truncate

SHOWN = 40  # claims to mark at once; pages or a search find the others
VERDICTS = ("accept", "reject")
AGREES = {("accept", "in"), ("reject", "out")}


@st.cache_resource(show_spinner=False)
def store_for(url: str) -> VerdictStore:
    """One store (and connection pool) per database URL for the whole server."""
    return VerdictStore(url)


def group_says(t: Tally) -> str:
    if t.accept == t.reject:
        return "split" if t.total else "—"
    return "accept" if t.accept > t.reject else "reject"


def agreement(says: str, label: str | None) -> str:
    """Whether the group's majority matches the semantics: accept = in, reject = out."""
    if label is None or says in ("—", "split"):
        return "—"
    if label == "undec":
        return "no (undecided)"
    return "yes" if (says, label) in AGREES else "no"


def on_mark(store: VerdictStore, map_id: str, claim: str, name: str, room: str,
            widget: str) -> None:  # fmt: skip
    choice = ss.get(widget)
    try:
        if choice:
            store.record(map_id, claim, name, choice, room=room)
        else:
            store.withdraw(map_id, claim, name, room=room)
    except StoreError as exc:  # plain words (a name too long, the database down)
        ss.verdict_error = f"Not saved: {exc}"


def mark_claims(pm: PreparedMap, store: VerdictStore, map_id: str, name: str, room: str) -> None:
    G = pm.graph
    if error := ss.pop("verdict_error", None):
        st.error(md_escape(error))
    mine = {m.claim_id: m.verdict.value for m in store.marks(map_id, room=room)
            if m.participant == name}  # fmt: skip
    query = st.text_input("Find claims", key="verdict_search", placeholder="words in a claim")
    first = theses(G)
    ordered = first + [c for c in pm.structure.claims if c not in set(first)]
    if query.strip():
        words = fold(query).split()
        ordered = [c for c in ordered if all(w in fold(G.nodes[c]["statement"]) for w in words)]
    pages = max(1, -(-len(ordered) // SHOWN))
    page = 1
    if pages > 1:
        page = int(st.number_input(f"Page (of {pages})", 1, pages, 1, key="verdict_page"))
    shown = ordered[(page - 1) * SHOWN : page * SHOWN]
    st.caption(f"{len(mine)} marked by you · showing {len(shown)} of {len(ordered)} claims, "
               "theses first")  # fmt: skip
    for claim in shown:
        widget = f"vd|{room}|{name}|{map_id}|{claim}"
        with st.container(border=True, key=f"vc-{claim}"):
            text, choice = st.columns([4, 1.3], vertical_alignment="center")
            text.markdown(md_escape(truncate(G.nodes[claim]["statement"], 200)))
            with choice:
                st.segmented_control(
                    "Verdict", VERDICTS, key=widget, default=mine.get(claim),
                    label_visibility="collapsed", format_func=str.capitalize,
                    on_change=on_mark, args=(store, map_id, claim, name, room, widget),
                )  # fmt: skip


def class_view(pm: PreparedMap, key: str, store: VerdictStore, map_id: str, room: str) -> None:
    G = pm.graph
    pick, refresh, _ = st.columns([2, 1, 3], vertical_alignment="bottom")
    semantics = pick.selectbox("Compare with", SEMANTICS, key="verdict_semantics")
    # Others' marks arrive on any rerun; this button is one on demand.
    refresh.button("Refresh", key="verdict_refresh", help="Read the latest verdicts")
    tallies = store.tally(map_id, room=room)
    people = store.participants(map_id, room=room)
    st.markdown(f"**{len(people)}** participant{'s' if len(people) != 1 else ''}: "
                + (md_escape(", ".join(people)) or "none yet"))  # fmt: skip
    # The counts are still worth showing without the labels.
    _, support, audience = shared_reading()  # supports and audience as every page reads them
    status = attempt(
        "Claims are not labelled",
        lambda: status_of(key, pm, semantics, support, audience=audience),
    )
    labels: dict[str, str] = status.labels if status is not None else {}
    rows = []
    for claim in pm.structure.claims:
        t = tallies.get(claim)
        if t is None:
            continue
        says = group_says(t)
        rows.append({
            "claim": claim,
            "statement": truncate(G.nodes[claim]["statement"], 90),
            "accept": t.accept,
            "reject": t.reject,
            "group": says,
            semantics: labels.get(claim, "—"),
            "agrees": agreement(says, labels.get(claim)),
        })  # fmt: skip
    if not rows:
        st.info("No verdicts in this room yet.")
        return
    decided = [r for r in rows if r["agrees"] != "—"]
    agree = sum(1 for r in decided if r["agrees"] == "yes")
    st.markdown(f"The group agrees with {semantics} semantics on **{agree} of {len(decided)}** "
                "claims where it has a majority.")  # fmt: skip
    st.dataframe(
        pd.DataFrame([spreadsheet_row(r) for r in rows]),  # its CSV download is data
        hide_index=True,
        width="stretch",
        key="class_view",
        column_config={"claim": None},
    )  # the id stays in the data, not on screen
    # Orphans: verdicts on claims the current map no longer has (an edited file).
    gone = sorted(set(tallies) - set(pm.structure.claims))
    if gone:
        st.caption(f"Verdicts on claims no longer in the map: {', '.join(gone)}")


def main() -> None:
    pm, map_name, key = current_map()
    keep("verdict_name", "verdict_room")
    url = default_database_url(maps_folder())
    store = attempt("The class database cannot be used", lambda: store_for(url), fatal=True)
    assert store is not None
    map_id = map_name or f"upload:{pm.name}"
    person = classroom.who()
    if person is not None:  # a class: your verdicts are the signed-in person's, in its room
        name, room = person.name, f"class-{person.class_id}"
    elif classroom.class_store() is not None:
        st.error("Sign in to mark claims.")
        st.stop()
    else:
        with st.sidebar:
            st.header("Verdicts")
            name = " ".join(st.text_input("Your name", key="verdict_name", max_chars=100).split())
            ss.setdefault("verdict_room", DEFAULT_ROOM)  # not value=: the URL may have set it
            room = " ".join(st.text_input("Room", key="verdict_room", max_chars=100).split()
                            ) or DEFAULT_ROOM  # fmt: skip
    st.title("Class verdicts")
    where = "your class" if person is not None else f"room **{md_escape(room)}**"
    st.caption(md_escape(f"{pm.map.title} — {pm.map.question}") + f" · {where}")
    mark, view = st.tabs(["Mark claims", "Class view"])
    with mark:
        if name:
            st.caption(f"Marking as **{md_escape(name)}**: choose Accept or Reject; choose it "
                       "again to withdraw.")  # fmt: skip
            attempt("Verdicts", lambda: mark_claims(pm, store, map_id, name, room))
        else:
            st.info("Enter your name in the sidebar to mark claims.")
    with view:
        attempt("The class view", lambda: class_view(pm, key, store, map_id, room))


main()
