"""What every page of the app shares: the map picker, deep links and the caches.

Caches are keyed on the file's content hash (``key``), so an edited file is read again and
an unchanged one never is; the underscored arguments are not hashed.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import streamlit as st

from argmap.app import state
from argmap.app.state import VIEW_KEYS, WHAT_IF_KEYS
from argmap.graph import theses
from argmap.limits import read_bytes_limited
from argmap.model import ArgumentMap
from argmap.problems import MapFileError
from argmap.store.atomic import content_hash
from argmap.store.library import list_maps, maps_dir, save_upload, upload_text
from argmap.store.yaml_map import read_map, read_map_text
from argmap.view.door import REGISTRY, SEMANTICS, VIEW_TABLE, VIEWS
from argmap.view.guide import plain_semantics, plain_view
from argmap.view.prepared import PreparedMap, prepare
from argmap.view.status import Assumptions, Status, evaluate_status
from argmap.view.text import md_escape, truncate

ALL = "(every thesis)"
# The maps folder when $ARGMAP_MAPS_DIR is unset; app.py sets it to the maps/ beside it.
DEFAULT_MAPS = Path.cwd() / "maps"
ss = st.session_state


@st.cache_resource(max_entries=16, show_spinner="Reading the map…")
def map_file(key: str, _path: Path) -> ArgumentMap:
    """The map in the file whose content hash is ``key``, read once (not for editing)."""
    return read_map(_path, editable=False).map


@st.cache_resource(max_entries=16, show_spinner="Reading the map…")
def map_text(key: str, _text: str, name: str) -> ArgumentMap:
    """The map in an uploaded text whose content hash is ``key``, read once."""
    return read_map_text(_text, name, editable=False).map


@st.cache_resource(max_entries=16, show_spinner="Reading the map…")
def prepared_file(key: str, _path: Path, name: str) -> PreparedMap:
    return prepare(map_file(key, _path), name)


@st.cache_resource(max_entries=16, show_spinner="Reading the map…")
def prepared_text(key: str, _text: str, name: str) -> PreparedMap:
    return prepare(map_text(key, _text, name), name)


@st.cache_resource(max_entries=64, show_spinner="Evaluating…")
def status_of(
    key: str,
    _prepared: PreparedMap,
    semantics: str,
    view: str,
    assume: Assumptions = Assumptions(),  # noqa: B008 (frozen, so a safe default)
    audience: str | None = None,
) -> Status:
    return evaluate_status(_prepared.graph, semantics, view, assume, audience)


def reset_view() -> None:
    """A new map starts clean: no selection, filters, search, focus or what-if."""
    ss.selected = None
    for key in (*WHAT_IF_KEYS, *VIEW_KEYS):
        ss.pop(key, None)


def boot(maps: dict[str, Path]) -> None:
    """First run of a session: take the choices the URL names (deep links), and check its map."""
    state.boot()
    wanted = ss.pop("wanted_map", None)
    if wanted and wanted not in maps:
        ss.pop(state.MAP, None)
        st.toast(f"No map named {md_escape(wanted)}; showing the default one.")


def picked() -> None:
    """Another map chosen in the picker: it replaces any upload kept in the session."""
    ss.pop("upload_kept", None)
    reset_view()


def take_upload() -> None:
    """An upload, checked, becomes a map of the maps folder and the current one: the picker
    and the URL name it, so a reload or a link shows it (the uploader is emptied). A file
    with problems is not kept: the next run shows them, located."""
    reset_view()
    n = ss.get("upload_n", 0)
    upload = ss.get(f"upload-{n}")
    if upload is None:
        return
    data = upload.getvalue()
    try:
        map_text(content_hash(data), upload_text(upload.name, data), upload.name)
    except MapFileError as exc:
        ss["upload_problems"] = exc.problems
        return
    from argmap.app.classroom import may_edit_maps

    try:
        if not may_edit_maps():  # a class's student: the maps folder is the instructor's
            raise PermissionError("the maps folder is the instructor's")
        ss[state.MAP] = save_upload(maps_folder(), upload.name, data)
        ss.pop("upload_kept", None)
    except OSError:  # a read-only maps folder: shown in this session only, as before
        ss["upload_kept"] = (upload.name, data)
    ss["upload_n"] = n + 1


def maps_folder() -> Path:
    return maps_dir(DEFAULT_MAPS)


def available_maps() -> dict[str, Path]:
    return list_maps(maps_folder())


def load(maps: dict[str, Path]) -> tuple[PreparedMap, str | None, str]:
    """The map to show, its name for the URL (None for an upload) and its content hash.

    Stops the page with the file's located problems when it cannot be used.
    """
    if maps:
        # The picker's value outlives pages that do not draw it (Streamlit forgets those).
        st.selectbox("Map", list(maps), key=state.MAP, on_change=picked)
    else:
        st.info(f"No maps in {md_escape(str(maps_folder()))}; upload one below, or start "
                "one on the New map page.")  # fmt: skip
    st.file_uploader(
        "Or open a map file", type=["yaml", "yml"], key=f"upload-{ss.get('upload_n', 0)}",
        on_change=take_upload,
    )  # fmt: skip
    try:
        problems = ss.pop("upload_problems", None)
        if problems is not None:
            raise MapFileError(problems)
        kept = ss.get("upload_kept")  # an upload the maps folder would not take
        if kept is not None:
            name, data = kept
            key = content_hash(data)
            return prepared_text(key, upload_text(name, data), name), None, key
        if not maps:
            st.stop()
        name = ss.get(state.MAP) or next(iter(maps))
        path = maps[name]
        data = read_bytes_limited(path)
        key = content_hash(data)
        return prepared_file(key, path, path.name), name, key
    except MapFileError as exc:
        problems = exc.problems
        st.title("This map cannot be opened")
        st.error(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the file. "
            "Fix them and reload the page; each line says where."
        )
        st.code("\n".join(str(p) for p in problems) or str(exc), language=None, wrap_lines=True)
        st.stop()
    except OSError as exc:
        st.error(f"Cannot read the map: {md_escape(str(exc))}")
        st.stop()


def current_map() -> tuple[PreparedMap, str | None, str]:
    """The sidebar's map picker, for any page: (map, name for the URL, content hash)."""
    maps = available_maps()
    boot(maps)
    with st.sidebar:
        st.header("Map")
        return load(maps)


