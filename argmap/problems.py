"""argmap's one error model, after pydantic's: errors are data.

A :class:`Problem` has a stable ``type`` (``"missing"``, ``"extra_forbidden"``,
``"reference"``, ``"yaml_syntax"``, ``"too_large"``, ...), a ``loc`` (the path of the field in
the map, as a tuple: ``("claims", 3, "source")``), a ``message`` for people, and where it is
in the file (``file:line:col``). Every reader, the editor and the CLI report problems this way;
the text a person reads is rendered at the edge (:meth:`Problem.__str__`).

>>> p = Problem.at("m.yaml", 4, 7, ("claims", 3, "source"), "unknown source 'x'", "reference")
>>> str(p)
"m.yaml:4:7: claims[3].source: unknown source 'x'"
>>> p.as_dict()["loc"]
['claims', 3, 'source']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

Loc = tuple[str | int, ...]


def loc_text(loc: Sequence[str | int]) -> str:
    """Return a location as people read it: ``claims[3].source``.

    >>> loc_text(("audiences", 0, "ranking", 1))
    'audiences[0].ranking[1]'
    """
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a file, at a 1-based line and column.

    ``path`` names the field in the map (``claims[3].source``, rendered from ``loc``); it is
    empty for problems that have no field, such as YAML syntax errors. ``type`` says what
    kind of problem it is, for code; ``message`` says what is wrong and how to fix it, for
    people. Problems sort in file order.
    """

    file: str
    line: int
    col: int
    path: str
    message: str
    type: str = field(default="value_error", compare=False)
    loc: Loc = field(default=(), compare=False)

    @classmethod
    def at(
        cls, file: str, line: int, col: int, loc: Sequence[str | int], message: str, type: str
    ) -> Problem:
        """Return a problem at ``file:line:col`` in the field ``loc``."""
        return cls(file, line, col, loc_text(loc), message, type, tuple(loc))

    def as_dict(self) -> dict[str, Any]:
        """Return the problem as JSON-ready data, shaped like a pydantic error."""
        return {
            "type": self.type,
            "loc": list(self.loc),
            "msg": self.message,
            "file": self.file,
            "line": self.line,
            "col": self.col,
        }

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class MapFileError(ValueError):
    """A file that cannot be used; ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
