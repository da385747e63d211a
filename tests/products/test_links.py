"""Link suggestions: ranked by meaning and the debate's structure, typed, never applied."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from argmap.cli import app
from argmap.model import ArgumentMap, Claim, RelationType
from argmap.products.links import LinkSuggester, suggest_links, thesis_sides
from argmap.store.yaml_map import read_map
from tests.conftest import CYBERCRIME_MAP

runner = CliRunner()


def _cyber() -> ArgumentMap:
    return read_map(CYBERCRIME_MAP).map


def test_a_new_claim_by_an_opponent_is_offered_as_an_attack_on_the_thesis(
    small_map_file: Path,
) -> None:
    m = read_map(small_map_file).map
    new = Claim(id="new", statement="Joining would cost us dearly.", source="paper-2011",
                actor="jo", quote="costs: too much")  # fmt: skip
    found = {s.target: s for s in suggest_links(m, new, 3)}
    # Jo's own claim is backed; the government's thesis, which Jo opposes, is attacked.
    assert (
        found["too-costly"].type == "supports" and "the same actor" in found["too-costly"].reasons
    )
    assert found["join"].type == "attacks" and "their actors are opponents" in found["join"].reasons
    assert len(m.relations) == 2  # nothing was added


def test_claims_already_linked_are_not_suggested_again() -> None:
    m = _cyber()
    relation = next(r for r in m.relations if r.type is RelationType.attacks)
    targets = [s.target for s in suggest_links(m, relation.from_, 50)]
    assert relation.to not in targets and relation.from_ not in targets


def test_hidden_relations_are_often_recovered_and_beat_word_overlap() -> None:
    # The benchmark's measure, as a floor: structure and meaning beat word overlap alone.
    m = _cyber()
    suggester = LinkSuggester(m)
    hidden = [r for r in m.relations if r.type is not RelationType.undercuts]
    hits = {"full": 0, "words": 0}
    for relation in hidden:
        rest = [r for r in m.relations if r.id != relation.id]
        for method in hits:
            found = suggester.suggest(m.claim(relation.from_), 3, relations=rest,
                                      method=method)  # type: ignore[arg-type]  # fmt: skip
            hits[method] += relation.to in [s.target for s in found
                                            if s.type == relation.type.value]  # fmt: skip
    assert hits["full"] > 1.5 * hits["words"] > 0
    assert hits["full"] / len(hidden) > 0.2


def test_sides_flip_along_attacks() -> None:
    m = _cyber()
    sides = thesis_sides(m.claims, m.relations)
    r = next(r for r in m.relations if r.type is RelationType.attacks and r.to in
             {c.id for c in m.claims if c.kind.value == "thesis"})  # fmt: skip
    assert sides[r.from_][r.to] == -1 and sides[r.to][r.to] == 1


def test_cli_json_and_unknown_claim(small_map_file: Path) -> None:
    result = runner.invoke(app, ["suggest-links", str(small_map_file), "cheap-enough",
                                 "--json", "--top", "2"])  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 2 and {r["type"] for r in rows} <= {"supports", "attacks"}
    bad = runner.invoke(app, ["suggest-links", str(small_map_file), "cheap-enuf"])
    assert bad.exit_code == 1 and "did you mean 'cheap-enough'" in bad.output
