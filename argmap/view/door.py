"""The app's one door to the semantics and the analysis.

Pages and the app's shared modules import what they need of :mod:`argmap.semantics` and
:mod:`argmap.analysis` from here (or from another ``view`` module), never directly: an
import contract in ``pyproject.toml`` keeps it so. What passes through is the reading's
vocabulary (the registered semantics and support treatments, the labels), the one place a
reading is resolved (:func:`reading_of`), and the answers the pages show across audiences.
Everything else the pages need from below is already shaped here in ``view``.

>>> "grounded" in SEMANTICS and "evidential" in VIEWS
True
"""

from __future__ import annotations

from argmap.analysis import Positions, positions
from argmap.analysis.audiences import (
    AudienceReport,
    ThesisStanding,
    audience_report,
    describe_audience,
    standing_of,
    standing_words,
)
from argmap.semantics import SEMANTICS, VIEWS
from argmap.semantics.dung import REGISTRY
from argmap.semantics.framework import VIEW_TABLE, Label
from argmap.semantics.gradual import DEFAULT_BASE_SCORE
from argmap.semantics.reading import Reading, ReadingError, reading_of
from argmap.semantics.values import audiences, value_names

__all__ = [
    "DEFAULT_BASE_SCORE",
    "REGISTRY",
    "SEMANTICS",
    "VIEWS",
    "VIEW_TABLE",
    "AudienceReport",
    "Label",
    "Positions",
    "Reading",
    "ReadingError",
    "ThesisStanding",
    "audience_report",
    "audiences",
    "describe_audience",
    "positions",
    "reading_of",
    "standing_of",
    "standing_words",
    "value_names",
]
