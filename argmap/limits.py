"""How big an input may be, and the checks that refuse a bigger one before any real work.

Every file argmap reads (a map, an import, an abstract framework, an app upload) passes
:func:`read_limited` (or :func:`check_text` for text already in memory): its size, its
encoding and its longest line are checked in linear time, and a file beyond a limit is
refused at once with a located :class:`~argmap.problems.Problem` that names the limit and
how to raise it. The parsers then check what only they can see (nesting, list lengths,
field lengths, aliases) against the same :class:`Limits`.

Lines are split in one way everywhere: at ``\\n`` (a ``\\r\\n`` counts as one break, a lone
``\\r`` too), never at the other characters :meth:`str.splitlines` breaks on (U+2028,
U+0085, form feed...). :func:`split_lines` is that one way.

>>> split_lines("a\\r\\nb\\u2028c\\rd")
['a', 'b\\u2028c', 'd']
>>> check_text("x" * 30, "big.yaml", Limits(max_line=10))
Traceback (most recent call last):
...
argmap.problems.MapFileError: big.yaml:1:11: line 1 is 30 characters long; a line may be at \
most 10 (a field holds one sentence or a paragraph; raise with --max-line)
"""

from __future__ import annotations

import gc
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from argmap.problems import MapFileError, Problem

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "check_text",
    "collection_paused",
    "decode",
    "parse_size",
    "read_bytes_limited",
    "read_limited",
    "read_source_text",
    "split_lines",
    "text_of",
]


@dataclass(frozen=True)
class Limits:
    """The most an input may hold. Each has a command-line option to raise it.

    - ``max_bytes``: file size (``--max-size``, e.g. ``64MB``);
    - ``max_line``: characters in one line (``--max-line``);
    - ``max_items``: entries in one list: claims, relations, tags... (``--max-items``);
    - ``max_text``: characters in one text field (``--max-text``);
    - ``max_depth``: nesting of lists and mappings (a map nests four deep);
    - ``max_nodes``: values in a file, each key, text, number, list and mapping once, YAML
      aliases expanded (alias bombs).
    """

    max_bytes: int = 32 * 2**20
    max_line: int = 25_000
    max_items: int = 100_000
    max_text: int = 20_000
    max_depth: int = 20
    max_nodes: int = 4_000_000

    def replace(self, **changes: int | None) -> Limits:
        """Return these limits with the given ones changed (``None`` keeps a value)."""
        values = {k: getattr(self, k) for k in self.__dataclass_fields__}
        values.update({k: v for k, v in changes.items() if v is not None})
        return Limits(**values)


DEFAULT_LIMITS = Limits()

# The one-sentence fields (statement, title, question, name) hold at most this many characters.
SENTENCE_MAX = 1_000
# Tags on one claim, authors of one source: lists a person writes by hand.
SHORT_LIST_MAX = 100

_OPTION = {
    "max_bytes": "--max-size",
    "max_line": "--max-line",
    "max_items": "--max-items",
    "max_text": "--max-text",
}


def option_for(limit: str) -> str:
    """Return the command-line option that raises ``limit`` (a :class:`Limits` field name)."""
    return _OPTION.get(limit, "")


def megabytes(n: int) -> str:
    """Return a byte count for people: ``33554432`` -> ``'32 MB'`` (MiB, as ``--max-size``)."""
    if n < 2**20:
        return f"{n / 2**10:.0f} KB"
    value = n / 2**20
    return f"{value:.0f} MB" if value >= 10 else f"{value:.1f} MB"


def parse_size(text: str) -> int:
    """Return the bytes in ``--max-size`` text: a number with an optional KB, MB or GB.

    >>> parse_size("64MB"), parse_size("500kb"), parse_size("1000")
    (67108864, 512000, 1000)
    """
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)b?\s*", text.lower())
    if not match:
        raise ValueError(f"{text!r} is not a size; write e.g. 64MB, 500KB or 1000000")
    number, unit = match.groups()
    return int(float(number) * {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}[unit])


_BREAK = re.compile(r"\r\n?")


