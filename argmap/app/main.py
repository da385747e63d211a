"""The app's entry: page setup and navigation. ``app.py`` at the project root calls :func:`run`."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from argmap.app import classroom, panel, shared, state
from argmap.view.guide import HOW_TO_READ

PAGES = Path(__file__).with_name("pages")

# (file, title); the first is the default page.
NAVIGATION = (
    ("map.py", "Map"),
    ("outline.py", "Outline"),
    ("values.py", "Values"),
    ("brief.py", "Brief"),
    ("drill.py", "Drill"),
    ("discussion.py", "Discussion"),
    ("stepthrough.py", "Step-through"),
    ("sources.py", "Sources and actors"),
    ("verdicts.py", "Class verdicts"),
    ("compare.py", "Compare maps"),
    ("newmap.py", "New map"),
    ("read.py", "Read"),
    ("edit.py", "Edit"),
    ("exchange.py", "Import and export"),
    ("glossary.py", "Glossary"),
)


PHONE_FIRST = "outline.py"  # a phone opens on the outline: the graph needs a wider screen


def is_phone(user_agent: str) -> bool:
    """Whether a browser's User-Agent names a phone (tablets and computers are not).

    >>> is_phone("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148")
    True
    >>> is_phone("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Safari/537.36")
    False
    """
    return "Mobi" in user_agent or "iPhone" in user_agent


def page_path(name: str) -> str:
    """The path of a page module, as ``st.Page`` and ``AppTest.switch_page`` take it."""
    return str(PAGES / f"{name}.py")


def run(maps: Path | None = None) -> None:
    """Run the app, offering the maps in ``maps`` unless $ARGMAP_MAPS_DIR names a folder."""
    if maps is not None:
        shared.DEFAULT_MAPS = maps
    phone = is_phone(str(st.context.headers.get("User-Agent", "")))
    st.set_page_config(page_title="argmap", layout="wide",
                       initial_sidebar_state="collapsed" if phone else "expanded")  # fmt: skip
    panel.page_style()
    # No page icons: Streamlit fetches Material icons from Google, and the app must work offline.
    navigation: tuple[tuple[str, str], ...] = (*NAVIGATION, classroom.SETUP)
    if classroom.class_store() is not None:  # a class is configured: by who is signed in
        navigation = classroom.navigation(NAVIGATION, classroom.who())
        state.ss.pop(state.VERDICT_NAME, None)  # a name in a URL is no identity
        classroom.remember()
    files = [file for file, _ in navigation]
    first = PHONE_FIRST if phone and PHONE_FIRST in files else files[0]
    pages = [
        st.Page(str(PAGES / file), title=title, default=file == first) for file, title in navigation
    ]
    state.keep_all()
    # Every page in view: Streamlit folds a list of more than twelve behind "View more".
    page = st.navigation(pages, expanded=True)
    if state.ss.pop("setup_done", None):  # a class was just created: its code is on Account
        st.switch_page(pages[-1])
    state.ss[state.PAGE] = page.url_path
    with st.sidebar.popover("How to read this map", width="stretch"):
        st.markdown(HOW_TO_READ)  # one click away on every page
    try:
        page.run()
    finally:  # also after st.stop(): the URL always says what is shown
        state.sync_url()
