// The argmap graph: a Streamlit component (hand-written v1 postMessage protocol) over
// cytoscape.js, laid out by ELK's layered algorithm (elkjs), which also routes every line
// around the cards it does not touch. Python sends the claims, their classes, colours and the
// layering tree (each claim's depth and tree parent); this file lays out what is visible,
// draws it, reports clicks, and never puts map text into HTML (cytoscape labels and
// textContent only).
//
// First sight: the question, the theses and as many theses' direct reasons and objections as
// fit at a readable size; the rest hides behind "+N below" pills that expand on click. The
// whole map is one click away; zoomed out below a readable size, claim labels give way to one
// label per thesis (semantic zoom).
import cytoscape from "cytoscape";
import ELK from "elkjs/lib/elk-api.js";

const COLOURS = { supports: "#1b7837", attacks: "#b2182b", undercuts: "#762a83" };
const FONT = 12.5; // claim label size in model pixels
const READABLE = 11; // smallest rendered label size (px) we call readable
const READ_ZOOM = READABLE / FONT; // below this zoom, claim labels give way to cluster labels
const FIRST_ZOOM = 0.92; // the first sight is laid out to fit at this zoom or more
const STEP_ZOOM = 16 / FONT; // the step-through draws labels at 16 px, for the back of a room
const MAX_ZOOM_FIT = 1.15;
const PILL_ROOM = 14; // below a card with a "+N below" pill, kept free of lines
const CLUSTER_FONT = 15; // rendered px of a cluster label, whatever the zoom
const CLUSTER_WIDTH = 230; // rendered px
const SMALL_MAP = 40; // claims: try the whole map at first sight, it may fit
const SHORT_ROOM = 760; // px from the frame's top to the window's bottom: below, no notes line
const LEGEND_ALLOWANCE = 50; // px: the status legend's two lines (the notes go on short windows)
const MIN_FRAME = 340; // px: the graph's frame never shrinks below this to fit a window
const QUESTION = "?question";

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
      "font-size": FONT,
      "min-zoomed-font-size": READABLE, // semantic zoom: unreadable labels are not drawn
      color: "#1b1b1b",
      "z-index": 10,
    },
  },
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
      "min-zoomed-font-size": READABLE,
      "z-index": 10,
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
      "z-index": 11,
    },
  },
  {
    selector: "node.more",
    style: {
      shape: "round-rectangle",
      width: "data(w)",
      height: 18,
      "background-color": "#ffffff",
      "border-width": 1.5,
      "border-color": "#37474f",
      label: "data(label)",
      "font-size": 11.5,
      "font-weight": "bold",
      "text-valign": "center",
      "text-halign": "center",
      "font-family": 'system-ui, "DejaVu Sans", sans-serif',
      color: "#263238",
      "min-zoomed-font-size": 6,
      "z-index": 12,
    },
  },
  { selector: "node.more:active", style: { "overlay-opacity": 0.15 } },
  {
    selector: "node.cluster",
    style: {
      width: 1,
      height: 1,
      "background-opacity": 0,
      "border-width": 0,
      label: "data(label)",
      "text-wrap": "wrap",
      "text-max-width": "data(tw)",
      "text-valign": "center",
      "text-halign": "center",
      "text-justification": "left",
      "font-size": "data(fs)",
      "font-weight": "bold",
      "font-family": 'system-ui, "DejaVu Sans", sans-serif',
      color: "#102027",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.92,
      "text-background-padding": "data(pad)",
      "text-background-shape": "round-rectangle",
      "text-border-width": 1,
      "text-border-color": "#546e7a",
      "text-border-opacity": 1,
      events: "no",
      "z-index": 20,
      display: "none",
    },
  },
  { selector: "node.cluster.far", style: { display: "element" } },
  { selector: "node.hidden, edge.hidden", style: { display: "none" } },
  {
    selector: "edge",
    style: {
      width: 2,
      "curve-style": "round-segments",
      "segment-radii": 8,
      "edge-distances": "endpoints",
      "target-arrow-shape": "triangle",
      "arrow-scale": 1.1,
      "line-color": "#90a4ae",
      "target-arrow-color": "#90a4ae",
      "z-index": 5,
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
  { selector: "edge.qlink", style: { width: 1.2, "line-color": "#b0bec5", "target-arrow-shape": "none" } },
  { selector: ".dim", style: { opacity: 0.18 } },
  { selector: "node.match", style: { "border-width": 4, "border-color": "#f9a825" } },
  {
    selector: "node.changed",
    style: { "underlay-color": "#ff6f00", "underlay-padding": 9, "underlay-opacity": 0.55, "underlay-shape": "round-rectangle" },
  },
  {
    selector: "node.new",
    style: { "underlay-color": "#1e88e5", "underlay-padding": 8, "underlay-opacity": 0.45, "underlay-shape": "round-rectangle" },
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

// ELK's layered algorithm, right to left: the question at the left, the theses next, and each
// claim to the right of what it bears on, so lines run between columns of cards.
const ELK_OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "LEFT",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.randomSeed": "1",
  "elk.spacing.nodeNode": "16",
  "elk.spacing.edgeNode": "12",
  "elk.spacing.edgeEdge": "7",
  "elk.layered.spacing.nodeNodeBetweenLayers": "46",
  "elk.layered.spacing.edgeNodeBetweenLayers": "14",
  "elk.layered.spacing.edgeEdgeBetweenLayers": "7",
  // Measured on the cybercrime map (91 claims, 130 lines): 104 crossings this way, 217 with
  // ELK's defaults; keeping the map's order of claims (considerModelOrder) adds more.
  "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
  "elk.layered.cycleBreaking.strategy": "DEPTH_FIRST",
  "elk.layered.thoroughness": "40",
  "elk.separateConnectedComponents": "false",
  "elk.padding": "[top=10,left=10,bottom=10,right=10]",
};

// ELK runs in a Web Worker: its 1.6 MB of compiled Java is parsed, and its first (slow,
// unoptimised) layouts run, on another thread while this one draws. The app serves the
// worker's file beside this one; the standalone page carries its text inline.
function elkWorker() {
  const inline = document.getElementById("argmap-elk-worker");
  if (inline) {
    const code = new Blob([inline.textContent], { type: "text/javascript" });
    return new Worker(URL.createObjectURL(code));
  }
  return new Worker(new URL("elk-worker.min.js", document.baseURI));
}
const elk = new ELK({ workerFactory: elkWorker });
const root = document.getElementById("graph");
let cy = null;
let tip = null;
let legend = null;
let legendOpen = false;
let legendQuery = "";
let clicks = 0;
let lastSelected = null;
let signature = null; // the element set drawn; a new one is laid out afresh
let state = null; // the payload's nodes and edges, and what is expanded
let layoutCache = new Map(); // visible set -> laid-out positions and routes (stable on reruns)
let running = Promise.resolve();
let layouts = 0;
let userMoved = false; // set once the person pans or zooms; until then a resize refits
let lastFit = null; // how the view was last fitted, to redo after a resize

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text; // never innerHTML: texts come from map files
  return node;
}

// ---------------------------------------------------------------- legend

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

const LEGEND_SHORT = 5; // entries shown before "all N…"

function drawLegend(spec, height) {
  // A bar above the canvas, so it never hides part of the map. Names wrap, never clip.
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
  const entries = (spec && spec.entries) || [];
  if (entries.length) {
    const colours = el("div", "legend-group legend-colours");
    colours.appendChild(el("span", "legend-title", spec.title || "Colour"));
    const many = entries.length > LEGEND_SHORT;
    let search = null;
    if (many && legendOpen) {
      search = el("input", "legend-search");
      search.type = "search";
      search.placeholder = `Find a ${(spec.title || "name").toLowerCase()}`;
      search.setAttribute("aria-label", search.placeholder);
      search.setAttribute("data-testid", "argmap-legend-search");
      search.value = legendQuery;
      colours.appendChild(search);
    }
    const list = el("span", "legend-list");
    colours.appendChild(list);
    const fill = () => {
      list.replaceChildren();
      const q = legendQuery.trim().toLowerCase();
      const shown = many && !legendOpen ? entries.slice(0, LEGEND_SHORT) : entries;
      for (const entry of shown) {
        if (q && !String(entry.label).toLowerCase().includes(q)) continue;
        const item = el("span", "legend-item");
        item.title = entry.label;
        const box = el("span", "legend-box");
        box.style.background = entry.color;
        item.appendChild(box);
        item.appendChild(el("span", "legend-name", entry.label));
        list.appendChild(item);
      }
    };
    fill();
    if (search) {
      search.addEventListener("input", () => {
        legendQuery = search.value;
        fill();
        resize(height);
      });
    }
    if (many) {
      const toggle = el("button", "legend-toggle", legendOpen ? "fewer" : `all ${entries.length}\u2026`);
      toggle.setAttribute("data-testid", "argmap-legend-toggle");
      toggle.setAttribute("aria-expanded", String(legendOpen));
      toggle.addEventListener("click", () => {
        legendOpen = !legendOpen;
        if (!legendOpen) legendQuery = "";
        drawLegend(spec, height);
        resize(height);
        if (legendOpen) legend.querySelector(".legend-search")?.focus();
      });
      colours.appendChild(toggle);
    }
    legend.appendChild(colours);
  }
  // On a short window the notes give their line to the map (How to read this map says them).
  if (spec && spec.notes && spec.notes.length && windowRoom() > SHORT_ROOM) {
    const notes = el("div", "legend-group");
    for (const note of spec.notes) notes.appendChild(el("span", "legend-note", note));
    legend.appendChild(notes);
  }
}

function windowRoom() {
  // The height from the frame's top to the bottom of the browser window, so that the first
  // view is wholly on screen on a small laptop or a projector (the frame is same-origin).
  try {
    const frame = window.frameElement;
    if (!frame) return Infinity;
    const top = frame.getBoundingClientRect().top + window.parent.scrollY;
    return window.parent.innerHeight - top - 6;
  } catch (e) {
    return Infinity;
  }
}

let stableTotal = 640;
const PAGE_ABOVE = 200; // px of page above the graph's frame, about: title, question, summary

function resize(height) {
  const total = Math.max(MIN_FRAME, Math.min(height || 640, windowRoom()));
  // What the first view is chosen for depends on the window alone, not on where the page
  // has put the frame by the time it draws (which varies from load to load).
  let inner = Infinity;
  try {
    inner = window.parent.innerHeight;
  } catch (e) {
    inner = Infinity;
  }
  stableTotal = Math.max(MIN_FRAME, Math.min(height || 640, inner - PAGE_ABOVE));
  const bar = legend ? legend.offsetHeight : 0;
  root.style.height = `${Math.max(200, total - bar - 2)}px`;
  if (cy) cy.resize();
  send("streamlit:setFrameHeight", { height: total });
}

// The frame's width settles after the first drawing (Streamlit lays out its columns): fit
// again then, unless the person has moved the view meanwhile.
let resizeTimer = null;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (!cy) return;
    cy.resize();
    if (lastFit && !userMoved) lastFit();
  }, 60);
});

