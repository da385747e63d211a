"""Browser tests: the app served by Streamlit on 127.0.0.1, driven by Playwright in Debian's
chromium (never a browser Playwright downloads). Every request that would leave 127.0.0.1 is
blocked and recorded; console errors are collected; screenshots go to test-artifacts/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support import FIXTURES, free_port
from tests.support.mapgen import generate_map_text

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")


def chromium_path() -> str:
    path = os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium")
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        pytest.fail(
            f"No chromium at {path}: run `bash scripts/install-system.sh` (installs Debian's "
            "chromium), or set ARGMAP_CHROMIUM to a chromium binary.",
            pytrace=False,
        )
    return path


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path


def start_app(
    maps_dir: Path,
    log: Path,
    app: Path = ROOT / "app.py",
    *,
    port: int | None = None,
    extra: list[str] | None = None,
) -> Server:
    """Start ``streamlit run app`` on 127.0.0.1 (on ``port``, else a free one) with ``extra``
    options; wait for its health check."""
    port = port or free_port()
    env = {**os.environ, "ARGMAP_MAPS_DIR": str(maps_dir), "PYTHONPATH": str(ROOT)}
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.headless", "true", "--server.address", "127.0.0.1",
        "--server.port", str(port), "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", "--client.toolbarMode", "viewer", *(extra or []),
    ]  # fmt: skip
    handle = log.open("wb")
    process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return Server(url, process, log)
        except OSError:
            time.sleep(0.2)
    stop_app(Server(url, process, log))
    raise RuntimeError(f"streamlit did not become healthy:\n{log.read_text(errors='replace')}")


def stop_app(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def maps_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("maps")
    for path in FIXTURES.glob("*.yaml"):
        shutil.copy(path, directory / path.name)
    (directory / "big2000.yaml").write_text(generate_map_text(2000), encoding="utf-8")
    shutil.copy(ROOT / "maps" / "cybercrime-treaties.yaml", directory)  # the real first map
    return directory


@pytest.fixture(scope="session")
def app_url(maps_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    chromium_path()  # fail early, before starting a server, when there is no browser
    server = start_app(maps_dir, tmp_path_factory.mktemp("log") / "streamlit.log")
    yield server.url
    stop_app(server)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@dataclass
class Watch:
    """What a page did that a test must check: requests off the machine, console errors."""

    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.blocked == [], f"requests left 127.0.0.1: {self.blocked}"
        errors = [e for e in self.errors if not _superseded_download(e, self.errors)]
        assert errors == [], f"browser console errors: {self.errors}"


def _superseded_download(error: str, errors: list[str]) -> bool:
    """Whether ``error`` is Streamlit's own race, not the page's: a rerun replaces a download
    button's file while the browser still looks the old one up (a 404 on /media/, and the
    button's "source error"); the button then points at the new file. A real broken download
    fails the tests that download and compare the bytes."""
    raced = any("Download Button source error - 404" in e for e in errors)
    media_404 = "status of 404" in error and "/media/" in error
    return raced and (media_404 or "Download Button source error - 404" in error)


@pytest.fixture
def watch() -> Watch:
    return Watch()


def watched_page(browser: object, watch: Watch, width: int, height: int) -> Iterator[object]:
    from playwright.sync_api import Browser, ConsoleMessage, Route

    assert isinstance(browser, Browser)
    # bypass_csp: Playwright's waits evaluate strings, which the component's CSP forbids; the
    # hostile-text test is the stronger for it (escaping alone must stop the payloads).
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)

    def route(route: Route) -> None:
        url = route.request.url
        if url.startswith(LOCAL):
            route.continue_()
        else:
            watch.blocked.append(url)
            route.abort()

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            watch.errors.append(f"{message.text} @ {message.location.get('url', '')}")

    context.route("**/*", route)
    pg = context.new_page()
    pg.on("console", console)
    pg.on("pageerror", lambda exc: watch.errors.append(f"page error: {exc}"))
    yield pg
    context.close()


@pytest.fixture
def page(browser: object, watch: Watch) -> Iterator[object]:
    yield from watched_page(browser, watch, 1500, 1000)


@pytest.fixture
def laptop(browser: object, watch: Watch) -> Iterator[object]:
    """A page on a 1440x900 laptop screen, the size the map must read at first sight."""
    yield from watched_page(browser, watch, 1440, 900)


def shot(page: object, name: str) -> Path:
    """Save a screenshot of the page as a test artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))  # type: ignore[attr-defined]
    return path
