"""The slide deck product: the question and theses first, one slide per exchange; made
through the products registry by ``argmap make``."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from pptx import Presentation

from argmap.analysis import demo_graph
from argmap.graph import to_map
from argmap.products.deck import generate_deck, slides, write_deck
from argmap.products.registry import Request, products
from argmap.semantics.reading import Reading
from argmap.store.yaml_map import read_map_text
from tests.conftest import SMALL_MAP

ROOT = Path(__file__).resolve().parents[2]


def _texts(data: bytes) -> list[tuple[str, list[str]]]:
    deck = Presentation(io.BytesIO(data))
    out = []
    for slide in deck.slides:
        title = slide.shapes.title.text
        body = [p.text for s in slide.placeholders if s != slide.shapes.title
                for p in s.text_frame.paragraphs]  # fmt: skip
        out.append((title, body))
    return out


def test_question_and_theses_first_then_one_slide_per_exchange() -> None:
    m = to_map(demo_graph())
    data = generate_deck(m)
    made = _texts(data)
    assert made[0] == (m.question, [m.title])
    assert made[1][0] == "Thesis" and made[1][1][0] == "We should join."
    # One exchange per claim or link that something bears on, every relation in one of them.
    targets = {r.to for r in m.relations}
    exchanges = [t for t, _ in made if t.startswith("Exchange")]
    assert exchanges == [f"Exchange {k} of {len(targets)}" for k in range(1, len(targets) + 1)]
    said = [line for _, body in made[2:] for line in body[1:]]
    assert len(said) == len(m.relations)
    assert all(line.split(" it: ")[0] in ("Supports", "Attacks", "Undercuts") for line in said)
    # The first: the thesis, and both claims that bear on it, in the mapper's words.
    body = made[2][1]
    assert body[0] == "On: We should join."
    assert any(line.startswith("Attacks it: Joining costs too much. (Jo") for line in body)
    assert any(line.startswith("Supports it: ") for line in body)
    # An undercut names the link it cuts; the quotes are in the speaker's notes.
    undercut = next(b for _, b in made if b[0].startswith("On the link"))
    assert undercut[0] == "On the link: “Joining costs too much.” attacks “We should join.”"
    deck = Presentation(io.BytesIO(data))
    notes = deck.slides[2].notes_slide.notes_text_frame.text
    assert "Jo: “Joining costs too much.”" in notes


def test_map_text_stays_text_and_statuses_follow_the_semantics(tmp_path: Path) -> None:
    m = read_map_text(SMALL_MAP, "m.yaml", editable=False).map
    odd = m.claims[0].model_copy(update={"statement": "<b>Join</b> & {x} now."})
    m = m.model_copy(update={"claims": [odd, *m.claims[1:]]})
    path = tmp_path / "d.pptx"
    write_deck(m, path, "preferred")
    made = _texts(path.read_bytes())
    assert any("<b>Join</b> & {x} now." in body for _, body in made)
    assert any(line.startswith("Status (preferred): ") for _, body in made for line in body)
    assert slides(m)[0].title == m.question


def test_the_registry_declares_the_deck_and_argmap_make_makes_it(tmp_path: Path) -> None:
    deck = products()["deck"]
    assert deck.output_for("talk.PPTX") is not None and deck.output_for("talk.ppt") is None
    assert deck.missing(Request()) == []
    assert deck.make(to_map(demo_graph()), Request(), ".pptx")[:2] == b"PK"
    source = tmp_path / "m.yaml"
    source.write_text(SMALL_MAP, encoding="utf-8")

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "argmap.cli", "make", *map(str, args)],
            capture_output=True, text=True, timeout=60, cwd=ROOT,
        )  # fmt: skip

    out = tmp_path / "talk.pptx"
    done = run("deck", source, "-o", out)
    assert done.returncode == 0, done.stderr
    assert _texts(out.read_bytes())[0][0] == "Should we join?"
    wrong = run("deck", source, "-o", tmp_path / "talk.ppt")
    assert wrong.returncode == 1 and "deck makes .pptx, not .ppt" in wrong.stderr
    unknown = run("slides", source, "-o", out)
    names = ", ".join(products())
    assert unknown.returncode == 1 and f"choose one of: {names}" in unknown.stderr


def test_every_registered_product_makes_each_of_its_outputs() -> None:
    import re
    import tomllib

    m = to_map(demo_graph())
    request = Request(Reading(semantics="preferred"), thesis="thesis", side="against")
    starts = {".pptx": b"PK", ".docx": b"PK", ".xlsx": b"PK", ".pdf": b"%PDF", ".html": b"<!",
              ".md": b"# ", ".json": b"[", ".csv": b"1AC"}  # fmt: skip
    made = products()
    assert {"brief", "deck", "flow", "page", "questions", "timeline"} <= set(made)
    for product in made.values():
        assert product.missing(request) == []
        for output in product.outputs:
            data = product.make(m, request, output.suffix)
            assert data[:4].lower().startswith(starts[output.suffix].lower()), (product, output)
    # Each module declaring a PRODUCT is registered in pyproject.toml, and only those.
    table = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]
    registered = {v.split(":")[0] for v in table["argmap.products"].values()}
    declaring = {
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in (ROOT / "argmap").rglob("*.py")
        if re.search(r"^PRODUCT = Product\(", p.read_text(encoding="utf-8"), re.M)
    }
    assert declaring == registered


def test_argmap_brief_offers_the_brief_products_outputs(tmp_path: Path) -> None:
    source = tmp_path / "m.yaml"
    source.write_text(SMALL_MAP, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "argmap.cli", "brief", str(source), "--thesis", "join",
         "--side", "for", "-o", str(tmp_path / "b.txt")],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip
    *rest, last = [o.suffix for o in products()["brief"].outputs]
    said = f"b.txt: brief makes {', '.join(rest)} or {last}, not .txt"
    assert done.returncode == 1 and said in done.stderr
