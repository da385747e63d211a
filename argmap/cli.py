"""The `argmap` command line: everything the app does, without the app.

Heavy modules (pydantic, networkx, Streamlit) are imported inside the commands that need
them, so a command that does not use them starts fast.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO

import typer

from argmap.semantics import SEMANTICS, VIEWS
from argmap.semantics.framework import DEFAULT_VIEW, VIEW_TABLE

if TYPE_CHECKING:
    import networkx as nx

    from argmap.limits import Limits
    from argmap.model import ArgumentMap
    from argmap.products.brief import Brief
    from argmap.readwrite.formats import Direction, Registry
    from argmap.semantics.reading import Reading
    from argmap.store.verdicts import Mark
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

    try:
        return read_map(path, editable=editable, limits=_limits())
    except MapFileError as exc:
        _fail([str(p) for p in exc.problems])


@app.command()
@_limited
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Map files to check.", show_default=False)],
) -> None:
    """Check map files; print every problem as file:line:col: message. Exit 1 if any."""
    from argmap.problems import MapFileError
    from argmap.store.yaml_map import map_warnings, read_map

    failed = False
    for path in paths:
        try:
            loaded = read_map(path, editable=False, limits=_limits())
        except MapFileError as exc:
            failed = True
            for problem in exc.problems:
                typer.secho(str(problem), fg=typer.colors.RED, err=True)
            n = len(exc.problems)
            typer.secho(f"{path}: {n} problem{'s' if n != 1 else ''}", err=True, bold=True)
            continue
        m = loaded.map
        for warning in map_warnings(loaded):
            typer.secho(f"{warning} (warning)", fg=typer.colors.YELLOW, err=True)
        typer.secho(
            f"{path}: ok ({len(m.claims)} claims, {len(m.relations)} relations, "
            f"{len(m.sources)} sources, {len(m.actors)} actors)",
            fg=typer.colors.GREEN,
        )
    if failed:
        raise typer.Exit(1)


@app.command()
@_limited
def show(path: MapArg) -> None:
    """Print a readable summary: sources, actors, claims per source, relation counts."""
    from argmap.products.summary import summary

    typer.echo(summary(_load(path).map), nl=False)


@app.command("check-quotes")
@_limited
def check_quotes(
    path: MapArg,
    sources: Annotated[
        Path,
        typer.Option(
            "--sources",
            help="Folder with the sources' text files.",
            file_okay=False,
            exists=True,
        ),
    ],
) -> None:
    """Check that every claim's quote occurs in its source's text (whitespace aside)."""
    from argmap.products.quotes import check_quotes as run
    from argmap.store.yaml_map import map_locator

    loaded = _load(path)
    results = run(loaded.map, sources)
    misses = [r for r in results if not r.found]
    where = map_locator(loaded) if misses else None
    for r in misses:
        assert where is not None
        line, col = where((r.section, r.claim_index, "quote"), False)
        message = (
            f"{path}:{line}:{col}: {r.section}[{r.claim_index}].quote ({r.claim_id}): {r.problem}"
        )
        if r.closest:
            message += f'; closest passage ({r.similarity:.0%} alike): "{r.closest}"'
            if r.at is not None:
                message += f" at [{r.at[0]}, {r.at[1]}]"
        typer.secho(message, fg=typer.colors.RED, err=True)
    found = len(results) - len(misses)
    summary_line = f"{path}: {found} of {len(results)} quotes found"
    if misses:
        _fail(summary_line)
    typer.secho(summary_line, fg=typer.colors.GREEN)


@app.command("find-quote")
def find_quote(
    statement: Annotated[str, typer.Argument(help="The claim, in your words.", show_default=False)],
    text: Annotated[
        Path | None,
        typer.Option("--text", help="A text file to search.", dir_okay=False, exists=True),
    ] = None,
    map_path: Annotated[
        Path | None, typer.Option("--map", help="A map whose source to search (with --source).")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="The id of the source in --map.")
    ] = None,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            help="Folder with the sources' text files (default: $ARGMAP_SOURCES, or sources/ "
            "near the map, or shared/sources beside the project).",
            file_okay=False,
        ),
    ] = None,
    top: Annotated[int, typer.Option("--top", help="How many passages.", min=1)] = 5,
    as_json: JsonOpt = False,
) -> None:
    """Find the passages of a source that best ground a statement, best first, with their
    character offsets (text[start:end] is the passage)."""
    import json

    from argmap.products.quote_finder import find_passages

    if (text is None) == (map_path is None) or (map_path is not None) != (source is not None):
        _fail("give either --text FILE, or --map MAP with --source SOURCE_ID")
    if text is not None:
        from argmap.limits import read_source_text

        name, words = str(text), read_source_text(text, _limits())
    else:
        assert map_path is not None and source is not None
        from argmap.products.quotes import source_text
        from argmap.store.library import sources_dir

        folder = sources or sources_dir(map_path.parent)
        if folder is None:
            _fail(f"{map_path}: no folder of source texts found; name one with --sources DIR")
        try:
            name, words = source_text(_load(map_path).map, source, folder)
        except LookupError as exc:
            _fail(f"{map_path}: {exc.args[0]}")
    found = find_passages(statement, words, top)
    if as_json:
        sys.stdout.write(json.dumps([p.as_json() for p in found], ensure_ascii=False) + "\n")
        return
    if not found:
        _fail(f"{name}: no sentences to search")
    for p in found:
        typer.echo(f"{p.score:.2f}  [{p.start}:{p.end}]  {p.passage}")


@app.command("suggest-links")
@_limited
def suggest_links(
    path: MapArg,
    claim: Annotated[str, typer.Argument(help="The id of the claim to link.", show_default=False)],
    top: Annotated[int, typer.Option("--top", help="How many suggestions.", min=1)] = 5,
    as_json: JsonOpt = False,
) -> None:
    """Suggest what a claim supports or attacks, best first, by meaning and by the debate's
    structure (same thesis, the actors' allies and opponents). Nothing is added to the map."""
    import json

    from argmap.model import suggest
    from argmap.products.links import suggest_links as run

    m = _load(path).map
    ids = [c.id for c in m.claims]
    if claim not in ids:
        _fail(f"{path}: no claim {claim!r}{suggest(claim, ids)}")
    found = run(m, claim, top)
    if as_json:
        sys.stdout.write(json.dumps([s.as_json() for s in found], ensure_ascii=False) + "\n")
        return
    if not found:
        _fail(f"{path}: no claim left for {claim!r} to bear on")
    for s in found:
        typer.echo(f"{s.score:.2f}  {s.type:8}  {s.target}  ({'; '.join(s.reasons)})")


def _formats() -> Registry:
    # Every format module is imported to find the formats: only commands that use them pay.
    from argmap.view.formats import registry

    return registry()


def _format_name(direction: Direction) -> Callable[[str], str]:
    def check(value: str) -> str:
        table = _formats().table(direction)
        if value not in table:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(table)}")
        return value

    return check


