"""Drill: practise answering the other side, one of its arguments at a time.

The deck is the other side's case from the debate brief (:func:`argmap.products.brief.build_brief`):
their arguments on the thesis and their objections to ours, strongest first, each with the
map's answers to it. A :class:`DrillSession` walks the deck: the debater states a response
(in words, or by picking one of our claims), sees the map's answers, and marks how they did.
The session holds only plain values, so it round-trips through a dict (Streamlit's
session state, a JSON file).

>>> from argmap.analysis import demo_graph
>>> deck = drill_deck(demo_graph(), "thesis", "for")
>>> [(c.claim.id, [a.id for a in c.answers]) for c in deck]
[('cost', ['subsidy'])]
>>> s = DrillSession.start(deck)
>>> s.respond("A subsidy pays for it.")
>>> s.mark("partial")
>>> s.done, s.score().points, s.still_weak()
(True, 0.5, [])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import networkx as nx

from argmap.graph import claim_ids, is_claim, relation_origin
from argmap.products.brief import build_brief
from argmap.products.brief.build import Cited, Point, Side, sides
from argmap.semantics.framework import DEFAULT_VIEW
from argmap.semantics.reading import Reading
from argmap.semantics.values import Ranking

SelfMark = Literal["strong", "partial", "weak", "missed"]
MARKS: tuple[SelfMark, ...] = ("strong", "partial", "weak", "missed")
POINTS: dict[str, float] = {"strong": 1.0, "partial": 0.5, "weak": 0.0, "missed": 0.0}
WEAK: frozenset[str] = frozenset({"weak", "missed"})


@dataclass(frozen=True)
class Card:
    """One opposing argument to answer.

    ``claim`` bears on ``target`` (``target_statement`` in words; for an undercut, the link
    from ``target`` is what it cuts) through ``relation`` of ``relation_type``; ``answers``
    are the map's replies to it, strongest first (empty when the map has none).
    """

    relation: str
    relation_type: str
    target: str
    target_statement: str
    claim: Cited
    answers: tuple[Cited, ...]


def _card(G: nx.DiGraph, point: Point) -> Card:
    """Return the card for one point of the brief's other side."""
    target = point.target
    if not is_claim(G, target):  # an undercut: name the claim whose link it cuts
        target = relation_origin(G, target)
    return Card(
        point.relation,
        point.relation_type,
        target,
        str(G.nodes[target]["statement"]),
        point.claim,
        tuple(a.claim for a in point.answers),
    )


def drill_deck(
    G: nx.DiGraph,
    thesis: str,
    side: Side,
    *,
    semantics: str = "grounded",
    view: str = DEFAULT_VIEW,
    timeout: float | None = 10.0,
    audience: Ranking | None = None,
    reading: Reading | None = None,
) -> list[Card]:
    """Return the cards for arguing ``side`` of ``thesis``: the other side's case, strongest
    first (see the module example); labels weighed for ``audience`` when given, or all the
    choices given as one ``reading``."""
    brief = build_brief(
        G, thesis, side, semantics=semantics, view=view, timeout=timeout, audience=audience,
        reading=reading,
    )  # fmt: skip
    return [_card(G, p) for p in brief.their_case]


def our_claims(G: nx.DiGraph, thesis: str, side: Side) -> list[str]:
    """Return the claims on ``side`` of ``thesis`` in map order, the thesis itself excluded:
    what a debater may pick from as a response.

    >>> from argmap.analysis import demo_graph
    >>> our_claims(demo_graph(), "thesis", "for"), our_claims(demo_graph(), "thesis", "against")
    (['subsidy', 'jobs'], ['cost', 'doubt'])
    """
    sign = 1 if side == "for" else -1
    polarity = sides(G, thesis)
    return [c for c in claim_ids(G) if c != thesis and polarity.get(c) == sign]


@dataclass(frozen=True)
class Score:
    """A session's result: ``points`` of ``out_of`` (strong 1, partial ½, weak and missed 0)
    and how many cards got each mark."""

    points: float
    out_of: int
    counts: dict[str, int]

    @property
    def percent(self) -> int:
        """The score as a whole percentage (0 for an empty session).

        >>> Score(1.5, 2, {}).percent, Score(0, 0, {}).percent
        (75, 0)
        """
        return round(100 * self.points / self.out_of) if self.out_of else 0


