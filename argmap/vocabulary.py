"""The words, colours and marks for labels and relations: one table every layer reads.

The app, the briefs, DOT and SVG, the standalone page and the graph component all show a
label or a relation kind; they take its wording and colour from here, so they cannot drift.
Keys are the plain values of :class:`argmap.semantics.framework.Label` ("in", "out", "undec")
and of :class:`argmap.model.RelationType`, so this module needs neither.

>>> LABELS["out"].verdict, LABELS["undec"].word
('falls', 'undecided')
>>> RELATIONS["undercuts"].colour == RELATIONS["undercuts"].colour.lower()
True
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelTerms:
    """How one label reads and looks.

    - ``word``: in a sentence, "X is {word}";
    - ``verdict``: of a thesis, "the thesis {verdict}";
    - ``phrase``: the verdict with the label, for briefs;
    - ``badge``: the claim panel's badge; ``legend``: the map legend's entry;
    - ``colour``: the node fill (light, dark text stays readable); ``tone``: a named colour
      for Markdown renderers that take one; ``glyph``: a one-character mark for outlines.
    """

    word: str
    verdict: str
    phrase: str
    badge: str
    legend: str
    colour: str
    tone: str
    glyph: str


LABELS: dict[str, LabelTerms] = {
    "in": LabelTerms(
        "in", "stands", "stands (in)", "IN · stands", "in: stands", "#b9e4bd", "green", "✓"
    ),
    "out": LabelTerms(
        "out", "falls", "falls (out)", "OUT · defeated", "out: defeated", "#f6c1c1", "red", "✗"
    ),
    "undec": LabelTerms(
        "undecided", "undecided", "undecided", "UNDECIDED", "undecided", "#fbe7a1", "orange", "?"
    ),
}
# The fill of a claim no semantics has labelled.
UNLABELLED = "#e3e8ec"


@dataclass(frozen=True)
class RelationStyle:
    """How one kind of relation reads and is drawn: ``verb`` ("supports"), ``colour`` and
    ``line`` ("solid", "dashed" or "dotted", as in cytoscape and Graphviz)."""

    verb: str
    colour: str
    line: str


RELATIONS: dict[str, RelationStyle] = {
    "supports": RelationStyle("supports", "#2e7d32", "solid"),
    "attacks": RelationStyle("attacks", "#c62828", "dashed"),
    "undercuts": RelationStyle("undercuts", "#7b1fa2", "dotted"),
}