def _format_for(path: Path, direction: Direction, option: str) -> str:
    formats = _formats()
    fmt = formats.format_of(path.name, direction)
    if fmt is None:
        known = ", ".join(
            f"{f.name} ({' '.join(f.suffixes_for(direction))})"
            for f in formats.table(direction).values()
        )
        _fail(f"{path}: cannot tell the format from the name {path.name!r}; "
              f"name it with {option}: {known}")  # fmt: skip
    return fmt


@app.command("formats")
def formats_(
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the README's table of formats.")
    ] = False,
) -> None:
    """List every format argmap reads and writes, its suffixes and what it keeps."""
    formats = _formats()
    every = sorted({**formats.exports, **formats.imports}.values(), key=lambda f: f.name)
    if markdown:
        typer.echo("| format | name | read | write | suffixes | keeps |")
        typer.echo("|---|---|---|---|---|---|")
        for fmt in every:
            mark = {True: "yes", False: ""}
            suffixes = " ".join(f"`{s}`" for s in fmt.suffixes)
            typer.echo(
                f"| {fmt.label} | `{fmt.name}` | {mark[fmt.parse is not None]} | "
                f"{mark[fmt.write is not None]} | {suffixes} | {fmt.keeps} |"
            )
        return
    for fmt in every:
        ways = "/".join(w for w, ok in (("read", fmt.parse), ("write", fmt.write)) if ok)
        typer.echo(f"{fmt.name:8} {ways:10} {' '.join(fmt.suffixes):24} {fmt.label}")
        typer.echo(f"{'':8} keeps: {fmt.keeps}")


