"""One reading of a map: the one value every label, page and product is computed under.

A :class:`Reading` says how a map is read: the Dung ``semantics``, how supports count
(``support``, one of :data:`~argmap.semantics.framework.VIEWS`), whose ranking of the
values weighs the attacks (``audience``), a what-if (``assume``, ``base_scores``) and a
``timeout``. It is frozen and hashable, so caches key on it, and two pages given the same
reading show the same labels. :func:`reading_of` resolves an audience id or a ranking
written ``"a>b=c"`` against the map, the one place that happens.

>>> import networkx as nx
>>> G = nx.DiGraph(values=[{"id": "s", "name": "security"}, {"id": "r", "name": "rights"}],
...                audiences=[{"id": "m", "name": "The ministry", "ranking": [["s"]]}])
>>> r = reading_of(G, audience="m")
>>> r.audience.name, r.semantics, r.support
('The ministry', 'grounded', 'evidential')
>>> reading_of(G, rank="r>s").audience.tiers
(('r',), ('s',))
>>> reading_of(G, audience="mm")
Traceback (most recent call last):
...
argmap.semantics.reading.ReadingError: no audience 'mm'; did you mean 'm'? (audiences: m)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import networkx as nx

from argmap.semantics.bipolar import WhatIf
from argmap.semantics.dung import semantics_named
from argmap.semantics.framework import DEFAULT_VIEW, VIEWS
from argmap.semantics.values import Ranking, audience_named, parse_ranking, value_ids


class ReadingError(ValueError):
    """A reading that cannot be resolved against the map: its message says what to give."""


@dataclass(frozen=True)
class Reading:
    """How a map is read (see the module docstring). ``audience`` ``None``: plain attacks."""

    semantics: str = "grounded"
    support: str = DEFAULT_VIEW
    audience: Ranking | None = None
    assume: WhatIf = field(default_factory=WhatIf)
    base_scores: tuple[tuple[str, float], ...] = ()
    timeout: float | None = None

    @property
    def view(self) -> str:
        """The support treatment under its older name."""
        return self.support

    def base(self) -> dict[str, float] | None:
        """Return the base-score overrides as a dict, or ``None`` for none."""
        return dict(self.base_scores) if self.base_scores else None

    def plain(self) -> Reading:
        """Return this reading without its what-if (the map as it stands)."""
        return replace(self, assume=WhatIf(), base_scores=())

    def with_assume(self, assume: WhatIf) -> Reading:
        """Return this reading with the what-if ``assume``."""
        return replace(self, assume=assume)


def reading_of(
    G: nx.DiGraph,
    *,
    semantics: str = "grounded",
    support: str = DEFAULT_VIEW,
    audience: str | None = None,
    rank: str | None = None,
    assume: WhatIf | None = None,
    base_scores: Mapping[str, float] | Iterable[tuple[str, float]] = (),
    timeout: float | None = None,
) -> Reading:
    """Return the :class:`Reading` these choices make on the map graph ``G``.

    ``audience`` is one of the map's audience ids, ``rank`` a ranking of some or all of
    its values (``"a>b=c"``); give one or neither. Raises :class:`ReadingError` naming
    what is wrong and the nearest right choice.
    """
    semantics_named(semantics)
    if support not in VIEWS:
        raise ReadingError(f"unknown support {support!r}; expected one of {', '.join(VIEWS)}")
    if audience is not None and rank is not None:
        raise ReadingError("give an audience or a ranking, not both")
    ranking: Ranking | None = None
    try:
        if audience:
            ranking = audience_named(G, audience)
        elif rank:
            ranking = parse_ranking(rank, value_ids(G))
    except KeyError as exc:
        raise ReadingError(exc.args[0]) from None
    except ValueError as exc:
        raise ReadingError(str(exc)) from None
    pairs = base_scores.items() if isinstance(base_scores, Mapping) else base_scores
    return Reading(
        semantics,
        support,
        ranking,
        assume or WhatIf(),
        tuple(sorted((str(k), float(v)) for k, v in pairs)),
        timeout,
    )
