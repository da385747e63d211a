"""Compare maps: a student's reconstruction against the instructor's (or any two maps).

Everything is :mod:`argmap.products.diff`'s, as ``argmap diff`` prints it: claims matched by
id or by their words, what was added, removed and changed, labels that changed, and how far
the first map agrees with the second. Every map text goes through md_escape.
"""

from __future__ import annotations

import json

import streamlit as st

from argmap.app.shared import available_maps, map_file, map_text
from argmap.limits import read_bytes_limited
from argmap.model import ArgumentMap
from argmap.problems import MapFileError
from argmap.products.diff import Agreement, MapDiff, agreement, diff_maps, sections
from argmap.store.atomic import content_hash
from argmap.store.library import upload_text
from argmap.view.text import md_escape, truncate

NONE = "(none)"


@st.cache_resource(max_entries=16, show_spinner="Comparing…")
def compared(key: str, _old: ArgumentMap, _new: ArgumentMap) -> tuple[MapDiff, Agreement]:
    d = diff_maps(_old, _new)
    return d, agreement(_old, _new, d)


def pick_map(label: str, key: str, default: int) -> tuple[ArgumentMap, str] | None:
    """A map from an upload, else from the maps folder; None when neither is given."""
    maps = available_maps()
    upload = st.file_uploader(label, type=["yaml", "yml"], key=f"{key}_upload")
    names = [NONE, *maps]
    chosen = st.selectbox(
        "or a map from the folder",
        names,
        index=min(default, len(names) - 1),
        key=f"{key}_pick",
        disabled=upload is not None,  # the upload is the one compared
    )
    try:  # read once per content (shared.map_file): a rerun compares the cached maps again
        if upload is not None:
            data = upload.getvalue()
            key = content_hash(data)
            return map_text(key, upload_text(upload.name, data), upload.name), key
        if chosen != NONE:
            path = maps[chosen]
            key = content_hash(read_bytes_limited(path))
            return map_file(key, path), key
    except MapFileError as exc:
        st.error(f"This map cannot be opened: {len(exc.problems)} problem(s).")
        st.code("\n".join(str(p) for p in exc.problems), language=None, wrap_lines=True)
    return None


def share(pair: tuple[int, int]) -> str:
    n, total = pair
    return f"{n} of {total}" + (f" ({n / total:.0%})" if total else "")


def main() -> None:
    st.title("Compare maps")
    st.caption(
        "Put a student's reconstruction beside the instructor's map (or any two versions of "
        "a map). Claims are matched by id, else by their statements and quotes."
    )
    left, right = st.columns(2)
    with left:
        old = pick_map("A student's map", "cmp_old", 0)
    with right:
        new = pick_map("The reference map (the instructor's)", "cmp_new", 1)
    if old is None or new is None:
        st.info("Choose or upload both maps to compare them.")
        st.stop()
    (a, a_key), (b, b_key) = old, new
    d, score = compared(f"{a_key}-{b_key}", a, b)

    st.header("Agreement with the reference")
    found, relations, attributions = st.columns(3)
    found.metric("Claims found", share(score.claims_found))
    relations.metric("Relations agreeing", share(score.relations_agreeing))
    attributions.metric("Attributions agreeing", share(score.attributions_agreeing))
    st.download_button(
        "Download the differences (JSON)",
        json.dumps(d.as_json(), ensure_ascii=False, indent=2).encode("utf-8"),
        file_name="map-diff.json",
        mime="application/json",
        key="cmp_json",
    )
    differences = sections(d, a, b, "the student's map", "the reference")
    if d.same:
        st.success("The two maps say the same.")
        matched = dict(differences)["Claims matched by their words"]
        if matched:
            section("Claims matched by their words", [md_escape(x) for x in matched])
        return
    for heading, lines in differences:  # every claim by its words, never by id
        section(heading, [md_escape(truncate(x, 400)) for x in lines])


def section(title: str, lines: list[str]) -> None:
    st.subheader(f"{title} ({len(lines)})")
    if lines:
        st.markdown("\n".join(f"- {line}" for line in lines))
    else:
        st.caption("None.")


main()
