"""The CLI verbs, run as a user runs them (typer's runner, and once as a real process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app
from argmap.readwrite.graphml import read_graphml
from argmap.store.yaml_map import read_map
from tests.conftest import SMALL_MAP

runner = CliRunner()


@pytest.fixture
def sources_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "article.txt").write_text(
        "We must “join now”, they said,\nsince a small\n   cost is no obstacle. "
        "The paper says: costs: too much.",
        encoding="utf-8",
    )
    return folder


def test_validate_ok_and_broken(small_map_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(small_map_file)])
    assert result.exit_code == 0, result.output
    assert "ok (3 claims, 2 relations, 2 sources, 2 actors)" in result.output

    broken = tmp_path / "broken.yaml"
    broken.write_text(SMALL_MAP.replace("actor: jo\n", "actor: joe\n"), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(small_map_file), str(broken)])
    assert result.exit_code == 1
    line = SMALL_MAP[: SMALL_MAP.index("actor: jo\n")].count("\n") + 1
    assert f"{broken}:{line}:12: claims[1].actor: unknown actor 'joe'; did you mean 'jo'?" in (
        result.stderr
    )
    assert "Traceback" not in result.output + result.stderr


def test_validate_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1 and "nope.yaml:1:1: no such file" in result.stderr


def test_show_summarises(small_map_file: Path) -> None:
    result = runner.invoke(app, ["show", str(small_map_file)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Small demo\n")
    assert "3 claims (1 claim, 1 evidence, 1 thesis), 2 relations (1 attacks, 1 undercuts)" in out
    # Names where people read: a source reported in another names it by its title.
    assert "  [paper, n.d.] A paper - Jo Author (reported in: An article: with a colon): 1" in out
    assert "  Jo Author [person]: 1" in out and "undercuts: 1" in out
    assert "paper-2011" not in out and "article-2011" not in out
    # The ids are in --json.
    data = json.loads(runner.invoke(app, ["show", str(small_map_file), "--json"]).output)
    paper = next(s for s in data["sources"] if s["id"] == "paper-2011")
    assert paper["reported_in"] == "article-2011" and paper["claims"] == 1
    assert data["relations"] == {"attacks": 1, "undercuts": 1}


def test_check_quotes_reports_the_closest_passage(small_map_file: Path, sources_dir: Path) -> None:
    result = runner.invoke(
        app, ["check-quotes", str(small_map_file), "--sources", str(sources_dir)]
    )
    # "a small cost" spans a line break in the text: found. All three are in the text.
    assert result.exit_code == 0, result.stderr
    assert "3 of 3 quotes found" in result.output

    small_map_file.write_text(
        SMALL_MAP.replace("quote: a small cost", "quote: a tiny cost"), encoding="utf-8"
    )
    result = runner.invoke(
        app, ["check-quotes", str(small_map_file), "--sources", str(sources_dir)]
    )
    assert result.exit_code == 1
    line = SMALL_MAP[: SMALL_MAP.index("quote: a small cost")].count("\n") + 1
    assert (
        f"{small_map_file}:{line}:12: claims[2].quote (cheap-enough): quote not found in "
        "article.txt; closest passage" in result.stderr
    )
    assert '"a small cost"' in result.stderr
    assert "2 of 3 quotes found" in result.stderr


def test_check_quotes_missing_text_file(small_map_file: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["check-quotes", str(small_map_file), "--sources", str(empty)])
    assert result.exit_code == 1 and "no file article.txt in" in result.stderr


def test_export_json_and_graphml(small_map_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    assert (
        runner.invoke(
            app, ["export", str(small_map_file), "--to", "json", "-o", str(out)]
        ).exit_code
        == 0
    )
    assert json.loads(out.read_text(encoding="utf-8"))["claims"][0]["id"] == "join"
    out = tmp_path / "m.graphml"
    result = runner.invoke(app, ["export", str(small_map_file), "--to", "graphml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert read_graphml(out) == read_map(small_map_file).map
    result = runner.invoke(app, ["export", str(small_map_file), "--to", "pdf", "-o", str(out)])
    assert result.exit_code == 2 and "pdf" in result.stderr


def test_schema_command(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "argmap map file"


def test_console_script_runs_as_a_process(small_map_file: Path) -> None:
    broken = small_map_file.with_name("b.yaml")
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "argmap.cli", "validate", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"{broken}:2:1: YAML syntax:")
    assert "Traceback" not in proc.stderr


def test_validate_a_folder_or_binary_file(tmp_path: Path) -> None:
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"title: \xff\xfe\n")
    result = runner.invoke(app, ["validate", str(tmp_path), str(binary)])
    assert result.exit_code == 1
    assert f"{tmp_path}:1:1: is a folder, not a file" in result.stderr
    assert f"{binary}:1:8: not UTF-8 text: byte 0xff" in result.stderr  # at the byte


def test_label_with_base_scores(small_map_file: Path) -> None:
    def strengths(*extra: str) -> dict[str, tuple[str, float]]:
        result = runner.invoke(app, ["label", str(small_map_file), "--json", *extra])
        assert result.exit_code == 0, result.output
        return {c["id"]: (c["label"], c["strength"]) for c in json.loads(result.stdout)["claims"]}

    # The undercut halves the attack's weight: 0.5 - 0.5 * (0.5 * 0.5) = 0.375.
    assert strengths()["join"] == ("in", 0.375)
    # A stronger objection (1.0 * 0.5) or no undercut (0.5 * 1.0) both give 0.25.
    assert strengths("--base", "too-costly=1")["join"] == ("in", 0.25)
    assert strengths("--base", "cheap-enough=0", "--base", "join=0.5")["join"] == ("in", 0.25)
    bad = runner.invoke(app, ["label", str(small_map_file), "--base", "too-costy=0.9"])
    assert bad.exit_code == 1 and "did you mean 'too-costly'?" in bad.stderr
    bad = runner.invoke(app, ["label", str(small_map_file), "--base", "join=high"])
    assert bad.exit_code == 1 and "a score from 0 to 1" in bad.stderr
