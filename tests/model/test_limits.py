"""Hostile inputs answer at once, with a located error naming the limit: never a hang.

Each case runs the real command line in a child process under a time budget (the
subprocess timeout fails the test), on an input generated in tmp_path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.limits import Limits, check_text, parse_size, read_limited, split_lines, text_of
from argmap.problems import MapFileError
from argmap.store.yaml_map import read_map_text
from tests.conftest import SMALL_MAP
from tests.support.mapgen import aif_chain

MAP_TEXT = SMALL_MAP  # a valid map in the house style; its first statement is plain


def argmap(*args: str | Path, budget: float = 20.0) -> subprocess.CompletedProcess[str]:
    """Run ``argmap ARGS``; the budget is the subprocess timeout (exceeding it fails)."""
    return subprocess.run(
        [sys.executable, "-m", "argmap.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=budget,
        env={**os.environ, "COLUMNS": "200"},
    )


def refused(result: subprocess.CompletedProcess[str], path: Path, *words: str) -> str:
    """Assert a located refusal (exit 1, ``file:line:col:``, no traceback) naming ``words``."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path}:"), first
    line, col = first[len(str(path)) + 1 :].split(":")[:2]
    assert line.isdigit() and col.isdigit(), first
    for word in words:
        assert word in result.stderr, result.stderr
    return result.stderr


def test_iccma_line_separator_in_a_comment_answers_at_once(tmp_path: Path) -> None:
    path = tmp_path / "sep.af"
    path.write_text("# c\u2028p af 2", encoding="utf-8")
    for semantics in ("grounded", "stable"):
        refused(argmap("solve", path, "-s", semantics, budget=15), path)
    # A comment-only file with no header, even without a final newline, is refused too.
    path.write_text("# only a comment", encoding="utf-8")
    refused(argmap("solve", path, budget=15), path)


@pytest.mark.parametrize(
    "text",
    ["p af 2\n# a\u2028b\n1 2\n", "p af 2\r# a\x85b\r1 2\r", "# x\u2029y\np af 2\n1 2\n"],
)
def test_iccma_lines_split_at_newlines_only(tmp_path: Path, text: str) -> None:
    path = tmp_path / "ok.af"
    path.write_text(text, encoding="utf-8", newline="")
    result = argmap("solve", path, budget=15)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["extensions"] == [["1"]]


def test_split_lines_is_one_way_everywhere() -> None:
    assert split_lines("a\u2028b\x85c\x0cd\re\r\nf\n") == ["a\u2028b\x85c\x0cd", "e", "f"]
    # str.splitlines would give six lines here; every reader of ours gives three.
    assert len("a\u2028b\x85c\x0cd\re\r\nf\n".splitlines()) == 6


def test_very_long_comment_line_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "comment.yaml"
    # ruamel's round-trip scanner took over 40 minutes on a comment line of a few MB.
    path.write_text(MAP_TEXT.replace("argmap: 1", "# " + "words " * 700_000 + "\nargmap: 1", 1))
    err = refused(argmap("validate", path, budget=15), path, "--max-line", "25,000")
    assert f"{path}:2:25001:" in err


def test_fifo_given_as_a_map_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for verb in (("validate",), ("show",), ("solve",)):
        refused(argmap(*verb, fifo, budget=15), fifo, "FIFO")
    refused(argmap("import", fifo, "--from", "argdown", "-o", tmp_path / "o.yaml"), fifo, "FIFO")


def test_fifty_megabyte_field_is_refused_by_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text(MAP_TEXT.replace("statement: ", "statement: " + "x" * (50 * 2**20), 1))
    for verb in (("show",), ("label",), ("export", "-o", tmp_path / "out.json")):
        refused(argmap(*verb, path, budget=15), path, "--max-size", "32 MB")
    # Raising the limit is honoured (then the line limit is the next to speak).
    refused(argmap("show", "--max-size", "64MB", path, budget=30), path, "--max-line")


def test_ten_megabyte_statement_is_refused(tmp_path: Path) -> None:
    one_line = tmp_path / "line.yaml"
    one_line.write_text(MAP_TEXT.replace("statement: ", "statement: " + "x" * 10_000_000, 1))
    for verb in ("show", "label", "validate"):
        refused(argmap(verb, one_line, budget=15), one_line, "--max-line")
    # The same text folded over short lines: the field's own length is what is refused.
    folded = tmp_path / "folded.yaml"
    block = "\n".join(["      " + "word " * 15] * 140_000)
    folded.write_text(MAP_TEXT.replace("statement: ", "statement: >\n" + block + "\n    x: ", 1))
    err = refused(argmap("show", folded, budget=20), folded, "--max-text", "20,000")
    line = MAP_TEXT[: MAP_TEXT.index("statement: ")].count("\n") + 1
    assert f"{folded}:{line}:" in err