@app.command()
@_limited
def export(
    path: MapArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="The file to write.")],
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="The output format (default: from the output's extension; see argmap formats).",
            parser=_format_name("export"),
        ),
    ] = None,
    view: Annotated[
        str,
        typer.Option("--view", help="iccma/apx: how supports count (" + ", ".join(VIEWS) + ")."),
    ] = DEFAULT_VIEW,
) -> None:
    """Write a map in another format: json, graphml, argdown, aif, dot, svg, html (a
    standalone interactive page), iccma or apx (its attack framework, with a key)."""
    from argmap.readwrite.svg import GraphvizMissing
    from argmap.store.atomic import atomic_write_bytes

    fmt = to or _format_for(output, "export", "--to")
    if view not in VIEWS:
        _fail(f"unknown view {view!r}; expected {' or '.join(VIEWS)}")
    if fmt == "yaml" and path.suffix.lower() in (".yaml", ".yml"):
        # The map file itself, once checked: what the comment-keeping round trip writes for a
        # map it has not changed, byte for byte, without its 4 s on 2,000 claims.
        _load(path)
        atomic_write_bytes(output, path.read_bytes())
        typer.echo(f"wrote {output}")
        return
    loaded = _load(path, editable=fmt == "yaml")  # YAML keeps the file's comments
    try:
        data = _formats().export_map(loaded, fmt, view)
    except GraphvizMissing as exc:
        _fail(str(exc))
    except RuntimeError as exc:  # dot failed
        _fail(f"{path}: {exc}")
    atomic_write_bytes(output, data)
    typer.echo(f"wrote {output}")


@app.command("import")
@_limited
def import_(
    source: Annotated[
        Path, typer.Argument(help="An Argdown, AIF JSON or Kialo file.", show_default=False)
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="The map file to write.")],
    from_: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="The input format (default: from the extension; see argmap formats).",
            parser=_format_name("import"),
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
    texts: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            help="For a .docx: the folder to write the cards' texts to, for check-quotes "
            "(default: sources/ beside the output map).",
            file_okay=False,
        ),
    ] = None,
) -> None:
    """Make a map file from another tool's file (Argdown, AIF, Kialo, or a Verbatim .docx
    of cards); print what could not be kept as warnings."""
    from argmap.problems import MapFileError
    from argmap.store.yaml_map import write_map

    if from_ is None and source.suffix.lower() == ".docx":
        _import_docx(source, output, texts or output.parent / "sources", force=force)
        return
    fmt = from_ or _format_for(source, "import", "--from")
    if output.exists() and not force:
        _fail(f"{output} exists; use --force to replace it")
    from argmap.limits import read_limited

    try:
        text = read_limited(source, _limits(), lines=False)  # import_map checks the lines
        result = _formats().import_map(text, fmt, str(source), limits=_limits())
    except MapFileError as exc:
        _fail([str(p) for p in exc.problems])
    for warning in result.warnings:
        typer.secho(str(warning), fg=typer.colors.YELLOW, err=True)
    write_map(result.map, output)
    m = result.map
    n = len(result.warnings)
    typer.echo(
        f"wrote {output} ({len(m.claims)} claims, {len(m.relations)} relations; "
        f"{n} warning{'s' if n != 1 else ''})"
    )


