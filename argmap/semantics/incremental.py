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

from argmap.semantics.dung import IN_CODE, OUT_CODE, UNDEC_CODE
from argmap.semantics.framework import Framework, Label

_CODE_LABEL = (Label.UNDEC, Label.IN, Label.OUT)

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
        self.index = {name: i for i, name in enumerate(fw.names)}
        self._degree = [len(a) for a in fw.attackers]

    def codes(self, rejected: Iterable[str] = (), accepted: Iterable[str] = ()) -> bytearray:
        """Return the grounded labelling under the assumptions as codes (0 undec, 1 in,
        2 out), by argument index. Unknown names raise ``KeyError``."""
        fw, index = self.fw, self.index
        forced = {index[name] for name in rejected}
        for name in accepted:
            forced.update(fw.attackers[index[name]])
        targets = fw.targets
        live = self._degree.copy()  # attackers not yet out
        lab = bytearray(len(live))
        stack: list[int] = []
        push = stack.append

        def make_out(t: int) -> None:
            lab[t] = OUT_CODE
            for u in targets[t]:
                live[u] -= 1

        for t in forced:
            make_out(t)
        for i, k in enumerate(live):
            if not k and lab[i] == UNDEC_CODE:
                lab[i] = IN_CODE
                push(i)
        pop = stack.pop
        while stack:
            for t in targets[pop()]:
                if lab[t] == UNDEC_CODE:
                    lab[t] = OUT_CODE
                    for u in targets[t]:
                        live[u] -= 1
                        if not live[u] and lab[u] == UNDEC_CODE:
                            lab[u] = IN_CODE
                            push(u)
        return lab

    def labels(self, rejected: Iterable[str] = (), accepted: Iterable[str] = ()) -> list[Label]:
        """Return the grounded labels under the assumptions, by argument index."""
        return [_CODE_LABEL[c] for c in self.codes(rejected, accepted)]

    def label(self, name: str, rejected: Iterable[str] = (), accepted: Iterable[str] = ()) -> Label:
        """Return one argument's grounded label under the assumptions."""
        return _CODE_LABEL[self.codes(rejected, accepted)[self.index[name]]]
