"""`needs` is bounded by a budget of solver work, not by the clock (issue 27): the same map
gives the same answer on a busy machine, and says when the budget ran out."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from argmap.analysis import WhatIf
from argmap.analysis.needs import needs, stands_under
from argmap.cli import app
from argmap.graph import to_graph
from argmap.model import ArgumentMap
from argmap.store.yaml_map import write_map
from bench.bench_semantics import make_map


@pytest.fixture(scope="module")
def big() -> object:
    # 500 debate-shaped claims: c0's smallest sets take more than the default budget to prove
    return to_graph(ArgumentMap.model_validate(make_map(500)))


def burn(seconds: float) -> list[subprocess.Popen[bytes]]:
    """Two busy processes, one per core of the machine this runs on."""
    loop = f"import time\nend = time.time() + {seconds}\nwhile time.time() < end: pass"
    return [subprocess.Popen([sys.executable, "-c", loop]) for _ in range(2)]


def test_same_answer_under_cpu_load(big: object) -> None:
    quiet = needs(big, "c0")  # type: ignore[arg-type]
    assert not quiet.complete and "budget ran out" in quiet.message
    burners = burn(120)
    try:
        busy = needs(big, "c0")  # type: ignore[arg-type]
    finally:
        for p in burners:
            p.kill()
            p.wait()
    assert busy == quiet
    for s in quiet.reject:  # what it found works, budget or not
        assert stands_under(big, "c0", WhatIf(rejected=s))  # type: ignore[arg-type]


def test_a_bigger_budget_proves_more(big: object) -> None:
    small = needs(big, "c250", budget=20)  # type: ignore[arg-type]
    full = needs(big, "c250", budget=None)  # type: ignore[arg-type]
    assert not small.complete and full.complete and full.message == ""
    # proven smallest: no set the small budget found is smaller than the proven ones
    assert min(map(len, full.reject)) <= min(map(len, small.reject))
    assert all(stands_under(big, "c250", WhatIf(rejected=s)) for s in small.reject)  # type: ignore[arg-type]


def test_the_cli_says_when_the_budget_ran_out(big: object, tmp_path: object) -> None:
    path = tmp_path / "m.yaml"  # type: ignore[operator]
    write_map(ArgumentMap.model_validate(make_map(500)), path)
    out = CliRunner().invoke(app, ["needs", str(path), "c0"])
    assert out.exit_code == 0, out.output
    assert "The search budget ran out" in out.output
    data = CliRunner().invoke(app, ["needs", str(path), "c0", "--json"])
    assert '"complete": false' in data.output
