"""The edit page: add, change and remove claims, relations, sources and actors, then save.

Everything that decides is :mod:`argmap.store.editing`'s: each edit is checked with the file's own
rules (problems shown under the field they concern), saving writes only what changed into
the file atomically, a file changed on disk since it was opened is never overwritten without
being asked, and undo steps back through the session's edits. Only maps in the maps folder
can be edited: an upload has no file to save to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit as st

from argmap.app import classroom
from argmap.app.shared import available_maps, current_map, maps_folder, ss
from argmap.model import ActorKind, ClaimKind, RelationType, SourceKind
from argmap.problems import MapFileError
from argmap.store.editing import SINGULAR, Editor, MergeRefused, SaveConflict
from argmap.store.library import sources_dir
from argmap.view.text import md_escape, truncate

NEW = "__new__"
SECTION_NAMES = {
    "claims": "Claims",
    "relations": "Relations",
    "sources": "Sources",
    "actors": "Actors",
    "map": "Title and question",
}


@dataclass
class Field:
    """One form field: how it is drawn and how its value becomes the entry's."""

    name: str
    label: str
    kind: str = "text"  # text, area, select, ref, multi, lines, tags
    options: list[str] = field(default_factory=list)
    help: str | None = None
    names: dict[str, str] = field(default_factory=dict)  # option -> readable text


def fields_of(section: str, ed: Editor) -> list[Field]:
    m = ed.map
    sources = {s.id: f"{s.id}: {truncate(s.title, 60)}" for s in m.sources}
    actors = {a.id: f"{a.id}: {truncate(a.name, 60)}" for a in m.actors}
    claims = {c.id: f"{c.id}: {truncate(c.statement, 60)}" for c in m.claims}
    relations = {r.id: f"{r.id}: {r.from_} {r.type.value} {r.to}" for r in m.relations}
    values = {v.id: f"{v.id}: {truncate(v.name, 60)}" for v in m.values}
    ident = Field("id", "Id", help="Lower-case letters, digits, '-', '_' and '.'.")
    if section == "claims":
        return [
            ident,
            Field("statement", "Statement", "area", help="One sentence, in your words."),
            Field("kind", "Kind", "select", [k.value for k in ClaimKind]),
            Field("source", "Source", "ref", list(sources), names=sources),
            Field("actor", "Actor", "ref", list(actors), names=actors),
            Field("quote", "Quote", "area", help="A short verbatim quote from the source."),
            Field("tags", "Tags", "tags", help="Separated by commas, e.g. cost, human-rights."),
            Field("values", "Values", "multi", list(values), names=values),
            Field("base_score", "Base score", help="Optional: intrinsic strength from 0 to 1."),
            Field("note", "Note", "area"),
        ]
    if section == "relations":
        return [
            ident,
            Field("type", "Type", "select", [t.value for t in RelationType]),
            Field("from", "From claim", "ref", list(claims), names=claims),
            Field(
                "to",
                "To",
                "ref",
                [*claims, *relations],
                names=claims | relations,
                help="A claim; for an undercut, the relation it undercuts.",
            ),
            Field("note", "Note", "area"),
        ]
    if section == "sources":
        return [
            ident,
            Field("title", "Title"),
            Field("authors", "Authors", "lines", help="One per line."),
            Field("organisation", "Organisation"),
            Field("kind", "Kind", "select", [k.value for k in SourceKind]),
            Field("date", "Date", help="YYYY, YYYY-MM or YYYY-MM-DD."),
            Field("url", "URL"),
            Field(
                "reported_in",
                "Reported in",
                "ref",
                ["", *sources],
                names=sources,
                help="The source through which this one is known, if second-hand.",
            ),
            Field("text_file", "Text file", help="File name of the full text, for check-quotes."),
            Field("note", "Note", "area"),
        ]
    if section == "actors":
        return [
            ident,
            Field("name", "Name"),
            Field("kind", "Kind", "select", [k.value for k in ActorKind]),
            Field("description", "Description", "area"),
            Field("member_of", "Member of", "ref", ["", *actors], names=actors),
            Field("sources", "Sources", "multi", list(sources), names=sources),
        ]
    return [
        Field("title", "Title"),
        Field("question", "Question"),
        Field("description", "Description", "area"),
    ]


def to_widget(f: Field, value: Any) -> Any:
    if f.kind == "tags":
        return ", ".join(value or [])
    if f.kind == "lines":
        return "\n".join(value or [])
    if f.kind == "multi":
        return list(value or [])
    if f.kind in ("select", "ref"):
        return value if value is not None else ("" if "" in f.options else None)
    return "" if value is None else str(value)


