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
from argmap.store.library import list_maps, maps_dir, upload_text
from argmap.store.yaml_map import read_map, read_map_text
from argmap.view.door import REGISTRY, SEMANTICS, VIEW_TABLE, VIEWS
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
        st.selectbox("Map", list(maps), key=state.MAP, on_change=reset_view)
    else:
        st.info(f"No maps in {md_escape(str(maps_folder()))}; upload one below, or start "
                "one on the New map page.")  # fmt: skip
    upload = st.file_uploader(
        "Or open a map file", type=["yaml", "yml"], key="upload", on_change=reset_view
    )
    try:
        if upload is not None:
            data = upload.getvalue()
            key = content_hash(data)
            return prepared_text(key, upload_text(upload.name, data), upload.name), None, key
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


def semantics_picker(key: str, label: str = "Semantics") -> str:
    """The select box of the registered semantics, each explained in its help."""
    return str(st.selectbox(
        label, SEMANTICS, key=key,
        help=" ".join(f"{s.name}: {s.help}" for s in REGISTRY.values()),
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
    """The radio of the registered support treatments, by title, each explained in its help."""
    kinds = " ".join(f"{v.name}: {v.summary}" for v in VIEW_TABLE.values())
    return str(st.radio(
        "Supports", VIEWS, key=key, horizontal=True, format_func=lambda v: VIEW_TABLE[v].title,
        help=f"How supports count. {kinds}",
    ))  # fmt: skip
