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
from argmap.model import ArgumentMap, Claim
from argmap.problems import MapFileError
from argmap.products.diff import Agreement, MapDiff, agreement, diff_maps
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
    old_claims = {c.id: c for c in a.claims}
    new_claims = {c.id: c for c in b.claims}

    def claim(c_id: str, claims: dict[str, Claim]) -> str:
        # Ids are lower-case letters, digits, '-', '_' and '.' (the map's rule): code spans
        # show them as they are, where escapes would show as backslashes.
        return f"`{c_id}` {md_escape(truncate(claims[c_id].statement, 140))}"

    renamed = [
        f"`{m.old}` is `{m.new}`: {md_escape(truncate(new_claims[m.new].statement, 120))}"
        for m in d.claims_matched
        if m.by == "text"
    ]
    if d.same:
        st.success("The two maps say the same.")
        if renamed:
            section("Matched by their words (other ids)", renamed)
        return

    st.header("Claims")
    section("Missing from the student's map", [claim(c, new_claims) for c in d.claims_added])
    section("Only in the student's map", [claim(c, old_claims) for c in d.claims_removed])
    section("Matched by their words (other ids)", renamed)
    section(
        "Changed",
        [f"{claim(c.id, new_claims)} — differs in {md_escape(', '.join(c.fields))}"
         for c in d.claims_changed],
    )  # fmt: skip
    st.header("Relations")
    section("Missing from the student's map", [relation(r, b) for r in d.relations_added])
    section("Only in the student's map", [relation(r, a) for r in d.relations_removed])
    section(
        "Retyped or retargeted",
        [f"{relation(c.id, b)} — differs in {md_escape(', '.join(c.fields))}"
         for c in d.relations_changed],
    )  # fmt: skip
    st.header("Labels")
    section(
        "Claims whose status differs",
        [f"{claim(c.id, new_claims)}: {md_escape(c.old)} in the student's map, "
         f"{md_escape(c.new)} in the reference" for c in d.labels_changed],
    )  # fmt: skip


def relation(relation_id: str, m: ArgumentMap) -> str:
    """A relation in words: “what” attacks “what” (or the link it undercuts)."""
    statements = {c.id: c.statement for c in m.claims}
    relations = {r.id: r for r in m.relations}

    def words(target: str) -> str:
        if target in statements:
            return f"“{md_escape(truncate(statements[target], 70))}”"
        origin = relations[target].from_ if target in relations else target
        return f"the link from “{md_escape(truncate(statements.get(origin, origin), 70))}”"

    r = relations[relation_id]
    return f"{words(r.from_)} {r.type} {words(r.to)}"


def section(title: str, lines: list[str]) -> None:
    st.subheader(f"{title} ({len(lines)})")
    if lines:
        st.markdown("\n".join(f"- {line}" for line in lines))
    else:
        st.caption("None.")


main()