def from_widget(f: Field, value: Any) -> Any:
    if f.kind == "tags":
        return [t for t in str(value or "").replace(",", " ").split()]
    if f.kind == "lines":
        return [line for line in str(value or "").splitlines()]
    return value


def widget_key(section: str, entry: str, name: str) -> str:
    return f"ed-{ss.edit_gen}-{section}-{entry}-{name}"


def draw_field(f: Field, key: str, value: Any, error: str | None) -> None:
    if key not in ss:
        ss[key] = to_widget(f, value)
    if f.kind == "area":
        st.text_area(f.label, key=key, help=f.help, height=80)
    elif f.kind == "select":
        st.selectbox(f.label, f.options, key=key, help=f.help, placeholder="Choose…")
    elif f.kind == "ref":
        # A typed id that is not listed is allowed, so a wrong one gets the file's message;
        # it stays among the options until it is fixed.
        typed = ss[key]
        st.selectbox(
            f.label,
            f.options if typed in (None, "", *f.options) else [*f.options, typed],
            key=key,
            help=f.help,
            accept_new_options=True,
            format_func=lambda o: f.names.get(o, o) or "(none)",
            placeholder="Choose or type an id",
        )
    elif f.kind == "multi":
        st.multiselect(
            f.label, f.options, key=key, help=f.help, format_func=lambda v: f.names.get(v, v)
        )
    else:
        st.text_input(f.label, key=key, help=f.help)
    if error:
        st.error(md_escape(error))


# ----------------------------------------------------------------------------- callbacks
def fresh_forms() -> None:
    ss.edit_gen += 1
    ss.edit_errors = None


def apply(section: str, entry: str, fields: list[Field]) -> None:
    ed: Editor = ss.editor
    values = {f.name: from_widget(f, ss.get(widget_key(section, entry, f.name))) for f in fields}
    if section == "map":
        errors = ed.update_info(values)
    elif entry == NEW:
        errors = ed.add(section, values)  # type: ignore[arg-type]
    else:
        errors = ed.update(section, entry, values)  # type: ignore[arg-type]
    if errors:
        ss.edit_errors = {"where": (section, entry, "form"), "errors": errors}
        return
    new_id = str(values.get("id") or entry)
    if section != "map":
        ss[f"edit_entry_{section}"] = new_id
    what = "title and question" if section == "map" else f"{SINGULAR[section]} {new_id}"
    ss.edit_notice = ("info", f"Applied to {what}; not saved to the file yet.")
    fresh_forms()


def suggest_quote(section: str, entry: str) -> None:
    """Fill the quote field with the passage of the claim's source that best grounds its
    statement (the quote finder); say why when there is none."""
    from argmap.products.quote_finder import find_passages
    from argmap.products.quotes import normalize_space, source_text

    ed: Editor = ss.editor
    statement = str(ss.get(widget_key(section, entry, "statement")) or "").strip()
    source = str(ss.get(widget_key(section, entry, "source")) or "")
    folder = sources_dir(maps_folder())
    if not statement or not source:
        ss.edit_notice = ("warning", "Write the statement and choose the source first.")
        return
    if folder is None:
        ss.edit_notice = ("warning", "No folder of source texts found: set ARGMAP_SOURCES.")
        return
    try:
        file_name, text = source_text(ed.map, source, folder)
    except LookupError as exc:
        ss.edit_notice = ("warning", f"No quote to suggest: {exc.args[0]}.")
        return
    found = find_passages(statement, text, 1)
    if not found:
        ss.edit_notice = ("warning", f"{file_name} has no sentences to quote.")
        return
    ss[widget_key(section, entry, "quote")] = normalize_space(found[0].passage)
    ss.edit_notice = (
        "info",
        f"Quote suggested from {file_name} (characters {found[0].start}-{found[0].end}, "
        f"score {found[0].score:.2f}); trim it to the words that ground the claim, then apply.",
    )


def remove(section: str, entry: str, cascade_key: str) -> None:
    ed: Editor = ss.editor
    errors = ed.remove(section, entry, cascade=bool(ss.get(cascade_key)))  # type: ignore[arg-type]
    if errors:
        ss.edit_errors = {"where": (section, entry, "remove"), "errors": errors}
        return
    ss[f"edit_entry_{section}"] = NEW
    ss.edit_notice = ("info", f"Removed {SINGULAR[section]} {entry}; not saved to the file yet.")
    fresh_forms()


