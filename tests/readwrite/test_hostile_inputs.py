"""The adversarial pass's inputs, answered within 10 s under a 2 GiB memory cap: declared
sizes checked before anything is allocated, control characters and bidirectional
overrides refused with a location (or made visible), hostile XML entities refused.

Each command-line case runs in a child process with ``RLIMIT_AS`` at 2 GiB and a 10 s
subprocess timeout (exceeding either fails the test).
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from argmap.limits import Limits
from argmap.problems import MapFileError
from argmap.readwrite.aif import parse_aif
from argmap.readwrite.graphml import read_graphml
from argmap.readwrite.iccma import FrameworkFormatError, parse_framework
from argmap.readwrite.kialo import parse_kialo
from argmap.store.yaml_map import read_map_text
from argmap.text import terminal_safe, visible
from tests.conftest import SMALL_MAP

ROOT = Path(__file__).resolve().parents[2]
CAP = 2 * 2**30


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))


def argmap(*args: str | Path, budget: float = 10.0) -> subprocess.CompletedProcess[str]:
    """Run ``argmap ARGS`` under the memory cap; the budget is the subprocess timeout."""
    return subprocess.run(
        [sys.executable, "-m", "argmap.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=budget,
        preexec_fn=_capped,
        env={**os.environ, "COLUMNS": "200"},
        cwd=ROOT,
    )


def located(result: subprocess.CompletedProcess[str], path: Path, *words: str) -> str:
    """Assert a located refusal: exit 1, ``file:line:col:`` first, no traceback."""
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{path}:"), first
    line, col = first[len(str(path)) + 1 :].split(":")[:2]
    assert line.isdigit() and col.isdigit(), first
    for word in words:
        assert word in result.stderr, result.stderr
    return result.stderr


# -- declared sizes ---------------------------------------------------------------------------


def test_a_two_billion_argument_header_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "huge.af"
    path.write_text("p af 2000000000\n# x\n")  # 20 bytes
    assert path.stat().st_size == 20
    err = located(argmap("solve", "--timeout", "5", path), path, "2,000,000,000", "--max-items")
    assert err.startswith(f"{path}:1:6:")


def test_one_argument_past_max_items_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "over.af"
    path.write_text("p af 100001\n")
    located(argmap("solve", path), path, "100,001", "at most 100,000")
    path.write_text("p af 100000\n")
    result = argmap("solve", "-s", "grounded", path)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["extensions"][0]) == 100_000


def test_raising_max_items_lets_a_bigger_header_through() -> None:
    assert len(parse_framework("p af 11\n", "x.af", Limits(max_items=11))) == 11
    with pytest.raises(FrameworkFormatError, match=r"x\.af:1:6: .* 11 arguments"):
        parse_framework("p af 11\n", "x.af", Limits(max_items=10))


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("arg(a). arg(b).\narg(c).\n", "x:2:1:"),  # APX: the third fact
        ("a\nb\nc\n#\n", "x:3:1:"),  # TGF: the third name
        ("p af " + "9" * 5000 + "\n", "x:1:6:"),  # thousands of digits: never converted
    ],
)
def test_every_framework_format_counts_before_it_builds(text: str, where: str) -> None:
    with pytest.raises(FrameworkFormatError) as caught:
        parse_framework(text, "x", Limits(max_items=2))
    assert str(caught.value).startswith(where), caught.value
    assert caught.value.problems[0].type == "too_many_items"


def test_an_attack_naming_a_huge_number_is_located() -> None:
    with pytest.raises(FrameworkFormatError, match=r"x:2:3: argument 9{20}… is out of range"):
        parse_framework("p af 2\n1 " + "9" * 5000 + "\n", "x")


def test_aif_node_counts_are_checked_before_conversion(tmp_path: Path) -> None:
    doc = {
        "nodes": [{"nodeID": f"i{k}", "type": "I", "text": f"Claim {k}."} for k in range(12)],
        "edges": [],
    }
    with pytest.raises(MapFileError) as caught:
        parse_aif(json.dumps(doc), "d.json", Limits(max_items=10))
    (problem,) = caught.value.problems
    assert (problem.type, problem.loc) == ("too_many_items", ("nodes",))
    assert "12 I nodes" in problem.message and "--max-items" in problem.message
    path = tmp_path / "d.json"
    path.write_text(json.dumps(doc))
    located(
        argmap("import", path, "--from", "aif", "--max-items", "10", "-o", tmp_path / "o.yaml"),
        path,
        "12 I nodes",
    )


def test_an_importer_stops_at_max_items() -> None:
    text = "1. Thesis\n" + "".join(f"1.{k}. Pro: Reason {k}.\n" for k in range(1, 6))
    with pytest.raises(MapFileError) as caught:
        parse_kialo(text, "d.txt", Limits(max_items=3))
    assert caught.value.problems[0].type == "too_many_items"
    assert str(caught.value).startswith("d.txt:4:1: claims:")


# -- control characters and bidirectional overrides -------------------------------------------

HOSTILE = SMALL_MAP.replace(
    "statement: We should join.", 'statement: "We \\e]0;owned\\a should \\0join."'
).replace("title: Small demo", 'title: "Small \\u202edemo"')


def test_the_validator_refuses_control_characters_with_a_location(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    err = located(argmap("validate", path), path, "U+202E (right-to-left override)", "U+001B")
    assert f"{path}:3:8: title:" in err
    assert ": claims[0].statement: a U+001B (ESC (escape)) character at column 4" in err
    assert "\x1b" not in err and "\x07" not in err and "\u202e" not in err
    with pytest.raises(MapFileError) as caught:
        read_map_text(HOSTILE, "m.yaml")
    assert {p.type for p in caught.value.problems} == {"unsafe_character"}


@pytest.mark.parametrize(
    "verb",
    [
        ("label",),
        ("questions",),
        ("timeline",),
        ("brief", "--thesis", "join", "--side", "for", "-o", "{out}/b.docx"),
        ("flow", "--thesis", "join", "--side", "for", "-o", "{out}/f.xlsx"),
        ("export", "--to", "csv", "-o", "{out}/c.csv"),
    ],
)
def test_no_command_lets_a_control_character_through(tmp_path: Path, verb: tuple[str]) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    args = [a.format(out=tmp_path) for a in verb]
    result = argmap(*args[:1], path, *args[1:])
    located(result, path, "U+001B")
    assert "\x1b" not in result.stdout + result.stderr
    assert not any(tmp_path.glob("[bfc].*")), "nothing is written"


def test_nothing_reaches_the_terminal_raw(tmp_path: Path) -> None:
    name = tmp_path / "\x1b]0;owned\x07\u202e.yaml"
    result = argmap("validate", name)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "<U+001B>]0;owned<U+0007><U+202E>.yaml:1:1: no such file" in result.stderr
    assert terminal_safe("a,b\r\nc\rd\x9b") == "a,b\r\nc<U+000D>d<U+009B>"


def test_an_import_makes_control_characters_visible(tmp_path: Path) -> None:
    text = "Discussion Title: Bells\n\n1. Ring\x07 the \u202ebell.\n1.1. Pro: Because\x1b[2J.\n"
    result = parse_kialo(text, "k.txt")
    statements = [c.statement for c in result.map.claims]
    assert statements == ["Ring<U+0007> the <U+202E>bell.", "Because<U+001B>[2J."]
    assert [(w.line, w.type) for w in result.warnings if w.type == "unsafe_character"] == [
        (3, "unsafe_character"),
        (4, "unsafe_character"),
    ]
    path = tmp_path / "k.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "k.yaml"
    assert argmap("import", path, "--from", "kialo", "-o", out).returncode == 0
    assert argmap("validate", out).returncode == 0
    assert visible("ok\u200f") == "ok\u200f"  # a right-to-left mark is text


def test_the_app_answers_unsafe_text_with_located_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    monkeypatch.setenv("ARGMAP_MAPS_DIR", str(tmp_path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["map"] = "hostile"
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "This map cannot be opened"
    shown = " ".join(c.value for c in at.code)
    assert "hostile.yaml:3:8: title: a U+202E (right-to-left override)" in shown
    assert "U+001B (ESC (escape))" in shown and "\x1b" not in shown


# -- hostile XML ------------------------------------------------------------------------------

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<graphml><graph><node id="&lol3;"/></graph></graphml>
"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE g [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<graphml><graph><node id="&secret;"/></graph></graphml>
"""


