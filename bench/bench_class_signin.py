"""A class signing in at once: the password hash argmap uses beside argon2-cffi's default, and
thirty students saving a version each at once through the class store.

Prints medians. The peer of argmap's Argon2id settings (OWASP's: 19 MiB, 2 passes, 1 lane) is
argon2-cffi's default (RFC 9106's low-memory profile: 64 MiB, 3 passes, 4 lanes); the peer of
thirty concurrent saves is thirty saves one after another.

    .venv/bin/python bench/bench_class_signin.py [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

from argon2 import PasswordHasher

from argmap.store.classes import ClassStore, Refused, _hasher
from argmap.store.editing import _demo_text


def hash_time(ph: PasswordHasher, reps: int) -> float:
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        ph.verify(ph.hash("a student's password"), "a student's password")
        times.append((time.perf_counter() - start) / 2)
    return statistics.median(times)


def saves(store: ClassStore, people: list, *, together: bool) -> tuple[float, int]:
    """Each person saves their next version; return the seconds taken and the saves refused."""
    refused: list[str] = []
    seen = {p.token: store.latest(p).number for p in people}

    def save(p: object) -> None:
        try:
            store.save(p, _demo_text() + "# again\n", seen=seen[p.token])  # type: ignore[arg-type, attr-defined]
        except Refused as exc:
            refused.append(exc.type)

    start = time.perf_counter()
    if together:
        threads = [threading.Thread(target=save, args=(p,)) for p in people]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    else:
        for p in people:
            save(p)
    return time.perf_counter() - start, len(refused)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    reps = 3 if args.quick else 7
    ours = hash_time(_hasher(), reps)
    default = hash_time(PasswordHasher(), reps)
    print(f"password hash + check, median of {reps}: argmap (OWASP) {ours * 1000:.0f} ms, "
          f"argon2-cffi default {default * 1000:.0f} ms")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        store = ClassStore(f"sqlite:///{Path(folder) / 'class.sqlite3'}")
        info, _ = store.create_class("Bench", "demo", "Prof", "instructor pass")
        people = [store.join(info.code, f"Student {i}", "a student's password") for i in range(30)]
        for p in people:
            store.start_copy(p, _demo_text())
        rounds = 3 if args.quick else 5
        one_by_one = [saves(store, people, together=False) for _ in range(rounds)]
        at_once = [saves(store, people, together=True) for _ in range(rounds)]
        lost = sum(r for _, r in one_by_one + at_once)
        print(f"30 saves on SQLite, median of {rounds}: one after another "
              f"{statistics.median(t for t, _ in one_by_one) * 1000:.0f} ms, all at once "
              f"{statistics.median(t for t, _ in at_once) * 1000:.0f} ms; refused {lost}, "
              f"versions {store.count_versions()} of {30 * (1 + 2 * rounds)}")  # fmt: skip
        store.close()


if __name__ == "__main__":
    main()
