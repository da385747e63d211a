"""The app, served from an installed argmap."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    pass

from argmap.cli.classes import db_upgrade
from argmap.cli.common import (
    _database_url_in,
    _load,
    app,
)


@app.command("app")
def app_(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="A map file to open (default: the maps folder's first).", show_default=False
        ),
    ] = None,
    port: Annotated[int, typer.Option("--port", help="The port to serve on.")] = 8501,
    headless: Annotated[bool, typer.Option("--headless", help="Do not open a browser.")] = False,
) -> None:
    """Open the app (offline, no prompt) on a map, from an installed argmap."""
    import os
    import sys

    env = dict(os.environ)
    if path is not None:
        _load(path)
        env["ARGMAP_MAPS_DIR"] = str(path.resolve().parent)
    query = f"?map={path.stem}" if path is not None else ""
    # The class database's tables, made before serving, where the app will look for them.
    db_upgrade(os.environ.get("ARGMAP_DATABASE_URL") or _database_url_in(env))
    typer.echo(f"argmap: http://127.0.0.1:{port}/{query}")
    command = streamlit_command(port, headless)
    # Become the server (exec, not a child): stopping this process stops the app, and
    # nothing is left running behind it.
    sys.stdout.flush()
    os.execve(sys.executable, command, env)


def streamlit_command(port: int, headless: bool) -> list[str]:
    """Return the command ``argmap app`` becomes: Streamlit on the app's script, on
    127.0.0.1, with the settings of the project's ``.streamlit/config.toml``."""
    from argmap.store.library import upload_limit_mb

    # The app's script, found by path: the CLI never imports Streamlit itself.
    script = Path(__file__).parent.parent / "app" / "streamlit_app.py"
    return [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.headless", "true" if headless else "false",
        # As the project's .streamlit/config.toml: offline, and no first-run e-mail prompt.
        "--server.showEmailPrompt", "false", "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "viewer", "--theme.base", "light",
        # Uploads stop at the map limit, refused by the server before they are read.
        "--server.maxUploadSize", str(upload_limit_mb()),
    ]  # fmt: skip
