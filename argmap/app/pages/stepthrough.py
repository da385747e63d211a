"""The step-through page: the map revealed from its question outward, for the front of a room.

The order is argmap.products.stepthrough's (outward by exchange, one new claim a step with
every link it has to what is shown); this page shows one step at a time in large type
beside the map drawn so far (the map page's graph component, the step's new claims
highlighted, every card where the whole map puts it so that none moves from step to step),
with Next and Previous buttons and the keyboard (→, Space or Page Down for next; ← or Page Up
for previous). Streamlit has no key events, so a tiny static script in a hidden
same-origin iframe listens on the page and clicks those buttons; the graph passes on the keys
pressed while it has the focus, so they work whatever was clicked last.
"""

from __future__ import annotations

import streamlit as st

from argmap.app import panel
from argmap.app.component import argmap_graph
from argmap.app.guard import attempt
from argmap.app.shared import ALL, current_map, shared_reading, ss, status_of, thesis_picker
from argmap.graph import is_claim
from argmap.products.drawing.colours import by_status
from argmap.products.drawing.elements import legend, step_payload
from argmap.products.stepthrough import Step, steps
from argmap.view.detail import claim_detail
from argmap.view.guide import plain_semantics
from argmap.view.prepared import PreparedMap
from argmap.view.status import Status, explain
from argmap.view.text import md_escape, truncate

RECENT = 8  # steps listed under the current one; more would not be legible across a room
GRAPH_HEIGHT = 560
HOW = {"supports": "supports", "attacks": "attacks", "undercuts": "undercuts"}

# Static CSS only: every map text is escaped by card_html or md_escape.
_STYLE = """<style>
.st-key-step_question p { font-size: 2.1rem; line-height: 1.25; font-weight: 600; }
.st-key-step_thesis p { font-size: 1.5rem; line-height: 1.3; }
@media (max-height: 820px) {  /* a small screen or projector: the map keeps its room */
  .st-key-step_question p { font-size: 1.5rem; }
  .st-key-step_thesis p { font-size: 1.2rem; }
}
.st-key-step_current .am-statement { font-size: 2rem; line-height: 1.25; }
.st-key-step_current .am-quote { font-size: 1.35rem; }
.st-key-step_current .am-meta { font-size: 1.05rem; }
.st-key-step_relation p { font-size: 1.45rem; line-height: 1.3; }
.st-key-step_recent p, .st-key-step_recent li { font-size: 1.1rem; }
.st-key-step_keys { display: none; }
.st-key-step_next button, .st-key-step_prev button { font-size: 1.2rem; min-height: 3rem; }
</style>"""

# Keys to buttons. The listener is replaced on every load, and does nothing on a page
# without the step buttons; it ignores keys typed into a field.
_KEYS = """<script>
(() => {
  const P = window.parent, doc = P.document;
  if (P.__argmapStepKeys) doc.removeEventListener("keydown", P.__argmapStepKeys);
  P.__argmapStepKeys = (e) => {
    const t = e.target;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    // Keys typed into a field are the field's; a toggle or a button just clicked is not one.
    const typed = t && t.tagName === "INPUT" && !/^(checkbox|radio|button|submit)$/.test(t.type);
    if (t && (t.isContentEditable || typed || /^(TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === " " && t && t.tagName === "BUTTON") return;  // the button takes it
    let name = null;
    if (e.key === "ArrowRight" || e.key === "PageDown" || (e.key === " " && !e.shiftKey)) {
      name = "next";
    } else if (e.key === "ArrowLeft" || e.key === "PageUp" || (e.key === " " && e.shiftKey)) {
      name = "prev";
    }
    const button = name && doc.querySelector(".st-key-step_" + name + " button");
    if (!button) return;
    e.preventDefault();
    if (!button.disabled) button.click();
  };
  doc.addEventListener("keydown", P.__argmapStepKeys);
})();
</script>"""


@st.cache_resource(max_entries=32, show_spinner=False)
def steps_of(key: str, _pm: PreparedMap, start: str | None) -> list[Step]:
    return steps(_pm.graph, None if start is None else [start])


def move(by: int, last: int) -> None:
    ss.step_index = min(max(0, ss.get("step_index", 0) + by), last)


def target_words(pm: PreparedMap, target: str) -> str:
    """A relation's target in words: a claim's statement, or the link an undercut cuts."""
    G = pm.graph
    if is_claim(G, target):
        return f"“{truncate(G.nodes[target]['statement'], 90)}”"
    rel = pm.structure.relations[target]
    return (
        f"the link from “{truncate(G.nodes[rel.origin]['statement'], 50)}” "
        f"to {target_words(pm, rel.target)}"
    )


def links(pm: PreparedMap, step: Step) -> list[str]:
    """What a step's relations say, in words, from its new claim ("it"): "It supports
    “…”", "“…” attacks it", "It undercuts the link from “…” to “…”"."""
    G, out = pm.graph, []
    for rel in step.relations:
        r = pm.structure.relations[rel]
        how = HOW.get(str(G.nodes[rel]["type"]), str(G.nodes[rel]["type"]))
        if r.origin in step.added:
            out.append(f"It {how} {target_words(pm, r.target)}")
        else:
            said = f"“{truncate(G.nodes[r.origin]['statement'], 90)}”"
            it = "it" if r.target in step.added else target_words(pm, r.target)
            out.append(f"{said} {how} {it}")
    return out


