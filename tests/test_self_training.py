"""Noise-robust loss, BOND-style self-training round trip, and rules beside a model."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest

from phogov import predict


def test_gce_loss_values_checked_by_hand():
    import torch

    from phogov.training.finetune import gce_loss

    uniform = torch.zeros(1, 2, 9)  # two tokens, nine tags, all equally likely
    labels = torch.tensor([[3, -100]])
    # (1 - (1/9)^0.7) / 0.7 = (1 - 0.21477) / 0.7 = 1.12176
    assert float(gce_loss(uniform, labels, q=0.7)) == pytest.approx(1.12176, abs=1e-4)
    # q → 0 is cross-entropy: ln 9
    assert float(gce_loss(uniform, labels, q=1e-3)) == pytest.approx(math.log(9), abs=1e-2)
    sure = torch.full((1, 1, 9), -30.0)
    sure[0, 0, 2] = 30.0
    assert float(gce_loss(sure, torch.tensor([[2]]))) == pytest.approx(0.0, abs=1e-6)
    # bounded: a confidently wrong token costs at most 1/q, unlike cross-entropy
    assert float(gce_loss(sure, torch.tensor([[5]]), q=0.7)) == pytest.approx(1 / 0.7, abs=1e-4)
    assert float(gce_loss(uniform, torch.full((1, 2), -100))) == 0.0


def test_pseudo_labels_keep_only_confident_words(tiny_model: Path):
    from phogov.modeling import load_model
    from phogov.training.finetune import load_weak_rows
    from phogov.training.self_training import IGNORE, pseudo_label

    teacher = load_model(tiny_model)
    rows = load_weak_rows(tiny_model.parent / "weak")[:20]
    all_kept, stats_all = pseudo_label(teacher, rows, confidence=1e-6)
    none_kept, stats_none = pseudo_label(teacher, rows, confidence=1.0 - 1e-9)
    assert stats_all["kept"] == 1.0 and all(IGNORE not in r["ner_tags"] for r in all_kept)
    assert stats_none["kept"] < stats_all["kept"]
    assert all(len(r["ner_tags"]) == len(r["words"]) for r in none_kept)
    assert all(0.0 <= p <= 1.0 for r in all_kept for p in r["topics"])
    assert {r["source"] for r in all_kept} == {"pseudo"}


def test_self_training_round_trip(tiny_model: Path, tmp_path: Path):
    from phogov.training.self_training import SelfTrainArguments, self_train

    root = tiny_model.parent
    out = self_train(SelfTrainArguments(
        out=str(tmp_path / "st"), teacher=str(tiny_model), weak=str(root / "weak"),
        gold=[str(root / "dev.jsonl")], rounds=1, confidence=0.5, epochs=1, batch_size=16,
        eval_batch_size=32, learning_rate=1e-3, bf16="no", seed=0, logging_steps=5,
    ))
    log = json.loads((tmp_path / "st" / "self_training.json").read_text())
    assert [r["round"] for r in log["rounds"]] == [0, 1]
    assert 0.0 <= log["rounds"][1]["pseudo"]["kept"] <= 1.0
    best = max(log["rounds"], key=lambda r: r["dev"])
    assert log["best_round"] == best["round"]
    assert (out / "phogov.json").is_file()
    result = predict("Bí thư Tỉnh ủy Nguyễn Văn An dự họp.", model=out)
    assert all(0.0 <= e["score"] <= 1.0 for e in result["entities"])


def test_self_training_needs_gold_to_choose_rounds(tiny_model: Path, tmp_path: Path):
    from phogov.training.self_training import SelfTrainArguments, self_train

    with pytest.raises(ValueError, match="--dev"):
        self_train(SelfTrainArguments(out=str(tmp_path / "x"), teacher=str(tiny_model),
                                      weak=str(tiny_model.parent / "weak")))


def test_tune_combine_writes_a_policy_that_predict_uses_and_pure_bypasses(
        tiny_model: Path, tmp_path: Path):
    from phogov.eval.combine_tuning import tune

    model = tmp_path / "m"
    shutil.copytree(tiny_model, model)
    gold = tiny_model.parent / "dev.jsonl"
    summary = tune(str(model), [str(gold)])
    combined, pure = summary["entity_micro_f1"]["combined"][0], summary["entity_micro_f1"][
        "pure_model"][0]
    assert combined >= pure  # the search starts from the pure model and only moves up
    assert json.loads((model / "phogov.json").read_text())["combine"] == summary["policy"]

    # force a policy whose effect is visible: every label from the rules
    info = json.loads((model / "phogov.json").read_text())
    info["combine"] = {lab: "rules" for lab in ("ORG", "OFFICIAL", "MONEY", "PERCENT")}
    (model / "phogov.json").write_text(json.dumps(info))
    text = "Thu ngân sách đạt 932,7 tỷ đồng, tăng 12,5%."
    from phogov.modeling import _load_cached

    _load_cached.cache_clear()
    rules = predict(text, model="rules")["entities"]
    assert [(e["start"], e["end"], e["label"]) for e in predict(text, model=model)["entities"]] \
        == [(e["start"], e["end"], e["label"]) for e in rules]
    assert predict(text, model=model, pure=True) == predict(text, model=tiny_model)