def one_break(text: str) -> str:
    """Return ``text`` with every ``\\r\\n`` and lone ``\\r`` made ``\\n``: after this, splitting
    at ``\\n`` is :func:`split_lines`.

    >>> one_break("a\\r\\nb\\rc\\u2028d")
    'a\\nb\\nc\\u2028d'
    """
    return _BREAK.sub("\n", text) if "\r" in text else text


def split_lines(text: str) -> list[str]:
    """Return the lines of ``text``, split at ``\\n``, ``\\r\\n`` or a lone ``\\r`` only.

    Unlike :meth:`str.splitlines`, a U+2028 or U+0085 stays inside its line, as it does for
    every editor's line numbers and for the formats we read. A final break ends the last line
    (it does not start an empty one).

    >>> split_lines("p af 1\\n# c\\x85d\\n"), split_lines("")
    (['p af 1', '# c\\x85d'], [])
    """
    lines = one_break(text).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def position(text: str, index: int) -> tuple[int, int]:
    """Return the 1-based (line, column) of character ``index`` in ``text`` (lines as above).

    >>> position("ab\\ncd", 4)
    (2, 2)
    """
    line_start = max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1
    line = text.count("\n", 0, index) + 1
    if "\r" in text:
        line += len(re.findall(r"\r(?!\n)", text[:index]))
    return line, index - line_start + 1


def decode(data: bytes, name: str) -> str:
    """Return ``data`` as UTF-8 text (a leading byte-order mark dropped), or raise a
    :class:`MapFileError` at the line and column of the first byte that is not UTF-8.

    >>> decode(b"ok\\n\\xff", "x.yaml")
    Traceback (most recent call last):
    ...
    argmap.problems.MapFileError: x.yaml:2:1: not UTF-8 text: byte 0xff at byte offset 3 \
(invalid start byte); save the file as UTF-8
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8-sig", errors="replace")
        line, col = position(good, len(good))
        byte = data[exc.start]
        raise MapFileError(
            [
                Problem(
                    name,
                    line,
                    col,
                    "",
                    f"not UTF-8 text: byte 0x{byte:02x} at byte offset {exc.start} "
                    f"({exc.reason}); save the file as UTF-8",
                    "not_utf8",
                )
            ]
        ) from None


def _too_big(name: str, size: int, limits: Limits) -> MapFileError:
    return MapFileError(
        [
            Problem(
                name,
                1,
                1,
                "",
                f"the file is {megabytes(size)} ({size:,} bytes); files are limited to "
                f"{megabytes(limits.max_bytes)} (raise with --max-size, e.g. "
                f"--max-size {max(2 * limits.max_bytes, size) // 2**20 + 1}MB)",
                "too_large",
            )
        ]
    )


def read_limited(
    path: str | os.PathLike[str],
    limits: Limits = DEFAULT_LIMITS,
    name: str | None = None,
    *,
    lines: bool = True,
) -> str:
    """Return the text of the file at ``path``: :func:`read_bytes_limited`, then
    :func:`text_of` (``lines=False`` for JSON, whose lines may be as long as the file)."""
    label = name or str(path)
    return text_of(read_bytes_limited(path, limits, label), label, limits, lines=lines)


def read_bytes_limited(
    path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS, name: str | None = None
) -> bytes:
    """Return the bytes of the file at ``path``, refusing (a located :class:`MapFileError`)
    before reading: a missing file, a folder, anything that is not a regular file (a FIFO or
    a device would block or never end), and a file over ``limits.max_bytes``. At most
    ``max_bytes + 1`` bytes are ever read, so a file that grows while read is refused too.
    """
    label = name or str(path)

    def refuse(message: str) -> MapFileError:
        return MapFileError([Problem(label, 1, 1, "", message, "unreadable")])

    target = Path(path)
    try:
        info = target.stat()
    except FileNotFoundError:
        raise refuse("no such file") from None
    except OSError as exc:
        raise refuse(f"cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise refuse("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
        raise refuse(f"is {kind}, not a regular file; save the input to a file first")
    if info.st_size > limits.max_bytes:
        raise _too_big(label, info.st_size, limits)
    try:
        # O_NONBLOCK: should the path become a FIFO after the stat, opening it cannot hang.
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        raise refuse(f"cannot read: {exc.strerror}") from None
    if len(data) > limits.max_bytes:
        raise _too_big(label, len(data), limits)
    return data


def read_source_text(
    path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS, name: str | None = None
) -> str:
    """Return the text of a source's full-text file (an article to quote from), bounded as
    :func:`read_bytes_limited` reads; a byte that is not UTF-8 becomes U+FFFD instead of
    refusing the file: a PDF's extracted text is often imperfect, and it is only read.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes(b"caf\\xe9 ok")
    >>> read_source_text(p)
    'caf\\ufffd ok'
    """
    return read_bytes_limited(path, limits, name).decode("utf-8-sig", errors="replace")


def text_of(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS, *, lines: bool = True) -> str:
    """Return uploaded or read ``data`` as text, refused (located) when over ``limits`` or
    not UTF-8: the one gate for files and the app's uploads alike."""
    if len(data) > limits.max_bytes:
        raise _too_big(name, len(data), limits)
    text = decode(data, name)
    check_text(text, name, limits, sized=True, lines=lines)
    return text