def line(pm: PreparedMap, step: Step) -> str:
    """A step as one Markdown line of the outline."""
    G = pm.graph
    statement = md_escape(truncate(G.nodes[step.added[0]]["statement"], 80)) if step.added else ""
    if step.kind in ("thesis", "root"):
        return f"- **{statement}**"
    first = md_escape(links(pm, step)[0]) if step.relations else ""
    more = f" (and {len(step.relations) - 1} more)" if len(step.relations) > 1 else ""
    return f"- {statement}: *{first}*{more}"


def card(pm: PreparedMap, claim: str, status: Status | None) -> None:
    detail = claim_detail(pm.graph, pm.structure, claim)
    label = status.labels.get(claim) if status else None
    strength = status.strength.get(claim) if status else None
    st.html(panel.card_html(detail, label, strength))
    if status is not None:  # what the label means, by statement (argmap.analysis.verdict)
        st.caption(md_escape(explain(pm.graph, status, claim)))


def current(pm: PreparedMap, step: Step, status: Status | None) -> None:
    with st.container(key="step_current"):
        if step.kind == "question":
            st.caption("The question")
            st.markdown("Press → (or Next) to reveal the map, one step at a time.")
            return
        if step.kind in ("thesis", "root"):
            st.caption("Thesis" if step.kind == "thesis" else "A claim no thesis reaches")
        if step.relations:  # how the new claim meets what is on the screen
            with st.container(key="step_relation"):
                st.markdown("  \n".join(md_escape(said) for said in links(pm, step)))
        card(pm, step.added[0], status)


def step_claim(pm: PreparedMap, step: Step) -> str | None:
    """The claim a step is about: the one it shows for the first time."""
    return step.added[0] if step.added else None


def draw_so_far(pm: PreparedMap, step: Step, index: int, status: Status | None) -> None:
    """The map as revealed so far, the step's new claims glowing, each card where the whole
    map puts it (so none moves as the map grows), the step's claims in view."""
    s = pm.structure
    colouring = by_status(s.claims, status.labels if status else None)
    graph = step_payload(pm.graph, s, pm.layout, step, index, colouring)
    notes = ["Blue glow: new at this step"]
    argmap_graph(graph, selected=step_claim(pm, step), legend={**legend(colouring), "notes": notes},
                 height=GRAPH_HEIGHT, key="step_graph")  # fmt: skip


def main() -> None:
    pm, _map_name, key = current_map()
    G = pm.graph
    with st.sidebar:
        st.header("Step-through")
        start = thesis_picker(G, "Start from", "step_start", whole_map=True)
        semantics, support, audience = shared_reading()  # the labels every page shows
        show_status = st.toggle(f"Show what stands ({plain_semantics(semantics).lower()})",
                                key="step_status", value=False)  # fmt: skip
    order = steps_of(key, pm, None if start == ALL else start)
    last = len(order) - 1
    if ss.get("step_for") != (key, start):  # a new map or start begins at the question
        ss.step_for = (key, start)
        ss.step_index = 0
    index = min(ss.get("step_index", 0), last)
    step = order[index]
    status = None
    if show_status:  # the labels are extra: without them the step-through still works
        status = attempt(
            "Claims are not labelled",
            lambda: status_of(key, pm, semantics, support, audience=audience),
        )

    st.html(_STYLE)
    with st.container(key="step_keys"):
        st.iframe(_KEYS, height=1, tab_index=-1)
    with st.container(key="step_question"):
        st.markdown(md_escape(pm.map.question))
    # The thesis stays in view; the container is always there, so that the graph after it
    # keeps its frame (and its view) from step to step.
    with st.container(key="step_thesis"):
        if step.thesis is not None:
            said = G.nodes[step.thesis].get("label") or G.nodes[step.thesis]["statement"]
            st.markdown(f"**Thesis:** {md_escape(said)}")
    st.caption(
        f"Step {index + 1} of {len(order)} · {len(step.revealed)} of {len(pm.structure.claims)} "
        "claims shown · keys: → next, ← previous"
    )
    prev_col, next_col, _ = st.columns([1, 1, 4])
    with prev_col:
        st.button("Previous", key="step_prev", on_click=move, args=(-1, last),
                  disabled=index == 0, width="stretch")  # fmt: skip
    with next_col:
        st.button("Next", key="step_next", on_click=move, args=(1, last), type="primary",
                  disabled=index == last, width="stretch")  # fmt: skip
    text_col, graph_col = st.columns([2, 3], gap="medium")
    with text_col:
        current(pm, step, status)
        shown = [s for s in order[1 : index + 1] if s.kind != "question"]
        if len(shown) > 1:
            with st.container(key="step_recent"):
                st.markdown(
                    f"**So far** (the last {min(RECENT, len(shown))} of {len(shown)} steps)"
                )
                st.markdown("\n".join(line(pm, s) for s in shown[-RECENT:]))
    with graph_col:
        draw_so_far(pm, step, index, status)


main()
