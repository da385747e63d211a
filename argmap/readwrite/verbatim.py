"""Read Verbatim and openCaselist evidence files (.docx) into a map.

Verbatim, the debate world's Word template, keeps evidence on Word's built-in headings:
Heading 1 a *pocket*, 2 a *hat*, 3 a *block*, 4 a *tag* (aliases Pocket, Hat, Block, Tag).
Under a tag comes its *card*: a cite paragraph (the author's surname and year in the Cite
style, bold, then qualifications, date, title, URL) and the card text, the part read aloud
highlighted or underlined. argmap's own Word brief (:mod:`argmap.products.brief.docx`) has
the same shape, so it reads back in.

Each card becomes a claim: its tag the statement, its cite a source (and an actor: the one
the cite says holds it, else the first author, else the body that published it), the
highlighted text (else the underlined text) the quote, from its first highlighted
character to its last, and the card text the source's *text*, returned beside the map so
the caller can store it (``text_file``) and ``check-quotes`` can verify every quote; each
claim's ``quote_at`` says where its quote is in that text. The pocket, hat and block a card
sits under become its tags (a map has no groups: the tags are them). A card met twice (a
brief repeats a claim under several hats) is one claim with the tags of both.

What cannot be read is a located warning (``file:paragraph:1``): a card without a cite
(its source is then the file itself), a card with no highlighted or underlined words (its
quote is then its first sentence), a tag with no card.

A ``.docx`` is a zip of XML written by strangers, so before python-docx sees it
:func:`check_docx` refuses, each with a located :class:`~argmap.problems.MapFileError`: a
file over the size limit, a zip whose parts would expand beyond it (a zip bomb) or expand
more than they say, any XML part declaring a DOCTYPE or entities (billion laughs, external
entities), and a control character in the text.

>>> from argmap.products.brief.docx import HIGHLIGHT
>>> import io, docx
>>> d = docx.Document()
>>> _ = d.add_paragraph("Cooperation", style="Heading 3")
>>> _ = d.add_paragraph("Treaties build trust.", style="Heading 4")
>>> cite = d.add_paragraph()
>>> cite.add_run("Smith 21").bold = True
>>> _ = cite.add_run(" [Ann Smith; “On trust”; 2021-03]")
>>> body = d.add_paragraph("Experts agree that ")
>>> body.add_run("treaties build lasting trust").font.highlight_color = HIGHLIGHT
>>> _ = body.add_run(" between states.")
>>> raw = io.BytesIO(); d.save(raw)
>>> found = read_verbatim(raw.getvalue(), "cards.docx")
>>> c = found.result.map.claims[0]
>>> c.statement, c.quote, c.tags, found.result.map.sources[0].title
('Treaties build trust.', 'treaties build lasting trust', ['cooperation'], 'On trust')
>>> text = found.texts[found.result.map.sources[0].text_file]
>>> text[c.quote_at[0] : c.quote_at[1]]
'treaties build lasting trust'
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from argmap.limits import DEFAULT_LIMITS, Limits, megabytes
from argmap.problems import MapFileError, Problem
from argmap.readwrite.imported import ImportResult, MapBuilder, slug, tag_slug

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

__all__ = ["DocxImport", "check_docx", "read_verbatim"]

LEVELS = {"heading 1": 1, "pocket": 1, "heading 2": 2, "hat": 2, "heading 3": 3, "block": 3,
          "heading 4": 4, "tag": 4}  # fmt: skip
MAX_PARTS = 2_000  # a Word file has a few dozen
BOMB_RATIO = 200  # XML compresses about 10:1; a part expanding far more is a bomb
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
# XML 1.0 forbids C0 controls but tab and breaks; a reference (&#1;) is as bad as the byte.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|&#(x[0-9a-f]+|[0-9]+);", re.IGNORECASE)
_CONTROL_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_URL = re.compile(r"https?://[^\s\]\)>;,]+")
_TITLE = re.compile(r"[“\"]([^”\"]{2,300})[”\"]")
_ISO_DATE = re.compile(r"\b((?:19|20)\d{2})(?:-(\d{2})(?:-(\d{2}))?)?\b")
_US_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)?\d{2})\b")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH_YEAR = re.compile(
    r"\b(" + "|".join(_MONTHS) + r")[a-z]*\.?\s+(?:(\d{1,2}),?\s+)?((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_SHORT_CITE = re.compile(r"^\s*(.+?)\s+(?:'|\u2019)?(\d{2}|\d{4}|n\.d\.)\b")
_LEADS = ("Backing: ",)  # argmap's brief puts this before a backing claim's tag


@dataclass
class DocxImport:
    """An imported evidence file: the map (with warnings) and the text of each source,
    by the ``text_file`` name the map gives it."""

    result: ImportResult
    texts: dict[str, str] = field(default_factory=dict)


def _refuse(name: str, message: str, kind: str = "unreadable", line: int = 1) -> MapFileError:
    return MapFileError([Problem(name, line, 1, "", message, kind)])


def check_docx(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise a located :class:`MapFileError` unless ``data`` is a zip python-docx may read
    safely: within the size limit packed and unpacked, no part expanding more than
    :data:`BOMB_RATIO` times, no DTD or entity declaration, no control character.

    >>> check_docx(b"not a zip", "x.docx")
    Traceback (most recent call last):
    ...
    argmap.problems.MapFileError: x.docx:1:1: not a Word (.docx) file: it is not a zip archive
    """
    if len(data) > limits.max_bytes:
        raise _refuse(
            name,
            f"the file is {megabytes(len(data))}; files are limited to "
            f"{megabytes(limits.max_bytes)} (raise with --max-size)",
            "too_large",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise _refuse(name, "not a Word (.docx) file: it is not a zip archive") from None
    with archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS:
            raise _refuse(
                name,
                f"the zip holds {len(parts):,} parts; a Word file has a few dozen",
                "too_many_items",
            )
        if "word/document.xml" not in archive.namelist():
            raise _refuse(name, "not a Word (.docx) file: it has no word/document.xml")
        unpacked = sum(p.file_size for p in parts)
        if unpacked > limits.max_bytes * 4:
            raise _refuse(
                name,
                f"the zip would unpack to {megabytes(unpacked)} (a zip bomb?); at most "
                f"{megabytes(limits.max_bytes * 4)} is read (raise with --max-size)",
                "too_large",
            )
        for part in parts:
            if part.file_size > 2**20 and part.file_size > BOMB_RATIO * max(part.compress_size, 1):
                raise _refuse(
                    name,
                    f"{part.filename} would expand "
                    f"{part.file_size // max(part.compress_size, 1):,} times, to "
                    f"{megabytes(part.file_size)}: a zip bomb; refused",
                    "too_large",
                )
            if not part.filename.endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(part) as handle:
                    xml = handle.read(part.file_size + 1)
            except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError) as exc:
                raise _refuse(name, f"{part.filename} cannot be unpacked ({exc})") from None
            if len(xml) > part.file_size:
                raise _refuse(name, f"{part.filename} unpacks larger than it says: refused")
            if _DECLARATION.search(xml):
                raise _refuse(
                    name,
                    f"{part.filename} declares a DOCTYPE or XML entities, which Word never "
                    "writes (entity expansion or external entities): refused",
                    "xml_entity",
                )
            bad = next((m for m in _CONTROL_BYTES.finditer(xml) if _is_control(m.group())), None)
            if bad:
                raise _refuse(
                    name,
                    f"{part.filename}: a control character ({_code(bad.group())}) after "
                    f"“{_text_before(xml, bad.start())}”; Word text may not hold one",
                    "unsafe_character",
                )


