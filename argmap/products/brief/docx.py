"""Render a brief as a Verbatim-style Word file (.docx), the way policy debaters keep
evidence.

Verbatim's outline sits on Word's built-in headings, which its navigation pane and "send
to speech" use:

- **Pocket** (Heading 1): the thesis and our side;
- **Hat** (Heading 2): our case, answers to their case, what it would take;
- **Block** (Heading 3): one of our arguments with its backing, or one of theirs with our
  answers to it ("A2" is debaters' shorthand for "answers to");
- **Tag** (Heading 4): one of our statements, followed by its card.

A card is a cite line (the author's surname and year in Verbatim's *Cite* character style,
then author, date, title, organisation and the source it is reported in) and the evidence:
the quote in Verbatim's *Emphasis* style, highlighted, inside its sentence from the source
text when that text is at hand (the rest of the sentence stays plain and small, as
Verbatim's *Shrink* leaves it). The style names and aliases are Verbatim 6's, so Verbatim
takes the user's own formatting over on opening the file.

The file is byte-identical for the same brief and texts: the core properties' dates are
fixed and every zip entry is dated 1980-01-01 (:func:`~argmap.products.stable_zip.restamp`).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import textwrap
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_UNDERLINE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

from argmap.limits import read_source_text
from argmap.model import ArgumentMap, Source
from argmap.products.brief.build import Brief, Cited, Point
from argmap.products.brief.render import LABEL_WORDS
from argmap.products.brief.round import Card, round_brief, short
from argmap.products.quote_finder import sentence_spans
from argmap.products.quotes import text_file_of
from argmap.products.stable_zip import restamp
from argmap.text import UNSAFE

# Verbatim 6 (Debate.dotm): the heading levels' aliases and its character styles.
POCKET, HAT, BLOCK, TAG = "Heading 1", "Heading 2", "Heading 3", "Heading 4"
ALIASES = {POCKET: "Pocket", HAT: "Hat", BLOCK: "Block", TAG: "Tag"}
CITE = "Style 13 pt Bold"  # alias "Cite"
UNDERLINE = "Style Underline"  # alias "Underline"
EMPHASIS = "Emphasis"
HIGHLIGHT = WD_COLOR_INDEX.YELLOW
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
SMALL = Pt(8)  # the unread part of a card, as Verbatim's Shrink leaves it


@dataclass(frozen=True)
class Evidence:
    """A card's text: the quote and, when the source text is at hand, the rest of its
    sentence before and after it (whitespace runs made single spaces)."""

    before: str
    quote: str
    after: str


def evidence(quote: str, text: str | None) -> Evidence:
    """Return the quote inside its sentence of ``text``, or alone when it is not found.

    >>> evidence("costs too much", "Cats purr. It costs  too much, they say. Dogs bark.")
    Evidence(before='It ', quote='costs too much', after=', they say.')
    """
    words = quote.split()
    if text is None or not words:
        return Evidence("", " ".join(words), "")
    match = re.search(r"\s+".join(re.escape(w) for w in words), text)
    if match is None:
        return Evidence("", " ".join(words), "")
    start, end = match.span()
    spans = [(s, e) for s, e in sentence_spans(text) if s < end and start < e]
    first, last = (spans[0][0], spans[-1][1]) if spans else (start, end)
    first, last = min(first, start), max(last, end)

    def flat(s: str) -> str:
        return re.sub(r"\s+", " ", s)

    return Evidence(flat(text[first:start]), flat(text[start:end]), flat(text[end:last]))


def cite_parts(source: Source, actor: str, sources: Mapping[str, Source]) -> tuple[str, str]:
    """Return a card's cite as (surname and year, the rest): Verbatim's "Peters 19" and
    "[Allison Peters; Foreign Policy; “Title”; 2019-09]".

    >>> from argmap.model import Source
    >>> s = Source(id="p", title="T", authors=["Allison Peters"], organisation="FP",
    ...            kind="article", date="2019-09")
    >>> cite_parts(s, "Allison Peters", {})
    ('Peters 19', '[Allison Peters; FP; “T”; 2019-09]')
    """
    # A person by surname, a body by its name, as debaters cite them.
    who = source.authors[0].split()[-1] if source.authors else source.organisation or actor
    reported = sources.get(source.reported_in or "")
    year = (source.date or (reported.date if reported else None) or "")[:4]
    short = f"{who} {year[2:]}" if year else f"{who} n.d."
    parts = []
    if source.authors:
        parts.append(", ".join(source.authors))
    if source.organisation:
        parts.append(source.organisation)
    parts.append(f"“{source.title}”")
    parts.append(source.date or "n.d.")
    if reported is not None:
        parts.append(f"reported in “{reported.title}” ({reported.date or 'n.d.'})")
    if actor not in source.authors and actor != source.organisation:
        parts.append(f"held by {actor}")
    return short, "[" + "; ".join(parts) + "]"


def source_texts(
    argument_map: ArgumentMap, folder: str | os.PathLike[str] | None
) -> dict[str, str]:
    """Map each source id to its text, read from ``folder`` (following ``reported_in``);
    sources without a text file there are left out."""
    found: dict[str, str] = {}
    if folder is None:
        return found
    read: dict[str, str] = {}
    for source in argument_map.sources:
        name = text_file_of(argument_map, source.id)
        path = Path(folder) / name if name else None
        if name and path is not None and path.is_file():
            if name not in read:
                # Bounded like every input; an article is text to quote from, so a stray
                # byte or a page's form feed costs a character, never the brief.
                read[name] = read_source_text(path)
            found[source.id] = read[name]
    return found


class _Writer:
    def __init__(self, argument_map: ArgumentMap, texts: Mapping[str, str]) -> None:
        self.doc = Document()
        self.sources = {s.id: s for s in argument_map.sources}
        self.claims = {c.id: c.statement for c in argument_map.claims}
        self.relations = {r.id: r.from_ for r in argument_map.relations}
        # Word's XML holds no control characters: a source's form feed or NUL becomes a space.
        self.texts = {k: UNSAFE.sub(" ", v) for k, v in texts.items()}
        _verbatim_styles(self.doc)

    def target_words(self, target: str, thesis: str) -> str:
        """What an argument bears on, in words: the thesis, a claim, or a claim's link."""
        if target == thesis:
            return "the thesis"
        if target in self.claims:
            return f"“{_short(self.claims[target])}”"
        origin = self.relations.get(target, "")
        return f"the link from “{_short(self.claims.get(origin, origin))}”"

    def heading(self, style: str, text: str) -> None:
        if text.strip():  # Verbatim: never an empty heading (a blank line in the pane)
            self.doc.add_paragraph(text, style=style)

    def plain(self, text: str, *, italic: bool = False) -> None:
        run = self.doc.add_paragraph().add_run(text)
        run.italic = italic

    def card(self, claim: Cited, lead: str = "") -> None:
        self.heading(TAG, f"{lead}{claim.statement}")
        source = self.sources.get(claim.source)
        cite = self.doc.add_paragraph()
        if source is not None:
            short, rest = cite_parts(source, claim.actor, self.sources)
            cite.add_run(short, style=CITE)
            cite.add_run(f" {rest}")
        else:
            cite.add_run(claim.citation)
        body = self.doc.add_paragraph()
        ev = evidence(claim.quote, self.texts.get(claim.source))
        _small(body, ev.before)
        quote = body.add_run(ev.quote, style=EMPHASIS)
        quote.font.highlight_color = HIGHLIGHT
        _small(body, ev.after)

    def point(self, p: Point, lead: str = "") -> None:
        self.card(p.claim, lead)
        for b in p.backing:
            self.point(b, "Backing: ")


