"""Start a new map: its question, its sources (uploaded texts, Word files, a PDF's text layer),
the actors named in them, then Read and mark. Each step saves atomically into the maps
folder through the editor, and the file is a valid map after every one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from argmap.app import classroom, state
from argmap.app.shared import available_maps, maps_folder, ss
from argmap.model import ActorKind, SourceKind
from argmap.problems import MapFileError
from argmap.products.reading import entries_to_add, names_in, slug, unique_id
from argmap.readwrite.documents import document_text
from argmap.store.atomic import atomic_write_text
from argmap.store.editing import Editor
from argmap.store.library import create_map, sources_dir
from argmap.view.text import md_escape

KINDS = [k.value for k in SourceKind]


def texts_folder() -> Path:
    return sources_dir(maps_folder()) or maps_folder() / "sources"


def notice(kind: str, message: str) -> None:
    ss.new_notice = (kind, message)


def editor() -> Editor | None:
    name = ss.get("new_map")
    path = available_maps().get(name or "")
    if path is None:
        return None
    editors: dict[Path, Editor] = ss.setdefault("editors", {})
    if path not in editors:
        editors[path] = Editor.open(path)
    return editors[path]


def all_ids(ed: Editor) -> set[str]:
    m = ed.map
    return {i.id for i in m.sources} | {i.id for i in m.actors} | {i.id for i in m.claims} | {
        i.id for i in m.relations}  # fmt: skip


def start() -> None:
    title = " ".join(str(ss.get("new-title") or "").split())
    question = " ".join(str(ss.get("new-question") or "").split())
    name = slug(str(ss.get("new-name") or "") or title, 8)
    if not title or not question:
        notice("warning", "Give the map a title and the question it debates.")
        return
    try:
        path = create_map(maps_folder(), name, title, question)
    except (FileExistsError, ValueError, OSError) as exc:
        notice("error", f"Not created: {exc}")
        return
    ss.new_map = path.stem
    ss[state.MAP] = path.stem
    notice("success", f"Created {path.name}. Now add its sources.")


def add_sources(documents: list[tuple[str, str]]) -> None:
    ed = editor()
    if ed is None:
        return
    folder = texts_folder()
    folder.mkdir(parents=True, exist_ok=True)
    added = []
    for i, (name, text) in enumerate(documents):
        if ss.get(f"new-src-cards-{i}") and name in (ss.get("new_cards") or {}):
            if not add_cards(ed, ss.new_cards[name], folder):
                return
            added.append(name)
            continue
        title = " ".join(str(ss.get(f"new-src-title-{i}") or "").split()) or Path(name).stem
        sid = unique_id(title, all_ids(ed), "source")
        file_name, n = f"{sid}.txt", 2
        while (folder / file_name).exists() and (folder / file_name).read_text("utf-8") != text:
            file_name, n = f"{sid}-{n}.txt", n + 1
        values: dict[str, Any] = {"id": sid, "title": title, "text_file": file_name,
                                  "kind": ss.get(f"new-src-kind-{i}") or "article"}  # fmt: skip
        date = str(ss.get(f"new-src-date-{i}") or "").strip()
        if date:
            values["date"] = date
        errors = ed.add("sources", values)
        if errors:
            notice("error", f"{name}: " + "; ".join(f"{k or 'source'}: {v}"
                                                   for k, v in errors.items()))  # fmt: skip
            return
        atomic_write_text(folder / file_name, text)
        added.append(sid)
    try:
        ed.save()
    except (OSError, MapFileError) as exc:
        notice("error", f"Nothing was written: {exc}")
        return
    ss.new_uploads = (ss.get("new_uploads") or 0) + 1
    notice("success", f"Added and saved: {', '.join(added)}. Now the actors.")


def add_cards(ed: Editor, found: Any, folder: Path) -> bool:
    """Add a Verbatim file's cards (:func:`argmap.readwrite.verbatim.read_verbatim`) to the
    map: its sources with their texts, actors and claims, ids renamed where taken."""
    entries, _ = entries_to_add(all_ids(ed), found.result.map)
    for section, values in entries:
        if section == "sources" and values.get("text_file"):
            text = found.texts[str(values["text_file"])]
            stem, n = Path(str(values["text_file"])).stem, 2
            name = f"{stem}.txt"
            while (folder / name).exists() and (folder / name).read_text("utf-8") != text:
                name, n = f"{stem}-{n}.txt", n + 1
            atomic_write_text(folder / name, text)
            values["text_file"] = name
        errors = ed.add(section, values)  # type: ignore[arg-type]
        if errors:
            notice("error", f"{values.get('id')}: " + "; ".join(errors.values()))
            return False
    return True


def add_actors(found: dict[str, list[str]]) -> None:
    ed = editor()
    if ed is None:
        return
    chosen = list(ss.get("new-actors") or [])
    extra = " ".join(str(ss.get("new-actor-extra") or "").split())
    if extra:
        chosen.append(extra)
    if not chosen:
        notice("warning", "Choose the actors to add, or name one.")
        return
    kind = ss.get("new-actor-kind") or "other"
    for name in chosen:
        aid = unique_id(name, all_ids(ed), "actor")
        errors = ed.add("actors", {"id": aid, "name": name, "kind": kind,
                                   "sources": found.get(name, [])})  # fmt: skip
        if errors:
            notice("error", f"{name}: " + "; ".join(errors.values()))
            return
    try:
        ed.save()
    except (OSError, MapFileError) as exc:
        notice("error", f"Nothing was written: {exc}")
        return
    ss["new-actors"] = []
    ss["new-actor-extra"] = ""
    notice("success", f"Added and saved {len(chosen)} actor{'s' if len(chosen) != 1 else ''}.")


def cards_of(name: str, data: bytes, i: int) -> None:
    """Offer a Verbatim file's cards as claims, when it has any."""
    from argmap.readwrite.verbatim import read_verbatim

    try:
        found = read_verbatim(data, name)
    except MapFileError:
        return  # its text is still offered as one source
    cards = len(found.result.map.claims)
    if not cards:
        return
    ss.setdefault("new_cards", {})[name] = found
    st.checkbox(f"Import its {cards} cards as claims (each cite a source, its card the text)",
                value=True, key=f"new-src-cards-{i}")  # fmt: skip
    if found.result.warnings:
        st.caption(md_escape("; ".join(str(w) for w in found.result.warnings[:5])))


