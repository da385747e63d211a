"""A fresh account starts the app with no question asked (Streamlit's first-run e-mail prompt
would otherwise wait on stdin for ever), and the files the app writes stay out of git."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.support import free_port

ROOT = Path(__file__).resolve().parents[1]


def test_fresh_home_serves_without_the_email_prompt(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    # Not headless, as scripts/app.sh runs it: a stand-in xdg-open records the browser it opens.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    opener = bin_dir / "xdg-open"
    opener.write_text(f'#!/bin/sh\necho "$@" > {tmp_path / "opened"}\n', encoding="utf-8")
    opener.chmod(0o755)
    port = free_port()
    log = tmp_path / "streamlit.log"
    env = {
        "HOME": str(home),
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "ARGMAP_MAPS_DIR": str(ROOT / "maps"),
    }
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
           "--server.port", str(port), "--server.headless", "false",
           "--server.fileWatcherType", "none"]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=out,
                                   stderr=subprocess.STDOUT)  # fmt: skip
    try:
        up = False
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                    up = True
                    break
            except OSError:
                time.sleep(0.3)
        text = log.read_text(errors="replace")
        assert up, f"the server was not up within 30 s:\n{text}"
        assert "Email:" not in text
        assert not (home / ".streamlit" / "credentials.toml").exists()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_verdicts_database_is_ignored_by_git(tmp_path: Path) -> None:
    names = ["maps/argmap-verdicts.sqlite3", "maps/argmap-verdicts.sqlite3-wal",
             "maps/argmap-verdicts.sqlite3-journal"]  # fmt: skip
    result = subprocess.run(["git", "check-ignore", "--no-index", *names], cwd=ROOT,
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.stdout.split() == names
