"""A map as one self-contained, interactive HTML file: for people without Python.

The file holds everything: the app's own cytoscape bundle
(``argmap/products/drawing/component/``), its CSS, the drawing the app would send it, and the
map's text. It loads nothing (a Content Security Policy forbids any request and allows only
its own two scripts, by hash), so it works offline by double-click. Clicking a claim shows
its statement, quote, source, actor and neighbours in a side panel.

Map text can never become markup: it travels as JSON inside a
``<script type="application/json">`` with every ``<``, ``>`` and ``&`` written as a ``\\u``
escape (so no ``</script>`` can close it), and the page puts text on screen with
``textContent`` only.

>>> from argmap.analysis import demo_graph
>>> from argmap.graph import to_map
>>> page = generate_html(to_map(demo_graph()))
>>> page.startswith("<!doctype html>"), "<script src" in page, "<link" in page
(True, False, False)
>>> data = json.loads(page.split('id="argmap-data">')[1].split("</script>")[0])
>>> data["labels"]["cost"], data["claims"]["cost"]["quote"]
('in', 'Joining costs too much.')
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from pathlib import Path
from typing import Any

from argmap.model import ArgumentMap
from argmap.products.drawing import BUNDLE
from argmap.products.registry import Output, Product
from argmap.semantics.reading import Reading
from argmap.store.atomic import atomic_write_text
from argmap.vocabulary import LABELS, RELATIONS

__all__ = ["embed_json", "generate_html", "write_html"]


_PANEL_CSS = """
body { margin-right: 380px; }
#side { position: fixed; top: 0; right: 0; bottom: 0; width: 380px; box-sizing: border-box;
  overflow-y: auto; padding: 14px 16px; background: #fff; border-left: 1px solid #e0e4e8;
  font-size: 14px; line-height: 1.45; color: #1b1b1b; }
#side h1 { font-size: 18px; margin: 0 0 4px; }
#side h2 { font-size: 15px; margin: 14px 0 4px; }
#side .question { color: #455a64; margin: 0 0 8px; }
#side .meta { color: #607d8b; font-size: 12px; }
#side blockquote { margin: 8px 0; padding: 6px 10px; border-left: 4px solid #90a4ae;
  background: #f5f7f8; font-style: italic; white-space: pre-wrap; }
#side .status { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; }
#side .status.in { background: #b9e4bd; } #side .status.out { background: #f6c1c1; }
#side .status.undec { background: #fbe7a1; }
#side button.link { display: block; width: 100%; text-align: left; margin: 3px 0; padding: 4px 6px;
  border: 1px solid #e0e4e8; border-radius: 5px; background: #fafbfc; cursor: pointer;
  font: inherit; font-size: 13px; color: #1b1b1b; }