def main() -> None:
    if not classroom.may_edit_maps():  # a class is configured and this is not its instructor
        st.error("Only the instructor adds to the maps folder; sign in again.")
        st.stop()
    st.title("Start a new map")
    shown = ss.get("new_notice")
    if shown:
        getattr(st, shown[0])(md_escape(shown[1]))
        ss.new_notice = None
    ed = editor()
    if ed is None:
        st.subheader("1. The question")
        with st.form("new-map"):
            st.text_input("Title", key="new-title")
            st.text_input("The question under debate", key="new-question")
            st.text_input("File name (optional: made from the title)", key="new-name")
            st.form_submit_button("Create the map", type="primary", on_click=start)
        return
    m = ed.map
    counts = f"{len(m.sources)} sources, {len(m.actors)} actors"
    st.caption(md_escape(f"{ed.path.name}: {m.title}. {m.question} ({counts}; saved, valid)."))
    st.subheader("2. Its sources")
    uploads = st.file_uploader("Documents (.txt, .md, .docx, or a PDF's text layer)",
                               type=["txt", "md", "docx", "pdf"], accept_multiple_files=True,
                               key=f"new-upload-{ss.get('new_uploads') or 0}")  # fmt: skip
    documents: list[tuple[str, str]] = []
    for i, upload in enumerate(uploads or []):
        try:
            text = document_text(upload.name, upload.getvalue())
        except MapFileError as exc:
            st.error(md_escape("\n".join(str(p) for p in exc.problems)))
            continue
        documents.append((upload.name, text))
        if upload.name.lower().endswith(".docx"):
            cards_of(upload.name, upload.getvalue(), i)
        cols = st.columns([3, 1, 1])
        cols[0].text_input(f"Title of {upload.name}", key=f"new-src-title-{i}",
                           value=Path(upload.name).stem)  # fmt: skip
        cols[1].selectbox("Kind", KINDS, key=f"new-src-kind-{i}", index=KINDS.index("article"))
        cols[2].text_input("Date", key=f"new-src-date-{i}", help="YYYY, YYYY-MM or YYYY-MM-DD")
    if documents:
        st.button("Add as sources", key="new-add-sources", type="primary", on_click=add_sources,
                  args=(documents,))  # fmt: skip
    if not m.sources:
        return
    st.subheader("3. The actors named in them")
    folder = texts_folder()
    found: dict[str, list[str]] = {}
    for source in m.sources:
        path = folder / (source.text_file or "")
        if source.text_file and path.is_file():
            for name, _ in names_in(path.read_text(encoding="utf-8")):
                found.setdefault(name, []).append(source.id)
    known = {a.name for a in m.actors}
    st.multiselect("Names found in the sources (most mentioned first)",
                   [n for n in found if n not in known], key="new-actors")  # fmt: skip
    st.text_input("Or another actor's name", key="new-actor-extra")
    st.selectbox("Kind of the actors added", [k.value for k in ActorKind], key="new-actor-kind")
    st.button("Add actors", key="new-add-actors", on_click=add_actors, args=(found,))
    if m.actors:
        st.caption(md_escape("Actors: " + ", ".join(a.name for a in m.actors)))
    st.subheader("4. Read and mark")
    if st.button("Read and mark the sources", key="new-read", type="primary"):
        ss[state.MAP] = ed.path.stem
        from argmap.app.main import page_path

        st.switch_page(page_path("read"))


main()