// ---------------------------------------------------------------- the graph

function toolbar() {
  const bar = el("div", "toolbar");
  bar.setAttribute("data-testid", "argmap-toolbar");
  const buttons = [
    ["Whole map", "Show every claim, zoomed out", "argmap-whole", () => schedule(() => showWhole())],
    ["First view", "Back to the question, the theses and what fits at a readable size", "argmap-first", () => schedule(() => showFirst())],
    ["Fit", "Fit what is shown into the view", "argmap-fit", () => fitVisible(false)],
    ["+", "Zoom in", "argmap-zoom-in", () => cy.zoom({ level: cy.zoom() * 1.3, renderedPosition: centre() })],
    ["\u2212", "Zoom out", "argmap-zoom-out", () => cy.zoom({ level: cy.zoom() / 1.3, renderedPosition: centre() })],
  ];
  for (const [label, title, id, action] of buttons) {
    const b = el("button", "", label);
    b.title = title;
    b.setAttribute("aria-label", title);
    b.setAttribute("data-testid", id);
    b.addEventListener("click", action);
    bar.appendChild(b);
  }
  // The bar sits inside the graph's container: a press on it is the bar's, never a tap on the
  // card drawn beneath it (which selected that card, and opened its branch, on a busy machine).
  for (const type of ["mousedown", "mouseup", "touchstart", "touchend", "pointerdown", "pointerup"]) {
    bar.addEventListener(type, (event) => event.stopPropagation());
  }
  root.appendChild(bar);
}

