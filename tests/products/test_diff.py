"""argmap diff: claims matched by id or by their words; relations by id, ends or start;
labels; the agreement score; the CLI's exact JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from argmap.cli import app
from argmap.model import ArgumentMap
from argmap.products.diff import agreement, diff_maps, match_claims
from argmap.store.yaml_map import read_map, write_map
from tests.conftest import CYBERCRIME_MAP

runner = CliRunner()


def _map(claims: list[dict[str, Any]], relations: list[tuple[str, str, str, str]]) -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "title": "Joining",
            "question": "Should we join?",
            "sources": [
                {"id": "art", "title": "An article", "kind": "article"},
                {"id": "rep", "title": "A report", "kind": "report"},
            ],
            "actors": [
                {"id": "gov", "name": "The government", "kind": "government"},
                {"id": "ngo", "name": "An NGO", "kind": "ngo"},
            ],
            "values": [{"id": "safety", "name": "Safety"}, {"id": "liberty", "name": "Liberty"}],
            "claims": [
                {"source": "art", "actor": "gov", "quote": c["statement"], **c} for c in claims
            ],
            "relations": [{"id": i, "type": t, "from": f, "to": to} for i, t, f, to in relations],
        }
    )


INSTRUCTOR = _map(
    [
        {"id": "join", "statement": "We should join the convention.", "kind": "thesis"},
        {"id": "cost", "statement": "Joining would cost the budget forty million a year."},
        {"id": "jobs", "statement": "Membership brings investigators and training."},
        {"id": "old", "statement": "The cost estimate dates from 2009.", "actor": "ngo"},
        {"id": "rights", "statement": "The convention lacks human rights safeguards.",
         "values": ["liberty"]},
    ],
    [
        ("r-cost", "attacks", "cost", "join"),
        ("r-jobs", "supports", "jobs", "join"),
        ("r-old", "undercuts", "old", "r-cost"),
        ("r-rights", "attacks", "rights", "join"),
    ],
)  # fmt: skip

STUDENT = _map(
    [
        {"id": "thesis", "statement": "We should join the convention.", "kind": "thesis"},
        # Same claim in other words and id, from another source: matched by its words.
        {"id": "c1", "statement": "Joining would cost forty million a year.",
         "quote": "Joining would cost the budget forty million a year.", "source": "rep"},
        {"id": "jobs", "statement": "Membership brings investigators.", "kind": "evidence"},
        {"id": "old", "statement": "The cost estimate dates from 2009."},  # actor differs
        {"id": "extra", "statement": "Neighbours have all joined already."},
    ],
    [
        ("a1", "attacks", "c1", "thesis"),  # the instructor's r-cost, by its ends
        ("r-jobs", "attacks", "jobs", "thesis"),  # retyped
        ("u1", "undercuts", "old", "a1"),  # r-old, its end through the pairing of a1
        ("s1", "supports", "extra", "jobs"),
    ],
)  # fmt: skip


def test_claims_are_matched_by_id_then_by_their_words() -> None:
    pairs = [(m.old, m.new, m.by) for m in match_claims(STUDENT, INSTRUCTOR)]
    assert pairs == [
        ("thesis", "join", "text"), ("c1", "cost", "text"), ("jobs", "jobs", "id"),
        ("old", "old", "id"),
    ]  # fmt: skip


def test_the_diff_reports_claims_relations_and_labels() -> None:
    d = diff_maps(STUDENT, INSTRUCTOR).as_json()
    assert d["claims"]["added"] == ["rights"]
    assert d["claims"]["removed"] == ["extra"]
    assert d["claims"]["changed"] == [
        {"id": "cost", "fields": ["statement", "source"]},
        {"id": "jobs", "fields": ["statement", "quote", "kind"]},
        {"id": "old", "fields": ["actor"]},
    ]
    assert d["relations"] == {
        "added": ["r-rights"],
        "removed": ["s1"],
        "changed": [{"id": "r-jobs", "fields": ["type"]}],
    }
    # The student's jobs attacks the thesis, the instructor's supports it; the instructor
    # has the thesis attacked by the unanswered rights: labels differ.
    matched = {m["new"] for m in d["claims"]["matched"]}
    for c in d["labels"]["changed"]:
        assert set(c) == {"id", "old", "new"} and c["id"] in matched and c["old"] != c["new"]


def test_retargeted_and_values_changes() -> None:
    moved = INSTRUCTOR.model_copy(deep=True)
    moved.relations[3] = moved.relations[3].model_copy(update={"id": "x", "to": "cost"})
    moved.claims[4] = moved.claims[4].model_copy(update={"values": ["safety"]})
    d = diff_maps(INSTRUCTOR, moved)
    assert [(c.id, c.fields) for c in d.relations_changed] == [("x", ("to",))]
    assert [(c.id, c.fields) for c in d.claims_changed] == [("rights", ("values",))]
    assert not d.relations_added and not d.relations_removed


def test_labels_changed_are_the_labels_of_each_map() -> None:
    # Without r-rights, the thesis stands while r-old undercuts the cost attack, and
    # falls to the cost attack once the undercut goes.
    answered = INSTRUCTOR.model_copy(deep=True)
    answered.relations = answered.relations[:3]
    unanswered = answered.model_copy(deep=True)
    unanswered.relations = unanswered.relations[:2]
    d = diff_maps(answered, unanswered)
    assert d.relations_removed == ("r-old",)
    assert [(c.id, c.old, c.new) for c in d.labels_changed] == [("join", "in", "out")]


def test_agreement_scores_the_student_against_the_instructor() -> None:
    d = diff_maps(STUDENT, INSTRUCTOR)
    score = agreement(STUDENT, INSTRUCTOR, d)
    assert score.claims_found == (4, 5)
    assert score.relations_agreeing == (2, 4)  # r-cost and r-old; r-jobs is retyped
    assert score.attributions_agreeing == (2, 4)  # cost's source and old's actor differ


def test_a_map_against_itself_is_the_same(tmp_path: Path) -> None:
    m = read_map(CYBERCRIME_MAP).map
    d = diff_maps(m, m)
    assert d.same and all(x.by == "id" for x in d.claims_matched)
    assert len(d.claims_matched) == len(m.claims)


def test_renamed_ids_in_a_real_map_are_matched_by_text() -> None:
    m = read_map(CYBERCRIME_MAP).map
    renamed = m.model_copy(deep=True)
    first, second = renamed.claims[3].id, renamed.claims[10].id
    renamed.claims[3] = renamed.claims[3].model_copy(update={"id": "student-a"})
    renamed.claims[10] = renamed.claims[10].model_copy(update={"id": "student-b"})
    for k, r in enumerate(renamed.relations):
        ends = {"from_": r.from_, "to": r.to}
        for key, value in ends.items():
            if value == first:
                ends[key] = "student-a"
            elif value == second:
                ends[key] = "student-b"
        renamed.relations[k] = r.model_copy(update=ends)
    d = diff_maps(m, renamed)
    assert {(x.old, x.new) for x in d.claims_matched if x.by == "text"} == {
        (first, "student-a"),
        (second, "student-b"),
    }
    assert d.same


def test_cli_json_has_exactly_the_documented_shape(tmp_path: Path) -> None:
    old, new = tmp_path / "student.yaml", tmp_path / "instructor.yaml"
    write_map(STUDENT, old)
    write_map(INSTRUCTOR, new)
    result = runner.invoke(app, ["diff", str(old), str(new), "--json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert set(d) == {"claims", "relations", "labels"}
    assert set(d["claims"]) == {"added", "removed", "changed", "matched"}
    assert set(d["relations"]) == {"added", "removed", "changed"}
    assert set(d["labels"]) == {"changed"}
    assert {"old": "c1", "new": "cost", "by": "text"} in d["claims"]["matched"]
    assert d == diff_maps(STUDENT, INSTRUCTOR).as_json()

    text = runner.invoke(app, ["diff", str(old), str(new)])
    assert text.exit_code == 0
    said = {c.id: c.statement.rstrip(".") for c in (*STUDENT.claims, *INSTRUCTOR.claims)}
    added = text.stdout.split("Claims only in the second map (1):")[1].splitlines()[1]
    assert added == f"  - “{said['rights']}”"
    assert f"  - “{said['extra']}”" in text.stdout.split("Claims only in the first map")[1]
    retyped = text.stdout.split("Relations retyped or retargeted (1):")[1].splitlines()[1]
    assert " supports " in retyped and " attacks " in retyped  # what it is and what it was
    for raw in ("r-jobs", "c1", "`"):  # statements where people read; ids only in --json
        assert raw not in text.stdout.split("claims found")[0]
    assert "claims found: 4 of 5" in text.stdout


def test_cli_reports_a_bad_map(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(bad), str(CYBERCRIME_MAP)])
    assert result.exit_code == 1 and "bad.yaml:" in result.stderr
