"""The glossary page: how to read a map, and the words the app uses, in plain English, with
the formal names in a disclosure (argmap.view.guide holds the words)."""

from __future__ import annotations

import streamlit as st

from argmap.view.guide import GLOSSARY, HOW_TO_READ
from argmap.view.text import md_escape

st.title("Glossary")
st.subheader("How to read this map")
st.markdown(HOW_TO_READ)
st.subheader("Words")
for term in GLOSSARY:
    st.markdown(f"**{md_escape(term.word)}**: {md_escape(term.means)}")
with st.expander("Details: the formal names"):
    st.markdown(
        "\n".join(f"- {md_escape(t.word)}: {md_escape(t.formal)}" for t in GLOSSARY if t.formal)
    )
    st.caption("docs/semantics.md explains each, with worked examples.")