def _code(found: bytes) -> str:
    if found.startswith(b"&#"):
        return found.decode()
    return f"U+{found[0]:04X}"


def _is_control(found: bytes) -> bool:
    """Whether a raw byte or a character reference (``&#1;``) is a forbidden control."""
    if not found.startswith(b"&#"):
        return True
    digits = found[2:-1].decode()
    code = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
    return code < 0x20 and code not in (0x09, 0x0A, 0x0D)


def _text_before(xml: bytes, index: int) -> str:
    """The text of the paragraph holding byte ``index`` up to it (to say where it is)."""
    window = xml[max(0, index - 50_000) : index]
    starts = [m.start() for m in re.finditer(rb"<w:p[ >]", window)]
    runs = re.findall(
        rb"<w:t(?:\s[^>]*)?>([^<]*)(?:</w:t>|$)", window[starts[-1] if starts else 0 :]
    )
    words = b"".join(runs).decode("utf-8", "replace")
    return words[-60:].strip() or "the start of a paragraph"


class _Styles:
    """A document's styles by id, read once: python-docx looks a run's style up by scanning
    every style, which made a 2,000-card file take twenty seconds."""

    def __init__(self, document: Any) -> None:
        self.names: dict[str, str] = {}
        self.bold: dict[str, bool] = {}
        self.underline: dict[str, bool] = {}
        for style in document.styles:
            sid = style.style_id
            self.names[sid] = (style.name or "").lower()
            font = getattr(style, "font", None)
            self.bold[sid] = bool(font is not None and font.bold)
            self.underline[sid] = bool(font is not None and font.underline)

    def level(self, paragraph: Paragraph) -> int:
        """Verbatim's outline level of a paragraph (1 pocket ... 4 tag), 0 for text."""
        return LEVELS.get(self.names.get(paragraph._p.style or "", ""), 0)

    def marked(self, run: Any) -> tuple[bool, bool]:
        """Whether a run is (highlighted, underlined), directly or by its character style."""
        rpr = run._r.rPr
        sid = run._r.style or ""
        highlighted = run.font.highlight_color is not None
        if not highlighted and rpr is not None:
            shading = rpr.find(f"{_W}shd")
            fill = shading.get(f"{_W}fill") if shading is not None else None
            highlighted = fill not in (None, "auto", "FFFFFF", "ffffff")
        underlined = bool(run.font.underline) or self.underline.get(sid, False)
        return highlighted, underlined

    def cite_run(self, run: Any) -> bool:
        """Whether a run is in Verbatim's Cite style, or bold (directly or by its style)."""
        sid = run._r.style or ""
        name = self.names.get(sid, "")
        return bool(run.bold) or self.bold.get(sid, False) or "13 pt" in name or name == "cite"

    def looks_like_cite(self, paragraph: Paragraph) -> bool:
        """A cite starts with a run in the Cite style or bold, or names a year early on."""
        for run in paragraph.runs:
            if run.text.strip():
                return self.cite_run(run) or bool(_ISO_DATE.search(paragraph.text[:120]))
        return False

    def short_cite(self, paragraph: Paragraph) -> str:
        """The cite's leading Cite-styled or bold runs ("Peters 19")."""
        parts: list[str] = []
        for run in paragraph.runs:
            if self.cite_run(run):
                parts.append(run.text)
            elif parts or run.text.strip():
                break
        return "".join(parts).strip()


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class _Card:
    tag: str
    line: int
    tags: list[str]
    cite: Paragraph | None = None
    body: list[Paragraph] = field(default_factory=list)


