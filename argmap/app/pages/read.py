"""The Read page: a source's text with the passages the map quotes marked and linked to their
claims; a passage picked (with the mouse, or sentence by sentence with the keyboard) becomes
a new claim's exact quote, with its offsets, its source and likely actor filled and the
statement left to the author; a statement typed finds the passages that ground it; and the
relations a new claim most likely makes are offered, one click to accept or reject each.

Nothing is added without the author, and nothing reaches the file but through the editor
(:class:`argmap.store.editing.Editor`, atomic saves). Everything the page decides is in
:mod:`argmap.products.reading`, :mod:`argmap.products.links` and
:mod:`argmap.view.reading`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from argmap.app import classroom
from argmap.app.component import argmap_reader
from argmap.app.shared import available_maps, current_map, maps_folder, ss
from argmap.model import ClaimKind, SourceKind
from argmap.problems import MapFileError
from argmap.products.quotes import text_file_of
from argmap.products.reading import (
    likely_actor,
    new_claim_values,
    picked_passage,
    quoted_marks,
    unique_id,
)
from argmap.store.atomic import atomic_write_text
from argmap.store.editing import Editor, SaveConflict
from argmap.store.library import sources_dir
from argmap.view.reading import reader_payload
from argmap.view.text import md_escape, truncate

UPLOAD = "__upload__"
READ_MAX = 1_000_000  # characters: a book's worth; sentence splitting a longer text is slow
NEW_ACTOR = "__new_actor__"


def editor_for(path: Path, key: str) -> Editor:
    """The session's editor of ``path`` (shared with the Edit page), brought up to date."""
    editors: dict[Path, Editor] = ss.setdefault("editors", {})
    if path not in editors:
        editors[path] = Editor.open(path)
    ed = editors[path]
    ss.editor = ed
    if ed.content_hash != key and not ed.dirty:
        ed.reload()
    return ed


def texts_folder() -> Path:
    """Where source texts are read from, and where uploaded ones are written."""
    return sources_dir(maps_folder()) or maps_folder() / "sources"


def all_ids(ed: Editor) -> set[str]:
    """Every id in the map (ids are unique across its sections)."""
    m = ed.map
    return {i.id for i in m.sources} | {i.id for i in m.actors} | {i.id for i in m.claims} | {
        i.id for i in m.relations}  # fmt: skip


def notice(kind: str, message: str) -> None:
    ss.read_notice = (kind, message)


def changed() -> None:
    """The map in the shared editor changed here: the Edit page's forms start afresh."""
    ss.edit_gen = int(ss.get("edit_gen") or 0) + 1


# ----------------------------------------------------------------------------- callbacks
def save() -> None:
    ed: Editor = ss.editor
    try:
        ed.save()
    except SaveConflict:
        notice("error", "The file changed on disk since it was opened: use the Edit page to "
               "merge or reload. Nothing was written.")  # fmt: skip
        return
    except (OSError, MapFileError) as exc:
        notice("error", f"Nothing was written: {exc}")
        return
    notice("success", f"Saved {ed.path.name}.")


def add_claim(source: str, text: str) -> None:
    ed: Editor = ss.editor
    source = str(ss.get("read-claim-source") or source)
    start, end = int(ss.get("read-start", 0)), int(ss.get("read-end", 0))
    start, end, quote = picked_passage(text, start, end)
    statement = " ".join(str(ss.get("read-statement") or "").split())
    actor = str(ss.get("read-actor") or "")
    if not quote:
        notice("warning", "Pick a passage of the text first.")
        return
    if not statement:
        notice("warning", "Write the claim's statement, in your own words, first.")
        return
    if actor == NEW_ACTOR:
        name = " ".join(str(ss.get("read-actor-name") or "").split())
        if not name:
            notice("warning", "Name the new actor, or choose one.")
            return
        taken = all_ids(ed)
        actor = unique_id(name, taken, "actor")
        errors = ed.add("actors", {"id": actor, "name": name,
                                   "kind": ss.get("read-actor-kind") or "other",
                                   "sources": [source]})  # fmt: skip
        if errors:
            notice("error", "; ".join(f"{k or 'actor'}: {v}" for k, v in errors.items()))
            return
    values = new_claim_values(ed.map, statement=statement, source=source, actor=actor,
                              quote=quote, at=(start, end),
                              kind=str(ss.get("read-kind") or "claim"))  # fmt: skip
    errors = ed.add("claims", values)
    if errors:
        notice("error", "; ".join(f"{k or 'claim'}: {v}" for k, v in errors.items()))
        return
    changed()
    ss.read_new_claim = values["id"]
    ss.read_pick = None
    ss["read-statement"] = ""
    notice("info", f"Added claim {values['id']}; not saved to the file yet.")


