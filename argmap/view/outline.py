"""The pro/con outline: a Kialo-style tree from each thesis, reasons and objections nested.

Each thesis is a root; under a claim come the claims that support it (pros) and attack it
(cons), and under each of those the undercuts of the link between them, then their own pros
and cons, and so on. A claim reached a second time (a map is a graph, not a tree) is listed
again as a reference to its first place, without its subtree, so the outline is finite and
every claim's reasons appear once. Claims that lead to no thesis come last, under their own
roots. Pure data, tested without Streamlit; :func:`outline_html` is the printable page.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from argmap.graph import theses
from argmap.graph.structure import Structure
from argmap.vocabulary import LABELS

STANCES = {"pro": "Pro", "con": "Con", "undercut": "Undercuts the link", "root": "Thesis"}
MARKS = {k: f"{t.glyph} {t.verdict}" for k, t in LABELS.items()}  # "✓ stands"


@dataclass(frozen=True)
class OutlineNode:
    """One claim in the outline, where it hangs and what hangs below it.

    ``key`` is unique in the outline (a claim can appear twice); ``claim`` is the map's id.
    ``repeat`` marks a second appearance, shown without children (see ``key_of_first``).
    """

    key: str
    claim: str
    statement: str
    stance: str  # "root", "pro", "con" or "undercut"
    kind: str
    label: str | None
    mark: str  # the label as a reader sees it ("✓ stands"), "" when unlabelled
    quote: str
    citation: str
    depth: int
    relation: str | None = None
    repeat: bool = False
    first: str | None = None  # the key where a repeated claim is shown in full
    children: tuple[OutlineNode, ...] = field(default_factory=tuple)

    def walk(self) -> list[OutlineNode]:
        """This node and every node below it, in reading order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


def _citation(G: nx.DiGraph, claim: str) -> str:
    node = G.nodes[claim]
    actors = {a["id"]: a for a in G.graph.get("actors", [])}
    sources = {s["id"]: s for s in G.graph.get("sources", [])}
    actor = actors.get(node.get("actor", ""), {})
    source = sources.get(node.get("source", ""), {})
    bits = [str(actor.get("name", "")), str(source.get("title", ""))]
    if source.get("date"):
        bits.append(str(source["date"]))
    return " · ".join(b for b in bits if b)


def outline(
    G: nx.DiGraph,
    structure: Structure,
    labels: Mapping[str, str] | None = None,
    strength: Mapping[str, float] | None = None,
) -> list[OutlineNode]:
    """The outline's roots: each thesis with its tree, then the claims no thesis reaches.

    Under a claim, pros come before cons, each strongest first when ``strength`` is given
    (else in map order).

    >>> from argmap.analysis import demo_graph
    >>> G = demo_graph()
    >>> [root] = outline(G, Structure.of(G))
    >>> [(n.depth, n.stance, n.claim) for n in root.walk()]  # doctest: +NORMALIZE_WHITESPACE
    [(0, 'root', 'thesis'), (1, 'pro', 'jobs'), (1, 'con', 'cost'), (2, 'undercut', 'subsidy'),
     (3, 'con', 'doubt'), (4, 'con', 'subsidy')]
    >>> root.walk()[-1].repeat, root.walk()[-1].first
    (True, 'thesis/cost/subsidy')
    """
    labels = labels or {}
    strength = strength or {}
    into: dict[str, list[str]] = {c: [] for c in structure.claims}
    undercuts_of: dict[str, list[str]] = {}
    for rel in structure.relations.values():
        if rel.is_undercut:
            undercuts_of.setdefault(rel.target, []).append(rel.id)
        elif rel.target in into:
            into[rel.target].append(rel.id)
    first: dict[str, str] = {}

    def order(rids: list[str]) -> list[str]:
        def rank(rid: str) -> tuple[int, float, int]:
            rel = structure.relations[rid]
            pro = 0 if rel.type == "supports" else 1
            return pro, -strength.get(rel.origin, 0.0), structure.order[rel.origin]

        return sorted(rids, key=rank)

    def node(claim: str, stance: str, depth: int, key: str, relation: str | None) -> OutlineNode:
        attrs = G.nodes[claim]
        base: dict[str, Any] = {
            "key": key,
            "claim": claim,
            "statement": str(attrs["statement"]),
            "stance": stance,
            "kind": str(attrs.get("kind", "claim")),
            "label": labels.get(claim),
            "mark": MARKS.get(labels.get(claim) or "", ""),
            "quote": str(attrs.get("quote", "")),
            "citation": _citation(G, claim),
            "depth": depth,
            "relation": relation,
        }
        if claim in first:
            return OutlineNode(**base, repeat=True, first=first[claim])
        first[claim] = key
        children: list[OutlineNode] = []
        # The undercuts of the link from this claim to its parent come first: they say
        # whether it bears on the parent at all.
        for rid in undercuts_of.get(relation or "", []):
            origin = structure.relations[rid].origin
            children.append(node(origin, "undercut", depth + 1, f"{key}/{origin}", rid))
        for rid in order(into[claim]):
            rel = structure.relations[rid]
            stance_of = "pro" if rel.type == "supports" else "con"
            children.append(node(rel.origin, stance_of, depth + 1, f"{key}/{rel.origin}", rid))
        return OutlineNode(**base, children=tuple(children))

    roots = [node(t, "root", 0, t, None) for t in theses(G)]
    # Claims no thesis reaches: the ones that bear on nothing first, then any left (cycles).
    for c in [c for c in structure.claims if not structure.bears_on[c]] + structure.claims:
        if c not in first:
            roots.append(node(c, "root", 0, c, None))
    return roots