@dataclass(frozen=True)
class _Cite:
    short: str
    title: str
    authors: tuple[str, ...]
    organisation: str | None
    date: str | None
    url: str | None
    held_by: str | None
    note: str | None


def _date(text: str, short_year: str | None) -> str | None:
    """The most precise date a cite gives: ISO, US (9-17-2020), "Sept 17, 2020", a year.

    >>> _date("x, 9-17-2020, y", None), _date("Sept. 2019", None), _date("no date", "19")
    ('2020-09-17', '2019-09', '2019')
    """
    iso = [m.groups() for m in _ISO_DATE.finditer(text)]
    for year, month, day in iso:
        if month and 1 <= int(month) <= 12:
            return "-".join(p for p in (year, month, day) if p)
    if m := _US_DATE.search(text):
        month, day, year = m.groups()
        year = year if len(year) == 4 else ("20" if int(year) < 50 else "19") + year
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            return f"{year}-{int(month):02d}-{int(day):02d}"
    if m := _MONTH_YEAR.search(text):
        month_name, day, year = m.groups()
        month = _MONTHS.index(month_name[:3].lower()) + 1
        return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    if iso:
        return iso[0][0]
    if short_year and short_year.isdigit():
        return short_year if len(short_year) == 4 else f"20{short_year}"
    return None


