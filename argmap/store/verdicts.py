"""Class verdicts: participants mark claims accepted or rejected, stored in a real database.

The store is any SQLAlchemy database URL: an embedded SQLite file by default, PostgreSQL
when the URL names one (``postgresql+psycopg://user@host:port/db``), so several app servers
for one large class can share one database. A participant's verdict on a claim is one row,
keyed by (room, map, claim, participant) and written with an atomic upsert, so concurrent
participants never lose or mix up each other's verdicts, and changing one's mind replaces
the old verdict rather than adding a second.

>>> store = VerdictStore("sqlite://")  # in memory, for the example
>>> store.record("demo", "c1", "Ada", "accept")
>>> store.record("demo", "c1", "Bo", "reject")
>>> store.record("demo", "c1", "Ada", "reject")  # Ada changes her mind
>>> store.tally("demo")["c1"]
Tally(accept=0, reject=2)
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.pool import StaticPool

from argmap.text import spreadsheet_cell

DATABASE_URL_ENV = "ARGMAP_DATABASE_URL"
DEFAULT_DATABASE_FILE = "argmap-verdicts.sqlite3"
DEFAULT_ROOM = "default"


class Verdict(StrEnum):
    accept = "accept"
    reject = "reject"


@dataclass(frozen=True)
class Tally:
    """How many participants accept and reject one claim."""

    accept: int = 0
    reject: int = 0

    @property
    def total(self) -> int:
        return self.accept + self.reject


@dataclass(frozen=True)
class Mark:
    """One participant's verdict on one claim."""

    room: str
    map_id: str
    claim_id: str
    participant: str
    verdict: Verdict
    updated_at: dt.datetime


_metadata = MetaData()
verdicts_table = Table(
    "argmap_verdicts",
    _metadata,
    Column("room", String(100), nullable=False),
    Column("map_id", String(200), nullable=False),
    Column("claim_id", String(80), nullable=False),
    Column("participant", String(100), nullable=False),
    Column("verdict", String(10), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("room", "map_id", "claim_id", "participant", name="argmap_verdict_once"),
)


def default_database_url(maps_dir: str | os.PathLike[str]) -> str:
    """Return ``$ARGMAP_DATABASE_URL``, or an SQLite file beside the maps."""
    url = os.environ.get(DATABASE_URL_ENV)
    if url:
        return url
    return f"sqlite:///{Path(maps_dir).resolve() / DEFAULT_DATABASE_FILE}"


def _engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    memory = url in ("sqlite://", "sqlite:///:memory:")
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        # One shared connection keeps an in-memory database alive across threads.
        **({"poolclass": StaticPool} if memory else {}),
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        if not memory:
            # WAL lets readers work while one writer commits; busy_timeout queues writers.
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    return engine


class VerdictStore:
    """Verdicts in the database at ``url`` (the table is created when missing)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)
        _metadata.create_all(self.engine, checkfirst=True)

    def record(
        self,
        map_id: str,
        claim_id: str,
        participant: str,
        verdict: Verdict | str,
        *,
        room: str = DEFAULT_ROOM,
    ) -> None:
        """Store one verdict, replacing that participant's earlier verdict on the claim."""
        participant = " ".join(participant.split())
        if not participant:
            raise ValueError("a verdict needs the participant's name")
        values = {
            "room": room,
            "map_id": map_id,
            "claim_id": claim_id,
            "participant": participant,
            "verdict": Verdict(verdict).value,
            "updated_at": dt.datetime.now(dt.UTC),
        }
        insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        statement = insert(verdicts_table).values(**values)
        statement = statement.on_conflict_do_update(
            index_elements=["room", "map_id", "claim_id", "participant"],
            set_={"verdict": values["verdict"], "updated_at": values["updated_at"]},
        )
        with self.engine.begin() as connection:
            connection.execute(statement)

    def withdraw(
        self, map_id: str, claim_id: str, participant: str, *, room: str = DEFAULT_ROOM
    ) -> None:
        """Remove a participant's verdict on a claim, if any."""
        t = verdicts_table
        with self.engine.begin() as connection:
            connection.execute(
                t.delete().where(
                    t.c.room == room,
                    t.c.map_id == map_id,
                    t.c.claim_id == claim_id,
                    t.c.participant == " ".join(participant.split()),
                )
            )

    def marks(self, map_id: str, *, room: str = DEFAULT_ROOM) -> list[Mark]:
        """Return every verdict on a map in a room, by claim then participant."""
        t = verdicts_table
        query = (
            select(t)
            .where(t.c.room == room, t.c.map_id == map_id)
            .order_by(t.c.claim_id, t.c.participant)
        )
        with self.engine.connect() as connection:
            return [
                Mark(r.room, r.map_id, r.claim_id, r.participant, Verdict(r.verdict), r.updated_at)
                for r in connection.execute(query)
            ]

    def tally(self, map_id: str, *, room: str = DEFAULT_ROOM) -> dict[str, Tally]:
        """Return, per claim with any verdict, how many accept and how many reject it."""
        t = verdicts_table
        query = (
            select(t.c.claim_id, t.c.verdict, func.count())
            .where(t.c.room == room, t.c.map_id == map_id)
            .group_by(t.c.claim_id, t.c.verdict)
        )
        counts: dict[str, dict[str, int]] = {}
        with self.engine.connect() as connection:
            for claim_id, verdict, n in connection.execute(query):
                counts.setdefault(str(claim_id), {})[str(verdict)] = cast(int, n)
        return {claim: Tally(**c) for claim, c in sorted(counts.items())}

    def participants(self, map_id: str, *, room: str = DEFAULT_ROOM) -> list[str]:
        """Return the names of everyone who marked a claim on the map, sorted."""
        t = verdicts_table
        query = (
            select(t.c.participant)
            .where(t.c.room == room, t.c.map_id == map_id)
            .distinct()
            .order_by(t.c.participant)
        )
        with self.engine.connect() as connection:
            return list(connection.scalars(query))

    def close(self) -> None:
        self.engine.dispose()


def marks_csv(marks: Sequence[Mark]) -> str:
    """Return verdicts as CSV, one row per participant and claim; names and rooms that a
    spreadsheet would take for a formula are neutralised (:func:`argmap.text.spreadsheet_cell`).

    >>> when = dt.datetime(2026, 1, 2, tzinfo=dt.UTC)
    >>> print(marks_csv([Mark("r", "m", "c1", "=1+1", Verdict.accept, when)]), end="")
    room,map,claim,participant,verdict,updated_at
    r,m,c1,'=1+1,accept,2026-01-02T00:00:00+00:00
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["room", "map", "claim", "participant", "verdict", "updated_at"])
    for m in marks:
        row = (m.room, m.map_id, m.claim_id, m.participant, m.verdict.value,
               m.updated_at.isoformat())  # fmt: skip
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return buffer.getvalue()
