"""Classes in the app: who is signed in, which pages they get, and a student's own copy.

With no class in the database (:func:`class_store` is None) the app is what it always was:
one person, every page. Once an instructor has created a class (``argmap class create``),
everyone signs in first; a student gets the reading pages and "My map" (the Edit page on
their own copy), never the Edit page on the maps folder nor Import; the instructor also gets
the Class page. Who may do what is decided by :class:`~argmap.store.classes.ClassStore`: the
session holds only the store's token, and every call is checked against it.

A reload keeps one signed in: the token also goes into a cookie (``argmap_session``: this
site's pages only, ``SameSite=Strict``, ``Secure`` over HTTPS, gone when the browser closes),
which a new session of the same browser reads back (:func:`who`) and the store checks like
any token. Signing out ends the token in the store and clears the cookie.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from argmap.app.shared import maps_folder, ss
from argmap.store.classes import ClassStore, Refused, Role, Session, start_text
from argmap.store.copies import CopyEditor
from argmap.store.database import StoreError, plain_message
from argmap.store.verdicts import default_database_url
from argmap.view.text import md_escape

SESSION = "class_session"  # the signed-in Session (its token is what the store checks)
COOKIE = "argmap_session"  # the same token in the browser, so a reload stays signed in
_COOKIE_WRITE = "class_cookie"  # the token to put in the cookie on this run ("" clears it)
# Pages a student may not open: the maps folder's editor and the import that writes into it.
# Pages that write into the maps folder: only the instructor's, when a class is configured.
INSTRUCTOR_ONLY = ("edit.py", "exchange.py", "newmap.py", "read.py")
SETUP = ("class_setup.py", "Start a class")  # offered while no class exists


@st.cache_resource(show_spinner=False)
def _store(url: str) -> ClassStore:
    """One class store (and connection pool) per database for the whole server."""
    return ClassStore(url)


def class_store() -> ClassStore | None:
    """The class store when a class is configured (a class exists), else None.

    The default SQLite file is never created just to look: no file, no class.
    """
    url = default_database_url(maps_folder())
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return None
    try:
        store = _store(url)
        return store if store.has_classes() else None
    except (StoreError, SQLAlchemyError, Refused) as exc:
        # In plain words, never the SQL: the database is down or refuses.
        if isinstance(exc, SQLAlchemyError):
            message = plain_message(exc, "read classes")
        else:
            message = exc.message if isinstance(exc, Refused) else str(exc)
        st.error(md_escape(f"The class database cannot be used: {message}"))
        st.stop()


def who() -> Session | None:
    """The signed-in person as the store knows them, or None (an ended session is dropped).

    A new session (a reload) takes the token from the browser's cookie, if it has one.
    """
    store = class_store()
    if store is None:
        return None
    session, from_cookie = ss.get(SESSION), False
    if session is None and (token := st.context.cookies.get(COOKIE)):
        session, from_cookie = Session(token, "", Role.student, 0), True  # the store says who
    if session is None:
        return None
    try:
        known = store.whoami(session)
    except Refused as exc:
        if exc.type == "database":
            st.error(md_escape(f"The class database cannot be used: {exc.message}"))
            st.stop()
        ss.pop(SESSION, None)
        if from_cookie:
            ss[_COOKIE_WRITE] = ""  # an ended session's token: forget it
        return None
    ss[SESSION] = known
    return known


def remember() -> None:
    """Put the signed-in token into the browser's cookie, or clear it after signing out,
    when this run asks to (a script in an invisible frame of this site: Streamlit has no
    other way to set a cookie)."""
    if _COOKIE_WRITE not in ss:
        return
    import json

    import streamlit.components.v1 as components

    token = str(ss.pop(_COOKIE_WRITE))
    ending = "" if token else "; max-age=0"
    components.html(
        "<script>const secure = location.protocol === 'https:' ? '; Secure' : '';"
        f"document.cookie = {json.dumps(f'{COOKIE}={token}; path=/; SameSite=Strict{ending}')}"
        " + secure;</script>",
        height=0,
    )


def navigation(
    pages: tuple[tuple[str, str], ...], person: Session | None
) -> tuple[tuple[str, str], ...]:
    """The pages ``person`` may open, when a class is configured: (file, title), default first.

    >>> pages = (("map.py", "Map"), ("edit.py", "Edit"), ("exchange.py", "Import"))
    >>> navigation(pages, None)
    (('signin.py', 'Sign in'),)
    >>> [t for _, t in navigation(pages, Session("t", "Ada", Role.student, 1))]
    ['Map', 'My map', 'Account']
    """
    if person is None:
        return (("signin.py", "Sign in"),)
    if person.role is Role.student:
        reading = tuple(p for p in pages if p[0] not in INSTRUCTOR_ONLY)
        return (*reading, ("edit.py", "My map"), ("signin.py", "Account"))
    return (*pages, ("class_map.py", "Class map"), ("signin.py", "Account"))


def may_edit_maps() -> bool:
    """Whether this session may change the maps folder: with no class, anyone (one person on
    their own machine); with a class, only its instructor."""
    if class_store() is None:
        return True
    person = who()
    return person is not None and person.role is Role.instructor


def sign_in(session: Session) -> None:
    ss[SESSION] = session
    ss[_COOKIE_WRITE] = session.token
    for key in ("editors", "editor", "my_copy"):  # nothing of a previous person's stays
        ss.pop(key, None)


def sign_out() -> None:
    store, session = class_store(), ss.pop(SESSION, None)
    if store is not None and session is not None:
        store.sign_out(session)
    ss[_COOKIE_WRITE] = ""
    for key in ("editors", "editor", "my_copy"):
        ss.pop(key, None)


def refused(exc: Refused) -> None:
    st.error(md_escape(exc.message))


# ----------------------------------------------------------------------------- My map
def _start(store: ClassStore, person: Session) -> None:
    try:
        store.start_copy(person, start_text(store.class_of(person), maps_folder()))
    except Refused as exc:
        ss.copy_notice = ("error", exc.message)


def _undo(store: ClassStore, person: Session) -> None:
    ed: CopyEditor = ss.my_copy
    try:
        version = store.undo(person, seen=ed.number)
    except Refused as exc:
        ss.copy_notice = ("error", exc.message)
        return
    ed.reload()
    ss.edit_gen = ss.get("edit_gen", 0) + 1
    ss.copy_notice = ("info", f"Version {version.number}: {version.note}.")


def _submit(store: ClassStore, person: Session) -> None:
    ed: CopyEditor = ss.my_copy
    try:
        number = store.submit(person, ed.number)
    except Refused as exc:
        ss.copy_notice = ("error", exc.message)
        return
    ss.copy_notice = ("success", f"Submitted version {number} to your instructor.")


def my_copy() -> CopyEditor | None:
    """For a signed-in student, draw their copy's bar (start, versions, undo, submit) and
    return the editor of their copy for the Edit page; None for anyone else.

    Stops the page when the copy is not started yet (the bar offers to start it).
    """
    person = who()
    store = class_store()
    if person is None or store is None or person.role is not Role.student:
        return None
    info = store.class_of(person)
    st.title("My map")
    notice = ss.pop("copy_notice", None)
    if notice:
        getattr(st, notice[0])(md_escape(notice[1]))
    latest = store.latest(person)
    if latest is None:
        whole = info.start == "reference"
        how = (
            "It starts as the whole reference map: change it, argue with it, add to it."
            if whole
            else "It starts with the map's question, sources and actors only: the claims and "
            "relations are yours to find."
        )
        st.info(md_escape(f"Your own copy of {info.reference}, for {info.name}. {how}"))
        st.button("Start my copy", key="copy-start", type="primary",
                  on_click=_start, args=(store, person))  # fmt: skip
        st.stop()
    ed: CopyEditor | None = ss.get("my_copy")
    if ed is None or ed.who is None or ed.who.token != person.token:
        ed = ss.my_copy = CopyEditor.open_copy(store, person)
    elif ed.number != latest.number and not ed.dirty:
        ed.reload()  # saved elsewhere (another tab) and nothing of ours pending
        ss.edit_gen = ss.get("edit_gen", 0) + 1
    submitted = store.submitted(person)
    bar = st.container(horizontal=True, vertical_alignment="center")
    bar.button(
        "Go back one version", key="copy-undo", disabled=ed.dirty or ed.number < 2,
        on_click=_undo, args=(store, person),
        help="Saves the version before this one as a new version: nothing is lost.",
    )  # fmt: skip
    bar.button(
        f"Submit version {ed.number}", key="copy-submit",
        disabled=ed.dirty or submitted == ed.number,
        on_click=_submit, args=(store, person),
        help="Hand this version in: your instructor sees it, even if you keep editing.",
    )  # fmt: skip
    bar.caption(
        md_escape(f"{info.name} · version {ed.number}")
        + (f" · submitted version {submitted}" if submitted else " · not submitted yet")
    )
    st.download_button(
        f"Download version {latest.number}", latest.text.encode("utf-8"), key="copy-download",
        file_name=f"my-copy-v{latest.number}.yaml", mime="application/yaml", on_click="ignore",
        help="To see it drawn: open it on the Map page with 'Or open a map file'.",
    )  # fmt: skip
    with st.expander(f"History ({latest.number} version{'s' if latest.number != 1 else ''})"):
        for v in reversed(store.history(person)[-30:]):
            mark = " · **submitted**" if v.number == submitted else ""
            st.markdown(md_escape(f"{v.number}. {v.saved_at:%Y-%m-%d %H:%M} UTC — {v.note}") + mark)
    return ed
