"""The Edit and Import/export pages under Streamlit's AppTest, on copies of fixture maps."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from argmap.app.main import page_path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "support" / "fixtures"
OLD = "A broad UN treaty risks legitimising surveillance of journalists and dissidents."


@pytest.fixture
def maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(FIXTURES / "mini.yaml", tmp_path / "mini.yaml")
    monkeypatch.setenv("ARGMAP_MAPS_DIR", str(tmp_path))
    return tmp_path


def open_page(page: str = "edit", **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page_path(page))
    at.run()
    assert not at.exception, at.exception
    return at


def by_label(widgets: Any, label: str) -> Any:
    found = [w for w in widgets if w.label == label]
    assert len(found) == 1, [w.label for w in widgets]
    return found[0]


def flat(node: Any) -> list[Any]:
    """Every element under ``node``, in page order."""
    children = getattr(node, "children", None)
    if not children:
        return [node]
    return [e for key in sorted(children) for e in flat(children[key])]


def button(at: AppTest, label: str) -> Any:
    return by_label(at.button, label)


def pick(at: AppTest, claim: str) -> AppTest:
    at.selectbox(key="edit_entry_claims").set_value(claim).run()
    assert not at.exception, at.exception
    return at


def plain(text: str) -> str:
    """Markdown-escaped text as it reads on screen."""
    return re.sub(r"\\(.)", r"\1", text)


def errors(at: AppTest) -> list[str]:
    return [plain(e.value) for e in at.error]


def captions(at: AppTest) -> str:
    return " | ".join(plain(c.value) for c in at.caption)


def successes(at: AppTest) -> str:
    return " | ".join(plain(c.value) for c in at.success)


def test_edit_a_statement_changes_only_that_line(maps: Path) -> None:
    path = maps / "mini.yaml"
    before = path.read_text(encoding="utf-8")
    at = pick(open_page(map="mini"), "rights-risk")
    assert by_label(at.text_area, "Statement").value == OLD
    by_label(at.text_area, "Statement").set_value("A broad UN treaty could shield repression.")
    button(at, "Apply").click().run()
    assert not errors(at)
    assert path.read_text(encoding="utf-8") == before  # applied, not saved yet
    assert "Unsaved: changed claim rights-risk" in captions(at)
    button(at, "Save to file").click().run()
    assert not at.exception and "Saved mini.yaml" in successes(at)
    after = path.read_text(encoding="utf-8")
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert changed == [
        (f"    statement: {OLD}", "    statement: A broad UN treaty could shield repression.")
    ]
    assert after.startswith("# A small test map in the house style")
    # The map page shows the new version (its caches are keyed on the file's content).
    at.switch_page(page_path("map")).run()
    assert not at.exception
    assert any(
        n["data"].get("full", n["data"]["label"]).replace("\n", " ").startswith("A broad UN")
        for n in _nodes(at)
    )


def _nodes(at: AppTest) -> list[dict[str, Any]]:
    import json

    component = at.get("component_instance")[0]
    return json.loads(component.proto.json_args)["graph"]["nodes"]


def test_bad_edit_shows_the_error_beside_the_field_and_saves_nothing(maps: Path) -> None:
    path = maps / "mini.yaml"
    before = path.read_text(encoding="utf-8")
    at = open_page(map="mini")
    # An actor id typed into the box that no actor has. AppTest cannot type into a selectbox,
    # so the typed value is put in the field's state before the form is drawn.
    at.session_state[f"ed-{at.session_state['edit_gen']}-claims-rights-risk-actor"] = "rigths"
    pick(at, "rights-risk")
    button(at, "Apply").click().run()
    assert errors(at) == [
        "unknown actor 'rigths'; did you mean 'rights'? (expected the id of an entry under actors:)"
    ]
    # The error sits right under the field it concerns.
    order = [(n.type, getattr(n, "label", None)) for n in flat(at.main)]
    assert order[order.index(("selectbox", "Actor")) + 1][0] == "error"
    by_label(at.text_input, "Tags").set_value("Human Rights")
    button(at, "Apply").click().run()
    assert any("'Human' is not valid here" in e for e in errors(at))  # the tag, first
    assert by_label(at.selectbox, "Actor").value == "rigths"  # the input is kept to fix
    assert "No unsaved changes." in captions(at)
    assert button(at, "Save to file").disabled
    assert path.read_text(encoding="utf-8") == before


def test_add_a_relation_and_remove_a_claim_with_its_relations(maps: Path) -> None:
    at = open_page(map="mini")
    at.radio(key="edit_section").set_value("relations").run()
    by_label(at.text_input, "Id").set_value("r-new")
    by_label(at.selectbox, "Type").set_value("attacks")
    by_label(at.selectbox, "From claim").set_value("rights-risk")
    by_label(at.selectbox, "To").set_value("budapest-works")
    button(at, "Add relation").click().run()
    assert not errors(at) and at.selectbox(key="edit_entry_relations").value == "r-new"
    at.radio(key="edit_section").set_value("claims").run()
    pick(at, "rights-risk")
    button(at, "Remove claim").click().run()
    assert any("relations use it" in e for e in errors(at))
    by_label(at.checkbox, at.checkbox[0].label).check()
    button(at, "Remove claim").click().run()
    assert not errors(at) and at.selectbox(key="edit_entry_claims").value == "__new__"
    button(at, "Save to file").click().run()
    text = (maps / "mini.yaml").read_text(encoding="utf-8")
    assert "id: rights-risk" not in text and "r-new" not in text  # r-new used it too
    button(at, "Undo (2)").click().run()  # the removal comes back, unsaved
    assert "Unsaved: added claim rights-risk" in captions(at)


def test_conflict_refuses_then_merges(maps: Path) -> None:
    path = maps / "mini.yaml"
    at = pick(open_page(map="mini"), "rights-risk")
    by_label(at.text_area, "Statement").set_value("Ours.")
    button(at, "Apply").click().run()
    # Someone else changes another claim in the file meanwhile (a git pull, another tab).
    theirs = path.read_text(encoding="utf-8").replace(
        'quote: "drafted without us"', 'quote: "drafted without us"  # checked'
    )
    assert "# checked" in theirs
    path.write_text(theirs.replace("kind: speech", "kind: statement", 1), encoding="utf-8")
    button(at, "Save to file").click().run()
    assert not at.exception
    message = " ".join(errors(at))
    assert "changed on disk since you opened it" in message and "nothing was saved" in message
    assert "changed source speech-2019" in message
    assert path.read_text(encoding="utf-8") == theirs.replace("kind: speech", "kind: statement", 1)
    button(at, "Merge (keep both)").click().run()
    assert "Merged" in successes(at)
    final = path.read_text(encoding="utf-8")
    assert "statement: Ours." in final and "kind: statement" in final and "# checked" in final


def test_conflict_on_the_same_claim_offers_reload_or_overwrite(maps: Path) -> None:
    path = maps / "mini.yaml"
    at = pick(open_page(map="mini"), "rights-risk")
    by_label(at.text_area, "Statement").set_value("Ours.")
    button(at, "Apply").click().run()
    path.write_text(path.read_text(encoding="utf-8").replace(OLD, "Theirs."), encoding="utf-8")
    button(at, "Save to file").click().run()
    assert "cannot be merged" in " ".join(errors(at))
    assert button(at, "Merge (keep both)").disabled
    button(at, "Reload (discard mine)").click().run()
    assert "Theirs." in path.read_text(encoding="utf-8")
    assert by_label(at.text_area, "Statement").value == "Theirs."


def test_map_info_edits_are_checked(maps: Path) -> None:
    at = open_page(map="mini")
    at.radio(key="edit_section").set_value("map").run()
    by_label(at.text_input, "Question").set_value("")
    button(at, "Apply").click().run()
    assert any("missing required field 'question'" in e for e in errors(at))


def test_switching_maps_keeps_unsaved_edits(maps: Path) -> None:
    shutil.copy(FIXTURES / "hostile.yaml", maps / "hostile.yaml")
    at = pick(open_page(map="mini"), "rights-risk")
    by_label(at.text_area, "Statement").set_value("Ours.")
    button(at, "Apply").click().run()
    at.selectbox(key="map_choice").set_value("hostile").run()
    assert "No unsaved changes." in captions(at)
    at.selectbox(key="map_choice").set_value("mini").run()
    assert "Unsaved: changed claim rights-risk" in captions(at)


def test_export_and_import_page(maps: Path) -> None:
    at = open_page("exchange", map="mini")
    assert at.selectbox(key="export_format").value == "html"
    for fmt, suffix in (("iccma", ".af"), ("argdown", ".argdown"), ("aif", ".aif.json"),
                        ("graphml", ".graphml")):  # fmt: skip
        at.selectbox(key="export_format").set_value(fmt).run()
        assert not at.exception and not at.error, fmt
        [download] = [b for b in at.get("download_button") if b.proto.label.endswith(suffix)]
        assert download.proto.label == f"Download mini{suffix}"


def test_the_exchange_page_offers_every_product_of_the_map(
    maps: Path, saved_downloads: dict[str, bytes]
) -> None:
    from argmap.products.deck import slides
    from argmap.products.registry import Request, products
    from argmap.semantics.reading import Reading
    from argmap.store.yaml_map import read_map
    from tests.products.test_deck import _texts

    at = open_page("exchange", map="mini")
    m = read_map(maps / "mini.yaml").map
    whole_map = [p for p in products().values() if not p.needs]
    assert {"deck", "page", "questions", "timeline"} <= {p.name for p in whole_map}
    labels = [b.proto.label for b in at.get("download_button")]
    for product in whole_map:
        for output in product.outputs:
            name = f"{product.name}-mini{output.suffix}"
            if output.slow:  # built when asked for
                assert f"Download {output.label}" not in labels
                at.button(key=f"mk_{product.name}{output.suffix}").click().run()
            assert f"Download {output.label}" in [b.proto.label for b in at.get("download_button")]
            if product.name == "deck":  # python-pptx stamps the time: compare the slides
                titles = [t[0] for t in _texts(saved_downloads[name])]
                assert titles == [s.title for s in slides(m)]
            else:  # the very file argmap make writes under the same (default) reading
                expected = product.make(m, Request(Reading(timeout=10.0)), output.suffix)
                assert saved_downloads[name] == expected, name


NGO_TEXT = (
    "Rights Groups on the Draft Treaty\n\n"
    "The draft was tabled in the spring. Its article on data retention runs to four pages.\n"
    "Human rights organisations warn that a broad treaty could become a tool for repression\n"
    "of reporters and activists. Delegates are expected to vote in the autumn."
)


def test_suggest_a_quote_fills_the_quote_from_the_claims_source(
    maps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = maps / "mini.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("    kind: statement\n    date: 2021\n",
                     "    kind: statement\n    date: 2021\n    text_file: ngo.txt\n"),
        encoding="utf-8",
    )  # fmt: skip
    sources = maps / "texts"
    sources.mkdir()
    (sources / "ngo.txt").write_text(NGO_TEXT, encoding="utf-8")
    monkeypatch.setenv("ARGMAP_SOURCES", str(sources))
    at = pick(open_page(map="mini"), "rights-risk")
    button(at, "Suggest a quote").click().run()
    assert not at.exception, at.exception
    expected = (
        "Human rights organisations warn that a broad treaty could become a tool for "
        "repression of reporters and activists."
    )
    assert by_label(at.text_area, "Quote").value == expected
    assert any("Quote suggested from ngo.txt" in _plain(i.value) for i in at.info)
    button(at, "Apply").click().run()  # the suggestion is a quote the map accepts
    assert not errors(at)
    assert "Unsaved: changed claim rights-risk" in captions(at)


def test_suggest_a_quote_says_why_there_is_none(
    maps: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_SOURCES", str(maps))
    at = pick(open_page(map="mini"), "rights-risk")
    button(at, "Suggest a quote").click().run()
    assert by_label(at.text_area, "Quote").value == "a tool for repression"  # unchanged
    assert any("has no text_file" in _plain(w.value) for w in at.warning)


def _plain(markdown: object) -> str:
    return re.sub(r"\\(.)", r"\1", str(markdown))
