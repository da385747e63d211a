"""Suggest what a new claim supports or attacks: ranked by meaning and by the debate's
structure, each with a type, for the author to confirm or reject (never applied here).

For a claim ``c`` (in the map or about to be added), every other claim ``t`` it does not yet
bear on is scored:

- **meaning**: the cosine of the two claims' statements, by the quote finder's embedding
  model (WordLlama, shipped in its wheel);
- **same thesis**: ``t`` bears on a thesis ``c`` already bears on, through its own relations
  or, for a claim with none yet, through its actor's other claims;
- **the actors meet**: ``c``'s actor and ``t``'s are the same, allies or opponents in the map
  (their claims support or attack one another, or take sides on one thesis);
- **a common target**: how many relations already point at ``t`` (theses and hubs are
  where new claims go);
- **the same source**: an article's claims answer one another more often than not.

The type follows the actors: the same actor or an ally supports, an opponent attacks; when
the actors never meet, the sides ``c`` and ``t`` take on their shared thesis decide (the
same side supports), else ``supports``, the commonest relation. ``bench/bench_links.py``
measures this against word overlap alone, hiding each relation of the cybercrime map in
turn.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "T", "question": "Q?",
...     "sources": [{"id": "s", "title": "S", "kind": "article"}],
...     "actors": [{"id": "a", "name": "A", "kind": "person"},
...                {"id": "b", "name": "B", "kind": "person"}],
...     "claims": [
...         {"id": "t", "statement": "States should sign the treaty.", "kind": "thesis",
...          "source": "s", "actor": "a", "quote": "q"},
...         {"id": "x", "statement": "The treaty threatens free speech.", "source": "s",
...          "actor": "b", "quote": "q"},
...         {"id": "y", "statement": "Signing helps catch criminals abroad.", "source": "s",
...          "actor": "a", "quote": "q"},
...         {"id": "new", "statement": "Police abroad could prosecute journalists.",
...          "source": "s", "actor": "b", "quote": "q"}],
...     "relations": [{"id": "r1", "type": "attacks", "from": "x", "to": "t"},
...                   {"id": "r2", "type": "supports", "from": "y", "to": "t"}]})
>>> sorted((s.target, s.type) for s in suggest_links(m, "new", 3))
[('t', 'attacks'), ('x', 'supports'), ('y', 'attacks')]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from argmap.model import ArgumentMap, Claim, ClaimKind, Relation, RelationType

LinkType = Literal["supports", "attacks"]
# Chosen on the cybercrime map by bench/bench_links.py (a small grid; in-sample, say so).
WEIGHTS = {"meaning": 1.0, "thesis": 0.1, "actors": 0.1, "target": 0.2, "source": 0.2}
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    _WORD.findall(
        "a an and are as at be by can could for from has have in into is it its may more not "
        "of on or should so than that the their them there these they this to was were which "
        "will with would"
    )
)


@dataclass(frozen=True)
class LinkSuggestion:
    """A relation the author may add: ``claim`` ``type`` ``target``, with its ``score``
    (higher is likelier) and the reasons, in words."""

    claim: str
    target: str
    type: LinkType
    score: float
    reasons: tuple[str, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        return {"claim": self.claim, "target": self.target, "type": self.type,
                "score": round(self.score, 4), "reasons": list(self.reasons)}  # fmt: skip


def _claim_relations(relations: Iterable[Relation]) -> list[Relation]:
    return [r for r in relations if r.type is not RelationType.undercuts]


def thesis_sides(
    claims: Sequence[Claim], relations: Sequence[Relation]
) -> dict[str, dict[str, int]]:
    """Return, for each claim, the theses it bears on and its side on each (+1 for, -1
    against), along chains of supports (keep the side) and attacks (flip it).

    >>> c = [Claim(id=i, statement="S.", source="s", actor="a", quote="q", kind=k)
    ...      for i, k in (("t", "thesis"), ("x", "claim"), ("y", "claim"))]
    >>> r = [Relation(id="r1", type="attacks", from_="x", to="t"),
    ...      Relation(id="r2", type="attacks", from_="y", to="x")]
    >>> thesis_sides(c, r)
    {'t': {'t': 1}, 'x': {'t': -1}, 'y': {'t': 1}}
    """
    into: dict[str, list[Relation]] = {}
    for r in _claim_relations(relations):
        into.setdefault(r.to, []).append(r)
    sides: dict[str, dict[str, int]] = {c.id: {} for c in claims}
    for thesis in (c.id for c in claims if c.kind is ClaimKind.thesis):
        side = {thesis: 1}
        queue = [thesis]
        while queue:
            node = queue.pop(0)
            for r in into.get(node, []):
                if r.from_ not in side:
                    side[r.from_] = side[node] * (1 if r.type is RelationType.supports else -1)
                    queue.append(r.from_)
        for claim_id, sign in side.items():
            if claim_id in sides:
                sides[claim_id][thesis] = sign
    return sides


def actor_stances(
    claims: Sequence[Claim], relations: Sequence[Relation], sides: dict[str, dict[str, int]]
) -> dict[tuple[str, str], int]:
    """Return +1 (allies) or -1 (opponents) for pairs of actors who meet in the map: their
    claims support or attack one another, or, failing that, take sides on one thesis.

    >>> c = [Claim(id=i, statement="S.", source="s", actor=a, quote="q")
    ...      for i, a in (("x", "ann"), ("y", "bo"))]
    >>> actor_stances(c, [Relation(id="r", type="attacks", from_="x", to="y")], {})
    {('ann', 'bo'): -1, ('bo', 'ann'): -1}
    """
    actor = {c.id: c.actor for c in claims}
    tally: Counter[tuple[str, str]] = Counter()
    for r in _claim_relations(relations):
        a, b = actor.get(r.from_), actor.get(r.to)
        if a is None or b is None or a == b:
            continue
        sign = 1 if r.type is RelationType.supports else -1
        tally[(a, b)] += sign
        tally[(b, a)] += sign
    leaning: dict[str, Counter[str]] = {}
    for claim_id, on in sides.items():
        for thesis, sign in on.items():
            if claim_id in actor and claim_id != thesis:
                leaning.setdefault(actor[claim_id], Counter())[thesis] += sign
    stance = {pair: (1 if n > 0 else -1) for pair, n in tally.items() if n}
    names = sorted(leaning)
    for a in names:
        for b in names:
            if a == b or (a, b) in stance:
                continue
            votes = [
                (1 if leaning[a][t] * leaning[b][t] > 0 else -1)
                for t in leaning[a]
                if leaning[a][t] and leaning[b].get(t)
            ]
            if sum(votes):
                stance[(a, b)] = 1 if sum(votes) > 0 else -1
    return stance


def words(text: str) -> set[str]:
    """Return the content words of ``text``, lower-cased.

    >>> sorted(words("The treaty protects the rights of users."))
    ['protects', 'rights', 'treaty', 'users']
    """
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def word_overlap(a: str, b: str) -> float:
    """Return the Jaccard overlap of two texts' content words, in [0, 1]."""
    x, y = words(a), words(b)
    return len(x & y) / len(x | y) if x | y else 0.0


