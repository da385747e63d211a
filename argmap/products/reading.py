"""Reading a source and marking it: where the map already quotes a text, a passage picked
out of it as a new claim's quote, and who is likely to hold it.

Offsets are characters of the text as read (:mod:`argmap.products.quotes`), end exclusive;
``text[start:end]`` is the passage.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"title": "T", "question": "Q?",
...     "sources": [{"id": "s", "title": "S", "kind": "article", "text_file": "s.txt"}],
...     "actors": [{"id": "a", "name": "A", "kind": "person", "sources": ["s"]}],
...     "claims": [{"id": "c", "statement": "Costs are high.", "source": "s", "actor": "a",
...                 "quote": "costs too much"}]})
>>> text = "It costs\\ntoo much. Dogs bark."
>>> [(k.claim, k.start, k.end, k.at_offsets) for k in quoted_marks(m, "s", text)]
[('c', 3, 17, False)]
>>> picked_passage(text, 2, 17)
(3, 17, 'costs too much')
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from argmap.model import ArgumentMap
from argmap.products.quotes import locate_quote, normalize_space, quote_at_holds, text_file_of

QUOTE_MAX = 600


@dataclass(frozen=True)
class Mark:
    """Where a claim's quote sits in a text: ``text[start:end]``; ``at_offsets`` when the
    claim's own ``quote_at`` says so (else it was found by its words)."""

    claim: str
    start: int
    end: int
    statement: str
    at_offsets: bool


def quoted_marks(argument_map: ArgumentMap, source_id: str, text: str) -> list[Mark]:
    """Return the marks of every claim whose quote comes from the text of ``source_id``
    (its own claims, and those of sources reported in it), in text order; a quote not
    found in the text is left out."""
    file_name = text_file_of(argument_map, source_id)
    marks = []
    for claim in argument_map.claims:
        if claim.source != source_id and (
            file_name is None or text_file_of(argument_map, claim.source) != file_name
        ):
            continue
        if claim.quote_at is not None and quote_at_holds(claim.quote, text, claim.quote_at):
            start, end = claim.quote_at
            marks.append(Mark(claim.id, start, end, claim.statement, True))
            continue
        found = locate_quote(claim.quote, text)
        if found is not None:
            marks.append(Mark(claim.id, found[0], found[1], claim.statement, False))
    return sorted(marks, key=lambda k: (k.start, k.end, k.claim))