@pytest.mark.parametrize("data", [LAUGHS, EXTERNAL], ids=["laughs", "external"])
def test_graphml_entities_are_located_problems(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(MapFileError) as caught:
        read_graphml(io.BytesIO(data))
    (problem,) = caught.value.problems
    assert (problem.line, problem.col, problem.type) == (2, 1, "xml_entity")
    path = tmp_path / "g.graphml"
    path.write_bytes(data)
    script = (
        "import sys\nfrom argmap.readwrite.graphml import read_graphml\n"
        "from argmap.problems import MapFileError\n"
        f"try:\n    read_graphml({str(path)!r})\nexcept MapFileError as e:\n"
        "    print(e)\n    sys.exit(1)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=10,
        preexec_fn=_capped, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.startswith(f"{path}:2:1: a DOCTYPE or ENTITY declaration")


@pytest.mark.parametrize(
    ("data", "where", "type_"),
    [
        (b"<graphml><graph>", (1, 17), "xml_syntax"),
        (b'<?xml version="1.0"?>\n<graphml><graph><node/></graph></graphml>', (1, 1), "graphml"),
    ],
)
def test_broken_graphml_is_located(data: bytes, where: tuple[int, int], type_: str) -> None:
    with pytest.raises(MapFileError) as caught:
        read_graphml(io.BytesIO(data))
    problem = caught.value.problems[0]
    assert ((problem.line, problem.col), problem.type) == (where, type_)


def test_on_a_terminal_colours_stay_and_hostile_sequences_do_not(tmp_path: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    name = tmp_path / "\x1b]0;owned\x07\x1b[8mhidden.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "argmap.cli", "validate", str(name)],
        stdout=follower, stderr=follower, timeout=10, preexec_fn=_capped, cwd=ROOT,
    )  # fmt: skip
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    text = out.decode("utf-8")
    assert done.returncode == 1
    assert "\x1b[31m" in text  # the command line's own red, on a terminal
    assert "<U+001B>]0;owned<U+0007><U+001B>[8mhidden.yaml:1:1: no such file" in text
    assert "\x07" not in text and "\x1b]" not in text and "\x1b[8m" not in text


def test_a_source_text_with_control_bytes_still_makes_the_word_brief(tmp_path: Path) -> None:
    import zipfile

    source = tmp_path / "m.yaml"
    source.write_text(SMALL_MAP, encoding="utf-8")
    texts = tmp_path / "sources"
    texts.mkdir()
    # A PDF's extracted text: a form feed between pages, a NUL, a stray byte, an ESC.
    (texts / "article.txt").write_bytes(
        b"Page one.\x0c We must join now\x00 today.\xff Also a small cost\x1b[2J here.\n"
    )
    out = tmp_path / "b.docx"
    # The full brief shows each quote in its source's sentence: it reads that text.
    args = ["brief", source, "--thesis", "join", "--side", "for", "-o", out, "--sources", texts,
            "--full"]  # fmt: skip
    done = argmap(*args)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(out) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "join now" in body and "\x00" not in body and "\x0c" not in body


def test_check_quotes_reads_a_source_with_stray_bytes(tmp_path: Path) -> None:
    source = tmp_path / "m.yaml"
    source.write_text(SMALL_MAP, encoding="utf-8")
    texts = tmp_path / "sources"
    texts.mkdir()
    (texts / "article.txt").write_bytes(b"\xff\xfe We must \xe2\x80\x9cjoin now\xe2\x80\x9d.\n")
    done = argmap("check-quotes", source, "--sources", texts)
    assert "Traceback" not in done.stderr
    assert f"{source}:" in done.stdout + done.stderr


@pytest.mark.parametrize("editable", [True, False])
def test_a_number_of_thousands_of_digits_is_a_located_error_not_a_traceback(
    editable: bool,
) -> None:
    """Python converts at most 4,300 digits to an int; YAML reads a bare 5,000-digit value as
    one. Both readers raised a ValueError (a traceback); now it is located (issue 27)."""
    from argmap.store.yaml_map import read_map_text
    from tests.conftest import SMALL_MAP

    text = SMALL_MAP.replace("question:", "note_x: " + "1" * 5000 + "\nquestion:", 1)
    line = text.split("\n").index("note_x: " + "1" * 5000) + 1
    with pytest.raises(MapFileError) as err:
        read_map_text(text, "m.yaml", editable=editable)
    assert str(err.value).startswith(f"m.yaml:{line}:9: a number of 5,000 digits")
    assert err.value.problems[0].type == "text_too_long"
