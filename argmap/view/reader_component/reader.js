// The Read page's text: a Streamlit component (hand-written v1 postMessage protocol). Python
// sends the text cut into pieces (argmap.view.reading.reader_payload), each with its
// character offset, its sentence and the claims quoting it. A mouse selection, or sentences
// picked with the keyboard, go back as {start, end, n} in characters (code points, as Python
// counts them); a click on a quoted passage as {claim, n}. Text goes in through textContent
// only, never as HTML.
(() => {
  "use strict";
  const box = document.getElementById("text");
  const status = document.getElementById("status");
  let sentences = []; // [start, end] per sentence
  let claims = {}; // claim id -> statement
  let sentenceEls = []; // sentence index -> its span
  let focus = -1; // the sentence the keyboard is on
  let anchor = -1; // where a Shift+arrow range started
  let n = 0;
  let lastData = "";

  function send(type, data) {
    window.parent.postMessage({ isStreamlitMessage: true, type, ...data }, "*");
  }
  function value(v) {
    n += 1;
    send("streamlit:setComponentValue", { value: { ...v, n }, dataType: "json" });
  }
  const points = (s) => Array.from(s).length; // code points, as Python counts

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function build(args) {
    box.replaceChildren();
    sentenceEls = [];
    sentences = args.sentences || [];
    claims = args.claims || {};
    let holder = null;
    let holderIndex = -2;
    for (const piece of args.pieces || []) {
      const span = el("span", "piece", piece.text);
      span.dataset.start = String(piece.start);
      if (piece.claims.length) {
        span.classList.add("quoted");
        if (piece.claims.length > 1) span.classList.add("many");
        span.dataset.claims = piece.claims.join(" ");
        span.title = piece.claims.map((c) => claims[c] || c).join("\n"); // statements, no ids
      }
      if (piece.sentence < 0) {
        box.append(span);
        holder = null;
        holderIndex = -2;
        continue;
      }
      if (piece.sentence !== holderIndex) {
        holder = el("span", "sentence");
        holder.dataset.sentence = String(piece.sentence);
        sentenceEls[piece.sentence] = holder;
        holderIndex = piece.sentence;
        box.append(holder);
      }
      holder.append(span);
    }
  }

  let lastPicked = "";
  function showPicked(picked) {
    let first = null;
    for (const span of box.querySelectorAll(".piece")) {
      const start = Number(span.dataset.start);
      const inside = picked && start >= picked[0] && start < picked[1];
      span.classList.toggle("picked", Boolean(inside));
      if (inside && !first) first = span;
    }
    const key = JSON.stringify(picked || null);
    if (key !== lastPicked) {
      lastPicked = key;
      if (first) first.scrollIntoView({ block: "center" }); // the picked passage stays in view
    }
  }

  function showRange() {
    const [a, b] = anchor >= 0 ? [Math.min(anchor, focus), Math.max(anchor, focus)] : [focus, focus];
    sentenceEls.forEach((s, i) => {
      if (!s) return;
      s.classList.toggle("focus", i === focus);
      s.classList.toggle("range", focus >= 0 && i >= a && i <= b);
    });
    if (focus >= 0 && sentenceEls[focus]) {
      sentenceEls[focus].scrollIntoView({ block: "nearest" });
      const count = b - a + 1;
      // What the map quotes here, said too (the marks are for the eye and the mouse).
      const quoting = new Set();
      for (const q of sentenceEls[focus].querySelectorAll(".quoted")) {
        for (const c of q.dataset.claims.split(" ")) quoting.add(c);
      }
      const said = [...quoting].map((c) => `“${claims[c] || c}”`).join("; ");
      status.textContent = `Sentence ${focus + 1} of ${sentences.length}` +
        (count > 1 ? ` (${count} sentences)` : "") + " · Enter picks" +
        (said ? ` · quoted by ${said}` : "");
    } else {
      status.textContent = `${sentences.length} sentences`;
    }
    window.__reader.focus = focus;
  }

  function move(to, extend) {
    if (!sentences.length) return;
    if (extend && anchor < 0) anchor = focus < 0 ? 0 : focus;
    if (!extend) anchor = -1;
    focus = Math.max(0, Math.min(sentences.length - 1, to));
    showRange();
  }

  function pickRange() {
    if (focus < 0) return;
    const [a, b] = anchor >= 0 ? [Math.min(anchor, focus), Math.max(anchor, focus)] : [focus, focus];
    value({ start: sentences[a][0], end: sentences[b][1] });
  }

  box.addEventListener("keydown", (event) => {
    const key = event.key;
    let handled = true;
    if (key === "ArrowDown" || key === "ArrowRight") move(focus + 1, event.shiftKey);
    else if (key === "ArrowUp" || key === "ArrowLeft") move(focus < 0 ? 0 : focus - 1, event.shiftKey);
    else if (key === "Home") move(0, event.shiftKey);
    else if (key === "End") move(sentences.length - 1, event.shiftKey);
    else if (key === "PageDown") move(focus + 10, event.shiftKey);
    else if (key === "PageUp") move(focus - 10, event.shiftKey);
    else if (key === "Enter" || key === " ") pickRange();
    else if (key === "Escape") { anchor = -1; focus = -1; showRange(); value({ start: 0, end: 0 }); }
    else handled = false;
    if (handled) event.preventDefault();
  });

  // A point of a DOM selection as a character offset in the text.
  function offsetOf(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const piece = node.parentElement.closest(".piece");
      if (!piece) return null;
      return Number(piece.dataset.start) + points(node.textContent.slice(0, offset));
    }
    const el = node.nodeType === Node.ELEMENT_NODE ? node : null;
    if (!el) return null;
    const child = el.childNodes[offset];
    if (child) {
      const piece = child.nodeType === Node.ELEMENT_NODE
        ? (child.classList.contains("piece") ? child : child.querySelector(".piece"))
        : child.parentElement.closest(".piece");
      if (piece) return Number(piece.dataset.start);
    }
    const all = el.querySelectorAll(".piece");
    const last = el.classList && el.classList.contains("piece") ? el : all[all.length - 1];
    return last ? Number(last.dataset.start) + points(last.textContent) : null;
  }

  box.addEventListener("mouseup", () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return;
    const range = selection.getRangeAt(0);
    if (!box.contains(range.commonAncestorContainer)) return;
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return;
    value({ start, end });
  });
  box.addEventListener("click", (event) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const quoted = event.target.closest(".quoted");
    const sentence = event.target.closest(".sentence");
    if (sentence) { focus = Number(sentence.dataset.sentence); anchor = -1; showRange(); }
    if (quoted) value({ claim: quoted.dataset.claims.split(" ")[0] });
  });

  function render(args) {
    const data = JSON.stringify([args.pieces, args.sentences, args.claims]);
    if (data !== lastData) {
      lastData = data;
      build(args);
      if (focus >= sentences.length) focus = -1;
    }
    showPicked(args.picked);
    showRange();
    send("streamlit:setFrameHeight", { height: args.height || 560 });
    document.body.setAttribute("data-reader-ready", "1");
    document.body.setAttribute("data-reader-pieces", String((args.pieces || []).length));
  }

  window.__reader = { focus: -1 };
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.type !== "streamlit:render") return;
    render(data.args || {});
  });
  send("streamlit:componentReady", { apiVersion: 1 });
})();
