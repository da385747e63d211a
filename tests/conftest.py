"""Shared fixtures: small valid maps and the location of the articles of the first map."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run (set HYPOTHESIS_PROFILE=explore to let
# them roam): a red build then always reproduces, and a failure found while exploring is kept
# as an explicit regression test beside its property.
settings.register_profile("ci", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parents[1]
MAPS = ROOT / "maps"
CYBERCRIME_MAP = MAPS / "cybercrime-treaties.yaml"
SOURCES = Path(os.environ.get("ARGMAP_SOURCES", ROOT.parent / "shared" / "sources"))

# A small map in the house style, with a comment on every level a person might write one.
SMALL_MAP = """\
# yaml-language-server: $schema=../schema/argmap-map.schema.json
argmap: 1
title: Small demo   # a trailing comment
question: "Should we join?"
description: >
  A folded description
  over two lines.
sources:
  - id: article-2011
    title: "An article: with a colon"
    kind: article
    date: 2011
    text_file: article.txt
  # Known only through the article.
  - id: paper-2011
    title: A paper
    authors: [Jo Author]
    kind: paper
    reported_in: article-2011
actors:
  - id: jo
    name: Jo Author
    kind: person
    sources: [paper-2011]
  - id: gov
    name: A government
    kind: government
claims:
  - id: join
    statement: We should join.
    kind: thesis
    source: article-2011
    actor: gov
    quote: “join now”
    tags: [policy]
  - id: too-costly
    statement: Joining costs too much.
    source: paper-2011
    actor: jo
    quote: 'costs: too much'
  - id: cheap-enough
    statement: The cost is small.
    kind: evidence
    source: article-2011
    actor: gov
    quote: a small cost
relations:
  - id: r-cost
    type: attacks
    from: too-costly
    to: join
    note: Cost is the main objection.
  - id: r-cheap
    type: undercuts
    from: cheap-enough
    to: r-cost
"""


@pytest.fixture
def small_map_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL_MAP, encoding="utf-8")
    return path


@pytest.fixture
def saved_downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """The files the app's download buttons offer, by file name, as AppTest runs a page
    (Streamlit stores each in its media storage under that name)."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    saved: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self: object, data: object, mimetype: str, kind: str,
               filename: str | None = None) -> str:  # fmt: skip
        if filename:
            saved[filename] = bytes(data)  # type: ignore[call-overload]
        return original(self, data, mimetype, kind, filename)  # type: ignore[arg-type]

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return saved
