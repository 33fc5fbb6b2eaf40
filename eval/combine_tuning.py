"""``phogov tune-combine``: choose how the rules sit beside a model, on dev gold.

The model (alone) and the rules each label the gold once; every policy is then
a cheap merge of the two answers (``phogov.combine``). Coordinate ascent over the
labels (two passes) picks, per entity label, the policy with the best entity
micro-F1 summed over the gold files, and the topic policy by topic micro-F1.
The choice is written into the model directory's ``phogov.json``, so that
``predict(model=DIR)`` uses it and ``predict(model=DIR, pure=True)`` does not.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from phogov.combine import ENTITY_POLICIES, TOPIC_POLICIES, TOPICS_KEY, merge_entities, merge_topics
from phogov.eval.evaluate import group_by_doc
from phogov.eval.metrics import compute_report
from phogov.training.gold_io import read_labelled
from phogov.types import ENTITY_LABELS

Answers = list[tuple[list[Any], list[str]]]


def _answers(model: str, gold_path: str, pure: bool) -> tuple[list[Any], Answers]:
    from phogov.predictor import sentence_predictor

    docs = group_by_doc(read_labelled(gold_path))
    predicted = sentence_predictor(model, pure=pure)([[s.text for s in d] for d in docs])
    ordered = [s for d in docs for s in d]
    flat = [answer for doc in predicted for answer in doc]
    return ordered, flat


def _score(golds: list[tuple[list[Any], Answers, Answers]], policy: dict[str, str]) -> dict:
    ent = top = 0.0
    per_gold = []
    for ordered, by_model, by_rules in golds:
        merged = [
            (merge_entities(m[0], r[0], policy), merge_topics(m[1], r[1], policy))
            for m, r in zip(by_model, by_rules)
        ]
        report = compute_report(ordered, merged)
        ent += report["entities"]["micro"]["f1"]
        top += report["topics"]["micro"]["f1"]
        per_gold.append(report)
    return {"entities": ent, "topics": top, "reports": per_gold}


def tune(model_dir: str, gold_paths: Sequence[str], write: bool = True) -> dict[str, Any]:
    """The best policy for ``model_dir`` on ``gold_paths``; saved into its phogov.json."""
    root = Path(model_dir)
    manifest = root / "phogov.json"
    if not manifest.is_file():
        raise ValueError(f"{model_dir}: not a local phogov model directory (no phogov.json)")
    golds = []
    for g in gold_paths:
        ordered, by_model = _answers(model_dir, g, pure=True)
        _, by_rules = _answers("rules", g, pure=False)
        golds.append((ordered, by_model, by_rules))
    policy = {label: "model" for label in ENTITY_LABELS}
    policy[TOPICS_KEY] = "model"
    pure = _score(golds, policy)
    best = pure
    for _ in range(2):
        for label in ENTITY_LABELS:
            for option in ENTITY_POLICIES:
                trial = {**policy, label: option}
                got = _score(golds, trial)
                if got["entities"] > best["entities"] + 1e-9:
                    policy, best = trial, got
    for option in TOPIC_POLICIES:
        trial = {**policy, TOPICS_KEY: option}
        got = _score(golds, trial)
        if got["topics"] > best["topics"] + 1e-9:
            policy, best = trial, got
    rules_only = _score(golds, {**{lab: "rules" for lab in ENTITY_LABELS}, TOPICS_KEY: "model"})
    summary = {
        "policy": policy,
        "golds": [str(g) for g in gold_paths],
        "entity_micro_f1": {
            "pure_model": [r["entities"]["micro"]["f1"] for r in pure["reports"]],
            "rules": [r["entities"]["micro"]["f1"] for r in rules_only["reports"]],
            "combined": [r["entities"]["micro"]["f1"] for r in best["reports"]],
        },
        "topic_micro_f1": {
            "pure_model": [r["topics"]["micro"]["f1"] for r in pure["reports"]],
            "combined": [r["topics"]["micro"]["f1"] for r in best["reports"]],
        },
    }
    if write:
        info = json.loads(manifest.read_text(encoding="utf-8"))
        info["combine"] = policy
        tmp = manifest.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        tmp.replace(manifest)
        _forget_cached(model_dir)
    return summary


def _forget_cached(model_dir: str) -> None:
    """A cached load of this directory predates the new policy: drop the cache."""
    from phogov import modeling

    cache = getattr(modeling, "_load_cached", None)
    if cache is not None and hasattr(cache, "cache_clear"):
        cache.cache_clear()


def format_summary(summary: dict[str, Any]) -> str:
    lines = ["policy: " + ", ".join(f"{k} {v}" for k, v in summary["policy"].items())]
    for k, gold in enumerate(summary["golds"]):
        e = summary["entity_micro_f1"]
        t = summary["topic_micro_f1"]
        lines.append(
            f"{gold}: entity micro-F1 rules {e['rules'][k]:.3f}, model {e['pure_model'][k]:.3f}, "
            f"combined {e['combined'][k]:.3f}; topics model {t['pure_model'][k]:.3f}, "
            f"combined {t['combined'][k]:.3f}"
        )
    return "\n".join(lines)
