"""dump_fresh writes a fresh map line by line: it must mean exactly what libyaml's dump of
the same data means, to argmap's reader (YAML 1.2) and to PyYAML (1.1) alike."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings

from argmap.model import ArgumentMap
from argmap.store import yaml_map
from argmap.store.yaml_map import dump_fresh, read_map_text
from tests.conftest import CYBERCRIME_MAP, SMALL_MAP
from tests.readwrite.test_roundtrips import maps


def _libyaml(m: ArgumentMap) -> str:
    lean = m.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    data = {"argmap": m.argmap, **lean}
    return str(
        yaml.dump(
            data, Dumper=yaml_map._fresh_dumper(), sort_keys=False, allow_unicode=True, width=4096
        )
    )


def _same(m: ArgumentMap) -> None:
    ours, theirs = dump_fresh(m), _libyaml(m)
    assert yaml.safe_load(ours) == yaml.safe_load(theirs)
    assert read_map_text(ours, "m.yaml").map == read_map_text(theirs, "m.yaml").map


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(maps())
def test_fresh_yaml_means_what_libyaml_writes(m: ArgumentMap) -> None:
    _same(m)


def test_real_maps_and_awkward_words() -> None:
    for text in (SMALL_MAP, CYBERCRIME_MAP.read_text(encoding="utf-8")):
        _same(read_map_text(text, "m.yaml", editable=False).map)
    m = read_map_text(SMALL_MAP, "m.yaml", editable=False).map
    for word in ["No", "on", "2011", "0E0", "1e5", "~", "null", "a: b", "a #b", "x ", " x",
                 "[1]", "{a}", "-x", "?x", "'q'", '"q"', "é", "a\u2028b", "tab\there",
                 "line\nbreak", "back\\slash", "1_000", "2011-01-01", ".5", "y", "<<"]:  # fmt: skip
        claim = m.claims[0].model_copy(update={"statement": word, "note": word})
        _same(m.model_copy(update={"claims": [claim, *m.claims[1:]]}))
