"""Reading and writing maps, one module per format (after networkx's ``readwrite``).

- :mod:`~argmap.readwrite.formats`: every format below by name, for the CLI and the app.
- :mod:`~argmap.store.yaml_map`: the map files people write (``maps/*.yaml``).
- :mod:`~argmap.store.json_map`: the same model as JSON.
- :mod:`~argmap.readwrite.graphml`: the map's graph as GraphML.
- :mod:`~argmap.store.schema`: the JSON Schema of the map format.
- :mod:`~argmap.readwrite.argdown`, :mod:`~argmap.readwrite.aif`: read and write Argdown and
  AIF JSON; :mod:`~argmap.readwrite.kialo`: read Kialo's text export;
  :mod:`~argmap.readwrite.imported`: what the importers share.
- :mod:`~argmap.readwrite.dot`, :mod:`~argmap.readwrite.svg`,
  :mod:`~argmap.products.standalone`: the map as a picture or an offline page.
- :mod:`~argmap.readwrite.iccma`: abstract frameworks in the ICCMA formats (for
  ``argmap solve``); :mod:`~argmap.readwrite.iccma_map`: a map's framework in them.
"""
