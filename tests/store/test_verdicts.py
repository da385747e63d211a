"""Class verdicts in a real database: SQLite by default, PostgreSQL when the URL names one."""

from __future__ import annotations

import os
import threading
import uuid
from pathlib import Path

import pytest

from argmap.store.verdicts import Tally, Verdict, VerdictStore, default_database_url

POSTGRES_ENV = "ARGMAP_TEST_POSTGRES_URL"


def _postgres_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.fail(
            f"{POSTGRES_ENV} is not set: run the suite with scripts/test.sh, which starts a "
            "throwaway PostgreSQL on 127.0.0.1 (scripts/postgres.sh)"
        )
    assert "127.0.0.1" in url or "localhost" in url, "tests only ever talk to this machine"
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    url = (
        f"sqlite:///{tmp_path / 'verdicts.sqlite3'}"
        if request.param == "sqlite"
        else _postgres_url()
    )
    s = VerdictStore(url)
    yield s
    s.close()


def fresh_map_id() -> str:
    # The PostgreSQL database outlives one test: every test writes under its own map id.
    return f"map-{uuid.uuid4().hex[:12]}"


def test_record_replace_withdraw_and_tally(store: VerdictStore) -> None:
    m = fresh_map_id()
    store.record(m, "c1", "Ada", "accept")
    store.record(m, "c1", "Bo", Verdict.reject)
    store.record(m, "c2", "  Ada  ", "reject")  # names are trimmed: one Ada
    store.record(m, "c1", "Ada", "reject")  # a change of mind replaces the verdict
    assert store.tally(m) == {"c1": Tally(accept=0, reject=2), "c2": Tally(accept=0, reject=1)}
    assert store.participants(m) == ["Ada", "Bo"]
    store.withdraw(m, "c1", "Bo")
    assert store.tally(m)["c1"] == Tally(accept=0, reject=1)
    assert [(k.claim_id, k.participant, k.verdict) for k in store.marks(m)] == [
        ("c1", "Ada", Verdict.reject),
        ("c2", "Ada", Verdict.reject),
    ]
    # Rooms keep two seminars on the same map apart.
    store.record(m, "c1", "Ada", "accept", room="tuesday")
    assert store.tally(m, room="tuesday") == {"c1": Tally(accept=1, reject=0)}
    assert store.tally(m)["c1"] == Tally(accept=0, reject=1)


def test_bad_input_is_refused(store: VerdictStore) -> None:
    with pytest.raises(ValueError, match="participant's name"):
        store.record(fresh_map_id(), "c1", "   ", "accept")
    with pytest.raises(ValueError):
        store.record(fresh_map_id(), "c1", "Ada", "maybe")


def test_concurrent_participants_lose_nothing(store: VerdictStore) -> None:
    """Eight participants mark forty claims each at the same time, through separate stores
    (as separate app servers would), each changing their mind once along the way."""
    m = fresh_map_id()
    participants, claims = 8, 40
    start = threading.Barrier(participants)
    errors: list[BaseException] = []

    def participant(k: int) -> None:
        own = VerdictStore(store.url)
        try:
            start.wait()
            for c in range(claims):
                first = "reject" if (k + c) % 2 else "accept"
                own.record(m, f"c{c}", f"p{k}", first)
                own.record(m, f"c{c}", f"p{k}", "accept" if first == "reject" else "reject")
        except BaseException as exc:  # surfaced below; a thread's exception is otherwise lost
            errors.append(exc)
        finally:
            own.close()

    threads = [threading.Thread(target=participant, args=(k,)) for k in range(participants)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    marks = store.marks(m)
    assert len(marks) == participants * claims
    for mark in marks:
        k, c = int(mark.participant[1:]), int(mark.claim_id[1:])
        expected = "accept" if (k + c) % 2 else "reject"  # the second, final verdict
        assert mark.verdict.value == expected, mark


def test_verdicts_survive_a_restart(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'v.sqlite3'}"
    first = VerdictStore(url)
    first.record("m", "c1", "Ada", "accept")
    first.close()
    assert VerdictStore(url).tally("m") == {"c1": Tally(accept=1, reject=0)}


def test_default_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARGMAP_DATABASE_URL", raising=False)
    assert (
        default_database_url(tmp_path) == f"sqlite:///{tmp_path.resolve()}/argmap-verdicts.sqlite3"
    )
    monkeypatch.setenv("ARGMAP_DATABASE_URL", "postgresql://u@127.0.0.1:5/x")
    assert default_database_url(tmp_path) == "postgresql://u@127.0.0.1:5/x"
