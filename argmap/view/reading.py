"""The Read page's text, as the reader component draws it: the text cut into pieces at
every sentence's and every quote's ends, each piece knowing its sentence and the claims
that quote it. Offsets are characters (code points) of the text; the component turns a
selection back into them.

>>> from argmap.products.reading import Mark
>>> text = "Cats purr. Treaties bind states."
>>> p = reader_payload(text, [Mark("c", 11, 19, "Treaties exist.", True)])
>>> for x in p["pieces"]:
...     print(x["start"], repr(x["text"]), x["sentence"], x["claims"])
0 'Cats purr.' 0 []
10 ' ' -1 []
11 'Treaties' 1 ['c']
19 ' bind states.' 1 []
>>> p["sentences"]
[[0, 10], [11, 32]]
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from argmap.products.quote_finder import sentence_spans
from argmap.products.reading import Mark


def reader_payload(
    text: str,
    marks: Sequence[Mark],
    *,
    picked: tuple[int, int] | None = None,
    name: str = "",
) -> dict[str, Any]:
    """Return the component's arguments: the pieces of ``text``, its sentences, the marked
    claims (id and statement, for the marks' titles) and the passage picked so far."""
    sentences = sentence_spans(text)
    cuts = {0, len(text)}
    for s, e in sentences:
        cuts.update((s, e))
    for k in marks:
        cuts.update((k.start, k.end))
    if picked:
        cuts.update(picked)
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    pieces = []
    which = 0
    for a, b in itertools.pairwise(bounds):
        while which < len(sentences) and sentences[which][1] <= a:
            which += 1
        inside = which < len(sentences) and sentences[which][0] <= a < sentences[which][1]
        claims = [k.claim for k in marks if k.start <= a and b <= k.end]
        pieces.append({"start": a, "text": text[a:b], "sentence": which if inside else -1,
                       "claims": claims})  # fmt: skip
    return {
        "name": name,
        "length": len(text),
        "pieces": pieces,
        "sentences": [list(s) for s in sentences],
        "claims": {k.claim: k.statement for k in marks},
        "picked": list(picked) if picked else None,
    }
