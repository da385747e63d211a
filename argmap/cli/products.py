"""Commands that make what a debater or a seminar takes away: brief, flow, questions,
timeline, and any registered product (make)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from argmap.products.brief import Brief

from argmap.cli.common import (
    DEFAULT_VIEW_NAME,
    GROUNDED,
    AudienceOpt,
    JsonOpt,
    MapArg,
    RankOpt,
    SemanticsOpt,
    SideName,
    TimeoutOpt,
    ViewOpt,
    _brief_of,
    _fail,
    _limited,
    _load,
    _reading,
    app,
)


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
