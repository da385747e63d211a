"""The import and export page: the map in other tools' formats, its products (the slide deck,
the standalone page, ...: every registered product of the whole map), and other tools' files
as maps.

Every conversion is :mod:`argmap.readwrite`'s, every product :mod:`argmap.products`'; the
page only offers the files. An imported map
can be downloaded, or saved into the maps folder (never over an existing map) to be explored
and edited like any other.
"""

from __future__ import annotations

from pathlib import PurePath

import streamlit as st

from argmap.app.downloads import downloads, map_products
from argmap.app.guard import attempt
from argmap.app.shared import current_map, maps_folder, shared_reading
from argmap.problems import MapFileError
from argmap.products.registry import Request, products
from argmap.readwrite.imported import slug
from argmap.store.library import upload_text
from argmap.store.yaml_map import dump_map, write_map
from argmap.view.door import reading_of
from argmap.view.formats import registry
from argmap.view.guide import plain_semantics
from argmap.view.prepared import PreparedMap
from argmap.view.status import TIMEOUT_S
from argmap.view.text import md_escape

FORMATS = registry()
EXPORTS, IMPORTS = FORMATS.exports, FORMATS.imports


@st.cache_data(max_entries=32, show_spinner="Converting…")
def exported(key: str, fmt: str, _pm: PreparedMap) -> bytes:
    return FORMATS.export_map(_pm.map, fmt)


def export_section(pm: PreparedMap, map_name: str | None, key: str) -> None:
    st.header("Export this map")
    fmt = st.selectbox(
        "Format", list(EXPORTS), key="export_format", format_func=lambda f: EXPORTS[f].label
    )
    suffix, mime = EXPORTS[fmt].suffixes[0], EXPORTS[fmt].mime
    st.caption(EXPORTS[fmt].about)
    data = attempt("This format cannot be written", lambda: exported(key, fmt, pm))
    if data is None:  # e.g. no Graphviz: said so, the page stays
        return
    stem = map_name or slug(pm.map.title) or "map"
    st.download_button(
        f"Download {stem}{suffix}", data, file_name=f"{stem}{suffix}", mime=mime,
        key="export_download", on_click="ignore", type="primary",
    )  # fmt: skip


def products_section(pm: PreparedMap, map_name: str | None, key: str) -> None:
    """Every registered product of the whole map (the slide deck, the standalone page,
    the questions, the timeline, ...), made under the reading the other pages chose."""
    semantics, support, audience = shared_reading()
    reading = reading_of(pm.graph, semantics=semantics, support=support, audience=audience,
                         timeout=TIMEOUT_S)  # fmt: skip
    st.header("Take the map away")
    names = map_products()
    whom = f", for {reading.audience.name}" if reading.audience else ""
    how = plain_semantics(semantics).lower()
    st.caption(md_escape(
        f"Made under the reading the other pages show ({how}{whom}): "
        + "; ".join(products()[n].label for n in names) + "."
    ))  # fmt: skip
    downloads(key, pm, names, Request(reading), map_name or slug(pm.map.title) or "map")


def import_section() -> None:
    st.header("Import a map from another tool")
    suffixes = sorted(
        {s.rsplit(".", 1)[-1] for f in IMPORTS.values() for s in f.suffixes_for("import")}
    )
    upload = st.file_uploader(
        ", ".join(f.label for f in IMPORTS.values()), type=suffixes, key="import_upload",
    )  # fmt: skip
    if upload is None:
        st.caption("Sources, actors and quotes these tools do not have are filled in for you.")
        return
    guess = FORMATS.format_of(upload.name, "import") or next(iter(IMPORTS))
    fmt = st.selectbox(
        "Read it as", list(IMPORTS), index=list(IMPORTS).index(guess), key="import_format",
        format_func=lambda f: IMPORTS[f].label,
    )  # fmt: skip
    try:
        text = upload_text(upload.name, upload.getvalue())  # within the input limits
        result = FORMATS.import_map(text, fmt, upload.name)
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
    text = dump_map(m)
    stem = slug(PurePath(upload.name).stem) or "imported"
    st.download_button(
        f"Download {stem}.yaml", text.encode("utf-8"), file_name=f"{stem}.yaml",
        mime="application/yaml", key="import_download", on_click="ignore",
    )  # fmt: skip
    folder = maps_folder()
    name = st.text_input("Or save it in the maps folder as", value=stem, key="import_name")
    target = folder / f"{slug(name) or stem}.yaml"
    if st.button(f"Save as {target.name}", key="import_save"):
        if target.exists():
            st.error(md_escape(f"{target.name} exists already; choose another name."))
        else:
            write_map(m, target)
            st.success(md_escape(f"Saved {target.name}: choose it in the sidebar to open it."))


def evidence_section() -> None:
    """Verbatim / openCaselist .docx cards as a new map, the cards' texts as its sources'."""
    from argmap.readwrite.verbatim import read_verbatim
    from argmap.store.atomic import atomic_write_text
    from argmap.store.library import sources_dir

    st.header("Import debate evidence (Verbatim .docx)")
    upload = st.file_uploader("A Verbatim or openCaselist file of cards", type=["docx"],
                              key="evidence_upload")  # fmt: skip
    if upload is None:
        st.caption(
            "Each card becomes a claim: its tag the statement, its highlighted words the "
            "quote, its cite the source; pockets, hats and blocks become tags."
        )
        return
    try:
        found = read_verbatim(upload.getvalue(), upload.name)
    except MapFileError as exc:
        st.error("Nothing was imported. Each line says where.")
        st.code("\n".join(map(str, exc.problems)), language=None, wrap_lines=True)
        return
    m = found.result.map
    st.success(md_escape(f"Read {len(m.claims)} cards from {len(m.sources)} sources in "
                         f"{upload.name}."))  # fmt: skip
    if found.result.warnings:
        st.warning(f"{len(found.result.warnings)} thing(s) argmap could not read:")
        st.code("\n".join(map(str, found.result.warnings)), language=None, wrap_lines=True)
    stem = slug(PurePath(upload.name).stem) or "evidence"
    target = maps_folder() / f"{stem}.yaml"
    texts = sources_dir(maps_folder()) or maps_folder() / "sources"
    if st.button(f"Save as {target.name} (texts to {texts.name}/)", key="evidence_save"):
        clash = [n for n in found.texts if (texts / n).exists()]
        if target.exists() or clash:
            st.error(md_escape(f"{target.name if target.exists() else clash[0]} exists already."))
            return
        texts.mkdir(parents=True, exist_ok=True)
        for name, text in found.texts.items():
            atomic_write_text(texts / name, text)
        write_map(m, target)
        st.success(md_escape(f"Saved {target.name}: choose it in the sidebar, or read it."))


def main() -> None:
    pm, map_name, key = current_map()
    st.title("Import and export")
    export_section(pm, map_name, key)
    st.divider()
    products_section(pm, map_name, key)
    st.divider()
    import_section()
    st.divider()
    evidence_section()


main()
