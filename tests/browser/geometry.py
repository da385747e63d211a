"""Measure the drawn map from cytoscape's own geometry: edge lines as drawn (endpoints and
segment points, in model coordinates) against node boxes, and crossings between lines.

``DRAWN_GEOMETRY`` is a JavaScript function for ``frame.evaluate``; it returns
``{through: [[edge, node], ...], crossings: n, relationCrossings: n, edges: n, nodes: n}``:
``through`` lists every edge whose drawn line enters the box of a node it does not touch (boxes
shrunk by 2 px, so a line along a border does not count); ``crossings`` counts pairs of drawn
lines that cross, among lines that share no end (``relationCrossings`` leaves out the thin
links to the question).
"""

from __future__ import annotations

DRAWN_GEOMETRY = r"""
() => {
  const cy = window.__cy;
  const lines = [];
  cy.edges(':visible').forEach((e) => {
    const pts = [e.sourceEndpoint()];
    const mid = e.segmentPoints ? e.segmentPoints() : null;
    if (mid) pts.push(...mid);
    const cps = !mid && e.controlPoints ? e.controlPoints() : null;
    if (cps) pts.push(...cps);
    pts.push(e.targetEndpoint());
    // A line's own ends, and the diamond of an undercut that sits on it, are touched.
    const ends = new Set([e.source().id(), e.target().id(), `@${e.id()}`]);
    lines.push({ id: e.id(), pts, ends, q: e.hasClass('qlink') });
  });
  const boxes = [];
  cy.nodes(':visible').forEach((n) => {
    if (n.hasClass('cluster') || n.hasClass('more')) return; // labels, not cards
    const p = n.position(), w = n.width() / 2, h = n.height() / 2;
    boxes.push({ id: n.id(), x1: p.x - w + 2, x2: p.x + w - 2, y1: p.y - h + 2, y2: p.y + h - 2 });
  });
  function segBox(a, b, r) {
    // Liang-Barsky: does segment a-b enter rectangle r?
    let t0 = 0, t1 = 1;
    const dx = b.x - a.x, dy = b.y - a.y;
    const p = [-dx, dx, -dy, dy], q = [a.x - r.x1, r.x2 - a.x, a.y - r.y1, r.y2 - a.y];
    for (let i = 0; i < 4; i++) {
      if (p[i] === 0) { if (q[i] < 0) return false; continue; }
      const t = q[i] / p[i];
      if (p[i] < 0) { if (t > t1) return false; if (t > t0) t0 = t; }
      else { if (t < t0) return false; if (t < t1) t1 = t; }
    }
    return t1 - t0 > 1e-9;
  }
  const through = [];
  for (const l of lines) {
    for (const r of boxes) {
      if (l.ends.has(r.id)) continue;
      for (let i = 0; i + 1 < l.pts.length; i++) {
        if (segBox(l.pts[i], l.pts[i + 1], r)) { through.push([l.id, r.id]); break; }
      }
    }
  }
  function cross(a, b, c, d) {
    const o = (p, q, r) => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    const d1 = o(c, d, a), d2 = o(c, d, b), d3 = o(a, b, c), d4 = o(a, b, d);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
  }
  let crossings = 0, relationCrossings = 0;
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const A = lines[i], B = lines[j];
      if ([...A.ends].some((x) => B.ends.has(x))) continue;
      let hit = false;
      for (let s = 0; s + 1 < A.pts.length && !hit; s++)
        for (let t = 0; t + 1 < B.pts.length && !hit; t++)
          if (cross(A.pts[s], A.pts[s + 1], B.pts[t], B.pts[t + 1])) hit = true;
      if (hit) { crossings++; if (!A.q && !B.q) relationCrossings++; }
    }
  }
  return { through, crossings, relationCrossings, edges: lines.length, nodes: boxes.length };
}
"""
