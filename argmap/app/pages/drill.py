"""The drill page: practise answering the other side, one argument at a time.

The deck and the session are argmap.products.drill's; this page shows the current card, takes the
response (in words, or a pick among our claims), reveals the map's answers and takes the
self-mark. The session lives in st.session_state as plain values.
"""

from __future__ import annotations

import streamlit as st

from argmap.app import audiences
from argmap.app.guard import attempt
from argmap.app.shared import current_map, keep, ss, thesis_picker
from argmap.products.brief.build import Cited, Side
from argmap.products.drill import MARKS, Card, DrillSession, drill_deck, our_claims
from argmap.view.audiences import audience_title
from argmap.view.door import reading_of
from argmap.view.prepared import PreparedMap
from argmap.view.status import TIMEOUT_S
from argmap.view.text import md_escape, truncate

HOW = {"supports": "supports", "attacks": "attacks", "undercuts": "cuts the link from"}
MARK_HELP = {
    "strong": "I had an answer as good as the map's.",
    "partial": "I had part of it.",
    "weak": "I had something, but not enough.",
    "missed": "I had no answer.",
}
NO_PICK = "(no pick)"


@st.cache_resource(max_entries=64, show_spinner="Building the deck…")
def deck_of(
    key: str, _pm: PreparedMap, thesis: str, side: Side, audience: str | None = None
) -> list[Card]:
    ranking = reading_of(_pm.graph, audience=audience).audience
    return drill_deck(_pm.graph, thesis, side, timeout=TIMEOUT_S, audience=ranking)


def session() -> DrillSession | None:
    data = ss.get("drill_session")
    return DrillSession.from_dict(data) if data else None


def save(s: DrillSession) -> None:
    ss.drill_session = s.to_dict()


def start(cards: list[str]) -> None:
    save(DrillSession(cards))
    ss.pop("drill_text", None)
    ss.pop("drill_pick", None)


def respond() -> None:
    s = session()
    if s is None:
        return
    pick = ss.get("drill_pick")
    s.respond(ss.get("drill_text", ""), None if pick in (None, NO_PICK) else pick)
    save(s)


def mark(how: str) -> None:
    s = session()
    if s is None:
        return
    s.mark(how)
    save(s)
    ss.drill_text = s.responses.get(s.current or "", "")
    ss.drill_pick = s.picks.get(s.current or "", NO_PICK)


def back() -> None:
    s = session()
    if s is None:
        return
    s.back()
    save(s)
    ss.drill_text = s.responses.get(s.current or "", "")
    ss.drill_pick = s.picks.get(s.current or "", NO_PICK)


def cited(c: Cited) -> None:
    st.markdown(f"**{md_escape(c.statement)}**")
    st.markdown(f"> “{md_escape(c.quote)}”  \n> — {md_escape(c.citation)}")


def card_view(pm: PreparedMap, card: Card, s: DrillSession, picks: list[str], n: int) -> None:
    G = pm.graph
    st.subheader(f"Argument {s.index + 1} of {n}")
    with st.container(border=True, key="drill_card"):
        st.caption(
            f"It {HOW[card.relation_type]} “{md_escape(truncate(card.target_statement, 90))}”"
        )
        cited(card.claim)
    if not s.revealed:
        st.text_area("Your response", key="drill_text", placeholder="How would you answer it?")
        st.selectbox(
            "…or pick the claim you would answer with", [NO_PICK, *picks], key="drill_pick",
            format_func=lambda c: c if c == NO_PICK else truncate(G.nodes[c]["statement"], 100),
        )  # fmt: skip
        st.button("Show the map's answers", on_click=respond, type="primary", key="drill_reveal")
    else:
        said = s.responses.get(card.relation)
        picked = s.picks.get(card.relation)
        if said:
            st.markdown(f"**You said:** {md_escape(said)}")
        if picked:
            hit = picked in {a.id for a in card.answers}
            verdict = ":green[one of the map's answers]" if hit else "not an answer in the map"
            st.markdown(
                f"**You picked:** {md_escape(truncate(G.nodes[picked]['statement'], 100))} "
                f"({verdict})"
            )
        if card.claim.why:  # where the argument stands in the map, and why (verdict())
            st.caption(f"Where it stands in the map: {md_escape(card.claim.why)}")
        st.markdown(f"**The map's answers** ({len(card.answers)})")
        with st.container(key="drill_answers"):
            for a in card.answers:
                with st.container(border=True):
                    cited(a)
            if not card.answers:
                st.warning("The map has no answer to this one: yours is all there is.")
        st.markdown("**How did you do?**")
        cols = st.columns(len(MARKS))
        for col, how in zip(cols, MARKS, strict=True):
            col.button(how.capitalize(), key=f"drill_mark_{how}", on_click=mark, args=(how,),
                       help=MARK_HELP[how], width="stretch")  # fmt: skip
    st.button("Previous argument", on_click=back, disabled=s.index == 0, key="drill_back")


def summary(pm: PreparedMap, deck: dict[str, Card], s: DrillSession) -> None:
    score = s.score()
    st.subheader("Session done")
    st.metric("Score", f"{score.percent}%", help="strong 1, partial ½, weak and missed 0")
    st.markdown(" · ".join(f"{how}: **{score.counts[how]}**" for how in MARKS))
    weak = s.still_weak()
    if weak:
        st.markdown(f"**Still weak** ({len(weak)})")
        with st.container(key="drill_weak"):
            for rel in weak:
                st.markdown(f"- {md_escape(deck[rel].claim.statement)}")
        st.button("Drill the weak ones again", on_click=start, args=(weak,), type="primary",
                  key="drill_again")  # fmt: skip
    else:
        st.success("No argument left weak.")


def main() -> None:
    pm, _map_name, key = current_map()
    G = pm.graph
    keep("drill_side")
    with st.sidebar:
        st.header("Drill")
        thesis = thesis_picker(G, "Thesis", "drill_thesis")
        side: Side = st.radio("Your side", ("for", "against"), key="drill_side", horizontal=True)
        option = audiences.picker(G, "Argue to")
        audience = audiences.audience_id(option)

    st.title("Drill")
    st.caption(
        f"Arguing **{side}**: “{md_escape(truncate(G.nodes[thesis]['statement'], 120))}” "
        "— answer each argument of the other side, then compare with the map's answers."
        + (f" Your judge: {md_escape(audience_title(G, option))}." if audience else "")
    )
    cards = (
        attempt(
            "The deck could not be built",
            lambda: deck_of(key, pm, thesis, side, audience),
            fatal=True,
        )
        or []
    )
    deck = {c.relation: c for c in cards}
    if not cards:
        st.info("The other side has no argument in the map: nothing to drill.")
        st.stop()
    # A new map, thesis or side starts a new session.
    if ss.get("drill_for") != (key, thesis, side, audience):
        ss.drill_for = (key, thesis, side, audience)
        start(list(deck))
    s = session()
    assert s is not None
    s.cards = [c for c in s.cards if c in deck]
    if s.done:
        summary(pm, deck, s)
    else:
        current = s.current
        assert current is not None
        card_view(pm, deck[current], s, our_claims(G, thesis, side), len(s.cards))
        score = s.score()
        if score.out_of:
            st.caption(f"Score so far: {score.points:g} of {score.out_of}")
    st.button("Start over", on_click=start, args=(list(deck),), key="drill_restart")


main()
