"""Every choice the app keeps, in one place: its session key, its URL parameter, what it may be.

A choice survives changing page (Streamlit forgets the value of a widget a page does not draw,
so :func:`keep_all` writes every kept value back on each run) and reloading the page (each run
ends with :func:`sync_url` writing the choices into the URL, and a new session starts with
:func:`boot` reading them back). The same URL is the "link to this view".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

import streamlit as st

from argmap.products.drawing.colours import COLOUR_BY
from argmap.view.door import SEMANTICS, VIEWS
from argmap.view.select import FOCUS_MODES

TEXT_LIMIT = 100  # characters of a free-text value (a name, a room) taken from a URL

# Session keys (widget keys where a widget draws them).
PAGE = "page"  # the url path of the page shown (not kept: the URL's path says it)
MAP = "map_choice"
SELECTED = "selected"
SEMANTICS_KEY = "semantics"
VIEW_KEY = "view"
AUDIENCE = "audience"  # "" plain, "*" across all audiences, else a map audience's id
COLOUR = "colour_by"
SIDE_THESIS = "side_thesis"  # the thesis whose sides "colour by side" and the sources page use
FOCUS = "focus"
FOCUS_STEPS = "focus_steps"
DEPTH = "depth"  # the layers slider
DEPTH_LIMIT = "depth_limit"  # what it limits to; None when every layer shows
SEARCH = "search"
BRIEF_THESIS = "brief_thesis"
BRIEF_SIDE = "brief_side"
VERDICT_NAME = "verdict_name"
VERDICT_ROOM = "verdict_room"
WHAT_IF_KEYS = ("wi_reject", "wi_accept", "wi_cut")
BASE_SLIDER = "wi-base-"  # + claim id: the claim panel's base-score slider
BASE_KEY = "wi_base"  # claim id -> base score tried (the map page's what-if)
# What a new map resets: the selection, what is looked at, and the what-if.
VIEW_KEYS = (BASE_KEY, "f_sources", "f_actors", "f_tags", "f_kinds", SEARCH, FOCUS, DEPTH,
             DEPTH_LIMIT)  # fmt: skip


def _text(value: str) -> str | None:
    value = " ".join(value.split())[:TEXT_LIMIT]
    return value or None


def _one_of(choices: tuple[str, ...]) -> Callable[[str], str | None]:
    return lambda value: value if value in choices else None


def _int_in(low: int, high: int) -> Callable[[str], int | None]:
    def parse(value: str) -> int | None:
        return int(value) if value.isdigit() and low <= int(value) <= high else None

    return parse


@dataclass(frozen=True)
class Kept:
    """A choice kept across pages and reloads.

    ``parse`` turns the URL's text into the value (None when it is not a valid one); a value
    equal to ``default`` is left out of the URL. Values that depend on the map (a claim, a
    thesis) are checked by the page that uses them.
    """

    key: str
    param: str
    parse: Callable[[str], Any] = _text
    default: Any = None
    aliases: tuple[str, ...] = ()  # older parameter names still read from a URL


KEPT: tuple[Kept, ...] = (
    Kept(MAP, "map"),
    Kept(SELECTED, "claim"),
    Kept(SEMANTICS_KEY, "semantics", _one_of(SEMANTICS), SEMANTICS[0]),
    Kept(VIEW_KEY, "support", _one_of(VIEWS), VIEWS[0], aliases=("view",)),
    Kept(AUDIENCE, "audience", default=""),
    Kept(COLOUR, "colour", _one_of(tuple(COLOUR_BY)), next(iter(COLOUR_BY))),
    Kept(SIDE_THESIS, "side_of"),
    Kept(FOCUS, "focus", _one_of(FOCUS_MODES), FOCUS_MODES[0]),
    Kept(FOCUS_STEPS, "steps", _int_in(1, 6), 2),
    Kept(DEPTH_LIMIT, "depth", _int_in(1, 99)),
    Kept(SEARCH, "q"),
    Kept(BRIEF_THESIS, "thesis"),
    Kept(BRIEF_SIDE, "side", _one_of(("for", "against")), "for"),
    Kept(VERDICT_NAME, "name"),
    Kept(VERDICT_ROOM, "room"),
)
KEPT_KEYS = tuple(k.key for k in KEPT)

ss = st.session_state


def from_params(params: Mapping[str, str]) -> dict[str, Any]:
    """The kept values a URL's parameters name, each checked; unknown or invalid ones dropped.

    >>> from_params({"semantics": "preferred", "side": "sideways", "steps": "3", "x": "1"})
    {'semantics': 'preferred', 'focus_steps': 3}
    >>> from_params({"view": "bipolar"})  # the support treatment's older name
    {'view': 'bipolar'}
    """
    values: dict[str, Any] = {}
    for kept in KEPT:
        raw = next((params[p] for p in (kept.param, *kept.aliases) if p in params), None)
        if raw is None:
            continue
        value = kept.parse(str(raw))
        if value is not None:
            values[kept.key] = value
    return values


def to_params(values: Mapping[str, Any]) -> dict[str, str]:
    """The URL parameters for the kept values, in :data:`KEPT` order, defaults left out.

    >>> to_params({"selected": "c1", "semantics": "grounded", "brief_side": "against"})
    {'claim': 'c1', 'side': 'against'}
    """
    params: dict[str, str] = {}
    for kept in KEPT:
        value = values.get(kept.key)
        if value is None or value == "" or value == kept.default:
            continue
        params[kept.param] = str(value)
    return params


def boot() -> None:
    """First run of a session: take every kept choice the URL names."""
    if ss.get("booted"):
        return
    ss.booted = True
    wanted = st.query_params.get("map")
    for key, value in from_params(st.query_params.to_dict()).items():
        ss[key] = value
    ss.setdefault(SELECTED, None)
    ss.wanted_map = wanted  # checked against the maps folder by the map picker


def keep_all() -> None:
    """Keep every kept widget value when a page that does not draw the widget runs."""
    for key in KEPT_KEYS:
        if key in ss:
            ss[key] = ss[key]


def current_params() -> dict[str, str]:
    return to_params({k: ss.get(k) for k in KEPT_KEYS})


def sync_url() -> None:
    """Write the kept choices into the URL (only when they changed: each write is a message).

    Not before :func:`boot` has read the URL, or a first run would wipe it.
    """
    if not ss.get("booted"):
        return
    wanted = current_params()
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def link_to_view() -> str:
    """The full URL that reopens this view: page, map, claim and every other choice."""
    origin = "http://127.0.0.1:8501"
    if st.context.url:
        parts = urlsplit(st.context.url)
        origin = f"{parts.scheme}://{parts.netloc}"
    query = urlencode(current_params())
    return f"{origin}/{ss.get(PAGE, '')}" + (f"?{query}" if query else "")
