"""DOT export: structure, escaping, undercuts through point nodes; Graphviz if present."""

from __future__ import annotations

import re
import subprocess

from argmap.model import ArgumentMap
from argmap.readwrite.dot import generate_dot
from argmap.store.yaml_map import read_map
from tests.conftest import CYBERCRIME_MAP

_STRING = r'"(?:[^"\\]|\\.)*"'
_STATEMENT = re.compile(rf"^  (?:(?:graph|node|edge) \[.*\]|{_STRING}(?: -> {_STRING})? \[.*\]);$")


def hostile_map() -> ArgumentMap:
    text = 'He said "no" \\ then\nleft; } { -> [x] <b>'
    return ArgumentMap.model_validate(
        {
            "title": text,
            "question": "Q?",
            "sources": [{"id": "s", "title": "S", "kind": "article"}],
            "actors": [{"id": "a", "name": "A", "kind": "person"}],
            "claims": [
                {
                    "id": i,
                    "statement": text,
                    "source": "s",
                    "actor": "a",
                    "quote": "q",
                    "kind": "thesis" if i == "x" else "claim",
                }
                for i in ("x", "y", "z")
            ],
            "relations": [
                {"id": "r1", "type": "attacks", "from": "y", "to": "x"},
                {"id": "r2", "type": "undercuts", "from": "z", "to": "r1"},
            ],
        }
    )


def test_every_line_is_a_well_formed_statement() -> None:
    for m in (hostile_map(), read_map(CYBERCRIME_MAP).map):
        lines = generate_dot(m).splitlines()
        assert lines[0] == 'digraph "argmap" {' and lines[-1] == "}"
        bad = [line for line in lines[1:-1] if not _STATEMENT.match(line)]
        assert bad == []


def test_text_is_escaped_and_undercut_goes_to_a_point_node() -> None:
    dot = generate_dot(hostile_map())
    assert '\\"no\\" \\\\ then\\nleft; } { -> [x] <b>' in dot
    assert '"r1" [shape=point' in dot
    assert '"y" -> "r1" [color="#c62828", arrowhead=none' in dot
    # Styles come from argmap.vocabulary, as in the app: attacks dashed, undercuts dotted purple.
    assert '"r1" -> "x" [color="#c62828", style=dashed, id="r1"]' in dot
    assert '"z" -> "r1" [color="#7b1fa2", style=dotted, id="r2"]' in dot


def test_graphviz_accepts_it() -> None:
    for m in (hostile_map(), read_map(CYBERCRIME_MAP).map):
        done = subprocess.run(
            ["dot", "-Tsvg"], input=generate_dot(m), capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        assert "<svg" in done.stdout