def _import_docx(source: Path, output: Path, folder: Path, *, force: bool) -> None:
    """Import a Verbatim .docx: the map to ``output``, its cards' texts into ``folder``."""
    from argmap.limits import read_bytes_limited
    from argmap.problems import MapFileError
    from argmap.readwrite.verbatim import read_verbatim
    from argmap.store.atomic import atomic_write_text
    from argmap.store.yaml_map import write_map

    if output.exists() and not force:
        _fail(f"{output} exists; use --force to replace it")
    try:
        found = read_verbatim(read_bytes_limited(source, _limits()), str(source), _limits())
    except MapFileError as exc:
        _fail([str(p) for p in exc.problems])
    clashes = [name for name in found.texts if (folder / name).exists()]
    if clashes and not force:
        _fail(f"{folder / clashes[0]} exists; use --force to replace it")
    for warning in found.result.warnings:
        typer.secho(str(warning), fg=typer.colors.YELLOW, err=True)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in found.texts.items():
        atomic_write_text(folder / name, text)
    write_map(found.result.map, output)
    m, n = found.result.map, len(found.result.warnings)
    typer.echo(
        f"wrote {output} ({len(m.claims)} claims, {len(m.sources)} sources; "
        f"{n} warning{'s' if n != 1 else ''}) and {len(found.texts)} source texts to {folder}"
    )


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to this file, not stdout.")
    ] = None,
) -> None:
    """Print (or write) the JSON Schema of the map format, for editors."""
    from argmap.store.schema import schema_text

    text = schema_text()
    if output is None:
        sys.stdout.write(text)
    else:
        from argmap.store.atomic import atomic_write_text

        atomic_write_text(output, text)
        typer.echo(f"wrote {output}")


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
        help="Seconds to search for complete, preferred or stable extensions before "
        "answering 'undetermined'; 0 for no limit.",
    ),
]


@app.command()
@_limited
def solve(
    path: Annotated[
        Path,
        typer.Argument(
            help="An abstract framework: ICCMA 2023 'p af N', APX or TGF (detected).",
            show_default=False,
        ),
    ],
    semantics: SemanticsOpt = GROUNDED,
    timeout: TimeoutOpt = 60.0,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", min=0, help="List at most this many extensions (memory stays bounded)."
        ),
    ] = 100,
    count: Annotated[
        bool, typer.Option("--count", help="Count the extensions; list none.")
    ] = False,
) -> None:
    """Print the extensions of an abstract framework as JSON, one extension a line, as they
    are written. The timeout covers reading, solving and printing."""
    # Light imports only: no pydantic, networkx or rich on this path.
    from argmap.readwrite.iccma import FrameworkFormatError, stream_task

    try:
        stream_task(path, semantics.value, sys.stdout, timeout or None, _limits(), limit, count)
    except FrameworkFormatError as exc:
        sys.stderr.write(f"{exc}\n")
        raise typer.Exit(1) from None


@app.command()
@_limited
def label(
    path: MapArg,
    semantics: SemanticsOpt = GROUNDED,
    view: ViewOpt = DEFAULT_VIEW_NAME,
    as_json: JsonOpt = False,
    timeout: TimeoutOpt = 60.0,
    base: Annotated[
        list[str] | None,
        typer.Option(
            "--base",
            help="Try another base score for a claim: ID=SCORE (0 to 1); repeat for more.",
            show_default=False,
        ),
    ] = None,
    audience: AudienceOpt = None,
    rank: RankOpt = None,
) -> None:
    """Print each claim's label (in / out / undec) and strength for a map."""
    import json

    from argmap.analysis import label_report
    from argmap.graph import to_graph

    m = _load(path).map
    G = to_graph(m)
    reading = _reading(G, semantics, view, audience, rank, base=_base_scores(m, base or []),
                       timeout=timeout or None)  # fmt: skip
    ranking = reading.audience
    report = label_report(G, reading, relations=as_json)  # the text prints claims only
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        return
    lines = []
    if ranking is not None:
        from argmap.analysis.audiences import describe_audience

        lines.append(f"audience: {describe_audience(ranking, G)}")
    from argmap.vocabulary import LABELS

    # Statements where people read; ids (and strengths) in --json.
    lines += [
        f"{LABELS[claim['label']].verdict:<10} {claim['statement']}" for claim in report["claims"]
    ]
    if report.get("message"):
        lines.append(report["message"])
    if lines:  # one write: 20,000 echo calls were 6% of label's time
        typer.echo("\n".join(lines))


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
            base_scores=base or {}, timeout=timeout,
        )  # fmt: skip
    except ReadingError as exc:
        flag = "--audience" if audience is not None and rank is None else "--rank"
        if audience is not None and rank is not None:
            _fail(str(exc).replace("an audience or a ranking", "--audience or --rank"))
        _fail(f"{flag} {audience if flag == '--audience' else rank}: {exc}")


