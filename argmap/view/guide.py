"""Plain words for the app: how to read a map, the glossary, and what each reading does for
the reader ("only what survives every objection" rather than "grounded").

The formal names stay available (a "details" disclosure, docs/semantics.md); the words a
reader meets first are these. Every page's "How to read this map" and the Glossary page
read them from here.

>>> plain_semantics("grounded")
'Only what survives every objection'
>>> plain_view("attack-only")
'Count attacks only'
"""

from __future__ import annotations

from dataclasses import dataclass

# What each semantics (argmap.semantics.dung.REGISTRY) does for the reader.
SEMANTICS_PLAIN = {
    "grounded": "Only what survives every objection",
    "complete": "Any position that defends itself (what all share)",
    "preferred": "Every largest consistent position: what all of them accept",
    "stable": "Positions that answer every claim they leave out",
}
# What each support treatment (argmap.semantics.framework.VIEW_TABLE) does for the reader.
VIEWS_PLAIN = {
    "evidential": "Reasons add weight",
    "bipolar": "Backing a claim takes on its attacks",
    "necessary": "A claim falls with what it needs",
    "deductive": "A claim carries what follows from it",
    "attack-only": "Count attacks only",
}


def plain_semantics(name: str) -> str:
    """Return what semantics ``name`` does for the reader (its name when unknown)."""
    return SEMANTICS_PLAIN.get(name, name)


def plain_view(name: str) -> str:
    """Return what support treatment ``name`` does for the reader (its name when unknown)."""
    return VIEWS_PLAIN.get(name, name)


HOW_TO_READ = """\
**Start at the top.** The question sits at the top; the theses (cards with a bold border)
answer it; under each, the reasons for it and the objections to it, and their own reasons
and objections below them.

**Lines.** A green solid line *supports* the card it points to; a red dashed line
*attacks* it; a purple dotted line to the middle of another line *undercuts* that link: it
says the reason does not bear on its conclusion, without denying the reason itself.

**Colours.** Green: the claim **stands**, every objection to it answered. Red: it
**falls**, an objection that itself stands defeats it. Yellow: **undecided**, caught in a
disagreement the map does not settle.

**Shapes.** Square corners: evidence (a fact reported). Cut corners: a proposal. Rounded:
a claim.

**Click a card** for its quote, its source, who holds it and why it stands or falls.

**Readings.** The sidebar's reading says how strict to be: by default a claim stands only
if it survives every objection. *Argue to* weighs the values an audience puts first: an
attack fails when its claim appeals to a value that audience ranks below the value of the
claim it attacks. A value the audience does not rank decides nothing, and a claim of fact
appeals to no value: what is the case is not weighed away by what one prefers.
"""


@dataclass(frozen=True)
class Term:
    """One glossary entry: the ``word`` a reader meets, what it ``means``, and the
    ``formal`` name it has in the literature ("" when none)."""

    word: str
    means: str
    formal: str = ""


GLOSSARY: tuple[Term, ...] = (
    Term("stands", "Survives every objection in the map under the chosen reading: each "
         "attack on it is answered by a claim that itself stands.", "in (accepted)"),
    Term("falls", "An objection that itself stands defeats it.", "out (rejected)"),
    Term("undecided", "Caught in a disagreement the map does not settle, or waiting on one.",
         "undec"),
    Term("supports", "Gives a reason for the claim it points to.", "support relation"),
    Term("attacks", "Gives a reason against the claim it points to.", "attack relation"),
    Term("undercuts", "Says a reason does not bear on its conclusion, without denying the "
         "reason.", "undercutter (Pollock)"),
    Term("thesis", "An answer to the map's question, argued for or against."),
    Term("evidence", "A fact reported by a source; it carries no values."),
    Term("crux", "A claim whose acceptance or rejection alone decides a thesis."),
    Term("what it would take", "The smallest sets of objections to answer (or links to "
         "break) for a thesis to stand.", "minimal repairs"),
    Term("audience", "Whose priorities decide which attacks succeed: an attack fails when "
         "its claim appeals to a value the audience ranks below the value of the claim it "
         "attacks.", "value-based argumentation (Bench-Capon)"),
    Term("stands for every audience", "Stands whatever order the values are put in.",
         "objective acceptance"),
    Term("stands for some audiences", "Stands for some orders of the values, not others.",
         "subjective acceptance"),
    Term("effect on the thesis", "What taking a claim out of the map does to the thesis: "
         "whether it then stands or falls, and how far its weight moves.",
         "removal-based attribution"),
    *(Term(plain.lower(), f"A reading of the map: {plain.lower()}.", f"{name} semantics")
      for name, plain in SEMANTICS_PLAIN.items()),
    *(Term(plain.lower(), f"How supports count: {plain.lower()}.", f"{name} support")
      for name, plain in VIEWS_PLAIN.items()),
)  # fmt: skip
