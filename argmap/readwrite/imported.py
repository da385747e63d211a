"""What the importers of other tools' formats share: their result and a map builder.

Foreign formats (Argdown, AIF, Kialo) have no sources, actors or quotes, so an imported map
gets one source for the imported file, one actor per known speaker (else one for the
document's unknown author), and each claim's own text as its quote: in the imported file
that text *is* the source's verbatim words.

>>> b = MapBuilder("demo.txt", title="Demo")
>>> c = b.add_claim("Cities should ban cars.", kind="thesis")
>>> d = b.add_claim("Cars pollute.")
>>> r = b.add_relation("supports", d, c)
>>> (c, d, r)
('cities-should-ban-cars', 'cars-pollute', 'r-cars-pollute-supports-cities-should-ban-cars')
>>> result = b.result()
>>> [claim.quote for claim in result.map.claims], result.map.sources[0].id
(['Cities should ban cars.', 'Cars pollute.'], 'demo')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from pydantic import ValidationError

from argmap.limits import DEFAULT_LIMITS, SENTENCE_MAX, Limits, too_many_items
from argmap.model import ID_PATTERN, ArgumentMap
from argmap.problems import MapFileError, Problem
from argmap.text import UNSAFE, unsafe_message, visible

QUOTE_MAX = 600
_ID = re.compile(ID_PATTERN)


@dataclass
class ImportResult:
    """An imported map and what of the file it could not express, each located."""

    map: ArgumentMap
    warnings: list[Problem] = field(default_factory=list)


def slug(text: str, max_words: int = 6, max_len: int = 48) -> str:
    """Return a readable id made of the first words of ``text`` ('' if it has none).

    >>> slug("L'État, c'est moi — Louis XIV (1655)")
    'l-etat-c-est-moi-louis'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = "-".join(words[:max_words])
    return out[:max_len].strip("-")


def is_id(text: str) -> bool:
    """Return whether ``text`` is already a valid map id (kept as is on import).

    >>> is_id("thesis-1"), is_id("Thesis 1"), is_id("12")
    (True, False, True)
    """
    return len(text) <= 80 and _ID.match(text) is not None