def guarded(action: Callable[[Editor], Any], done: str) -> Callable[[], None]:
    """A callback running a save-like action, turning its refusals into messages."""

    def run() -> None:
        try:
            action(ss.editor)
        except SaveConflict:
            ss.edit_notice = None  # the conflict box below says what happened
            return
        except MergeRefused as exc:
            ss.edit_notice = ("error", f"Not merged: {exc}. Nothing was written.")
            return
        except (OSError, MapFileError) as exc:
            ss.edit_notice = ("error", f"Nothing was written: {exc}")
            return
        ss.edit_notice = ("success", done)
        fresh_forms()

    return run


def undo() -> None:
    if ss.editor.undo():
        ss.edit_notice = ("info", "Undid the last change.")
    fresh_forms()


# ----------------------------------------------------------------------------- the page
def editor_for(path: Path, key: str) -> Editor:
    """The session's editor of ``path``, opened or quietly brought up to date.

    One editor per file for the session, so switching maps keeps each one's unsaved edits.
    """
    editors: dict[Path, Editor] = ss.setdefault("editors", {})
    if path not in editors:
        editors[path] = Editor.open(path)
    ed: Editor = editors[path]
    if ss.get("editor") is not ed:
        ss.editor, ss.edit_errors = ed, None
        ss.edit_gen += 1
    if ed.content_hash != key and not ed.dirty:
        ed.reload()  # changed on disk and nothing of ours pending: nothing to lose
        fresh_forms()
    return ed


def conflict_box(ed: Editor) -> None:
    conflict = ed.conflict()
    if conflict is None:
        return
    with st.container(border=True, key="edit-conflict"):
        st.error(md_escape(conflict.describe()))
        if conflict.ours:
            st.caption(md_escape("Your unsaved changes: " + ", ".join(map(str, conflict.ours))))
        cols = st.columns(3)
        cols[0].button(
            "Merge (keep both)",
            key="edit-merge",
            type="primary",
            disabled=bool(conflict.conflicts) or conflict.disk_text is None,
            on_click=guarded(
                lambda ed: ed.merge(), "Merged: your changes and theirs are in the file."
            ),
        )
        cols[1].button(
            "Reload (discard mine)",
            key="edit-reload",
            on_click=guarded(
                lambda ed: ed.reload(), "Reloaded the file; your unsaved changes are gone."
            ),
        )
        cols[2].button(
            "Overwrite (keep mine)",
            key="edit-overwrite",
            on_click=guarded(lambda ed: ed.overwrite(), "Saved your version over theirs."),
        )


def entry_picker(ed: Editor, section: str) -> str:
    items = getattr(ed.map, section)
    ids = [e.id for e in items]
    key = f"edit_entry_{section}"
    if ss.get(key) not in (NEW, *ids):
        ss[key] = NEW  # removed, renamed or undone away
    text = {
        e.id: getattr(e, "statement", None)
        or getattr(e, "title", None)
        or getattr(e, "name", None)
        or ""
        for e in items
    }
    if section == "relations":
        text = {r.id: f"{r.from_} {r.type.value} {r.to}" for r in ed.map.relations}
    return str(
        st.selectbox(
            f"{SINGULAR[section].capitalize()}",
            [NEW, *ids],
            key=key,
            format_func=lambda i: (
                f"+ New {SINGULAR[section]}"
                if i == NEW
                else f"{i}: {truncate(text.get(i, ''), 80)}"
            ),
        )
    )


def entry_form(ed: Editor, section: str, entry: str) -> None:
    fields = fields_of(section, ed)
    if section == "map":
        current: dict[str, Any] = {f: getattr(ed.map, f) for f in ("title", "question")}
        current["description"] = ed.map.description
    elif entry == NEW:
        current = {"kind": "claim"} if section == "claims" else {}
    else:
        current = ed.entry(section, entry).model_dump(mode="json", by_alias=True)  # type: ignore[arg-type]
    shown = ss.get("edit_errors") or {}
    errors: dict[str, str] = (
        shown["errors"] if shown.get("where") == (section, entry, "form") else {}
    )
    with st.form(f"edit-form-{ss.edit_gen}-{section}-{entry}", border=True):
        names = {f.name for f in fields}
        for where, message in errors.items():
            if where not in names:
                st.error(md_escape(message))
        for f in fields:
            draw_field(
                f, widget_key(section, entry, f.name), current.get(f.name), errors.get(f.name)
            )
        label = "Apply" if entry != NEW else f"Add {SINGULAR.get(section, '')}"
        st.form_submit_button(label, type="primary", on_click=apply, args=(section, entry, fields))
        if section == "claims":
            st.form_submit_button(
                "Suggest a quote",
                on_click=suggest_quote,
                args=(section, entry),
                help="Fill the quote with the passage of the source that best grounds the "
                "statement (by meaning, not only by shared words).",
            )


