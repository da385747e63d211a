"""The audience picker's options, the colouring by acceptance, and a claim's standing in words.

Pure view-models over :mod:`argmap.analysis.audiences`: the app draws them, tests read them.

>>> import networkx as nx
>>> G = nx.DiGraph(values=[{"id": "s", "name": "security"}],
...                audiences=[{"id": "m", "name": "The ministry", "ranking": [["s"]]}])
>>> audience_options(G)
['', '*', 'm']
>>> [audience_title(G, o) for o in audience_options(G)]
['none: plain attacks', 'across all audiences', 'The ministry (security)']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx

from argmap.analysis.audiences import (
    ACCEPTANCE_WORDS,
    ThesisStanding,
    describe_audience,
    standing_words,
)
from argmap.products.drawing.colours import Colouring
from argmap.semantics.values import audiences, value_ids
from argmap.view.bottom_line import holder
from argmap.vocabulary import LABELS

PLAIN = ""  # no audience: every attack succeeds
ACROSS = "*"  # across every ordering of the values

ACCEPTANCE_COLOURS = {
    "uncontested": "#d5ecd8",
    "objective": LABELS["in"].colour,
    "subjective": LABELS["undec"].colour,
    "indefensible": LABELS["out"].colour,
}


def audience_options(G: nx.DiGraph) -> list[str]:
    """Return the picker's options: plain, across all audiences, then the map's audiences
    (only plain when the map has no values)."""
    if not value_ids(G):
        return [PLAIN]
    return [PLAIN, ACROSS, *(a.id for a in audiences(G) if a.id is not None)]


def audience_title(G: nx.DiGraph, option: str) -> str:
    """Return what the picker shows for an option."""
    if option == PLAIN:
        return "none: plain attacks"
    if option == ACROSS:
        return "across all audiences"
    found = {a.id: a for a in audiences(G)}
    return describe_audience(found[option], G) if option in found else option


def by_acceptance(claims: Iterable[str], acceptance: Mapping[str, str]) -> Colouring:
    """Colour claims objective / subjective / indefensible, with the legend."""
    fills = {c: ACCEPTANCE_COLOURS.get(acceptance.get(c, ""), LABELS["undec"].colour)
             for c in claims}  # fmt: skip
    legend = [(ACCEPTANCE_WORDS[k], v) for k, v in ACCEPTANCE_COLOURS.items()]
    return Colouring(fills, "Across audiences", legend)


def standing_lines(G: nx.DiGraph, standing: ThesisStanding, stands_for: Iterable[str]) -> list[str]:
    """Return a claim's standing across audiences as plain sentences (escape to show): the
    map's audiences it stands for, then :func:`~argmap.analysis.audiences.standing_words`.

    >>> import networkx as nx
    >>> from argmap.semantics.audiences import Acceptance
    >>> G = nx.DiGraph(audiences=[{"id": "m", "name": "The ministry", "ranking": [["s"]]}])
    >>> st = ThesisStanding("t", Acceptance.SUBJECTIVE, [frozenset({("s", "r")})],
    ...                     ["security above rights"], [("s", "r")], "security above rights")
    >>> standing_lines(G, st, ["m"])
    ['Stands for: The ministry.', 'It stands only if security above rights.', \
'It stands whenever security above rights.']
    """
    names = {a.id: a.name or a.id for a in audiences(G)}
    lines = []
    if names:
        listed = [names.get(a, a) for a in stands_for]
        lines.append(
            "Stands for: " + (", ".join(str(n) for n in listed) if listed else "none of the "
                              "map's audiences") + "."
        )  # fmt: skip
    return lines + standing_words(standing)


def verdict_table(
    G: nx.DiGraph,
    theses: Iterable[str],
    labels: Mapping[str, Mapping[str, str]],
    acceptance: Mapping[str, str],
) -> list[dict[str, str]]:
    """Return the audiences-by-theses table the values page shows: one row per audience,
    named by who holds it, with "stands", "falls" or "undecided" under each thesis (by its
    short label, else its statement); a last row, "Every ranking", gives each thesis's
    standing across all rankings. Few theses make few columns, so the table fits a laptop.
    ``labels`` is audience id -> claim id -> label, each computed under that audience's
    reading (the labels every other page shows for it).

    >>> G = nx.DiGraph(audiences=[{"id": "m", "name": "The ministry: order", "ranking": [["s"]]}])
    >>> G.add_node("t", statement="Join.")
    >>> verdict_table(G, ["t"], {"m": {"t": "in"}}, {"t": "subjective"})
    [{'Audience': 'The ministry', 'Join.': 'stands'}, {'Audience': 'Every ranking', \
'Join.': 'stands under some rankings of the values'}]
    """
    chosen = list(theses)
    column = {t: str(G.nodes[t].get("label") or G.nodes[t].get("statement", t)) for t in chosen}
    rows = []
    for a in audiences(G):
        if a.id is None or a.id not in labels:
            continue
        who = holder(G, a)
        row = {"Audience": who[:1].upper() + who[1:]}
        row |= {column[t]: LABELS[labels[a.id][t]].verdict for t in chosen}
        rows.append(row)
    rows.append({"Audience": "Every ranking"} | {column[t]: ACCEPTANCE_WORDS[acceptance[t]]
                                                  for t in chosen})  # fmt: skip
    return rows
