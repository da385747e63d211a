"""The map model: sources, actors, claims and the relations between claims.

A map file is validated in two stages that share these definitions:

1. *Structure* (pydantic): every field has the right type, no unknown field is present.
2. *References* (:func:`reference_problems`): ids are unique across the map, every id a
   field names exists and is of the right kind, no claim relates to itself, undercuts
   target relations.

``ArgumentMap.model_validate`` runs both, so a map built in code obeys the same rules as
a map read from a file. The file reader (:mod:`argmap.store.yaml_map`) runs them
separately so it can report every problem in a file at once, each with its line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from argmap.limits import SENTENCE_MAX, SHORT_LIST_MAX
from argmap.problems import Problem
from argmap.text import UNSAFE, unsafe_message

FORMAT_VERSION = 1

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        max_length=80,
        description="A stable id: lower-case letters, digits, '-', '_' and '.', "
        "starting with a letter or digit (e.g. 'goldsmith-2011').",
    ),
]

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _date_to_text(value: Any) -> Any:
    # YAML reads `2011` as an int and `2019-09-17` as a date; both are fine by us.
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return f"{value:04d}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _error(type: str, message: str) -> PydanticCustomError:
    """A validation error with argmap's own stable ``type`` (the message is data, never a
    template: braces in a map's text stay as written)."""
    return PydanticCustomError(type, "{message}", {"message": message})


def _check_partial_date(value: str) -> str:
    match = _PARTIAL_DATE.match(value)
    if not match:
        raise _error(
            "date",
            f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2011 or 2019-09)",
        )
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise _error("date", f"{value!r} is not a real date ({exc})") from None
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_date_to_text),
    AfterValidator(_check_partial_date),
    # YAML reads a bare 2011 as a number, so the schema must admit one.
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "A date, as precise as known: YYYY, YYYY-MM or YYYY-MM-DD.",
        }
    ),
]


def _printable(value: str) -> str:
    # Control characters (an escaped "\0" or "\e" in YAML) crash the Word and spreadsheet
    # writers and act on terminals; bidirectional overrides hide what the text says.
    if UNSAFE.search(value) is not None:
        raise _error("unsafe_character", unsafe_message(value) or "")
    return value


def _one_line(value: str) -> str:
    if not value.strip():
        raise _error("empty", "must not be empty")
    return _printable(value)


# Free text (notes, descriptions): any length, any lines, but no control characters.
Prose = Annotated[str, AfterValidator(_printable)]
Text = Annotated[str, AfterValidator(_one_line)]
# A statement, title or question is one sentence: a cap keeps a pasted article out of it.
Sentence = Annotated[str, Field(max_length=SENTENCE_MAX), AfterValidator(_one_line)]


class SourceKind(StrEnum):
    report = "report"
    paper = "paper"
    article = "article"
    statement = "statement"
    bill = "bill"
    poll = "poll"
    vote = "vote"
    estimate = "estimate"
    treaty = "treaty"
    blog = "blog"
    book = "book"
    interview = "interview"
    speech = "speech"
    dataset = "dataset"
    other = "other"


class ActorKind(StrEnum):
    person = "person"
    government = "government"
    legislator = "legislator"
    company = "company"
    industry = "industry"
    think_tank = "think_tank"
    university = "university"
    international_body = "international_body"
    ngo = "ngo"
    media = "media"
    group = "group"
    other = "other"


class ClaimKind(StrEnum):
    """What a claim does in the debate, and whether it says what is the case or what matters.

    Factual kinds (:data:`FACTUAL_KINDS`) say what is the case and carry no values: whether
    something happened or will happen is not settled by what one prefers (Atkinson &
    Bench-Capon 2007). Practical kinds (thesis, proposal, judgement) say what should be done
    or what matters, and may appeal to values. ``claim`` states neither and may carry values.
    """

    thesis = "thesis"
    """A position the debate is about: what a side argues for or against."""
    proposal = "proposal"
    """A course of action someone recommends."""
    judgement = "judgement"
    """That an outcome is good or bad, or that one thing matters more than another."""
    claim = "claim"
    """An ordinary claim that supports or attacks another (neither kind said)."""
    evidence = "evidence"
    """A reported fact, figure or event offered as grounds."""
    fact = "fact"
    """What is or was the case: an event, a state of affairs, what someone did or said."""
    prediction = "prediction"
    """What will or would happen: a consequence, a forecast."""
    motive = "motive"
    """Why someone acts or speaks as they do."""