def picked_passage(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Return a selection of ``text`` trimmed of surrounding whitespace: its start, end and
    the quote (whitespace runs as one space, which check-quotes forgives). Offsets outside
    the text are clamped; an empty selection gives ``(start, start, "")``.

    >>> picked_passage("  A  b\\n c. ", 0, 11)
    (2, 10, 'A b c.')
    """
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    start, end = min(start, end), max(start, end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, normalize_space(text[start:end])


def likely_actor(argument_map: ArgumentMap, source_id: str) -> str | None:
    """Return the id of the actor most likely to hold a claim from ``source_id``: the one
    most of its claims are held by, else the first that lists it among its sources, else
    ``None``."""
    held = Counter(c.actor for c in argument_map.claims if c.source == source_id)
    if held:
        return held.most_common(1)[0][0]
    listed = [a.id for a in argument_map.actors if source_id in a.sources]
    return listed[0] if listed else None


def new_claim_values(
    argument_map: ArgumentMap,
    *,
    statement: str,
    source: str,
    actor: str,
    quote: str,
    at: tuple[int, int],
    kind: str = "claim",
) -> dict[str, object]:
    """Return the fields of a new claim made from a passage, for the editor: an id made from
    the statement's first words (unique in the map), the exact quote and its offsets.

    >>> from argmap.model import ArgumentMap
    >>> new_claim_values(ArgumentMap(title="T", question="Q?"), statement="Costs rise.",
    ...                  source="s", actor="a", quote="costs", at=(3, 8))["id"]
    'costs-rise'
    """
    taken = {c.id for c in argument_map.claims} | {s.id for s in argument_map.sources}
    taken |= {a.id for a in argument_map.actors} | {r.id for r in argument_map.relations}
    cid = unique_id(statement, taken, "claim")
    return {"id": cid, "statement": statement, "kind": kind, "source": source,
            "actor": actor, "quote": quote, "quote_at": list(at)}  # fmt: skip


def unique_id(wanted: str, taken: set[str], fallback: str = "item") -> str:
    """Return ``wanted`` made an id (its first words), with ``-2``, ``-3``... if taken.

    >>> unique_id("U.S. to fall in line", {"u-s-to-fall-in-line"})
    'u-s-to-fall-in-line-2'
    """
    base = slug(wanted) or fallback
    cid, n = base, 2
    while cid in taken:
        cid, n = f"{base}-{n}", n + 1
    return cid


def slug(text: str, max_words: int = 6) -> str:
    """Return the first words of ``text`` as an id: lower-case ASCII joined by '-'.

    >>> slug("L'État doit signer, dit-il.")
    'l-etat-doit-signer-dit-il'
    """
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower())[:max_words])[:48].strip("-")


_NAME = re.compile(
    r"\b(?:[A-Z][a-z]+|[A-Z]{2,}|U\.S\.|U\.N\.)"
    r"(?:[ \t\u00a0]+(?:of[ \t\u00a0]+|the[ \t\u00a0]+|for[ \t\u00a0]+)?(?:[A-Z][a-z]+|[A-Z]{2,}))*"
)  # words of one line: a name does not run on past a line break
_NOT_NAMES = frozenset(
    re.findall(
        r"\w+",
        "The A An In On At It This That These Those But And Or If When While As For With From "
        "By To Of Its Their Our We They He She I You Some Many Most However Yet So After "
        "Before Since",
    )
)


def names_in(text: str, top: int = 20, min_count: int = 2) -> list[tuple[str, int]]:
    """Return the capitalised names ``text`` mentions most (people, states, bodies), with
    how often: candidates for a map's actors, for a person to confirm. Sentence-initial
    function words are not names.

    >>> names_in("Russia and China back the treaty. Russia says so. The United Nations "
    ...          "agrees; the United Nations votes.")
    [('Russia', 2), ('United Nations', 2)]
    """
    counts: Counter[str] = Counter()
    for match in _NAME.finditer(text):
        words = match.group().split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        name = " ".join(words)
        if name and not (len(words) == 1 and len(name) < 3):
            counts[name] += 1
    found = [(name, k) for name, k in counts.most_common() if k >= min_count]
    return found[:top]


def entries_to_add(
    taken: set[str], imported: ArgumentMap
) -> tuple[list[tuple[str, dict[str, object]]], dict[str, str]]:
    """Return the sources, actors, claims and relations of ``imported`` as (section, fields)
    to add to a map whose ids are ``taken``, in an order the editor accepts, with any id
    that clashes renamed (``-2``...) and every reference to it following; and the renames.

    >>> m = ArgumentMap.model_validate({"title": "T", "question": "Q?",
    ...     "sources": [{"id": "s", "title": "S", "kind": "article"}],
    ...     "actors": [{"id": "a", "name": "A", "kind": "person", "sources": ["s"]}],
    ...     "claims": [{"id": "c", "statement": "S.", "source": "s", "actor": "a",
    ...                 "quote": "q"}]})
    >>> entries, renamed = entries_to_add({"s"}, m)
    >>> renamed, [(section, fields["id"]) for section, fields in entries]
    ({'s': 's-2'}, [('sources', 's-2'), ('actors', 'a'), ('claims', 'c')])
    >>> entries[1][1]["sources"], entries[2][1]["source"]
    (['s-2'], 's-2')
    """
    used = set(taken)
    renamed: dict[str, str] = {}
    sections = ("sources", "actors", "claims", "relations")
    for section in sections:
        for item in getattr(imported, section):
            new = item.id
            n = 2
            while new in used:
                new, n = f"{item.id}-{n}", n + 1
            used.add(new)
            if new != item.id:
                renamed[item.id] = new

    def ref(value: object) -> object:
        if isinstance(value, str):
            return renamed.get(value, value)
        if isinstance(value, list):
            return [ref(v) for v in value]
        return value

    keys = {"id", "source", "actor", "sources", "reported_in", "member_of", "from", "to"}
    entries = []
    for section in sections:
        for item in getattr(imported, section):
            fields = item.model_dump(mode="json", by_alias=True, exclude_none=True)
            entries.append((section, {k: ref(v) if k in keys else v for k, v in fields.items()}))
    return entries, renamed