def keep(*keys: str) -> None:
    """Keep widget values when the user visits another page and comes back.

    Streamlit forgets the state of widgets a run does not draw; writing the value back
    makes it the session's own.
    """
    for k in keys:
        if k in ss:
            ss[k] = ss[k]


def thesis_picker(G: nx.DiGraph, label: str, key: str, *, whole_map: bool = False) -> str:
    """A sidebar select box of the map's theses (in map order), remembered across pages.

    With ``whole_map`` the first option is :data:`ALL`; without it a map with no claims stops
    the page with a note.
    """
    keep(key)
    options = [ALL, *theses(G)] if whole_map else theses(G)
    if not options:
        st.info("This map has no claims.")
        st.stop()
    if ss.get(key) not in options:
        ss[key] = options[0]
    return st.selectbox(
        label, options, key=key,
        format_func=lambda c: c if c == ALL else truncate(G.nodes[c]["statement"], 80),
    )  # fmt: skip


def semantics_picker(key: str, label: str = "What stands") -> str:
    """The select box of the registered semantics, by what each does for the reader
    (argmap.view.guide), the formal names in its help."""
    return str(st.selectbox(
        label, SEMANTICS, key=key, format_func=plain_semantics,
        help="Which claims count as standing. " + " ".join(
            f"{plain_semantics(s.name)}: {s.help} (Formally: {s.name} semantics.)"
            for s in REGISTRY.values()
        ),
    ))  # fmt: skip


def reading_pickers(G: nx.DiGraph) -> tuple[str, str, str]:
    """The "Reading" header and the choices every page of the map shares, so a reading
    follows the reader from page to page and every page shows the same labels for it:
    (semantics, support, audience option: see :func:`argmap.app.audiences.picker`)."""
    from argmap.app import audiences

    st.header("Reading")
    semantics = semantics_picker(state.SEMANTICS_KEY)
    support = support_picker(state.VIEW_KEY)
    return semantics, support, audiences.picker(G)


def shared_reading() -> tuple[str, str, str | None]:
    """The reading the other pages' pickers chose (or the URL named), for a page that shows
    labels without drawing the pickers: (semantics, support, audience id or None)."""
    from argmap.app.audiences import audience_id

    semantics = str(ss.get(state.SEMANTICS_KEY) or SEMANTICS[0])
    support = str(ss.get(state.VIEW_KEY) or VIEWS[0])
    return semantics, support, audience_id(str(ss.get(state.AUDIENCE) or ""))


def support_picker(key: str) -> str:
    """The radio of the registered support treatments, by what each does for the reader,
    the formal names in its help."""
    kinds = " ".join(f"{plain_view(v.name)}: {v.summary} (Formally: {v.title}.)"
                     for v in VIEW_TABLE.values())  # fmt: skip
    return str(st.radio(
        "How reasons count", VIEWS, key=key, horizontal=True, format_func=plain_view,
        help=f"What a supporting reason does. {kinds}",
    ))  # fmt: skip
