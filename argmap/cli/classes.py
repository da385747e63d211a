"""Commands for a class: verdicts, classes and students' copies, the class report, and
the database's migrations."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from argmap.store.verdicts import Mark

from argmap.cli.common import (
    DatabaseOpt,
    JsonOpt,
    MapArg,
    _database_url,
    _fail,
    _limited,
    _load,
    app,
)


@app.command()
def verdicts(
    path: MapArg,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the CSV here (default: print).")
    ] = None,
    room: Annotated[str, typer.Option("--room", help="The class's room.")] = "",
    database: Annotated[
        str | None,
        typer.Option(
            "--database",
            help="Database URL (default: $ARGMAP_DATABASE_URL, else the SQLite file beside "
            "the map).",
        ),
    ] = None,
) -> None:
    """Export a class's verdicts on a map as CSV: one row per participant and claim."""
    import os

    from argmap.store.atomic import atomic_write_text
    from argmap.store.verdicts import (
        DEFAULT_ROOM,
        StoreError,
        VerdictStore,
        default_database_url,
    )

    said = {c.id: c.statement for c in _load(path).map.claims}  # a broken map is reported
    url = database or os.environ.get("ARGMAP_DATABASE_URL") or default_database_url(path.parent)
    try:
        store = VerdictStore(url)
        try:
            marks = store.marks(path.stem, room=room or DEFAULT_ROOM)
        finally:
            store.close()
    except StoreError as exc:
        _fail(str(exc))
    text = _verdicts_in_words(marks, said)
    if output is None:
        typer.echo(text, nl=False)
    else:
        atomic_write_text(output, text)
        typer.echo(f"wrote {output} ({len(marks)} verdicts)")


def _verdicts_in_words(marks: Sequence[Mark], said: dict[str, str]) -> str:
    """Verdicts as CSV for the people who open it: headers in words, each claim by its
    statement (its id last, for joins); cells a spreadsheet would take for a formula are
    neutralised, as in :func:`argmap.store.verdicts.marks_csv`."""
    import csv
    import io

    from argmap.text import spreadsheet_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Room", "Map", "Claim", "Participant", "Verdict", "Updated", "Claim id"])
    for m in marks:
        row = (m.room, m.map_id, said.get(m.claim_id, m.claim_id), m.participant,
               m.verdict.value, m.updated_at.isoformat(), m.claim_id)  # fmt: skip
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return buffer.getvalue()


# ----------------------------------------------------------------------------- classes
class_app = typer.Typer(
    help="Classes: an instructor's reference map, students' own copies, submissions.",
    no_args_is_help=True,
)

app.add_typer(class_app, name="class")

CodeArg = Annotated[str, typer.Argument(help="The class's join code.", show_default=False)]

NameArg = Annotated[str, typer.Argument(help="Your name in the class.", show_default=False)]


def _maps_folder() -> Path:
    from argmap.store.library import maps_dir

    return maps_dir(Path.cwd() / "maps")


def _class_store(database: str | None) -> Any:
    from argmap.store.classes import ClassStore
    from argmap.store.database import StoreError

    try:
        return ClassStore(_database_url(database))
    except StoreError as exc:
        _fail(str(exc))


def _password(confirm: bool = False) -> str:
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=confirm))


def _refused(run: Callable[[], Any]) -> Any:
    """Run a class-store call; exit 1 with its message when it is refused."""
    from argmap.store.classes import Refused

    try:
        return run()
    except Refused as exc:
        _fail(f"refused ({exc.type}): {exc.message}")


