"""The CLI covers every product the app has: discussion questions, the timeline, class
verdicts as CSV, the list of formats, and opening the app itself."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from typer.testing import CliRunner

from argmap.cli import app
from argmap.store.verdicts import VerdictStore

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
MAP = ROOT / "maps" / "cybercrime-treaties.yaml"


def test_questions_json_have_reasons_and_real_claims() -> None:
    result = runner.invoke(app, ["questions", str(MAP), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows, "the cybercrime map raises questions"
    from argmap.store.yaml_map import read_map

    ids = {c.id for c in read_map(MAP).map.claims}
    for row in rows:
        assert row["question"].strip() and row["because"].strip()
        assert set(row["claims"]) <= ids
    assert len(rows) == 15  # the best 15 by default, cruxes first
    every = json.loads(runner.invoke(app, ["questions", str(MAP), "--json", "--all"]).output)
    assert len(every) > 15 and {r["question"] for r in rows} <= {r["question"] for r in every}
    text = runner.invoke(app, ["questions", str(MAP)]).output
    assert f"({len(every) - 15} more with --all.)" in text


def test_questions_for_an_unknown_thesis_suggest_the_nearest() -> None:
    result = runner.invoke(app, ["questions", str(MAP), "--thesis", "thesis-un-treatyy"])
    assert result.exit_code == 1
    assert "did you mean" in result.output


def test_timeline_is_oldest_first() -> None:
    result = runner.invoke(app, ["timeline", str(MAP), "--json"])
    assert result.exit_code == 0, result.output
    dates = [row["date"] for row in json.loads(result.output) if row["date"]]
    assert dates == sorted(dates) and dates[0].startswith("2011")
    text = runner.invoke(app, ["timeline", str(MAP)]).output
    assert text.index("2011") < text.index("2024")


def test_verdicts_export_csv(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v.sqlite3'}"
    store = VerdictStore(url)
    store.record("cybercrime-treaties", "thesis-un-treaty", "Ana", "accept", room="seminar")
    store.record("cybercrime-treaties", "thesis-un-treaty", "Ben", "reject", room="seminar")
    store.record("cybercrime-treaties", "thesis-un-treaty", "Cy", "accept", room="other")
    store.close()
    out = tmp_path / "v.csv"
    result = runner.invoke(
        app, ["verdicts", str(MAP), "--room", "seminar", "--database", url, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert sorted((r["Participant"], r["Verdict"]) for r in rows) == [
        ("Ana", "accept"),
        ("Ben", "reject"),
    ]
    assert {r["Claim id"] for r in rows} == {"thesis-un-treaty"}
    store = VerdictStore(url)  # a claim of the map is named by its statement
    store.record("cybercrime-treaties", "thesis-un-route", "Ana", "accept", room="seminar")
    store.close()
    runner.invoke(app, ["verdicts", str(MAP), "--room", "seminar", "--database", url, "-o",
                        str(out)])  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    from argmap.store.yaml_map import read_map

    statement = next(c.statement for c in read_map(MAP).map.claims if c.id == "thesis-un-route")
    assert statement in {r["Claim"] for r in rows}


def test_formats_lists_every_registered_format() -> None:
    from argmap.view.formats import registry

    result = runner.invoke(app, ["formats"])
    assert result.exit_code == 0, result.output
    formats = registry()
    for name in {*formats.exports, *formats.imports}:
        assert f"\n{name} " in "\n" + result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_argmap_app_serves_the_map_headless_with_no_prompt(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "HOME": str(tmp_path)}  # a fresh account: no Streamlit credentials
    with subprocess.Popen(
        [sys.executable, "-m", "argmap.cli", "app", str(MAP), "--port", str(port), "--headless"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=tmp_path,  # not the project: the installed package is the whole product
    ) as server:
        try:
            deadline = time.monotonic() + 60
            body = ""
            while time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(
                        f"http://127.0.0.1:{port}/_stcore/health", timeout=2
                    ) as r:
                        body = r.read().decode()
                        break
                except OSError:
                    time.sleep(0.5)
            assert body == "ok", "the app did not come up within 60 s"
        finally:
            server.terminate()
            server.wait(timeout=20)
    # The command became the server: stopping it left nothing listening behind it.
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0


def test_timeout_counts_reading_the_map_too() -> None:
    """--timeout bounds reading and searching together: a limit that reading alone uses up
    is said, not passed to the search as if nothing had been spent."""
    tiny = ["--timeout", "0.000001"]
    for args in (
        ["label", str(MAP), *tiny],
        ["audiences", str(MAP), "-s", "preferred", *tiny],
        [
            "brief",
            str(MAP),
            "--thesis",
            "thesis-budapest-route",
            "--side",
            "for",
            "-o",
            "b.md",
            *tiny,
        ],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, args
        assert "reading the map took" in result.output and "all of --timeout 1e-06" in result.output
    # A negative limit is a usage error, not "reading took all of it".
    negative = runner.invoke(app, ["label", str(MAP), "--timeout", "-1"])
    assert negative.exit_code == 2 and "reading the map took" not in negative.output
    # No limit (0) and the default both answer.
    assert runner.invoke(app, ["label", str(MAP), "--timeout", "0"]).exit_code == 0
    assert runner.invoke(app, ["label", str(MAP)]).exit_code == 0


def test_make_writes_what_the_printing_verbs_print(tmp_path: Path) -> None:
    """argmap make questions/timeline write the very rows the printing verbs give as JSON,
    and argmap products lists every registered product with its outputs."""
    for verb, extra in (("questions", []), ("timeline", [])):
        out = tmp_path / f"{verb}.json"
        made = runner.invoke(app, ["make", verb, str(MAP), "-o", str(out), *extra])
        assert made.exit_code == 0, made.output
        printed = runner.invoke(app, [verb, str(MAP), "--json"])
        assert json.loads(out.read_text(encoding="utf-8")) == json.loads(printed.output)
    every = tmp_path / "every.md"
    assert (
        runner.invoke(app, ["make", "questions", str(MAP), "--full", "-o", str(every)]).exit_code
        == 0
    )
    rows = json.loads(runner.invoke(app, ["questions", str(MAP), "--json", "--all"]).output)
    assert every.read_text(encoding="utf-8").count("*Why:*") == len(rows) > 15
    listed = json.loads(runner.invoke(app, ["products", "--json"]).output)
    from argmap.products.registry import products

    assert [p["name"] for p in listed] == list(products())
    brief = next(p for p in listed if p["name"] == "brief")
    assert brief["needs"] == ["thesis", "side"] and brief["outputs"][0] == ".md"
    lacking = runner.invoke(app, ["make", "flow", str(MAP), "-o", str(tmp_path / "f.csv")])
    assert lacking.exit_code == 1 and "flow needs --thesis and --side" in lacking.output