FACTUAL_KINDS = frozenset(
    {ClaimKind.evidence, ClaimKind.fact, ClaimKind.prediction, ClaimKind.motive}
)
"""The kinds that say what is the case: a claim of one of them carries no values."""


class RelationType(StrEnum):
    supports = "supports"
    attacks = "attacks"
    undercuts = "undercuts"
    """Attacks the link between a claim and what it supports or attacks, not the claim."""


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        use_enum_values=False,
        validate_assignment=True,
        populate_by_name=True,
    )


class Source(_Strict):
    """A document a position is taken from."""

    id: Id
    title: Text
    authors: list[Text] = Field(default_factory=list, description="People who wrote it.")
    organisation: Text | None = Field(
        default=None, description="The body that published or issued it."
    )
    kind: SourceKind
    date: PartialDate | None = None
    url: Annotated[str, Field(pattern=r"^https?://\S+$"), AfterValidator(_printable)] | None = (
        Field(default=None, description="A web address starting with http:// or https://.")
    )
    reported_in: Id | None = Field(
        default=None,
        description="The id of the source through which this one is known (second-hand).",
    )
    text_file: Annotated[str, Field(pattern=r"^[^/\\]+$"), AfterValidator(_printable)] | None = (
        Field(
            default=None,
            description="File name of the source's full text, for "
            "`argmap check-quotes --sources DIR`. "
            "A source reported in another is checked against that one's text.",
        )
    )
    note: Prose | None = None


class Actor(_Strict):
    """Someone who holds a position: a person, government, company, think tank..."""

    id: Id
    name: Text
    kind: ActorKind
    description: Prose | None = None
    member_of: Id | None = Field(
        default=None, description="The id of an actor this one belongs to or speaks for."
    )
    sources: list[Id] = Field(
        default_factory=list, description="Ids of the sources that state this actor's positions."
    )


class Value(_Strict):
    """Something a claim appeals to and an audience may rank: security, human rights..."""

    id: Id
    name: Text
    description: Prose | None = None


Tier = Annotated[list[Id], Field(min_length=1)]


class AudienceBasis(StrEnum):
    stated = "stated"
    """The actor says, in the quote, which of these matters more."""
    inferred = "inferred"
    """The mapper reads the order from what the actor argues."""


class Audience(_Strict):
    """A ranking of the map's values: whose priorities decide which attacks succeed.

    ``ranking`` lists tiers, highest first; the values of one tier tie, and a value it does
    not list is incomparable (it neither wins nor loses an attack for this audience):
    ``[[security], [human-rights, sovereignty]]``. ``basis`` says whether the actor states
    this order or the mapper inferred it from what the actor says.
    """

    id: Id
    name: Text
    ranking: list[Tier] = Field(
        min_length=1,
        description="Tiers of value ids, highest first; values in one tier tie; a value not "
        "listed is incomparable: an attack involving it is not decided by this audience "
        "(e.g. [[security], [human-rights, sovereignty]]).",
    )
    basis: AudienceBasis | None = Field(
        default=None,
        description="stated: the actor states this order of priorities; inferred: the mapper "
        "reads it from what the actor argues.",
    )
    actor: Id | None = Field(default=None, description="The id of the actor whose priorities.")
    quote: Text | None = Field(
        default=None,
        max_length=600,
        description="A short verbatim quote where the actor states these priorities "
        "(needs source:).",
    )
    source: Id | None = Field(
        default=None, description="The id of the source the quote is from (required with quote)."
    )
    description: Prose | None = None
    note: Prose | None = None