#side button.link:hover { background: #eceff1; }
#side button.back { margin-bottom: 8px; }
#side input { width: 100%; box-sizing: border-box; padding: 5px 7px; font: inherit; }
#side .tags { color: #455a64; font-size: 12px; }
"""

# The side panel. Text goes on screen through textContent only: map text is never markup.
_PANEL_JS = r"""
(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("argmap-data").textContent);
  const side = document.getElementById("side");
  const STATUS = data.words.labels;
  const VERB = data.words.relations;
  let selected = null;

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function add(parent, tag, cls, text) {
    const n = el(tag, cls, text);
    parent.appendChild(n);
    return n;
  }
  function draw(id) {
    window.postMessage({ type: "streamlit:render", args: {
      graph: data.graph, legend: data.legend, height: window.innerHeight, selected: id } }, "*");
  }
  function claimButton(parent, id, prefix) {
    const c = data.claims[id];
    const b = add(parent, "button", "link", (prefix ? prefix + " " : "") + (c ? c.statement : id));
    b.setAttribute("data-claim", id);
    b.addEventListener("click", () => show(id, true));
  }
  function relationTarget(rid) {
    // An undercut targets a relation: name the claims at its ends.
    const r = data.relations.find((x) => x.id === rid);
    return r ? r : null;
  }
  function overview() {
    selected = null;
    side.replaceChildren();
    add(side, "h1", "", data.title);
    add(side, "p", "question", data.question);
    if (data.description) add(side, "p", "", data.description);
    const n = Object.keys(data.claims).length;
    add(side, "p", "meta", `${n} claims, ${data.relations.length} relations. Colours: ` +
      `${data.semantics} semantics. Click a claim to see its quote and source.`);
    const input = add(side, "input");
    input.type = "search";
    input.placeholder = "Find a claim";
    input.setAttribute("aria-label", "Find a claim");
    const list = add(side, "div");
    const fill = () => {
      const q = input.value.trim().toLowerCase();
      list.replaceChildren();
      const ids = Object.keys(data.claims).filter(
        (id) => !q || data.claims[id].statement.toLowerCase().includes(q));
      for (const id of ids.slice(0, 60)) claimButton(list, id);
      if (ids.length > 60) add(list, "p", "meta", `and ${ids.length - 60} more: type to narrow`);
    };
    input.addEventListener("input", fill);
    fill();
  }
  function show(id, redraw) {
    const c = data.claims[id];
    if (!c) return;
    selected = id;
    side.replaceChildren();
    side.scrollTop = 0;
    const back = add(side, "button", "link back", "\u2190 Whole map");
    back.addEventListener("click", () => { overview(); draw(null); });
    const head = add(side, "p", "meta", `${c.kind} \u00b7 ${id} `);
    const label = data.labels[id];
    if (label) head.appendChild(el("span", "status " + label, STATUS[label] || label));
    add(side, "h1", "statement", c.statement);
    add(side, "blockquote", "quote", c.quote);
    const s = data.sources[c.source];
    if (s) {
      add(side, "h2", "", "Source");
      add(side, "div", "source-title", s.title);
      const bits = [s.authors && s.authors.join(", "), s.organisation, s.kind, s.date];
      add(side, "div", "meta", bits.filter(Boolean).join(" \u00b7 "));
      const via = data.sources[s.reported_in];
      if (via) add(side, "div", "meta", "Reported in: " + via.title);
      if (s.url && /^https?:\/\//.test(s.url)) {
        const a = add(side, "a", "", s.url);
        a.href = s.url;
        a.rel = "noopener noreferrer";
        a.target = "_blank";
      }
    }
    const a = data.actors[c.actor];
    if (a) {
      add(side, "h2", "", "Held by");
      add(side, "div", "actor", a.name);
      add(side, "div", "meta", a.kind + (a.description ? " \u00b7 " + a.description : ""));
    }
    if (c.tags && c.tags.length) add(side, "p", "tags", "Tags: " + c.tags.join(", "));
    if (c.note) add(side, "p", "meta", c.note);
    const into = data.relations.filter((r) => r.to === id);
    const out = data.relations.filter((r) => r.from === id);
    if (into.length) {
      add(side, "h2", "", "What bears on it");
      for (const r of into) claimButton(side, r.from, VERB[r.type] + " it:");
    }
    if (out.length) {
      add(side, "h2", "", "What it bears on");
      for (const r of out) {
        if (r.type === "undercuts") {
          const t = relationTarget(r.to);
          const from = t && (data.claims[t.from] || {}).statement;
          if (t) claimButton(side, t.to, `undercuts the link from "${from || t.from}" to:`);
        } else {
          claimButton(side, r.to, VERB[r.type] + ":");
        }
      }
    }
    if (redraw) draw(id);
  }
  window.addEventListener("message", (event) => {
    if (event.source !== window) return;
    const m = event.data;
    if (!m || m.type !== "streamlit:setComponentValue" || !m.value) return;
    if (m.value.claim) show(m.value.claim, false);
  });
  let resizing = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => draw(selected), 150);
  });
  overview();
  draw(null);
})();
"""


def embed_json(value: Any) -> str:
    """Return ``value`` as JSON that is safe inside a ``<script>`` element.

    ``<``, ``>`` and ``&`` become ``\\u`` escapes (JSON reads them back as the same text), so
    the text can never close the script or open a comment.

    >>> embed_json({"t": "</script><b>&"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    # Line and paragraph separators are legal in JSON but not in older JavaScript strings.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _payload(argument_map: ArgumentMap, reading: Reading) -> dict[str, Any]:
    from argmap.analysis import evaluate
    from argmap.graph import to_graph
    from argmap.graph.structure import Structure
    from argmap.products.drawing.colours import by_status
    from argmap.products.drawing.elements import graph_payload, legend
    from argmap.products.drawing.layout import layered_layout

    G = to_graph(argument_map)
    structure = Structure.of(G)
    layout = layered_layout(G, structure)
    try:
        labels: dict[str, str] | None = {
            c: str(label) for c, label in evaluate(G, reading).labels.items()
        }
    except Exception:  # a file without colours beats no file at all
        labels = None
    colouring = by_status(structure.claims, labels)
    graph = graph_payload(G, structure, layout, structure.claims, colouring, collapse=True)
    notes = ["Bold border: thesis · square corners: evidence · cut corners: proposal"]

    def dump(entry: Any) -> dict[str, Any]:
        return entry.model_dump(mode="json", by_alias=True, exclude_none=True)

    return {
        "title": argument_map.title,
        "question": argument_map.question,
        "description": argument_map.description,
        "semantics": reading.semantics,
        "labels": labels or {},
        "claims": {c.id: dump(c) for c in argument_map.claims},
        "sources": {s.id: dump(s) for s in argument_map.sources},
        "actors": {a.id: dump(a) for a in argument_map.actors},
        "relations": [dump(r) for r in argument_map.relations],
        "graph": graph,
        "legend": {**legend(colouring), "notes": notes},
        "words": {
            "labels": {k: terms.legend for k, terms in LABELS.items()},
            "relations": {k: style.verb for k, style in RELATIONS.items()},
        },
    }


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def _script_text(path: Path) -> str:
    """A shipped script's text, made unable to end the ``<script>`` element it goes in."""
    text = path.read_text(encoding="utf-8")
    # In the shipped code "</script" only occurs inside strings, where "<\/" means the same.
    return re.sub("</(script)", r"<\\/\1", text, flags=re.IGNORECASE)


def generate_html(argument_map: ArgumentMap, reading: Reading | str = "grounded") -> str:
    """Return one HTML page that draws the map and shows a claim's quote and source on click.

    Claims are coloured by their status under ``reading`` (a
    :class:`~argmap.semantics.reading.Reading`, or a semantics' name), as in the app. The
    page needs no network and no other file.
    """
    if isinstance(reading, str):
        reading = Reading(semantics=reading, timeout=10.0)
    bundle = _script_text(BUNDLE / "argmap-graph.js")
    worker = _script_text(BUNDLE / "elk-worker.min.js")
    css = (BUNDLE / "argmap-graph.css").read_text(encoding="utf-8")
    policy = (
        "default-src 'none'; "
        f"script-src {_sha256(bundle)} {_sha256(_PANEL_JS)}; "
        "worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; "
        "form-action 'none'"
    )
    data = embed_json(_payload(argument_map, reading))
    title = html.escape(argument_map.title)
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{css}{_PANEL_CSS}</style>\n</head>\n<body>\n"
        '<div id="graph" aria-label="Argument map"></div>\n'
        '<aside id="side" aria-live="polite"></aside>\n'
        "<noscript>This map needs JavaScript to draw.</noscript>\n"
        f'<script type="application/json" id="argmap-data">{data}</script>\n'
        # ELK's worker, as text: the bundle starts it from a blob (the page has no other file).
        f'<script type="text/plain" id="argmap-elk-worker">{worker}</script>\n'
        f"<script>{bundle}</script>\n"
        f"<script>{_PANEL_JS}</script>\n"
        "</body>\n</html>\n"
    )


def write_html(
    argument_map: ArgumentMap, path: str | os.PathLike[str], reading: Reading | str = "grounded"
) -> None:
    """Write :func:`generate_html` of the map to ``path``, atomically."""
    atomic_write_text(path, generate_html(argument_map, reading))


# argmap make page (under any reading: -s preferred, --audience ...); argmap export -o
# map.html is the same page under grounded (argmap.view.formats registers it as a format).
PRODUCT = Product(
    "page", "Standalone page (HTML)",
    "One file that draws the map and shows quotes on click; opens offline in any browser.",
    outputs=(Output(".html", "text/html", "map page (HTML)", also=(".htm",)),),
    prepare=lambda m, request: generate_html(m, request.reading),
    render=lambda page, m, request, suffix: page.encode("utf-8"),
)  # fmt: skip
