"""Text helpers: map text is data, never markup (:func:`md_escape` is :mod:`argmap.text`'s)."""

from __future__ import annotations

import unicodedata

from argmap.text import md_escape

__all__ = ["fold", "md_escape", "truncate"]


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


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` for searching.

    >>> fold("Überwachung")
    'uberwachung'
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