_Scored = tuple[float, Claim, LinkType, tuple[str, ...]]


class LinkSuggester:
    """Suggestions for claims of one map; embeddings of every statement are computed once."""

    def __init__(self, argument_map: ArgumentMap, *, vectors: dict[str, Any] | None = None) -> None:
        self.map = argument_map
        self.claims = {c.id: c for c in argument_map.claims}
        self._vectors: dict[str, Any] = dict(vectors or {})

    def vectors(self, claims: Iterable[Claim]) -> dict[str, Any]:
        """Return each claim's unit embedding (its statement), computing the missing ones."""
        from argmap.products.quote_finder import _model

        todo = [c for c in claims if c.statement not in self._vectors]
        if todo:
            embedded = _model().embed([c.statement for c in todo], norm=True)
            for claim, vector in zip(todo, embedded, strict=True):
                self._vectors[claim.statement] = vector
        return self._vectors

    def suggest(
        self,
        claim: Claim,
        k: int = 5,
        *,
        relations: Sequence[Relation] | None = None,
        method: Literal["full", "words"] = "full",
    ) -> list[LinkSuggestion]:
        """Return up to ``k`` suggestions for ``claim``, best first (ties in map order).

        ``relations`` stands for the map's (to hide some, as the benchmark does);
        ``method="words"`` ranks by word overlap alone and always says ``supports``: the
        baseline.
        """
        relations = list(self.map.relations if relations is None else relations)
        already = {r.to for r in relations if r.from_ == claim.id}
        already |= {r.from_ for r in relations if r.to == claim.id}
        scored: list[_Scored] = []
        candidates = [c for c in self.map.claims if c.id != claim.id and c.id not in already]
        if not candidates:
            return []
        if method == "words":
            scored = [(word_overlap(claim.statement, c.statement), c, "supports", ())
                      for c in candidates]  # fmt: skip
            return self._top(claim, scored, k)
        others = [c for c in self.map.claims if c.id != claim.id]
        sides = thesis_sides([*others, claim], relations)
        stance = actor_stances(others, [r for r in relations if claim.id not in (r.from_, r.to)],
                               sides)  # fmt: skip
        mine = dict(sides.get(claim.id, {}))
        if not mine:  # a claim with no relations yet: its actor's other claims' theses
            tally: Counter[str] = Counter()
            for c in others:
                if c.actor == claim.actor:
                    tally.update({t: s for t, s in sides.get(c.id, {}).items() if c.id != t})
            mine = {t: (1 if n > 0 else -1) for t, n in tally.items() if n}
        indegree = Counter(r.to for r in _claim_relations(relations))
        vectors = self.vectors([claim, *candidates])
        own = vectors[claim.statement]
        for c in candidates:
            meaning = float(vectors[c.statement] @ own)
            theirs = sides.get(c.id, {})
            shared = [t for t in mine if t in theirs]
            pair = 1 if c.actor == claim.actor else stance.get((claim.actor, c.actor), 0)
            reasons = [f"alike in meaning ({meaning:.2f})"]
            score = WEIGHTS["meaning"] * meaning
            if shared:
                score += WEIGHTS["thesis"]
                reasons.append(f"both bear on {shared[0]!r}")
            if pair:
                score += WEIGHTS["actors"]
                reasons.append(
                    "the same actor" if c.actor == claim.actor
                    else "their actors are allies" if pair > 0 else "their actors are opponents"
                )  # fmt: skip
            score += WEIGHTS["target"] * math.log1p(indegree[c.id])
            if c.source == claim.source:
                score += WEIGHTS["source"]
                reasons.append("from the same source")
            if pair:
                kind: LinkType = "supports" if pair > 0 else "attacks"
            elif shared:
                agree = mine[shared[0]] * theirs[shared[0]] > 0
                kind = "supports" if agree else "attacks"
                reasons.append("the same side of it" if agree else "opposite sides of it")
            else:
                kind = "supports"
            scored.append((score, c, kind, tuple(reasons)))
        return self._top(claim, scored, k)

    def _top(
        self,
        claim: Claim,
        scored: list[_Scored],
        k: int,
    ) -> list[LinkSuggestion]:
        order = {c.id: i for i, c in enumerate(self.map.claims)}
        scored.sort(key=lambda s: (-round(s[0], 9), order.get(s[1].id, 0)))
        return [LinkSuggestion(claim.id, c.id, kind, score, reasons)
                for score, c, kind, reasons in scored[:k]]  # fmt: skip


def suggest_links(
    argument_map: ArgumentMap, claim: str | Claim, k: int = 5
) -> list[LinkSuggestion]:
    """Return up to ``k`` relations ``claim`` most likely makes (a claim of the map, by id,
    or a new :class:`~argmap.model.Claim`), best first; see the module's docstring."""
    target = argument_map.claim(claim) if isinstance(claim, str) else claim
    return LinkSuggester(argument_map).suggest(target, k)
