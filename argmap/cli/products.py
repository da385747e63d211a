"""Commands that make what a debater or a seminar takes away: brief, flow, questions,
timeline, and any registered product (make)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.common import (
    DEFAULT_VIEW_NAME,
    GROUNDED,
    AudienceOpt,
    JsonOpt,
    MapArg,
    RankOpt,
    SemanticsName,
    SemanticsOpt,
    SideName,
    TimeoutOpt,
    ViewName,
    ViewOpt,
    _fail,
    _limited,
    _load,
    _reading,
    app,
)


def _made(
    product_name: str,
    path: Path,
    output: Path,
    *,
    thesis: str | None = None,
    side: SideName | None = None,
    semantics: SemanticsName = GROUNDED,
    view: ViewName = DEFAULT_VIEW_NAME,
    timeout: float = 10.0,
    audience: str | None = None,
    rank: str | None = None,
    full: bool = False,
    letter: bool = False,
    sources: Path | None = None,
) -> None:
    """Make the registered product ``product_name`` of the map at ``path`` into ``output``
    (its suffix picks the output), under the reading the options give; or exit 1 saying
    what is wrong, before anything is built. Every product verb writes through here."""
    from argmap.graph import to_graph
    from argmap.model import suggest
    from argmap.products.registry import Request, products
    from argmap.store.atomic import atomic_write_bytes

    known = products()
    if product_name not in known:
        _fail(f"unknown product {product_name!r}; choose one of: {', '.join(known)}")
    product = known[product_name]
    out = product.output_for(output.name)
    if out is None:
        _fail(f"{output}: {product_name} makes {product.suffixes()}, not "
              f"{output.suffix or 'a file without a suffix'}")  # fmt: skip
    if lacking := product.missing(Request(thesis=thesis, side=side.value if side else None)):
        _fail(f"{product_name} needs {' and '.join('--' + n for n in lacking)}")
    argument_map = _load(path).map
    claims = [c.id for c in argument_map.claims]
    if thesis is not None and thesis not in claims:
        _fail(f"{path}: no claim {thesis!r}{suggest(thesis, claims)}")
    reading = _reading(
        to_graph(argument_map), semantics, view, audience, rank, timeout=timeout or None
    )
    if sources is None and out.suffix == ".docx":
        from argmap.store.library import sources_dir

        sources = sources_dir(path.parent)
    request = Request(
        reading, thesis, side.value if side else None, full=full, letter=letter, sources=sources
    )
    atomic_write_bytes(output, product.make(argument_map, request, out.suffix))
    typer.echo(f"wrote {output}")


FullOpt = Annotated[
    bool,
    typer.Option(
        "--full",
        help="Everything, not the short version: the brief's whole dossier (every argument, "
        "chain, crux and audience, not the round brief of at most 1,200 words); every "
        "discussion question, not the best 15.",
    ),
]
SourcesOpt = Annotated[
    Path | None,
    typer.Option(
        "--sources",
        help=".docx: folder of the sources' texts, to show each quote in its sentence "
        "(default: $ARGMAP_SOURCES, or sources/ near the map, or ../shared/sources).",
        file_okay=False,
    ),
]
LetterOpt = Annotated[bool, typer.Option("--letter", help="PDF on US Letter paper, not A4.")]


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
    letter: LetterOpt = False,
    sources: SourcesOpt = None,
    audience: AudienceOpt = None,
    rank: RankOpt = None,
    full: FullOpt = False,
) -> None:
    """Write a debate brief for one side of a thesis: Markdown, print-ready HTML, PDF, or
    a Verbatim-style Word file (.docx: pocket, hats, blocks, tags and cards); with
    --audience or --rank, argued to that ranking of the values. By default the round
    brief (the best cards of each side within 1,200 words); --full for the dossier.
    The same as argmap make brief."""
    _made("brief", path, output, thesis=thesis, side=side, semantics=semantics, view=view,
          timeout=timeout, audience=audience, rank=rank, full=full, letter=letter,
          sources=sources)  # fmt: skip


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
    the best 15 (cruxes first, then one of each kind in turn), or --all. (argmap make
    questions writes them as a Markdown hand-out or JSON.)"""
    import json

    from argmap.analysis import evaluate
    from argmap.graph import to_graph
    from argmap.model import suggest
    from argmap.products.questions import KINDS, LIMIT, discussion_questions, ranked, to_rows

    m = _load(path).map
    claims = [c.id for c in m.claims]
    if thesis is not None and thesis not in claims:
        _fail(f"{path}: no claim {thesis!r}{suggest(thesis, claims)}")
    G = to_graph(m)
    reading = _reading(G, semantics, view, audience, rank, timeout=10.0)
    every_one = discussion_questions(G, evaluate(G, reading), thesis=thesis)
    found = ranked(every_one, None if every else LIMIT)
    if json_out:
        typer.echo(json.dumps(to_rows(found), indent=2, ensure_ascii=False))
        return
    lines: list[str] = []
    for kind, heading in KINDS.items():
        mine = [q for q in found if q.kind == kind]
        if mine:
            lines += [typer.style(heading, bold=True)]
            lines += [f"- {q.text}\n  Why: {q.because}" for q in mine] + [""]
    if len(found) < len(every_one):
        lines.append(f"({len(every_one) - len(found)} more with --all.)")
    typer.echo("\n".join(lines))


