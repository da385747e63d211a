"""The class map, for the class's instructor only: every student's copy against the reference.

Everything it shows is :func:`argmap.products.class_report.class_report`'s (the same as
``argmap class-report``): per student a score with the rubric stated; per reference claim and
relation how many students have it, and how many drew a relation with the wrong type; the
theses students miss; the claims they added, grouped by meaning; questions for the next
seminar. The copies are the ones students submitted, else their latest.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from argmap.app import classroom
from argmap.app.guard import attempt
from argmap.app.shared import available_maps, map_file
from argmap.model import ArgumentMap
from argmap.problems import MapFileError
from argmap.products.class_report import ClassReport, class_report, to_csv
from argmap.store.atomic import content_hash
from argmap.store.classes import Copy, Refused, Role
from argmap.store.yaml_map import read_map_text
from argmap.view.text import md_escape, truncate


@st.cache_resource(max_entries=4, show_spinner="Comparing the class's maps…")
def report_of(key: str, _reference: ArgumentMap, _maps: tuple[tuple[str, ArgumentMap], ...]
              ) -> ClassReport:  # fmt: skip
    """The class report for the copies whose texts hash to ``key``, computed once."""
    return class_report(_reference, list(_maps))


def student_maps(copies: list[Copy]) -> tuple[list[tuple[str, ArgumentMap]], list[str]]:
    """Each copy's map by student name, and a line for each copy that cannot be read."""
    maps, broken = [], []
    for c in copies:
        try:
            maps.append((c.name, read_map_text(c.text, f"{c.name}'s copy", editable=False).map))
        except MapFileError as exc:
            broken.append(
                f"{c.name}, version {c.number}: {exc.problems[0] if exc.problems else exc}"
            )
    return maps, broken


def student_feedback(report: ClassReport, reference: ArgumentMap) -> None:
    """One student's differences from the reference, in statements: what to tell them."""
    names = [s.map for s in report.students]
    name = st.selectbox("Feedback for", names, key="class-student", index=None,
                        placeholder="Choose a student")  # fmt: skip
    result = next((s for s in report.students if s.map == name), None)
    if result is None:
        return
    statement = {c.id: c.statement for c in reference.claims}
    relation = {r.id: r for r in reference.relations}

    def said(rid: str) -> str:
        r = relation[rid]
        return (f"“{truncate(statement.get(r.from_, r.from_), 70)}” {r.type.value} "
                f"“{truncate(statement.get(r.to, r.to), 70)}”")  # fmt: skip

    parts = [
        ("Theses missing", [statement[t] for t in result.theses_missing]),
        ("Relations of the wrong type (the reference's, with the type drawn instead)",
         [f"{said(r)} — drawn as {result.wrong_types.get(r, '?')}"
          for r in result.relations_wrong_type]),
        ("Reference claims missing", [statement[c] for c in result.claims_missing]),
    ]  # fmt: skip
    with st.container(border=True, key="class-feedback"):
        st.markdown(md_escape(f"{result.map}: score {result.score:.2f}"))
        for title, lines in parts:
            if lines:
                st.markdown(f"**{title}** ({len(lines)})")
                st.markdown("\n".join("- " + md_escape(truncate(line, 200)) for line in lines[:12])
                            + ("\n- …" if len(lines) > 12 else ""))  # fmt: skip
        if not any(lines for _, lines in parts):
            st.caption("Nothing of the reference is missing or mistyped.")


