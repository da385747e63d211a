"""Saves are compare-and-swap under one OS lock: of editors saving one map at once, all but
one are refused and merge, and no edit is ever lost, between threads and between
processes; a save killed with SIGKILL leaves neither a partial map nor, after the next save,
a temporary file."""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from argmap.store import atomic, editing
from argmap.store.atomic import FileBusy, locked, temp_files
from argmap.store.editing import Editor, SaveConflict
from argmap.store.yaml_map import read_map
from tests.conftest import SMALL_MAP

SLOW_DISK = 0.02  # seconds added to every fsync: a slow disk widens the race being tested


def _claim(claim_id: str) -> dict[str, Any]:
    return {"id": claim_id, "statement": f"Claim {claim_id}.", "source": "article-2011",
            "actor": "gov", "quote": "join now"}  # fmt: skip


def save_merging(ed: Editor) -> int:
    """Save; when refused, merge (as the Edit page offers) until it goes through. Return
    how many times the save was refused."""
    refused = 0
    while True:
        try:
            if refused:
                ed.merge()
            else:
                ed.save()
            return refused
        except SaveConflict:
            refused += 1


def _slow_fsync(monkeypatch: pytest.MonkeyPatch | None = None) -> None:
    real = os.fsync

    def slow(fd: Any) -> None:
        time.sleep(SLOW_DISK)
        real(fd)

    if monkeypatch is None:
        atomic.os.fsync = slow  # in a child process
    else:
        monkeypatch.setattr(atomic.os, "fsync", slow)


def test_two_threads_saving_at_once_one_refused_nothing_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _slow_fsync(monkeypatch)
    path = tmp_path / "m.yaml"
    trials = 25
    for trial in range(trials):
        path.write_text(SMALL_MAP, encoding="utf-8")
        editors = [Editor.open(path), Editor.open(path)]
        for k, ed in enumerate(editors):
            assert ed.add("claims", _claim(f"t{trial}-{k}")) == {}
        barrier = threading.Barrier(2)
        outcome: list[str] = []

        def save(
            ed: Editor, barrier: threading.Barrier = barrier, outcome: list[str] = outcome
        ) -> None:
            barrier.wait()
            try:
                ed.save()
                outcome.append("saved")
            except SaveConflict:
                outcome.append("refused")
                ed.merge()

        threads = [threading.Thread(target=save, args=(ed,)) for ed in editors]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(outcome) == ["refused", "saved"], f"trial {trial}: {outcome}"
        ids = {c.id for c in read_map(path).map.claims}
        assert {f"t{trial}-0", f"t{trial}-1"} <= ids, f"trial {trial}: an edit was lost"
        assert temp_files(path) == []


def _worker(path: str, worker: int, trials: int, barrier: Any, results: Any) -> None:
    _slow_fsync()
    refused = 0
    for trial in range(trials):
        barrier.wait()
        ed = Editor.open(path)
        assert ed.add("claims", _claim(f"w{worker}-t{trial}")) == {}
        barrier.wait()
        refused += save_merging(ed)
    results.put((worker, refused))


def test_processes_saving_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(SMALL_MAP, encoding="utf-8")
    workers, trials = 4, 10
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(workers), ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(str(path), w, trials, barrier, results))
        for w in range(workers)
    ]
    for p in procs:
        p.start()
    refused = dict(results.get(timeout=240) for _ in procs)
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    ids = {c.id for c in read_map(path).map.claims}
    expected = {f"w{w}-t{t}" for w in range(workers) for t in range(trials)}
    assert expected - ids == set(), "edits were lost"
    # They did save at once: every trial, all but one writer was refused at least once.
    assert sum(refused.values()) >= trials * (workers - 1)
    assert temp_files(path) == []


def _keep_saving(path: str, saving: Any) -> None:
    _slow_fsync()
    ed = Editor.open(path)
    n = 0
    while True:
        n += 1
        claim = ed.entry("claims", "join").model_dump(by_alias=True)
        ed.update("claims", "join", {**claim, "statement": f"Version {n}."})
        ed.save()
        saving.set()  # past its start-up and one whole save: kills now land in saves


def test_kill_9_during_saves_leaves_no_partial_map_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(SMALL_MAP, encoding="utf-8")
    ctx = mp.get_context("spawn")
    rng = random.Random(24)
    kills, left_behind = 20, 0
    for _ in range(kills):
        saving = ctx.Event()
        child = ctx.Process(target=_keep_saving, args=(str(path), saving))
        child.start()
        # Wait for it to be saving (start-up time depends on the machine's load), then
        # kill at a random moment of its next saves.
        assert saving.wait(timeout=120)
        time.sleep(rng.uniform(0.0, 0.3))
        assert child.pid is not None
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        assert child.exitcode == -signal.SIGKILL
        read_map(path)  # whole and valid, whatever the moment of the kill
        left_behind += bool(temp_files(path))
    # Killed mid-write, some saves left a temporary file; the next save clears them.
    assert left_behind > 0
    ed = Editor.open(path)
    claim = ed.entry("claims", "join").model_dump(by_alias=True)
    ed.update("claims", "join", {**claim, "statement": "After the kills."})
    ed.save()
    assert temp_files(path) == []
    assert read_map(path).map.claims[0].statement == "After the kills."


def test_a_save_waiting_too_long_for_the_lock_says_so(small_map_file: Path) -> None:
    ed = Editor.open(small_map_file)
    ed.add("claims", _claim("late"))
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with locked(small_map_file):
            held.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    try:
        with (
            pytest.raises(FileBusy, match="being saved by someone else"),
            locked(small_map_file, timeout=0.2),
        ):
            pass
    finally:
        release.set()
        holder.join()
    ed.save()  # the lock is free again
    assert "late" in {c.id for c in read_map(small_map_file).map.claims}


def test_overwrite_and_merge_take_the_lock_too(
    small_map_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken: list[Path] = []
    real = editing.locked

    def spy(path: Any, *args: Any, **kwargs: Any) -> Any:
        taken.append(Path(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(editing, "locked", spy)
    a, b = Editor.open(small_map_file), Editor.open(small_map_file)
    a.add("claims", _claim("a"))
    b.add("claims", _claim("b"))
    a.save()
    with pytest.raises(SaveConflict):
        b.save()
    b.merge()
    b.add("claims", _claim("c"))
    b.overwrite()
    assert taken == [small_map_file] * 4
