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

import contextlib
import csv
import datetime as dt
import io
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import cast

from sqlalchemy import (
    Column,
    DateTime,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from argmap.store.database import StoreError, check_text, ensure_schema, make_engine, plain_message
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


class VerdictStore:
    """Verdicts in the database at ``url``.

    Its tables come from the migrations (``argmap db upgrade``, before serving); a database
    that is behind is upgraded here, under the migration lock, so stores opened at once by
    many servers never race. Every method raises :class:`StoreError` in plain words: for a
    value the database would refuse (checked first) or a database failure.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        ensure_schema(self.engine)

    @contextlib.contextmanager
    def _plain(self, doing: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            raise StoreError(plain_message(exc, doing)) from None

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
            raise StoreError("a verdict needs the participant's name", "participant")
        _check_keys(room, map_id, claim_id, participant)
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
        with self._plain("save the verdict"), self.engine.begin() as connection:
            connection.execute(statement)

    def withdraw(
        self, map_id: str, claim_id: str, participant: str, *, room: str = DEFAULT_ROOM
    ) -> None:
        """Remove a participant's verdict on a claim, if any."""
        t = verdicts_table
        participant = " ".join(participant.split())
        _check_keys(room, map_id, claim_id, participant)
        with self._plain("withdraw the verdict"), self.engine.begin() as connection:
            connection.execute(
                t.delete().where(
                    t.c.room == room,
                    t.c.map_id == map_id,
                    t.c.claim_id == claim_id,
                    t.c.participant == participant,
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
        _check_keys(room, map_id)
        with self._plain("read the verdicts"), self.engine.connect() as connection:
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
        _check_keys(room, map_id)
        with self._plain("count the verdicts"), self.engine.connect() as connection:
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
        _check_keys(room, map_id)
        with self._plain("read the participants"), self.engine.connect() as connection:
            return list(connection.scalars(query))

    def close(self) -> None:
        self.engine.dispose()


def _check_keys(room: str, map_id: str, claim_id: str = "", participant: str = "") -> None:
    """Refuse, in words, what the verdicts table cannot hold (before the database does)."""
    t = verdicts_table
    for value, what, column in (
        (room, "room's name", t.c.room),
        (map_id, "map's name (its file name)", t.c.map_id),
        (claim_id, "claim's id", t.c.claim_id),
        (participant, "participant's name", t.c.participant),
    ):
        length = column.type.length  # type: ignore[attr-defined]
        check_text(value, what, length, column.name)


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
