"""The round brief: what a debater carries into a round, cut from the full :class:`Brief`.

The full brief (the dossier) holds every argument, chain and audience; a debater needs a
few pages. The round brief keeps, within :data:`WORD_LIMIT` words (quotes included):

- a **bottom line** under :data:`BOTTOM_LIMIT` words: where the thesis stands, why in a
  phrase, whether that favours us, and for which of the map's audiences it stands;
- **our best cards**, chosen and ordered by :data:`ORDER_RULE` (the rule is printed once);
- **their best cards**, each with our best answer, or "no answer: prepare one" when the map
  has none;
- **what it would take**, once;
- the **sources** cited, each once, so a card's cite is a short "Peters 2019".

Every passage is quoted once: a claim met again (or one whose quote repeats a passage
already quoted) points back to the card that quotes it. No figure, semantics name or id is
printed. Cards are taken alternately from our side and theirs, best first, while they fit.

>>> from argmap.analysis import demo_graph
>>> from argmap.products.brief.build import build_brief
>>> r = round_brief(build_brief(demo_graph(), "thesis", "for"))
>>> [c.claim.id for c in r.ours], [b.theirs.claim.id for b in r.theirs]
(['jobs'], ['cost'])
>>> [a.claim.id for a in r.theirs[0].answers]
['subsidy']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from argmap.products.brief.build import BottomLine, Brief, Cited, Point, Side
from argmap.semantics.framework import Label

__all__ = ["BOTTOM_LIMIT", "ORDER_RULE", "WORD_LIMIT", "Block", "Card", "RoundBrief",
           "round_brief", "short", "why_phrase", "words"]  # fmt: skip

WORD_LIMIT = 1200  # a side's brief, quotes included: what a debater can carry into a round
BOTTOM_LIMIT = 80  # the bottom line stays under this many words
_SLACK = 40  # headings and separators the word estimate leaves out
ORDER_RULE = (
    "Cards are ranked by what they do to the thesis on this map: first those without which "
    "it would change its standing, then those that move it most; ties go to cards that "
    "stand, then to the newer source."
)
_STANDS = {Label.IN: "stands", Label.OUT: "falls", Label.UNDEC: "is undecided"}
_WOULD = {Label.IN: "would stand", Label.OUT: "would fall", Label.UNDEC: "would be undecided"}
_CARD_LABEL = {Label.IN: "stands", Label.OUT: "falls", Label.UNDEC: "undecided"}


@dataclass(frozen=True)
class Card:
    """A claim as a round brief shows it.

    ``tag`` says what it does ("Attacks the thesis"); ``note`` its standing and effect in
    words; ``quoted`` is false when its passage is quoted already, at ``see`` ("our card 2").
    """

    claim: Cited
    tag: str
    note: str
    quoted: bool = True
    see: str = ""
    backing: tuple[Cited, ...] = ()  # named by statement and cite, not quoted


@dataclass(frozen=True)
class Block:
    """One of their cards and our answers, best first; no answers: the map has none."""

    theirs: Card
    answers: tuple[Card, ...]


@dataclass(frozen=True)
class RoundBrief:
    """A round brief (see the module docstring), ready for a renderer."""

    title: str
    subtitle: str
    side: Side
    thesis: Cited
    bottom_line: str
    rule: str
    ours: tuple[Card, ...]
    theirs: tuple[Block, ...]
    take: tuple[str, ...]
    sources: tuple[tuple[str, str], ...]  # (short cite, full reference), in order of use
    more: str  # what the full brief adds
    audience: str = ""  # who the brief is argued to, in words ("" for no one in particular)
    audience_notes: tuple[str, ...] = ()  # the attacks that audience makes fail (at most 3)


def words(text: str) -> int:
    """Return the number of words in ``text`` as ``wc -w`` counts them.

    >>> words("“A quote,” — Peters 2019")
    5
    """
    return len(text.split())


def short(text: str, n: int = 12) -> str:
    """Return ``text``'s first ``n`` words, with "…" when cut, without a final full stop.

    >>> short("One two three four.", 3), short("One two.", 3)
    ('One two three…', 'One two')
    """
    parts = text.split()
    if len(parts) > n:
        return " ".join(parts[:n]).rstrip(",;:") + "…"
    return " ".join(parts).rstrip(".")


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _rank(points: tuple[Point, ...]) -> list[Point]:
    """``points`` in :data:`ORDER_RULE`'s order (the brief's order breaks the last ties)."""
    by_date = sorted(points, key=lambda p: p.claim.date, reverse=True)  # newer first

    def key(p: Point) -> tuple[bool, float, bool]:
        found = p.claim.impact
        return (*(found.key if found else (True, 0.0)), p.claim.label is not Label.IN)

    return sorted(by_date, key=key)


def _note(c: Cited) -> str:
    note = _CARD_LABEL[c.label]
    if c.impact is not None and c.impact.label_changed:
        note += f"; without it the thesis {_WOULD[c.impact.label_without]}"
    return note


def _who(name: str) -> str:
    """An audience by its holder: "Russia: sovereignty first" -> "Russia"."""
    who = name.split(":")[0].split(" (")[0].strip()
    return "the " + who[4:] if who.startswith("The ") else who


def why_phrase(standing: str, deciding: Sequence[str], n: int = 10) -> str:
    """Why a claim has its label, in a phrase naming at most two deciding claims by their
    first ``n`` words; ``standing`` is :class:`argmap.analysis.verdict.Standing`'s value.

    >>> why_phrase("refuted", ["Joining costs far too much money."], 3)
    '“Joining costs far…” stands against it'
    """
    named = [f"“{short(s, n)}”" for s in deciding[:2]]
    them = " and ".join(named)
    one = len(named) == 1
    phrases = {
        "unchallenged": "nothing in the map attacks it",
        "defended": "every objection to it is answered",
        "refuted": f"{them} {'stands' if one else 'stand'} against it" if named else
        "an objection to it stands",
        "disagreement": f"it and {them} attack each other and nothing settles which prevails"
        if named else "it is caught in an open disagreement",
        "depends": f"it waits on the open dispute over {them}" if named else
        "it waits on an open dispute",
        "split": "the map's consistent positions split on it",
        "assumed": "of what you assumed",
    }  # fmt: skip
    return phrases.get(standing, "")


def _why(line: BottomLine, n: int) -> str:
    if line.verdict.startswith("Stands: no attack on it succeeds"):  # the audience's values
        return "no attack on it succeeds for this audience"
    return why_phrase(line.standing, line.deciding, n)


def bottom_line_text(brief: Brief) -> str:
    """Return the brief's bottom line, under :data:`BOTTOM_LIMIT` words: where the thesis
    stands and why, whether that favours us, and for which audiences it stands."""
    line = brief.bottom_line
    t = brief.thesis
    label = line.label if line is not None else t.label
    good = (label is Label.IN) == (brief.side == "for")
    favour = (
        "That favours us." if good and label is not Label.UNDEC
        else "Nothing settles it yet: press our cards." if label is Label.UNDEC
        else "That favours them: see what it would take."
    )  # fmt: skip
    who = f"For {_who(brief.audience)}, the" if brief.audience else "The"
    groups: dict[Label, list[str]] = {}
    for name, other in brief.audience_lines:
        groups.setdefault(other.label, []).append(_who(name))
    across = "; ".join(
        f"{'undecided' if lab is Label.UNDEC else _STANDS[lab]} for {', '.join(names)}"
        for lab, names in sorted(groups.items(), key=lambda kv: list(Label).index(kv[0]))
    )
    for n in (10, 6, 4):
        why = _why(line, n) if line is not None else ""
        text = f"{who} thesis {_STANDS[label]}" + (f": {why}." if why else ".") + f" {favour}"
        if across and not brief.audience:
            with_across = f"{text} Across the map's audiences it {across}."
            if words(with_across) < BOTTOM_LIMIT:
                return with_across
        if words(text) < BOTTOM_LIMIT:
            return text
    return f"{who} thesis {_STANDS[label]}. {favour}"


def _take(brief: Brief) -> tuple[str, ...]:
    """What it would take to carry the thesis (or for them to), said once."""
    line = brief.bottom_line
    if line is None:
        return ()
    ours = brief.side == "for"
    if line.label is Label.IN:
        return (
            ("Nothing more: it stands while our answers to their cards hold.",)
            if ours
            else (
                "It stands: to bring it down, one of our cards must stand unanswered; "
                "defeat their answers to it.",
            )
        )
    said = []
    lead = "To carry it, answer" if ours else "They carry it only by answering"
    for n, group in enumerate(line.answer):
        listed = "; ".join(f"“{short(c.statement, 25 if n == 0 else 10)}”" for c in group)
        every = "all of " if len(group) > 1 else ""
        said.append(f"{lead if n == 0 else 'Or answer'} {every}{listed}.")
    if said and not ours:
        said.append("Keep those standing.")
    cuts = [links for links in line.cut if len(links) == 1]
    if cuts and words(cuts[0][0]) <= 45:
        said.append(f"Or {'break' if ours else 'they break'} the link: {cuts[0][0]}.")
    if not said:
        said.append("No set of answers in the map carries it.")
    if not line.complete:
        said.append("(Time ran out: smaller sets may exist.)")
    return tuple(said)


class _Quotes:
    """Where each passage was first quoted, so none is quoted twice."""

    def __init__(self) -> None:
        self.at: dict[str, str] = {}  # passage key -> "our card 2"

    def seen(self, quote: str) -> str:
        k = _key(quote)
        for old, where in self.at.items():
            if k and (k in old or old in k):
                return where
        return ""

    def card(self, claim: Cited, tag: str, where: str, backing: tuple[Cited, ...] = ()) -> Card:
        see = self.seen(claim.quote)
        if not see:
            self.at[_key(claim.quote)] = where
        return Card(claim, tag, _note(claim), not see, see, backing)


def _card_words(card: Card) -> int:
    n = words(card.tag) + words(card.claim.statement) + words(card.note) + 4
    if card.quoted:
        n += words(card.claim.quote) + words(card.claim.short) + 3
    else:
        n += words(card.see) + 3
    for b in card.backing:
        n += words(short(b.statement, 12)) + words(b.short) + 3
    return n


def _distinct_cites(
    ours: list[Card], theirs: list[Block], cites: dict[str, str], refs: dict[str, str]
) -> tuple[list[Card], list[Block], tuple[tuple[str, str], ...]]:
    """Give two sources with one short cite ("Peters 2019") letters: "Peters 2019a", "…b"."""
    by_cite: dict[str, list[str]] = {}
    for source, cite in cites.items():
        by_cite.setdefault(cite, []).append(source)
    renamed = {
        s: f"{cite}{'abcdefghijklmnopqrstuvwxyz'[n % 26]}"
        for cite, group in by_cite.items() if len(group) > 1
        for n, s in enumerate(group)
    }  # fmt: skip
    if renamed:

        def fix(c: Cited) -> Cited:
            return replace(c, short=renamed[c.source]) if c.source in renamed else c

        def fix_card(k: Card) -> Card:
            return replace(k, claim=fix(k.claim), backing=tuple(fix(b) for b in k.backing))

        ours = [fix_card(k) for k in ours]
        theirs = [Block(fix_card(b.theirs), tuple(fix_card(a) for a in b.answers)) for b in theirs]
    sources = tuple((renamed.get(s, c), refs.get(s, c)) for s, c in cites.items())
    return ours, theirs, sources


def _answer_tag(n: int, answer: Point) -> str:
    tag = "Our answer" if n == 0 else "Or answer"
    return tag + (" (undercuts its link)" if answer.relation_type == "undercuts" else "")


def round_brief(brief: Brief, limit: int = WORD_LIMIT) -> RoundBrief:
    """Return the round brief of ``brief`` (see the module docstring), within ``limit``
    words when rendered."""
    thesis = brief.thesis.id
    side = "for" if brief.side == "for" else "against"
    title = f"Round brief {side}: {brief.thesis.statement}"
    subtitle = f"{brief.title} — {brief.question}"
    bottom = bottom_line_text(brief)
    take = _take(brief)
    refs = dict((b.id, b.reference) for b in brief.bibliography)
    more_template = (
        "The full brief has {n} more of our cards and {m} more of theirs, with every "
        "chain of backing, the claims that decide the thesis and each audience's case."
    )
    notes = brief.audience_notes[:3]
    used = words(title) + words(subtitle) + words(bottom) + words(ORDER_RULE)
    used += words(brief.audience) + sum(words(n) for n in notes) + (6 if brief.audience else 0)
    used += sum(words(t) for t in take) + words(more_template) + _SLACK

    ours_ranked = _rank(brief.our_case)
    theirs_ranked: list[Point] = []
    met: set[str] = set()
    for p in _rank(brief.their_case):  # an argument of theirs once, where it matters most
        if p.claim.id not in met:
            met.add(p.claim.id)
            theirs_ranked.append(p)

    quotes = _Quotes()
    cited_sources: dict[str, str] = {}  # source id -> short cite
    shown: dict[str, str] = {}  # claim id -> "our card 2", for their tags

    def source_cost(cards: list[Cited]) -> int:
        new = {c.source for c in cards} - set(cited_sources)
        return sum(words(refs.get(s, "")) + 2 for s in new)

    def add_sources(cards: list[Cited]) -> None:
        for c in cards:
            cited_sources.setdefault(c.source, c.short)

    def target_words(p: Point) -> str:
        if p.target == thesis:
            return "the thesis"
        if p.target in shown:
            return shown[p.target]
        name = brief.name(p.target)  # “statement”, or the link from “statement”
        inner = re.fullmatch(r"(the link from )?“(.*)”", name, flags=re.S)
        if inner is None:
            return name
        said = inner.group(2)
        origin = next((w for c, w in shown_statements.items() if c == said), "")
        return f"{inner.group(1) or ''}{origin or '“' + short(said, 10) + '”'}"

    how = {"supports": "Supports", "attacks": "Attacks", "undercuts": "Undercuts"}
    shown_statements: dict[str, str] = {}  # statement of our card -> "our card 2"
    chosen_ours: list[tuple[Point, tuple[Cited, ...]]] = []
    chosen_theirs: list[tuple[Point, str]] = []
    full_ours, full_theirs = True, True
    i = 0
    # Choose: one of ours, one of theirs, best first, while they fit (the quotes tracker
    # only estimates which passages repeat; quoting is settled below, in reading order).
    while (full_ours or full_theirs) and i < max(len(ours_ranked), len(theirs_ranked)):
        if full_ours and i < len(ours_ranked):
            p = ours_ranked[i]
            where = f"our card {len(chosen_ours) + 1}"
            backing = tuple(b.claim for b in p.backing[:2])
            saved = dict(quotes.at)
            card = quotes.card(p.claim, f"{how[p.relation_type]} the thesis", where, backing)
            cost = _card_words(card) + source_cost([p.claim, *backing])
            if used + cost <= limit:
                used += cost
                chosen_ours.append((p, backing))
                shown[p.claim.id] = where
                shown_statements[p.claim.statement.rstrip(".")] = where
                add_sources([p.claim, *backing])
            else:
                quotes.at, full_ours = saved, False
        if full_theirs and i < len(theirs_ranked):
            p = theirs_ranked[i]
            where = f"their card {len(chosen_theirs) + 1}"
            saved = dict(quotes.at)
            tag = f"{how[p.relation_type]} {target_words(p)}"
            card = quotes.card(p.claim, tag, where)
            answers = [quotes.card(a.claim, _answer_tag(n, a), f"our answer to {where}")
                       for n, a in enumerate(p.answers[:2])]  # fmt: skip
            cost = sum(_card_words(a) for a in answers) if answers else 8
            cost += _card_words(card) + source_cost([p.claim, *(a.claim for a in answers)])
            if used + cost <= limit:
                used += cost
                chosen_theirs.append((p, tag))
                add_sources([p.claim, *(a.claim for a in answers)])
            else:
                quotes.at, full_theirs = saved, False
        i += 1
    # Quote each passage where it is first read: our cards, then theirs with our answers.
    quotes = _Quotes()
    ours = [
        quotes.card(p.claim, f"{how[p.relation_type]} the thesis", f"our card {n}", backing)
        for n, (p, backing) in enumerate(chosen_ours, 1)
    ]
    theirs = []
    for n, (p, tag) in enumerate(chosen_theirs, 1):
        card = quotes.card(p.claim, tag, f"their card {n}")
        answers = [quotes.card(a.claim, _answer_tag(k, a), f"our answer to their card {n}")
                   for k, a in enumerate(p.answers[:2])]  # fmt: skip
        theirs.append(Block(card, tuple(answers)))
    ours, theirs, sources = _distinct_cites(ours, theirs, cited_sources, refs)
    more = ""
    left = (len(ours_ranked) - len(ours), len(theirs_ranked) - len(theirs))
    if any(left):
        more = more_template.format(n=left[0], m=left[1])
    return RoundBrief(
        title=title,
        subtitle=subtitle,
        side=brief.side,
        thesis=brief.thesis,
        bottom_line=bottom,
        rule=ORDER_RULE,
        ours=tuple(ours),
        theirs=tuple(theirs),
        take=take,
        sources=sources,
        more=more,
        audience=brief.audience,
        audience_notes=notes,
    )
