"""evaluate(): the predictor sees gold sentences by doc; its spans are checked before scoring."""

from __future__ import annotations

import copy
import json
import sys
import types
from pathlib import Path

import pytest

from phogov.eval.evaluate import PredictionError, evaluate, run
from phogov.training.gold_io import read_gold_jsonl
from phogov.types import ENTITY_LABELS, TOPIC_LABELS, Span

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold_seeds.jsonl"


def gold_echo(path):
    """A fake predictor that answers with the gold itself, looked up by sentence text."""
    gold = read_gold_jsonl(path)
    by_doc: dict[str, list] = {}
    for s in gold:
        by_doc.setdefault(s.doc, []).append(s)
    calls = []

    def predictor(documents):
        calls.append(documents)
        out = []
        for texts, sents in zip(documents, by_doc.values()):
            assert texts == [s.text for s in sents]
            out.append([(copy.deepcopy(s.entities), list(s.topics)) for s in sents])
        return out

    return predictor, calls


def test_gold_echo_scores_one_everywhere():
    predictor, calls = gold_echo(GOLD)
    rep = evaluate(GOLD, predictor)
    assert len(calls) == 1
    docs = calls[0]
    assert [len(d) for d in docs] and sum(len(d) for d in docs) == 178 == rep["sentences"]
    assert docs[0][0].startswith("Ngày 26/11, Ban Thường vụ Thành ủy Hạ Long")
    for label in (*ENTITY_LABELS, "micro"):
        assert rep["entities"][label]["f1"] == 1.0
    for topic in (*TOPIC_LABELS, "micro", "macro"):
        assert rep["topics"][topic]["f1"] == 1.0
    assert rep["entities"]["micro"]["support"] == 170
    assert rep["values"] == {"accuracy": 1.0, "support": 44}
    assert rep["titles"] == {"accuracy": 1.0, "support": 24}


def _one_doc(tmp_path):
    text = "Bí thư Thành ủy chủ trì hội nghị."
    row = {"doc": "d9", "sent": 4, "text": text,
           "entities": [{"start": 7, "end": 15, "label": "ORG", "text": "Thành ủy"}],
           "topics": ["EVENT"]}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    return path, text


def test_span_text_not_matching_offsets_is_a_clear_error(tmp_path):
    path, text = _one_doc(tmp_path)

    def shifted(documents):
        return [[([Span(6, 14, "ORG", "Thành ủy")], ["EVENT"])]]

    with pytest.raises(PredictionError) as info:
        evaluate(path, shifted)
    msg = str(info.value)
    assert "doc 'd9' sentence 4" in msg and "g.jsonl:1" in msg
    assert "[6, 14) gives ' Thành ủ' but its text is 'Thành ủy'" in msg


def test_wrong_number_of_sentences_or_bad_labels(tmp_path):
    path, _ = _one_doc(tmp_path)
    with pytest.raises(PredictionError, match="0 sentences for 1 in doc 'd9'"):
        evaluate(path, lambda docs: [[]])
    with pytest.raises(PredictionError, match="2 documents for 1"):
        evaluate(path, lambda docs: [[([], [])], [([], [])]])
    with pytest.raises(PredictionError, match="unknown topic 'SPORT'"):
        evaluate(path, lambda docs: [[([], ["SPORT"])]])
    with pytest.raises(PredictionError, match="outside the sentence"):
        evaluate(path, lambda docs: [[([Span(30, 40, "ORG", "x")], [])]])


def test_run_prints_and_writes_json(tmp_path, monkeypatch, capsys):
    path, text = _one_doc(tmp_path)
    fake = types.ModuleType("phogov.predictor")
    fake.sentence_predictor = lambda model: (
        lambda docs: [[([Span(7, 15, "ORG", "Thành ủy")], [])]]
    )
    monkeypatch.setitem(sys.modules, "phogov.predictor", fake)
    out = tmp_path / "sub" / "report.json"
    rep = run(path, "rules", str(out))
    assert rep["entities"]["ORG"]["f1"] == 1.0
    assert rep["topics"]["EVENT"]["recall"] == 0.0
    assert json.loads(out.read_text(encoding="utf-8")) == rep
    printed = capsys.readouterr().out
    assert printed.startswith(f"rules on {path}")
