"""Map text put into Markdown as text, never markup: the one escaper, for the app and briefs.

>>> md_escape("<b>*hi*</b> $5")
'\\\\<b\\\\>\\\\*hi\\\\*\\\\<\\\\/b\\\\> \\\\$5'
>>> md_escape("<b>*hi*</b> $5, 1-2", readable=True)
'\\\\<b\\\\>\\\\*hi\\\\*\\\\</b\\\\> \\\\$5, 1-2'
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping

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
