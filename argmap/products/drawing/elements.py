"""The graph component's payload: cytoscape elements with fills, classes and the layering tree.

The component lays them out itself (ELK, in the browser) and collapses them along the tree:
each claim carries its ``depth`` and ``tree`` parent. Labels are plain strings drawn by
cytoscape on a canvas, never parsed as HTML.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import networkx as nx

from argmap.graph.structure import Structure
from argmap.products.drawing.colours import Colouring
from argmap.products.drawing.layout import NODE_H, NODE_W, QUESTION, QUESTION_H, QUESTION_W, Layout
from argmap.products.stepthrough import Step
from argmap.text import wrap_label

LABEL_CHARS = 22  # per line: fits NODE_W at 12.5 px in DejaVu Sans, so cytoscape never re-wraps
THESIS_CHARS = 19  # bold is wider
LABEL_LINES = 4
THESIS_LINES = 8  # a thesis's card grows to hold its statement (or the map's short label)
QUESTION_LINES = 8
LINE_H = 17.0  # model px per line of a card's label, padding aside
THESIS_H = 58.0  # the least height of a thesis's card
BIG_MAP = 300  # from here on the browser trades detail for speed while panning


def graph_payload(
    G: nx.DiGraph,
    structure: Structure,
    layout: Layout,
    shown: Collection[str],
    colouring: Colouring,
    *,
    classes: Mapping[str, Collection[str]] | None = None,
    hidden_below: Mapping[str, int] | None = None,
    show_question: bool = True,
    collapse: bool = False,
) -> dict[str, Any]:
    """Nodes and edges for the claims in ``shown``, with the lines between them.

    ``classes`` adds CSS-like classes per claim (``selected``, ``match``, ``dim``, ``changed``).
    A relation is drawn when both its ends are shown; an undercut is drawn to a small diamond
    at the middle of the line it undercuts. With ``collapse``, the component may start from
    the question, the theses and what fits around them at a readable size (first sight),
    folding the rest into "+N below" pills along the layout tree.
    """
    classes = classes or {}
    hidden_below = hidden_below or {}
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    shown_set = set(shown)
    big = len(shown_set) >= BIG_MAP
    base = ["claim", "big"] if big else ["claim"]
    for c in structure.sorted(shown_set):
        attrs = G.nodes[c]
        statement = attrs["statement"]
        text = attrs.get("label") or statement  # the map's short title, when it gives one
        more = hidden_below.get(c, 0)
        kind = attrs.get("kind", "claim")
        chars = THESIS_CHARS if kind == "thesis" else LABEL_CHARS
        lines = THESIS_LINES if kind == "thesis" else LABEL_LINES
        label, cut = wrap_label(text, chars, lines - (1 if more else 0))
        if more:
            label += f"\n[+{more} below]"
        data: dict[str, Any] = {
            "id": c,
            "label": label,
            "color": colouring.fills.get(c, "#e3e8ec"),
            "w": NODE_W,
            # A thesis's card is as tall as its lines (its column must fit a small screen).
            "h": max(
                THESIS_H if kind == "thesis" else NODE_H, (label.count("\n") + 1) * LINE_H + 14
            ),
            "tw": NODE_W - 14,
            "depth": layout.depth.get(c, 1),
            "tree": layout.parent.get(c) or "",
        }
        if cut or text != statement:
            data["full"] = statement
        nodes.append(
            {
                "data": data,
                "cls": " ".join([*base, f"kind-{kind}", *sorted(classes.get(c, ()))]),
            }
        )
    dim = {c for c, cls in classes.items() if "dim" in cls}

    def edge_cls(kind: str, *ends: str) -> str:
        return f"{kind} dim" if any(e in dim for e in ends) else kind

    drawn: set[str] = set()
    for rel in structure.relations.values():
        if not rel.is_undercut and rel.origin in shown_set and rel.target in shown_set:
            edges.append(
                {
                    "data": {"id": rel.id, "source": rel.origin, "target": rel.target},
                    "cls": edge_cls(rel.type, rel.origin, rel.target),
                }
            )
            drawn.add(rel.id)
    # Undercuts after the lines they cut; an undercut of an undercut needs that one first.
    pending = [r for r in structure.relations.values() if r.is_undercut]
    anchored: set[str] = set()
    while ready := [r for r in pending if r.target in drawn]:
        for rel in ready:
            pending.remove(rel)
            if rel.origin not in shown_set:
                continue
            anchor = f"@{rel.target}"
            if anchor not in anchored:
                anchored.add(anchor)
                nodes.append({"data": {"id": anchor, "anchorOf": rel.target}, "cls": "anchor"})
            edges.append(
                {
                    "data": {"id": rel.id, "source": rel.origin, "target": anchor},
                    "cls": edge_cls("undercuts", rel.origin),
                }
            )
            drawn.add(rel.id)
    # The question heads the drawing only when a claim hanging from it is drawn.
    if show_question and any(layout.parent.get(c, "") is None for c in shown_set):
        question = G.graph.get("question", "")
        label, _ = wrap_label(question, 22, QUESTION_LINES)  # the question whole, if it can
        high = max(QUESTION_H, (label.count("\n") + 1) * (LINE_H + 1.5) + 22)
        nodes.insert(
            0,
            {
                "data": {"id": QUESTION, "label": label, "w": QUESTION_W, "h": high,
                         "tw": QUESTION_W - 20, "full": question},
                "cls": "question",
            },
        )  # fmt: skip
        for c in structure.sorted(shown_set):
            if layout.parent.get(c, "") is None:
                edges.append(
                    {"data": {"id": f"?q>{c}", "source": c, "target": QUESTION}, "cls": "qlink"}
                )
    return {"nodes": nodes, "edges": edges, "big": big, "collapse": collapse}


def step_payload(
    G: nx.DiGraph,
    structure: Structure,
    layout: Layout,
    step: Step,
    number: int,
    colouring: Colouring,
) -> dict[str, Any]:
    """The step-through's drawing of ``step`` (step ``number``): the whole map, of which the
    component shows only the claims revealed so far (``reveal``), around what the step is
    about (``focus``). It lays the whole map out once, so no card moves from step to step.

    >>> from argmap.analysis import demo_graph
    >>> from argmap.graph.structure import Structure
    >>> from argmap.products.stepthrough import steps
    >>> from argmap.products.drawing.colours import by_status
    >>> from argmap.products.drawing.layout import layered_layout
    >>> G = demo_graph(); s = Structure.of(G)
    >>> p = step_payload(G, s, layered_layout(G, s), steps(G)[2], 2, by_status(s.claims, None))
    >>> p["reveal"], p["focus"], sum("claim" in n["cls"].split() for n in p["nodes"])
    (['thesis', 'jobs'], ['jobs', 'thesis'], 5)
    """
    classes = {c: {"new"} for c in step.added}
    payload = graph_payload(G, structure, layout, structure.claims, colouring, classes=classes)
    return {**payload, "reveal": list(step.revealed), "focus": step_focus(structure, step),
            "step": number}  # fmt: skip


def step_focus(structure: Structure, step: Step) -> list[str]:
    """The nodes a step is about, to keep in view, first what must show: the question, a
    thesis, a new claim and the other ends of its relations (for an undercut of a link, the
    diamond on the line), or an exchange's claims and what they bear on."""
    if step.kind == "question":
        return [QUESTION]

    def node(end: str) -> str:  # a claim, or the diamond on a relation's line
        return end if end in structure.order else f"@{end}"

    if step.kind == "exchange" and step.target is not None:
        origins = dict.fromkeys(structure.relations[r].origin for r in step.relations)
        return [*origins, node(step.target)]
    focus = dict.fromkeys(step.added)
    for rel in step.relations:
        r = structure.relations[rel]
        focus.setdefault(node(r.target if r.origin in step.added else r.origin))
    return list(focus)


def legend(colouring: Colouring) -> dict[str, Any]:
    """The legend's entries, every label whole (the legend wraps; it never clips a name)."""
    return {
        "title": colouring.title,
        "entries": [{"label": label, "color": colour} for label, colour in colouring.legend],
    }
