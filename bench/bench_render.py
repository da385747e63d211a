"""Time the first full render of maps of 50, 500 and 2,000 claims in a real browser, against an
empty Streamlit page served and loaded the same way in the same run.

    .venv/bin/python bench/bench_render.py [--rounds 5] [--sizes 50,500,2000]

Each sample is a fresh browser context (empty cache) loading the page, until:
- empty page: its one line of text is visible;
- map, first sight: the graph frame reports its first drawing (the question, the theses and
  what fits around them at a readable size, laid out by ELK in the browser), i.e. the map can
  be read and clicked. The ratio to the empty page is taken on this;
- map, whole: then the whole map is unfolded ("Whole map") and timed until it is drawn;
- click: a claim (unfolded first) is clicked and timed until the detail panel shows.
Round 1 is also the server's first read of each map (parse + layout, then cached on content);
the ratios use the median of the later, warm rounds, and round 1 is reported as "cold".
Results go to stdout and bench/out/render.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import (  # noqa: E402
    CHROMIUM_FLAGS,
    LOCAL,
    chromium_path,
    start_app,
    stop_app,
)
from tests.browser.helpers import click_claim, graph_frame, wait_claims  # noqa: E402
from tests.support.mapgen import generate_map_text  # noqa: E402

EMPTY_APP = 'import streamlit as st\n\nst.markdown("empty page ready")\n'


def new_page(browser: Any, blocked: list[str]) -> tuple[Any, Any]:
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, bypass_csp=True)

    def route(route: Any) -> None:
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return context, context.new_page()


def time_empty(browser: Any, url: str, blocked: list[str]) -> float:
    context, page = new_page(browser, blocked)
    started = time.perf_counter()
    page.goto(url)
    page.get_by_text("empty page ready").wait_for(timeout=60_000)
    elapsed = time.perf_counter() - started
    context.close()
    return elapsed


WHOLE = (
    "() => window.__argmapWhole().then(() => new Promise(r =>"
    " requestAnimationFrame(() => requestAnimationFrame(r))))"
)


def time_map(browser: Any, url: str, claims: int, blocked: list[str]) -> tuple[float, float, float]:
    context, page = new_page(browser, blocked)
    started = time.perf_counter()
    page.goto(f"{url}/?map=synthetic-{claims}")
    frame = graph_frame(page, timeout_ms=180_000)
    wait_claims(frame, claims, timeout_ms=180_000)
    drawn = time.perf_counter() - started
    unfolding = time.perf_counter()
    frame.evaluate(WHOLE)
    whole = time.perf_counter() - unfolding + drawn
    target = f"c{claims // 2}"
    clicked = time.perf_counter()
    click_claim(page, frame, target)
    page.locator(".st-key-detail").get_by_text(f"quote number {claims // 2}").wait_for(
        timeout=60_000
    )
    click = time.perf_counter() - clicked
    context.close()
    return drawn, whole, click


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="50,500,2000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        maps = work / "maps"
        maps.mkdir()
        for n in sizes:
            (maps / f"synthetic-{n}.yaml").write_text(generate_map_text(n), encoding="utf-8")
        empty_app = work / "empty_app.py"
        empty_app.write_text(EMPTY_APP, encoding="utf-8")
        app = start_app(maps, work / "app.log")
        empty = start_app(maps, work / "empty.log", app=empty_app)
        blocked: list[str] = []
        samples: dict[str, list[float]] = {"empty": []}
        clicks: dict[str, list[float]] = {}
        wholes: dict[str, list[float]] = {}
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
                time_empty(browser, empty.url, blocked)  # warm the browser process itself
                for round_ in range(args.rounds):
                    samples["empty"].append(time_empty(browser, empty.url, blocked))
                    for n in sizes:
                        drawn, whole, click = time_map(browser, app.url, n, blocked)
                        samples.setdefault(str(n), []).append(drawn)
                        wholes.setdefault(str(n), []).append(whole)
                        clicks.setdefault(str(n), []).append(click)
                    print(
                        f"round {round_ + 1}: "
                        + ", ".join(f"{k}={v[-1]:.2f}s" for k, v in samples.items()),
                        flush=True,
                    )
                browser.close()
        finally:
            stop_app(app)
            stop_app(empty)

    warm = {k: v[1:] if len(v) > 1 else v for k, v in samples.items()}
    empty_median = statistics.median(warm["empty"])
    report: dict[str, Any] = {"rounds": args.rounds, "blocked_requests": blocked, "cases": {}}
    print(f"\n{'case':>8} {'cold s':>8} {'first s':>8} {'ratio':>6} {'whole s':>8} {'click s':>8}")
    for key, values in warm.items():
        median = statistics.median(values)
        ratio = median / empty_median
        click = statistics.median(clicks[key]) if key in clicks else None
        whole_values = wholes.get(key)
        whole = statistics.median(whole_values[1:] or whole_values) if whole_values else None
        report["cases"][key] = {
            "cold_s": samples[key][0],
            "first_sight_median_s": median,
            "ratio_to_empty": ratio,
            "whole_map_median_s": whole,
            "click_to_panel_median_s": click,
            "samples_s": samples[key],
            "whole_samples_s": whole_values,
        }
        whole_text = f"{whole:8.2f}" if whole is not None else f"{'-':>8}"
        click_text = f"{click:8.2f}" if click is not None else f"{'-':>8}"
        print(
            f"{key:>8} {samples[key][0]:8.2f} {median:8.2f} {ratio:6.2f} {whole_text} {click_text}"
        )
    if blocked:
        print(f"requests blocked (left 127.0.0.1): {blocked}")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "render.json").write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