def _short(text: str) -> str:
    return textwrap.shorten(text, 60, placeholder="…")


def _small(paragraph: Paragraph, text: str) -> None:
    if text:
        paragraph.add_run(text).font.size = SMALL


def _verbatim_styles(doc: DocxDocument) -> None:
    styles = doc.styles
    # Verbatim's look (its settings' defaults), black rather than the template's blue;
    # Verbatim puts page breaks before pockets, hats and blocks, a short brief does not.
    looks = {
        POCKET: (26, WD_UNDERLINE.NONE, True),
        HAT: (22, WD_UNDERLINE.DOUBLE, True),
        BLOCK: (16, WD_UNDERLINE.SINGLE, True),
        TAG: (13, WD_UNDERLINE.NONE, False),
    }
    for name, alias in ALIASES.items():
        style = styles[name]
        _alias(style, alias)
        size, underline, centred = looks[name]
        style.font.size, style.font.underline = Pt(size), underline
        style.font.bold, style.font.italic = True, False
        style.font.color.rgb = RGBColor(0, 0, 0)
        if centred:
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cite = styles.add_style(CITE, WD_STYLE_TYPE.CHARACTER)
    cite.font.bold, cite.font.size = True, Pt(13)
    _alias(cite, "Cite")
    underline = styles.add_style(UNDERLINE, WD_STYLE_TYPE.CHARACTER)
    underline.font.underline, underline.font.size = True, Pt(11)
    _alias(underline, "Underline")
    emphasis = styles[EMPHASIS] if EMPHASIS in styles else styles.add_style(
        EMPHASIS, WD_STYLE_TYPE.CHARACTER
    )  # fmt: skip
    emphasis.font.bold, emphasis.font.italic, emphasis.font.underline = True, False, True
    emphasis.font.size = Pt(11)