def accept(claim: str, target: str, kind: str) -> None:
    ed: Editor = ss.editor
    taken = all_ids(ed)
    rid = unique_id(f"r-{claim}-{kind}-{target}", taken, "r")
    errors = ed.add("relations", {"id": rid, "type": kind, "from": claim, "to": target})
    if errors:
        notice("error", "; ".join(errors.values()))
        return
    changed()
    notice("info", f"Added: {claim} {kind} {target}; not saved to the file yet.")


def reject(claim: str, target: str) -> None:
    ss.setdefault("read_rejected", set()).add((claim, target))


def words_of_passage(text: str) -> None:
    """Start the statement from the passage's own words (its first sentence): nothing that
    is not in the source; the author rewrites it in their words."""
    from argmap.products.quote_finder import sentence_spans

    pick = ss.get("read_pick")
    if not pick:
        return
    quote = picked_passage(text, *pick)[2]
    spans = sentence_spans(quote)
    first = quote[spans[0][0] : spans[0][1]] if spans else quote
    ss["read-statement"] = first[:1000]


def use_passage(start: int, end: int, statement: str) -> None:
    ss.read_pick = (start, end)
    ss["read-start"], ss["read-end"] = start, end
    ss["read-statement"] = statement


def picked_from_reader() -> None:
    value = ss.get("read-text")
    if not isinstance(value, dict):
        return
    if "claim" in value:
        ss.read_shown_claim = value["claim"]
        return
    start, end = int(value.get("start", 0)), int(value.get("end", 0))
    ss.read_pick = (start, end) if end > start else None
    ss["read-start"], ss["read-end"] = start, end


def add_source(name: str, text: str) -> None:
    """Write an uploaded document's text to the sources folder and add it as a source."""
    ed: Editor = ss.editor
    title = " ".join(str(ss.get("read-src-title") or "").split())
    if not title:
        notice("warning", "Give the document a title.")
        return
    taken = all_ids(ed)
    sid = unique_id(title, taken, "source")
    folder = texts_folder()
    file_name = f"{sid}.txt"
    n = 2
    while (folder / file_name).exists() and (folder / file_name).read_text("utf-8") != text:
        file_name, n = f"{sid}-{n}.txt", n + 1
    values: dict[str, Any] = {"id": sid, "title": title,
                              "kind": ss.get("read-src-kind") or "article",
                              "text_file": file_name}  # fmt: skip
    date = str(ss.get("read-src-date") or "").strip()
    if date:
        values["date"] = date
    errors = ed.add("sources", values)
    if errors:
        notice("error", "; ".join(f"{k or 'source'}: {v}" for k, v in errors.items()))
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_text(folder / file_name, text)
    except OSError as exc:
        ed.undo()
        notice("error", f"Could not write {file_name}: {exc}")
        return
    ss["read-source"] = sid
    notice("info", f"Added source {sid} ({name} saved as {file_name}); save the map to keep it.")


# ----------------------------------------------------------------------------- the page
def choose_text(ed: Editor) -> tuple[str | None, str | None]:
    """The sidebar's text picker: (source id, its text), or an upload not yet a source."""
    folder = texts_folder()
    readable = {}
    for source in ed.map.sources:
        name = text_file_of(ed.map, source.id)
        if name and (folder / name).is_file() and source.reported_in is None:
            readable[source.id] = f"{source.id}: {truncate(source.title, 50)}"
    options = [*readable, UPLOAD]
    if ss.get("read-source") not in options:
        ss["read-source"] = options[0]
    with st.sidebar:
        st.header("Text")
        chosen = st.selectbox(
            "Source to read",
            options,
            key="read-source",
            format_func=lambda s: "Upload a document…" if s == UPLOAD else readable[s],
        )
    if chosen != UPLOAD:
        name = text_file_of(ed.map, chosen) or ""
        return chosen, (folder / name).read_text(encoding="utf-8")
    upload_form()
    return None, None