def check_text(
    text: str,
    name: str,
    limits: Limits = DEFAULT_LIMITS,
    *,
    sized: bool = False,
    lines: bool = True,
) -> None:
    """Raise a located :class:`MapFileError` if ``text`` is over a size or line limit.

    Linear time: the longest line is found by one split, never by a regular expression
    that could backtrack. ``sized`` says the byte size was already checked; ``lines=False``
    skips the line limit (JSON is often one line; its fields are checked once parsed).
    """
    if not sized:
        size = len(text.encode("utf-8", errors="surrogatepass"))
        if size > limits.max_bytes:
            raise _too_big(name, size, limits)
    if not lines or len(text) <= limits.max_line:
        return
    if "\r" not in text and _longest_line(text) <= limits.max_line:
        return  # the usual case, without a list of every line
    lengths = list(map(len, split_lines(text)))
    longest = max(lengths, default=0)
    if longest > limits.max_line:
        number = lengths.index(longest) + 1
        raise MapFileError(
            [
                Problem(
                    name,
                    number,
                    limits.max_line + 1,
                    "",
                    f"line {number} is {longest:,} characters long; a line may be at most "
                    f"{limits.max_line:,} (a field holds one sentence or a paragraph; "
                    "raise with --max-line)",
                    "line_too_long",
                )
            ]
        )


_PIECE = 1 << 20


def _longest_line(text: str) -> int:
    """Return the length of the longest line of ``text``, which holds no carriage return,
    splitting it a megabyte at a time: one split of a 30 MB map made a million strings at
    once (130 MB, a tenth of reading it).

    >>> _longest_line("ab\\nabcd\\n" * 300_000 + "x")
    4
    """
    longest, start, end = 0, 0, len(text)
    while start < end:
        cut = text.find("\n", min(start + _PIECE, end))
        stop = end if cut == -1 else cut
        longest = max(longest, *map(len, text[start:stop].split("\n")))
        start = stop + 1
    return longest


def text_too_long(length: int, limits: Limits) -> str:
    """The message for a text field over ``limits.max_text`` characters."""
    return (
        f"a text of {length:,} characters; a field holds at most {limits.max_text:,} "
        "(shorten it, or raise with --max-text)"
    )


def too_many_items(length: int, limits: Limits) -> str:
    """The message for a list over ``limits.max_items`` entries."""
    return (
        f"a list of {length:,} entries; a list holds at most {limits.max_items:,} "
        "(raise with --max-items)"
    )


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a big structure is built (a context
    manager, or a decorator); the collector runs again when the outermost pause ends.

    CPython starts a collection every few hundred new containers, and a full one each time
    the heap has grown by a quarter, and each walks every object alive. Reading a map and
    building its model, graph, framework and strengths makes millions of dicts, lists and
    tuples and no reference cycles, so at 100k claims the collector cost more than the work
    itself, and more per claim the bigger the map (Mercurial pauses it for the same reason).

    >>> with collection_paused():
    ...     gc.isenabled()
    False
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