@app.command()
def audiences(
    path: MapArg,
    semantics: SemanticsOpt = GROUNDED,
    view: ViewOpt = DEFAULT_VIEW_NAME,
    as_json: JsonOpt = False,
    timeout: TimeoutOpt = 60.0,
) -> None:
    """Print what stands for which audience: each claim uncontested (nothing attacks it),
    objective (attacked, in under every ranking of the values), subjective (some) or
    indefensible (none), the map's audiences each thesis stands for, and what it needs and
    what suffices among the value preferences."""
    import json

    from argmap.analysis.audiences import audience_report, describe_audience
    from argmap.graph import to_graph
    from argmap.semantics.values import audiences as audiences_of

    G = to_graph(_load(path).map)
    try:
        report = audience_report(G, semantics.value, view.value, timeout=timeout or None)
    except TimeoutError as exc:
        _fail(f"{path}: {exc}; try --semantics grounded, which answers at once")
    if as_json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    names = {v["id"]: v.get("name", v["id"]) for v in G.graph.get("values", [])}
    typer.echo("values: " + (", ".join(names.values()) or "none (every attack succeeds)"))
    names_of: dict[str, str] = {}
    for ranking in audiences_of(G):
        names_of[str(ranking.id)] = ranking.name or str(ranking.id)
        typer.echo(f"audience: {describe_audience(ranking, G)}")
    from argmap.analysis.audiences import ACCEPTANCE_WORDS, standing_words

    statements = {c: str(G.nodes[c].get("statement", c)) for c in G.nodes}
    for t in report.theses:
        typer.echo(f"thesis: {statements[t.id]}")
        typer.echo(f"  {ACCEPTANCE_WORDS[t.acceptance.value]}")
        for line in standing_words(t):
            typer.echo(f"  {line}")
        stands = [names_of.get(a, a) for a in report.claim(t.id).stands_for]
        typer.echo("  stands for: " + (", ".join(stands) or "none of the map's audiences"))
    typer.echo("claims:")
    for c in report.claims:
        typer.echo(f"  {c.acceptance.value:<12} {statements[c.id]}")


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


@app.command()
def needs(
    path: MapArg,
    claim: Annotated[str, typer.Argument(help="The id of the claim.", show_default=False)],
    view: ViewOpt = DEFAULT_VIEW_NAME,
    as_json: JsonOpt = False,
    audience: AudienceOpt = None,
    rank: RankOpt = None,
) -> None:
    """What it would take for a claim to stand (grounded): the smallest sets of claims to
    answer (reject) and of relations to cut, at most 3 of each, smallest first."""
    import json

    from argmap.analysis.needs import needs as find
    from argmap.graph import to_graph
    from argmap.model import suggest

    m = _load(path).map
    claims = [c.id for c in m.claims]
    if claim not in claims:
        _fail(f"{path}: no claim {claim!r}{suggest(claim, claims)}")
    G = to_graph(m)
    reading = _reading(G, GROUNDED, view, audience, rank)
    result = find(G, claim, reading.support, audience=reading.audience)
    if as_json:
        sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False) + "\n")
        return
    from argmap.products.brief.build import link_words
    from argmap.vocabulary import LABELS

    said = LABELS[str(result.label)].verdict
    typer.echo(f"“{G.nodes[claim]['statement']}” {said}.")
    if not (result.reject or result.cut):
        typer.echo("It stands already." if result.label == "in" else "Nothing in the map can.")
    for n, group in enumerate(result.reject, 1):
        every = "all of these" if len(group) > 1 else "this"
        typer.echo(f"{'To carry it' if n == 1 else 'Or'}, answer {every}:")
        for c in group:
            typer.echo(f"  - {G.nodes[c]['statement']}")
    for group in result.cut:
        links = "; ".join(link_words(G, r) for r in group)
        typer.echo(f"Or break {'these links' if len(group) > 1 else 'the link'}: {links}")
    if result.message:
        typer.echo(result.message.capitalize() + ".")


