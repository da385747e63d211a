"""Map text put into Markdown as text, never markup: the one escaper, for the app and briefs.

>>> md_escape("<b>*hi*</b> $5")
'\\\\<b\\\\>\\\\*hi\\\\*\\\\<\\\\/b\\\\> \\\\$5'
>>> md_escape("<b>*hi*</b> $5, 1-2", readable=True)
'\\\\<b\\\\>\\\\*hi\\\\*\\\\</b\\\\> \\\\$5, 1-2'
"""

from __future__ import annotations

import functools
import re
import string
import textwrap
from collections.abc import Mapping

# How plain-text lines mark one item of a list (analysis writes them, the CLI prints them as
# they are, and argmap.view.text.md_blocks makes a run of them one Markdown list).
ITEM = "• "

# CommonMark lets any ASCII punctuation be escaped, so escaping all of it is always safe.
_EVERY_MARK = re.compile("([" + re.escape(string.punctuation) + "])")
# A brief is also read raw: there only the marks that start markup (HTML, emphasis, links,
# code, tables, maths) are escaped, so "1-2" and "U.S." stay as written.
_MARKUP_MARKS = re.compile(r"([\\`*_\[\]<>|~#$])")


def md_escape(text: str, *, readable: bool = False) -> str:
    r"""Return ``text`` as literal Markdown on one line (runs of white space become one space).

    Every ASCII punctuation mark is backslash-escaped, so ``<script>`` stays text, ``*``
    stays a star and ``$`` never starts maths; with ``readable``, only the marks that can
    start markup, for Markdown that people also read as plain text.
    """
    marks = _MARKUP_MARKS if readable else _EVERY_MARK
    return marks.sub(r"\\\1", " ".join(text.split()))


# Characters that are not text and change what a reader sees: C0 controls but tab and line
# feed (ESC starts terminal sequences, BEL ends them, NUL breaks XML), DEL, C1 controls, and
# the bidirectional embeddings, overrides and isolates that reorder the text around them
# ("Trojan Source", CVE-2021-42574), and what XML cannot hold (lone surrogates, U+FFFE,
# U+FFFF). Marks (U+200E, U+200F) stay: they reorder nothing.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_NAMES = {
    "\x00": "NUL", "\x07": "BEL (bell)", "\x08": "backspace", "\x0b": "vertical tab",
    "\x0c": "form feed", "\x0d": "carriage return", "\x1b": "ESC (escape)", "\x7f": "DEL",
    "\u202a": "left-to-right embedding", "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting", "\u202d": "left-to-right override",
    "\u202e": "right-to-left override", "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate", "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
}  # fmt: skip


def character_name(char: str) -> str:
    """Return ``U+XXXX`` and, when it has one, the name people know a character by.

    >>> character_name("\\x1b"), character_name("\\u202e"), character_name("\\x01")
    ('U+001B (ESC (escape))', 'U+202E (right-to-left override)', 'U+0001 (a control character)')
    """
    return f"U+{ord(char):04X} ({_NAMES.get(char, 'a control character')})"


def unsafe_message(text: str) -> str | None:
    """Return what is wrong with ``text`` if it holds an :data:`UNSAFE` character, else None.

    >>> unsafe_message("fine, with\\ta tab"), unsafe_message("bell\\x07")
    (None, 'a U+0007 (BEL (bell)) character at column 5: not text; remove it')
    """
    match = UNSAFE.search(text)
    if match is None:
        return None
    return (
        f"a {character_name(match.group())} character at column {match.start() + 1}: "
        "not text; remove it"
    )


def visible(text: str) -> str:
    """Return ``text`` with each :data:`UNSAFE` character shown as ``<U+XXXX>``: what a
    terminal, a spreadsheet or a Word file is given, so none can act on it.

    >>> visible("title\\x1b]0;owned\\x07 \\u202etxt.exe")
    'title<U+001B>]0;owned<U+0007> <U+202E>txt.exe'
    """
    if UNSAFE.search(text) is None:
        return text
    return UNSAFE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


_TERMINAL_UNSAFE = re.compile(
    "\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


# The colours and weights the command line's own styling writes (click.style: SGR codes for
# bold, dim, underline, reverse and the colours, and their resets); never 8, which hides text.
_COLOUR = re.compile(r"\x1b\[(?:(?:[0-7]|2[1-7]|3[0-79]|4[0-79]|9[0-7]|10[0-7]|[34]8;5;\d{1,3}"
                     r"|[34]8;2;\d{1,3};\d{1,3};\d{1,3});?)*m")  # fmt: skip


def terminal_safe(text: str, *, colours: bool = False) -> str:
    """Return ``text`` as :func:`visible` makes it, but for the ``\\r\\n`` line ends a CSV
    writes: what argmap's command line prints, so no map, file name or message can move the
    cursor, set a window title (OSC ... BEL) or reorder a line on a terminal. With
    ``colours``, the colour and weight codes the command line's own styling writes stay.

    >>> terminal_safe("a,b\\r\\n\\x1b[2Jc\\rd")
    'a,b\\r\\n<U+001B>[2Jc<U+000D>d'
    >>> terminal_safe("\\x1b[31mred\\x1b[0m \\x1b]0;title\\x07 \\x1b[8mhid", colours=True)
    '\\x1b[31mred\\x1b[0m <U+001B>]0;title<U+0007> <U+001B>[8mhid'
    """
    if _TERMINAL_UNSAFE.search(text) is None:
        return text
    if colours and "\x1b[" in text:
        parts = _COLOUR.split(text)
        codes = _COLOUR.findall(text)
        safe = [terminal_safe(part) for part in parts]
        return "".join(p + c for p, c in zip(safe, [*codes, ""], strict=True))
    return _TERMINAL_UNSAFE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


# A cell starting with one of these is a formula (or becomes one) to a spreadsheet (OWASP's
# CSV injection advice); map text is data.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str) -> str:
    """Return ``text`` as a spreadsheet cell that no spreadsheet evaluates: the one place
    every CSV and XLSX argmap writes neutralises text (a single quote before a leading
    ``= + - @``, tab or carriage return, as OWASP advises). A carriage return inside the
    text becomes a line feed: Python's CSV writer quotes a field holding a line feed but
    not one holding a lone carriage return, which a reader would take for the row's end
    (and the next row's first cell could then be a formula).

    >>> spreadsheet_cell("=HYPERLINK(1)"), spreadsheet_cell("-2"), spreadsheet_cell("ok")
    ("'=HYPERLINK(1)", "'-2", 'ok')
    >>> spreadsheet_cell("a\\r=1+1"), spreadsheet_cell("\\r@x")
    ('a\\n=1+1', "'\\n@x")
    """
    if text.startswith(FORMULA_START):
        text = "'" + text
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def spreadsheet_row(row: Mapping[str, object]) -> dict[str, object]:
    """Return a table row (for a data frame a person can download as CSV) with every text
    value passed through :func:`spreadsheet_cell`; numbers stay numbers.

    >>> spreadsheet_row({"name": "@me", "votes": 3})
    {'name': "'@me", 'votes': 3}
    """
    return {k: spreadsheet_cell(v) if isinstance(v, str) else v for k, v in row.items()}


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
