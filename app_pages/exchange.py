"""The import and export page: the map in other tools' formats, and other tools' files as maps.

Every conversion is :mod:`argmap.readwrite`'s; the page only offers the files. An imported map
can be downloaded, or saved into the maps folder (never over an existing map) to be explored
and edited like any other.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import PurePath

import streamlit as st

from app_pages.shared import APP_DIR, current_map
from argmap.errors import MapFileError
from argmap.model import ArgumentMap
from argmap.readwrite.imported import ImportResult, slug
from argmap.view.prepared import PreparedMap, maps_dir
from argmap.view.text import md_escape


def _yaml(m: ArgumentMap) -> str:
    from argmap.readwrite.yaml_map import dump_map

    return dump_map(m)


def _json(m: ArgumentMap) -> str:
    from argmap.readwrite.json_map import to_json

    return to_json(m)


def _graphml(m: ArgumentMap) -> bytes:
    from argmap.readwrite.graphml import write_graphml

    buffer = io.BytesIO()
    write_graphml(m, buffer)
    return buffer.getvalue()


def _argdown(m: ArgumentMap) -> str:
    from argmap.readwrite.argdown import write_argdown

    return write_argdown(m)


def _aif(m: ArgumentMap) -> str:
    from argmap.readwrite.aif import write_aif

    return write_aif(m)


def _dot(m: ArgumentMap) -> str:
    from argmap.readwrite.dot import write_dot

    return write_dot(m)


def _svg(m: ArgumentMap) -> str:
    from argmap.readwrite.svg import write_svg

    return write_svg(m)


def _html(m: ArgumentMap) -> str:
    from argmap.readwrite.standalone_html import standalone_html

    return standalone_html(m)


def _iccma(m: ArgumentMap) -> str:
    from argmap.readwrite.iccma_map import iccma_text

    return iccma_text(m)


def _apx(m: ArgumentMap) -> str:
    from argmap.readwrite.iccma_map import apx_text

    return apx_text(m)


# label -> (file suffix, MIME type, writer, what it is for)
EXPORTS: dict[str, tuple[str, str, Callable[[ArgumentMap], str | bytes], str]] = {
    "Standalone HTML": (".html", "text/html", _html,
                        "One file that draws the map and shows quotes on click; opens offline "
                        "in any browser, no Python needed."),
    "SVG picture": (".svg", "image/svg+xml", _svg, "The map drawn by Graphviz."),
    "DOT (Graphviz)": (".dot", "text/vnd.graphviz", _dot, "For Graphviz and other graph tools."),
    "Argdown": (".argdown", "text/plain", _argdown, "For argdown.org and its editor plug-ins."),
    "AIF JSON": (".aif.json", "application/json", _aif, "For OVA and AIFdb."),
    "ICCMA (p af N)": (".af", "text/plain", _iccma,
                       "The attack framework argmap evaluates (after the bipolar treatment), "
                       "for any ICCMA solver; the comments key numbers to claim ids."),
    "APX": (".apx", "text/plain", _apx, "The same framework as ASPARTIX facts, with the key."),
    "argmap JSON": (".json", "application/json", _json, "The map as JSON."),
    "GraphML": (".graphml", "application/xml", _graphml, "For Gephi, yEd and networkx."),
    "argmap YAML": (".yaml", "application/yaml", _yaml, "The map file itself."),
}  # fmt: skip

IMPORTS = {"Argdown": "argdown", "AIF JSON (OVA, AIFdb)": "aif", "Kialo (.txt export)": "kialo"}
IMPORT_SUFFIX = {".argdown": "argdown", ".ad": "argdown", ".md": "argdown", ".json": "aif",
                 ".txt": "kialo"}  # fmt: skip


@st.cache_data(max_entries=32, show_spinner="Converting…")
def exported(key: str, label: str, _pm: PreparedMap) -> bytes:
    data = EXPORTS[label][2](_pm.map)
    return data.encode("utf-8") if isinstance(data, str) else data


def export_section(pm: PreparedMap, map_name: str | None, key: str) -> None:
    st.header("Export this map")
    label = st.selectbox("Format", list(EXPORTS), key="export_format")
    suffix, mime, _, about = EXPORTS[label]
    st.caption(about)
    try:
        data = exported(key, label, pm)
    except Exception as exc:  # e.g. no Graphviz: say so, keep the page
        st.error(md_escape(str(exc)))
        return
    stem = map_name or slug(pm.map.title) or "map"
    st.download_button(
        f"Download {stem}{suffix}", data, file_name=f"{stem}{suffix}", mime=mime,
        key="export_download", on_click="ignore", type="primary",
    )  # fmt: skip


def read_upload(name: str, data: bytes, fmt: str) -> ImportResult:
    text = data.decode("utf-8-sig")
    if fmt == "argdown":
        from argmap.readwrite.argdown import read_argdown

        return read_argdown(text, name)
    if fmt == "aif":
        from argmap.readwrite.aif import read_aif

        return read_aif(text, name)
    from argmap.readwrite.kialo import read_kialo

    return read_kialo(text, name)


def import_section() -> None:
    st.header("Import a map from another tool")
    upload = st.file_uploader(
        "Argdown, AIF JSON or Kialo export", type=["argdown", "ad", "md", "json", "txt"],
        key="import_upload",
    )  # fmt: skip
    if upload is None:
        st.caption("Sources, actors and quotes these tools do not have are filled in for you.")
        return
    guess = IMPORT_SUFFIX.get(PurePath(upload.name).suffix.lower(), "argdown")
    names = list(IMPORTS)
    fmt_label = st.selectbox(
        "Read it as", names, index=list(IMPORTS.values()).index(guess), key="import_format"
    )
    try:
        result = read_upload(upload.name, upload.getvalue(), IMPORTS[fmt_label])
    except MapFileError as exc:
        st.error(f"{len(exc.problems)} problem(s): nothing was imported. Each line says where.")
        st.code("\n".join(map(str, exc.problems)), language=None, wrap_lines=True)
        return
    except UnicodeDecodeError as exc:
        st.error(md_escape(f"{upload.name} is not UTF-8 text ({exc.reason})."))
        return
    m = result.map
    st.success(
        md_escape(f"Read {len(m.claims)} claims and {len(m.relations)} relations from "
                  f"{upload.name}.")
    )  # fmt: skip
    if result.warnings:
        st.warning(f"{len(result.warnings)} thing(s) argmap could not keep:")
        st.code("\n".join(map(str, result.warnings)), language=None, wrap_lines=True)
    text = _yaml(m)
    stem = slug(PurePath(upload.name).stem) or "imported"
    st.download_button(
        f"Download {stem}.yaml", text.encode("utf-8"), file_name=f"{stem}.yaml",
        mime="application/yaml", key="import_download", on_click="ignore",
    )  # fmt: skip
    folder = maps_dir(APP_DIR)
    name = st.text_input("Or save it in the maps folder as", value=stem, key="import_name")
    target = folder / f"{slug(name) or stem}.yaml"
    if st.button(f"Save as {target.name}", key="import_save"):
        if target.exists():
            st.error(md_escape(f"{target.name} exists already; choose another name."))
        else:
            from argmap.readwrite.yaml_map import write_map

            write_map(m, target)
            st.success(md_escape(f"Saved {target.name}: choose it in the sidebar to open it."))


def main() -> None:
    pm, map_name, key = current_map()
    st.title("Import and export")
    export_section(pm, map_name, key)
    st.divider()
    import_section()


main()