class SideName(StrEnum):
    for_ = "for"
    against = "against"


@app.command()
@_limited
def brief(
    path: MapArg,
    thesis: Annotated[str, typer.Option("--thesis", help="The id of the thesis to argue.")],
    side: Annotated[SideName, typer.Option("--side", help="Argue for or against it.")],
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="The brief to write: .md, .html, .pdf or .docx."),
    ],
    semantics: SemanticsOpt = GROUNDED,
    view: ViewOpt = DEFAULT_VIEW_NAME,
    timeout: TimeoutOpt = 10.0,
    letter: Annotated[
        bool, typer.Option("--letter", help="PDF on US Letter paper, not A4.")
    ] = False,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            help=".docx: folder of the sources' texts, to show each quote in its sentence "
            "(default: $ARGMAP_SOURCES, or sources/ near the map, or ../shared/sources).",
            file_okay=False,
        ),
    ] = None,
    audience: AudienceOpt = None,
    rank: RankOpt = None,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="The whole dossier: every argument, chain, crux and "
            "audience, not the round brief of at most 1,200 words.",
        ),
    ] = False,
) -> None:
    """Write a debate brief for one side of a thesis: Markdown, print-ready HTML, PDF, or
    a Verbatim-style Word file (.docx: pocket, hats, blocks, tags and cards); with
    --audience or --rank, argued to that ranking of the values. By default the round
    brief (the best cards of each side within 1,200 words); --full for the dossier."""
    from argmap.products.brief import to_html, to_markdown
    from argmap.store.atomic import atomic_write_bytes

    def pdf(b: Brief) -> bytes:
        from argmap.products.brief.pdf import to_pdf

        return to_pdf(b, letter=letter, full=full)

    def docx(b: Brief) -> bytes:
        from argmap.products.brief.docx import source_texts, to_docx
        from argmap.store.library import sources_dir

        folder = sources or sources_dir(path.parent)
        return to_docx(b, argument_map, source_texts(argument_map, folder), full=full)

    def md(b: Brief) -> str:
        return to_markdown(b, full=full)

    def page(b: Brief) -> str:
        return to_html(b, full=full)

    renderers: dict[str, Callable[[Brief], str | bytes]] = {
        ".md": md, ".markdown": md, ".html": page, ".htm": page, ".pdf": pdf, ".docx": docx,
    }  # fmt: skip
    from argmap.products.registry import products

    # The outputs are the brief product's (argmap make brief makes the same files).
    outputs = [o.suffix for o in products()["brief"].outputs]
    render = renderers.get(output.suffix.lower())
    if render is None:
        listed = f"{', '.join(outputs[:-1])} or {outputs[-1]}" if len(outputs) > 1 else outputs[0]
        _fail(f"{output}: unknown brief format {output.suffix!r}; use {listed}")
    argument_map, result = _brief_of(path, thesis, side, semantics, view, timeout, audience, rank)
    data = render(result)
    atomic_write_bytes(output, data.encode("utf-8") if isinstance(data, str) else data)
    typer.echo(f"wrote {output}")


@app.command()
def questions(
    path: MapArg,
    thesis: Annotated[
        str | None, typer.Option("--thesis", help="Only this thesis (default: every one).")
    ] = None,
    json_out: JsonOpt = False,
    every: Annotated[
        bool, typer.Option("--all", help="Every question, not only the best 15.")
    ] = False,
    semantics: SemanticsOpt = GROUNDED,
    view: ViewOpt = DEFAULT_VIEW_NAME,
    audience: AudienceOpt = None,
    rank: RankOpt = None,
) -> None:
    """Print seminar discussion questions drawn from the map, each with why it is asked:
    the best 15 (cruxes first, then one of each kind in turn), or --all."""
    import json

    from argmap.analysis import evaluate
    from argmap.graph import to_graph
    from argmap.model import suggest
    from argmap.products.questions import KINDS, LIMIT, discussion_questions, ranked

    m = _load(path).map
    claims = [c.id for c in m.claims]
    if thesis is not None and thesis not in claims:
        _fail(f"{path}: no claim {thesis!r}{suggest(thesis, claims)}")
    G = to_graph(m)
    reading = _reading(G, semantics, view, audience, rank, timeout=10.0)
    every_one = discussion_questions(G, evaluate(G, reading), thesis=thesis)
    found = ranked(every_one, None if every else LIMIT)
    if json_out:
        rows = [
            {"kind": q.kind, "question": q.text, "because": q.because, "claims": list(q.claims)}
            for q in found
        ]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for kind, heading in KINDS.items():
        mine = [q for q in found if q.kind == kind]
        if not mine:
            continue
        typer.secho(heading, bold=True)
        for q in mine:
            typer.echo(f"- {q.text}\n  Why: {q.because}")
        typer.echo("")
    if len(found) < len(every_one):
        typer.echo(f"({len(every_one) - len(found)} more with --all.)")


