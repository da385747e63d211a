"""Parsed Argdown to a map: each statement and argument a claim, each relation one of ours,
and a located warning for what the map cannot express."""

from __future__ import annotations

from collections import Counter
from typing import Any

from argmap.limits import DEFAULT_LIMITS, Limits
from argmap.problems import MapFileError
from argmap.readwrite.argdown.parser import _CLAIM_KEYS, _Argument, _Parser, _Ref, _Rel, _Statement
from argmap.readwrite.imported import ImportResult, MapBuilder, tag_slug


def parse_argdown(
    text: str, name: str = "argdown", limits: Limits = DEFAULT_LIMITS
) -> ImportResult:
    """Return the map an Argdown text describes, and what it could not express.

    Raises :class:`~argmap.problems.MapFileError` listing every syntax error, located.

    >>> r = parse_argdown("<A>\\n\\n(1) [P]: Premise one.\\n(2) Premise two.\\n----\\n(3) So.\\n")
    >>> [(x.from_, x.to) for x in r.map.relations]
    [('p', 'so'), ('premise-two', 'so')]
    >>> [str(w) for w in r.warnings]  # doctest: +NORMALIZE_WHITESPACE
    ['argdown:5:1: the premises of <A> support its conclusion jointly; argmap records one
     support per premise']
    >>> parse_argdown("[A]: a\\n+ [B]: b\\n", "x.argdown")
    Traceback (most recent call last):
    ...
    argmap.problems.MapFileError: x.argdown:2:1: relation '+' has nothing to relate to: \
indent it under a statement or argument
    """
    parser = _Parser(text, name)
    parser.parse()
    if parser.errors:
        raise MapFileError(parser.errors)
    return _Converter(parser, limits).convert()


