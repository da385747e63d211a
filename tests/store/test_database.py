"""The class database: tables made by Alembic migrations, once, under a lock, so many writers
on a fresh SQLite file or PostgreSQL database never race; values it would refuse checked
first; every failure a plain message without SQL; two servers on one PostgreSQL see each
other's verdicts."""

from __future__ import annotations

import multiprocessing as mp
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from argmap.cli import app
from argmap.store.database import (
    StoreError,
    current_revision,
    head_revision,
    make_engine,
    upgrade,
)
from argmap.store.verdicts import Tally, VerdictStore, _metadata, verdicts_table
from tests.store.test_verdicts import _postgres_url

runner = CliRunner()
WRITERS = 24  # threads, each with its own store (engine and pool), as separate servers
PROCESSES = 8


@pytest.fixture
def fresh_postgres() -> Iterator[str]:
    """A new, empty PostgreSQL database in the throwaway cluster, dropped afterwards."""
    admin_url = _postgres_url()
    name = f"argmap_{uuid.uuid4().hex[:10]}"
    admin = make_engine(admin_url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    base, _, _ = admin_url.rpartition("/")
    yield f"{base}/{name}"
    with admin.connect() as c:
        c.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    else:
        yield request.getfixturevalue("fresh_postgres")


def _write(url: str, who: str, barrier: Any, errors: list[str]) -> None:
    try:
        barrier.wait()
        store = VerdictStore(url)  # on a fresh database: each would make the table
        store.record("m", "c1", who, "accept")
        store.close()
    except Exception as exc:  # the test counts every writer that dies
        errors.append(f"{who}: {type(exc).__name__}: {exc}")


def test_many_writers_on_a_fresh_database_none_dies(fresh_url: str) -> None:
    barrier = threading.Barrier(WRITERS)
    errors: list[str] = []
    threads = [
        threading.Thread(target=_write, args=(fresh_url, f"s{k}", barrier, errors))
        for k in range(WRITERS)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    store = VerdictStore(fresh_url)
    assert store.tally("m") == {"c1": Tally(accept=WRITERS)}
    assert current_revision(store.engine) == head_revision()
    store.close()


def _process_writer(url: str, who: str, barrier: Any, queue: Any) -> None:
    errors: list[str] = []
    _write(url, who, barrier, errors)
    queue.put(errors)


def test_many_processes_on_a_fresh_database_none_dies(fresh_url: str) -> None:
    ctx = mp.get_context("spawn")
    barrier, queue = ctx.Barrier(PROCESSES), ctx.Queue()
    procs = [
        ctx.Process(target=_process_writer, args=(fresh_url, f"p{k}", barrier, queue))
        for k in range(PROCESSES)
    ]
    for p in procs:
        p.start()
    errors = [e for _ in procs for e in queue.get(timeout=120)]
    for p in procs:
        p.join(timeout=30)
    assert errors == []
    assert all(p.exitcode == 0 for p in procs)
    store = VerdictStore(fresh_url)
    assert store.participants("m") == sorted(f"p{k}" for k in range(PROCESSES))
    store.close()


def test_the_migration_makes_the_table_the_store_uses(fresh_url: str) -> None:
    engine = make_engine(fresh_url)
    assert current_revision(engine) is None
    assert upgrade(engine) == head_revision() == upgrade(engine)  # again: nothing to do
    inspector = sa.inspect(engine)
    columns = {c["name"]: c for c in inspector.get_columns("argmap_verdicts")}
    for column in verdicts_table.columns:
        assert column.name in columns
        assert columns[column.name]["nullable"] is False
        length = getattr(column.type, "length", None)
        assert getattr(columns[column.name]["type"], "length", None) == length
    uniques = inspector.get_unique_constraints("argmap_verdicts")
    assert [u["column_names"] for u in uniques] == [["room", "map_id", "claim_id", "participant"]]
    engine.dispose()


def test_a_database_made_before_migrations_keeps_its_verdicts(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    _metadata.create_all(engine)  # as argmap did before migrations
    with engine.begin() as c:
        c.execute(verdicts_table.insert().values(
            room="default", map_id="m", claim_id="c", participant="Ada", verdict="accept",
            updated_at=sa.func.now()))  # fmt: skip
    store = VerdictStore(url)
    assert store.tally("m") == {"c": Tally(accept=1)}
    assert current_revision(store.engine) == head_revision()
    store.close()
    engine.dispose()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("m", "c", "Ada\x00"), "the participant's name contains a NUL character"),
        (("m" * 201, "c", "Ada"), "the map's name (its file name) is 201 characters long; "
                                   "at most 200"),
        (("m", "c", "x" * 101), "the participant's name is 101 characters long; at most 100"),
    ],
)  # fmt: skip
def test_values_the_database_refuses_are_checked_first(
    fresh_url: str, args: tuple[str, str, str], message: str
) -> None:
    store = VerdictStore(fresh_url)
    with pytest.raises(StoreError) as caught:
        store.record(*args, "accept")
    assert str(caught.value).startswith(message)
    with pytest.raises(StoreError, match=r"characters long|NUL"):
        store.withdraw(*args)
    assert store.tally("m") == {}
    store.close()


