"""Text helpers: map text is data, never markup (:func:`md_escape` is :mod:`argmap.text`'s)."""

from __future__ import annotations

import functools
import textwrap
import unicodedata

from argmap.text import md_escape

__all__ = ["fold", "md_escape", "truncate", "wrap_label"]


def truncate(text: str, limit: int) -> str:
    """Shorten ``text`` to at most ``limit`` characters, ending with an ellipsis when cut.

    >>> truncate("one two three", 9)
    'one two…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:.") + "…"


@functools.lru_cache(maxsize=1 << 16)  # a big map's labels are wrapped once, not every rerun
def wrap_label(text: str, width: int, lines: int) -> tuple[str, bool]:
    """Wrap ``text`` into at most ``lines`` lines of ``width`` characters for a graph node.

    Returns the label and whether it was shortened.

    >>> wrap_label("Treaties need trust between the parties", 16, 2)
    ('Treaties need\\ntrust between…', True)
    """
    wrapped = textwrap.wrap(" ".join(text.split()), width, break_long_words=True)
    if len(wrapped) <= lines:
        return "\n".join(wrapped), False
    kept = wrapped[:lines]
    last = kept[-1]
    if len(last) >= width:
        last = last[: width - 1].rsplit(" ", 1)[0] if " " in last else last[: width - 1]
    kept[-1] = last.rstrip(" ,;:.") + "…"
    return "\n".join(kept), True


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` for searching.

    >>> fold("Überwachung")
    'uberwachung'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