function centre() {
  return { x: root.clientWidth / 2, y: root.clientHeight / 2 };
}

function create(big) {
  root.querySelectorAll(".toolbar, .tip").forEach((old) => old.remove());
  cy = cytoscape({
    container: root,
    style: STYLE,
    elements: [],
    layout: { name: "preset", fit: false },
    minZoom: 0.02,
    maxZoom: 3,
    autounselectify: true,
    autoungrabify: true, // lines are routed for these positions: cards stay where ELK put them
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
  cy.on("tap", "node.more", (event) => {
    const of = event.target.data("of");
    schedule(() => expand(of));
  });
  tip = el("div", "tip");
  tip.setAttribute("role", "tooltip");
  root.appendChild(tip);
  cy.on("mouseover", "node.claim, node.question", (event) => {
    const data = event.target.data();
    tip.textContent = data.full || (data.label || "").replace(/\n/g, " ");
    const p = event.renderedPosition;
    tip.style.left = `${Math.max(4, Math.min(p.x + 14, root.clientWidth - 330))}px`;
    tip.style.top = `${p.y + 14}px`;
    tip.style.display = "block";
  });
  cy.on("mouseout", "node", () => (tip.style.display = "none"));
  cy.on("viewport", () => (tip.style.display = "none"));
  cy.on("viewport", () => semanticZoom()); // labels stay inside the view while panning
  // A person who pans or zooms owns the view: a resize no longer refits it.
  for (const kind of ["wheel", "mousedown", "touchstart"]) {
    root.addEventListener(kind, () => (userMoved = true), { passive: true });
  }
  toolbar();
}

function schedule(task) {
  // Layouts are asynchronous; run them one after the other, in the order asked.
  running = running.then(task).catch((err) => console.warn("argmap layout:", err));
  return running;
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

// ------------------------------------------------------------- what is visible

function makeState(graph, collapse) {
  const nodes = new Map();
  const kids = new Map(); // tree parent -> tree children, in map order
  const roots = [];
  for (const n of graph.nodes) nodes.set(n.data.id, n);
  for (const n of graph.nodes) {
    if (!n.cls.split(" ").includes("claim")) continue;
    const parent = n.data.tree;
    if (parent && nodes.has(parent)) {
      if (!kids.has(parent)) kids.set(parent, []);
      kids.get(parent).push(n.data.id);
    } else {
      roots.push(n.data.id);
    }
  }
  const below = new Map(); // claim -> every tree descendant's count
  const count = (id) => {
    if (below.has(id)) return below.get(id);
    below.set(id, 0); // a cycle cannot recurse forever
    let total = 0;
    for (const k of kids.get(id) || []) total += 1 + count(k);
    below.set(id, total);
    return total;
  };
  for (const id of nodes.keys()) count(id);
  return { graph, nodes, kids, roots, below, collapse, expanded: new Set(), mode: "first" };
}

function visibleClaims() {
  const seen = new Set();
  const stack = [...state.roots];
  while (stack.length) {
    const id = stack.pop();
    if (seen.has(id)) continue;
    seen.add(id);
    if (!state.collapse || state.expanded.has(id)) for (const k of state.kids.get(id) || []) stack.push(k);
  }
  return seen;
}

function hiddenBelow(id, visible) {
  // Tree descendants of a visible claim that are not visible.
  let n = 0;
  const stack = [...(state.kids.get(id) || [])];
  while (stack.length) {
    const k = stack.pop();
    if (!visible.has(k)) n += 1;
    for (const j of state.kids.get(k) || []) stack.push(j);
  }
  return n;
}

function visibleSet(claims) {
  // Claims, the question, the edges between visible ends and the diamonds on visible lines.
  const nodes = new Set(claims);
  for (const [id, n] of state.nodes) if (n.cls === "question") nodes.add(id);
  const edges = [];
  const anchorEdges = state.graph.edges.filter((e) => e.data.target.startsWith("@"));
  for (const e of state.graph.edges) {
    if (e.data.target.startsWith("@")) continue;
    if (nodes.has(e.data.source) && nodes.has(e.data.target)) edges.push(e);
  }
  // Undercuts: their diamond shows when the line it sits on shows (an undercut of an undercut
  // needs that undercut first), and the undercut's origin is visible.
  let added = true;
  const drawnEdges = new Set(edges.map((e) => e.data.id));
  while (added) {
    added = false;
    for (const e of anchorEdges) {
      if (drawnEdges.has(e.data.id)) continue;
      const anchor = e.data.target;
      const line = anchor.slice(1);
      if (drawnEdges.has(line) && nodes.has(e.data.source)) {
        nodes.add(anchor);
        edges.push(e);
        drawnEdges.add(e.data.id);
        added = true;
      }
    }
  }
  return { nodes, edges };
}

// ------------------------------------------------------------------ layout

function sizeOf(id, pills) {
  const n = state.nodes.get(id);
  if (n.cls === "anchor") return { w: 12, h: 12 };
  const d = n.data;
  return { w: d.w, h: d.h + (pills.has(id) ? PILL_ROOM : 0) };
}

async function layoutFor(claims) {
  const vis = visibleSet(claims);
  const pills = new Map();
  if (state.collapse) {
    for (const id of claims) {
      const n = hiddenBelow(id, claims);
      if (n) pills.set(id, n);
    }
  }
  const key = [...vis.nodes].sort().join("\n");
  if (layoutCache.has(key)) return layoutCache.get(key);
  // Lines that an undercut cuts are split at its diamond, so the diamond sits on the route.
  const anchored = new Set([...vis.nodes].filter((id) => id.startsWith("@")).map((id) => id.slice(1)));
  const order = state.graph.nodes.map((n) => n.data.id).filter((id) => vis.nodes.has(id));
  const children = order.map((id) => ({ id, width: sizeOf(id, pills).w, height: sizeOf(id, pills).h }));
  const elkEdges = [];
  // A thesis that bears on another claim stays in the theses' column: ELK lays that line out
  // the other way round (and it is drawn back the right way), so the thesis is not pushed a
  // column deeper than the question's other answers.
  const thesis = (id) => (state.nodes.get(id)?.cls || "").split(" ").includes("kind-thesis");
  const reversed = new Set();
  const sideways = []; // thesis to thesis: both stay in the column; drawn round its right
  for (const e of vis.edges) {
    const { id, source, target } = e.data;
    if (!anchored.has(id) && thesis(source) && thesis(target)) {
      sideways.push(e.data);
      continue;
    }
    if (!anchored.has(id) && thesis(source) && !thesis(target) && target !== QUESTION) {
      reversed.add(id);
      elkEdges.push({ id, sources: [target], targets: [source] });
      continue;
    }
    if (anchored.has(id)) {
      elkEdges.push({ id: `${id}\u0000a`, sources: [source], targets: [`@${id}`] });
      elkEdges.push({ id: `${id}\u0000b`, sources: [`@${id}`], targets: [target] });
    } else {
      elkEdges.push({ id, sources: [source], targets: [target] });
    }
  }
  const big = children.length > 400;
  const options = big
    ? { ...ELK_OPTIONS, "elk.layered.thoroughness": "2", "elk.layered.nodePlacement.strategy": "SIMPLE" }
    : ELK_OPTIONS;
  const started = performance.now();
  const out = await elk.layout({ id: "root", layoutOptions: options, children, edges: elkEdges });
  (window.__argmapTimes.layouts ||= []).push([children.length, Math.round(performance.now() - started)]);
  const pos = new Map();
  for (const c of out.children) {
    const h = sizeOf(c.id, pills).h;
    const card = state.nodes.get(c.id).data.h || 12;
    // A card with a pill sits at the top of its ELK box; the pill goes in the room below.
    pos.set(c.id, { x: c.x + c.width / 2, y: c.y + (pills.has(c.id) ? card / 2 : h / 2) });
  }
  const routes = new Map();
  for (const e of out.edges) {
    const [id, part] = e.id.split("\u0000");
    const pts = [];
    for (const s of e.sections || []) pts.push(s.startPoint, ...(s.bendPoints || []), s.endPoint);
    if (reversed.has(id)) pts.reverse();
    if (!routes.has(id)) routes.set(id, { a: null, b: null, whole: null });
    const r = routes.get(id);
    if (part === "a") r.a = pts;
    else if (part === "b") r.b = pts;
    else r.whole = pts;
  }
  const lines = new Map();
  for (const [id, r] of routes) lines.set(id, r.whole || [...(r.a || []), ...(r.b || [])]);
  sideways.forEach(({ id, source, target }, k) => {
    const a = pos.get(source), b = pos.get(target);
    if (!a || !b) return;
    const wa = state.nodes.get(source).data.w / 2, wb = state.nodes.get(target).data.w / 2;
    const x = Math.max(a.x + wa, b.x + wb) + 4 + 4 * Math.min(k, 2); // inside ELK's 14 px margin
    // Join the cards' facing halves (the upper one's lower half, the lower one's upper), so
    // the line stays clear of the lines that leave either card at its middle.
    const down = a.y < b.y ? 1 : -1;
    const ya = a.y + down * (10 + 4 * k), yb = b.y - down * (10 + 4 * k);
    lines.set(id, [{ x: a.x + wa, y: ya }, { x, y: ya }, { x, y: yb }, { x: b.x + wb, y: yb }]);
  });
  const result = { key, vis, pills, pos, lines, box: bounds(out, pos, pills) };
  layoutCache.set(key, result);
  return result;
}

function bounds(out, pos, pills) {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const c of out.children) {
    x1 = Math.min(x1, c.x); y1 = Math.min(y1, c.y);
    x2 = Math.max(x2, c.x + c.width); y2 = Math.max(y2, c.y + c.height + (pills.has(c.id) ? 6 : 0));
  }
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

const TOP = 40; // the toolbar's band: fitted drawings start below it
const PAD = 12;

function firstRoom() {
  // The height the first view is chosen for: the frame less a legend of standard height,
  // so that another colouring (a longer legend) opens on the same cards in the same places.
  return Math.max(120, stableTotal - LEGEND_ALLOWANCE - TOP - PAD);
}

function fitZoom(box, height = null) {
  const w = root.clientWidth - 2 * PAD, h = height ?? root.clientHeight - TOP - PAD;
  return Math.min(w / Math.max(box.w, 1), h / Math.max(box.h, 1));
}

function endpoint(p, c) {
  return `${(p.x - c.x).toFixed(2)}px ${(p.y - c.y).toFixed(2)}px`;
}

function apply(result, mask = null) {
  // Show exactly the laid-out elements at their places, lines along their routes; with a
  // mask (the step-through), only the masked part of the layout, every card where the whole
  // layout puts it.
  const { vis, pills, pos, lines } = result;
  const visibleEdges = new Set(vis.edges.map((e) => e.data.id).filter((id) => !mask || mask.edgeIds.has(id)));
  const shows = (id) => pos.has(id) && (!mask || mask.nodes.has(id));
  cy.batch(() => {
    cy.nodes(".more, .cluster").remove();
    materialise([...pos.keys()].filter(shows).map((id) => state.nodes.get(id)), vis.edges.filter((e) => visibleEdges.has(e.data.id)));
    cy.nodes().forEach((n) => {
      const p = shows(n.id()) ? pos.get(n.id()) : null;
      if (p) {
        n.position(p);
        n.removeClass("hidden");
      } else {
        n.addClass("hidden");
      }
    });
    cy.edges().forEach((e) => {
      const pts = lines.get(e.id());
      if (!visibleEdges.has(e.id()) || !pts || pts.length < 2) {
        e.addClass("hidden");
        return;
      }
      e.removeClass("hidden");
      const s = pos.get(e.source().id());
      const t = pos.get(e.target().id());
      const a = pts[0], b = pts[pts.length - 1];
      const dx = b.x - a.x, dy = b.y - a.y;
      const len = Math.hypot(dx, dy) || 1;
      const ws = [], ds = [];
      const mids = pts.slice(1, -1);
      if (!mids.length) mids.push({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
      for (const p of mids) {
        const vx = p.x - a.x, vy = p.y - a.y;
        ws.push(((vx * dx + vy * dy) / (len * len)).toFixed(4));
        ds.push(((vx * -dy + vy * dx) / len).toFixed(2)); // along cytoscape's normal (-dy, dx)
      }
      e.style({
        "source-endpoint": endpoint(a, s),
        "target-endpoint": endpoint(b, t),
        "segment-weights": ws.join(" "),
        "segment-distances": ds.join(" "),
      });
    });
    const more = [];
    for (const [id, n] of pills) {
      const p = pos.get(id);
      const d = state.nodes.get(id).data;
      const label = `+${n} below`;
      const w = 14 + label.length * 7;
      more.push({
        group: "nodes",
        data: { id: `+${id}`, of: id, label, w },
        position: { x: p.x + d.w / 2 - w / 2 - 6, y: p.y + d.h / 2 + 3 },
        classes: "more",
      });
    }
    cy.add(more);
    cy.add(clusters(result, shows));
  });
  select(lastSelected);
  semanticZoom(true);
  layouts += 1;
  document.body.setAttribute("data-argmap-layouts", String(layouts));
  document.body.setAttribute("data-argmap-visible", String([...pos.keys()].filter((id) => shows(id) && state.nodes.get(id).cls.split(" ").includes("claim")).length));
}

function clusters(result, shows) {
  // One label per thesis (each root of the layering tree): what the map shows when zoomed
  // out too far to read a claim. Placed by semanticZoom().
  const out = [];
  const visible = new Set([...result.pos.keys()].filter(shows));
  for (const id of state.roots) {
    if (!visible.has(id)) continue;
    let members = 0;
    const stack = [id];
    const seen = new Set();
    while (stack.length) {
      const k = stack.pop();
      if (seen.has(k) || !visible.has(k)) continue;
      seen.add(k);
      members += 1;
      for (const j of state.kids.get(k) || []) stack.push(j);
    }
    const d = state.nodes.get(id).data;
    const text = (d.full || d.label || "").replace(/\s+/g, " ");
    const short = text.length > 80 ? `${text.slice(0, 79).replace(/\s+\S*$/, "")}\u2026` : text;
    const p = result.pos.get(id);
    out.push({
      group: "nodes",
      data: { id: `#${id}`, of: id, label: members > 1 ? `${short} (${members} claims)` : short, fs: CLUSTER_FONT, tw: 200, pad: 3, ax: p.x, ay: p.y },
      position: { x: p.x, y: p.y },
      classes: "cluster",
    });
  }
  return out;
}

function semanticZoom(force = false) {
  // Below a readable zoom, claim labels are not drawn (min-zoomed-font-size); each thesis
  // shows its label at a constant rendered size instead, on its card, kept inside the view
  // and pushed apart so that none covers another.
  if (!cy) return;
  const z = cy.zoom();
  const far = z < READ_ZOOM;
  if (!force && !far && !cy.scratch("_far")) return;
  cy.scratch("_far", far);
  const labels = cy.nodes(".cluster");
  cy.batch(() => {
    labels.toggleClass("far", far);
    if (!far) return;
    const placed = labels.map((c) => {
      const chars = c.data("label").length;
      const lines = Math.max(1, Math.ceil((chars * CLUSTER_FONT * 0.62) / CLUSTER_WIDTH));
      return { c, y: c.data("ay"), h: (lines * CLUSTER_FONT * 1.3 + 10) / z };
    });
    placed.sort((a, b) => a.y - b.y);
    const gap = 4 / z;
    let bottom = -Infinity;
    for (const p of placed) {
      p.top = Math.max(p.y - p.h / 2, bottom + gap);
      bottom = p.top + p.h;
    }
    // Pushed down past the drawing's end: push back up from the last one.
    const end = currentBox().y2 + 20 / z;
    let limit = end;
    for (let i = placed.length - 1; i >= 0; i--) {
      const p = placed[i];
      if (p.top + p.h > limit) p.top = limit - p.h;
      limit = p.top - gap;
    }
    // ... but never above the view's top (under the toolbar band), where they would be cut.
    const ext = cy.extent();
    let floor = ext.y1 + TOP / z;
    for (const p of placed) {
      p.top = Math.max(p.top, floor);
      floor = p.top + p.h + gap;
    }
    for (const p of placed) {
      const half = CLUSTER_WIDTH / 2 / z + 6 / z;
      const x = Math.min(Math.max(p.c.data("ax"), ext.x1 + half), ext.x2 - half);
      p.c.position({ x, y: p.top + p.h / 2 });
      p.c.data({ fs: CLUSTER_FONT / z, pad: 4 / z, tw: CLUSTER_WIDTH / z });
    }
  });
}

function look(zoom, x, y) {
  // Put model point (x, y) at the centre of the view (below the toolbar band) at this zoom.
  const cx = root.clientWidth / 2, cyy = TOP + (root.clientHeight - TOP - PAD) / 2;
  cy.viewport({ zoom, pan: { x: cx - zoom * x, y: cyy - zoom * y } });
}

function lookAtBox(box, zoom) {
  // At ``zoom``: the whole box when it fits, else its left part (the question and theses),
  // vertically around the middle of that part.
  const w = (root.clientWidth - 2 * PAD) / zoom, h = (root.clientHeight - TOP - PAD) / zoom;
  const x = box.w <= w ? (box.x1 + box.x2) / 2 : box.x1 + w / 2;
  const y = box.h <= h ? (box.y1 + box.y2) / 2 : box.y1 + h / 2;
  look(zoom, x, y);
}

function currentBox() {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  cy.nodes(".claim, .question, .more").not(".hidden").forEach((n) => {
    const p = n.position();
    const w = (n.data("w") || 12) / 2, h = (n.data("h") || 18) / 2;
    x1 = Math.min(x1, p.x - w); x2 = Math.max(x2, p.x + w);
    y1 = Math.min(y1, p.y - h); y2 = Math.max(y2, p.y + h);
  });
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

function fitVisible(readable) {
  lastFit = () => fitVisible(readable);
  userMoved = false;
  const box = currentBox();
  if (!Number.isFinite(box.w)) return;
  const z = Math.min(fitZoom(box), MAX_ZOOM_FIT);
  if (readable && z < FIRST_ZOOM && z >= READ_ZOOM) {
    // It fits at a size still readable: show it all rather than its left part.
    lookAtBox(box, z);
  } else if (readable && z < FIRST_ZOOM) {
    // Readable first: the left part of the drawing (question, theses), slid just enough to
    // show the selected claim.
    const sel = lastSelected ? cy.getElementById(lastSelected) : cy.collection();
    if (lastSelected && shown(lastSelected)) {
      const w = (root.clientWidth - 2 * PAD) / FIRST_ZOOM, h = (root.clientHeight - TOP - PAD) / FIRST_ZOOM;
      const p = sel.position(), half = sel.width() / 2;
      const x1 = Math.max(box.x1, p.x + half + 10 - w);
      const y = box.h <= h ? (box.y1 + box.y2) / 2 : p.y;
      look(FIRST_ZOOM, x1 + w / 2, y);
    } else {
      lookAtBox(box, FIRST_ZOOM);
    }
  } else {
    lookAtBox(box, Math.max(cy.minZoom(), z));
  }
  semanticZoom(true);
}

async function showFirst() {
  // The question and the theses, then each thesis's direct reasons and objections, in map
  // order, as long as everything still fits at a readable size.
  if (state.reveal) return showSteps(true);
  state.mode = "first";
  state.expanded = new Set();
  if (!state.collapse) {
    apply(await layoutFor(visibleClaims()));
    fitVisible(true);
    return;
  }
  const every = allClaims();
  const all = every.size <= SMALL_MAP ? await layoutFor(every) : null;
  if (all && fitZoom(all.box, firstRoom()) >= FIRST_ZOOM) {
    // Everything fits: nothing to collapse.
    for (const id of state.kids.keys()) state.expanded.add(id);
    apply(all);
    fitVisible(true);
    return;
  }
  // Choose by an estimate of the column heights (each ELK run costs a visible fraction of a
  // second), then check with the real layout and drop the last choice while it does not fit.
  const room = firstRoom() / FIRST_ZOOM;
  const slot = (id) => state.nodes.get(id).data.h + 16 + (state.kids.has(id) ? PILL_ROOM : 0);
  let column = 0;
  const chosen = [];
  for (const id of state.roots) {
    const kids = state.kids.get(id) || [];
    if (!kids.length) continue;
    const more = kids.reduce((sum, k) => sum + slot(k), 0);
    if (column + more > room) continue;
    column += more;
    chosen.push(id);
  }
  for (const id of chosen) state.expanded.add(id);
  let best = await layoutFor(visibleClaims());
  while (chosen.length && fitZoom(best.box, firstRoom()) < FIRST_ZOOM) {
    state.expanded.delete(chosen.pop());
    best = await layoutFor(visibleClaims());
  }
  for (const id of revealWanted()) openPath(id);
  if (revealWanted().length) best = await layoutFor(visibleClaims());
  apply(best);
  fitVisible(true);
}

function allClaims() {
  return new Set([...state.nodes.values()].filter((n) => n.cls.split(" ").includes("claim")).map((n) => n.data.id));
}

async function showWhole() {
  state.mode = "whole";
  for (const id of state.kids.keys()) state.expanded.add(id);
  apply(await layoutFor(visibleClaims()));
  fitVisible(false);
  document.body.setAttribute("data-argmap-whole", "1");
}

// ------------------------------------------------------------- the step-through

// The step-through sends the whole map, the claims revealed so far (graph.reveal) and what the
// step is about (graph.focus). The whole map is laid out once and each step shows its part of
// that layout, so a card never moves once shown: the map grows in place. The view keeps its
// zoom and moves only when the step's claims would fall outside it, then centres them.
const STEP_MARGIN = 24; // model px kept clear around the step's claims

async function showSteps(initial) {
  state.mode = "steps";
  const whole = await layoutFor(allClaims());
  const part = visibleSet(state.reveal);
  apply(whole, { nodes: part.nodes, edgeIds: new Set(part.edges.map((e) => e.data.id)) });
  if (initial) {
    lastFit = () => stepView(whole, visibleSet(state.reveal).nodes, true);
    userMoved = false;
  }
  await stepView(whole, part.nodes, initial);
  document.body.setAttribute("data-argmap-step", String(state.step));
}

function boxOf(ids, pos) {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const id of ids) {
    const p = pos.get(id);
    if (!p) continue;
    const d = state.nodes.get(id).data;
    const w = (d.w || 12) / 2, h = (d.h || 12) / 2;
    x1 = Math.min(x1, p.x - w); x2 = Math.max(x2, p.x + w);
    y1 = Math.min(y1, p.y - h); y2 = Math.max(y2, p.y + h);
  }
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

async function stepView(whole, shown, initial) {
  const all = Math.min(fitZoom(whole.box), Math.max(MAX_ZOOM_FIT, STEP_ZOOM));
  if (all >= STEP_ZOOM) {
    // The whole map fits at projector size: the view never moves, the map fills in.
    if (initial) lookAtBox(whole.box, all);
    semanticZoom(true);
    return;
  }
  const z = initial ? STEP_ZOOM : cy.zoom();
  if (initial) lookAtBox(boxOf(shown, whole.pos), z);
  // What the step is about: its first claim (it must show), then the rest of its claims
  // and what they bear on, each kept only if all kept so far still fit the view together
  // (an exchange's claims can lie further apart than a view at projector size).
  const ids = state.focus.filter((id) => shown.has(id));
  if (!ids.length) return semanticZoom(true);
  const main = boxOf(ids.slice(0, 1), whole.pos);
  const pan = cy.pan();
  const m = STEP_MARGIN;
  const v = {
    x1: (PAD - pan.x) / z, x2: (root.clientWidth - PAD - pan.x) / z,
    y1: (TOP - pan.y) / z, y2: (root.clientHeight - PAD - pan.y) / z,
  };
  const kept = ids.slice(0, 1);
  for (const id of ids.slice(1)) {
    const b = boxOf([...kept, id], whole.pos);
    if (b.w + 2 * m <= v.x2 - v.x1 && b.h + 2 * m <= v.y2 - v.y1) kept.push(id);
  }
  // When nothing but the first claim fits, it goes to the edge of the view away from the
  // rest, so that its lines run across the view towards them.
  const focus = boxOf(kept.length > 1 ? kept : ids, whole.pos);
  const inside = focus.x1 - m >= v.x1 && focus.x2 + m <= v.x2 && focus.y1 - m >= v.y1 && focus.y2 + m <= v.y2;
  if (!inside) {
    // Slide the view, zoom unchanged, until the step's claim and what it bears on are in it,
    // and a quarter of a view further (room for the next steps that way) when that does not
    // push them out again. When both do not fit, the claim sits at the edge of the view away
    // from the other end, so its line runs across the view towards it.
    const slide = (a1, a2, b1, b2, v1, v2) => {
      const room = v2 - v1;
      if (b2 - b1 + 2 * m > room) {
        const at = (b1 + b2) / 2 > (a1 + a2) / 2 ? a1 - m : a2 + m - room;
        return at - v1;
      }
      if (b1 - m < v1) return Math.max(b1 - m - v1 - room / 4, b2 + m - v2);
      if (b2 + m > v2) return Math.min(b2 + m - v2 + room / 4, b1 - m - v1);
      return 0;
    };
    const dx = slide(main.x1, main.x2, focus.x1, focus.x2, v.x1, v.x2);
    const dy = slide(main.y1, main.y2, focus.y1, focus.y2, v.y1, v.y2);
    const target = { zoom: z, pan: { x: pan.x - dx * z, y: pan.y - dy * z } };
    if (initial) cy.viewport(target);
    else await cy.animation({ ...target, duration: 260, easing: "ease-in-out-sine" }).play().promise();
  }
  semanticZoom(true);
}

async function expand(id) {
  // Open one card's direct children and keep that card where it was on screen.
  lastFit = null;
  const node = cy.getElementById(id);
  const before = node.nonempty() ? node.renderedPosition() : null;
  state.expanded.add(id);
  apply(await layoutFor(visibleClaims()));
  if (before) {
    const z = Math.max(cy.zoom(), FIRST_ZOOM);
    const p = node.position();
    cy.viewport({ zoom: z, pan: { x: before.x - z * p.x, y: before.y - z * p.y } });
    // The children sit to the right: bring them into view if the card was near the edge.
    const kids = (state.kids.get(id) || []).map((k) => cy.getElementById(k));
    let right = 0, top = Infinity, bottom = -Infinity;
    for (const k of kids) {
      const r = k.renderedBoundingBox({ includeLabels: false });
      right = Math.max(right, r.x2); top = Math.min(top, r.y1); bottom = Math.max(bottom, r.y2);
    }
    const dx = right > root.clientWidth - 10 ? root.clientWidth - 10 - right : 0;
    const dy = bottom - top < root.clientHeight && top < 10 ? 10 - top : 0;
    if (dx || dy) cy.panBy({ x: Math.max(dx, -(before.x - node.renderedWidth() / 2 - 10)), y: dy });
  }
  semanticZoom(true);
  markDrawn();
}

function openPath(id) {
  // Expand every tree ancestor of a claim so that it is visible.
  let n = state.nodes.get(id);
  let guard = 0;
  while (n && n.data.tree && state.nodes.has(n.data.tree) && guard++ < 10000) {
    state.expanded.add(n.data.tree);
    n = state.nodes.get(n.data.tree);
  }
}

function revealWanted() {
  // The selected claim and search matches must be visible whatever is collapsed.
  const want = [];
  if (lastSelected && state.nodes.has(lastSelected)) want.push(lastSelected);
  for (const [id, n] of state.nodes) if (n.cls.split(" ").includes("match")) want.push(id);
  return want;
}

async function reveal(id) {
  if (!state.nodes.has(id)) return;
  if (!shown(id)) {
    openPath(id);
    apply(await layoutFor(visibleClaims()));
  }
  const node = cy.getElementById(id);
  if (node.empty()) return;
  const p = node.renderedPosition();
  const inside = p.x >= 0 && p.y >= 0 && p.x <= root.clientWidth && p.y <= root.clientHeight;
  if (!inside || cy.zoom() < READ_ZOOM) {
    const m = node.position();
    lastFit = null;
    look(Math.max(cy.zoom(), FIRST_ZOOM), m.x, m.y);
  }
  semanticZoom(true);
}

function materialise(nodes, edges) {
  // Add to the graph the payload's elements it does not hold yet, hidden until placed. A big
  // map starts empty and grows as it is unfolded: cytoscape styles every element it holds,
  // drawn or not, and 4,000 hidden elements cost more than the first sight itself.
  const add = [];
  for (const n of nodes) {
    if (cy.getElementById(n.data.id).empty()) {
      add.push({ group: "nodes", data: n.data, position: { x: 0, y: 0 }, classes: `${n.cls} hidden` });
    }
  }
  for (const e of edges) {
    if (cy.getElementById(e.data.id).empty()) add.push({ group: "edges", data: e.data, classes: `${e.cls} hidden` });
  }
  if (add.length) cy.add(add);
}

function shown(id) {
  const node = cy.getElementById(id);
  return node.nonempty() && !node.hasClass("hidden");
}

function signatureOf(args) {
  const g = args.graph;
  return JSON.stringify([Boolean(g.big), Boolean(g.collapse), Boolean(g.reveal), g.nodes.map((n) => n.data.id), g.edges.map((e) => e.data.id)]);
}

async function update(args) {
  const graph = args.graph;
  const big = Boolean(graph.big);
  if (cy !== null && cy.scratch("_big") !== big) {
    // Speed options are fixed at creation: a map of another size gets a new graph.
    cy.destroy();
    cy = null;
    signature = null;
  }
  if (cy === null) create(big);
  const sig = signatureOf(args);
  const fresh = sig !== signature;
  lastSelected = args.selected || null;
  if (fresh) {
    signature = sig;
    layoutCache = new Map();
    state = makeState(graph, Boolean(graph.collapse));
    cy.batch(() => {
      cy.elements().remove();
      if (!big) materialise(graph.nodes, graph.edges);
    });
    stepOf(graph);
    select(args.selected);
    await showFirst();
  } else if (graph.reveal) {
    // The next step: the same map, more of it shown; new classes; nothing already shown moves.
    state.graph = graph;
    for (const n of graph.nodes) state.nodes.set(n.data.id, n);
    restyle(graph);
    stepOf(graph);
    select(args.selected);
    await showSteps(false);
  } else {
    // Same elements: new colours and classes only (a what-if, a search), nothing moves.
    state.graph = graph;
    for (const n of graph.nodes) state.nodes.set(n.data.id, n);
    restyle(graph);
    select(args.selected);
    const wanted = revealWanted().filter((id) => !shown(id));
    if (wanted.length) {
      for (const id of wanted) openPath(id);
      apply(await layoutFor(visibleClaims()));
    }
    if (args.selected && args.selected !== cy.scratch("_shownSelected")) await reveal(args.selected);
  }
  cy.scratch("_shownSelected", args.selected || null);
  window.__argmap = { rev: args.rev, selected: args.selected || null };
  markDrawn(args);
}

function restyle(graph) {
  // New colours and classes on the elements drawn, which stay where they are.
  cy.batch(() => {
    for (const ele of graph.nodes.concat(graph.edges)) {
      const have = cy.getElementById(ele.data.id);
      if (have.empty()) continue;
      have.data(ele.data);
      have.classes(`${ele.cls}${have.hasClass("hidden") ? " hidden" : ""}`);
    }
  });
}

function stepOf(graph) {
  // The step-through's part of the map: revealed claims, what the step is about, its number.
  state.reveal = graph.reveal ? new Set(graph.reveal) : null;
  state.focus = graph.focus || [];
  state.step = graph.step ?? "";
}

function markDrawn(args) {
  const body = document.body;
  body.setAttribute("data-argmap-claims", String(allClaims().size)); // folded ones included
  if (args) body.setAttribute("data-argmap-rev", String(args.rev ?? ""));
  const mark = () => {
    body.setAttribute("data-argmap-drawn", "1");
    if (!window.__argmapTimes.drawn) window.__argmapTimes.drawn = Date.now();
  };
  requestAnimationFrame(() => requestAnimationFrame(mark));
}

// Test hooks: timings for the benchmark (wall-clock ms at boot, first arguments, first
// drawing) and ways to drive the map without hunting for pixels.
window.__argmapTimes = { boot: Date.now() };
// ELK's first run is slow (the worker loads and its compiled Java starts): start it at once,
// while Streamlit still sends the map, on a graph of two cards.
elk
  .layout({ id: "warm", layoutOptions: ELK_OPTIONS, children: [{ id: "a", width: 9, height: 9 }, { id: "b", width: 9, height: 9 }], edges: [{ id: "e", sources: ["a"], targets: ["b"] }] })
  .then(() => (window.__argmapTimes.warm = Date.now()))
  .catch(() => {});
window.__argmapShow = (id) => schedule(() => reveal(id));
window.__argmapWhole = () => schedule(() => showWhole());
window.__argmapFirst = () => schedule(() => showFirst());
window.__argmapExpand = (id) => schedule(() => expand(id));
window.__argmapClaims = () => [...allClaims()]; // every claim the graph holds, folded or not

// Keys pressed while the graph has the focus go on to the page, so the page's shortcuts (the
// step-through's arrows) work whatever was clicked last.
window.addEventListener("keydown", (event) => {
  if (window.parent === window || event.defaultPrevented) return;
  if (event.target && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
  try {
    const { key, code, shiftKey, altKey, ctrlKey, metaKey } = event;
    const copy = new KeyboardEvent("keydown", { key, code, shiftKey, altKey, ctrlKey, metaKey, bubbles: true, cancelable: true });
    window.parent.document.dispatchEvent(copy);
    if (copy.defaultPrevented) event.preventDefault();
  } catch (err) {
    // A page on another origin keeps its own keys.
  }
});

window.addEventListener("message", (event) => {
  if (event.source !== window.parent) return;
  const data = event.data;
  if (!data || data.type !== "streamlit:render") return;
  const args = data.args || {};
  if (args.graph) {
    if (!window.__argmapTimes.args) window.__argmapTimes.args = Date.now();
    drawLegend(args.legend, args.height);
    resize(args.height);
    schedule(() => update(args)).then(() => {
      if (!window.__argmapTimes.built) window.__argmapTimes.built = Date.now();
    });
  }
});

send("streamlit:componentReady", { apiVersion: 1 });