def _alias(style: BaseStyle, alias: str) -> None:
    element = style.element
    for old in element.findall(qn("w:aliases")):
        element.remove(old)
    aliases = OxmlElement("w:aliases")
    aliases.set(qn("w:val"), alias)
    element.find(qn("w:name")).addnext(aliases)


def to_docx(
    brief: Brief,
    argument_map: ArgumentMap,
    texts: Mapping[str, str] | None = None,
    *,
    full: bool = False,
) -> bytes:
    """Return the round brief (:mod:`argmap.products.brief.round`), or with ``full`` the
    whole dossier, as a Verbatim-style .docx file's bytes.

    ``texts`` maps source ids to their full text (:func:`source_texts`), so each quote of
    the full brief is shown inside its sentence; a source without one shows the quote
    alone. The round brief shows the quotes alone, to stay within its word limit.
    """
    if not full:
        return _round_docx(brief, argument_map)
    w = _Writer(argument_map, texts or {})
    side = "For" if brief.side == "for" else "Against"
    t = brief.thesis
    w.heading(POCKET, f"{side}: {t.statement}")
    stop = "" if brief.title[-1:] in (".", "?", "!") else "."
    w.plain(
        f"{brief.title}{stop} Under {brief.semantics} semantics ({brief.view} view) the "
        f"thesis {LABEL_WORDS[t.label]}, with strength {t.strength:.2f}.",
        italic=True,
    )
    w.card(t)

    w.heading(HAT, "Our case")
    if not brief.our_case:
        w.plain("The map has no argument for our side yet.")
    for n, p in enumerate(brief.our_case, 1):
        w.heading(BLOCK, f"Contention {n}: {p.claim.statement}")
        w.point(p)

    w.heading(HAT, "Answers to their case")
    if not brief.their_case:
        w.plain("The map has no argument for their side.")
    repeated = Counter(p.claim.id for p in brief.their_case)
    for p in brief.their_case:
        # An argument that answers several of ours has a block for each: say which.
        on = f" (on {w.target_words(p.target, t.id)})" if repeated[p.claim.id] > 1 else ""
        w.heading(BLOCK, f"A2: {p.claim.statement}{on}")
        if not p.answers:
            w.plain("No answer in the map: prepare one.", italic=True)
        for answer in p.answers:
            w.point(answer)

    w.heading(HAT, "What it would take")
    _what_it_would_take(w, brief)
    return _fixed(w.doc)