def test_statement_over_a_sentence_is_located(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(MAP_TEXT.replace("statement: ", "statement: " + "so long " * 200, 1))
    line = MAP_TEXT[: MAP_TEXT.index("statement: ")].count("\n") + 1
    err = refused(argmap("validate", path, budget=15), path, "one sentence", "1,000")
    assert f"{path}:{line}:16: claims[0].statement:" in err


def test_hundred_thousand_tags_answer_within_budget(tmp_path: Path) -> None:
    path = tmp_path / "tags.yaml"
    tags = "".join(f"      - t{i}\n" for i in range(100_000))
    assert "    tags: [policy]\n" in MAP_TEXT
    path.write_text(MAP_TEXT.replace("    tags: [policy]\n", "    tags:\n" + tags, 1))
    err = refused(argmap("validate", path, budget=30), path, "100,000 entries", "at most 100")
    assert "claims[0].tags" in err
    more = tmp_path / "more-tags.yaml"
    more.write_text(path.read_text().replace("      - t0\n", "      - t0\n      - extra\n", 1))
    refused(argmap("show", more, budget=30), more, "--max-items")
    assert "t99999" in path.read_text()


@pytest.mark.parametrize("style", ["flow", "block"])
def test_ten_thousand_deep_nesting_is_refused_without_a_traceback(
    tmp_path: Path, style: str
) -> None:
    path = tmp_path / "deep.yaml"
    if style == "flow":
        path.write_text("title: T\nquestion: Q?\nnote: " + "[" * 10_000 + "]" * 10_000 + "\n")
    else:
        path.write_text("".join(" " * k + "- \n" for k in range(0, 20_000, 2)))
    for verb in ("validate", "show"):
        # libyaml itself stops a flow at 1,000 levels, before our own limit of 20 is reached.
        refused(argmap(verb, path, budget=15), path, "nest", "1,000" if style == "flow" else "20")


def test_deep_json_import_is_refused_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"nodes": ' + "[" * 100_000 + "]" * 100_000 + "}")
    result = argmap("import", path, "--from", "aif", "-o", tmp_path / "o.yaml", budget=15)
    refused(result, path)


def test_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{k}: &a{k} [{', '.join([f'*a{k - 1}'] * 10)}]" for k in range(1, 10)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\ntitle: T\nquestion: Q?\n")
    for verb in ("validate", "show"):
        err = refused(argmap(verb, path, budget=15), path, "alias")
        assert f"{path}:" in err


@pytest.mark.parametrize("verb", ["validate", "show"])
def test_binary_junk_and_invalid_utf8_are_located(tmp_path: Path, verb: str) -> None:
    junk = tmp_path / "junk.yaml"
    junk.write_bytes(bytes(range(256)) * 400)
    refused(argmap(verb, junk, budget=15), junk)
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("title: T\nquestion: Déjà?\n".encode("latin-1"))
    err = refused(argmap(verb, bad, budget=15), bad, "not UTF-8", "0xe9")
    assert f"{bad}:2:12:" in err
    nul = tmp_path / "nul.yaml"
    nul.write_bytes(b"title: T\nquestion: Q\x00?\n")
    refused(argmap(verb, nul, budget=15), nul)


def test_yaml_line_separator_is_located_not_misnumbered(tmp_path: Path) -> None:
    path = tmp_path / "sep.yaml"
    path.write_text("title: T\u2028\nquestion: Q?\nclaim: []\n", encoding="utf-8")
    refused(argmap("validate", path, budget=15), path, "U+2028")
    assert f"{path}:1:9:" in argmap("validate", path).stderr


def test_import_checks_the_limits_first(tmp_path: Path) -> None:
    path = tmp_path / "long.argdown"
    path.write_text("[Thesis]: " + "word " * 10_000 + "\n")
    refused(argmap("import", path, "-o", tmp_path / "o.yaml", budget=15), path, "--max-line")
    # A statement past a sentence is cut on import, the whole text kept as its note.
    path.write_text("[Thesis]: " + "word " * 400 + "\n")
    result = argmap("import", path, "-o", tmp_path / "o.yaml", budget=30)
    assert result.returncode == 0, result.stderr
    assert "its statement was cut" in result.stderr
    assert argmap("validate", tmp_path / "o.yaml").returncode == 0


