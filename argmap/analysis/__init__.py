"""Analysis for seminar and debate: what stands, why, what-if, cruxes, positions.

- :func:`evaluate`: every claim's label and strength (the app's and the briefs' one call);
- :func:`why`: a plain-English justification of one claim's label (ids and the framework);
- :func:`verdict`: what a label means for a debater, by statement: refuted, open
  disagreement, hangs on one, defended (the app, briefs, step-through and drill use it);
- :func:`needs`: the smallest sets of claims to answer or relations to cut for a claim to
  stand;
- :func:`what_if`: which claims change status under assumptions (:class:`WhatIf`);
- :func:`cruxes`: the claims whose status decides a thesis;
- :func:`unanswered_attacks`, :func:`strongest_objections`;
- :func:`positions`: per source and actor, plus an actor agreement / conflict matrix;
- :func:`centrality`: which claims the rest of the debate hangs on;
- :func:`label_report`: the JSON report of ``argmap label``.

All are pure functions of a map graph (:func:`argmap.graph.to_graph`).

>>> G = demo_graph()
>>> [str(evaluate(G).labels[c]) for c in ("thesis", "cost")]
['undec', 'in']
"""

from __future__ import annotations

import networkx as nx

from argmap.semantics.bipolar import WhatIf
from argmap.semantics.framework import Label

from .debate import (
    Attack,
    Holding,
    Objection,
    Positions,
    centrality,
    positions,
    strongest_objections,
    unanswered_attacks,
)
from .evaluate import (
    Change,
    Crux,
    Evaluation,
    cruxes,
    evaluate,
    label_report,
    short,
    what_if,
    why,
)
from .needs import Needs, needs
from .verdict import Standing, Verdict, verdict

__all__ = [
    "Attack",
    "Change",
    "Crux",
    "Evaluation",
    "Holding",
    "Label",
    "Needs",
    "Objection",
    "Positions",
    "Standing",
    "Verdict",
    "WhatIf",
    "centrality",
    "cruxes",
    "demo_graph",
    "evaluate",
    "label_report",
    "needs",
    "positions",
    "short",
    "strongest_objections",
    "unanswered_attacks",
    "verdict",
    "what_if",
    "why",
]


def demo_graph() -> nx.DiGraph:
    """Return a small map graph used in the examples.

    The government's thesis is attacked by Jo's cost objection; the government's subsidy
    claim undercuts that attack, and Jo's doubt and the subsidy attack each other; the
    government's jobs claim supports the thesis.

    >>> sorted(n for n, role in demo_graph().nodes(data="role") if role == "claim")
    ['cost', 'doubt', 'jobs', 'subsidy', 'thesis']
    """
    from argmap.graph import to_graph
    from argmap.model import ArgumentMap

    def claim(cid: str, statement: str, actor: str) -> dict[str, str]:
        source = "gov-paper" if actor == "gov" else "jo-blog"
        return {
            "id": cid,
            "statement": statement,
            "source": source,
            "actor": actor,
            "quote": statement,
        }

    return to_graph(
        ArgumentMap.model_validate(
            {
                "title": "Demo",
                "question": "Should we join?",
                "sources": [
                    {"id": "gov-paper", "title": "Paper", "kind": "report"},
                    {"id": "jo-blog", "title": "Blog", "kind": "blog"},
                ],
                "actors": [
                    {"id": "gov", "name": "Government", "kind": "government"},
                    {"id": "jo", "name": "Jo", "kind": "person"},
                ],
                "claims": [
                    claim("thesis", "We should join.", "gov"),
                    claim("cost", "Joining costs too much.", "jo"),
                    claim("subsidy", "A subsidy covers the cost.", "gov"),
                    claim("doubt", "The subsidy may never come.", "jo"),
                    claim("jobs", "Joining creates jobs.", "gov"),
                ],
                "relations": [
                    {"id": "r-cost", "type": "attacks", "from": "cost", "to": "thesis"},
                    {"id": "r-sub", "type": "undercuts", "from": "subsidy", "to": "r-cost"},
                    {"id": "r-doubt", "type": "attacks", "from": "doubt", "to": "subsidy"},
                    {"id": "r-back", "type": "attacks", "from": "subsidy", "to": "doubt"},
                    {"id": "r-jobs", "type": "supports", "from": "jobs", "to": "thesis"},
                ],
            }
        )
    )
