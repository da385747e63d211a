"""Commands on map files: validate, show, check and find quotes, formats, export and
import, the schema, link suggestions and diff."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from argmap.semantics import VIEWS
from argmap.semantics.framework import DEFAULT_VIEW

if TYPE_CHECKING:
    from argmap.readwrite.formats import Direction, Registry

from argmap.cli.common import (
    GROUNDED,
    JsonOpt,
    MapArg,
    SemanticsOpt,
    _fail,
    _limited,
    _limits,
    _load,
    app,
)


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
def show(path: MapArg, json_out: JsonOpt = False) -> None:
    """Print a readable summary: sources, actors, claims per source, relation counts (by
    name; --json gives the same with every id)."""
    if json_out:
        import json

        from argmap.products.summary import summary_json

        typer.echo(json.dumps(summary_json(_load(path).map), indent=2, ensure_ascii=False))
        return
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