def _check_span(value: tuple[int, int]) -> tuple[int, int]:
    start, end = value
    if end <= start:
        raise ValueError(f"[{start}, {end}] is not a span: the end must come after the start")
    return value


Offset = Annotated[int, Field(ge=0, le=2**40)]
# [start, end) characters of a quote in its source's text, as check-quotes reads the file.
QuoteAt = Annotated[tuple[Offset, Offset], AfterValidator(_check_span)]


class Claim(_Strict):
    """One claim, in the mapper's words, grounded in a verbatim quote from its source."""

    id: Id
    statement: Sentence = Field(description="One sentence, in the mapper's words.")
    label: Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[^\n]*$")] | None = Field(
        default=None,
        description="A short title for the claim's card on the map (say, a long thesis's); "
        "the statement shows on hover and in the claim's panel.",
    )
    kind: ClaimKind = ClaimKind.claim
    source: Id = Field(description="The id of the source that states it.")
    actor: Id = Field(description="The id of the actor who holds it.")
    quote: Text = Field(
        max_length=600,
        description="A short verbatim quote from the source that grounds the claim.",
    )
    quote_at: QuoteAt | None = Field(
        default=None,
        description="Where the quote sits in its source's text: [start, end] in characters "
        "(text[start:end] is the quote, whitespace aside); check-quotes verifies it.",
    )
    tags: list[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]] = Field(
        default_factory=list, max_length=SHORT_LIST_MAX
    )
    values: list[Id] = Field(
        default_factory=list,
        description="Ids of the values (under values:) the claim appeals to; for audiences.",
    )
    base_score: Annotated[float, Field(ge=0.0, le=1.0)] | None = Field(
        default=None,
        description="Intrinsic strength in [0, 1] for gradual semantics (default 0.5).",
    )
    note: Prose | None = None

    @field_validator("values")
    @classmethod
    def _facts_carry_no_values(cls, values: list[str], info: ValidationInfo) -> list[str]:
        kind = info.data.get("kind")
        if values and kind in FACTUAL_KINDS:
            raise PydanticCustomError(
                "fact_with_values",
                "a claim of kind {kind} says what is the case, and a fact carries no values: "
                "whether it holds is not settled by what one prefers. Remove values:, or give "
                "the claim kind judgement, proposal or thesis if it says what matters",
                {"kind": str(kind)},
            )
        return values


class Relation(_Strict):
    """A directed relation from a claim to a claim (or, for undercuts, to a relation)."""

    id: Id
    type: RelationType
    from_: Id = Field(alias="from", description="The id of the claim the relation starts from.")
    to: Id = Field(
        description="The id of the target: a claim, or a relation when type is undercuts."
    )
    note: Prose | None = None


class ArgumentMap(_Strict):
    """One debate: its question, sources, actors, claims and relations."""

    argmap: int = Field(default=FORMAT_VERSION, description="The version of the map format.")
    title: Sentence
    question: Sentence = Field(description="The question under debate.")
    description: Prose | None = None
    sources: list[Source] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    values: list[Value] = Field(
        default_factory=list, description="What claims appeal to and audiences rank."
    )
    audiences: list[Audience] = Field(
        default_factory=list, description="Named rankings of the values, highest first."
    )
    claims: list[Claim] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self, info: ValidationInfo) -> ArgumentMap:
        if info.context and info.context.get("skip_references"):
            return self
        problems = reference_problems(
            self.sources,
            self.actors,
            self.claims,
            self.relations,
            values=self.values,
            audiences=self.audiences,
        )
        if problems:
            raise _error("reference", "; ".join(f"{p.path}: {p.message}" for p in problems))
        return self

    # Lookups; O(n) per call on purpose: the model is plain data, indexes live in the graph.
    def source(self, source_id: str) -> Source:
        return _by_id(self.sources, source_id, "source")

    def actor(self, actor_id: str) -> Actor:
        return _by_id(self.actors, actor_id, "actor")

    def claim(self, claim_id: str) -> Claim:
        return _by_id(self.claims, claim_id, "claim")

    def relation(self, relation_id: str) -> Relation:
        return _by_id(self.relations, relation_id, "relation")

    def value(self, value_id: str) -> Value:
        return _by_id(self.values, value_id, "value")

    def audience(self, audience_id: str) -> Audience:
        return _by_id(self.audiences, audience_id, "audience")