def upload_form() -> None:
    from argmap.readwrite.documents import document_text

    upload = st.file_uploader("A document to read (.txt, .md, .docx or a PDF's text layer)",
                              type=["txt", "md", "docx", "pdf"], key="read-upload")  # fmt: skip
    if upload is None:
        st.stop()
    try:
        text = document_text(upload.name, upload.getvalue())
    except MapFileError as exc:
        st.error(md_escape("\n".join(str(p) for p in exc.problems)))
        st.stop()
    st.caption(md_escape(f"{upload.name}: {len(text):,} characters. Add it to the map as a "
                         "source to mark passages in it."))  # fmt: skip
    with st.form("read-src-form"):
        st.text_input("Title", key="read-src-title", value=Path(upload.name).stem)
        st.selectbox("Kind", [k.value for k in SourceKind], key="read-src-kind",
                     index=[k.value for k in SourceKind].index("article"))  # fmt: skip
        st.text_input("Date (YYYY, YYYY-MM or YYYY-MM-DD)", key="read-src-date")
        st.form_submit_button("Add as a source", type="primary", on_click=add_source,
                              args=(upload.name, text))  # fmt: skip
    st.text(truncate(text, 2000))
    st.stop()


def save_bar(ed: Editor) -> None:
    bar = st.container(horizontal=True, vertical_alignment="center")
    bar.button("Save to file", key="read-save", type="primary", disabled=not ed.dirty,
                  on_click=save)  # fmt: skip
    pending = ed.changes()
    bar.caption(md_escape("Unsaved: " + ", ".join(map(str, pending[:8])))
                   if pending else "No unsaved changes.")  # fmt: skip
    # Always a container here, so the page's layout below keeps its place in the element
    # tree with or without a notice: the reader's frame is then never remounted (it keeps
    # its focus and scroll).
    with st.container(key="read-notice"):
        shown = ss.get("read_notice")
        if shown:
            getattr(st, shown[0])(md_escape(shown[1]))
            ss.read_notice = None


def claim_form(ed: Editor, source: str, text: str) -> None:
    pick = ss.get("read_pick")
    st.subheader("New claim from this passage")
    if not pick:
        st.caption("Select a passage in the text (or walk it with the arrow keys and press "
                   "Enter), or find passages for a statement below.")  # fmt: skip
        return
    start, end, quote = picked_passage(text, *pick)
    st.markdown(f"> {md_escape(quote)}" if quote else "_(nothing but spaces)_")
    st.caption(f"Characters {start} to {end} of {ed.map.source(source).title}; the quote is "
               "these exact words.")  # fmt: skip
    # A position this text reports (a source reported in it) is that source's claim.
    file_name = text_file_of(ed.map, source)
    reported = [s.id for s in ed.map.sources if s.id != source and s.reported_in is not None]
    holders = [source, *(s for s in reported if text_file_of(ed.map, s) == file_name)]
    if ss.get("read-claim-source") not in holders:
        ss["read-claim-source"] = source
    if len(holders) > 1:
        titles = {s.id: truncate(s.title, 60) for s in ed.map.sources}
        st.selectbox("Source", holders, key="read-claim-source",
                     format_func=lambda s: f"{s}: {titles[s]}",
                     help="This text, or a source it reports (reported_in).")  # fmt: skip
    actors = {a.id: a.name for a in ed.map.actors}
    options = [*actors, NEW_ACTOR]
    guess = likely_actor(ed.map, str(ss.get("read-claim-source") or source))
    if ss.get("read-actor") not in options:
        ss["read-actor"] = guess if guess in options else options[0]
    cols = st.columns(2)
    cols[0].number_input("Start", min_value=0, max_value=len(text), key="read-start", step=1)
    cols[1].number_input("End", min_value=0, max_value=len(text), key="read-end", step=1)
    st.text_area("Statement, in your own words", key="read-statement", height=80)
    st.button("Start from the passage's words", key="read-words", on_click=words_of_passage,
              args=(text,), help="Copies the passage's first sentence: rewrite it as your "
              "claim.")  # fmt: skip
    st.selectbox("Actor", options, key="read-actor",
                 format_func=lambda a: "New actor…" if a == NEW_ACTOR else actors[a])  # fmt: skip
    if ss.get("read-actor") == NEW_ACTOR:
        st.text_input("New actor's name", key="read-actor-name")
        st.selectbox("New actor's kind", ["person", "government", "international_body",
                     "think_tank", "company", "ngo", "media", "group", "other"],
                     key="read-actor-kind")  # fmt: skip
    kinds = [k.value for k in ClaimKind]
    st.selectbox("Kind", kinds, key="read-kind", index=kinds.index("claim"))
    st.button("Add claim", key="read-add", type="primary", on_click=add_claim,
              args=(source, text))  # fmt: skip


