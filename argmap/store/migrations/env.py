"""Alembic's entry point: run the migrations on the connection argmap hands over.

:func:`argmap.store.database.upgrade` opens the connection, begins the transaction and takes
the migration lock; this only runs the revisions inside them.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