def _round_docx(brief: Brief, argument_map: ArgumentMap) -> bytes:
    r = round_brief(brief)
    w = _Writer(argument_map, {})
    side = "For" if brief.side == "for" else "Against"
    w.heading(POCKET, f"{side}: {brief.thesis.statement}")
    w.plain(r.bottom_line, italic=True)
    if r.audience:
        w.plain(f"Argued to this audience: {r.audience}.")
        for note in r.audience_notes:
            w.plain(note)

    def card(c: Card, lead: str = "") -> None:
        if c.quoted:
            w.card(c.claim, lead)
        else:
            w.heading(TAG, f"{lead}{c.claim.statement}")
            w.plain(f"Quoted at {c.see}.", italic=True)

    w.heading(HAT, "Our case")
    if not r.ours:
        w.plain("The map has no argument for our side yet.")
    else:
        w.plain(r.rule, italic=True)
    for n, c in enumerate(r.ours, 1):
        w.heading(BLOCK, f"{n}. {c.tag}: {short(c.claim.statement, 8)}")
        card(c)
        for b in c.backing:
            w.plain(f"Backed by “{short(b.statement, 12)}” ({b.short})")
    w.heading(HAT, "Answers to their case")
    if not r.theirs:
        w.plain("The map has no argument for their side.")
    for n, block in enumerate(r.theirs, 1):
        w.heading(BLOCK, f"A2 {n}: {short(block.theirs.claim.statement, 8)}")
        w.plain(block.theirs.claim.statement)
        w.plain(f"{block.theirs.tag} ({block.theirs.note}; {block.theirs.claim.short}).",
                italic=True)  # fmt: skip
        if not block.answers:
            w.plain("No answer in the map: prepare one.", italic=True)
        for a in block.answers:
            card(a, "" if a.tag.startswith("Our answer") else "Or: ")
    w.heading(HAT, "What it would take")
    for said in r.take:
        w.plain(said)
    if r.more:
        w.plain(r.more, italic=True)
    return _fixed(w.doc)


def _what_it_would_take(w: _Writer, brief: Brief) -> None:
    # Where the thesis stands and the smallest sets of answers that carry it (argmap needs),
    # then the claims that decide it and the arguments of theirs we cannot yet answer.
    line = brief.bottom_line
    if line is not None:
        w.plain(line.verdict)
        carry = "To carry this thesis" if brief.side == "for" else "For them to carry it"
        for n, group in enumerate(line.answer, 1):
            w.heading(BLOCK, f"{carry}, answer" if n == 1 else "Or answer")
            for claim in group:
                w.card(claim)
        for links in (links for links in line.cut if len(links) <= 3):
            w.plain("Or break the link" + ("s" if len(links) > 1 else "") + ": "
                    + "; ".join(links) + ".")  # fmt: skip
        if not line.complete:
            w.plain("Time ran out: these work, but smaller sets may exist.", italic=True)
    if not brief.cruxes and not brief.vulnerabilities:
        w.plain("Nothing in the map decides the thesis on its own, and every argument of "
                "theirs has an answer.")  # fmt: skip
    for crux in brief.cruxes:
        w.heading(BLOCK, f"Crux: {crux.claim.statement}")
        w.plain(
            f"If it is accepted the thesis {LABEL_WORDS[crux.thesis_if_accepted]}; if it is "
            f"rejected the thesis {LABEL_WORDS[crux.thesis_if_rejected]}."
        )
        w.card(crux.claim)
    if brief.vulnerabilities:
        w.heading(BLOCK, "Open vulnerabilities")
        for p in brief.vulnerabilities:
            w.plain(f"Answer needed: {p.claim.statement} ({p.claim.citation})")


def _fixed(doc: DocxDocument) -> bytes:
    props = doc.core_properties
    props.created = props.modified = FIXED_TIME.replace(tzinfo=None)
    props.last_printed = FIXED_TIME.replace(tzinfo=None)
    props.author = props.last_modified_by = "argmap"
    props.revision = 1
    raw = io.BytesIO()
    doc.save(raw)
    return restamp(raw.getvalue())
