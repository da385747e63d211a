"""`argmap import` / `argmap export` for every format, ICCMA export checked by the solver,
SVG through Graphviz, and the standalone HTML page's escaping."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.analysis import evaluate
from argmap.cli import app
from argmap.graph import to_graph
from argmap.model import ArgumentMap
from argmap.products.standalone import generate_html
from argmap.readwrite import svg
from argmap.readwrite.iccma_map import claim_extensions, read_key
from argmap.store.yaml_map import read_map
from tests.conftest import CYBERCRIME_MAP

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "tests" / "fixtures" / "formats"
HOSTILE = ROOT / "tests" / "support" / "fixtures" / "hostile.yaml"


def cli(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def shape(m: ArgumentMap) -> tuple[list[str], list[tuple[str, str, str]]]:
    """What a foreign format keeps of a map: statements, and relations by statement."""
    text = {c.id: c.statement for c in m.claims}
    text |= {r.id: f"[{r.id}]" for r in m.relations}
    return (
        sorted(text[c.id] for c in m.claims),
        sorted(
            (text[r.from_], r.type.value, text.get(r.to, r.to))
            for r in m.relations
            if r.type.value != "undercuts"
        ),
    )


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("m.json", '"claims"'),
        ("m.graphml", "<graphml"),
        ("m.argdown", "[thesis-budapest-route]"),
        ("m.aif.json", '"nodes"'),
        ("m.dot", "digraph"),
        ("m.html", "<!doctype html>"),
        ("m.af", "p af "),
        ("m.apx", "arg(a1)."),
        ("m.yaml", "# yaml-language-server"),
    ],
)
def test_export_takes_the_format_from_the_extension(tmp_path: Path, name: str, marker: str) -> None:
    out = tmp_path / name
    code, stdout, stderr = cli("export", CYBERCRIME_MAP, "-o", out)
    assert code == 0, stderr
    assert stdout == f"wrote {out}\n" and marker in out.read_text(encoding="utf-8")


def test_export_to_overrides_and_unknown_extension_fails(tmp_path: Path) -> None:
    out = tmp_path / "map.txt"
    assert cli("export", CYBERCRIME_MAP, "--to", "dot", "-o", out)[0] == 0
    assert out.read_text(encoding="utf-8").startswith('digraph "argmap"')
    code, _, stderr = cli("export", CYBERCRIME_MAP, "-o", tmp_path / "map.xyz")
    assert code == 1 and "cannot tell the format from the name 'map.xyz'; name it with --to" in (
        stderr
    )
    code, _, stderr = cli("export", tmp_path / "nope.yaml", "-o", tmp_path / "x.json")
    assert code == 1 and "nope.yaml:1:1: no such file" in stderr


@pytest.mark.parametrize("ext", ["argdown", "aif.json"])
def test_round_trip_through_the_cli(tmp_path: Path, ext: str) -> None:
    exported, imported = tmp_path / f"m.{ext}", tmp_path / "back.yaml"
    assert cli("export", CYBERCRIME_MAP, "-o", exported)[0] == 0
    code, _, stderr = cli("import", exported, "-o", imported, "--from", ext.split(".")[0])
    assert code == 0, stderr
    original, back = read_map(CYBERCRIME_MAP).map, read_map(imported).map
    assert shape(back) == shape(original)
    assert len(back.relations) == len(original.relations)
    assert imported.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schema/argmap-map.schema.json\nargmap: 1\n"
    )


@pytest.mark.parametrize(
    "name", ["argdown-basic.argdown", "kialo-cars.txt", "ova3-cars.json", "aifdb-cars.json"]
)
def test_import_writes_the_map_and_located_warnings(tmp_path: Path, name: str) -> None:
    out = tmp_path / "out.yaml"
    code, stdout, stderr = cli("import", FORMATS / name, "-o", out)
    assert code == 0, stderr
    assert stdout.startswith(f"wrote {out} (")
    for line in stderr.splitlines():  # every warning is file:line:col: message
        assert re.match(rf"^{re.escape(str(FORMATS / name))}:\d+:\d+: \S", line), line
    assert read_map(out).map.claims


def test_import_errors_are_located_and_write_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    source = FORMATS / "argdown-errors.argdown"
    code, _, stderr = cli("import", source, "-o", out)
    assert code == 1 and not out.exists()
    assert stderr.splitlines()[0] == (
        f"{source}:2:1: relation '+' has nothing to relate to: indent it under a statement or "
        "argument"
    )
    code, _, stderr = cli("import", FORMATS / "kialo-errors.txt", "-o", out)
    assert code == 1 and re.match(rf"{re.escape(str(FORMATS))}/kialo-errors.txt:\d+:\d+: ", stderr)
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": [\n  {"nodeID": 1,}\n]}', encoding="utf-8")
    code, _, stderr = cli("import", bad, "-o", out)
    assert code == 1 and f"{bad}:2:16: JSON syntax: " in stderr
    code, _, stderr = cli("import", tmp_path / "none.argdown", "-o", out)
    assert code == 1 and "none.argdown:1:1: no such file" in stderr
    unknown = tmp_path / "x.xyz"  # (.docx is a format now: Verbatim evidence files)
    unknown.write_text("?", encoding="utf-8")
    code, _, stderr = cli("import", unknown, "-o", out)
    assert code == 1 and "name it with --from: argdown (.argdown .ad .md), aif (.json)" in stderr


def test_import_does_not_replace_a_map_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    out.write_text("# my map\n", encoding="utf-8")
    code, _, stderr = cli("import", FORMATS / "kialo-cars.txt", "-o", out)
    assert code == 1 and "exists; use --force" in stderr
    assert out.read_text(encoding="utf-8") == "# my map\n"
    assert cli("import", FORMATS / "kialo-cars.txt", "-o", out, "--force")[0] == 0


@pytest.mark.parametrize("view", ["bipolar", "attack-only"])
@pytest.mark.parametrize("ext", ["af", "apx"])
def test_iccma_export_solved_maps_back_to_our_labels(tmp_path: Path, ext: str, view: str) -> None:
    out = tmp_path / f"map.{ext}"
    assert cli("export", CYBERCRIME_MAP, "-o", out, "--view", view)[0] == 0
    text = out.read_text(encoding="utf-8")
    key = read_key(text)
    m = read_map(CYBERCRIME_MAP).map
    claims = {c.id for c in m.claims}
    assert [key[f"a{i}" if ext == "apx" else str(i)] for i in range(1, len(claims) + 1)] == [
        c.id for c in m.claims
    ]  # claims are numbered first, in map order
    G = to_graph(m)
    for semantics in ("grounded", "complete", "preferred", "stable"):
        code, stdout, stderr = cli("solve", out, "-s", semantics)
        assert code == 0, stderr
        answer = json.loads(stdout)
        ours = evaluate(G, semantics, view, timeout=30)
        assert answer["complete"] and ours.complete
        assert ours.extensions is not None
        assert claim_extensions(answer["extensions"], key, claims) == set(ours.extensions)


def test_svg_through_graphviz_or_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # scripts/install-system.sh installs graphviz for the tests.
    out = tmp_path / "map.svg"
    assert cli("export", HOSTILE, "-o", out)[0] == 0
    text = out.read_text(encoding="utf-8")
    assert "<svg" in text and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in text
    assert "<script>" not in text
    monkeypatch.setattr(svg.shutil, "which", lambda name: None)
    code, _, stderr = cli("export", CYBERCRIME_MAP, "-o", tmp_path / "other.svg")
    assert code == 1 and "install graphviz" in stderr and not (tmp_path / "other.svg").exists()


def test_standalone_html_keeps_hostile_text_as_data() -> None:
    m = read_map(HOSTILE).map
    page = generate_html(m)
    # Only our four script elements (data, ELK's worker as text, the bundle, the panel); map
    # text cannot open or close one.
    assert page.count("<script") == 4 and page.count("</script>") == 4
    assert "<script>window" not in page and "<img" not in page and "<svg" not in page
    raw = page.split('id="argmap-data">')[1].split("</script>")[0]
    assert "<" not in raw and ">" not in raw
    data = json.loads(raw)
    assert data["claims"]["evil-thesis"]["statement"] == m.claim("evil-thesis").statement
    assert data["title"] == m.title and "&lt;script&gt;" in page.split("<title>")[1]
    # Nothing can be fetched: the policy allows no source but our scripts' hashes.
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy and "default-src 'none'" in policy.group(1)
    assert len(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", policy.group(1))) == 2
    # The one worker it may start is ELK's, from a blob of the page's own text.
    assert "worker-src blob:" in policy.group(1)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)


@pytest.mark.parametrize("source", [CYBERCRIME_MAP, HOSTILE])
def test_yaml_export_of_a_yaml_map_is_the_file_the_round_trip_writes(
    tmp_path: Path, source: Path
) -> None:
    """The fast path writes the checked file as it is: the same bytes as the comment-keeping
    round trip (the library's export) writes for it."""
    from argmap.store.yaml_map import dump_map
    from argmap.view.formats import registry

    out = tmp_path / "out.yaml"
    assert cli("export", source, "-o", out)[0] == 0
    written = out.read_bytes()
    assert written == source.read_bytes()
    assert written == registry().export_map(read_map(source, editable=True), "yaml")
    assert written.decode("utf-8") == dump_map(read_map(source, editable=True))


def test_yaml_export_of_a_broken_yaml_map_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        CYBERCRIME_MAP.read_text(encoding="utf-8").replace("question:", "questoin:", 1)
    )
    out = tmp_path / "out.yaml"
    code, _, stderr = cli("export", broken, "-o", out)
    assert code == 1 and "broken.yaml:" in stderr and not out.exists()
