"""The class database: engines, the schema's migrations, and errors in plain words.

One SQLAlchemy database holds what a class shares (verdicts, and the class tables): an
SQLite file by default, PostgreSQL by URL (``ARGMAP_DATABASE_URL``), so several app servers
can share it. Its tables are made by Alembic migrations (``argmap/store/migrations``), once,
before serving: ``argmap db upgrade`` (``scripts/app.sh`` runs it). :func:`upgrade` holds a
lock while it migrates (PostgreSQL's advisory lock; a file lock beside an SQLite file), so
servers or commands starting together never race to create a table; a store opened on a
database that is behind upgrades it the same way.

A value the database would refuse (a NUL character, text longer than its column) is checked
first (:func:`check_text`), and any database failure reaches the caller as a
:class:`StoreError` whose message is plain words, never the SQL and its parameters.

>>> url = "sqlite://"
>>> engine = make_engine(url)
>>> upgrade(engine) == current_revision(engine) == head_revision()
True
>>> try:
...     check_text("Ada\\x00", "participant's name", 100)
... except StoreError as exc:
...     print(exc)
the participant's name contains a NUL character, which cannot be stored; remove it
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

MIGRATIONS = Path(__file__).with_name("migrations")
# PostgreSQL advisory lock key for migrations: any constant that other tools are unlikely
# to use ("argmap" in ASCII).
MIGRATION_LOCK = 0x6172676D6170
_MEMORY_LOCK = threading.Lock()  # in-memory SQLite: one process, so one lock will do


class StoreError(ValueError):
    """A database refused or failed an operation; the message says so in plain words.

    ``field`` names the value at fault when one is (``"participant"``), else ``""``.
    """

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def make_engine(url: str) -> Engine:
    """Return an engine for ``url``; ``postgresql://`` means psycopg 3, and SQLite waits for
    a busy database (WAL, 30 s) instead of failing."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    memory = _is_memory(url)
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        # One shared connection keeps an in-memory database alive across threads.
        **({"poolclass": StaticPool} if memory else {}),
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # busy_timeout queues writers. WAL (readers work while one writer commits) is set
        # once, under the migration lock (:func:`_use_wal`): switching to it needs the
        # database to itself, and processes opening a fresh file together could fail at
        # once with "database is locked" instead of waiting.
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    return engine


def _is_memory(url: str) -> bool:
    return url in ("sqlite://", "sqlite:///:memory:")


@cache
def head_revision() -> str:
    """Return the newest revision of the schema (the last migration's id)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """Return the revision the database is at (``None``: never migrated)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """Hold the lock that makes migrating SQLite one step across processes and threads
    (PostgreSQL's is taken inside the migration's transaction, see :func:`upgrade`)."""
    if engine.dialect.name == "postgresql":
        yield
    elif engine.url.database and not _is_memory(str(engine.url)):
        from filelock import FileLock

        with FileLock(f"{engine.url.database}.lock", timeout=120):
            yield
    else:
        with _MEMORY_LOCK:
            yield


def _use_wal(engine: Engine) -> None:
    """Put an SQLite file in WAL mode (kept in the file, so once is enough); call it under
    the migration lock."""
    if engine.dialect.name == "sqlite" and not _is_memory(str(engine.url)):
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")


def upgrade(engine: Engine) -> str:
    """Bring the database to the newest schema, once, under the migration lock; return the
    revision it is at. Safe to run any number of times, from any number of processes.

    Raises :class:`StoreError` (plain words) when the database cannot be reached or refuses.
    """
    try:
        with _migration_lock(engine):
            return _upgrade_locked(engine)
    except SQLAlchemyError as exc:
        raise StoreError(plain_message(exc, "prepare the class database")) from None


def _upgrade_locked(engine: Engine) -> str:
    from alembic import command
    from alembic.config import Config

    _use_wal(engine)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            # Held to the end of this transaction: a second server waits here, then
            # finds the schema current and does nothing.
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    revision = current_revision(engine)
    assert revision is not None
    return revision


def ensure_schema(engine: Engine) -> None:
    """Upgrade the database if it is behind (a quick read when it is not).

    An SQLite file is first looked at under the migration lock too: processes opening a
    fresh file together then take turns (a few milliseconds each) instead of racing to
    switch it to WAL, which SQLite may refuse at once with "database is locked".
    """
    local = engine.dialect.name == "sqlite"
    try:
        with _migration_lock(engine) if local else contextlib.nullcontext():
            if local:
                _use_wal(engine)
            current = current_revision(engine)
            if local and current != head_revision():
                _upgrade_locked(engine)
                return
    except SQLAlchemyError as exc:
        raise StoreError(plain_message(exc, "open the class database")) from None
    if current != head_revision():
        upgrade(engine)


def plain_message(exc: SQLAlchemyError, doing: str) -> str:
    """Return what went wrong in words a reader can act on: the driver's first line, never
    the SQL statement or its parameters (which SQLAlchemy's own message carries).

    >>> from sqlalchemy.exc import DataError
    >>> err = DataError("INSERT INTO t VALUES (%s)", ("secret",), Exception("value too long"))
    >>> plain_message(err, "save the verdict")
    'could not save the verdict: the database said "value too long"'
    """
    orig = getattr(exc, "orig", None)
    detail = str(orig).strip().splitlines()[0] if orig is not None and str(orig).strip() else ""
    if not detail:
        detail = type(exc).__name__
    return f'could not {doing}: the database said "{detail}"'


def check_text(value: str, what: str, limit: int, field: str = "") -> str:
    """Return ``value`` if a database column of ``limit`` characters can hold it; else raise
    :class:`StoreError` saying what to change (see the module's example)."""
    if "\x00" in value:
        raise StoreError(
            f"the {what} contains a NUL character, which cannot be stored; remove it", field
        )
    if len(value) > limit:
        raise StoreError(
            f"the {what} is {len(value)} characters long; at most {limit} can be stored, "
            "so shorten it",
            field,
        )
    return value
