"""A map as Argdown text that reads back as the same map (:func:`generate_argdown`)."""

from __future__ import annotations

import json
import os
import re
from io import StringIO
from typing import Any

from ruamel.yaml import YAML

from argmap.model import ArgumentMap, Claim, Relation, RelationType
from argmap.readwrite.argdown.parser import _CONTROL, _SHORTCODE, _flow
from argmap.store.atomic import atomic_write_text


def generate_argdown(argument_map: ArgumentMap) -> str:
    """Return the map as Argdown text that Argdown itself reads (see the module docstring).

    >>> from argmap.model import ArgumentMap
    >>> m = ArgumentMap.model_validate({"title": "T", "question": "Q?",
    ...     "sources": [{"id": "s", "title": "S", "kind": "article"}],
    ...     "actors": [{"id": "a", "name": "A", "kind": "person"}],
    ...     "claims": [{"id": i, "statement": f"{i.upper()} holds.", "source": "s",
    ...                 "actor": "a", "quote": "q"} for i in ("x", "y", "z")],
    ...     "relations": [{"id": "r1", "type": "supports", "from": "y", "to": "x"},
    ...                   {"id": "r2", "type": "undercuts", "from": "z", "to": "r1"}]})
    >>> print(generate_argdown(m).split("===\\n\\n")[1], end="")
    [x]: X holds. {source: "s", actor: "a", quote: "q"}
    <BLANKLINE>
    [y]: Y holds. {source: "s", actor: "a", quote: "q"}
    <BLANKLINE>
    [z]: Z holds. {source: "s", actor: "a", quote: "q", relations: [{id: "r2", type: "undercuts", \
to: "r1"}]}
      _> <r1>
    <BLANKLINE>
    <r1>
      + [y]
      +> [x]
    """
    undercut = {r.to for r in argument_map.relations if r.type is RelationType.undercuts}
    lines = ["===", _front(argument_map), "==="]
    leaving: dict[str, list[Relation]] = {}
    for relation in argument_map.relations:
        if relation.id not in undercut:
            leaving.setdefault(relation.from_, []).append(relation)
    for claim in argument_map.claims:
        own = leaving.get(claim.id, [])
        lines += ["", _claim_line(claim, own)]
        lines += [f"  {_symbol(r)} {_target(r)}" for r in own]
    for relation in argument_map.relations:
        if relation.id not in undercut:
            continue
        head = f"<{relation.id}>"
        if relation.note is not None:  # as data: an argument with text would be a claim
            head += " " + _flow({"note": relation.note})
        lines += ["", head, f"  + [{relation.from_}]", f"  {_symbol(relation)} {_target(relation)}"]
    return "\n".join(lines) + "\n"


def _symbol(relation: Relation) -> str:
    return {"supports": "+>", "attacks": "->", "undercuts": "_>"}[relation.type.value]


def _target(relation: Relation) -> str:
    return f"<{relation.to}>" if relation.type is RelationType.undercuts else f"[{relation.to}]"


def _front(argument_map: ArgumentMap) -> str:
    own = argument_map.model_dump(
        mode="json", by_alias=True, exclude_none=True, exclude={"claims", "relations"}
    )
    stream = StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    yaml.dump({"title": argument_map.title, "argmap": own}, stream)
    text = stream.getvalue().rstrip("\n")
    if "===" in text or _CONTROL.search(text):
        # Argdown ends front matter at the first '==='; YAML folds NEL and line separators.
        text = json.dumps(
            {"title": argument_map.title, "argmap": own}, ensure_ascii=False, indent=2
        ).replace("=", "\\u003d")
        text = _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def _claim_line(claim: Claim, relations: list[Relation]) -> str:
    data: dict[str, Any] = {}
    if not _roundtrips(claim.statement):
        data["statement"] = claim.statement
    if claim.kind.value != "claim":
        data["kind"] = claim.kind.value
    data |= {"source": claim.source, "actor": claim.actor, "quote": claim.quote}
    if claim.values:
        data["values"] = list(claim.values)
    if claim.base_score is not None:
        data["base_score"] = claim.base_score
    if claim.label is not None:
        data["label"] = claim.label
    if claim.quote_at is not None:
        data["quote_at"] = list(claim.quote_at)
    if claim.note is not None:
        data["note"] = claim.note
    if relations:
        data["relations"] = [
            {"id": r.id, "type": r.type.value, "to": r.to} | ({"note": r.note} if r.note else {})
            for r in relations
        ]
    tags = "".join(f" #{t}" for t in claim.tags)
    # A definition needs text: one whose statement is all control characters (kept in data)
    # would otherwise be a mere mention, and the claim would move to where it is first named.
    visible = _escape(claim.statement) or "(the statement is in the data)"
    return f"[{claim.id}]: {visible}{tags} {_flow(data)}"


def _roundtrips(text: str) -> bool:
    # The reader joins lines and collapses runs of spaces; such text goes in data instead,
    # and so does text with control characters (YAML escapes them, Argdown text cannot).
    return (
        "\n" not in text
        and re.sub(r"[ \t]+", " ", text).strip() == text
        and not _CONTROL.search(text)
    )


def _escape(text: str) -> str:
    """Escape what Argdown would read as syntax: titles, tags, data, emphasis, comments."""
    text = _CONTROL.sub("", re.sub(r"\s+", " ", text)).strip()
    text = re.sub(r"([\\\[\]<>{}#*_@])", r"\\\1", text)
    text = re.sub(r"/(?=[/*])", r"\\/", text)
    return _SHORTCODE.sub(lambda m: "\\" + m.group(0), text)


def write_argdown(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write :func:`generate_argdown` of the map to ``path``, atomically (a reader of the
    file never sees half of it)."""
    atomic_write_text(path, generate_argdown(argument_map))