@class_app.command("create")
def class_create(
    name: Annotated[str, typer.Argument(help="The class's name.", show_default=False)],
    reference: Annotated[
        str,
        typer.Option(
            "--reference",
            help="The reference map: a map name in the maps folder (or its file there).",
            show_default=False,
        ),
    ],
    instructor: Annotated[str, typer.Option("--instructor", help="Your name.")] = "Instructor",
    start: Annotated[
        str,
        typer.Option(
            "--start",
            help="Students start from the whole 'reference' or from "
            "its question and sources only ('assignment').",
        ),
    ] = "reference",
    database: DatabaseOpt = None,
) -> None:
    """Create a class around a reference map; print the code students join with."""
    folder = _maps_folder()
    stem = Path(reference).stem if reference.endswith((".yaml", ".yml")) else reference
    if not (folder / f"{stem}.yaml").is_file():
        _fail(f"no map {stem!r} in {folder}; the reference must be in the maps folder")
    _load(folder / f"{stem}.yaml")
    store = _class_store(database)
    password = _password(confirm=True)
    info, _ = _refused(lambda: store.create_class(name, stem, instructor, password, start=start))
    typer.echo(f"class {info.name!r} on {info.reference} (students start from {info.start})")
    typer.echo(f"join code: {info.code}")


@class_app.command("list")
def class_list(database: DatabaseOpt = None, as_json: JsonOpt = False) -> None:
    """List the classes, their reference maps and join codes (for the server's administrator)."""
    import json

    rows = [
        {"name": c.name, "reference": c.reference, "start": c.start.value, "code": c.code}
        for c in _class_store(database).classes()
    ]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        typer.echo(f"{r['code']}  {r['name']}  (reference {r['reference']}, {r['start']})")
    if not rows:
        typer.echo("no classes")


@class_app.command("join")
def class_join(code: CodeArg, name: NameArg, database: DatabaseOpt = None) -> None:
    """Join a class as a student with your own password, and start your copy of its map."""
    from argmap.store.classes import start_text

    store = _class_store(database)
    password = _password(confirm=True)
    who = _refused(lambda: store.join(code, name, password))
    info = store.class_of(who)
    version = _refused(lambda: store.start_copy(who, start_text(info, _maps_folder())))
    typer.echo(f"joined {info.name!r} as {who.name}; your copy starts at version {version.number}")


def _signed_in(store: Any, code: str, name: str) -> Any:
    password = _password()
    return _refused(lambda: store.sign_in(code, name, password))


@class_app.command("save")
def class_save(
    code: CodeArg, name: NameArg,
    path: Annotated[Path, typer.Argument(help="Your map file: saved as your next version.")],
    database: DatabaseOpt = None,
) -> None:  # fmt: skip
    """Save a map file as the next version of your copy."""
    from argmap.limits import read_bytes_limited, text_of

    _load(path)  # a broken file is refused, located, before anything is written
    text = text_of(read_bytes_limited(path), str(path))
    store = _class_store(database)
    who = _signed_in(store, code, name)
    latest = _refused(lambda: store.latest(who))
    if latest is None:
        version = _refused(lambda: store.start_copy(who, text))
    else:
        version = _refused(lambda: store.save(who, text, seen=latest.number))
    typer.echo(f"saved version {version.number}")


@class_app.command("history")
def class_history(code: CodeArg, name: NameArg, database: DatabaseOpt = None) -> None:
    """List the versions of your copy, and which one you submitted."""
    store = _class_store(database)
    who = _signed_in(store, code, name)
    submitted = _refused(lambda: store.submitted(who))
    for v in _refused(lambda: store.history(who)):
        mark = "  (submitted)" if v.number == submitted else ""
        typer.echo(f"{v.number:>4}  {v.saved_at:%Y-%m-%d %H:%M}  {v.note}{mark}")


@class_app.command("undo")
def class_undo(code: CodeArg, name: NameArg, database: DatabaseOpt = None) -> None:
    """Go back one version (saved as a new version: nothing is lost)."""
    store = _class_store(database)
    who = _signed_in(store, code, name)
    latest = _refused(lambda: store.latest(who))
    if latest is None:
        _fail("refused (invalid): start your copy first")
    version = _refused(lambda: store.undo(who, seen=latest.number))
    typer.echo(f"version {version.number}: {version.note}")


