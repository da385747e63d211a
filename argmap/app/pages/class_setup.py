"""Start a class (as ``argmap class create`` does): offered while no class exists, to the one
person using argmap on this machine, who becomes the class's instructor.

Once a class exists, everyone signs in (:mod:`argmap.app.classroom`), and further classes are
created with ``argmap class create``.
"""

from __future__ import annotations

import streamlit as st

from argmap.app import classroom
from argmap.app.shared import available_maps, maps_folder, ss
from argmap.store.classes import PASSWORD_MIN, ClassStore, Refused, Start
from argmap.store.database import StoreError
from argmap.store.verdicts import default_database_url
from argmap.view.text import md_escape


def _create() -> None:
    if classroom.class_store() is not None:
        ss.setup_error = "a class exists already: sign in, or use `argmap class create`"
        return
    if ss.get("cs_password", "") != ss.get("cs_again", ""):
        ss.setup_error = "the two passwords differ"
        return
    try:
        store = ClassStore(default_database_url(maps_folder()))
        info, session = store.create_class(
            ss.get("cs_name", ""), ss.get("cs_reference") or "", ss.get("cs_instructor", ""),
            ss.get("cs_password", ""), start=ss.get("cs_start") or Start.reference,
        )  # fmt: skip
        store.close()
    except (Refused, StoreError) as exc:
        ss.setup_error = exc.message if isinstance(exc, Refused) else str(exc)
        return
    ss.cs_password = ss.cs_again = ""
    classroom.sign_in(session)
    ss.setup_done = info.code


def main() -> None:
    st.title("Start a class")
    st.caption(
        "Students join with a code and a password of their own, work on their own copy of a "
        "reference map, and submit it; you see the whole class against the reference. Once a "
        "class exists, everyone using this argmap signs in first (you too, as its instructor). "
        "Serving students on a network is a choice you make: see docs/classes.md."
    )
    maps = list(available_maps())
    if not maps:
        st.info("Put the reference map in the maps folder first.")
        st.stop()
    with st.form("class-setup", border=True):
        st.text_input("Class name", key="cs_name", max_chars=100)
        st.selectbox("Reference map", maps, key="cs_reference")
        st.radio(
            "Students start from", [s.value for s in Start], key="cs_start", horizontal=True,
            format_func={"reference": "the whole reference map",
                         "assignment": "its question, sources and actors only"}.get,
        )  # fmt: skip
        st.text_input("Your name", key="cs_instructor", max_chars=100, value="Instructor")
        st.text_input("Your password", key="cs_password", type="password", max_chars=200,
                      help=f"At least {PASSWORD_MIN} characters.")  # fmt: skip
        st.text_input("The password again", key="cs_again", type="password", max_chars=200)
        st.form_submit_button("Create the class", type="primary", on_click=_create)
        if error := ss.pop("setup_error", None):
            st.error(md_escape(error))


main()
