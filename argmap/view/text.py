"""Text helpers: map text is data, never markup (:func:`md_escape` is :mod:`argmap.text`'s)."""

from __future__ import annotations

import unicodedata

from argmap.text import ITEM, md_escape

__all__ = ["fold", "md_blocks", "md_escape", "truncate"]


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


def md_blocks(lines: list[str]) -> list[str]:
    r"""Return plain-text ``lines`` as Markdown blocks to show one by one: each line escaped,
    and a run of lines starting with :data:`argmap.text.ITEM` ("• ") made one list (a list is
    tighter than paragraphs).

    >>> md_blocks(["Whenever", "• a", "• b"])
    ['Whenever', '- a\n- b']
    """
    blocks: list[str] = []
    items: list[str] = []
    for line in [*lines, ""]:
        if line.startswith(ITEM):
            items.append("- " + md_escape(line.removeprefix(ITEM)))
            continue
        if items:
            blocks.append("\n".join(items))
            items = []
        if line:
            blocks.append(md_escape(line))
    return blocks
