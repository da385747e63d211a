"""What unit, app and browser tests (and the benchmarks) share: the fixture maps
(``FIXTURES``: mini.yaml, hostile.yaml), generated maps (:mod:`tests.support.mapgen`) and a
free port. Unit tests import from here, never from ``tests/browser``."""

from __future__ import annotations

import socket
from pathlib import Path

FIXTURES = Path(__file__).with_name("fixtures")


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