_T = TypeVar("_T", Source, Actor, Claim, Relation, Value, Audience)


def _by_id(items: Iterable[_T], item_id: str, what: str) -> _T:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(f"no {what} with id {item_id!r}")


# A broken cross-reference is a Problem like any other (one shape): located by its path in
# the map, ``("claims", 3, "source")``, with no file position until a reader gives it one.
ReferenceProblem = Problem


def _ref(loc: tuple[str | int, ...], message: str, type: str) -> Problem:
    return Problem.at("", 0, 0, loc, message, type)


def suggest(word: str, candidates: Iterable[str]) -> str:
    """Return "; did you mean 'x'?" for the closest candidate, or "" when none is close."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


_SECTION_ORDER = ("sources", "actors", "values", "audiences", "claims", "relations")


class _References:
    """The ids of each section, and the one check that a field names an entry of one."""

    def __init__(self, sections: dict[str, Sequence[Any]]) -> None:
        # Each section's ids in order (None for an entry without a readable one), then as sets.
        self.listed = {name: _ids(items) for name, items in sections.items()}
        self.ids = {name: {i for i in ids if i is not None} for name, ids in self.listed.items()}
        self.problems: list[Problem] = []

    def add(self, loc: tuple[str | int, ...], message: str, type: str) -> None:
        self.problems.append(_ref(loc, message, type))

    def check(self, loc: tuple[str | int, ...], ref: str, what: str, section: str) -> None:
        """Record a problem unless ``ref`` is the id of an entry under ``section``."""
        if ref in self.ids[section]:
            return
        elsewhere = next((n for n in _SECTION_ORDER if ref in self.ids[n]), None)
        if elsewhere:
            message = f"{ref!r} is an id under {elsewhere}:, but this field needs {what}"
        else:
            message = f"unknown {what.removeprefix('a ').removeprefix('an ')} {ref!r}"
            message += suggest(ref, self.ids[section])
        self.add(loc, f"{message} (expected the id of an entry under {section}:)", "reference")


def reference_problems(
    sources: Sequence[Source | str | None],
    actors: Sequence[Actor | str | None],
    claims: Sequence[Claim | str | None],
    relations: Sequence[Relation | str | None],
    *,
    values: Sequence[Value | str | None] = (),
    audiences: Sequence[Audience | str | None] = (),
) -> list[Problem]:
    """Return every broken cross-reference in a map, in section order, as problems located
    by field (``loc``; the reader adds the file position) with a ``type``: ``duplicate_id``,
    ``reference``, ``self_reference``, ``listed_twice``, ``quote_without_source``,
    ``undercut_target`` or ``cycle``.

    An entry that failed structural validation is given as its id (a ``str``) when it has a
    readable one, else ``None``: it counts for duplicate ids and as a valid target (its own
    errors are reported elsewhere), but its own references are not checked. Each section
    has its own checker (:func:`_source_references`, ...).

    >>> s = Source(id="s", title="T", kind="article")
    >>> a = Actor(id="goldsmith", name="Jack Goldsmith", kind="person")
    >>> c = Claim(id="c", statement="S.", source="s", actor="goldsmth", quote="q")
    >>> for problem in reference_problems([s], [a], [c], []):  # doctest: +NORMALIZE_WHITESPACE
    ...     print(problem.loc, problem.type, problem.message)
    ('claims', 0, 'actor') reference unknown actor 'goldsmth'; did you mean 'goldsmith'?
    (expected the id of an entry under actors:)
    """
    sections: dict[str, Sequence[Any]] = {
        "sources": sources, "actors": actors, "values": values,
        "audiences": audiences, "claims": claims, "relations": relations,
    }  # fmt: skip
    refs = _References(sections)
    _duplicate_ids(refs)
    # The entries to check further: those that failed structurally (ids only) are skipped.
    _source_references(refs, _checkable(sources))
    _actor_references(refs, _checkable(actors))
    _audience_references(refs, _checkable(audiences))
    _claim_references(refs, _checkable(claims))
    _relation_references(refs, _checkable(relations))
    refs.problems.extend(_cycle_problems(_checkable(sources), "sources", "reported_in"))
    return refs.problems


def _duplicate_ids(refs: _References) -> None:
    distinct = sum(map(len, refs.ids.values()))
    if distinct == len(set().union(*refs.ids.values())) and all(
        len(found) == len(refs.listed[name]) - refs.listed[name].count(None)
        for name, found in refs.ids.items()
    ):
        return  # no id twice, within a section or across two: the usual case, in C
    seen: dict[str, tuple[str, int]] = {}  # id -> where it is first (worded only if used)
    for name in _SECTION_ORDER:
        for index, item_id in enumerate(refs.listed[name]):
            if item_id is None:
                continue
            if item_id in seen:
                first, at = seen[item_id]
                refs.add(
                    (name, index, "id"),
                    f"duplicate id {item_id!r}, already used at {first}[{at}]; "
                    "ids must be unique across the whole map",
                    "duplicate_id",
                )
            else:
                seen[item_id] = (name, index)


def _source_references(refs: _References, sources: list[Source | None]) -> None:
    for index, source in enumerate(sources):
        if source is not None and source.reported_in is not None:
            loc: tuple[str | int, ...] = ("sources", index, "reported_in")
            if source.reported_in == source.id:
                refs.add(loc, "a source cannot be reported in itself", "self_reference")
            else:
                refs.check(loc, source.reported_in, "a source", "sources")


def _actor_references(refs: _References, actors: list[Actor | None]) -> None:
    for index, actor in enumerate(actors):
        if actor is None:
            continue
        if actor.member_of is not None:
            loc: tuple[str | int, ...] = ("actors", index, "member_of")
            if actor.member_of == actor.id:
                refs.add(loc, "an actor cannot be a member of itself", "self_reference")
            else:
                refs.check(loc, actor.member_of, "an actor", "actors")
        for k, source_id in enumerate(actor.sources):
            refs.check(("actors", index, "sources", k), source_id, "a source", "sources")


def _audience_references(refs: _References, audiences: list[Audience | None]) -> None:
    for index, audience in enumerate(audiences):
        if audience is None:
            continue
        ranked: dict[str, int] = {}
        for tier, members in enumerate(audience.ranking):
            for k, value_id in enumerate(members):
                loc: tuple[str | int, ...] = ("audiences", index, "ranking", tier, k)
                if value_id in ranked:
                    refs.add(
                        loc,
                        f"value {value_id!r} is ranked twice (already in tier "
                        f"{ranked[value_id] + 1}); list each value once",
                        "listed_twice",
                    )
                else:
                    ranked[value_id] = tier
                    refs.check(loc, value_id, "a value", "values")
        if audience.actor is not None:
            refs.check(("audiences", index, "actor"), audience.actor, "an actor", "actors")
        if audience.source is not None:
            refs.check(("audiences", index, "source"), audience.source, "a source", "sources")
        elif audience.quote is not None:
            refs.add(
                ("audiences", index, "quote"),
                "a quote needs the source it is from, to be checked: add source: (the id "
                "of an entry under sources:)",
                "quote_without_source",
            )


def _claim_references(refs: _References, claims: list[Claim | None]) -> None:
    # The usual case, a reference found, without a call: a third of validating 100,000 claims.
    sources, actors = refs.ids["sources"], refs.ids["actors"]
    for index, claim in enumerate(claims):
        if claim is None:
            continue
        if claim.source not in sources:
            refs.check(("claims", index, "source"), claim.source, "a source", "sources")
        if claim.actor not in actors:
            refs.check(("claims", index, "actor"), claim.actor, "an actor", "actors")
        if not claim.values:
            continue
        listed: set[str] = set()
        for k, value_id in enumerate(claim.values):
            loc: tuple[str | int, ...] = ("claims", index, "values", k)
            if value_id in listed:
                refs.add(loc, f"value {value_id!r} is listed twice; list it once", "listed_twice")
            else:
                listed.add(value_id)
                refs.check(loc, value_id, "a value", "values")


def _relation_references(refs: _References, relations: list[Relation | None]) -> None:
    claims = refs.ids["claims"]
    for index, relation in enumerate(relations):
        if relation is None:
            continue
        if relation.from_ not in claims:
            refs.check(("relations", index, "from"), relation.from_, "a claim", "claims")
        if relation.type is not RelationType.undercuts and relation.to != relation.from_:
            if relation.to not in claims:  # else found: the usual case, without a call
                refs.check(("relations", index, "to"), relation.to, "a claim", "claims")
            continue
        to: tuple[str | int, ...] = ("relations", index, "to")
        if relation.type is RelationType.undercuts:
            if relation.to == relation.id:
                refs.add(to, "a relation cannot undercut itself", "self_reference")
            elif relation.to in claims:
                refs.add(
                    to,
                    f"an undercut must target a relation, but {relation.to!r} is a claim; "
                    "use type: attacks to attack the claim itself",
                    "undercut_target",
                )
            else:
                refs.check(to, relation.to, "a relation", "relations")
        else:  # a support or attack from a claim to itself
            message = f"claim {relation.from_!r} cannot {relation.type.value[:-1]} itself"
            refs.add(to, message, "self_reference")


def _checkable(section: Sequence[_T | str | None]) -> list[_T | None]:
    return [None if isinstance(i, str) else i for i in section]


def relation_warnings(relations: Sequence[Relation]) -> list[Problem]:
    """Return what a map allows but is likely a slip: a relation repeating the type, from and
    to of an earlier one (it counts twice in strength scores). Located at the later one.

    >>> r = [Relation(id=i, type="supports", from_="a", to="b") for i in ("r1", "r2")]
    >>> [(p.loc, p.message) for p in relation_warnings(r)]  # doctest: +NORMALIZE_WHITESPACE
    [(('relations', 1), "relation 'r2' repeats relation 'r1' (supports from 'a' to 'b');
      merge them into one")]
    """
    first: dict[tuple[str, str, str], str] = {}
    problems: list[Problem] = []
    for index, relation in enumerate(relations):
        key = (relation.type.value, relation.from_, relation.to)
        if key in first:
            problems.append(
                _ref(
                    ("relations", index),
                    f"relation {relation.id!r} repeats relation {first[key]!r} ({key[0]} from "
                    f"{key[1]!r} to {key[2]!r}); merge them into one",
                    "duplicate_relation",
                )
            )
        else:
            first[key] = relation.id
    return problems


def _id_of(item: Any) -> str | None:
    return item if isinstance(item, str) or item is None else item.id


def _ids(items: Sequence[Any]) -> list[str | None]:
    """Return each entry's id (:func:`_id_of`): by attribute when every entry is a model."""
    try:
        return [item.id for item in items]
    except AttributeError:  # an entry that failed validation: its id, or None
        return [_id_of(item) for item in items]


def _cycle_problems(items: Sequence[Any], section: str, field: str) -> list[Problem]:
    """Report chains like a reported_in b reported_in a, which have no first-hand end."""
    parent = {i.id: getattr(i, field) for i in items if i is not None}
    index = {i.id: n for n, i in enumerate(items) if i is not None}
    problems: list[Problem] = []
    reported: set[str] = set()
    for start in parent:
        seen: list[str] = []
        node: str | None = start
        while node is not None and node in parent and node not in seen:
            seen.append(node)
            node = parent[node]
        if node is not None and node in seen and node == start and start not in reported:
            cycle = seen[seen.index(node) :]
            if len(cycle) > 1:
                reported.update(cycle)
                problems.append(
                    _ref(
                        (section, index[start], field),
                        f"{field} forms a cycle: {' -> '.join([*cycle, start])}",
                        "cycle",
                    )
                )
    return problems
