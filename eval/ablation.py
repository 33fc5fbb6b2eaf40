"""An ablation table: several systems, each scored on the real-news dev gold and the seeds gold.

One row per system (``NAME=SPEC``, where SPEC is ``rules``, a model directory or
``pure:DIR``); columns are the real-news entity micro-F1 and per-label F1, the
real-news topics micro-F1, and the seeds entity / topics micro-F1. The table is
Markdown, so it goes into a closing note or the README as it is printed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from phogov.eval.evaluate import PURE, evaluate, predictor_for
from phogov.types import ENTITY_LABELS

COLUMNS = ("dev micro", *ENTITY_LABELS, "dev topics", "seeds micro", "seeds topics")


def parse_rows(specs: Sequence[str]) -> list[tuple[str, str]]:
    """``NAME=SPEC`` pairs; a bare SPEC is named after itself."""
    rows: list[tuple[str, str]] = []
    for spec in specs:
        name, sep, system = spec.partition("=")
        if not sep:
            name, system = spec, spec
        if not name or not system:
            raise ValueError(f"ablation row {spec!r}: expected NAME=SYSTEM")
        rows.append((name, system))
    return rows


def has_topics(system: str) -> bool:
    """Whether the system gives topics: the rules do; a model dir only with a topic head."""
    path = Path(system.removeprefix(PURE))
    manifest = path / "phogov.json"
    if system == "rules" or not manifest.is_file():
        return True
    heads = json.loads(manifest.read_text(encoding="utf-8")).get("heads", ["ner", "topics"])
    return "topics" in heads or not system.startswith(PURE)


def score_row(system: str, dev: str | Path, seeds: str | Path) -> dict[str, float | None]:
    """The table's columns for one system (topics ``None`` for an entity-only model)."""
    d = evaluate(dev, predictor_for(system))
    s = evaluate(seeds, predictor_for(system))
    topics = has_topics(system)
    row: dict[str, float | None] = {"dev micro": d["entities"]["micro"]["f1"]}
    row.update({lab: d["entities"][lab]["f1"] for lab in ENTITY_LABELS})
    row["dev topics"] = d["topics"]["micro"]["f1"] if topics else None
    row["seeds micro"] = s["entities"]["micro"]["f1"]
    row["seeds topics"] = s["topics"]["micro"]["f1"] if topics else None
    return row


def format_markdown(table: dict[str, dict[str, float | None]]) -> str:
    """Rows in the given order, three decimals, best value per column in bold, ``—`` for none."""
    best = {c: max((r[c] for r in table.values() if r[c] is not None), default=None)
            for c in COLUMNS}

    def cell(value: float | None, column: str) -> str:
        if value is None:
            return "—"
        return f"**{value:.3f}**" if value == best[column] and len(table) > 1 else f"{value:.3f}"

    lines = ["| system | " + " | ".join(COLUMNS) + " |",
             "|---|" + "---:|" * len(COLUMNS)]
    for name, row in table.items():
        cells = [cell(row[c], c) for c in COLUMNS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run(specs: Sequence[str], dev: str | Path, seeds: str | Path,
        json_out: str | Path | None = None) -> dict[str, dict[str, float]]:
    """Score every row, print the Markdown table, maybe save JSON with the gold names."""
    rows = parse_rows(specs)
    table = {name: score_row(system, dev, seeds) for name, system in rows}
    print(format_markdown(table))
    if json_out:
        out: dict[str, Any] = {"dev": str(dev), "seeds": str(seeds),
                               "systems": dict(rows), "table": table}
        Path(json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(json_out).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return table
