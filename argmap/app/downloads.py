"""The app's download buttons, one per output of a registered product
(:mod:`argmap.products.registry`): a page names the products it offers and the request, and
a new product's outputs reach the app without a page changing. The files are the very bytes
``argmap make`` writes for the same choices.

A product's shared work (``prepare``: the brief, say) is cached once per map, product step
and request, so the page that shows a brief and its six downloads build that brief once; an
output that takes seconds (``Output.slow``: PDF, Word, Excel, PowerPoint) is built only when
asked for, so the page reads at once.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from argmap.app.guard import attempt
from argmap.model import ArgumentMap
from argmap.products.registry import Output, Product, Request, products
from argmap.view.prepared import PreparedMap

ss = st.session_state


@st.cache_resource(max_entries=64, show_spinner="Preparing…")
def _prepared(key: str, step: str, request_key: str, _product: Product, _map: ArgumentMap,
              _request: Request) -> Any:  # fmt: skip
    return _product.prepare(_map, _request)


def prepared(key: str, pm: PreparedMap, product: Product, request: Request) -> Any:
    """Return ``product.prepare(map, request)``, cached by map, step and the request's
    :meth:`~Request.shared` part: products with the same ``prepare`` (the brief and the
    flow) share one result, and a render choice (paper, the dossier) builds nothing again."""
    step = f"{product.prepare.__module__}.{product.prepare.__qualname__}"
    return _prepared(key, step, repr(request.shared()), product, pm.map, request)


@st.cache_data(max_entries=64, show_spinner="Writing the file…")
def _rendered(key: str, name: str, request_key: str, suffix: str, _pm: PreparedMap,
              _request: Request) -> bytes:  # fmt: skip
    product = products()[name]
    return product.render(prepared(key, _pm, product, _request), _pm.map, _request, suffix)


def _button(key: str, pm: PreparedMap, product: Product, output: Output, request: Request,
            file_name: str) -> None:  # fmt: skip
    """One output: its download, or for a slow one a button that builds it first and the
    download for as long as the request stays the same."""
    which = f"{product.name}{output.suffix}"
    slot = st.empty()
    signature = (key, repr(request))
    if output.slow and ss.get(f"{which}_built") != signature:
        if not slot.button(f"Prepare {output.label}", key=f"mk_{which}", help=product.about):
            return
        ss[f"{which}_built"] = signature
    # Inside the guard: a writer's fault (lxml, openpyxl) costs its button, not the page.
    data = attempt(
        f"The {output.label} file could not be written",
        lambda: _rendered(key, product.name, repr(request), output.suffix, pm, request),
    )
    if data is not None:
        slot.download_button(
            f"Download {output.label}", data, file_name=file_name, mime=output.mime,
            key=f"dl_{which}", on_click="ignore", help=product.about,
        )  # fmt: skip


def downloads(key: str, pm: PreparedMap, names: list[str], request: Request, stem: str) -> None:
    """Draw a button for every output of the products ``names`` (in registry order within
    each), side by side and wrapping, each as wide as its label (fixed columns cut labels
    on a narrow window); each file is called ``{stem}{suffix}``, with the product's name
    first when there are several."""
    made = products()
    chosen = [made[n] for n in names if n in made]
    with st.container(horizontal=True, wrap=True):
        for product in chosen:
            prefix = f"{product.name}-" if len(chosen) > 1 else ""
            for output in product.outputs:
                _button(key, pm, product, output, request, f"{prefix}{stem}{output.suffix}")


def map_products(needing: frozenset[str] = frozenset()) -> list[str]:
    """Return the names of the registered products that need nothing beyond ``needing``
    (the map's own take-aways need no thesis or side)."""
    return [name for name, p in products().items() if p.needs <= needing]
