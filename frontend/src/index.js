// The argmap graph: a Streamlit component (hand-written v1 postMessage protocol) over
// cytoscape.js. Python computes positions, colours and classes; this file only draws them,
// reports clicks, and never puts map text into HTML (cytoscape labels and textContent only).
import cytoscape from "cytoscape";

const COLOURS = { supports: "#2e7d32", attacks: "#c62828", undercuts: "#7b1fa2" };

function send(type, data) {
  window.parent.postMessage({ isStreamlitMessage: true, type, ...data }, "*");
}

const STYLE = [
  {
    selector: "node.claim",
    style: {
      shape: "round-rectangle",
      width: "data(w)",
      height: "data(h)",
      "background-color": "data(color)",
      "border-width": 1,
      "border-color": "#546e7a",
      label: "data(label)",
      "text-wrap": "wrap",
      "text-max-width": "data(tw)",
      "text-valign": "center",
      "text-halign": "center",
      "font-family": 'system-ui, "DejaVu Sans", sans-serif',
      "font-size": 12.5,
      color: "#1b1b1b",
    },
  },
  // Big maps: skip text when zoomed far out, it is unreadable anyway and costs most of a frame.
  { selector: "node.big", style: { "min-zoomed-font-size": 7 } },
  { selector: "node.kind-thesis", style: { "border-width": 3, "border-color": "#263238", "font-weight": "bold" } },
  { selector: "node.kind-evidence", style: { shape: "rectangle" } },
  { selector: "node.kind-proposal", style: { shape: "cut-rectangle" } },
  {
    selector: "node.question",
    style: {
      shape: "round-rectangle",
      width: "data(w)",
      height: "data(h)",
      "background-color": "#263238",
      color: "#ffffff",
      label: "data(label)",
      "text-wrap": "wrap",
      "text-max-width": "data(tw)",
      "text-valign": "center",
      "font-family": 'system-ui, "DejaVu Sans", sans-serif',
      "font-size": 14,
      "font-weight": "bold",
    },
  },
  {
    selector: "node.anchor",
    style: {
      shape: "diamond",
      width: 12,
      height: 12,
      "background-color": COLOURS.undercuts,
      "border-width": 0,
      events: "no",
    },
  },
  {
    selector: "edge",
    style: {
      width: 2,
      "curve-style": "straight",
      "target-arrow-shape": "triangle",
      "arrow-scale": 1.1,
      "line-color": "#90a4ae",
      "target-arrow-color": "#90a4ae",
    },
  },
  { selector: "edge.supports", style: { "line-color": COLOURS.supports, "target-arrow-color": COLOURS.supports } },
  {
    selector: "edge.attacks",
    style: {
      "line-color": COLOURS.attacks,
      "target-arrow-color": COLOURS.attacks,
      "line-style": "dashed",
      "line-dash-pattern": [8, 4],
      "target-arrow-shape": "tee",
    },
  },
  {
    selector: "edge.undercuts",
    style: {
      "line-color": COLOURS.undercuts,
      "target-arrow-color": COLOURS.undercuts,
      "line-style": "dotted",
      width: 2.5,
      "target-arrow-shape": "none",
    },
  },
  { selector: "edge.qlink", style: { width: 1, "line-color": "#cfd8dc", "target-arrow-shape": "none" } },
  { selector: "edge.cross", style: { opacity: 0.35, width: 1.5 } },
  { selector: ".dim", style: { opacity: 0.18 } },
  { selector: "node.match", style: { "border-width": 4, "border-color": "#f9a825" } },
  {
    selector: "node.changed",
    style: { "underlay-color": "#ff6f00", "underlay-padding": 9, "underlay-opacity": 0.55, "underlay-shape": "round-rectangle" },
  },
  {
    selector: "node.selected",
    style: {
      "border-width": 4,
      "border-color": "#1565c0",
      "underlay-color": "#1565c0",
      "underlay-padding": 6,
      "underlay-opacity": 0.25,
      "underlay-shape": "round-rectangle",
    },
  },
  { selector: "edge.sel-edge", style: { width: 4, opacity: 1 } },
  { selector: "edge.undercuts.sel-edge", style: { width: 4.5 } },
];

