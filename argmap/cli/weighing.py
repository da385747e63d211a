"""Commands that weigh: label, audiences, needs, and solve for abstract frameworks."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from argmap.cli.common import SemanticsName, ViewName

from argmap.cli.common import (
    DEFAULT_VIEW_NAME,
    GROUNDED,
    AudienceOpt,
    JsonOpt,
    MapArg,
    RankOpt,
    SemanticsOpt,
    TimeoutOpt,
    ViewOpt,
    _base_scores,
    _fail,
    _left,
    _limited,
    _limits,
    _load,
    _reading,
    app,
)


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
    from argmap.limits import collection_paused

    # A short process that builds millions of objects and no cycles: the collector's full
    # passes over them were a tenth of label's time at 20,000 claims.
    with collection_paused():
        _label(path, semantics, view, as_json, timeout, base, audience, rank)


def _label(
    path: Path,
    semantics: SemanticsName,
    view: ViewName,
    as_json: bool,
    timeout: float,
    base: list[str] | None,
    audience: str | None,
    rank: str | None,
) -> None:
    import json

    from argmap.analysis import label_report
    from argmap.graph import to_graph

    m = _load(path).map
    G = to_graph(m)
    reading = _reading(G, semantics, view, audience, rank, base=_base_scores(m, base or []),
                       timeout=timeout or None)  # fmt: skip
    ranking = reading.audience
    # The text prints each claim's label only: its strengths and relations are in --json.
    report = label_report(G, reading, relations=as_json, strengths=as_json)
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
        report = audience_report(G, semantics.value, view.value, timeout=_left(timeout))
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