def parse_cite(paragraph_text: str, short: str) -> _Cite:
    """Return what a cite says: the short cite (Cite style or bold), then title, authors,
    organisation, date and URL from the rest, as well as they can be told apart.

    >>> c = parse_cite("Peters 19 [Allison Peters; Foreign Policy; “Cyber cops”; 2019-09]",
    ...                "Peters 19")
    >>> c.authors, c.organisation, c.title, c.date
    (('Allison Peters',), 'Foreign Policy', 'Cyber cops', '2019-09')
    >>> c = parse_cite('Smith 20 (John Smith, prof., 9-17-2020, "Why treaties fail", '
    ...                'https://example.org/a)', "Smith 20")
    >>> c.authors, c.date, c.title, c.url
    (('John Smith',), '2020-09-17', 'Why treaties fail', 'https://example.org/a')
    """
    short = short.strip() or paragraph_text.strip()[:40]
    rest = paragraph_text.strip()
    if rest.startswith(short):
        rest = rest[len(short) :].strip()
    m = _SHORT_CITE.match(short)
    who, year = (m.group(1), m.group(2)) if m else (short, None)
    url_match = _URL.search(rest)
    url = url_match.group().rstrip(".") if url_match else None
    title_match = _TITLE.search(rest)
    title = title_match.group(1).strip() if title_match else None
    inner = rest.strip()
    if inner[:1] + inner[-1:] in ("[]", "()"):  # one pair of brackets round the rest
        inner = inner[1:-1]
    separator = ";" if ";" in inner else ","
    segments = [s.strip() for s in inner.split(separator) if s.strip()]
    held_by = next((s[len("held by ") :] for s in segments if s.startswith("held by ")), None)
    note = next((s for s in segments if s.startswith("reported in ")), None)
    authors: tuple[str, ...] = ()
    organisation = None
    first = segments[0] if segments else ""
    if first and not _TITLE.search(first) and not _URL.search(first):
        if first == who:
            organisation = first
        elif who.lower() in first.lower() and len(first.split()) <= 12:
            authors = tuple(a.strip() for a in first.split(",") if a.strip())
            if separator == ",":
                authors = authors[:1]
            if separator == ";" and len(segments) > 1 and not _TITLE.search(segments[1]):
                organisation = segments[1]
    if not authors and organisation is None and not (separator == ";" and _TITLE.match(first)):
        organisation = who  # a body cited by name; argmap's own cite starts with the title
    date_text = rest.replace(title_match.group(0), " ") if title_match else rest
    if note:  # the date of the source it is reported in is not its own
        date_text = date_text.replace(note, " ")
    undated = "n.d." in segments  # argmap's brief says so rather than guess
    return _Cite(
        short=short,
        title=title or (f"{short} (untitled)" if short else "untitled"),
        authors=authors,
        organisation=organisation,
        date=None if undated else _date(date_text, year),
        url=url,
        held_by=held_by,
        note=note,
    )


