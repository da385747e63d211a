"""The fast reader's value limit counts each value once, aliases expanded (issue 27).

It once added a collection's contents again each time a collection closed, so a value
four levels deep counted five times and a map was refused at about a quarter of the limit.
"""

from __future__ import annotations

import pytest
import yaml

from argmap.limits import Limits
from argmap.problems import MapFileError
from argmap.store.fast_yaml import load_data
from tests.support.mapgen import generate_map_text


def composed_count(text: str) -> int:
    """Every node of the composed YAML tree (keys, values, lists, mappings), each alias
    counted as the whole node it names: the independent count the limit means."""

    def walk(node: yaml.Node) -> int:
        if isinstance(node, yaml.MappingNode):
            return 1 + sum(walk(k) + walk(v) for k, v in node.value)
        if isinstance(node, yaml.SequenceNode):
            return 1 + sum(walk(v) for v in node.value)
        return 1

    return walk(yaml.compose(text, Loader=yaml.CSafeLoader))


CASES = {
    "flat": "[1, 2, 3]\n",
    "nested": "a: [[1, 2], [3]]\nb: {c: {d: [x, y]}}\n",
    "alias": "a: &x [1, [2, 3]]\nb: *x\nc: [*x, *x]\n",
    "map": generate_map_text(40),
}


@pytest.mark.parametrize("name", CASES)
def test_limit_holds_exactly_at_the_count(name: str) -> None:
    text = CASES[name]
    count = composed_count(text)
    assert load_data(text, "m.yaml", Limits(max_nodes=count)) == yaml.safe_load(text)
    with pytest.raises(MapFileError) as err:
        load_data(text, "m.yaml", Limits(max_nodes=count - 1))
    assert f"{count - 1:,} values" in str(err.value)


def test_deep_values_count_once() -> None:
    # 1 list + 30 entries of a 4-deep chain [[[[v]]]]: 1 + 30 * 5 = 151 values
    text = "[" + ", ".join("[[[[v]]]]" for _ in range(30)) + "]\n"
    assert composed_count(text) == 151
    assert len(load_data(text, "m.yaml", Limits(max_nodes=151))) == 30
