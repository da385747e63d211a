"""Summarise Argdown's own JSON export of files, for tests/readwrite/test_argdown_upstream.py.

Run Argdown's CLI (``npx @argdown/cli@1.7.5 json 'DIR/*.argdown' OUT``), then
``python scripts/argdown_upstream.py OUT/*.json > tests/fixtures/argdown-upstream/argdown.json``.
The summary keeps what a comparison needs: each equivalence class (statement) by title,
each argument with its premise-conclusion structure (the premises and conclusion of every
inference step), and each relation as (type, from type, from, to type, to), undercuts of an
inference included. The test derives argmap's expected claims and relations from it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def summary(export: dict[str, Any]) -> dict[str, Any]:
    """Return the comparison summary of one Argdown JSON export."""
    arguments: dict[str, Any] = {}
    relations: list[list[str]] = []
    step_at: dict[tuple[str, int], int] = {}  # (argument, pcs index of a conclusion) -> step
    for title, argument in export["arguments"].items():
        steps: list[dict[str, Any]] = []
        pcs = argument.get("pcs") or []
        since: list[str] = []
        for member in pcs:
            inference = member.get("inference")
            if inference is None:
                since.append(member["title"])
                continue
            uses = (inference.get("data") or {}).get("uses")
            premises = [pcs[n - 1]["title"] for n in uses] if uses else since
            steps.append({"premises": premises, "conclusion": member["title"]})
            step_at[(title, pcs.index(member))] = len(steps) - 1
            for rel in inference.get("relations") or []:
                step = str(len(steps) - 1)
                relations.append(
                    [rel["relationType"], rel["fromType"], rel["from"], "inference", title, step]
                )
            since = [member["title"]]
        described = any(
            m.get("role") == "argument-description" and m.get("text", "").strip()
            for m in argument.get("members") or []
        )
        arguments[title] = {"steps": steps, "described": described}
    for rel in export["relations"]:
        row = [rel["relationType"], rel["fromType"], rel["from"], rel["toType"], rel["to"]]
        if rel["toType"] == "inference":  # an undercut of one step, named by its conclusion
            row.append(str(step_at[(rel["to"], rel["conclusionIndex"])]))
        relations.append(row)
    return {
        "statements": sorted(export["statements"]),
        "arguments": arguments,
        "relations": relations,
    }


def main(paths: list[str]) -> None:
    out = {Path(p).stem: summary(json.loads(Path(p).read_text())) for p in sorted(paths)}
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
