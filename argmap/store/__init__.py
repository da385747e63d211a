"""The store: map files (YAML and JSON), the format's JSON Schema, atomic saves, the
round-trip editor and the class verdicts database. It knows the model and nothing above it."""