@dataclass
class DrillSession:
    """Where a debater is in a deck: the card shown, what they said, and their marks.

    Cards are named by their relation id, so a session survives the deck being rebuilt.
    ``responses`` holds free text, ``picks`` a claim chosen as the response, ``marks`` the
    self-marks; ``revealed`` whether the current card's answers are shown.
    """

    cards: list[str]
    index: int = 0
    revealed: bool = False
    responses: dict[str, str] = field(default_factory=dict)
    picks: dict[str, str] = field(default_factory=dict)
    marks: dict[str, str] = field(default_factory=dict)

    @classmethod
    def start(cls, deck: Sequence[Card]) -> DrillSession:
        """Return a new session over ``deck``, at its first card.

        >>> from argmap.analysis import demo_graph
        >>> DrillSession.start(drill_deck(demo_graph(), "thesis", "for")).current
        'r-cost'
        """
        return cls([c.relation for c in deck])

    @property
    def done(self) -> bool:
        """Whether the session is past its last card.

        >>> DrillSession([]).done, DrillSession(["a"]).done
        (True, False)
        """
        return self.index >= len(self.cards)

    @property
    def current(self) -> str | None:
        """The relation id of the card shown, or None when the session is done.

        >>> DrillSession(["a", "b"], index=1).current
        'b'
        """
        return None if self.done else self.cards[self.index]

    def respond(self, text: str = "", pick: str | None = None) -> None:
        """Record the response to the current card and show the map's answers; returns None.

        >>> s = DrillSession(["a"])
        >>> s.respond(" Costs fall. ", pick="subsidy")
        >>> s.responses, s.picks, s.revealed
        ({'a': 'Costs fall.'}, {'a': 'subsidy'}, True)
        """
        card = self.current
        if card is None:
            return
        if text.strip():
            self.responses[card] = text.strip()
        if pick:
            self.picks[card] = pick
        self.revealed = True

    def mark(self, how: str) -> None:
        """Record the self-mark of the current card and move to the next one; returns None.

        >>> s = DrillSession(["a", "b"])
        >>> s.mark("weak")
        >>> s.marks, s.current
        ({'a': 'weak'}, 'b')
        """
        if how not in MARKS:
            raise ValueError(f"a mark is one of {', '.join(MARKS)}, not {how!r}")
        card = self.current
        if card is None:
            return
        self.marks[card] = how
        self.index += 1
        self.revealed = False

    def back(self) -> None:
        """Return to the previous card (its mark stays until it is marked again); returns None.

        >>> s = DrillSession(["a", "b"], index=1)
        >>> s.back()
        >>> s.current
        'a'
        """
        self.index = max(0, self.index - 1)
        self.revealed = False

    def score(self) -> Score:
        """Return the score over the cards marked so far.

        >>> s = DrillSession(["a", "b", "c"], marks={"a": "strong", "b": "missed"})
        >>> s.score()
        Score(points=1.0, out_of=2, counts={'strong': 1, 'partial': 0, 'weak': 0, 'missed': 1})
        """
        counts: dict[str, int] = dict.fromkeys(MARKS, 0)
        for card in self.cards:
            if card in self.marks:
                counts[self.marks[card]] += 1
        points = sum(POINTS[self.marks[c]] for c in self.cards if c in self.marks)
        return Score(points, sum(counts.values()), counts)

    def still_weak(self) -> list[str]:
        """Return the cards marked weak or missed, in deck order: what to practise again.

        >>> DrillSession(["a", "b"], marks={"a": "weak", "b": "strong"}).still_weak()
        ['a']
        """
        return [c for c in self.cards if self.marks.get(c) in WEAK]

    def to_dict(self) -> dict[str, Any]:
        """Return the session as plain values (see :meth:`from_dict`).

        >>> DrillSession.from_dict(DrillSession(["a"], marks={"a": "weak"}).to_dict()).marks
        {'a': 'weak'}
        """
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DrillSession:
        """Return the session :meth:`to_dict` gave (missing fields take their defaults).

        >>> DrillSession.from_dict({"cards": ["a"]}).index
        0
        """
        return cls(
            cards=list(data["cards"]),
            index=int(data.get("index", 0)),
            revealed=bool(data.get("revealed", False)),
            responses=dict(data.get("responses", {})),
            picks=dict(data.get("picks", {})),
            marks=dict(data.get("marks", {})),
        )
