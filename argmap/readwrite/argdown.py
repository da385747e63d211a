"""Argdown (the text format of the Argdown project, argdown.org) to a map and back.

Reading, every Argdown element has a place or a located warning:

- a statement (``[Title]: text``, all members of a title are one claim) becomes a claim, its
  title its id (as a slug when the title is not an id), its text statement and quote;
  ``#tags`` become tags, the innermost ``#`` heading a tag too (argmap has no groups);
- a relation (``+ - _ ><`` and their directed forms, nested by indentation) becomes a
  relation; a contradiction ``><`` becomes two attacks;
- an argument with a premise-conclusion structure (``(1) ...``, ``----``) becomes one support
  per premise of each inference step; an argument without one but with supporting
  statements (its premises) and outgoing relations becomes those relations from each
  premise, titled by the argument (its description is their note); an undercut of either
  undercuts those relations. Any other argument is a claim itself;
- front matter gives the map's title, question and description; ``{...}`` data gives the
  claim fields argmap has (``kind``, ``source``, ``actor``, ``quote``, ``note``, ...).

Writing, each claim is a statement titled by its id with its tags and a data block holding
the rest, followed by its outgoing relations (``+>``, ``->``); a relation that is undercut
becomes an argument ``<relation-id>`` with its origin as premise (``+ [from]``), its target
(``+> [to]``) and its note as description, since Argdown undercuts attack arguments; the
undercut is ``_> <relation-id>``. Relation ids and notes ride in the origin claim's data,
sources and actors in the front matter, so ``parse_argdown(generate_argdown(m))`` gives ``m``
back (relations may come in another order).

>>> result = parse_argdown('''
... [Ban]: Cities should ban cars. #policy
...   + [Air]: Cars pollute the air.
...   - <Jobs>: A ban costs jobs.
... ''', "demo.argdown")
>>> [(r.from_, r.type.value, r.to) for r in result.map.relations]
[('air', 'supports', 'ban'), ('jobs', 'attacks', 'ban')]
>>> parse_argdown(generate_argdown(result.map)).map == result.map
True
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from io import StringIO
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from argmap.limits import DEFAULT_LIMITS, Limits, read_limited
from argmap.model import ArgumentMap, Claim, Relation, RelationType
from argmap.problems import MapFileError, Problem
from argmap.readwrite.formats import Format
from argmap.readwrite.imported import ImportResult, MapBuilder, tag_slug
from argmap.store.atomic import atomic_write_text

__all__ = ["generate_argdown", "parse_argdown", "write_argdown"]

# The patterns of Argdown's own lexer (@argdown/core 1.7), so we split text as it does.
_DATA = re.compile(r"\{(?:(?!\}\s[^,}])[^\r\u2028\u2029])*\}(?!\s*[,}])")
_TAG = re.compile(r"#(?:\(([^)]+)\)|([a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))[ \t]?")
_LINK = re.compile(r"\[[^\]]+?\]\([^)]+?\)")
_RELATION = re.compile(r"^([ \t]*)(\+>|->|<\+|\+|<-|-|><|_>|<_|_(?=\s))[ \t]*(.*)$")
_NUMBER = re.compile(r"^([ \t]*)\((\d+)\)[ \t]*(.*)$")
_BAR = re.compile(r"^[ \t]*--")
_OPEN_BAR = re.compile(r"^[ \t]*-{2,}[ \t]*$")
_LIST = re.compile(r"^[ \t]*(?:\d+\.|\*)[ \t]+")
# Control characters (C0 but tab and newline, DEL, C1) and Unicode line separators.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_INCLUDE = re.compile(r"^[ \t]*@include\((.*)\)[ \t]*$")
_HEADING = re.compile(r"^(#+) (.*)$")
_FENCE = re.compile(r"^[ \t]*(```+|~~~+)[ \t]*(\S*)")
# Argdown's default shortcodes: `.A.` or `:happy:` in text would become a symbol.
_SHORTCODES = [
    "A",
    "E",
    "O",
    "P",
    "->",
    "<->",
    "~",
    "^",
    "v",
    "v_",
    "<>",
    "[]",
    "happy",
    "smile",
    "smiley",
    "laugh",
    "lol",
    "rofl",
    "joy",
    "heart",
    "?",
    "question",
    "love",
    "wink",
    "shush",
    "meh",
    "eye-roll",
    "sad",
    "disappointed",
    "scream",
    "+1",
    "up",
    "-1",
    "down",
    "think",
    "star",
    "y",
    "agree",
    "n",
    "disagree",
]
_SHORTCODE = re.compile(
    r"([.:])(" + "|".join(re.escape(s) for s in sorted(_SHORTCODES, key=len, reverse=True)) + r")\1"
)
# (symbol, from the child's side): under a parent P, `+ [C]` means C supports P.
_RELATION_KIND = {
    "+": ("support", True),
    "<+": ("support", True),
    "+>": ("support", False),
    "-": ("attack", True),
    "<-": ("attack", True),
    "->": ("attack", False),
    "_": ("undercut", True),
    "<_": ("undercut", True),
    "_>": ("undercut", False),
    "><": ("contradiction", False),
}
# A title ends at its first closing bracket: a later "]:" or ">:" (in data, say) is not its end.
_ELEMENTS = [
    ("s", re.compile(r"\[([^\]]+)\]:"), True),
    ("a", re.compile(r"<([^>]+)>:"), True),
    ("s", re.compile(r"\[([^\]-][^\]]*)\]"), False),
    ("a", re.compile(r"<([^>-][^>]*)>"), False),
]
_SAFE_YAML = YAML(typ="safe", pure=True)
_CLAIM_KEYS = {"kind", "source", "actor", "quote", "values", "note", "base_score", "statement"}


# ----------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class _Ref:
    kind: str  # "s" statement, "a" argument, "i" inference step of argument ``key``
    key: str  # (or, for "c", the conclusion statement of step ``step`` of ``owner``)
    step: int = -1
    owner: str = ""


@dataclass
class _Statement:
    title: str | None
    line: int
    col: int
    text: str | None = None
    text_line: int = 0
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: str | None = None


@dataclass
class _Argument:
    title: str | None
    line: int
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    # inference steps: (premise refs, conclusion ref, line of the bar)
    steps: list[tuple[list[_Ref], _Ref | None, int]] = field(default_factory=list)


@dataclass
class _Rel:
    type: str
    source: _Ref
    target: _Ref
    line: int


@dataclass
class _Pcs:
    argument: _Argument
    key: str
    line: int
    current: list[_Ref] = field(default_factory=list)  # statements of the open step
    numbers: dict[int, _Ref] = field(default_factory=dict)


@dataclass
class _Text:
    text: str
    tags: list[str]
    data: dict[str, Any]


class _Parser:
    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.front: dict[str, Any] = {}
        self.front_lines: dict[str, int] = {}
        self.statements: dict[str, _Statement] = {}
        self.arguments: dict[str, _Argument] = {}
        self.relations: list[_Rel] = []
        self._untitled = 0
        self._defined = False
        self._continues: _Ref | None = None  # what a plain line after this one continues
        self.comment_lines: set[int] = set()
        self.lines = self._prepare(text)

    def error(self, line: int, col: int, message: str) -> None:
        self.errors.append(Problem(self.name, line, col, "", message, "argdown_syntax"))

    def warn(self, line: int, col: int, message: str) -> None:
        self.warnings.append(Problem(self.name, line, col, "", message, "not_kept"))

    # --- text preparation: fences, front matter, comments ----------------------------
    def _prepare(self, text: str) -> list[str]:
        text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n")
        if any((f := _FENCE.match(x)) and f.group(2).startswith("argdown") for x in lines):
            lines = _argdown_fences(lines)
        lines = self._front_matter(lines)
        stripped = self._strip_comments("\n".join(lines)).split("\n")
        # A line that held only a comment is no blank line: it neither ends a relation
        # tree nor splits a statement's text (Argdown skips it).
        self.comment_lines = {
            k
            for k, (a, b) in enumerate(zip(lines, stripped, strict=False))
            if a.strip() and not b.strip()
        }
        return stripped

    def _front_matter(self, lines: list[str]) -> list[str]:
        start = next((k for k, x in enumerate(lines) if x.strip()), None)
        if start is None or not lines[start].lstrip().startswith("==="):
            return lines
        end = next(
            (k for k in range(start + 1, len(lines)) if lines[k].strip().startswith("===")), None
        )
        if end is None:
            self.error(
                start + 1,
                1,
                "front matter opened with '===' is never closed (end it with a line '===')",
            )
            return lines[:start]
        body = "\n".join(lines[start + 1 : end])
        try:
            data = YAML(typ="safe", pure=True).load(body)
        except YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = start + 2 + (mark.line if mark else 0)
            self.error(
                line,
                (mark.column + 1) if mark else 1,
                f"front matter is not YAML: {getattr(exc, 'problem', None) or exc}",
            )
            data = None
        if data is not None and not isinstance(data, dict):
            self.error(start + 1, 1, "front matter must be a YAML mapping (key: value lines)")
        elif data:
            self.front = data
            for k in range(start + 1, end):
                match = re.match(r"([A-Za-z_][\w-]*)\s*:", lines[k])
                if match and match.group(1) in data:
                    self.front_lines.setdefault(match.group(1), k + 1)
        return [""] * (end + 1) + lines[end + 1 :]

    def _strip_comments(self, text: str) -> str:
        # Blank out comments (keeping newlines, so every line keeps its number), stepping
        # over what Argdown reads before a comment could start: escapes, data and links.
        out: list[str] = []
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if ch == "\\" and i + 1 < n:
                out.append(text[i : i + 2])
                i += 2
                continue
            if ch == "{" and (m := _DATA.match(text, i)):
                out.append(m.group())
                i = m.end()
                continue
            if ch == "[" and (m := _LINK.match(text, i)):
                out.append(m.group())
                i = m.end()
                continue
            end = None
            if text.startswith("/*", i):
                end = text.find("*/", i + 2)
                end = None if end < 0 else end + 2
                opened = "/*"
            elif text.startswith("<!--", i):
                end = text.find("-->", i + 4)
                end = None if end < 0 else end + 3
                opened = "<!--"
            elif text.startswith("//", i):
                end = text.find("\n", i)
                end = n if end < 0 else end
                opened = ""
            else:
                out.append(ch)
                i += 1
                continue
            if end is None:
                line = text.count("\n", 0, i) + 1
                col = i - (text.rfind("\n", 0, i) + 1) + 1
                self.error(line, col, f"comment opened with {opened!r} is never closed")
                end = n
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        return "".join(out)

    # --- lines ------------------------------------------------------------------------
    def parse(self) -> None:
        section: str | None = None
        stack: list[tuple[int, _Ref]] = []  # the open relation tree: (indent, element)
        last: _Ref | None = None  # a defined element the next plain line continues
        top: _Ref | None = None  # the last top-level element (an argument may own a pcs)
        pcs: _Pcs | None = None
        lines = self.lines
        k = 0
        while k < len(lines):
            line_no = k + 1
            line = lines[k].rstrip()
            k += 1
            if not line.strip():
                if k - 1 not in self.comment_lines:
                    stack, last = [], None
                continue
            if "{" in line:
                line, k = self._join_data(line, k)
            include = _INCLUDE.match(line)
            if include:
                self.warn(
                    line_no,
                    len(line) - len(line.lstrip()) + 1,
                    f"@include({include.group(1).strip()}) is read by Argdown's command-line "
                    "tool only: import the file it names on its own, or paste it in; ignored",
                )
                continue
            heading = _HEADING.match(line)
            if heading:
                pcs = self._close(pcs)
                text = heading.group(2)
                # A heading runs on until a blank line, as a statement's text does.
                while k < len(lines) and lines[k].strip() and not _starts_block(lines[k]):
                    text += " " + lines[k].strip()
                    k += 1
                section = self._text(text, line_no, len(heading.group(1)) + 2).text
                stack, last, top = [], None, None
                continue
            if _BAR.match(line):
                rule = line
                end = self._rule_end(k) if _OPEN_BAR.match(line) else None
                if end is not None:  # `--`, a rule on lines of its own, `--`
                    rule = " ".join(x.strip() for x in lines[k : end + 1])
                    k = end + 1
                if pcs is None or not pcs.current:
                    self.error(
                        line_no,
                        1,
                        "inference bar '--' with no numbered premises '(1) ...' above it",
                    )
                    stack, last = [], None
                else:
                    uses = self._bar(rule, line_no, pcs.numbers)
                    pcs.argument.steps.append((uses or pcs.current, None, line_no))
                    pcs.current = []
                    # Relations indented under a bar are those of its inference.
                    step = _Ref("i", pcs.key, len(pcs.argument.steps) - 1)
                    stack, last = [(len(line) - len(line.lstrip()), step)], None
                continue
            number = _NUMBER.match(line)
            if number:
                if pcs is None:
                    owner = top if top is not None and top.kind == "a" else None
                    if owner is None or self.arguments[owner.key].steps:
                        owner = self._new_argument(None, line_no)
                    pcs = _Pcs(self.arguments[owner.key], owner.key, line_no)
                at = len(number.group(1))
                ref = self._element(
                    number.group(3),
                    line_no,
                    at + len(number.group(2)) + 3,
                    section,
                    statement_only=True,
                )
                if ref is None:
                    continue
                pcs.numbers[int(number.group(2))] = ref
                steps = pcs.argument.steps
                anchor = ref
                if steps and steps[-1][1] is None:
                    # The first statement after a bar is that step's conclusion; an
                    # undercut below it undercuts that inference (Argdown allows both).
                    steps[-1] = (steps[-1][0], ref, steps[-1][2])
                    anchor = _Ref("c", ref.key, len(steps) - 1, pcs.key)
                pcs.current.append(ref)
                stack, last = [(at, anchor)], self._continues
                continue
            relation = _RELATION.match(line)
            if relation:
                indent, symbol, rest = relation.groups()
                indent_n = len(indent.expandtabs(4))
                while stack and stack[-1][0] >= indent_n:
                    stack.pop()
                col = len(indent) + 1
                if not stack:
                    self.error(
                        line_no,
                        col,
                        f"relation {symbol!r} has nothing to relate to: "
                        "indent it under a statement or argument",
                    )
                    continue
                if not rest.strip():
                    self.error(
                        line_no,
                        col,
                        f"relation {symbol!r} to nothing: write a statement or argument after it",
                    )
                    continue
                child = self._element(rest, line_no, col + len(symbol) + 1, section)
                if child is None:
                    continue
                rel_type, incoming = _RELATION_KIND[symbol]
                parent = stack[-1][1]
                if parent.kind == "c":  # a conclusion: only an undercut means its inference
                    parent = (
                        _Ref("i", parent.owner, parent.step)
                        if rel_type == "undercut"
                        else _Ref("s", parent.key)
                    )
                if parent.kind == "i" and not incoming:
                    self.warn(
                        line_no,
                        col,
                        f"relation {symbol!r} leaves an inference, which only its argument's "
                        "conclusion can do; ignored",
                    )
                else:
                    source, target = (child, parent) if incoming else (parent, child)
                    self.relations.append(_Rel(rel_type, source, target, line_no))
                stack.append((indent_n, child))
                last = self._continues
                continue
            indent_n = len(line) - len(line.lstrip())
            if stack and not _starts_element(line.lstrip()) and not _LIST.match(line):
                if last is None:
                    self.warn(
                        line_no,
                        indent_n + 1,
                        "text after a reference is not part of "
                        "any statement (write [Title]: text to define one); ignored",
                    )
                else:
                    self._continue_text(last, line.strip(), line_no, indent_n + 1)
                continue
            pcs = self._close(pcs)
            content = _LIST.sub("", line.lstrip())  # each list item is an element
            ref = self._element(content, line_no, indent_n + 1, section)
            if ref is not None:
                stack, top = [(indent_n, ref)], ref
                last = self._continues
        self._close(pcs)

    def _rule_end(self, k: int) -> int | None:
        """The line of the bar closing a rule written on lines of its own (from line ``k``)."""
        for j in range(k, min(k + 20, len(self.lines))):
            line = self.lines[j]
            if _OPEN_BAR.match(line):
                return j if j > k else None
            if not line.strip() or _NUMBER.match(line) or _RELATION.match(line):
                return None
        return None

    def _join_data(self, line: str, k: int) -> tuple[str, int]:
        """Join the lines a YAML data block ``{...}`` runs over; return it and the next line."""
        i = _open_data(line)
        if i is None:
            return line, k
        if not line[i + 1 :].strip():
            return self._block_data(line, i, k)
        joined = line
        for j in range(k, min(k + 200, len(self.lines))):
            if not self.lines[j].strip() and j not in self.comment_lines:
                break
            joined += " " + self.lines[j].strip()
            if _DATA.match(joined, i):
                return joined, j + 1
        return line, k

    def _block_data(self, line: str, i: int, k: int) -> tuple[str, int]:
        """A ``{`` ending its line opens YAML in block style, up to a line ``}`` (Argdown's
        "YAML block format"): return the line with the data as one flow block."""
        end = next(
            (j for j in range(k, min(k + 500, len(self.lines))) if self.lines[j].strip() == "}"),
            None,
        )
        if end is None:
            return line, k  # reported as a block never closed
        try:
            value = _SAFE_YAML.load("\n".join(self.lines[k:end]))
        except YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            self.error(
                k + 1 + (mark.line if mark else 0),
                (mark.column + 1) if mark else 1,
                f"data block is not YAML: {getattr(exc, 'problem', None) or exc}",
            )
            return line[:i], end + 1
        if value is None:
            value = {}
        if not isinstance(value, dict):
            self.error(k + 1, 1, "a data block must be a mapping (key: value lines)")
            return line[:i], end + 1
        return line[:i] + _flow(json.loads(json.dumps(value, default=str))), end + 1

    def _close(self, pcs: _Pcs | None) -> _Pcs | None:
        """Check the structure ``pcs`` that ends here; return ``None`` (no open structure)."""
        if pcs is None:
            return None
        steps = pcs.argument.steps
        if not steps:
            self.warn(
                pcs.line,
                1,
                "numbered statements with no inference bar ('----') "
                "before a conclusion; kept as claims only",
            )
        elif steps[-1][1] is None:
            self.error(steps[-1][2], 1, "inference bar with no conclusion '(n) ...' after it")
        elif len(pcs.current) > 1:
            self.warn(
                pcs.line,
                1,
                f"{len(pcs.current) - 1} numbered statement(s) after the "
                "last conclusion belong to no inference; kept as claims only",
            )
        return None

    def _bar(self, line: str, line_no: int, numbers: dict[int, _Ref]) -> list[_Ref] | None:
        inner = re.sub(r"^[ \t]*-{2,}|-{2,}[ \t]*$", "", line)
        data = self._text(inner, line_no, 1).data if inner.strip() else {}
        uses = data.get("uses")
        if uses is None:
            return None
        if not isinstance(uses, list) or not all(isinstance(u, int) for u in uses):
            self.error(line_no, 1, "'uses' in an inference must list statement numbers")
            return None
        missing = [u for u in uses if u not in numbers]
        if missing:
            self.error(
                line_no, 1, f"the inference uses ({missing[0]}), which is not numbered above it"
            )
            return None
        return [numbers[u] for u in uses]

    def _new_argument(self, title: str | None, line_no: int) -> _Ref:
        if title is None:
            self._untitled += 1
            key = f"\x00argument {self._untitled}"
        else:
            key = title
        self.arguments.setdefault(key, _Argument(title, line_no))
        return _Ref("a", key)

    def _element(
        self,
        content: str,
        line_no: int,
        col: int,
        section: str | None,
        statement_only: bool = False,
    ) -> _Ref | None:
        """Record the statement or argument a line names; set ``_defined`` if it has text."""
        content = content.strip()
        start = col
        kind, title, rest, defined = "s", None, content, True
        if not _LINK.match(content):
            for kind_, pattern, is_def in _ELEMENTS:
                match = pattern.match(content)
                if match:
                    kind, title, defined = kind_, match.group(1).strip(), is_def
                    rest = content[match.end() :]
                    col += match.end()
                    break
        self._defined = False
        self._continues = None
        if kind == "a" and statement_only:
            self.error(
                line_no,
                col,
                f"a numbered line of an argument must be a statement, not the argument <{title}>",
            )
            return None
        parsed = self._text(rest, line_no, col)
        if not defined and parsed.text:
            self.warn(
                line_no,
                col,
                f"text after the reference to {title!r} is not part of any "
                "statement (write [Title]: text to define one); ignored",
            )
        if kind == "a":
            ref = self._new_argument(title, line_no)
            argument = self.arguments[ref.key]
            if defined and parsed.text:
                if argument.description is None:
                    argument.description = parsed.text
                elif argument.description != parsed.text:
                    argument.description += " " + parsed.text
            argument.tags += parsed.tags
            argument.data.update(parsed.data)
            self._defined = defined
            self._continues = ref if defined else None
            return ref
        if title is None:
            if not parsed.text:
                if parsed.tags or parsed.data:
                    self.warn(line_no, col, "tags or data with no statement; ignored")
                return None
            self._untitled += 1
            key = f"\x00statement {self._untitled}"
        else:
            key = title
        statement = self.statements.setdefault(key, _Statement(title, line_no, col))
        if statement.section is None:
            statement.section = section
        if defined and parsed.text:
            if statement.text is None:
                statement.text, statement.text_line = parsed.text, line_no
                self._defined = True
                self._continues = _Ref("s", key)
            else:
                # Another member of the class: its lines go on, but only its tags count.
                self._continues = _Ref("x", key)
            if statement.text_line != line_no and statement.text != parsed.text:
                self.warn(
                    line_no,
                    start,
                    f"[{title}] was defined with another text at line "
                    f"{statement.text_line}; argmap keeps one text per claim, the first",
                )
        statement.tags += parsed.tags
        statement.data.update(parsed.data)
        return _Ref("s", key)

    def _continue_text(self, ref: _Ref, text: str, line_no: int, col: int) -> None:
        parsed = self._text(text, line_no, col)
        owner: _Statement | _Argument
        if ref.kind == "a":
            owner = self.arguments[ref.key]
            owner.description = " ".join(filter(None, [owner.description, parsed.text]))
        else:
            owner = self.statements[ref.key]
            if ref.kind == "s":
                owner.text = " ".join(filter(None, [owner.text, parsed.text]))
        owner.tags += parsed.tags
        owner.data.update(parsed.data)

    def _text(self, text: str, line_no: int, col: int) -> _Text:
        """Split text into plain text, tags and data, as Argdown's lexer does."""
        out: list[str] = []
        tags: list[str] = []
        data: dict[str, Any] = {}
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "\\" and i + 1 < len(text):
                out.append(text[i + 1])
                i += 2
            elif ch == "{" and (m := _DATA.match(text, i)):
                data.update(self._data(m.group(), line_no, col + i))
                i = m.end()
            elif ch == "[" and (m := _LINK.match(text, i)):
                out.append(m.group())
                i = m.end()
            elif ch == "#" and (m := _TAG.match(text, i)):
                tags.append(m.group(1) or m.group(2))
                i = m.end()
            elif ch == "{":
                self.error(
                    line_no,
                    col + i,
                    "data block '{' is never closed with '}' (or a "
                    "value in it is followed by more text)",
                )
                i = len(text)
            else:
                out.append(ch)
                i += 1
        return _Text(re.sub(r"[ \t]+", " ", "".join(out)).strip(), tags, data)

    def _data(self, block: str, line_no: int, col: int) -> dict[str, Any]:
        try:
            value = _SAFE_YAML.load(block)
        except YAMLError as exc:
            self.error(
                line_no, col, f"data block is not YAML: {getattr(exc, 'problem', None) or exc}"
            )
            return {}
        if not isinstance(value, dict):
            self.error(line_no, col, "a data block must be a mapping {key: value, ...}")
            return {}
        return {str(k): v for k, v in value.items()}


