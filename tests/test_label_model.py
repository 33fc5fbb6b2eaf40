"""The generative label model: EM recovers known LF accuracies; the aggregator choice holds."""

from __future__ import annotations

import json
import random

import numpy as np
import pytest

from phogov.cli import main
from phogov.rules import aggregate, label_model, officials
from phogov.rules.label_model import CLASSES, Item, LabelModel, sentence_items
from phogov.types import Span

TRUE = {"a": (0.9, 0.95), "b": (0.8, 0.85), "c": (0.7, 0.75), "d": (0.6, 0.65), "e": (0.5, 0.9)}


def synthetic(n: int = 4000, seed: int = 0) -> tuple[list[Item], list[str]]:
    """Items from the model's own story: each LF votes with its coverage, right with its
    accuracy, else a uniformly wrong class."""
    rng = random.Random(seed)
    prior = [0.25, 0.35, 0.15, 0.1, 0.15]
    items, truth = [], []
    while len(items) < n:
        y = rng.choices(CLASSES, prior)[0]
        votes = {}
        for src, (coverage, accuracy) in TRUE.items():
            if rng.random() < coverage:
                wrong = [c for c in CLASSES if c != y]
                votes[src] = y if rng.random() < accuracy else rng.choice(wrong)
        if votes:
            items.append(Item(0, 1, votes))
            truth.append(y)
    return items, truth


def test_em_recovers_known_accuracies() -> None:
    items, truth = synthetic()
    model = LabelModel.fit(items)
    for src, (_coverage, accuracy) in TRUE.items():
        assert model.accuracy(src) == pytest.approx(accuracy, abs=0.03), src
    # weighing LFs by their accuracy beats counting their votes
    q = model.posteriors(items)
    learned = np.mean([CLASSES[int(k)] == y for k, y in zip(q.argmax(axis=1), truth)])
    majority = np.mean([
        max(CLASSES, key=lambda c, it=it: (list(it.votes.values()).count(c), -CLASSES.index(c)))
        == y for it, y in zip(items, truth)
    ])
    assert learned > majority + 0.005  # 0.968 vs 0.958 on this seed


def test_sentence_items_votes() -> None:
    spans = [Span(0, 10, "ORG", "x" * 10, source="orgs"),
             Span(5, 10, "OFFICIAL", "x" * 5, source="officials"),
             Span(20, 25, "MONEY", "x" * 5, source="money")]
    items = {(it.start, it.end): it.votes for it in sentence_items(spans)}
    assert items == {(0, 10): {"orgs": "ORG", "officials": "O"},
                     (5, 10): {"orgs": "O", "officials": "OFFICIAL"},
                     (20, 25): {"money": "MONEY"}}


def _family_model() -> LabelModel:
    """Fitted on family-named LFs that never overlap (as the rules were)."""
    label_of = {"orgs": "ORG", "officials": "OFFICIAL", "money": "MONEY", "percent": "PERCENT"}
    items = [Item(0, 1, {src: lab}) for src, lab in label_of.items() for _ in range(50)]
    return LabelModel.fit(items)


def test_unseen_function_borrows_its_family() -> None:
    model = _family_model()
    for source in ("orgs", "orgs.head_noun", "brand_new_lf"):
        kept = model.decode([Span(3, 8, "ORG", "x" * 5, source=source)])
        assert [(s.start, s.end, s.label) for s in kept] == [(3, 8, "ORG")], source
    assert model.key("orgs.head_noun") == "orgs" and model.key("brand_new_lf") is None


def _conflict() -> list[Span]:
    return [Span(0, 12, "MONEY", "x" * 12, source="money"),
            Span(0, 20, "ORG", "x" * 20, source="orgs")]


def _distrusts_money() -> LabelModel:
    """Hand-set: ``money`` votes MONEY for almost anything, ``orgs`` is nearly always right."""
    k = len(CLASSES)
    m_money = np.full((k, k + 1), 0.01)
    m_money[:, CLASSES.index("MONEY")] = 0.5
    m_money[:, -1] = 0.45
    m_orgs = np.full((k, k + 1), 0.001)
    np.fill_diagonal(m_orgs, 0.9)
    m_orgs[:, -1] = 0.1
    m_orgs[CLASSES.index("ORG"), -1] = 0.01
    norm = [m / m.sum(axis=1, keepdims=True) for m in (m_money, m_orgs)]
    return LabelModel(np.full(k, 1 / k), {"money": norm[0], "orgs": norm[1]}, norm[1])


def test_aggregator_choice_is_respected(monkeypatch) -> None:
    monkeypatch.setattr(aggregate, "candidates", lambda text, memory: _conflict())
    memory = officials.DocMemory()
    assert [s.label for s in aggregate.find_entities("t", memory, "priority")] == ["MONEY"]
    lm = _distrusts_money()
    assert [s.label for s in aggregate.find_entities("t", memory, lm.aggregate)] == ["ORG"]
    monkeypatch.setattr(label_model, "bundled_label_model", lambda: lm)
    assert [s.label for s in aggregate.find_entities("t", memory, "label_model")] == ["ORG"]
    assert aggregate.current_aggregator() == "priority"
    with aggregate.using("label_model"):
        assert [r.entities[0].label for r in aggregate.label_document(["t"])] == ["ORG"]
    assert [r.entities[0].label for r in aggregate.label_document(["t"])] == ["MONEY"]
    with pytest.raises(ValueError, match="unknown aggregator 'vote'.*priority, label_model"):
        aggregate.find_entities("t", memory, "vote")


def test_cli_evaluate_passes_the_aggregator(monkeypatch) -> None:
    seen = []
    import phogov.eval.evaluate as ev

    monkeypatch.setattr(ev, "run", lambda *a, **k: seen.append(aggregate.current_aggregator()))
    assert main(["evaluate", "g.jsonl", "--aggregator", "label_model"]) == 0
    assert main(["evaluate", "g.jsonl"]) == 0
    assert seen == ["label_model", "priority"]


def test_json_round_trip_and_bad_files(tmp_path) -> None:
    model = _family_model()
    path = model.save(tmp_path / "lm.json")
    again = LabelModel.load(path)
    items = sentence_items(_conflict())
    assert np.allclose(model.posteriors(items), again.posteriors(items), atol=1e-5)
    obj = json.loads(path.read_text(encoding="utf-8"))
    obj["confusion"]["orgs"][0] = [1.0, 0.0]
    (tmp_path / "bad.json").write_text(json.dumps(obj), encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.json: confusion\['orgs'\] must be 5×6"):
        LabelModel.load(tmp_path / "bad.json")
    (tmp_path / "broken.json").write_text("{\n oops", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.json:2: bad JSON"):
        LabelModel.load(tmp_path / "broken.json")


def test_bundled_model_loads_and_knows_the_families() -> None:
    model = label_model.bundled_label_model()
    assert {"money", "percent", "officials", "orgs"} <= set(model.sources)
    assert model.info.get("documents", 0) > 0
    for src in model.sources:
        assert model.accuracy(src) > 0.5
