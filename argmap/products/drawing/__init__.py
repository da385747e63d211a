"""The map drawn: where each claim goes (:mod:`.layout`), its colour by status
(:mod:`.colours`), and the graph component's payload (:mod:`.elements`). Pure functions over
the map's graph, shared by the app's map page and the standalone page
(:mod:`argmap.products.standalone`), which draws without the app.
"""

from pathlib import Path

# The graph component's static build (cytoscape.js and its styles; frontend/ holds its
# source): served by the app, embedded whole in the standalone page.
BUNDLE = Path(__file__).with_name("component")
