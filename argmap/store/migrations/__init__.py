"""The class database's schema, as Alembic migrations (``argmap db upgrade`` applies them).

``versions/`` holds one module per revision, each naming the one before it
(``down_revision``). To change a table, add a module there with the next number, its
``upgrade()`` written with Alembic's ``op`` (``op.create_table``, ``op.add_column``, ...),
and bump nothing else: :func:`argmap.store.database.upgrade` runs every revision not yet
applied, under a lock, so concurrent servers never race to create a table.
"""
