"""The quote finder: ranked grounding passages with offsets, offline, and its quality on
labelled paraphrases (tests/fixtures/quote_finder)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app
from argmap.products.quote_finder import (
    align,
    closest_passage,
    find_passages,
    load_model,
    sentence_spans,
)
from tests.conftest import CYBERCRIME_MAP, SOURCES
from tests.quote_cases import accuracy, article_cases, hit_ranks, self_contained_cases

runner = CliRunner()


def _rank(statement: str, text: str) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in find_passages(statement, text, 5)]


def test_self_contained_paraphrases_are_found_in_the_top_three() -> None:
    cases = self_contained_cases()
    ranks = hit_ranks(cases, _rank)
    assert len(cases) >= 8
    assert accuracy(ranks, 3) >= 0.85, ranks


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the articles (shared/sources) are absent")
def test_article_paraphrases_are_found_in_the_top_three() -> None:
    cases = article_cases()
    ranks = hit_ranks(cases, _rank)
    assert len(cases) >= 20
    assert accuracy(ranks, 3) >= 0.85, ranks
    assert accuracy(ranks, 1) >= 0.5, ranks


def test_offsets_slice_the_passage_out_of_the_raw_text() -> None:
    # No-break spaces, a line break inside a sentence, curly quotes, a leading title.
    text = (
        "A Title\n\nThe U.S.\u00a0signed it in 2001.  Russia “objected” to\nthe treaty. "
        "Thirty states joined later!"
    )
    found = find_passages("Moscow opposed the agreement", text, 5)
    assert {p.passage for p in found} == {
        "A Title", "The U.S.\u00a0signed it in 2001.", "Russia “objected” to\nthe treaty.",
        "Thirty states joined later!",
    }  # fmt: skip
    assert all(text[p.start : p.end] == p.passage for p in found)
    assert found[0].passage.startswith("Russia")
    assert [p.score for p in found] == sorted((p.score for p in found), reverse=True)


def test_spans_cover_each_sentence_once() -> None:
    text = "One. Two is here. One."  # a repeated sentence keeps its own offsets
    assert sentence_spans(text) == [(0, 4), (5, 17), (18, 22)]


def test_nothing_to_search_gives_nothing() -> None:
    assert find_passages("anything", "   \n") == []
    assert find_passages("  ", "A sentence.") == []


def test_the_model_loads_without_the_network(tmp_path: Path, monkeypatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network used")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    model = load_model(tmp_path)
    assert list((tmp_path / "tokenizers").glob("*.json"))  # the shipped config, copied
    close = model.similarity("the cat sat on the mat", "a cat was sitting on a mat")
    far = model.similarity("the cat sat on the mat", "inflation rose in the bond market")
    assert close > far


def test_a_near_miss_is_aligned_to_the_words_it_differs_in() -> None:
    text = (
        "Cats sleep. The treaty has been signed by the United States and 29 European "
        "nations, but not by Russia. Dogs bark."
    )
    near = closest_passage("signed by the United State and 29 Europe nations", text)
    assert near.passage == "signed by the United States and 29 European nations"
    assert text[near.start : near.end] == near.passage
    assert 0.9 < near.score < 1.0
    exact = align("the United States", text)
    assert (exact.passage, exact.score) == ("the United States", 1.0)


def test_cli_json_gives_the_top_five_with_offsets(tmp_path: Path) -> None:
    data = self_contained_cases()[1]  # found first
    path = tmp_path / "text.txt"
    path.write_text(data.text, encoding="utf-8")
    result = runner.invoke(app, ["find-quote", data.statement, "--text", str(path), "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert len(found) == 5
    for item in found:
        assert set(item) == {"passage", "start", "end", "score"}
        assert data.text[item["start"] : item["end"]] == item["passage"]
    assert found[0]["start"] <= data.start < found[0]["end"]


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the articles (shared/sources) are absent")
def test_cli_searches_a_maps_source_through_reported_in() -> None:
    # schmidt-2011 is known through sgc-2011, whose text is searched.
    result = runner.invoke(
        app,
        ["find-quote", "Officials want more countries to join the European treaty",
         "--map", str(CYBERCRIME_MAP), "--source", "schmidt-2011", "--sources", str(SOURCES)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    top3 = result.stdout.splitlines()[:3]
    assert any("urging more nations to sign the European Convention" in line for line in top3)


def test_cli_says_what_is_missing(tmp_path: Path, small_map_file: Path) -> None:
    result = runner.invoke(app, ["find-quote", "x"])
    assert result.exit_code == 1 and "give either --text FILE" in result.stderr
    args = ["find-quote", "x", "--map", str(small_map_file), "--sources", str(tmp_path)]
    result = runner.invoke(app, [*args, "--source", "article-201"])
    assert result.exit_code == 1
    assert "no source 'article-201' in the map; did you mean 'article-2011'?" in result.stderr
    result = runner.invoke(app, [*args, "--source", "paper-2011"])
    assert result.exit_code == 1 and "no file article.txt in" in result.stderr
