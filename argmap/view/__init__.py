"""Everything the app draws: layout, filters and focus, colours, the graph component's payload
and the claim detail panel. Pure functions over the map's graph, so they are tested without
Streamlit; :mod:`argmap.view.component` is the only module that talks to the browser."""
