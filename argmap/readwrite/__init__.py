"""Reading and writing maps, one module per format (after networkx's ``readwrite``).

- :mod:`~argmap.readwrite.yaml_map`: the map files people write (``maps/*.yaml``).
- :mod:`~argmap.readwrite.json_map`: the same model as JSON.
- :mod:`~argmap.readwrite.graphml`: the map's graph as GraphML.
- :mod:`~argmap.readwrite.schema`: the JSON Schema of the map format.
"""
