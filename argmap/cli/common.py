"""What every command shares: the app, the map argument, the reading options (one
resolution of semantics, support, audience and ranking), the limits, and loading a map."""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from argmap.semantics import SEMANTICS, VIEWS
from argmap.semantics.framework import DEFAULT_VIEW, VIEW_TABLE

if TYPE_CHECKING:
    import networkx as nx

    from argmap.limits import Limits
    from argmap.model import ArgumentMap
    from argmap.semantics.reading import Reading
    from argmap.store.yaml_map import LoadedMap


app = typer.Typer(
    name="argmap",
    help="Map a policy debate: claims from named sources, what supports and attacks them, "
    "and what still stands.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rich and markdown-it cost more than the command itself
)

MapArg = Annotated[Path, typer.Argument(help="A map file (maps/*.yaml).", show_default=False)]

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _fail(lines: list[str] | str, code: int = 1) -> NoReturn:
    for line in [lines] if isinstance(lines, str) else lines:
        typer.secho(line, fg=typer.colors.RED, err=True)
    raise typer.Exit(code)


# The input limits of this run (argmap.limits), set by the --max-* options of each command.
_LIMITS: list[Limits] = []


def _limits() -> Limits:
    from argmap.limits import DEFAULT_LIMITS

    return _LIMITS[-1] if _LIMITS else DEFAULT_LIMITS


def _size(text: str) -> int:
    from argmap.limits import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


_LIMIT_OPTIONS = {
    "max_size": (
        Annotated[
            int | None,
            typer.Option("--max-size", help="Refuse input files larger than this (e.g. 64MB; "
                         "default 32MB).", parser=_size, show_default=False),
        ],
        "max_bytes",
    ),
    "max_items": (
        Annotated[int | None, typer.Option("--max-items", help="Most entries in one list "
                  "(default 100,000).", show_default=False)],
        "max_items",
    ),
    "max_line": (
        Annotated[int | None, typer.Option("--max-line", help="Most characters in one line "
                  "(default 25,000).", show_default=False)],
        "max_line",
    ),
    "max_text": (
        Annotated[int | None, typer.Option("--max-text", help="Most characters in one text "
                  "field (default 20,000).", show_default=False)],
        "max_text",
    ),
}  # fmt: skip


def _limited(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command that reads input the --max-size, --max-items, --max-line and
    --max-text options (see argmap.limits), in force while it runs."""
    import functools

    @functools.wraps(command)
    def run(*args: object, **kwargs: object) -> None:
        changes = {field: kwargs.pop(name, None) for name, (_, field) in _LIMIT_OPTIONS.items()}
        _LIMITS.append(_limits().replace(**changes))  # type: ignore[arg-type]
        try:
            command(*args, **kwargs)
        finally:
            _LIMITS.pop()

    _LIMITED.append(run)
    return run


_LIMITED: list[Callable[..., None]] = []


def _add_limit_options() -> None:
    """Add the limit options to the signatures Typer reads (once the whole module is
    defined: a command's annotations may name types defined after it)."""
    import inspect

    for run in _LIMITED:
        command = run.__wrapped__  # type: ignore[attr-defined]
        signature = inspect.signature(command, eval_str=True)
        extra = [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=kind)
            for name, (kind, _) in _LIMIT_OPTIONS.items()
        ]
        run.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[*signature.parameters.values(), *extra]
        )
        options = {name: kind for name, (kind, _) in _LIMIT_OPTIONS.items()}
        run.__annotations__ = {**command.__annotations__, **options}


def _load(path: Path, *, editable: bool = False) -> LoadedMap:
    """Read a map or exit 1 with its located problems, one per line.

    Read-only commands take the fast reader; only a command that writes the map back
    (keeping its comments) needs ``editable``.
    """
    from argmap.problems import MapFileError
    from argmap.store.yaml_map import read_map

    _READING_SINCE[0] = time.monotonic()
    try:
        return read_map(path, editable=editable, limits=_limits())
    except MapFileError as exc:
        _fail([str(p) for p in exc.problems])


# When the command began reading its map: --timeout counts from there (see _left).
_READING_SINCE = [time.monotonic()]