def _argdown_fences(lines: list[str]) -> list[str]:
    """Keep only the lines inside ```argdown fences (Argdown inside Markdown)."""
    out, fence = [], None
    for line in lines:
        match = _FENCE.match(line)
        if fence is None and match and match.group(2).startswith("argdown"):
            fence = match.group(1)
            out.append("")
        elif (
            fence is not None
            and match
            and match.group(1).startswith(fence[:3])
            and not (match.group(2))
        ):
            fence = None
            out.append("")
        else:
            out.append(line if fence is not None else "")
    return out


def _starts_element(text: str) -> bool:
    return bool(re.match(r"\[.+?\]|<[^-].*?>", text)) and not _LINK.match(text)


def _starts_block(line: str) -> bool:
    """Whether ``line`` starts something of its own rather than continuing a heading."""
    return bool(
        _starts_element(line.lstrip())
        or _NUMBER.match(line)
        or _RELATION.match(line)
        or _BAR.match(line)
        or _LIST.match(line)
        or _HEADING.match(line)
        or _INCLUDE.match(line)
    )


def _open_data(line: str) -> int | None:
    """The index of a ``{`` in ``line`` that opens a data block not closed on the line."""
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "\\":
            i += 2
        elif ch == "[" and (m := _LINK.match(line, i)):
            i = m.end()
        elif ch == "{":
            m = _DATA.match(line, i)
            if m is None:
                return i
            i = m.end()
        else:
            i += 1
    return None


