"""The model card: re-recording an evaluation keeps the card's headline and its base."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from phogov.card import EVAL_RESULTS, _is_local, record_evaluation


def _report(f1: float) -> dict:
    cell = {"precision": f1, "recall": f1, "f1": f1, "support": 10}
    return {"sentences": 3,
            "entities": {lab: dict(cell) for lab in ("OFFICIAL", "ORG", "MONEY", "PERCENT",
                                                     "micro")},
            "topics": {"micro": dict(cell), "macro": dict(cell)},
            "values": {"accuracy": 1.0, "support": 1}, "titles": {"accuracy": 1.0, "support": 1}}


def _model(tmp_path: Path, base: str) -> Path:
    root = tmp_path / "m"
    root.mkdir()
    (root / "phogov.json").write_text(json.dumps({"base_model": base, "ner_labels": ["O"]}))
    return root


def _header(root: Path) -> dict:
    return yaml.safe_load((root / "README.md").read_text(encoding="utf-8").split("---")[1])


def test_rerecording_keeps_the_order_and_updates_the_numbers(tmp_path: Path) -> None:
    root = _model(tmp_path, "vinai/phobert-base")
    record_evaluation(root, "gold.jsonl", _report(0.9), "cmd", system="as predict() runs it")
    record_evaluation(root, "gold.jsonl", _report(0.5), "cmd --pure", system="model alone")
    record_evaluation(root, "gold.jsonl", _report(0.95), "cmd", system="as predict() runs it")
    evals = json.loads((root / EVAL_RESULTS).read_text())["evaluations"]
    assert [e["system"] for e in evals] == ["as predict() runs it", "model alone"]
    assert evals[0]["report"]["entities"]["micro"]["f1"] == 0.95
    # the headline (model-index) is still the first system, with its new score
    metrics = _header(root)["model-index"][0]["results"][0]["metrics"]
    assert {"name": "micro F1", "type": "f1", "value": 0.95} in metrics


def test_a_local_backbone_stays_local_on_a_machine_without_it(tmp_path: Path) -> None:
    root = _model(tmp_path, "runs/v1/phogov-mini")  # built elsewhere, absent here
    record_evaluation(root, "gold.jsonl", _report(0.9), "cmd")
    assert _header(root)["base_model"] == "local:phogov-mini"
    assert _is_local("./mini") and _is_local("/abs/mini")
    assert not _is_local("vinai/phobert-base") and not _is_local("roberta-base")


def test_the_training_note_of_the_manifest_survives_a_rewrite(tmp_path: Path) -> None:
    """A model assembled with its own training story (the bundled one) keeps it when an
    evaluation rewrites the card."""
    root = _model(tmp_path, "runs/v1/phogov-mini")
    info = json.loads((root / "phogov.json").read_text())
    info["training_note"] = "Version 2. Fine-tuned on the weak labels of VNTC."
    (root / "phogov.json").write_text(json.dumps(info))
    record_evaluation(root, "gold.jsonl", _report(0.9), "cmd")
    card = (root / "README.md").read_text(encoding="utf-8")
    assert "## Training\n\nVersion 2. Fine-tuned on the weak labels of VNTC." in card
    assert "Backbone: `" not in card