class MapBuilder:
    """Collects claims and relations with unique readable ids; :meth:`result` validates."""

    def __init__(
        self,
        file: str,
        *,
        title: str | None = None,
        question: str | None = None,
        description: str | None = None,
        limits: Limits = DEFAULT_LIMITS,
    ) -> None:
        self.file = file
        self.limits = limits
        self.warnings: list[Problem] = []
        title, question, description = (self.clean(t, 1) for t in (title, question, description))
        stem = PurePath(file).stem or file or "imported"
        self.title = (title or "").strip() or stem
        self.question = (question or "").strip() or self.title
        self.description = description
        self.sources: list[dict[str, Any]] = []
        self.actors: list[dict[str, Any]] = []
        self.values: list[dict[str, Any]] = []  # as argmap wrote them (AIF, Argdown)
        self.audiences: list[dict[str, Any]] = []
        self.claims: list[dict[str, Any]] = []
        self.relations: list[dict[str, Any]] = []
        self._used: set[str] = set()
        self._next: dict[str, int] = {}  # base id -> the next -N suffix to try
        self._relation_by_ends: dict[tuple[str, str, str], dict[str, Any]] = {}
        self._default_source: str | None = None
        self._default_actor: str | None = None
        self._relations_from: dict[str, list[dict[str, Any]]] = {}

    # ids -------------------------------------------------------------------------------
    def unique_id(self, wanted: str, fallback: str = "item") -> str:
        """Return ``wanted`` (made a valid id) or, if taken, it with the first free ``-N``."""
        base = wanted if is_id(wanted) else slug(wanted) or fallback
        base = base[:72].rstrip("-_.") or fallback
        # Resume counting where this base last stopped: n ids alike cost n steps, not n².
        candidate, n = base, self._next.get(base, 2)
        while candidate in self._used:
            candidate, n = f"{base}-{n}", n + 1
        self._next[base] = n
        self._used.add(candidate)
        return candidate

    def reserve(self, item_id: str) -> None:
        self._used.add(item_id)

    def warn(
        self, line: int, message: str, col: int = 1, path: str = "", type: str = "not_kept"
    ) -> None:
        self.warnings.append(Problem(self.file, line, col, path, message, type))

    def clean(self, text: str | None, line: int) -> str | None:
        """Return ``text`` with its line ends made ``\n`` and any control character or
        bidirectional override made visible (``<U+202E>``), with a warning at ``line``:
        the map never holds one, so no writer or terminal is given one."""
        if text is None or UNSAFE.search(text) is None:
            return text
        text = text.replace("\r\n", "\n")
        message = unsafe_message(text)
        if message is None:
            return text
        self.warn(
            line, f"{message.split(': not text')[0]}: shown as <U+...>", type="unsafe_character"
        )
        return visible(text)

    def _room(self, section: str, line: int) -> None:
        entries = getattr(self, section)
        if len(entries) >= self.limits.max_items:
            message = f"{section}: {too_many_items(len(entries) + 1, self.limits)}"
            raise MapFileError([Problem(self.file, line, 1, "", message, "too_many_items")])

    # entries ---------------------------------------------------------------------------
    def default_source(self, **fields: Any) -> str:
        """Return the id of the source standing for the imported file (made on first use)."""
        if self._default_source is None:
            sid = self.unique_id(slug(self.title) or "imported", "imported")
            self.sources.append(
                {"id": sid, "title": self.title, "kind": "other"}
                | {k: v for k, v in fields.items() if v}
            )
            self._default_source = sid
        return self._default_source

    def default_actor(self, name: str | None = None) -> str:
        """Return the id of the actor for claims whose speaker the file does not name."""
        if self._default_actor is None:
            if name:
                self._default_actor = self.add_actor(name, kind="person")
            else:
                self._default_actor = self.add_actor(
                    f"Unknown author of {PurePath(self.file).name or self.file}",
                    kind="other",
                    wanted="unknown",
                )
        return self._default_actor

    def add_actor(self, name: str, *, kind: str = "person", wanted: str | None = None) -> str:
        name = self.clean(name, 1) or ""
        aid = self.unique_id(wanted or slug(name) or "actor", "actor")
        self.actors.append({"id": aid, "name": name, "kind": kind})
        return aid

    def add_claim(
        self,
        statement: str,
        *,
        wanted_id: str | None = None,
        kind: str = "claim",
        source: str | None = None,
        actor: str | None = None,
        quote: str | None = None,
        tags: list[str] | None = None,
        note: str | None = None,
        line: int = 1,
        **extra: Any,
    ) -> str:
        """Add a claim; return its id. A quote over 600 characters is cut, with a warning; a
        claim past ``limits.max_items`` is refused (a located :class:`MapFileError`)."""
        self._room("claims", line)
        statement = self.clean(statement, line) or ""
        quote, note = self.clean(quote, line), self.clean(note, line)
        cid = self.unique_id(wanted_id or slug(statement) or "claim", "claim")
        quote = (quote if quote is not None else statement).strip()
        if len(quote) > QUOTE_MAX:
            self.warn(
                line,
                f"the text of {cid!r} is longer than a quote may be "
                f"({QUOTE_MAX} characters); its quote was cut",
            )
            quote = quote[: QUOTE_MAX - 1].rstrip() + "…"
        if len(statement) > SENTENCE_MAX:
            # A statement is one sentence: keep its start, and the whole text as the note.
            self.warn(
                line,
                f"the text of {cid!r} is longer than a statement may be ({SENTENCE_MAX:,} "
                "characters); its statement was cut and the whole text kept as its note",
            )
            note = "\n\n".join(t for t in (statement, note) if t)
            statement = statement[: SENTENCE_MAX - 1].rstrip() + "…"
        claim: dict[str, Any] = {
            "id": cid,
            "statement": statement,
            "kind": kind,
            "source": source or self.default_source(),
            "actor": actor or self.default_actor(),
            "quote": quote,
        }
        if tags:
            claim["tags"] = list(dict.fromkeys(tags))
        if note:
            claim["note"] = note
        claim.update({k: v for k, v in extra.items() if v is not None})
        self.claims.append(claim)
        return cid

    def add_relation(
        self,
        type_: str,
        from_: str,
        to: str,
        *,
        wanted_id: str | None = None,
        note: str | None = None,
    ) -> str:
        """Add a relation; return its id (``r-<from>-<type>-<to>`` unless one is wanted).

        A relation already added with the same type and ends is the same relation (Argdown
        lets one be written from both ends): its id is returned and nothing is added.
        """
        note = self.clean(note, 1)
        known = self._relation_by_ends.get((type_, from_, to))  # a dict: linear, not n²
        if known is not None:
            if note and not known.get("note"):
                known["note"] = note
            return str(known["id"])
        self._room("relations", 1)
        rid = self.unique_id(wanted_id or f"r-{from_}-{type_}-{to}", "r")
        relation: dict[str, Any] = {"id": rid, "type": type_, "from": from_, "to": to}
        if note:
            relation["note"] = note
        self.relations.append(relation)
        self._relation_by_ends[(type_, from_, to)] = relation
        self._relations_from.setdefault(from_, []).append(relation)
        return rid

    def relations_from(self, claim_id: str) -> list[dict[str, Any]]:
        """The relations added so far that leave ``claim_id``, in the order added."""
        return self._relations_from.get(claim_id, [])

    def result(self) -> ImportResult:
        """Return the validated map and the warnings (a MapFileError if the map is invalid)."""
        data = {
            "title": self.title,
            "question": self.question,
            "description": self.description,
            "sources": self.sources,
            "actors": self.actors,
            "values": self.values,
            "audiences": self.audiences,
            "claims": self.claims,
            "relations": self.relations,
        }
        try:
            argument_map = ArgumentMap.model_validate({k: v for k, v in data.items() if v})
        except ValidationError as exc:
            # Only reachable through data a file carries for argmap itself (front matter,
            # data blocks): report it against the file rather than crash.
            raise MapFileError(
                Problem.at(self.file, 1, 1, e["loc"], e["msg"], e["type"])
                for e in exc.errors(include_url=False)
            ) from None
        return ImportResult(argument_map, sorted(self.warnings))


def tag_slug(tag: str) -> str:
    """Return a tool's tag as an argmap tag (lower-case words joined by '-').

    >>> tag_slug("Economic Policy"), tag_slug("pro_con")
    ('economic-policy', 'pro-con')
    """
    return slug(tag, max_words=12, max_len=60)
