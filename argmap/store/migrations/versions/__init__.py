"""One Alembic revision per module, oldest first (see the package's docstring)."""
