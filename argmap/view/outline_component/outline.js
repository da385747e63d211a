// The pro/con outline: a Streamlit component (hand-written v1 postMessage protocol), an ARIA
// tree navigable with the keyboard. Python sends the tree (argmap.view.outline.to_json) and
// the selected claim; a click or Enter sends {claim, n} back. Map text goes in through
// textContent only, never as HTML.
(() => {
  "use strict";
  const tree = document.getElementById("outline");
  const items = new Map(); // key -> li
  const expanded = new Set(); // keys the reader opened, kept across reruns
  let touched = false; // whether the reader changed what is open (then Python's default no longer applies)
  let selectedClaim = null;
  let sent = 0;
  let lastData = "";

  function send(type, data) {
    window.parent.postMessage({ isStreamlitMessage: true, type, ...data }, "*");
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  const STANCE = { pro: "Pro", con: "Con", undercut: "Undercut", root: "Thesis" };

  function count(node) {
    let n = 0;
    for (const c of node.children) n += 1 + count(c);
    return n;
  }

  function build(node, level) {
    const li = el("li", node.stance + (node.repeat ? " repeat" : ""));
    li.setAttribute("role", "treeitem");
    li.setAttribute("aria-level", String(level));
    li.setAttribute("aria-selected", "false");
    li.tabIndex = -1;
    li.dataset.key = node.key;
    li.dataset.claim = node.claim;
    if (node.first) li.dataset.first = node.first;
    const row = el("div", "row");
    const canOpen = !node.repeat && (node.children.length || node.quote || node.citation);
    row.append(el("span", "twisty", canOpen ? "▸" : ""));
    const stance = node.stance === "root" && node.kind !== "thesis" ? "Claim" : STANCE[node.stance];
    row.append(el("span", "stance " + node.stance, stance));
    const text = el("span", "text", node.statement);
    row.append(text);
    if (node.repeat) text.append(el("span", "see", "  (shown above)"));
    if (node.mark) row.append(el("span", "mark " + node.label, node.mark));
    const below = count(node);
    if (below) row.append(el("span", "count", `+${below} below`));
    li.append(row);
    items.set(node.key, li);
    if (canOpen) {
      li.setAttribute("aria-expanded", "false");
      const more = el("div", "more");
      if (node.quote) more.append(el("div", "quote", `“${node.quote}”`));
      if (node.citation) more.append(el("div", "cite", node.citation));
      li.append(more);
      if (node.children.length) {
        const group = el("ul");
        group.setAttribute("role", "group");
        for (const c of node.children) group.append(build(c, level + 1));
        li.append(group);
      }
    }
    return li;
  }

  function parentItem(li) {
    const group = li.parentElement;
    return group && group.getAttribute("role") === "group" ? group.parentElement : null;
  }

  function setOpen(li, open) {
    if (!li.hasAttribute("aria-expanded")) return;
    li.setAttribute("aria-expanded", open ? "true" : "false");
    const twisty = li.querySelector(":scope > .row > .twisty");
    if (twisty) twisty.textContent = open ? "▾" : "▸";
    if (open) expanded.add(li.dataset.key);
    else expanded.delete(li.dataset.key);
  }

  function isOpen(li) {
    return li.getAttribute("aria-expanded") === "true";
  }

  function visible() {
    const out = [];
    const walk = (ul) => {
      for (const li of ul.children) {
        out.push(li);
        const group = li.querySelector(":scope > ul[role='group']");
        if (group && isOpen(li)) walk(group);
      }
    };
    walk(tree);
    return out;
  }

  function focusItem(li) {
    if (!li) return;
    for (const other of tree.querySelectorAll("li[tabindex='0']")) other.tabIndex = -1;
    li.tabIndex = 0;
    li.focus({ preventScroll: true });
    li.querySelector(":scope > .row").scrollIntoView({ block: "nearest" });
    window.__outline.focused = li.dataset.key;
  }

  function markSelected(claim) {
    selectedClaim = claim;
    for (const li of items.values()) {
      li.setAttribute("aria-selected", li.dataset.claim === claim && !li.dataset.first ? "true" : "false");
    }
    window.__outline.selected = claim;
  }

  function select(li) {
    // A repeated claim selects the claim itself, shown in full at its first place.
    const target = li.dataset.first ? items.get(li.dataset.first) : li;
    if (target !== li) {
      revealItem(target);
      focusItem(target);
    }
    markSelected(target.dataset.claim);
    sent += 1;
    send("streamlit:setComponentValue", {
      value: { claim: target.dataset.claim, n: sent },
      dataType: "json",
    });
  }

  function revealItem(li) {
    for (let p = parentItem(li); p; p = parentItem(p)) setOpen(p, true);
  }

  function onKey(event) {
    const li = event.target.closest("li[role='treeitem']");
    if (!li) return;
    const list = visible();
    const i = list.indexOf(li);
    let handled = true;
    switch (event.key) {
      case "ArrowDown":
        focusItem(list[Math.min(i + 1, list.length - 1)]);
        break;
      case "ArrowUp":
        focusItem(list[Math.max(i - 1, 0)]);
        break;
      case "ArrowRight":
        if (li.hasAttribute("aria-expanded") && !isOpen(li)) {
          touched = true;
          setOpen(li, true);
        } else {
          const first = li.querySelector(":scope > ul[role='group'] > li");
          if (first && isOpen(li)) focusItem(first);
        }
        break;
      case "ArrowLeft":
        if (isOpen(li)) {
          touched = true;
          setOpen(li, false);
        } else {
          focusItem(parentItem(li));
        }
        break;
      case "Home":
        focusItem(list[0]);
        break;
      case "End":
        focusItem(list[list.length - 1]);
        break;
      case "Enter":
      case " ":
        select(li);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  }

  tree.addEventListener("keydown", onKey);
  tree.addEventListener("click", (event) => {
    const row = event.target.closest(".row");
    if (!row) return;
    const li = row.parentElement;
    if (event.target.classList.contains("twisty")) {
      touched = true;
      setOpen(li, !isOpen(li));
      focusItem(li);
      return;
    }
    if (li.hasAttribute("aria-expanded") && !isOpen(li)) {
      touched = true;
      setOpen(li, true);
    }
    focusItem(li);
    select(li);
  });
  document.getElementById("expand-all").addEventListener("click", () => {
    touched = true;
    for (const li of items.values()) setOpen(li, true);
  });
  document.getElementById("collapse-all").addEventListener("click", () => {
    touched = true;
    for (const li of items.values()) setOpen(li, false);
  });
  document.getElementById("print").addEventListener("click", () => window.print());

  function render(args) {
    const data = JSON.stringify(args.tree || []);
    if (data !== lastData) {
      lastData = data;
      items.clear();
      tree.replaceChildren();
      for (const root of args.tree || []) tree.append(build(root, 1));
      // Theses open on first sight: their reasons and objections show, deeper levels wait.
      for (const li of items.values()) {
        const open = touched ? expanded.has(li.dataset.key) : li.classList.contains("root");
        setOpen(li, open);
      }
    }
    const selected = args.selected || null;
    if (selected !== selectedClaim) {
      markSelected(selected);
      const li = [...items.values()].find((x) => x.dataset.claim === selected && !x.dataset.first);
      if (li) {
        revealItem(li);
        focusItem(li);
      }
    }
    if (!tree.querySelector("li[tabindex='0']") && tree.firstElementChild) {
      tree.firstElementChild.tabIndex = 0;
    }
    send("streamlit:setFrameHeight", { height: args.height || 640 });
    document.body.setAttribute("data-outline-ready", "1");
  }

  window.__outline = { selected: null, focused: null };
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.type !== "streamlit:render") return;
    render(data.args || {});
  });
  send("streamlit:componentReady", { apiVersion: 1 });
})();