def test_aif_import_of_many_nodes_is_linear(tmp_path: Path) -> None:
    # 50,000 I nodes and 50,000 RA nodes ran for over 30 minutes before (bench/ times 100k).
    n = 20_000
    path = tmp_path / "big.json"
    path.write_text(json.dumps(aif_chain(n)))
    out = tmp_path / "big.yaml"
    result = argmap("import", path, "--from", "aif", "-o", out, budget=90)
    assert result.returncode == 0, result.stderr
    assert f"({n} claims, {n - 1} relations" in result.stdout


def test_limits_library_api() -> None:
    assert parse_size("2MB") == 2 * 2**20
    with pytest.raises(MapFileError, match="--max-size"):
        text_of(b"x" * 2000, "up.yaml", Limits(max_bytes=1000))
    with pytest.raises(MapFileError, match=r"up\.yaml:1:1: not UTF-8"):
        text_of(b"\xff", "up.yaml")
    with pytest.raises(MapFileError, match="--max-line"):
        check_text("a\n" + "b" * 50, "t", Limits(max_line=40))
    with pytest.raises(MapFileError, match="--max-items"):
        read_map_text(MAP_TEXT, "m.yaml", editable=False, limits=Limits(max_items=2))
    with pytest.raises(MapFileError, match="is a folder"):
        read_limited(Path(__file__).parent)


def test_fresh_dump_reads_back_the_same(tmp_path: Path) -> None:
    from argmap.store.yaml_map import dump_fresh, read_map, write_map

    m = read_map_text(MAP_TEXT, "m.yaml", editable=False).map
    odd = m.claims[0].model_copy(
        update={"statement": "Line\u2028sep, next\u2029line: 'quoted' \"too\" # not a comment"}
    )
    m = m.model_copy(update={"claims": [odd, *m.claims[1:]]})
    text = dump_fresh(m)
    assert "\u2028" not in text and "\u2029" not in text
    path = tmp_path / "fresh.yaml"
    write_map(m, path)
    for editable in (False, True):
        assert read_map(path, editable=editable).map == m


def _cycles_file(path: Path, pairs: int) -> Path:
    """``pairs`` separate 2-cycles: 2**pairs preferred (and stable) extensions."""
    lines = [f"p af {2 * pairs}"]
    lines += [f"{2 * k + 1} {2 * k + 2}\n{2 * k + 2} {2 * k + 1}" for k in range(pairs)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_solve_lists_at_most_the_limit_and_counts(tmp_path: Path) -> None:
    path = _cycles_file(tmp_path / "cycles.af", 20)  # 1,048,576 extensions
    result = argmap("solve", path, "-s", "preferred", "--limit", "5", budget=30)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert len(answer["extensions"]) == 5 and answer["complete"] is False
    assert "the first 5 are listed" in answer["message"]
    assert result.stdout.count("\n") == 6  # streamed: one extension a line
    counted = json.loads(argmap("solve", path, "-s", "stable", "--count", budget=60).stdout)
    assert counted == {"semantics": "stable", "complete": True, "count": 2**20}
    # The default limit keeps a huge answer small.
    default = json.loads(argmap("solve", path, "-s", "preferred", budget=30).stdout)
    assert len(default["extensions"]) == 100


def test_stable_finds_a_part_with_none_before_enumerating(tmp_path: Path) -> None:
    # 22 free 2-cycles (4 million stable choices) and, apart, an odd cycle with no stable
    # extension: the answer "none" must come without enumerating the cycles first.
    path = _cycles_file(tmp_path / "none.af", 22)
    text = path.read_text().replace("p af 44", "p af 47") + "45 46\n46 47\n47 45\n"
    path.write_text(text)
    answer = json.loads(argmap("solve", path, "-s", "stable", "--limit", "0", budget=30).stdout)
    assert answer["count"] == 0 and answer["complete"] is True
    assert answer["message"] == "no stable extension exists"


@pytest.mark.parametrize("at", [0, 40_000, 99_999])
def test_a_long_line_in_a_big_text_is_found_piece_by_piece(at: int) -> None:
    """check_text finds the longest line a megabyte at a time (issue 27): a line over the
    limit is found wherever it falls, across a piece's end too, at its line number."""
    from argmap.limits import check_text

    lines = ["x" * 30] * 100_000
    lines[at] = "y" * 26_000
    text = "\n".join(lines) + "\n"
    assert len(text) > 3 * 10**6  # three pieces
    with pytest.raises(MapFileError) as err:
        check_text(text, "big.yaml")
    assert str(err.value).startswith(f"big.yaml:{at + 1}:25001: line {at + 1} is 26,000")
    lines[at] = "y" * 25_000  # at the limit: fine
    check_text("\n".join(lines) + "\n", "big.yaml")