@app.command()
def timeline(
    path: MapArg,
    json_out: JsonOpt = False,
) -> None:
    """Print the positions by date: each source, oldest first, with the claims it states."""
    import json

    from argmap.products.timeline import timeline as entries

    found = entries(_load(path).map)
    if json_out:
        rows = [
            {"date": e.date, "date_inferred": e.date_inferred, "source": e.source.id,
             "claims": [c.id for c in e.claims]}
            for e in found
        ]  # fmt: skip
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for e in found:
        date = (e.date or "undated") + (
            " (from the source that reports it)" if e.date_inferred else ""
        )
        typer.secho(f"{date} · {e.source.title}", bold=True)
        for c in e.claims:
            typer.echo(f"  - {c.statement}")


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
    script = Path(__file__).with_name("app") / "streamlit_app.py"
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


def _brief_of(
    path: Path,
    thesis: str,
    side: SideName,
    semantics: SemanticsName,
    view: ViewName,
    timeout: float,
    audience: str | None = None,
    rank: str | None = None,
) -> tuple[ArgumentMap, Brief]:
    """Read a map and build the brief for ``side`` of ``thesis`` (argued to ``audience``
    or the ranking ``rank`` when given), or exit 1 saying why."""
    from argmap.graph import to_graph
    from argmap.model import suggest
    from argmap.products.brief import build_brief

    argument_map = _load(path).map
    claims = [c.id for c in argument_map.claims]
    if thesis not in claims:
        _fail(f"{path}: no claim {thesis!r}{suggest(thesis, claims)}")
    G = to_graph(argument_map)
    reading = _reading(G, semantics, view, audience, rank, timeout=timeout or None)
    result = build_brief(G, thesis, side.value, reading=reading)
    return argument_map, result


@app.command()
def flow(
    path: MapArg,
    thesis: Annotated[str, typer.Option("--thesis", help="The id of the thesis of the round.")],
    side: Annotated[SideName, typer.Option("--side", help="Our side: for (aff) or against (neg).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The sheet: .xlsx or .csv.")],
    semantics: SemanticsOpt = GROUNDED,
    view: ViewOpt = DEFAULT_VIEW_NAME,
    timeout: TimeoutOpt = 10.0,
    audience: AudienceOpt = None,
    rank: RankOpt = None,
) -> None:
    """Write a flow sheet for a policy round, one column per speech (1AC ... 2AR),
    pre-filled from the map: each side's arguments, the answers, the drops to extend."""
    from argmap.products.flow import build_flow, to_csv, to_xlsx
    from argmap.store.atomic import atomic_write_bytes

    suffix = output.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        _fail(f"{output}: unknown flow format {output.suffix!r}; use .xlsx or .csv")
    _, result = _brief_of(path, thesis, side, semantics, view, timeout, audience, rank)
    sheet = build_flow(result)
    data = to_xlsx(sheet) if suffix == ".xlsx" else to_csv(sheet).encode("utf-8")
    atomic_write_bytes(output, data)
    typer.echo(f"wrote {output} ({len(sheet.rows)} rows)")


def _product_names() -> list[str]:
    from argmap.products.registry import products

    return list(products())