class _Reader:
    def __init__(self, name: str, limits: Limits) -> None:
        self.name = name
        self.stem = slug(PurePath(name).stem) or "evidence"
        self.limits = limits
        self.builder: MapBuilder | None = None
        self.sources: dict[tuple[Any, ...], str] = {}  # cite key -> source id
        self.actors: dict[str, str] = {}
        self.texts: dict[str, list[str]] = {}  # source id -> its cards' texts
        self.claims: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.styles: _Styles

    def warn(self, line: int, message: str) -> None:
        assert self.builder is not None
        self.builder.warn(line, message)

    def source_for(self, cite: _Cite) -> str:
        assert self.builder is not None
        key = (cite.title, cite.authors, cite.organisation, cite.date, cite.url)
        if key not in self.sources:
            sid = self.builder.unique_id(slug(cite.short) or slug(cite.title) or "source")
            entry: dict[str, Any] = {"id": sid, "title": cite.title[:1000], "kind": "other",
                                     "text_file": f"{self.stem}-{sid}.txt"}  # fmt: skip
            if cite.authors:
                entry["authors"] = list(cite.authors)
            for key_name in ("organisation", "date", "url", "note"):
                if getattr(cite, key_name):
                    entry[key_name] = getattr(cite, key_name)
            self.builder.sources.append(entry)
            self.sources[key] = sid
            self.texts[sid] = []
        return self.sources[key]

    def actor_for(self, cite: _Cite | None) -> str:
        assert self.builder is not None
        if cite is None:
            return self.builder.default_actor()
        name = cite.held_by or (cite.authors[0] if cite.authors else cite.organisation)
        if not name:
            return self.builder.default_actor()
        if name not in self.actors:
            kind = "person" if cite.authors and name in cite.authors else "other"
            self.actors[name] = self.builder.add_actor(name[:1000], kind=kind)
        return self.actors[name]

    def card(self, card: _Card) -> None:
        assert self.builder is not None
        statement = card.tag
        for lead in _LEADS:
            statement = statement.removeprefix(lead)
        # The card text, paragraph by paragraph, with what each run is marked as.
        text_parts: list[str] = []
        marks: list[tuple[int, int, bool, bool]] = []
        cursor = 0
        for paragraph in card.body:
            if text_parts:
                text_parts.append("\n\n")
                cursor += 2
            for run in paragraph.runs:
                words = run.text
                if not words:
                    continue
                highlighted, underlined = self.styles.marked(run)
                marks.append((cursor, cursor + len(words), highlighted, underlined))
                text_parts.append(words)
                cursor += len(words)
        text = "".join(text_parts)
        if not text.strip():
            self.warn(card.line, f"the tag “{_short(statement)}” has no card text; left out")
            return
        if bad := _CONTROL_TEXT.search(text + statement):
            raise _refuse(
                self.name,
                f"paragraph {card.line}: the card “{_short(statement)}” holds a control "
                f"character (U+{ord(bad.group()):04X}); refused",
                "unsafe_character",
                card.line,
            )
        span = _span(marks, 2) or _span(marks, 3)
        if span is None:
            self.warn(
                card.line,
                f"the card “{_short(statement)}” has no highlighted or underlined words; its "
                "quote is its first sentence",
            )
            first = re.search(r".+?[.!?](?=\s|$)", text, re.DOTALL)
            span = (0, first.end() if first else len(text))
        start, end = span
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > 600:
            self.warn(card.line, f"the quote of “{_short(statement)}” is over 600 characters; cut")
            end = start + 600
            while end > start and not text[end - 1].isspace():
                end -= 1  # at a word's end
            end = end if end > start else start + 600
            while end > start and text[end - 1].isspace():
                end -= 1
        quote = text[start:end]
        cite: _Cite | None = None
        if card.cite is None:
            self.warn(
                card.line,
                f"the card “{_short(statement)}” has no cite; its source is this file",
            )
            source = self.builder.default_source()
            for entry in self.builder.sources:
                if entry["id"] == source:
                    entry.setdefault("text_file", f"{self.stem}-{source}.txt")
            self.texts.setdefault(source, [])
        else:
            cite = parse_cite(card.cite.text, self.styles.short_cite(card.cite))
            source = self.source_for(cite)
        # Where this card's text starts in its source's text (cards joined by blank lines).
        before = self.texts[source]
        offset = sum(len(t) + 2 for t in before)
        key = (statement, quote, source)
        if key in self.claims:  # the same card again: one claim, with both places' tags
            claim = self.claims[key]
            claim["tags"] = list(dict.fromkeys([*claim.get("tags", []), *card.tags]))
            return
        before.append(text)
        if text[start:end] != quote:  # cannot happen by construction; said, not assumed
            self.warn(card.line, f"the quote of “{_short(statement)}” is not in its card")
        cid = self.builder.add_claim(
            statement,
            source=source,
            actor=self.actor_for(cite),
            quote=quote,
            tags=card.tags,
            line=card.line,
            quote_at=[offset + start, offset + end],
        )
        self.claims[key] = self.builder.claims[-1]
        assert self.builder.claims[-1]["id"] == cid

    def read(self, data: bytes) -> DocxImport:
        import docx
        from lxml.etree import XMLSyntaxError  # type: ignore[import-untyped]

        check_docx(data, self.name, self.limits)
        try:
            document = docx.Document(io.BytesIO(data))
        except (XMLSyntaxError, KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise _refuse(self.name, f"not a readable Word file ({exc})") from None
        paragraphs = document.paragraphs
        if len(paragraphs) > self.limits.max_items:
            raise _refuse(
                self.name,
                f"{len(paragraphs):,} paragraphs; at most {self.limits.max_items:,} are read "
                "(raise with --max-items)",
                "too_large",
            )
        headings: dict[int, str] = {}
        self.styles = _Styles(document)
        pocket = next((p.text.strip() for p in paragraphs
                       if self.styles.level(p) == 1 and p.text.strip()), "")  # fmt: skip
        title = pocket.split(": ", 1)[-1] if pocket else ""
        self.builder = MapBuilder(self.name, title=title or None)
        card: _Card | None = None
        cards: list[_Card] = []
        for number, paragraph in enumerate(paragraphs, 1):
            level = self.styles.level(paragraph)
            words = paragraph.text.strip()
            if level:
                card = None
                if not words:
                    continue
                if level == 4:
                    tags = [t for t in (tag_slug(headings[k]) for k in sorted(headings)) if t]
                    card = _Card(words, number, list(dict.fromkeys(tags)))
                    cards.append(card)
                else:
                    headings = {k: v for k, v in headings.items() if k < level}
                    headings[level] = words
                continue
            if card is None or not words:
                continue
            if card.cite is None and not card.body and self.styles.looks_like_cite(paragraph):
                card.cite = paragraph
            else:
                card.body.append(paragraph)
        for c in cards:
            self.card(c)
        if not cards:
            self.warn(1, "no tags (Heading 4) found: is this a Verbatim file?")
        texts = {}
        for entry in self.builder.sources:
            if entry.get("text_file") and entry["id"] in self.texts:
                texts[entry["text_file"]] = "\n\n".join(self.texts[entry["id"]])
        self.builder.sources = [s for s in self.builder.sources
                                if not s.get("text_file") or s["text_file"] in texts]  # fmt: skip
        return DocxImport(self.builder.result(), texts)


def _span(marks: list[tuple[int, int, bool, bool]], which: int) -> tuple[int, int] | None:
    chosen = [(a, b) for a, b, *flags in marks if flags[which - 2]]
    if not chosen:
        return None
    return chosen[0][0], chosen[-1][1]


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


def read_verbatim(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> DocxImport:
    """Return the map of a Verbatim or openCaselist ``.docx`` and its sources' texts.

    Raises a located :class:`MapFileError` for a file that is not safe or not a Word file
    (:func:`check_docx`); what is only incomplete is a warning in the result.
    """
    return _Reader(name, limits).read(data)
