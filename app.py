"""argmap's app: explore a map, then prepare a debate or a seminar from it.

A thin shell: each page lives in app_pages/, and everything they compute is argmap's.
Run: ``.venv/bin/streamlit run app.py`` (works with no network).
"""

import streamlit as st

from argmap.view import panel

st.set_page_config(page_title="argmap", layout="wide", initial_sidebar_state="expanded")
panel.page_style()
# No page icons: Streamlit fetches Material icons from Google, and the app must work offline.
pages = [
    st.Page("app_pages/map.py", title="Map", default=True),
    st.Page("app_pages/brief.py", title="Brief"),
    st.Page("app_pages/drill.py", title="Drill"),
    st.Page("app_pages/discussion.py", title="Discussion"),
    st.Page("app_pages/stepthrough.py", title="Step-through"),
    st.Page("app_pages/sources.py", title="Sources and actors"),
    st.Page("app_pages/verdicts.py", title="Class verdicts"),
    st.Page("app_pages/edit.py", title="Edit"),
    st.Page("app_pages/exchange.py", title="Import and export"),
]
st.navigation(pages).run()
