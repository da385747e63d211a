"""The `argmap` command line: everything the app does, without the app.

One module per group of commands (maps, weighing, products, classes, serve), each adding
its commands to the one Typer app of :mod:`argmap.cli.common`, which also holds the options
they share. Heavy modules (pydantic, networkx, Streamlit) are imported inside the commands
that need them, so a command that does not use them starts fast.
"""

from __future__ import annotations

import gc
import sys
from typing import TextIO

from argmap.cli.common import _add_limit_options, app

# isort: off
# Importing a group registers its commands on the app, in this order in --help.
from argmap.cli import maps, weighing, products, classes, serve  # noqa: F401
from argmap.cli.serve import streamlit_command

# isort: on

__all__ = ["app", "main", "streamlit_command"]

_add_limit_options()  # after every command is registered: the limit options go on each


class _TerminalSafe:
    """A text stream that writes what it is given through :func:`argmap.text.terminal_safe`:
    every line argmap prints (maps' text, file names, messages) reaches the terminal as
    text, never as a control sequence. Everything else is the wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from argmap.text import terminal_safe

        # Colours are kept: click writes them only to a terminal, around escaped text.
        return self._stream.write(terminal_safe(text, colours=True))

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def main() -> None:
    sys.stdout = _TerminalSafe(sys.stdout)
    sys.stderr = _TerminalSafe(sys.stderr)
    # A command builds a map's objects at once and keeps them to its end; at the cyclic
    # collector's default pace (a pass per 700 new objects) it re-scans them again and again,
    # a fifth of `label`'s time on 20,000 claims. Reference counting still frees the rest.
    gc.set_threshold(100_000, 50, 100)
    app()
