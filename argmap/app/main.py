"""The app's entry: page setup and navigation. ``app.py`` at the project root calls :func:`run`."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from argmap.app import classroom, panel, shared, state

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
)


def page_path(name: str) -> str:
    """The path of a page module, as ``st.Page`` and ``AppTest.switch_page`` take it."""
    return str(PAGES / f"{name}.py")


def run(maps: Path | None = None) -> None:
    """Run the app, offering the maps in ``maps`` unless $ARGMAP_MAPS_DIR names a folder."""
    if maps is not None:
        shared.DEFAULT_MAPS = maps
    st.set_page_config(page_title="argmap", layout="wide", initial_sidebar_state="expanded")
    panel.page_style()
    # No page icons: Streamlit fetches Material icons from Google, and the app must work offline.
    navigation: tuple[tuple[str, str], ...] = (*NAVIGATION, classroom.SETUP)
    if classroom.class_store() is not None:  # a class is configured: by who is signed in
        navigation = classroom.navigation(NAVIGATION, classroom.who())
        state.ss.pop(state.VERDICT_NAME, None)  # a name in a URL is no identity
    pages = [
        st.Page(str(PAGES / file), title=title, default=i == 0)
        for i, (file, title) in enumerate(navigation)
    ]
    state.keep_all()
    # Every page in view: Streamlit folds a list of more than twelve behind "View more".
    page = st.navigation(pages, expanded=True)
    if state.ss.pop("setup_done", None):  # a class was just created: its code is on Account
        st.switch_page(pages[-1])
    state.ss[state.PAGE] = page.url_path
    try:
        page.run()
    finally:  # also after st.stop(): the URL always says what is shown
        state.sync_url()
