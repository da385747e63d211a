"""The pro/con outline as data and as the printable page."""

from __future__ import annotations

import html
import re

from argmap.store.yaml_map import read_map
from argmap.view.outline import find, outline, outline_html, to_json
from argmap.view.prepared import prepare
from argmap.view.status import evaluate_status
from tests.conftest import CYBERCRIME_MAP, ROOT

FIXTURES = ROOT / "tests" / "support" / "fixtures"


def test_every_claim_once_in_full_and_marks_from_the_labels() -> None:
    pm = prepare(read_map(CYBERCRIME_MAP).map, "c")
    status = evaluate_status(pm.graph, "grounded", "bipolar")
    roots = outline(pm.graph, pm.structure, status.labels, status.strength)
    full = [n.claim for r in roots for n in r.walk() if not n.repeat]
    assert sorted(full) == sorted(pm.structure.claims)  # each claim once, none lost
    for r in roots:
        for n in r.walk():
            assert n.label == status.labels[n.claim] and n.mark
            if n.repeat:  # a reference points at the claim's full place
                first = find(roots, n.claim)
                assert first is not None and first.key == n.first and not n.children
            for child in n.children:
                assert child.depth == n.depth + 1 and child.key.startswith(n.key + "/")
                rel = pm.structure.relations[child.relation or ""]
                assert rel.origin == child.claim
                assert child.stance == {"supports": "pro", "attacks": "con",
                                        "undercuts": "undercut"}[rel.type]  # fmt: skip
    # Strongest first among the pros, then among the cons.
    for r in roots:
        for n in r.walk():
            pros = [status.strength[c.claim] for c in n.children if c.stance == "pro"]
            assert pros == sorted(pros, reverse=True)
    assert to_json(roots)[0]["children"][0]["claim"] == roots[0].children[0].claim


def test_printable_page_escapes_map_text_and_nests() -> None:
    pm = prepare(read_map(FIXTURES / "hostile.yaml").map, "h")
    roots = outline(pm.graph, pm.structure)
    page = outline_html(pm.map.title, pm.map.question, roots)
    assert not re.search(r"<(script|img|svg|iframe)", page, re.I)
    for c in pm.structure.claims:
        assert html.escape(" ".join(str(pm.graph.nodes[c]["statement"]).split())) in page
    mini = prepare(read_map(FIXTURES / "mini.yaml").map, "m")
    page = outline_html("t", "q", outline(mini.graph, mini.structure))
    # The undercut of the objection's link sits one list deeper than the objection.
    regional = page.index("drafted by a regional body")
    answer = page.index("Any state may accede")
    assert page.count("<ul>", regional, answer) == 1 and "Undercuts the link" in page
