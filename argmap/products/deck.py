"""A slide deck of the map for the front of a room: the question first, then each thesis,
then one slide per exchange (a claim and everything that supports, attacks or undercuts
it, the quotes in the speaker's notes), in the step-through's order
(:mod:`argmap.products.stepthrough`): breadth first from the theses.

Each claim is shown in the mapper's words with who holds it and the quote it rests on, and
its status under the chosen semantics. Map text goes into the slides as text (python-pptx
writes it as XML text, never markup); a character no slide can hold is shown as ``<U+XXXX>``.

>>> from argmap.analysis import demo_graph
>>> from argmap.graph import to_map
>>> titles = [s.title for s in slides(to_map(demo_graph()))]
>>> titles[:3]
['Should we join?', 'Thesis', 'Exchange 1 of 4']
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass

from argmap.model import ArgumentMap
from argmap.products.registry import Output, Product
from argmap.products.stepthrough import exchanges
from argmap.semantics.reading import Reading
from argmap.store.atomic import atomic_write_bytes
from argmap.text import visible
from argmap.vocabulary import LABELS

__all__ = ["PRODUCT", "Slide", "generate_deck", "slides", "write_deck"]

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


@dataclass(frozen=True)
class Slide:
    """One slide: a title and its lines (each a paragraph)."""

    title: str
    lines: tuple[str, ...]
    notes: tuple[str, ...] = ()  # the speaker's notes: an exchange's quotes, in full


def slides(argument_map: ArgumentMap, reading: Reading | str = "grounded") -> list[Slide]:
    """Return the deck's slides: the question, each thesis, then one per exchange, each
    claim's status under ``reading`` (a :class:`~argmap.semantics.reading.Reading`, or a
    semantics' name)."""
    from argmap.analysis import evaluate
    from argmap.graph import relation_origin, relation_target, to_graph

    G = to_graph(argument_map)
    if isinstance(reading, str):
        reading = Reading(semantics=reading, timeout=10.0)
    under = reading.semantics + (f", for {reading.audience.name}" if reading.audience else "")
    try:
        labels = {c: str(v) for c, v in evaluate(G, reading).labels.items()}
    except Exception:  # a deck without statuses beats no deck
        labels = {}
    actors = {a.id: a.name for a in argument_map.actors}
    claims = {c.id: c for c in argument_map.claims}

    def _said(node: str) -> str:  # a claim's words, or a relation's id
        return claims[node].statement if node in claims else node

    def said(claim_id: str) -> list[str]:
        c = claims[claim_id]
        status = LABELS[labels[claim_id]].legend if claim_id in labels else ""
        lines = [c.statement, f"{actors.get(c.actor, c.actor)}: “{c.quote}”"]
        return lines + ([f"Status ({under}): {status}"] if status else [])

    order = exchanges(G)
    total = sum(1 for s in order if s.kind == "exchange" and s.part[0] == 1)
    out: list[Slide] = []
    n = 0
    for step in order:
        if step.kind == "question":
            out.append(Slide(argument_map.question, (argument_map.title,)))
        elif step.kind in ("thesis", "root"):
            title = "Thesis" if step.kind == "thesis" else "Another line of argument"
            out.append(Slide(title, tuple(said(step.added[0]))))
        else:
            n += step.part[0] == 1  # a big exchange's parts share its number
            assert step.target is not None
            if step.target in claims:
                lines = [f"On: {claims[step.target].statement}"]
            else:  # undercuts: they cut the link between two claims
                start, end = relation_origin(G, step.target), relation_target(G, step.target)
                verb = str(G.nodes[step.target]["type"])
                lines = [f"On the link: “{claims[start].statement}” {verb} “{_said(end)}”"]
            notes = []
            for rel in step.relations:
                c = claims[relation_origin(G, rel)]
                status = LABELS[labels[c.id]].legend if c.id in labels else ""
                who = actors.get(c.actor, c.actor)
                lines.append(f"{str(G.nodes[rel]['type']).capitalize()} it: {c.statement} "
                             f"({who}{'; ' + status if status else ''})")  # fmt: skip
                notes.append(f"{who}: “{c.quote}”")
            part = f", part {step.part[0]} of {step.part[1]}" if step.part[1] > 1 else ""
            out.append(Slide(f"Exchange {n} of {total}{part}", tuple(lines), tuple(notes)))
    return out


def generate_deck(argument_map: ArgumentMap, reading: Reading | str = "grounded") -> bytes:
    """Return the deck as a .pptx file (16:9), one slide per :func:`slides` entry.

    >>> from argmap.analysis import demo_graph
    >>> from argmap.graph import to_map
    >>> generate_deck(to_map(demo_graph()))[:2]
    b'PK'
    """
    from pptx import Presentation
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Inches, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    layout = deck.slide_layouts[1]  # title and content
    for item in slides(argument_map, reading):
        slide = deck.slides.add_slide(layout)
        title, body = slide.shapes.title, slide.placeholders[1]
        title.width = body.width = Inches(12.3)
        title.text = visible(item.title)
        frame = body.text_frame
        frame.word_wrap = True
        # A big exchange shrinks to fit its slide (PowerPoint and Impress apply it on opening).
        frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
        for k, line in enumerate(item.lines):
            paragraph = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
            paragraph.text = visible(line)
            paragraph.font.size = Pt(22 if k == 0 else 18)
        if item.notes:
            slide.notes_slide.notes_text_frame.text = visible("\n".join(item.notes))
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def write_deck(
    argument_map: ArgumentMap, path: str | os.PathLike[str], reading: Reading | str = "grounded"
) -> None:
    """Write :func:`generate_deck` of the map to ``path``, atomically."""
    atomic_write_bytes(path, generate_deck(argument_map, reading))


PRODUCT = Product(
    "deck", "Slide deck (PowerPoint)",
    "The question, each thesis, then one slide per exchange: for the front of a room.",
    outputs=(Output(".pptx", PPTX, "slide deck (PowerPoint)", slow=True),),
    prepare=lambda m, request: generate_deck(m, request.reading),
    render=lambda deck, m, request, suffix: deck,
)  # fmt: skip
