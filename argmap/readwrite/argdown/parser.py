"""Argdown text to its elements: statements, arguments, relations, premise-conclusion
structures, front matter and data, located, as Argdown's own lexer splits them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from argmap.problems import Problem

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
_CLAIM_KEYS = {
    "kind", "label", "source", "actor", "quote", "quote_at", "values", "note", "base_score",
    "statement",
}  # fmt: skip


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
