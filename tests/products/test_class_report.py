"""argmap class-report: student maps made by removing, retyping, renaming and adding parts
of a reference, matched by the issue's rules, scored, counted for the class; the CLI's exact
JSON, its text in statements, and the feedback CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from argmap.cli import app
from argmap.model import ArgumentMap
from argmap.products.class_report import class_report, compare_student, to_csv, to_text
from argmap.store.yaml_map import read_map, write_map
from tests.conftest import CYBERCRIME_MAP

runner = CliRunner()


def _map(claims: list[dict[str, Any]], relations: list[tuple[str, str, str, str]]) -> ArgumentMap:
    return ArgumentMap.model_validate(
        {
            "title": "Joining",
            "question": "Should we join?",
            "sources": [{"id": "art", "title": "An article", "kind": "article"}],
            "actors": [{"id": "gov", "name": "The government", "kind": "government"}],
            "claims": [
                {"source": "art", "actor": "gov", "quote": c["statement"], **c} for c in claims
            ],
            "relations": [{"id": i, "type": t, "from": f, "to": to} for i, t, f, to in relations],
        }
    )


CLAIMS = [
    {"id": "join", "statement": "We should join the convention.", "kind": "thesis"},
    {"id": "stay", "statement": "We should stay out of the convention.", "kind": "thesis"},
    {"id": "cost", "statement": "Joining would cost forty million a year."},
    {"id": "jobs", "statement": "Membership brings investigators and training."},
    {"id": "old", "statement": "The cost estimate dates from 2009."},
]
RELATIONS = [
    ("r-cost", "attacks", "cost", "join"),
    ("r-stay", "supports", "cost", "stay"),
    ("r-jobs", "supports", "jobs", "join"),
    ("r-old", "undercuts", "old", "r-cost"),
]
REFERENCE = _map(CLAIMS, RELATIONS)


def _without(claim_ids: set[str], relation_ids: set[str]) -> ArgumentMap:
    return _map(
        [c for c in CLAIMS if c["id"] not in claim_ids],
        [r for r in RELATIONS if r[0] not in relation_ids],
    )


# Removed: the second thesis and its relation, and the undercut.
REMOVED = _without({"stay"}, {"r-stay", "r-old"})
# Retyped: the jobs claim now attacks the thesis; the undercut became an attack on the claim.
RETYPED = _map(
    CLAIMS,
    [("r-cost", "attacks", "cost", "join"), ("r-stay", "supports", "cost", "stay"),
     ("x-jobs", "attacks", "jobs", "join"), ("r-old", "attacks", "old", "cost")],
)  # fmt: skip
# Renamed: "cost" under a new id with the same statement, "jobs" reworded with the same
# quote; relations renamed too, one drawn backwards (stay -> cost) so it does not match.
RENAMED = _map(
    [CLAIMS[0], CLAIMS[1],
     {"id": "price", "statement": "  joining would COST forty million a year. "},
     {"id": "staff", "statement": "Joiners gain staff.",
      "quote": "Membership brings investigators and training."},
     CLAIMS[4]],
    [("a1", "attacks", "price", "join"), ("a2", "supports", "stay", "price"),
     ("a3", "supports", "staff", "join"), ("a4", "undercuts", "old", "a1")],
)  # fmt: skip
# Added: everything, plus two new claims and a relation.
ADDED = _map(
    [*CLAIMS,
     {"id": "privacy", "statement": "The convention weakens privacy protections."},
     {"id": "allies", "statement": "Our allies have all joined."}],
    [*RELATIONS, ("r-privacy", "attacks", "privacy", "join")],
)  # fmt: skip

EXPECTED = {
    "students": [
        {"map": "copy.yaml", "claims": {"matched": 5, "of": 5},
         "relations": {"matched": 4, "of": 4, "wrong_type": []},
         "theses_missing": [], "extra_claims": 0, "score": 1.0},
        {"map": "removed.yaml", "claims": {"matched": 4, "of": 5},
         "relations": {"matched": 2, "of": 4, "wrong_type": []},
         "theses_missing": ["stay"], "extra_claims": 0, "score": 0.65},
        {"map": "retyped.yaml", "claims": {"matched": 5, "of": 5},
         "relations": {"matched": 2, "of": 4, "wrong_type": ["r-jobs"]},
         "theses_missing": [], "extra_claims": 0, "score": 0.8125},
        {"map": "renamed.yaml", "claims": {"matched": 5, "of": 5},
         "relations": {"matched": 3, "of": 4, "wrong_type": []},
         "theses_missing": [], "extra_claims": 0, "score": 0.875},
        {"map": "added.yaml", "claims": {"matched": 5, "of": 5},
         "relations": {"matched": 4, "of": 4, "wrong_type": []},
         "theses_missing": [], "extra_claims": 2, "score": 1.0},
    ],
    "claims": [
        {"id": "join", "covered_by": 5}, {"id": "stay", "covered_by": 4},
        {"id": "cost", "covered_by": 5}, {"id": "jobs", "covered_by": 5},
        {"id": "old", "covered_by": 5},
    ],
    "relations": [
        {"id": "r-cost", "covered_by": 5, "wrong_type_by": 0},
        {"id": "r-stay", "covered_by": 3, "wrong_type_by": 0},
        {"id": "r-jobs", "covered_by": 4, "wrong_type_by": 1},
        {"id": "r-old", "covered_by": 3, "wrong_type_by": 0},
    ],
}  # fmt: skip

STUDENTS = {
    "copy.yaml": REFERENCE,
    "removed.yaml": REMOVED,
    "retyped.yaml": RETYPED,
    "renamed.yaml": RENAMED,
    "added.yaml": ADDED,
}


def test_the_cli_gives_the_issues_shape_exactly(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    write_map(REFERENCE, "reference.yaml")
    for name, m in STUDENTS.items():
        write_map(m, name)
    result = runner.invoke(app, ["class-report", "reference.yaml", *STUDENTS, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == EXPECTED


def test_matching_rules_one_by_one() -> None:
    renamed = compare_student("r", REFERENCE, RENAMED)
    # Same statement (case and spaces aside), then same quote; the backwards relation is lost.
    assert renamed.claims == {"join": "join", "stay": "stay", "cost": "price", "jobs": "staff",
                              "old": "old"}  # fmt: skip
    assert renamed.relations == {"r-cost": "a1", "r-jobs": "a3", "r-old": "a4"}
    assert renamed.claims_missing == () and renamed.extra_claims == ()
    retyped = compare_student("t", REFERENCE, RETYPED)
    assert retyped.wrong_types == {"r-jobs": "attacks"}
    # An attack on the claim is not the undercut of the relation: other ends, not a wrong type.
    assert "r-old" not in retyped.relations and "r-old" not in retyped.wrong_types
    added = compare_student("a", REFERENCE, ADDED)
    assert added.extra_claims == ("privacy", "allies")


def test_a_same_id_claim_is_matched_once_and_a_text_match_never_takes_it() -> None:
    # The student kept "cost" and also wrote a claim with cost's statement under another id:
    # the id wins, the second is extra.
    student = _map([*CLAIMS, {"id": "dup", "statement": CLAIMS[2]["statement"]}], RELATIONS)
    result = compare_student("s", REFERENCE, student)
    assert result.claims["cost"] == "cost" and result.extra_claims == ("dup",)


def test_a_copy_of_the_cybercrime_map_scores_one() -> None:
    reference = read_map(CYBERCRIME_MAP).map
    result = compare_student("copy", reference, reference)
    assert result.score == 1.0
    assert len(result.claims) == len(reference.claims) > 50
    assert len(result.relations) == len(reference.relations) > 50


def test_extra_claims_grouped_by_meaning_and_questions_from_the_commonest_differences() -> None:
    def with_extra(statement: str) -> ArgumentMap:
        extra = {"id": "extra", "statement": statement}
        return _map([*CLAIMS[:1], *CLAIMS[2:], extra], [r for r in RELATIONS if r[0] != "r-stay"])

    students = [
        ("ann", with_extra("The convention weakens privacy protections.")),
        ("bo", with_extra("The convention weakens the protection of privacy.")),
        ("cy", with_extra("Our allies have all joined already.")),
        ("di", RETYPED),
    ]
    report = class_report(REFERENCE, students)
    first = report.extra_groups[0]
    assert first.students == 2 and {m.student for m in first.members} == {"ann", "bo"}
    assert [g.students for g in report.extra_groups] == [2, 1]
    assert report.theses_missed == (("stay", 3),)
    assert len(report.questions) >= 3
    # The commonest difference (3 of 4 missed the thesis) is asked first, in words.
    assert report.questions[0].startswith("3 of 4 left out the thesis")
    assert "We should stay out of the convention." in report.questions[0]
    assert any("2 of 4 added" in q and "privacy" in q for q in report.questions)
    assert any("1 of 4 took" in q and "attack" in q for q in report.questions)


def test_text_output_speaks_in_statements_not_ids(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    write_map(REFERENCE, "reference.yaml")
    write_map(REMOVED, "removed.yaml")
    write_map(RETYPED, "retyped.yaml")
    result = runner.invoke(app, ["class-report", "reference.yaml", "removed.yaml",
                                 "retyped.yaml", "--csv", "scores.csv"])  # fmt: skip
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "removed.yaml: score 0.65" in out
    assert "theses missing: “We should stay out of the convention.”" in out
    assert "wrong type (attacks): “Membership brings investigators and training.”" in out
    for raw_id in ("r-jobs", "r-stay", "r-old", "r-cost"):
        assert raw_id not in out
    assert "Score = ½ \N{MULTIPLICATION SIGN}" in out  # the rubric
    rows = list(csv.reader(io.StringIO((tmp_path / "scores.csv").read_text())))
    assert rows[1][:2] == ["removed.yaml", "0.65"]
    assert "We should stay out of the convention." in rows[1][7]


def test_the_feedback_csv_holds_no_formula() -> None:
    hostile = _map(
        [{"id": "join", "statement": "=HYPERLINK(\"http://x\",\"y\")", "kind": "thesis"},
         {"id": "cost", "statement": "+1+1"}],
        [("r", "attacks", "cost", "join")],
    )  # fmt: skip
    student = _map([{"id": "other", "statement": "@SUM(A1)"}], [])
    report = class_report(hostile, [("-student", student)], group_extras=False)
    rows = list(csv.reader(io.StringIO(to_csv(report, hostile))))
    for cell in (c for row in rows[1:] for c in row):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert rows[1][0] == "'-student"
    assert "'=HYPERLINK" in rows[1][7]
    assert to_text(report, hostile).count("“") >= 2