def to_json(roots: list[OutlineNode]) -> list[dict[str, Any]]:
    """The outline as plain JSON for the outline component."""
    return [asdict(r) for r in roots]


def find(roots: list[OutlineNode], claim: str) -> OutlineNode | None:
    """Where ``claim`` is shown in full (its first appearance), or None."""
    for root in roots:
        for n in root.walk():
            if n.claim == claim and not n.repeat:
                return n
    return None


_PRINT_CSS = """
body { font: 11pt/1.4 "DejaVu Sans", system-ui, sans-serif; color: #111; margin: 2em; }
h1 { font-size: 16pt; margin: 0 0 .2em; } .q { color: #444; margin: 0 0 1.2em; }
ul { list-style: none; margin: 0; padding-left: 1.4em; border-left: 1px solid #bbb; }
body > ul { padding-left: 0; border: 0; }
li { margin: .35em 0; }
.item { break-inside: avoid; }
.stance { font-weight: 700; font-size: 9pt; text-transform: uppercase; margin-right: .4em; }
.stance.pro { color: #005a8c; } .stance.con { color: #a34400; }
.stance.undercut { color: #6b3a8a; }
.root > .item > .claim { font-size: 12.5pt; font-weight: 700; }
.mark { font-size: 9pt; color: #333; border: 1px solid #999; border-radius: 3px;
  padding: 0 .3em; margin-left: .3em; white-space: nowrap; }
.quote { font-style: italic; color: #333; margin: .1em 0 0; }
.cite { font-size: 9pt; color: #555; }
@media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
"""


def _item_html(n: OutlineNode) -> str:
    esc = html.escape
    stance = (
        "" if n.stance == "root" else f'<span class="stance {n.stance}">{STANCES[n.stance]}</span>'
    )
    mark = f'<span class="mark">{esc(n.mark)}</span>' if n.mark else ""
    if n.repeat:
        see = '<span class="cite">(see above)</span>'
        return (f'<li class="{n.stance}"><div class="item">{stance}<span class="claim">'
                f"{esc(n.statement)}</span>{mark} {see}</div></li>")  # fmt: skip
    parts = [
        f'<li class="{n.stance}"><div class="item">{stance}<span class="claim">'
        f"{esc(n.statement)}</span>{mark}",
        f'<div class="quote">\u201c{esc(n.quote)}\u201d</div>' if n.quote else "",
        f'<div class="cite">{esc(n.citation)}</div>' if n.citation else "",
        "</div>",
    ]
    if n.children:
        parts.append("<ul>" + "".join(_item_html(c) for c in n.children) + "</ul>")
    parts.append("</li>")
    return "".join(parts)


def outline_html(title: str, question: str, roots: list[OutlineNode], note: str = "") -> str:
    """The whole outline, every branch open, as one printable HTML page (map text escaped)."""
    esc = html.escape
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(title)}: outline</title><style>{_PRINT_CSS}</style></head><body>"
        f'<h1>{esc(title)}</h1><p class="q">{esc(question)}'
        + (f"<br><small>{esc(note)}</small>" if note else "")
        + "</p><ul>"
        + "".join(_item_html(r) for r in roots)
        + "</ul></body></html>\n"
    )
