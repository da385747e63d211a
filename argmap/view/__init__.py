"""Pure view-models of what the app's pages show: filters and focus, the claim detail, the
status lines, the outline, the values table (the drawing itself is
:mod:`argmap.products.drawing`'s). Pure functions over the map's graph, tested without
Streamlit; :mod:`argmap.app.component` is the only module that talks to the browser.
"""

from pathlib import Path

# The outline component's static files (no build step): an ARIA tree with its keyboard.
OUTLINE_BUNDLE = Path(__file__).with_name("outline_component")
# The Read page's text component (no build step): a selectable, keyboard-walkable text.
READER_BUNDLE = Path(__file__).with_name("reader_component")