@app.command()
def timeline(
    path: MapArg,
    json_out: JsonOpt = False,
) -> None:
    """Print the positions by date: each source, oldest first, with the claims it states.
    (argmap make timeline writes it as Markdown or JSON.)"""
    import json

    from argmap.products.timeline import timeline as entries
    from argmap.products.timeline import to_rows

    m = _load(path).map
    if json_out:
        typer.echo(json.dumps(to_rows(m), indent=2, ensure_ascii=False))
        return
    lines: list[str] = []
    for e in entries(m):
        lines.append(typer.style(f"{e.when} · {e.source.title}", bold=True))
        lines += [f"  - {c.statement}" for c in e.claims]
    typer.echo("\n".join(lines))


@app.command()
@_limited
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
    pre-filled from the map: each side's arguments, the answers, the drops to extend.
    The same as argmap make flow."""
    _made("flow", path, output, thesis=thesis, side=side, semantics=semantics, view=view,
          timeout=timeout, audience=audience, rank=rank)  # fmt: skip


def _product_names() -> list[str]:
    from argmap.products.registry import products

    return list(products())


@app.command("make")
@_limited
def make(
    product: Annotated[
        str,
        typer.Argument(
            help="What to make: a registered product (brief, deck, flow, page, questions, "
            "timeline, ...).",
            autocompletion=_product_names,
            show_default=False,
        ),
    ],
    path: MapArg,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The file to write; its suffix picks the output.")
    ],
    thesis: Annotated[
        str | None, typer.Option("--thesis", help="The thesis, if it needs or takes one.")
    ] = None,
    side: Annotated[
        SideName | None, typer.Option("--side", help="The side, if it needs one.")
    ] = None,
    semantics: SemanticsOpt = GROUNDED,
    view: ViewOpt = DEFAULT_VIEW_NAME,
    timeout: TimeoutOpt = 10.0,
    audience: AudienceOpt = None,
    rank: RankOpt = None,
    full: FullOpt = False,
    letter: LetterOpt = False,
    sources: SourcesOpt = None,
) -> None:
    """Make a product of the registry (argmap.products entry points) from a map, under the
    reading the options give; its outputs and what it needs come from its declaration
    (argmap products lists them)."""
    _made(product, path, output, thesis=thesis, side=side, semantics=semantics, view=view,
          timeout=timeout, audience=audience, rank=rank, full=full, letter=letter,
          sources=sources)  # fmt: skip


@app.command("products")
def list_products(json_out: JsonOpt = False) -> None:
    """List the products argmap make makes: each one's outputs and what it needs."""
    import json

    from argmap.products.registry import NEEDS, products

    rows = [
        {"name": p.name, "label": p.label, "about": p.about,
         "needs": [n for n in NEEDS if n in p.needs],
         "outputs": [o.suffix for o in p.outputs]}
        for p in products().values()
    ]  # fmt: skip
    if json_out:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for r in rows:
        needs = f"; needs {', '.join('--' + str(n) for n in r['needs'])}" if r["needs"] else ""
        typer.echo(f"{r['name']:<10} {', '.join(r['outputs'])}{needs}\n           {r['about']}")