def test_a_database_failure_is_a_plain_message_without_sql(fresh_url: str) -> None:
    store = VerdictStore(fresh_url)
    store.record("m", "c", "Ada", "accept")
    with store.engine.begin() as c:
        c.execute(sa.text("DROP TABLE argmap_verdicts"))
    for attempt in (
        lambda: store.record("m", "c", "Secret Name", "accept"),
        lambda: store.tally("m"),
        lambda: store.marks("m"),
        lambda: store.participants("m"),
    ):
        with pytest.raises(StoreError) as caught:
            attempt()
        text = str(caught.value)
        assert text.startswith("could not ")
        for leak in ("SQL", "INSERT", "SELECT", "parameters", "Secret Name"):
            assert leak not in text, text
        assert caught.value.__cause__ is None and caught.value.__suppress_context__
    store.close()


def test_an_unreachable_database_is_a_plain_message() -> None:
    with pytest.raises(StoreError, match="could not open the class database"):
        VerdictStore("postgresql://nobody@127.0.0.1:1/nothing")


def test_two_servers_on_one_postgresql_see_each_others_verdicts(fresh_postgres: str) -> None:
    one, two = VerdictStore(fresh_postgres), VerdictStore(fresh_postgres)
    assert one.engine is not two.engine
    one.record("m", "c", "Ada", "accept")
    two.record("m", "c", "Bo", "reject")
    assert one.tally("m") == two.tally("m") == {"c": Tally(accept=1, reject=1)}
    one.close()
    two.close()


def test_the_cli_upgrades_and_reports(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    result = runner.invoke(app, ["db", "current", "--database", url])
    assert result.exit_code == 0 and "never upgraded" in result.stdout
    result = runner.invoke(app, ["db", "upgrade", "--database", url])
    assert result.exit_code == 0, result.output
    assert f"revision {head_revision()}" in result.stdout
    result = runner.invoke(app, ["db", "current", "--database", url])
    assert f"at {head_revision()}; newest {head_revision()}" in result.stdout
    result = runner.invoke(app, ["db", "upgrade", "--database", "postgresql://x@127.0.0.1:1/y"])
    assert result.exit_code == 1
    assert "could not prepare the class database" in result.output
    assert "Traceback" not in result.output


def test_the_verdicts_cli_says_a_database_failure_in_words(tmp_path: Path) -> None:
    from argmap.store.yaml_map import write_map
    from tests.products.test_class_report import REFERENCE

    path = write_map(REFERENCE, tmp_path / "m.yaml")
    result = runner.invoke(
        app, ["verdicts", str(path), "--database", "postgresql://x@127.0.0.1:1/y"]
    )
    assert result.exit_code == 1
    assert "could not open the class database" in result.output
    assert ("Traceback" not in result.output and result.exception is None) or isinstance(
        result.exception, SystemExit
    )


def test_app_sh_upgrades_before_serving() -> None:
    script = (Path(__file__).parents[2] / "scripts" / "app.sh").read_text()
    assert script.index("argmap db upgrade") < script.index("streamlit run")


def test_an_sqlite_file_is_put_in_wal_mode_once_when_first_opened(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'wal.sqlite3'}"
    store = VerdictStore(url)
    store.close()
    engine = make_engine(url)  # a plain engine no longer asks for WAL on every connection
    with engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()
