"""The one page guard: a fault says what failed, in a line, and the rest of the page stays."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from argmap.view.text import md_escape


def _page() -> None:
    import streamlit as st

    from argmap.app.guard import attempt

    labels = attempt("Claims are not labelled", lambda: 1 // 0)
    st.markdown(f"drawn anyway, labels {labels}")
    st.markdown(f"and this too: {attempt('Never shown', lambda: 2)}")
    attempt("The brief could not be built", lambda: {}["x"], fatal=True)
    st.markdown("never reached")


def test_a_fault_is_one_line_and_the_page_goes_on() -> None:
    at = AppTest.from_function(_page).run()
    assert not at.exception
    # Escaped as Markdown: the message is text, never markup.
    expected = md_escape("Claims are not labelled: integer division or modulo by zero")
    assert [i.value for i in at.info] == [expected]
    shown = [m.value for m in at.markdown]
    assert "drawn anyway, labels None" in shown and "and this too: 2" in shown
    # A fatal fault stops the page there, with an error naming what failed.
    assert [e.value for e in at.error] == [md_escape("The brief could not be built: 'x'")]
    assert "never reached" not in shown