# ----------------------------------------------------------------------------- to a map


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


def _flow(value: Any) -> str:
    """Return ``value`` as a one-line YAML flow mapping Argdown's data token accepts."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, str):
        # Braces inside a string would end Argdown's data token: YAML reads \u escapes.
        quoted = json.dumps(value, ensure_ascii=False)
        for ch, code in (("{", "\\u007b"), ("}", "\\u007d")):
            quoted = quoted.replace(ch, code)
        # YAML refuses raw control characters (C1 included), Argdown line separators.
        return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
    return json.dumps(value)


def write_argdown(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write :func:`generate_argdown` of the map to ``path``, atomically (a reader of the
    file never sees half of it)."""
    atomic_write_text(path, generate_argdown(argument_map))


def read_argdown(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> ImportResult:
    """Return the map in the Argdown file at ``path`` (:func:`parse_argdown` of its text; the
    file is refused at once, located, when it is over ``limits`` or not UTF-8 text)."""
    return parse_argdown(read_limited(path, limits), str(path), limits)


FORMATS = (
    Format(
        "argdown", "Argdown", (".argdown", ".ad"), "text/plain",
        "For argdown.org and its editor plug-ins: statements, arguments, relations, "
        "premise-conclusion structures.",
        keeps="claims, relations (undercuts as attacks on an inference), kinds and tags; "
        "sources, actors, quotes, values and audiences as YAML data",
        write=lambda m, view: generate_argdown(m), parse=parse_argdown,
        import_suffixes=(".argdown", ".ad", ".md"), rank=40,
    ),
)  # fmt: skip
