"""Build a framework once, then re-evaluate it under many assumptions cheaply.

A what-if ("assume claim c rejected", "assume c accepted") adds to the framework an
unattacked argument that attacks c, or attacks every attacker of c (see
:func:`argmap.semantics.bipolar.attack_framework`). Under grounded semantics an unattacked
argument is *in* and everything it attacks is *out* from the start, so the same labelling
comes from starting the label propagation with those arguments *out*: no new framework, no
new graph, one linear pass over plain lists. :class:`Reevaluator` does that for any number
of assumptions at once; cruxes, and any analysis that asks "what if" many times over one
map (audiences, what a side needs), build one and ask it.

>>> from argmap.semantics.framework import Framework
>>> fw = Framework.from_attacks("abc", [("a", "b"), ("b", "c")])
>>> re = Reevaluator(fw)
>>> [str(x) for x in re.labels()], [str(x) for x in re.labels(rejected=["a"])]
(['in', 'out', 'in'], ['out', 'in', 'out'])
>>> str(re.label("c", accepted=["b"]))
'out'
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.semantics.dung import CODE_LABEL, grounded_codes
from argmap.semantics.framework import Framework, Label

__all__ = ["Reevaluator"]


class Reevaluator:
    """Grounded labels of one framework under assumptions, without rebuilding it.

    ``rejected`` names arguments taken as out; ``accepted`` names arguments whose attackers
    are all taken as out (so they are in unless they attack themselves), exactly as the
    assumption arguments of :class:`~argmap.semantics.bipolar.WhatIf` make them. Each call
    costs one pass over the framework's attacks; building costs one index of names.
    """

    def __init__(self, fw: Framework) -> None:
        self.fw = fw
        self.index = fw.index

    def codes(self, rejected: Iterable[str] = (), accepted: Iterable[str] = ()) -> bytearray:
        """Return the grounded labelling under the assumptions as codes (0 undec, 1 in,
        2 out), by argument index. Unknown names raise ``KeyError``."""
        fw, index = self.fw, self.index
        forced = {index[name] for name in rejected}
        for name in accepted:
            forced.update(fw.attackers[index[name]])
        return grounded_codes(fw, out=forced)

    def labels(self, rejected: Iterable[str] = (), accepted: Iterable[str] = ()) -> list[Label]:
        """Return the grounded labels under the assumptions, by argument index."""
        return [CODE_LABEL[c] for c in self.codes(rejected, accepted)]

    def label(self, name: str, rejected: Iterable[str] = (), accepted: Iterable[str] = ()) -> Label:
        """Return one argument's grounded label under the assumptions."""
        return CODE_LABEL[self.codes(rejected, accepted)[self.index[name]]]
