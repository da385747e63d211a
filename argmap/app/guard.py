"""The one page guard: a fault in one part of a page says what failed and keeps the rest up."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from argmap.view.text import md_escape

T = TypeVar("T")
_log = logging.getLogger("argmap.app")


def attempt(what: str, compute: Callable[[], T], *, fatal: bool = False) -> T | None:
    """Return ``compute()``; if it raises, say ``what: the error`` on the page and return
    ``None`` (or, when ``fatal``, stop the page there: nothing after it can be shown).

    The traceback goes to the server's log, never to the page. The app's pages catch faults
    here and nowhere else.
    """
    try:
        return compute()
    except Exception as exc:
        _log.exception("%s", what)
        message = md_escape(f"{what}: {exc}")
        if fatal:
            st.error(message)
            st.stop()
        st.info(message)
        return None