const root = document.getElementById("graph");
let cy = null;
let tip = null;
let legend = null;
let clicks = 0;
let lastSelected = null;
let anchors = new Map(); // relation edge id -> anchor node drawn at its midpoint

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text; // never innerHTML: texts come from map files
  return node;
}

function swatchLine(kind) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", "46");
  svg.setAttribute("height", "12");
  const line = document.createElementNS(ns, "line");
  line.setAttribute("x1", "2");
  line.setAttribute("y1", "6");
  line.setAttribute("x2", kind === "undercuts" ? "36" : "40");
  line.setAttribute("y2", "6");
  line.setAttribute("stroke", COLOURS[kind]);
  line.setAttribute("stroke-width", "2.5");
  if (kind === "attacks") line.setAttribute("stroke-dasharray", "6 3");
  if (kind === "undercuts") line.setAttribute("stroke-dasharray", "1.5 3");
  svg.appendChild(line);
  const head = document.createElementNS(ns, "path");
  const shapes = { supports: "M38 1 L45 6 L38 11 Z", attacks: "M41 0 L44 0 L44 12 L41 12 Z", undercuts: "M40 2 L44 6 L40 10 L36 6 Z" };
  head.setAttribute("d", shapes[kind]);
  head.setAttribute("fill", COLOURS[kind]);
  svg.appendChild(head);
  return svg;
}

function drawLegend(spec) {
  // A bar above the canvas, so it never hides part of the map.
  if (!legend) {
    legend = el("div", "legend");
    legend.setAttribute("data-testid", "argmap-legend");
    document.body.insertBefore(legend, root);
  }
  legend.replaceChildren();
  const relations = el("div", "legend-group");
  relations.appendChild(el("span", "legend-title", "Relations"));
  const words = { supports: "supports", attacks: "attacks", undercuts: "undercuts the link" };
  for (const kind of ["supports", "attacks", "undercuts"]) {
    const item = el("span", "legend-item");
    item.appendChild(swatchLine(kind));
    item.appendChild(el("span", "", words[kind]));
    relations.appendChild(item);
  }
  legend.appendChild(relations);
  if (spec && spec.entries && spec.entries.length) {
    const colours = el("div", "legend-group");
    colours.appendChild(el("span", "legend-title", spec.title || "Colour"));
    for (const entry of spec.entries.slice(0, 12)) {
      const item = el("span", "legend-item");
      const box = el("span", "legend-box");
      box.style.background = entry.color;
      item.appendChild(box);
      item.appendChild(el("span", "", entry.label));
      colours.appendChild(item);
    }
    if (spec.entries.length > 12) colours.appendChild(el("span", "legend-note", `+ ${spec.entries.length - 12} more`));
    legend.appendChild(colours);
  }
  if (spec && spec.notes && spec.notes.length) {
    const notes = el("div", "legend-group");
    for (const note of spec.notes) notes.appendChild(el("span", "legend-note", note));
    legend.appendChild(notes);
  }
}

function resize(height) {
  const total = height || 640;
  const bar = legend ? legend.offsetHeight : 0;
  root.style.height = `${Math.max(200, total - bar - 2)}px`;
  if (cy) cy.resize();
  send("streamlit:setFrameHeight", { height: total });
}

function toolbar() {
  const bar = el("div", "toolbar");
  bar.setAttribute("data-testid", "argmap-toolbar");
  const buttons = [
    ["Fit", "Show the whole map", () => fitView({}, true)],
    ["+", "Zoom in", () => cy.zoom({ level: cy.zoom() * 1.3, renderedPosition: centre() })],
    ["\u2212", "Zoom out", () => cy.zoom({ level: cy.zoom() / 1.3, renderedPosition: centre() })],
  ];
  for (const [label, title, action] of buttons) {
    const b = el("button", "", label);
    b.title = title;
    b.setAttribute("aria-label", title);
    b.addEventListener("click", action);
    bar.appendChild(b);
  }
  root.appendChild(bar);
}

