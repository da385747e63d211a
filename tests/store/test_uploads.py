"""Uploads stop at the map size limit in the server's own configuration, and a file over it
is refused in the app's words, not with a command-line option."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from argmap.cli import streamlit_command
from argmap.limits import DEFAULT_LIMITS
from argmap.problems import MapFileError
from argmap.store.library import upload_limit_mb, upload_text

ROOT = Path(__file__).resolve().parents[2]


def test_the_servers_upload_limit_is_the_map_limit() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == upload_limit_mb() == 32
    assert upload_limit_mb() * 2**20 == DEFAULT_LIMITS.max_bytes


def test_streamlit_reads_that_limit_from_the_project(tmp_path: Path) -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    block = shown.stdout.split("maxUploadSize")[0].rsplit("\n\n", 1)[-1]
    assert "Default: 200" in block  # Streamlit's own default, which the project overrides
    assert "\nmaxUploadSize = 32\n" in shown.stdout


def test_an_upload_over_the_limit_is_refused_in_the_apps_words() -> None:
    data = b"#" * (DEFAULT_LIMITS.max_bytes + 1)
    with pytest.raises(MapFileError) as caught:
        upload_text("big.yaml", data)
    (problem,) = caught.value.problems
    assert problem.type == "too_large"
    assert "the app opens map files of up to 32 MB" in problem.message
    assert "--" not in problem.message  # no command-line option for an app user


def test_the_app_command_passes_the_same_limit() -> None:
    command = streamlit_command(8600, headless=True)
    assert command[command.index("--server.maxUploadSize") + 1] == "32"
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