class _Converter:
    def __init__(self, parser: _Parser, limits: Limits = DEFAULT_LIMITS) -> None:
        self.p = parser
        front = parser.front
        own: dict[str, Any] = front["argmap"] if isinstance(front.get("argmap"), dict) else {}
        self.b = MapBuilder(
            parser.name,
            title=_str(own.get("title") or front.get("title")),
            question=_str(own.get("question") or front.get("question") or front.get("subTitle")),
            description=_str(
                own.get("description") or front.get("description") or front.get("abstract")
            ),
            limits=limits,
        )
        self.b.warnings.extend(parser.warnings)
        self.author = _str(front.get("author"))
        if own:
            # Written by generate_argdown: sources, actors, values and audiences as they were.
            self.b.sources = list(own.get("sources") or [])
            self.b.actors = list(own.get("actors") or [])
            self.b.values = list(own.get("values") or [])
            self.b.audiences = list(own.get("audiences") or [])
            for item in self.b.sources + self.b.actors + self.b.values + self.b.audiences:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    self.b.reserve(item["id"])
        known = {
            "argmap",
            "title",
            "question",
            "subTitle",
            "description",
            "abstract",
            "author",
            "date",
        }
        for key in front:
            if key not in known:
                self.b.warn(
                    parser.front_lines.get(key, 1),
                    f"front-matter key {key!r} "
                    "(an Argdown setting or metadata) has no place in argmap; ignored",
                )
        self.source_ids = {s.get("id") for s in self.b.sources if isinstance(s, dict)}
        self.actor_ids = {a.get("id") for a in self.b.actors if isinstance(a, dict)}
        self.claim_of: dict[_Ref, str] = {}
        self.dissolved: dict[str, list[str]] = {}  # argument key -> relation ids it became
        self.step_links: dict[tuple[str, int], list[str]] = {}  # (argument, step) -> ids
        self.sources_of: dict[str, list[str]] = {}  # argument key -> claims it speaks through
        self.used_meta: set[tuple[str, int]] = set()
        self.ref_of: dict[str, _Ref] = {}
        self.as_relation: set[str] = set()
        self.out_of: dict[str, list[_Rel]] = {}  # argument key -> relations leaving it

    def convert(self) -> ImportResult:
        p = self.p
        into: dict[str, list[_Rel]] = {}
        out_of: dict[str, list[_Rel]] = {}
        for rel in p.relations:
            if rel.target.kind in ("a", "i"):
                into.setdefault(rel.target.key, []).append(rel)
            if rel.source.kind == "a":
                out_of.setdefault(rel.source.key, []).append(rel)

        def premises(key: str) -> list[_Rel]:
            return [r for r in into.get(key, []) if r.type == "support" and r.target.kind == "a"]

        def sketch(key: str, arg: _Argument) -> bool:
            # An argument with no text of its own, supported only by statements (its
            # premises) and relating onward, is the relations from those statements: the
            # form generate_argdown gives a relation that is undercut. Any other argument
            # without a premise-conclusion structure is a node in Argdown, so a claim here.
            given = premises(key)
            return bool(
                not arg.steps
                and not arg.description
                and given
                and all(r.source.kind == "s" for r in given)
                and all(r.type == "undercut" or any(r is g for g in given) for r in into[key])
                and out_of.get(key)
            )

        as_relation = {key for key, arg in p.arguments.items() if arg.steps or sketch(key, arg)}
        self.out_of = out_of
        # Claims in the order the file defines them (a reference may come first).
        order: list[tuple[int, int, _Ref]] = [
            (s.text_line or s.line, s.col, _Ref("s", k)) for k, s in p.statements.items()
        ] + [(a.line, 0, _Ref("a", k)) for k, a in p.arguments.items() if k not in as_relation]
        for _, _, ref in sorted(order, key=lambda x: (x[0], x[1])):
            self.claim_of[ref] = (
                self._statement_claim(p.statements[ref.key])
                if ref.kind == "s"
                else self._argument_claim(p.arguments[ref.key])
            )
        self.ref_of = {c: r for r, c in self.claim_of.items()}
        self.as_relation = as_relation
        for key in as_relation:
            arg = p.arguments[key]
            last = arg.steps[-1][1] if arg.steps else None
            self.sources_of[key] = (
                [self.claim_of[last]]
                if last is not None
                else [self.claim_of[r.source] for r in premises(key)]
            )
        consumed = {
            id(rel) for key in as_relation if not p.arguments[key].steps for rel in premises(key)
        }
        # Inference steps first, then the other relations in file order; undercuts (and
        # attacks on an inference) last, each after the relations it points at.
        for key in sorted(as_relation, key=lambda k: p.arguments[k].line):
            arg = p.arguments[key]
            lost = [f"#{t}" for t in arg.tags] + [k for k in arg.data if k != "note"]
            if lost:
                self.b.warn(
                    arg.line,
                    f"<{arg.title or 'argument'}> became relations, which "
                    f"cannot hold {', '.join(lost)}; ignored",
                )
            self._steps(key)
        plain = [r for r in p.relations if id(r) not in consumed]
        for rel in plain:
            if not self._undercut_like(rel):
                self._relation(rel)
        pending = [r for r in plain if self._undercut_like(r)]
        while pending:
            waiting = Counter(o.source.key for o in pending)  # undercuts still to make, by origin
            ready = [
                r
                for r in pending
                if waiting[r.target.key] == (1 if r.source.key == r.target.key else 0)
            ]
            if not ready:
                for rel in pending:
                    self.b.warn(rel.line, "undercuts that undercut each other in a circle; ignored")
                break
            for rel in ready:
                self._relation(rel)
            pending = [r for r in pending if all(r is not x for x in ready)]
        return self.b.result()

    def _undercut_like(self, rel: _Rel) -> bool:
        """An undercut, or an attack on an inference (which argmap makes undercuts)."""
        return rel.type == "undercut" or (
            rel.type == "attack"
            and (rel.target.kind == "i" or rel.target.key in self.as_relation)
            and rel.target.kind != "s"
        )

    # --- claims -----------------------------------------------------------------------
    def _statement_claim(self, s: _Statement) -> str:
        text = s.text or s.title or ""
        data = dict(s.data)
        tags = [tag_slug(t) for t in s.tags] + ([tag_slug(s.section)] if s.section else [])
        fields = self._claim_fields(data, s.line)
        statement = _str(fields.pop("statement", None)) or text
        wanted = s.title if s.title is not None else None
        return self.b.add_claim(
            statement, wanted_id=wanted, tags=[t for t in tags if t], line=s.line, **fields
        )

    def _argument_claim(self, a: _Argument) -> str:
        fields = self._claim_fields(dict(a.data), a.line)
        statement = _str(fields.pop("statement", None)) or a.description or a.title or "argument"
        tags = [t for t in map(tag_slug, a.tags) if t]
        return self.b.add_claim(statement, wanted_id=a.title, tags=tags, line=a.line, **fields)

    def _claim_fields(self, data: dict[str, Any], line: int) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        for key, value in data.items():
            if key == "relations":
                continue
            if key not in _CLAIM_KEYS:
                self.b.warn(line, f"data key {key!r} has no place in argmap; ignored")
                continue
            if key == "source" and value not in self.source_ids:
                self.b.warn(
                    line,
                    f"data names source {value!r}, which the file does not "
                    "describe; the claim was given the file's source",
                )
                continue
            if key == "actor" and value not in self.actor_ids:
                self.b.warn(
                    line,
                    f"data names actor {value!r}, which the file does not "
                    "describe; the claim was given the file's actor",
                )
                continue
            fields[key] = value
        if "source" not in fields:
            fields["source"] = self.b.default_source(authors=[self.author] if self.author else [])
        if "actor" not in fields:
            fields["actor"] = self.b.default_actor(self.author)
        return fields

    # --- relations --------------------------------------------------------------------
    def _name(self, ref: _Ref) -> str:
        """How a message names an element (an untitled one by its line)."""
        if ref.kind == "s":
            s = self.p.statements[ref.key]
            return f"[{s.title}]" if s.title is not None else f"the statement at line {s.line}"
        a = self.p.arguments[ref.key]
        return f"<{a.title}>" if a.title is not None else f"the argument at line {a.line}"

    def _origins(self, ref: _Ref, line: int) -> list[str]:
        """The claims a relation from ``ref`` starts at."""
        if ref in self.claim_of:
            return [self.claim_of[ref]]
        return self.sources_of.get(ref.key, [])

    def _steps(self, key: str) -> None:
        arg = self.p.arguments[key]
        if arg.steps:
            for n, (premises, conclusion, bar_line) in enumerate(arg.steps):
                last = n == len(arg.steps) - 1
                if len(premises) > 1:
                    self.b.warn(
                        bar_line,
                        f"the premises of {self._name(_Ref('a', key))} support its conclusion "
                        "jointly; argmap records one support per premise",
                    )
                assert conclusion is not None  # the parser rejects a bar with no conclusion
                links = [
                    self.b.add_relation(
                        "supports",
                        self.claim_of[premise],
                        self.claim_of[conclusion],
                        wanted_id=arg.title if last and len(premises) == 1 else None,
                        note=_note(arg) if last else None,
                    )
                    for premise in premises
                    if premise != conclusion
                ]
                self.step_links[(key, n)] = list(dict.fromkeys(links))
            self.dissolved[key] = list(self.step_links[(key, len(arg.steps) - 1)])
            return
        # Premises and an outgoing relation: the relation(s) from each premise.
        self.dissolved[key] = []
        for rel in self.out_of.get(key, []):
            if not self._undercut_like(rel):
                self.dissolved[key] += self._plain(rel, self.sources_of[key], arg)

    def _relation(self, rel: _Rel) -> None:
        source = rel.source
        arg = self.p.arguments.get(source.key) if source.kind == "a" else None
        if arg is not None and source.key in self.as_relation:
            if arg.steps:
                arg = None  # the conclusion speaks; the title names the inference
            elif not self._undercut_like(rel):
                return  # made by _steps
        if source.key not in self.as_relation:
            arg = None  # an argument that is a claim: its relations are plain ones
        made = self._plain(rel, self._origins(source, rel.line), arg)
        if arg is not None and source.key in self.dissolved and self._undercut_like(rel):
            self.dissolved[source.key] += made  # so an undercut of it finds them

    def _links(self, target: _Ref) -> list[str]:
        """The relations an undercut of ``target`` (an argument or inference) attacks."""
        if target.kind == "i":
            return self.step_links.get((target.key, target.step), [])
        if target.key in self.dissolved:
            return self.dissolved[target.key]
        claim = self.claim_of[target]
        return [r["id"] for r in self.b.relations_from(claim) if r["type"] != "undercuts"]

    def _plain(self, rel: _Rel, origins: list[str], arg: _Argument | None) -> list[str]:
        target = rel.target
        if self._undercut_like(rel):
            if target.kind == "s":
                self.b.warn(
                    rel.line,
                    f"an undercut attacks an argument's inference, but "
                    f"{self._name(target)} is a statement; ignored",
                )
                return []
            links = self._links(target)
            what = "undercuts" if rel.type == "undercut" else "attacks"
            owner = _Ref("a", target.key)
            if not links and target in self.claim_of:
                # An argument with no inference in the map: attacking it is the nearest.
                self.b.warn(
                    rel.line,
                    f"{self._name(owner)} supports or attacks nothing, so its undercut was "
                    "recorded as an attack on it",
                )
                to = self.claim_of[target]
                return [self._add("attacks", o, to, rel, arg, len(origins)) for o in origins]
            if not links:
                self.b.warn(rel.line, f"{self._name(owner)} has no inference to undercut; ignored")
                return []
            note = None
            if rel.type == "attack":
                note = (
                    f"Argdown: {what} the argument {self._name(owner)}; "
                    "argmap undercuts its inference"
                )
            pairs = [(o, link) for o in origins for link in links]
            return [self._add("undercuts", o, t, rel, arg, len(pairs), note) for o, t in pairs]
        note = None
        if target.kind == "i" or (target.key in self.as_relation and target not in self.claim_of):
            conclusion = self.p.arguments[target.key].steps
            if rel.type != "support" or not conclusion or target.kind == "i":
                self.b.warn(
                    rel.line,
                    f"a {rel.type} of {self._name(_Ref('a', target.key))}"
                    f"{'' if target.kind == 'a' else chr(39) + 's inference'}: argmap relates "
                    "claims, and cannot tell which of its premises is meant; ignored",
                )
                return []
            # Support of a reconstructed argument: of its conclusion (Argdown derives the
            # same when that support comes from another argument's conclusion).
            last = conclusion[-1][1]
            assert last is not None
            note = (
                f"Argdown: supports the argument {self._name(target)}; "
                "argmap records a support of its conclusion"
            )
            target = last
        to = self.claim_of[target]
        kinds = {"support": "supports", "attack": "attacks", "contradiction": "attacks"}
        made = [
            self._add(kinds[rel.type], o, to, rel, arg, len(origins), note)
            for o in origins
            if o != to
        ]
        if rel.type == "contradiction":
            made += [self._add("attacks", to, o, rel, None, 1) for o in origins if o != to]
        return made

    def _add(
        self,
        type_: str,
        from_: str,
        to: str,
        rel: _Rel,
        arg: _Argument | None,
        count: int,
        note: str | None = None,
    ) -> str:
        if arg is not None:
            return self.b.add_relation(
                type_,
                from_,
                to,
                wanted_id=arg.title if count == 1 else None,
                note=_note(arg) or note,
            )
        wanted, meta_note = self._meta(from_, type_, to)
        return self.b.add_relation(type_, from_, to, wanted_id=wanted, note=meta_note or note)

    def _meta(self, from_: str, type_: str, to: str) -> tuple[str | None, str | None]:
        """The id and note generate_argdown stored for this relation in its origin's data."""
        ref = self.ref_of.get(from_)
        if ref is None:
            return None, None
        owner = self.p.statements.get(ref.key) if ref.kind == "s" else self.p.arguments.get(ref.key)
        entries = owner.data.get("relations") if owner else None
        for n, entry in enumerate(entries if isinstance(entries, list) else []):
            if (
                isinstance(entry, dict)
                and entry.get("to") == to
                and entry.get("type", type_) == type_
                and (from_, n) not in self.used_meta
            ):
                self.used_meta.add((from_, n))
                return _str(entry.get("id")), _str(entry.get("note"))
        return None, None


def _note(arg: _Argument) -> str | None:
    """An argument that became relations: its description (or data ``note``) is their note."""
    return arg.description or _str(arg.data.get("note"))


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


# ----------------------------------------------------------------------------- writing
