"""A fresh account starts the app with no question asked (Streamlit's first-run e-mail prompt
would otherwise wait on stdin for ever), and the files the app writes stay out of git."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.support import free_port

ROOT = Path(__file__).resolve().parents[2]


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


def _fake_checkout(tmp_path: Path) -> tuple[Path, Path]:
    """scripts/, pyproject.toml and a .venv whose python logs each call, then runs ours."""
    import shutil

    root = tmp_path / "clone"
    (root / "scripts").mkdir(parents=True)
    for name in ("setup.sh", "app.sh"):
        shutil.copy(ROOT / "scripts" / name, root / "scripts" / name)
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    (root / ".venv" / "bin").mkdir(parents=True)
    calls = tmp_path / "calls"
    python = root / ".venv" / "bin" / "python"
    python.write_text(f'#!/bin/sh\necho "$@" >> {calls}\nexec {sys.executable} "$@"\n')
    python.chmod(0o755)
    return root, calls


def test_setup_installs_again_only_when_pyproject_changes(tmp_path: Path) -> None:
    import hashlib

    root, calls = _fake_checkout(tmp_path)
    digest = hashlib.sha256((root / "pyproject.toml").read_bytes()).hexdigest()
    (root / ".venv" / ".argmap-app-installed").write_text(digest + "\n")
    done = subprocess.run(["bash", "scripts/setup.sh", "app"], cwd=root, capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "pip" not in calls.read_text()  # stamped: nothing to install
    # A test install stamps for the app too; an app install does not do for the tests.
    (root / ".venv" / ".argmap-app-installed").unlink()
    (root / ".venv" / ".argmap-test-installed").write_text(digest + "\n")
    subprocess.run(["bash", "scripts/setup.sh", "app"], cwd=root, check=True, timeout=60)
    assert "pip" not in calls.read_text()
    bad = subprocess.run(["bash", "scripts/setup.sh", "docs"], cwd=root, capture_output=True,
                         text=True, timeout=60)  # fmt: skip
    assert bad.returncode == 2 and "say app or test" in bad.stderr


def test_app_says_what_to_do_when_the_port_is_taken(tmp_path: Path) -> None:
    import hashlib
    import socket

    root, _calls = _fake_checkout(tmp_path)
    digest = hashlib.sha256((root / "pyproject.toml").read_bytes()).hexdigest()
    (root / ".venv" / ".argmap-app-installed").write_text(digest + "\n")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            ["bash", "scripts/app.sh"], cwd=root, capture_output=True, text=True, timeout=60,
            env={"PATH": "/usr/bin:/bin", "ARGMAP_PORT": str(port), "HOME": str(tmp_path)},
        )  # fmt: skip
    assert done.returncode == 1
    assert f"port {port} is taken" in done.stderr
    assert f"ARGMAP_PORT={port + 1} bash scripts/app.sh" in done.stderr