def remove_controls(ed: Editor, section: str, entry: str) -> None:
    users = ed.users(entry)
    cascade_key = f"edit-cascade-{ss.edit_gen}-{entry}"
    relations = [i for s, i in users if s == "relations"]
    if relations and section in ("claims", "relations") and len(relations) == len(users):
        st.checkbox(
            f"Also remove the {len(relations)} relation{'s' if len(relations) != 1 else ''} "
            f"that use it ({', '.join(relations[:6])}{'…' if len(relations) > 6 else ''})",
            key=cascade_key,
        )
    elif users:
        st.caption(md_escape("Used by " + ", ".join(i for _, i in users[:8])))
    st.button(
        f"Remove {SINGULAR[section]}",
        key=f"edit-remove-{entry}",
        on_click=remove,
        args=(section, entry, cascade_key),
    )
    shown = ss.get("edit_errors") or {}
    if shown.get("where") == (section, entry, "remove"):
        for message in shown["errors"].values():
            st.error(md_escape(message))


def open_target() -> tuple[Editor, str, str]:
    """The editor of what this page edits, its name and the save button's label: a signed-in
    student's own copy (:mod:`argmap.app.classroom`), else the map chosen in the sidebar."""
    ss.setdefault("edit_gen", 0)
    copy = classroom.my_copy()
    if copy is not None:
        if ss.get("editor") is not copy:
            ss.editor, ss.edit_errors = copy, None
            ss.edit_gen += 1
        st.caption("Your own copy: only you and your instructor see it. Every save is a "
                   "version; the reference map is not changed.")  # fmt: skip
        return copy, "your copy", "Save a version"
    if not classroom.may_edit_maps():
        st.error("Only the instructor edits the maps folder; sign in again.")
        st.stop()
    _, map_name, key = current_map()
    st.title("Edit the map")
    if map_name is None:
        st.info(
            "An uploaded map cannot be edited here: it has no file to save to. Put the file in "
            "the maps folder and choose it in the sidebar."
        )
        st.stop()
    path = available_maps()[map_name]
    try:
        ed = editor_for(path, key)
    except (OSError, MapFileError) as exc:
        st.error(md_escape(f"Cannot open {path.name} for editing: {exc}"))
        st.stop()
    title = ed.map.title.rstrip()
    stop = "" if title.endswith((".", "?", "!")) else "."  # not "treaty?."
    st.caption(
        md_escape(
            f"{path.name}: {title}{stop} Edits are checked as you apply them and "
            "written to the file when you save; comments and layout elsewhere stay."
        )
    )
    return ed, path.name, "Save to file"


def main() -> None:
    ed, name, save_label = open_target()
    # A wrapping row, each button as wide as its label (fixed columns cut "Save to file").
    bar = st.container(horizontal=True, vertical_alignment="center")
    bar.button(
        save_label,
        key="edit-save",
        type="primary",
        disabled=not ed.dirty,
        on_click=guarded(lambda ed: ed.save(), f"Saved {name}."),
    )
    bar.button(f"Undo ({len(ed.history)})", key="edit-undo", disabled=not ed.history, on_click=undo)
    pending = ed.changes()
    bar.caption(
        md_escape(
            "Unsaved: " + ", ".join(map(str, pending[:10])) + (" …" if len(pending) > 10 else "")
        )
        if pending
        else "No unsaved changes."
    )
    notice = ss.get("edit_notice")
    if notice:  # shown once, after the action it reports
        getattr(st, notice[0])(md_escape(notice[1]))
        ss.edit_notice = None
    if ed.dirty:
        conflict_box(ed)

    section = st.radio(
        "Edit",
        list(SECTION_NAMES),
        key="edit_section",
        horizontal=True,
        format_func=SECTION_NAMES.get,
    )
    if section == "map":
        entry_form(ed, "map", "map")
        return
    entry = entry_picker(ed, section)
    entry_form(ed, section, entry)
    if entry != NEW:
        remove_controls(ed, section, entry)


main()
