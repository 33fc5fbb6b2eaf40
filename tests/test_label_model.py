"""The generative label model: EM recovers known LF accuracies; the aggregator choice holds."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest

from phogov.cli import main
from phogov.rules import aggregate, label_model, officials
from phogov.rules.label_model import Item, LabelModel, sentence_items
from phogov.types import Span

# coverage, accuracy
TRUE = {"a": (0.9, 0.95), "b": (0.8, 0.85), "c": (0.7, 0.75), "d": (0.6, 0.65), "e": (0.5, 0.9)}


def synthetic(n: int = 4000, seed: int = 0) -> tuple[list[Item], list[bool]]:
    """Items from the model's own story: an item is right or not (1/2 each); each LF votes
    with its coverage, and its vote is right with its accuracy."""
    rng = random.Random(seed)
    items, truth = [], []
    while len(items) < n:
        right = rng.random() < 0.5
        votes = {src: right if rng.random() < acc else not right
                 for src, (cov, acc) in TRUE.items() if rng.random() < cov}
        if votes:
            items.append(Item(0, 1, "ORG", votes))
            truth.append(right)
    return items, truth


def test_em_recovers_known_accuracies() -> None:
    items, truth = synthetic()
    model = LabelModel.fit(items)
    for src, (_coverage, accuracy) in TRUE.items():
        assert model.accuracy[src] == pytest.approx(accuracy, abs=0.03), src
    # weighing LFs by their accuracy beats counting their votes (ties count as right)
    learned = np.mean((model.posteriors(items) >= 0.5) == np.array(truth))
    majority = np.mean([
        (sum(1 if v else -1 for v in it.votes.values()) >= 0) == y for it, y in zip(items, truth)
    ])
    assert learned > majority + 0.02, (learned, majority)


def test_single_votes_do_not_move_accuracies() -> None:
    """An item only one LF voted on says nothing about that LF: the prior stays."""
    items = [Item(0, 1, "ORG", {"orgs": True}) for _ in range(500)]
    assert LabelModel.fit(items).accuracy == {"orgs": pytest.approx(0.8)}


def test_sentence_items_votes() -> None:
    spans = [Span(0, 10, "ORG", "x" * 10, source="orgs.a"),
             Span(0, 10, "ORG", "x" * 10, source="orgs.b"),
             Span(5, 10, "OFFICIAL", "x" * 5, source="officials"),
             Span(20, 25, "MONEY", "x" * 5, source="money")]
    items = {(it.start, it.end, it.label): it.votes for it in sentence_items(spans)}
    assert items == {
        (0, 10, "ORG"): {"orgs.a": True, "orgs.b": True, "officials": False},
        (5, 10, "OFFICIAL"): {"orgs.a": False, "orgs.b": False, "officials": True},
        (20, 25, "MONEY"): {"money": True},
    }


def test_decoding_weighs_votes_and_keeps_priority_on_ties() -> None:
    model = LabelModel({"orgs.a": 0.9, "orgs.b": 0.6, "officials": 0.95})
    spans = [Span(0, 10, "ORG", "x" * 10, source="orgs.a"),
             Span(0, 10, "ORG", "x" * 10, source="orgs.b"),
             Span(5, 10, "OFFICIAL", "x" * 5, source="officials")]
    # for the ORG logit(.9) + logit(.6) = 2.60, against it logit(.95) = 2.94: the official wins
    assert [s.label for s in model.decode(spans)] == ["OFFICIAL"]
    model.accuracy["orgs.b"] = 0.8  # 2.20 + 1.39 = 3.58 > 2.94: the ORG wins
    assert [s.label for s in model.decode(spans)] == ["ORG"]
    even = LabelModel({"orgs": 0.8, "officials": 0.8})
    tie = [Span(0, 10, "ORG", "x" * 10, source="orgs"),
           Span(5, 10, "OFFICIAL", "x" * 5, source="officials")]
    assert [s.label for s in even.decode(tie)] == ["OFFICIAL"]  # as the priority vote


def test_unseen_function_borrows_its_family() -> None:
    model = LabelModel({"orgs": 0.6, "money": 0.9}, default=0.7)
    assert model.accuracy_of("orgs.head_noun") == 0.6
    assert model.accuracy_of("brand_new_lf") == 0.7
    kept = model.decode([Span(3, 8, "ORG", "x" * 5, source="orgs.head_noun")])
    assert [(s.start, s.end, s.label, s.source) for s in kept] == [(3, 8, "ORG",
                                                                    "orgs.head_noun")]


def _conflict() -> list[Span]:
    return [Span(0, 12, "MONEY", "x" * 12, source="money"),
            Span(0, 20, "ORG", "x" * 20, source="orgs")]


def test_aggregator_choice_is_respected(monkeypatch) -> None:
    monkeypatch.setattr(aggregate, "candidates", lambda *args: _conflict())
    memory = officials.DocMemory()

    def labels(agg: object) -> list[str]:
        return [s.label for s in aggregate.find_entities("t", memory, aggregator=agg)]

    assert labels("priority") == ["MONEY"]
    lm = LabelModel({"money": 0.55, "orgs": 0.95})  # distrusts money
    assert labels(lm.aggregate) == ["ORG"]
    monkeypatch.setattr(label_model, "bundled_label_model", lambda: lm)
    assert labels("label_model") == ["ORG"]
    assert aggregate.current_aggregator() == "priority"
    with aggregate.using("label_model"):
        assert [r.entities[0].label for r in aggregate.label_document(["t"])] == ["ORG"]
    assert [r.entities[0].label for r in aggregate.label_document(["t"])] == ["MONEY"]
    with pytest.raises(ValueError, match="unknown aggregator 'vote'.*priority, label_model"):
        aggregate.find_entities("t", memory, aggregator="vote")


def test_cli_evaluate_passes_the_aggregator(monkeypatch) -> None:
    seen = []
    import phogov.eval.evaluate as ev

    monkeypatch.setattr(ev, "run", lambda *a, **k: seen.append(aggregate.current_aggregator()))
    assert main(["evaluate", "g.jsonl", "--aggregator", "label_model"]) == 0
    assert main(["evaluate", "g.jsonl"]) == 0
    assert seen == ["label_model", "priority"]


def test_json_round_trip_and_bad_files(tmp_path) -> None:
    items, _ = synthetic(500)
    model = LabelModel.fit(items)
    path = model.save(tmp_path / "lm.json")
    again = LabelModel.load(path)
    assert again.accuracy == pytest.approx(model.accuracy, abs=1e-6)
    assert again.votes == model.votes and again.shared == model.shared
    obj = json.loads(path.read_text(encoding="utf-8"))
    obj["accuracy"]["a"] = 1.5
    (tmp_path / "bad.json").write_text(json.dumps(obj), encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.json: accuracy\['a'\] must be a number in"):
        LabelModel.load(tmp_path / "bad.json")
    (tmp_path / "broken.json").write_text("{\n oops", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.json:2: bad JSON"):
        LabelModel.load(tmp_path / "broken.json")


def test_bundled_model_loads_and_knows_the_families() -> None:
    model = label_model.bundled_label_model()
    assert {"money", "percent"} <= {model.key(s) for s in model.sources}
    assert model.info.get("documents", 0) > 0
    assert all(0.5 <= a <= 0.999 for a in model.accuracy.values())
