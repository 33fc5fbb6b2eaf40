"""Flair-style round trip: tiny backbone → train → save → load in a fresh process → predict.

The model is random and barely trained, so these tests check the contract
(offsets, shapes, scores, coverage, errors), not accuracy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from phogov import predict
from phogov.cli import main as cli_main
from phogov.modeling import PhogovModel, load_model

FRESH = textwrap.dedent("""
    import json, sys
    from phogov import predict
    texts = json.load(open(sys.argv[2], encoding="utf-8"))
    print(json.dumps(predict(texts, model=sys.argv[1], batch_size=7), ensure_ascii=False))
""")


def test_fresh_process_predicts_valid_offsets_on_all_gold(tiny_model: Path, gold, tmp_path):
    texts = [g["text"] for g in gold]
    (tmp_path / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), "utf-8")
    done = subprocess.run(
        [sys.executable, "-c", FRESH, str(tiny_model), str(tmp_path / "texts.json")],
        capture_output=True, text=True, timeout=300, env=dict(os.environ, PYTHONPATH=""),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(results) == len(texts)
    for text, res in zip(texts, results):
        end = 0
        for e in res["entities"]:
            assert text[e["start"] : e["end"]] == e["text"]
            assert e["start"] >= end
            end = e["end"]
            assert 0.0 <= e["score"] <= 1.0
            assert ("values" in e) == (e["label"] in ("MONEY", "PERCENT"))
            assert ("titles" in e) == (e["label"] == "OFFICIAL")
        assert [s["text"] for s in res["sentences"]] == [text]
        for s in res["sentences"]:
            assert all(0.0 <= t["score"] <= 1.0 for t in s["topics"])
        assert all(0.0 <= t["score"] <= 1.0 for t in res["topics"])


def test_in_process_matches_fresh_process_shape_and_is_deterministic(tiny_model: Path, gold):
    texts = [g["text"] for g in gold[:10]]
    a = predict(texts, model=tiny_model)
    b = predict(texts, model=str(tiny_model), batch_size=1)  # batching must not change answers
    assert [[(e["start"], e["end"], e["label"]) for e in r["entities"]] for r in a] == [
        [(e["start"], e["end"], e["label"]) for e in r["entities"]] for r in b
    ]
    assert load_model(tiny_model) is load_model(str(tiny_model))  # cached, not reloaded
    import phogov

    assert phogov.load(tiny_model) is load_model(tiny_model)
    with pytest.raises(ValueError, match="rules"):
        phogov.load("rules")


def test_5000_word_document_is_covered_completely(tiny_model: Path, monkeypatch):
    words = ("Ủy ban nhân dân tỉnh Quảng Trị chi 12,5 tỷ đồng cho dự án giao thông "
             "và tăng 8% so với năm trước").split()
    long_sentence = " ".join(words[i % len(words)] for i in range(5000))  # no full stop
    doc = long_sentence + ". Tỉnh ủy họp ngày 26/11."
    seen: list[tuple[int, int]] = []
    original = PhogovModel.predict_words

    def spy(self, batch, batch_size=32):
        word_probs, topic_probs = original(self, batch, batch_size)
        seen.extend((len(ws), len(p)) for ws, p in zip(batch, word_probs))
        return word_probs, topic_probs

    monkeypatch.setattr(PhogovModel, "predict_words", spy)
    res = predict(doc, model=tiny_model)
    assert len(res["sentences"]) == 2
    assert res["sentences"][0]["start"] == 0
    assert res["sentences"][-1]["end"] == len(doc)
    assert res["sentences"][0]["text"] == long_sentence + "."
    assert seen and all(n_words == n_rows for n_words, n_rows in seen)
    assert seen[0][0] >= 4000  # the long sentence went to the model whole (windowed inside)
    for e in res["entities"]:
        assert doc[e["start"] : e["end"]] == e["text"]


def test_empty_and_non_vietnamese_input_with_a_model(tiny_model: Path):
    assert predict("", model=tiny_model) == {"entities": [], "sentences": [], "topics": []}
    english = "The committee met on Monday and discussed the budget for the coming year at length."
    with pytest.warns(UserWarning, match="Vietnamese"):
        res = predict(english, model=tiny_model)
    assert [s["text"] for s in res["sentences"]] == [english]
    with pytest.raises(TypeError):
        predict(3.5, model=tiny_model)


def test_evaluate_a_model_dir_writes_the_documented_json(tiny_model: Path, tmp_path, capsys):
    gold = Path(__file__).resolve().parent.parent / "data" / "gold_seeds.jsonl"
    out = tmp_path / "eval.json"
    assert cli_main(["evaluate", str(gold), "--model", str(tiny_model), "--json", str(out),
                     "--card"]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report) == {"sentences", "entities", "topics", "values", "titles"}
    assert report["sentences"] == 178
    assert set(report["entities"]) == {"OFFICIAL", "ORG", "MONEY", "PERCENT", "micro"}
    assert set(report["topics"]) == {"PARTY", "ECONOMY", "GOVERNANCE", "SECURITY", "SOCIETY",
                                     "EVENT", "micro", "macro"}
    for block in (*report["entities"].values(), *report["topics"].values()):
        assert set(block) == {"precision", "recall", "f1", "support"}
        assert all(0.0 <= block[k] <= 1.0 for k in ("precision", "recall", "f1"))
    assert report["entities"]["ORG"]["support"] == 102
    assert 0.0 <= report["values"]["accuracy"] <= 1.0
    assert "micro" in capsys.readouterr().out
    import yaml

    card = (tiny_model / "README.md").read_text(encoding="utf-8")
    header = yaml.safe_load(card.split("---\n")[1])
    metrics = header["model-index"][0]["results"][0]["metrics"]
    org = next(m for m in metrics if m["name"] == "ORG F1")
    assert org["value"] == round(report["entities"]["ORG"]["f1"], 4)
    assert "## Evaluation" in card
    assert "&id" not in card and "*id" not in card  # plain YAML, no anchors/aliases


def test_model_card_and_manifest(tiny_model: Path):
    info = json.loads((tiny_model / "phogov.json").read_text(encoding="utf-8"))
    assert info["segmenter"] == "pyvi" and info["phogov_version"]
    card = (tiny_model / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\n") and "language: vi" in card and "base_model:" in card
    for head in ("ner", "topics"):
        cfg = json.loads((tiny_model / head / "config.json").read_text(encoding="utf-8"))
        assert cfg["tokenizer_class"] == "PhobertTokenizer"
        assert (tiny_model / head / "vocab.txt").is_file()
        assert (tiny_model / head / "bpe.codes").is_file()


BAD_GOLD = {
    "bad_json": ('{"text": "Tỉnh ủy họp.", "entities": [], "topics": []}\n{"text": oops}\n',
                 ":2:"),
    "offsets": ('{"text": "Tỉnh ủy họp.", "entities": [{"start": 0, "end": 4, "label": "ORG", '
                '"text": "Tỉnh ủy"}], "topics": []}\n', ":1:"),
    "label": ('{"text": "Tỉnh ủy họp.", "entities": [{"start": 0, "end": 7, "label": "PLACE", '
              '"text": "Tỉnh ủy"}], "topics": []}\n', "PLACE"),
    "overlap": ('{"text": "Tỉnh ủy Nghệ An họp.", "entities": ['
                '{"start": 0, "end": 15, "label": "ORG", "text": "Tỉnh ủy Nghệ An"}, '
                '{"start": 8, "end": 15, "label": "ORG", "text": "Nghệ An"}], "topics": []}\n',
                "overlap"),
}


@pytest.mark.parametrize("case", sorted(BAD_GOLD))
def test_malformed_gold_for_training_is_reported_with_file_and_line(case, tmp_path, capsys):
    content, expected = BAD_GOLD[case]
    bad = tmp_path / f"{case}.jsonl"
    bad.write_text(content, encoding="utf-8")
    code = cli_main(["train", "--gold", str(bad), "--base", str(tmp_path / "no-backbone"),
                     "--out", str(tmp_path / "m")])
    err = capsys.readouterr().err
    assert code == 2
    assert str(bad) in err and expected in err
    assert "Traceback" not in err
    assert not (tmp_path / "m" / "phogov.json").exists()


def test_scores_and_topic_probabilities_are_probabilities(tiny_model: Path):
    m = load_model(tiny_model)
    words, topics = m.predict_words([["Tỉnh_ủy", "họp", "."], ["Chi", "5", "tỷ", "đồng"]])
    assert all(np.allclose(w.sum(1), 1.0, atol=1e-5) for w in words)
    assert topics.shape == (2, 6) and ((topics >= 0) & (topics <= 1)).all()


def test_export_halves_the_weights_and_predicts_the_same(tiny_model: Path, tmp_path, gold):
    from phogov.modeling import export_model

    out = export_model(tiny_model, tmp_path / "shipped")
    for head in ("ner", "topics"):
        a = (tiny_model / head / "model.safetensors").stat().st_size
        b = (out / head / "model.safetensors").stat().st_size
        assert b < 0.6 * a
    shipped = load_model(out)
    assert next(shipped.ner.parameters()).dtype.is_floating_point
    assert str(next(shipped.ner.parameters()).dtype) == "torch.float32"  # loaded back as fp32
    texts = [g["text"] for g in gold[:20]]
    ref = load_model(tiny_model)
    wa, ta = ref.predict_words([t.split() for t in texts])
    wb, tb = shipped.predict_words([t.split() for t in texts])
    assert all(np.abs(x - y).max() < 2e-2 for x, y in zip(wa, wb))
    assert np.abs(ta - tb).max() < 2e-2
    assert (out / "README.md").is_file() and (out / "phogov.json").is_file()
