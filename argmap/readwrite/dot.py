"""The map as Graphviz DOT text (rendering it, e.g. to SVG, happens elsewhere).

Claims are boxes labelled with their wrapped statements (theses bold-bordered); supports
are solid green edges, attacks dashed red ones. DOT has no edge to an edge, so a relation
that is undercut passes through a small point node named after it, and the undercut is a
dotted edge to that point. Every label and id is a quoted DOT string with quotes,
backslashes and line breaks escaped, so any text is safe.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": 'A "quoted" map', "question": "Q?",
...     "sources": [{"id": "s", "title": "S", "kind": "article"}],
...     "actors": [{"id": "a", "name": "A", "kind": "person"}],
...     "claims": [{"id": i, "statement": f"Claim {i}", "source": "s", "actor": "a",
...                 "quote": "q"} for i in ("x", "y", "z")],
...     "relations": [{"id": "r1", "type": "supports", "from": "y", "to": "x"},
...                   {"id": "r2", "type": "undercuts", "from": "z", "to": "r1"}]})
>>> print(generate_dot(m))  # doctest: +NORMALIZE_WHITESPACE
digraph "argmap" {
  graph [label="A \\"quoted\\" map", labelloc=t, rankdir=BT, fontname="Helvetica"];
  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];
  edge [fontname="Helvetica"];
  "x" [label="Claim x", tooltip="x"];
  "y" [label="Claim y", tooltip="y"];
  "z" [label="Claim z", tooltip="z"];
  "r1" [shape=point, width=0.08, label="", tooltip="r1"];
  "y" -> "r1" [color="#2e7d32", arrowhead=none, id="r1-from"];
  "r1" -> "x" [color="#2e7d32", id="r1"];
  "z" -> "r1" [color="#7b1fa2", style=dotted, id="r2"];
}
"""

from __future__ import annotations

import os
import textwrap

from argmap.model import ArgumentMap, RelationType
from argmap.readwrite.formats import Format
from argmap.store.atomic import atomic_write_text
from argmap.vocabulary import RELATIONS

__all__ = ["generate_dot", "write_dot"]

_FILL = {"thesis": "#e3f2fd", "evidence": "#f1f8e9", "proposal": "#fff8e1"}


def quote(text: str) -> str:
    """Return ``text`` as a quoted DOT string, safe whatever it holds.

    >>> print(quote('say "hi"\\\\ now\\nnext'))
    "say \\"hi\\"\\\\ now\\nnext"
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{escaped}"'


def _label(text: str, width: int = 32) -> str:
    # Lines are joined with real newlines here; quote() turns them into DOT's \n.
    lines = [line for part in text.splitlines() for line in textwrap.wrap(part, width) or [""]]
    return quote("\n".join(lines))


def generate_dot(argument_map: ArgumentMap) -> str:
    """Return the map as DOT text (see the module docstring for the drawing).

    >>> from argmap.model import ArgumentMap
    >>> generate_dot(ArgumentMap(title="Empty", question="Q?")).count("->")
    0
    """
    undercut = {r.to for r in argument_map.relations if r.type is RelationType.undercuts}
    lines = [
        'digraph "argmap" {',
        f"  graph [label={quote(argument_map.title)}, labelloc=t, rankdir=BT, "
        'fontname="Helvetica"];',
        '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];',
        '  edge [fontname="Helvetica"];',
    ]
    for claim in argument_map.claims:
        extra = ""
        if claim.kind.value in _FILL:
            extra = f', fillcolor="{_FILL[claim.kind.value]}"'
        if claim.kind.value == "thesis":
            extra += ", penwidth=2"
        lines.append(
            f"  {quote(claim.id)} [label={_label(claim.statement)}, tooltip={quote(claim.id)}"
            f"{extra}];"
        )
    for relation in argument_map.relations:
        if relation.id in undercut:
            lines.append(
                f'  {quote(relation.id)} [shape=point, width=0.08, label="", '
                f"tooltip={quote(relation.id)}];"
            )
    for relation in argument_map.relations:
        drawn = RELATIONS[relation.type.value]
        colour = drawn.colour
        style = "" if drawn.line == "solid" else f", style={drawn.line}"
        origin, target, rid = quote(relation.from_), quote(relation.to), quote(relation.id)
        if relation.id in undercut:
            # The relation is drawn through its point node so an undercut can reach it.
            lines.append(
                f'  {origin} -> {rid} [color="{colour}", arrowhead=none{style}, '
                f"id={quote(relation.id + '-from')}];"
            )
            origin = rid
        lines.append(f'  {origin} -> {target} [color="{colour}"{style}, id={rid}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_dot(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write :func:`generate_dot` of the map to ``path``, atomically (a reader of the
    file never sees half of it)."""
    atomic_write_text(path, generate_dot(argument_map))


FORMATS = (
    Format(
        "dot", "DOT (Graphviz)", (".dot", ".gv"), "text/vnd.graphviz",
        "For Graphviz and other graph tools.",
        keeps="the drawing: claims, relations, kinds (no quotes or sources)",
        write=lambda m, view: generate_dot(m), rank=30,
    ),
)  # fmt: skip
