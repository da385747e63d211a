"""Render a :class:`~argmap.products.brief.build.Brief` as Markdown or as a print-ready HTML page.

Both renderers, and the PDF one (:mod:`argmap.products.brief.pdf`), walk the same outline
(:func:`outline`), so the formats never drift apart. Map text is data: Markdown escapes
its punctuation and HTML escapes its markup, so ``<script>`` in a claim prints as those
characters and never runs.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from argmap.products.brief.build import BottomLine, Brief, Cited, Point
from argmap.products.brief.round import Card, RoundBrief, round_brief, short
from argmap.semantics.framework import Label
from argmap.text import md_escape as escape
from argmap.vocabulary import LABELS

LABEL_WORDS = {label: LABELS[label].phrase for label in Label}
_HOW = {
    "supports": "supports",
    "attacks": "attacks",
    "undercuts": "undercuts the link of",
}


@dataclass
class Item:
    """One entry of the outline: a cited claim with a lead-in and nested entries."""

    lead: str  # plain words, e.g. "Our answer (attacks it)"
    claim: Cited | None
    note: str = ""
    children: list[Item] = field(default_factory=list)
    plain: bool = False  # without a claim: ordinary text, not a warning
    # The round brief's own words for a claim (None: the full brief's meta, citation, why);
    # ``quoted`` false: its passage is quoted elsewhere, so only the statement is shown.
    meta: str | None = None
    cite: str | None = None
    why: str | None = None
    quoted: bool = True

    def meta_of(self, c: Cited) -> str:
        return meta(c) if self.meta is None else self.meta

    def cite_of(self, c: Cited) -> str:
        return c.citation if self.cite is None else self.cite

    def why_of(self, c: Cited) -> str:
        return why(c) if self.why is None else self.why


def meta(c: Cited) -> str:
    """Return a claim's kind, label, strength and effect on the thesis, in words.

    The effect is what taking the claim out does to the thesis (argmap.analysis.impact)."""
    words = f"{c.kind}, {LABEL_WORDS[c.label]}, strength {c.strength:.2f}"
    if c.impact is not None:
        if c.impact.label_changed:
            words += f"; without it the thesis {LABEL_WORDS[c.impact.label_without]}"
        else:
            words += f"; effect on the thesis {-c.impact.delta:+.2f}"
    return words


def why(c: Cited) -> str:
    """Return what the claim's label means, for claims that do not stand ("" otherwise)."""
    return "" if c.label is Label.IN else c.why


@dataclass
class Section:
    heading: str
    intro: str
    items: list[Item]
    numbered: bool = True


def _target(brief: Brief, target: str) -> str:
    """The thesis, a claim by its statement, or the link a relation id stands for."""
    if target == brief.thesis.id:
        return "the thesis"
    return brief.name(target)


def _point_items(
    points: tuple[Point, ...], brief: Brief, *, lead: str | None = None, answers: bool = False
) -> list[Item]:
    """Items for points; ``lead`` names their role, else the relation says what they do."""
    items = []
    for p in points:
        how = _HOW[p.relation_type]
        target = _target(brief, p.target)
        words = f"{lead} ({how} it)" if lead and lead.startswith("Our") else lead
        item = Item(words or f"{how[:1].upper()}{how[1:]} {target}", p.claim)
        item.children += _point_items(p.backing, brief, lead="Backed by")
        if answers:
            if p.answers:
                item.children += _point_items(p.answers, brief, lead="Our answer")
            else:
                item.children.append(Item("No answer in the map: prepare one.", None))
        items.append(item)
    return items


def _is(label: Label) -> str:
    return "is undecided" if label is Label.UNDEC else LABEL_WORDS[label]


def _bottom_items(brief: Brief, line: BottomLine, who: str) -> list[Item]:
    """Items saying what it would take to carry the thesis (``who``: "" or " for X")."""
    if line.label is Label.IN:
        return []
    items = []
    carry = "To carry this thesis" if brief.side == "for" else "For the other side to carry it"
    for n, group in enumerate(line.answer, 1):
        lead = f"{carry}{who}, answer" if n == 1 else "Or answer"
        item = Item(f"{lead}:", None, plain=True)
        item.children = [Item("", c) for c in group]
        items.append(item)
    short = [links for links in line.cut if len(links) <= 3]  # long cuts help nobody
    for links in short:
        lead = "Or break the link" if len(links) == 1 else "Or break the links"
        items.append(Item(f"{lead}: " + "; ".join(links) + ".", None, plain=True))
    if not line.complete:
        items.append(
            Item("(Time ran out: these work, but smaller sets may exist.)", None, plain=True)
        )
    return items