def _left(timeout: float | None) -> float | None:
    """Return the seconds of ``--timeout`` left once the map is read and its graph built
    (``None``: no limit): reading counts against the limit, and what is left bounds the
    search. Exit 1 saying so when reading took it all."""
    if not timeout:
        return None
    spent = time.monotonic() - _READING_SINCE[0]
    if spent >= timeout:
        _fail(f"reading the map took {spent:.1f} s, all of --timeout {timeout:g}; raise "
              "--timeout, or give 0 for no limit")  # fmt: skip
    return timeout - spent


# Typer offers an Enum's values as choices; the names themselves are the library's.
SemanticsName = StrEnum("SemanticsName", {s: s for s in SEMANTICS})  # type: ignore[misc]

ViewName = StrEnum("ViewName", {v: v for v in VIEWS})  # type: ignore[misc]

DEFAULT_VIEW_NAME = ViewName(DEFAULT_VIEW)

GROUNDED = SemanticsName("grounded")

VIEW_HELP = "How supports count: " + "; ".join(f"{v.name}: {v.title}" for v in VIEW_TABLE.values())

SemanticsOpt = Annotated[
    SemanticsName, typer.Option("--semantics", "-s", help="The argumentation semantics.")
]

# "--view" is the support treatment's older name, kept as an alias.
ViewOpt = Annotated[ViewName, typer.Option("--support", "--view", help=VIEW_HELP)]

TimeoutOpt = Annotated[
    float,
    typer.Option(
        "--timeout",
        help="Seconds for reading the map and searching for complete, preferred or stable "
        "extensions: what reading leaves bounds the search, which then answers "
        "'undetermined'; 0 for no limit.",
        min=0,
    ),
]

AudienceOpt = Annotated[
    str | None,
    typer.Option(
        "--audience",
        help="Weigh attacks by one of the map's audiences (its id): an attack fails when "
        "its target's best value ranks above the attacker's.",
        show_default=False,
    ),
]

RankOpt = Annotated[
    str | None,
    typer.Option(
        "--rank",
        help='Weigh attacks by a ranking of value ids, highest first: "a>b=c>d" (= ties).',
        show_default=False,
    ),
]


def _reading(
    G: nx.DiGraph,
    semantics: SemanticsName = GROUNDED,
    view: ViewName = DEFAULT_VIEW_NAME,
    audience: str | None = None,
    rank: str | None = None,
    *,
    base: dict[str, float] | None = None,
    timeout: float | None = None,
) -> Reading:
    """Return the reading the options ask for (the one place the CLI resolves an audience
    or a ranking), or exit 1 saying what is wrong."""
    from argmap.semantics.reading import ReadingError, reading_of

    try:
        return reading_of(
            G, semantics=semantics.value, support=view.value, audience=audience, rank=rank,
            base_scores=base or {}, timeout=_left(timeout),
        )  # fmt: skip
    except ReadingError as exc:
        flag = "--audience" if audience is not None and rank is None else "--rank"
        if audience is not None and rank is not None:
            _fail(str(exc).replace("an audience or a ranking", "--audience or --rank"))
        _fail(f"{flag} {audience if flag == '--audience' else rank}: {exc}")


def _base_scores(m: ArgumentMap, pairs: list[str]) -> dict[str, float]:
    """Parse ``--base ID=SCORE`` options, or exit 1 naming the bad one."""
    scores = {}
    for pair in pairs:
        claim, _, value = pair.partition("=")
        try:
            score = float(value)
        except ValueError:
            score = -1.0
        if not 0.0 <= score <= 1.0:
            _fail(f"--base {pair}: expected ID=SCORE with a score from 0 to 1, e.g. {claim}=0.8")
        ids = [c.id for c in m.claims]
        if claim not in ids:
            from argmap.model import suggest

            _fail(f"--base {pair}: no claim {claim!r} in the map{suggest(claim, ids)}")
        scores[claim] = score
    return scores


class SideName(StrEnum):
    for_ = "for"
    against = "against"


DatabaseOpt = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="Database URL (default: $ARGMAP_DATABASE_URL, else the SQLite file in the maps "
        "folder: $ARGMAP_MAPS_DIR or ./maps).",
    ),
]


def _database_url(database: str | None) -> str:
    from argmap.store.library import maps_dir
    from argmap.store.verdicts import default_database_url

    return database or default_database_url(maps_dir(Path("maps")))


def _database_url_in(env: dict[str, str]) -> str:
    from argmap.store.verdicts import default_database_url

    return default_database_url(Path(env.get("ARGMAP_MAPS_DIR") or "maps"))


_add_limit_options()
