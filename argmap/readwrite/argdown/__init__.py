"""Argdown (the text format of the Argdown project, argdown.org) to a map and back.

Reading, every Argdown element has a place or a located warning:

- a statement (``[Title]: text``, all members of a title are one claim) becomes a claim, its
  title its id (as a slug when the title is not an id), its text statement and quote;
  ``#tags`` become tags, the innermost ``#`` heading a tag too (argmap has no groups);
- a relation (``+ - _ ><`` and their directed forms, nested by indentation) becomes a
  relation; a contradiction ``><`` becomes two attacks;
- an argument with a premise-conclusion structure (``(1) ...``, ``----``) becomes one support
  per premise of each inference step; an argument without one but with supporting
  statements (its premises) and outgoing relations becomes those relations from each
  premise, titled by the argument (its description is their note); an undercut of either
  undercuts those relations. Any other argument is a claim itself;
- front matter gives the map's title, question and description; ``{...}`` data gives the
  claim fields argmap has (``kind``, ``source``, ``actor``, ``quote``, ``note``, ...).

Writing, each claim is a statement titled by its id with its tags and a data block holding
the rest, followed by its outgoing relations (``+>``, ``->``); a relation that is undercut
becomes an argument ``<relation-id>`` with its origin as premise (``+ [from]``), its target
(``+> [to]``) and its note as description, since Argdown undercuts attack arguments; the
undercut is ``_> <relation-id>``. Relation ids and notes ride in the origin claim's data,
sources and actors in the front matter, so ``parse_argdown(generate_argdown(m))`` gives ``m``
back (relations may come in another order).

>>> result = parse_argdown('''
... [Ban]: Cities should ban cars. #policy
...   + [Air]: Cars pollute the air.
...   - <Jobs>: A ban costs jobs.
... ''', "demo.argdown")
>>> [(r.from_, r.type.value, r.to) for r in result.map.relations]
[('air', 'supports', 'ban'), ('jobs', 'attacks', 'ban')]
>>> parse_argdown(generate_argdown(result.map)).map == result.map
True
"""

from __future__ import annotations

import os

from argmap.limits import DEFAULT_LIMITS, Limits, read_limited
from argmap.readwrite.argdown.converter import parse_argdown
from argmap.readwrite.argdown.writer import generate_argdown, write_argdown
from argmap.readwrite.formats import Format
from argmap.readwrite.imported import ImportResult

__all__ = ["generate_argdown", "parse_argdown", "read_argdown", "write_argdown"]


def read_argdown(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> ImportResult:
    """Return the map in the Argdown file at ``path`` (:func:`parse_argdown` of its text; the
    file is refused at once, located, when it is over ``limits`` or not UTF-8 text)."""
    return parse_argdown(read_limited(path, limits), str(path), limits)


FORMATS = (
    Format(
        "argdown", "Argdown", (".argdown", ".ad"), "text/plain",
        "For argdown.org and its editor plug-ins: statements, arguments, relations, "
        "premise-conclusion structures.",
        keeps="claims, relations (undercuts as attacks on an inference), kinds and tags; "
        "sources, actors, quotes, values and audiences as YAML data",
        write=lambda m, view: generate_argdown(m), parse=parse_argdown,
        import_suffixes=(".argdown", ".ad", ".md"), rank=40,
    ),
)  # fmt: skip