@class_app.command("submit")
def class_submit(
    code: CodeArg, name: NameArg,
    version: Annotated[int | None, typer.Option("--version", help="Default: the latest.")] = None,
    database: DatabaseOpt = None,
) -> None:  # fmt: skip
    """Submit a version of your copy to the instructor."""
    store = _class_store(database)
    who = _signed_in(store, code, name)
    number = _refused(lambda: store.submit(who, version))
    typer.echo(f"submitted version {number}")


@class_app.command("export")
def class_export(
    code: CodeArg,
    name: Annotated[str, typer.Argument(help="The instructor's name.", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="A folder for the copies.")],
    submitted_only: Annotated[
        bool, typer.Option("--submitted", help="Only submitted copies (default: else the latest).")
    ] = False,
    database: DatabaseOpt = None,
) -> None:
    """Write every student's copy (submitted, else latest) as FOLDER/NAME.yaml, for
    `argmap class-report`: the instructor's only."""
    import re

    from argmap.store.atomic import atomic_write_text

    store = _class_store(database)
    who = _signed_in(store, code, name)
    copies = _refused(lambda: store.copies(who, submitted_only=submitted_only))
    output.mkdir(parents=True, exist_ok=True)
    for c in copies:
        stem = re.sub(r"[^a-z0-9]+", "-", c.name.lower()).strip("-") or "student"
        atomic_write_text(output / f"{stem}.yaml", c.text)
        state = "submitted" if c.submitted else "latest"
        typer.echo(f"{output / f'{stem}.yaml'}: {c.name}, version {c.number} ({state})")
    if not copies:
        typer.echo("no copies yet")


@app.command("class-report")
@_limited
def class_report_(
    reference: Annotated[
        Path, typer.Argument(help="The instructor's reference map.", show_default=False)
    ],
    students: Annotated[list[Path], typer.Argument(help="The students' maps.", show_default=False)],
    as_json: JsonOpt = False,
    csv_out: Annotated[
        Path | None,
        typer.Option("--csv", help="Also write scores and feedback as CSV (one row a student)."),
    ] = None,
) -> None:
    """Compare each student's map with a reference: claims and relations found, relations of
    the wrong type, theses missing, extra claims, a score; and the class as a whole."""
    import json

    from argmap.products.class_report import class_report, to_csv, to_text
    from argmap.store.atomic import atomic_write_text

    ref = _load(reference).map
    maps = [(str(p), _load(p).map) for p in students]
    # The embeddings that group extra claims serve only the text (and the app).
    report = class_report(ref, maps, group_extras=not as_json)
    if csv_out is not None:
        atomic_write_text(csv_out, to_csv(report, ref))
    if as_json:
        sys.stdout.write(json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n")
        return
    typer.echo(to_text(report, ref))
    if csv_out is not None:
        typer.echo(f"wrote {csv_out}")


db_app = typer.Typer(
    name="db",
    help="The class database (verdicts, classes): its tables, made by migrations.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

app.add_typer(db_app)


@db_app.command("upgrade")
def db_upgrade(database: DatabaseOpt = None) -> None:
    """Create or bring up to date the class database's tables (run it before serving; safe to
    run again, and from several servers at once)."""
    from argmap.store.database import StoreError, make_engine, upgrade

    engine = make_engine(_database_url(database))
    try:
        revision = upgrade(engine)
    except StoreError as exc:
        _fail(str(exc))
    finally:
        engine.dispose()
    typer.echo(f"the class database is at revision {revision} (the newest)")


@db_app.command("current")
def db_current(database: DatabaseOpt = None) -> None:
    """Say which revision the class database is at, and the newest there is."""
    from sqlalchemy.exc import SQLAlchemyError

    from argmap.store.database import current_revision, head_revision, make_engine, plain_message

    engine = make_engine(_database_url(database))
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        _fail(plain_message(exc, "read the class database"))
    finally:
        engine.dispose()
    typer.echo(f"at {current or 'nothing (never upgraded)'}; newest {head_revision()}")