def outline(brief: Brief) -> tuple[str, str, list[Section]]:
    side = "for" if brief.side == "for" else "against"
    title = f"Brief {side}: {brief.thesis.statement}"
    t = brief.thesis
    standing = (
        f"Under {brief.semantics} semantics ({brief.view} support) the thesis {_is(t.label)}, "
        f"with strength {t.strength:.2f}."
    )
    if brief.bottom_line is not None:
        standing += " " + brief.bottom_line.verdict
    if brief.message:
        standing += f" Note: {brief.message}."
    if brief.audience:
        standing = f"Argued to this audience: {brief.audience}. {standing}"
        if brief.audience_notes:
            standing += " For this audience, " + "; ".join(brief.audience_notes) + "."
    items = [Item("", replace(t, why=""))]  # the intro says why
    if brief.bottom_line is not None:
        items += _bottom_items(brief, brief.bottom_line, "")
    for name, line in brief.audience_lines:
        item = Item(f"For {name}: the thesis {_is(line.label)}. {line.verdict}", None, plain=True)
        item.children = _bottom_items(brief, line, f" for {name}")
        items.append(item)
    thesis_section = Section("Bottom line", standing, items, numbered=False)
    ours = Section(
        "Our case",
        "The arguments that carry our side, those that matter most to the thesis first, with "
        "what backs them.",
        _point_items(brief.our_case, brief),
    )
    theirs = Section(
        "Their case, and our answers",
        "The other side's arguments and objections to ours, those that matter most to the "
        "thesis first, each followed by our answers from the map.",
        _point_items(brief.their_case, brief, answers=True),
    )
    open_items = [
        Item(
            f"Unanswered: {_HOW[p.relation_type]} {_target(brief, p.target)}",
            p.claim,
        )
        for p in brief.vulnerabilities
    ]
    vulnerable = Section(
        "Open vulnerabilities",
        "Attacks the map gives us no answer to: prepare these."
        if open_items
        else "None: the map answers every argument of the other side.",
        open_items,
        numbered=False,
    )
    crux_items = []
    for c in brief.cruxes:
        changes = ", ".join(
            f"{brief.name(cid)} ({LABEL_WORDS[a]} → {LABEL_WORDS[b]})"
            for cid, a, b in c.changes_if_rejected
        )
        note = (
            f"If accepted the thesis {LABEL_WORDS[c.thesis_if_accepted]}; if rejected it "
            f"{LABEL_WORDS[c.thesis_if_rejected]}. "
            f"Rejecting it changes: {changes or 'nothing else'}."
        )
        crux_items.append(Item("Crux", c.claim, note))
    cruxes = Section(
        "Cruxes",
        "The claims whose status decides the thesis."
        if crux_items
        else "No single claim decides the thesis.",
        crux_items,
        numbered=False,
    )
    return (
        title,
        f"{brief.title} — {brief.question}",
        [thesis_section, ours, theirs, vulnerable, cruxes],
    )


def _card_item(card: Card, children: list[Item] | None = None) -> Item:
    note = card.note if card.quoted else f"{card.note}; quoted at {card.see}"
    item = Item(card.tag, card.claim, meta=note, cite=card.claim.short, why="",
                quoted=card.quoted)  # fmt: skip
    item.children = list(children or [])
    for b in card.backing:
        item.children.append(Item(f"Backed by “{short(b.statement, 12)}” ({b.short})",
                                  None, plain=True))  # fmt: skip
    return item


def round_outline(r: RoundBrief) -> tuple[str, str, list[Section]]:
    """The round brief (:mod:`argmap.products.brief.round`) as the renderers' outline."""
    ours = [_card_item(c) for c in r.ours]
    theirs = []
    for block in r.theirs:
        answers = [_card_item(a) for a in block.answers] or [
            Item("No answer in the map: prepare one.", None)
        ]
        theirs.append(_card_item(block.theirs, answers))
    sections = [Section("Bottom line", r.bottom_line, [], numbered=False)]
    if r.audience:
        sections.append(Section("Argued to", f"Argued to this audience: {r.audience}.",
                                [Item(n, None, plain=True) for n in r.audience_notes],
                                numbered=False))  # fmt: skip
    sections += [
        Section(
            "Our best cards", r.rule if ours else "The map has no argument for our side.", ours
        ),
        Section(
            "Their best cards, and our answers",
            "Each with our best answer from the map."
            if theirs
            else "The map has no argument for their side.",
            theirs,
        ),
        Section(
            "What it would take", "", [Item(t, None, plain=True) for t in r.take], numbered=False
        ),
        Section(
            "Sources",
            r.more,
            [Item(f"{cite}: {ref}", None, plain=True) for cite, ref in r.sources],
            numbered=False,
        ),
    ]
    return r.title, r.subtitle, sections


def sections_of(brief: Brief, full: bool = False) -> tuple[str, str, list[Section]]:
    """Return (title, subtitle, sections) of the round brief, or with ``full`` of the whole
    dossier (its bibliography last): what every renderer walks."""
    if not full:
        return round_outline(round_brief(brief))
    title, subtitle, sections = outline(brief)
    bibliography = [Item(b.reference, None, plain=True) for b in brief.bibliography]
    return title, subtitle, [*sections, Section("Bibliography", "", bibliography, False)]


