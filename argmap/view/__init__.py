"""Pure view-models of what the app draws: layout, filters and focus, colours, the graph
component's payload, the claim detail, the standalone page. Pure functions over the map's graph,
tested without Streamlit; :mod:`argmap.app.component` is the only module that talks to the browser.
"""

from pathlib import Path

# The graph component's static build (cytoscape.js and its styles), served by the app and
# embedded in the standalone page. ``frontend/`` holds its source.
BUNDLE = Path(__file__).with_name("component")
# The outline component's static files (no build step): an ARIA tree with its keyboard.
OUTLINE_BUNDLE = Path(__file__).with_name("outline_component")
# The Read page's text component (no build step): a selectable, keyboard-walkable text.
READER_BUNDLE = Path(__file__).with_name("reader_component")