function centre() {
  return { x: root.clientWidth / 2, y: root.clientHeight / 2 };
}

function midpoint(edge) {
  const a = edge.source().position();
  const b = edge.target().position();
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

function followAnchors(node, depth = 0) {
  // Keep each undercut's diamond on the middle of the line it undercuts while nodes move.
  if (depth > 8) return;
  node.connectedEdges().forEach((edge) => {
    const anchor = anchors.get(edge.id());
    if (anchor && anchor.inside()) {
      anchor.position(midpoint(edge));
      followAnchors(anchor, depth + 1);
    }
  });
}

function create(big, elements) {
  root.querySelectorAll(".toolbar, .tip").forEach((old) => old.remove());
  cy = cytoscape({
    container: root,
    style: STYLE,
    elements,
    layout: { name: "preset", fit: false }, // fit would measure every label: we fit ourselves
    minZoom: 0.02,
    maxZoom: 3,
    autounselectify: true,
    boxSelectionEnabled: false,
    // Large maps: draw a bitmap while panning and skip edges until the view settles.
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    pixelRatio: big ? 1 : "auto",
  });
  cy.scratch("_big", big);
  window.__cy = cy; // test hook
  cy.on("tap", "node.claim", (event) => {
    const id = event.target.id();
    select(id);
    clicks += 1;
    send("streamlit:setComponentValue", { value: { claim: id, click: clicks }, dataType: "json" });
  });
  cy.on("drag", "node", (event) => followAnchors(event.target));
  tip = el("div", "tip");
  tip.setAttribute("role", "tooltip");
  root.appendChild(tip);
  cy.on("mouseover", "node.claim", (event) => {
    const data = event.target.data();
    tip.textContent = data.full || data.label;
    const p = event.renderedPosition;
    tip.style.left = `${Math.min(p.x + 14, root.clientWidth - 330)}px`;
    tip.style.top = `${p.y + 14}px`;
    tip.style.display = "block";
  });
  cy.on("mouseout", "node.claim", () => (tip.style.display = "none"));
  cy.on("viewport", () => (tip.style.display = "none"));
  toolbar();
}

function select(id) {
  cy.batch(() => {
    cy.$(".selected").removeClass("selected");
    cy.$(".sel-edge").removeClass("sel-edge");
    if (!id) return;
    const node = cy.getElementById(id);
    if (node.nonempty()) {
      node.addClass("selected");
      node.connectedEdges().addClass("sel-edge");
    }
  });
}

function toElements(graph) {
  const nodes = graph.nodes.map((n) => ({
    group: "nodes",
    data: n.data,
    position: { x: n.x, y: n.y },
    classes: n.cls,
  }));
  const edges = graph.edges.map((e) => ({ group: "edges", data: e.data, classes: e.cls }));
  return nodes.concat(edges);
}

function update(args) {
  const graph = args.graph;
  if (cy !== null && cy.scratch("_big") !== Boolean(args.big)) {
    // Speed options are fixed at creation: a map of another size gets a new graph.
    cy.destroy();
    cy = null;
  }
  const first = cy === null;
  if (first) create(Boolean(args.big), toElements(graph)); // one bulk add: the fast path
  const wanted = new Set();
  for (const n of graph.nodes) wanted.add(n.data.id);
  for (const e of graph.edges) wanted.add(e.data.id);
  let changedSet = first;
  if (!first) cy.batch(() => {
    const gone = cy.elements().filter((ele) => !wanted.has(ele.id()));
    if (gone.nonempty()) {
      changedSet = true;
      cy.remove(gone);
    }
    const fresh = [];
    for (const ele of toElements(graph)) {
      const have = cy.getElementById(ele.data.id);
      if (have.nonempty()) {
        have.data(ele.data);
        have.classes(ele.classes);
        if (ele.position) have.position(ele.position);
      } else {
        fresh.push(ele);
      }
    }
    if (fresh.length) {
      changedSet = true;
      cy.add(fresh);
    }
  });
  anchors = new Map();
  cy.nodes(".anchor").forEach((a) => anchors.set(a.data("anchorOf"), a));
  select(args.selected);
  if (first || (changedSet && args.fit_on_change !== false)) {
    fitView(args);
  } else if (args.selected && args.selected !== lastSelected) {
    reveal(args.selected);
  }
  lastSelected = args.selected || null;
  window.__argmap = { rev: args.rev, selected: args.selected || null };
  markDrawn(args);
}

function box(nodes) {
  // From positions and sizes only: measuring 2,000 labels for a bounding box costs seconds.
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  nodes.forEach((n) => {
    const p = n.position();
    const w = (n.data("w") || 12) / 2, h = (n.data("h") || 12) / 2;
    x1 = Math.min(x1, p.x - w); x2 = Math.max(x2, p.x + w);
    y1 = Math.min(y1, p.y - h); y2 = Math.max(y2, p.y + h);
  });
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

function look(zoom, x, y) {
  // Put model point (x, y) at the centre of the view at this zoom.
  cy.viewport({ zoom, pan: { x: root.clientWidth / 2 - zoom * x, y: root.clientHeight / 2 - zoom * y } });
}

function fitView(args, whole = false) {
  const nodes = cy.nodes();
  if (nodes.empty()) return;
  const chosen = args.selected ? cy.getElementById(args.selected) : cy.collection();
  if (!whole && chosen.nonempty() && nodes.length > 60) {
    const p = chosen.position();
    look(1, p.x, p.y);
    return;
  }
  const claims = cy.nodes(".claim");
  const b = box(claims.nonempty() ? claims : nodes); // the question alone may sit far away
  const pad = 30;
  const zoom = Math.min((root.clientWidth - 2 * pad) / Math.max(b.w, 1), (root.clientHeight - 2 * pad) / Math.max(b.h, 1));
  if (!whole && zoom < 0.15) {
    // Fitted, a big map is coloured dust: start legible at the question and theses instead.
    const q = cy.nodes(".question");
    const t = box(q.nonempty() ? q : claims.nonempty() ? claims : nodes);
    look(0.7, (t.x1 + t.x2) / 2, t.y1 + (root.clientHeight / 2 - 30) / 0.7);
  } else {
    look(Math.max(cy.minZoom(), Math.min(zoom, 1.2)), (b.x1 + b.x2) / 2, (b.y1 + b.y2) / 2);
  }
}

function reveal(id) {
  const node = cy.getElementById(id);
  if (node.empty()) return;
  const p = node.renderedPosition();
  const inside = p.x >= 0 && p.y >= 0 && p.x <= root.clientWidth && p.y <= root.clientHeight;
  if (!inside || cy.zoom() < 0.5) {
    const m = node.position();
    look(Math.max(cy.zoom(), 0.9), m.x, m.y);
  }
}

function markDrawn(args) {
  let done = false;
  const mark = () => {
    if (done) return;
    done = true;
    const body = document.body;
    body.setAttribute("data-argmap-claims", String(cy.nodes(".claim").length));
    body.setAttribute("data-argmap-rev", String(args.rev ?? ""));
    body.setAttribute("data-argmap-drawn", "1");
    if (!window.__argmapTimes.drawn) window.__argmapTimes.drawn = Date.now();
  };
  cy.one("render", () => requestAnimationFrame(mark));
  setTimeout(mark, 1000); // nothing to repaint still counts as drawn
}

// Timings for the benchmark: wall-clock ms at boot, first render message and first drawing.
window.__argmapTimes = { boot: Date.now() };

window.addEventListener("message", (event) => {
  if (event.source !== window.parent) return;
  const data = event.data;
  if (!data || data.type !== "streamlit:render") return;
  const args = data.args || {};
  if (args.graph) {
    if (!window.__argmapTimes.args) window.__argmapTimes.args = Date.now();
    drawLegend(args.legend);
    resize(args.height);
    update(args);
    if (!window.__argmapTimes.built) window.__argmapTimes.built = Date.now();
  }
});

send("streamlit:componentReady", { apiVersion: 1 });