def main() -> None:
    person, store = classroom.who(), classroom.class_store()
    if person is None or store is None or person.role is not Role.instructor:
        st.error("The class map is the class's instructor's only.")
        st.stop()
    info = store.class_of(person)
    try:
        copies = store.copies(person)
        joined = store.students(person)
    except Refused as exc:
        classroom.refused(exc)
        st.stop()
    st.title(f"Class: {info.name}")
    submitted = sum(c.submitted for c in copies)
    st.caption(md_escape(
        f"Reference map {info.reference} · join code {info.code} · {len(joined)} student"
        f"{'s' if len(joined) != 1 else ''} joined, {len(copies)} with a copy, {submitted} "
        "submitted. Each copy counts as submitted, else as last saved."
    ))  # fmt: skip
    st.button("Refresh", key="class-refresh", help="Read the latest copies")
    path = available_maps().get(info.reference)
    if path is None:
        st.error(md_escape(f"The reference map {info.reference} is not in the maps folder."))
        st.stop()
    reference = attempt(
        "The reference map cannot be read",
        lambda: map_file(content_hash(path.read_bytes()), path),
        fatal=True,
    )
    assert reference is not None
    if not copies:
        st.info("No student has started a copy yet. Give them the join code above.")
        st.stop()
    maps, broken = student_maps(copies)
    for line in broken:
        st.warning(md_escape(f"Not compared: {line}"))
    key = hashlib.sha256("\0".join(f"{c.name}\0{c.number}\0{c.text}" for c in copies)
                         .encode("utf-8")).hexdigest()  # fmt: skip
    report = attempt("The class cannot be compared", lambda: report_of(key, reference, tuple(maps)),
                     fatal=True)  # fmt: skip
    assert report is not None
    statement = {c.id: c.statement for c in reference.claims}
    version = {c.name: c for c in copies}
    n = len(report.students)

    st.subheader("Students")
    st.table(pd.DataFrame([{
        "student": s.map,
        "version": f"{version[s.map].number}"
                   + (" (submitted)" if version[s.map].submitted else ""),
        "score": f"{s.score:.2f}",
        "claims": f"{len(s.claims)} of {s.claims_of}",
        "relations": f"{len(s.relations)} of {s.relations_of}",
        "wrong type": len(s.relations_wrong_type),
        "theses missing": len(s.theses_missing),
        "added claims": len(s.extra_claims),
    } for s in report.students]).set_index("student"))  # fmt: skip
    st.caption("Rubric: " + md_escape(report.rubric))
    st.download_button(
        "Download scores and feedback (CSV)", to_csv(report, reference).encode("utf-8"),
        file_name=f"{info.reference}-class.csv", mime="text/csv", key="class-csv",
        on_click="ignore", help="Every cell is text: no spreadsheet runs it as a formula.",
    )  # fmt: skip

    student_feedback(report, reference)

    st.subheader("For the next seminar")
    for q in report.questions or ("The class's maps agree with the reference.",):
        st.markdown("- " + md_escape(q))

    left, right = st.columns(2)
    with left:
        st.subheader("Reference claims")
        st.dataframe(pd.DataFrame([
            {"students": f"{have} of {n}", "claim": truncate(statement[cid], 90)}
            for cid, have in report.claim_coverage
        ]), hide_index=True, width="stretch", key="class-claims")  # fmt: skip
        if report.theses_missed:
            st.markdown("**Theses missed**")
            for tid, missed in report.theses_missed:
                st.markdown(
                    "- " + md_escape(f"{truncate(statement[tid], 120)} — missed by {missed} of {n}")
                )
    with right:
        st.subheader("Reference relations")
        relation = {r.id: r for r in reference.relations}
        st.dataframe(pd.DataFrame([{
            "students": f"{have} of {n}",
            "wrong type": wrong,
            "relation": truncate(f"{statement.get(relation[rid].from_, relation[rid].from_)} "
                                 f"{relation[rid].type.value} "
                                 f"{statement.get(relation[rid].to, relation[rid].to)}", 110),
        } for rid, have, wrong in report.relation_coverage]), hide_index=True, width="stretch",
            key="class-relations")  # fmt: skip

    st.subheader("Claims students added")
    if not report.extra_groups:
        st.caption("None: every claim in the copies is one of the reference's.")
    for g in sorted(report.extra_groups, key=lambda g: -g.students)[:40]:
        who = ", ".join(sorted({m.student for m in g.members}))
        near = (f" (close to the reference's “{truncate(statement.get(g.near_reference, ''), 80)}”)"
                if g.near_reference else "")  # fmt: skip
        st.markdown(
            "- " + md_escape(f"{truncate(g.statement, 160)} — {g.students} of {n}: {who}{near}")
        )


main()