# ------------------------------------------------------------------------------ Markdown


def md_escape(text: str) -> str:
    r"""Return ``text`` escaped for a brief's Markdown, which people also read raw.

    >>> md_escape("<script>*x*</script>")
    '\\<script\\>\\*x\\*\\</script\\>'
    """
    return escape(text, readable=True)


def _md_items(items: list[Item], numbered: bool, depth: int = 0) -> Iterator[str]:
    pad = "   " * depth
    for n, item in enumerate(items, 1):
        bullet = f"{n}." if numbered and depth == 0 else "-"
        lead = md_escape(item.lead)
        if item.claim is None:
            yield f"{pad}{bullet} {lead}" if item.plain else f"{pad}{bullet} *{lead}*"
            yield from _md_items(item.children, False, depth + 1)
            continue
        c = item.claim
        said = item.meta_of(c)
        yield (
            f"{pad}{bullet} {lead + ': ' if lead else ''}**{md_escape(c.statement)}**"
            + (f" ({md_escape(said)})" if said else "")
        )
        inner = pad + "   "
        if item.quoted:
            yield f"{inner}> “{md_escape(c.quote)}”"
            yield f"{inner}> — {md_escape(item.cite_of(c))}"
        if item.why_of(c):
            yield f"{inner}*Why:* {md_escape(item.why_of(c))}"
        if item.note:
            yield f"{inner}{md_escape(item.note)}"
        yield from _md_items(item.children, False, depth + 1)


def to_markdown(brief: Brief, *, full: bool = False) -> str:
    """Return the round brief as Markdown, or with ``full`` the whole dossier
    (deterministic: same brief, same bytes)."""
    title, subtitle, sections = sections_of(brief, full)
    lines = [f"# {md_escape(title)}", "", f"*{md_escape(subtitle)}*", ""]
    for section in sections:
        lines += [f"## {section.heading}", ""]
        if section.intro:
            lines += [md_escape(section.intro), ""]
        if section.items:
            lines += [*_md_items(section.items, section.numbered), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# ------------------------------------------------------------------------------ HTML

_CSS = """
@page { margin: 16mm 15mm; }
body { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.4;
       max-width: 46em; margin: 2em auto; color: #111; }
h1 { font-size: 18pt; margin-bottom: 0.2em; }
h2 { font-size: 13.5pt; border-bottom: 1px solid #999; margin-top: 1.4em;
     break-after: avoid; page-break-after: avoid; }
.subtitle, .intro { color: #444; }
li { margin: 0.35em 0; break-inside: avoid; page-break-inside: avoid; }
blockquote { margin: 0.2em 0 0.2em 0; padding-left: 0.8em; border-left: 3px solid #bbb;
             font-style: italic; }
.cite { font-size: 9.5pt; color: #333; font-style: normal; }
.meta { font-size: 9pt; color: #555; font-family: sans-serif; }
.id { font-family: monospace; font-size: 9pt; }
.open { color: #8a1c1c; font-style: italic; }
.why { font-size: 9.5pt; color: #333; margin: 0.1em 0 0.3em; }
.lead { font-family: sans-serif; font-size: 9.5pt; color: #333; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
"""


def _html_items(items: list[Item], numbered: bool) -> Iterator[str]:
    tag = "ol" if numbered else "ul"
    yield f"<{tag}>"
    for item in items:
        lead = html.escape(item.lead)
        if item.claim is None:
            yield f'<li><span class="{"plain" if item.plain else "open"}">{lead}</span>'
            if item.children:
                yield from _html_items(item.children, False)
            yield "</li>"
            continue
        c = item.claim
        said = item.meta_of(c)
        yield (
            f'<li><span class="lead">{lead + ": " if lead else ""}</span>'
            f"<strong>{html.escape(c.statement)}</strong> "
            + (f'<span class="meta">{html.escape(said)}</span>' if said else "")
        )
        if item.quoted:
            yield (
                f"<blockquote>“{html.escape(c.quote)}”<br>"
                f'<span class="cite">— {html.escape(item.cite_of(c))}</span></blockquote>'
            )
        if item.why_of(c):
            yield f'<div class="why"><em>Why:</em> {html.escape(item.why_of(c))}</div>'
        if item.note:
            yield f"<div>{html.escape(item.note)}</div>"
        if item.children:
            yield from _html_items(item.children, False)
        yield "</li>"
    yield f"</{tag}>"


def to_html(brief: Brief, *, full: bool = False) -> str:
    """Return the round brief (or with ``full`` the whole dossier) as a standalone HTML page
    that prints cleanly on A4 or Letter."""
    title, subtitle, sections = sections_of(brief, full)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="subtitle">{html.escape(subtitle)}</p>',
    ]
    for section in sections:
        parts.append(f"<h2>{section.heading}</h2>")
        if section.intro:
            parts.append(f'<p class="intro">{html.escape(section.intro)}</p>')
        if section.items:
            parts += list(_html_items(section.items, section.numbered))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
