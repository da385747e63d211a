"""Sign in, join a class, or (signed in) see who you are and sign out.

Shown only when a class is configured. A student joins with the class's code, a name and a
password of their own; after that they sign in with the same three. The instructor signs in
the same way with the password given to ``argmap class create``.
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitAPIException

from argmap.app import classroom
from argmap.app.shared import ss
from argmap.store.classes import PASSWORD_MIN, Refused, Role
from argmap.view.text import md_escape


def _sign_in() -> None:
    store = classroom.class_store()
    if store is None:
        return
    try:
        session = store.sign_in(ss.get("si_code", ""), ss.get("si_name", ""),
                                ss.get("si_password", ""))  # fmt: skip
    except Refused as exc:
        ss.signin_error = exc.message
        return
    ss.si_password = ""
    classroom.sign_in(session)


def _join() -> None:
    store = classroom.class_store()
    if store is None:
        return
    password = ss.get("jn_password", "")
    if password != ss.get("jn_again", ""):
        ss.join_error = "the two passwords differ"
        return
    try:
        session = store.join(ss.get("jn_code", ""), ss.get("jn_name", ""), password)
    except Refused as exc:
        ss.join_error = exc.message
        return
    ss.jn_password = ss.jn_again = ""
    classroom.sign_in(session)


def university_configured() -> bool:
    """Whether an OpenID Connect provider is configured (an ``[auth]`` section in
    ``.streamlit/secrets.toml``): then Streamlit's own sign-in is offered beside passwords."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, StreamlitAPIException):  # no secrets file: local accounts only
        return False


def _enter_as_university_user() -> None:
    store = classroom.class_store()
    user = st.user
    if store is None or not user.get("is_logged_in", False):
        return
    name = str(user.get("name") or user.get("email") or "student")
    try:
        session = store.sign_in_external(ss.get("uni_code", ""), str(user.get("sub", "")), name)
    except Refused as exc:
        ss.uni_error = exc.message
        return
    classroom.sign_in(session)


def university() -> None:
    """Sign-in through the university's identity provider (see docs/classes.md)."""
    if not st.user.get("is_logged_in", False):
        st.button("Sign in with your university", key="uni-login", type="primary",
                  on_click=st.login)  # fmt: skip
        return
    who = st.user.get("name") or st.user.get("email") or "you"
    st.caption(md_escape(f"Your university says this is {who}. Enter your class's code."))
    with st.form("uni-form", border=True):
        st.text_input("Class code", key="uni_code", max_chars=20)
        st.form_submit_button("Enter the class", type="primary", on_click=_enter_as_university_user)
        if error := ss.pop("uni_error", None):
            st.error(md_escape(error))
    st.button("Sign out of the university", key="uni-logout", on_click=st.logout)


def account() -> None:
    person = classroom.who()
    store = classroom.class_store()
    if person is None or store is None:
        return
    info = store.class_of(person)
    st.title("Account")
    role = "instructor" if person.role is Role.instructor else "student"
    st.markdown(md_escape(f"Signed in as {person.name}, {role} of {info.name} "
                          f"(reference map: {info.reference})."))  # fmt: skip
    if person.role is Role.instructor:
        st.markdown(f"Join code for students: **{md_escape(info.code)}**")
    st.button("Sign out", key="signout", on_click=classroom.sign_out)
    if st.user.get("is_logged_in", False):  # signed in through the university as well
        st.button("Sign out of the university too", key="signout-uni", on_click=st.logout)
    st.stop()


def main() -> None:
    account()
    st.title("Sign in")
    st.caption("This argmap serves a class: sign in with your class's join code, your name and "
               "your password. New here? Join with the code your instructor gave you.")  # fmt: skip
    names = ["Sign in", "Join a class"]
    uni = university_configured()
    tabs = st.tabs(["University sign-in", *names] if uni else names)
    if uni:
        with tabs[0]:
            university()
    sign_in, join = tabs[-2:]
    with sign_in, st.form("signin-form", border=True):
        st.text_input("Class code", key="si_code", max_chars=20)
        st.text_input("Your name", key="si_name", max_chars=100)
        st.text_input("Password", key="si_password", type="password", max_chars=200)
        st.form_submit_button("Sign in", type="primary", on_click=_sign_in)
        if error := ss.pop("signin_error", None):
            st.error(md_escape(error))
    with join, st.form("join-form", border=True):
        st.text_input("Class code", key="jn_code", max_chars=20)
        st.text_input("Your name", key="jn_name", max_chars=100,
                      help="As your instructor will see it; unique in the class.")  # fmt: skip
        st.text_input("Choose a password", key="jn_password", type="password", max_chars=200,
                      help=f"At least {PASSWORD_MIN} characters.")  # fmt: skip
        st.text_input("The password again", key="jn_again", type="password", max_chars=200)
        st.form_submit_button("Join", type="primary", on_click=_join)
        if error := ss.pop("join_error", None):
            st.error(md_escape(error))


main()
