"""SVG export of a big map bounds dot's layout work (issue 27) and still draws every claim."""

from __future__ import annotations

import re

import pytest
import yaml

from argmap.model import ArgumentMap
from argmap.readwrite.svg import BOUNDED_FROM, find_dot, generate_svg, layout_options
from tests.support.mapgen import generate_map_text

pytestmark = pytest.mark.skipif(find_dot() is None, reason="Graphviz's dot is not installed")


def test_small_maps_keep_dots_full_layout() -> None:
    assert layout_options(BOUNDED_FROM - 1) == []
    assert "-Gnslimit=0.3" in layout_options(1000)  # 300 rounds of 1,000 nodes


def test_a_big_map_is_drawn_whole_with_the_bounded_layout() -> None:
    m = ArgumentMap.model_validate(yaml.safe_load(generate_map_text(BOUNDED_FROM + 100)))
    svg = generate_svg(m)
    drawn = set(re.findall(r'<g id="node\d+" class="node">\s*<title>([^<]+)</title>', svg))
    assert drawn >= {c.id for c in m.claims}
    # every node has its own box: no two claims' label boxes share a top-left corner
    corners = re.findall(
        r'<g id="node\d+" class="node">.*?<path[^>]* d="M([\d.]+),([\d.-]+)', svg, re.S
    )
    assert len(corners) >= len(m.claims)
    assert len(set(corners)) == len(corners)