def reverse_search(text: str) -> None:
    from argmap.products.quote_finder import find_passages

    st.subheader("Find passages for a statement")
    statement = st.text_input("Statement", key="read-find")
    if not statement.strip():
        return
    for i, p in enumerate(find_passages(statement, text, 5)):
        row = st.columns([5, 1], vertical_alignment="center")
        row[0].markdown(md_escape(truncate(" ".join(p.passage.split()), 300)))
        row[1].button("Use", key=f"read-use-{i}", on_click=use_passage,
                      args=(p.start, p.end, statement.strip()),
                      help=f"Characters {p.start} to {p.end}; score {p.score:.2f}")  # fmt: skip


def suggestions(ed: Editor) -> None:
    from argmap.products.links import LinkSuggester

    claim = ss.get("read_new_claim")
    if not claim or claim not in {c.id for c in ed.map.claims}:
        return
    st.subheader("What it may support or attack")
    said = truncate(ed.map.claim(claim).statement, 90).rstrip(".")
    st.caption(md_escape(f"For {claim}: {said}. Accept what is right; nothing is added "
                         "otherwise."))  # fmt: skip
    rejected = ss.get("read_rejected", set())
    found = LinkSuggester(ed.map).suggest(ed.map.claim(claim), 8)
    shown = [s for s in found if (claim, s.target) not in rejected][:5]
    if not shown:
        st.caption("No suggestions left.")
    for s in shown:
        with st.container(border=True):
            st.markdown(md_escape(f"{s.type} → {truncate(ed.map.claim(s.target).statement, 110)}"),
                        help=md_escape("; ".join(s.reasons)))  # fmt: skip
            row = st.columns(2)
            row[0].button("Accept", key=f"read-accept-{s.target}", on_click=accept,
                          args=(claim, s.target, s.type), width="stretch")  # fmt: skip
            row[1].button("Reject", key=f"read-reject-{s.target}", on_click=reject,
                          args=(claim, s.target), width="stretch")  # fmt: skip


def main() -> None:
    if not classroom.may_edit_maps():  # a class is configured and this is not its instructor
        st.error("Only the instructor adds to the maps folder; sign in again.")
        st.stop()
    _, map_name, key = current_map()
    st.title("Read and mark")
    if map_name is None:
        st.info("An uploaded map cannot be marked here: it has no file to save to. Put it in "
                "the maps folder and choose it in the sidebar.")  # fmt: skip
        st.stop()
    path = available_maps()[map_name]
    try:
        ed = editor_for(path, key)
    except (OSError, MapFileError) as exc:
        st.error(md_escape(f"Cannot open {path.name}: {exc}"))
        st.stop()
    save_bar(ed)
    source, text = choose_text(ed)
    if source is None or text is None:
        st.stop()
    if len(text) > READ_MAX:
        st.warning(f"This text has {len(text):,} characters; the Read page shows texts of up "
                   f"to {READ_MAX:,}. Split it into parts, one source each.")  # fmt: skip
        st.stop()
    marks = quoted_marks(ed.map, source, text)
    left, right = st.columns([3, 2])
    with left:
        many = f"{len(marks)} passage{'s' if len(marks) != 1 else ''}"
        st.caption(md_escape(f"{ed.map.source(source).title}: {many} quoted by the map "
                             "(underlined; click one for its claim)."))  # fmt: skip
        argmap_reader(reader_payload(text, marks, picked=ss.get("read_pick"), name=source),
                      height=640, key="read-text", on_change=picked_from_reader)  # fmt: skip
    with right:
        shown = ss.get("read_shown_claim")
        if shown in {c.id for c in ed.map.claims}:
            c = ed.map.claim(shown)
            st.info(md_escape(f"Quoted by {c.id} ({ed.map.actor(c.actor).name}): {c.statement}"))
        claim_form(ed, source, text)
        suggestions(ed)
        reverse_search(text)
        if marks:
            with st.expander(f"Quoted in this text ({len(marks)})"):
                for k in marks:
                    st.markdown(md_escape(f"{k.claim} ({k.start} to {k.end}): {k.statement}"))


main()