@app.command("make")
@_limited
def make(
    product: Annotated[
        str,
        typer.Argument(
            help="What to make: a registered product (deck, ...); see argmap make --help.",
            autocompletion=_product_names,
            show_default=False,
        ),
    ],
    path: MapArg,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The file to write; its suffix picks the output.")
    ],
    thesis: Annotated[
        str | None, typer.Option("--thesis", help="The thesis, if it needs one.")
    ] = None,
    side: Annotated[
        SideName | None, typer.Option("--side", help="The side, if it needs one.")
    ] = None,
    semantics: SemanticsOpt = GROUNDED,
    timeout: TimeoutOpt = 10.0,
    audience: AudienceOpt = None,
) -> None:
    """Make a product of the registry (argmap.products entry points: the slide deck, ...)
    from a map; its outputs and the reading it needs come from its declaration."""
    from argmap.products.registry import Request, products
    from argmap.store.atomic import atomic_write_bytes

    known = products()
    if product not in known:
        _fail(f"unknown product {product!r}; choose one of: {', '.join(known)}")
    chosen = known[product]
    out = chosen.output_for(output.name)
    if out is None:
        suffixes = ", ".join(o.suffix for o in chosen.outputs)
        _fail(f"{output}: {product} makes {suffixes}, not {output.suffix or 'no suffix'}")
    request = Request(
        thesis=thesis, side=side.value if side else None,
        semantics=semantics.value, audience=audience, timeout=timeout or None,
    )  # fmt: skip
    if lacking := chosen.missing(request):
        _fail(f"{product} needs {' and '.join('--' + n for n in lacking)}")
    argument_map = _load(path).map
    claims = [c.id for c in argument_map.claims]
    if thesis is not None and thesis not in claims:
        from argmap.model import suggest

        _fail(f"{path}: no claim {thesis!r}{suggest(thesis, claims)}")
    try:
        data = chosen.make(argument_map, request, out.suffix)
    except KeyError as exc:  # an audience the map does not have
        _fail(f"{path}: {exc.args[0]}")
    atomic_write_bytes(output, data)
    typer.echo(f"wrote {output}")


@app.command("diff")
def diff(
    old: Annotated[
        Path, typer.Argument(help="The first map (e.g. a student's).", show_default=False)
    ],
    new: Annotated[
        Path, typer.Argument(help="The second map (e.g. the instructor's).", show_default=False)
    ],
    as_json: JsonOpt = False,
    semantics: SemanticsOpt = GROUNDED,
) -> None:
    """Compare two maps: claims (matched by id, else by their words) and relations added,
    removed and changed, labels changed, and how far OLD agrees with NEW."""
    import json

    from argmap.products.diff import agreement, diff_maps, to_text

    a, b = _load(old).map, _load(new).map
    d = diff_maps(a, b, semantics=semantics.value)
    if as_json:
        sys.stdout.write(json.dumps(d.as_json(), ensure_ascii=False, indent=2) + "\n")
        return
    typer.echo(to_text(d, a, b), nl=False)
    score = agreement(a, b, d)
    for name, (n, total) in (
        ("claims found", score.claims_found),
        ("relations agreeing", score.relations_agreeing),
        ("attributions agreeing", score.attributions_agreeing),
    ):
        typer.echo(f"{name}: {n} of {total}")


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


_add_limit_options()


class _TerminalSafe:
    """A text stream that writes what it is given through :func:`argmap.text.terminal_safe`:
    every line argmap prints (maps' text, file names, messages) reaches the terminal as
    text, never as a control sequence. Everything else is the wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from argmap.text import terminal_safe

        # Colours are kept: click writes them only to a terminal, around escaped text.
        return self._stream.write(terminal_safe(text, colours=True))

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def main() -> None:
    sys.stdout = _TerminalSafe(sys.stdout)
    sys.stderr = _TerminalSafe(sys.stderr)
    # A command builds a map's objects at once and keeps them to its end; at the cyclic
    # collector's default pace (a pass per 700 new objects) it re-scans them again and again,
    # a fifth of `label`'s time on 20,000 claims. Reference counting still frees the rest.
    gc.set_threshold(100_000, 50, 100)
    app()


if __name__ == "__main__":
    main()
