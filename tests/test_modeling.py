"""The model directory (phogov.modeling): layout, loading, errors, predict_words.

A tiny random backbone (2 layers, hidden 32) is built with
``phogov.training.backbone.make_backbone`` from the gold texts; the heads are
untrained, which is enough for shapes, probabilities and round trips.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from phogov.modeling import (
    MANIFEST,
    ModelInfo,
    ModelLoadError,
    PhogovModel,
    load_backbone_for_training,
    load_model,
)
from phogov.types import NER_TAGS, TOPIC_LABELS

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold_seeds.jsonl"


def tiny_backbone(root: Path) -> Path:
    from phogov.training.backbone import make_backbone

    corpus = root / "corpus.txt"
    texts = [json.loads(line)["text"] for line in GOLD.read_text(encoding="utf-8").splitlines()]
    corpus.write_text("\n".join(texts) + "\n", encoding="utf-8")
    return make_backbone(root / "backbone", [corpus], layers=2, hidden=32, heads=2,
                         vocab_size=1200, seed=0, processes=1)


@pytest.fixture(scope="module")
def backbone(tmp_path_factory) -> Path:
    return tiny_backbone(tmp_path_factory.mktemp("bb"))


@pytest.fixture(scope="module")
def model_dir(backbone, tmp_path_factory) -> Path:
    ner, tok = load_backbone_for_training(str(backbone), "ner")
    topics, _ = load_backbone_for_training(str(backbone), "topics")
    info = ModelInfo(topic_thresholds={"PARTY": 0.3}, base_model=str(backbone))
    out = tmp_path_factory.mktemp("m") / "model"
    PhogovModel(tok, ner, topics, info, device="cpu").save(out)
    return out


SENTS = [
    ["Bí_thư", "Thành_ủy", "chủ_trì", "hội_nghị", "."],
    ["Giá_trị", "sản_xuất", "đạt", "234.000", "tỷ", "đồng", "."],
    [],
    ["Ngày", "26/11", ","],
]


def test_backbone_tokenizer_is_capped_to_256(backbone):
    _model, tok = load_backbone_for_training(str(backbone), "ner")
    assert tok.model_max_length == 256
    assert type(tok).__name__ == "PhobertTokenizer"


def test_layout_and_each_head_is_a_standard_hf_dir(model_dir):
    from transformers import (
        AutoModelForSequenceClassification,
        AutoModelForTokenClassification,
        AutoTokenizer,
    )

    info = json.loads((model_dir / MANIFEST).read_text(encoding="utf-8"))
    assert info["ner_labels"] == list(NER_TAGS)
    assert info["topic_labels"] == list(TOPIC_LABELS)
    assert info["topic_thresholds"]["PARTY"] == 0.3 and info["topic_thresholds"]["EVENT"] == 0.5
    for key in ("phogov_version", "segmenter", "base_model", "max_length", "created"):
        assert key in info
    ner = AutoModelForTokenClassification.from_pretrained(model_dir / "ner")
    assert ner.config.id2label[1] == "B-OFFICIAL"
    top = AutoModelForSequenceClassification.from_pretrained(model_dir / "topics")
    assert top.config.problem_type == "multi_label_classification"
    for sub in ("ner", "topics"):
        tok = AutoTokenizer.from_pretrained(model_dir / sub)
        assert type(tok).__name__ == "PhobertTokenizer" and tok.model_max_length == 256


def test_predict_words_probabilities(model_dir):
    m = load_model(model_dir, device="cpu")
    assert load_model(model_dir, device="cpu") is m  # cached
    word_probs, topic_probs = m.predict_words(SENTS, batch_size=2)
    assert [p.shape for p in word_probs] == [(5, 9), (7, 9), (0, 9), (3, 9)]
    for p in word_probs:
        assert np.all((p >= 0) & (p <= 1))
        assert np.allclose(p.sum(axis=1), 1.0, atol=1e-5)
    assert topic_probs.shape == (4, 6)
    assert np.all((topic_probs >= 0) & (topic_probs <= 1))
    assert topic_probs[2].tolist() == [0.0] * 6  # the empty sentence
    assert m.thresholds["PARTY"] == pytest.approx(0.3)
    assert m.segmenter == "pyvi"


def test_batching_and_length_sorting_do_not_mix_sentences(model_dir):
    m = load_model(model_dir, device="cpu")
    together, top_together = m.predict_words(SENTS, batch_size=3)
    for k, words in enumerate(SENTS):
        alone, top_alone = m.predict_words([words], batch_size=1)
        assert np.allclose(alone[0], together[k], atol=1e-5)
        assert np.allclose(top_alone[0], top_together[k], atol=1e-5)


def test_long_sentence_gets_one_row_per_word(model_dir):
    m = load_model(model_dir, device="cpu")
    words = (SENTS[0] + SENTS[1]) * 100  # 1,200 words, far beyond 256 subwords
    (probs,), topics = m.predict_words([words])
    assert probs.shape == (1200, 9)
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-5)
    assert topics.shape == (1, 6)


def test_choose_topics_uses_thresholds(model_dir):
    m = load_model(model_dir, device="cpu")
    assert m.choose_topics(np.array([0.31, 0.49, 0.5, 0.0, 0.0, 0.9])) == [
        "PARTY", "GOVERNANCE", "EVENT"]


def test_not_a_model_dir_gives_a_clear_error(tmp_path, backbone):
    with pytest.raises(ModelLoadError) as err:
        load_model(backbone)  # a backbone is a HF dir but not a phogov model
    assert str(backbone) in str(err.value) and "phogov.json is missing" in str(err.value)
    with pytest.raises(ModelLoadError, match="does not exist"):
        load_model(tmp_path / "nowhere")


def test_missing_head_files_are_named(tmp_path, model_dir):
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(model_dir, broken)
    (broken / "topics" / "model.safetensors").unlink()
    with pytest.raises(ModelLoadError) as err:
        load_model(broken)
    assert str(broken / "topics" / "model.safetensors") in str(err.value)
    (broken / MANIFEST).write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelLoadError, match="not valid JSON"):
        load_model(broken)


def test_unloadable_backbone_id_suggests_make_backbone(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelLoadError) as err:
        load_backbone_for_training("no-such-org/no-such-phobert")
    assert "no-such-org/no-such-phobert" in str(err.value)
    assert "phogov make-backbone" in str(err.value)


def test_topic_only_model_predicts_all_O(backbone, tmp_path):
    topics, tok = load_backbone_for_training(str(backbone), "topics", ["a", "b"], multi_label=False)
    info = ModelInfo(heads=["topics"], topic_labels=["a", "b"],
                     topic_problem_type="single_label_classification")
    PhogovModel(tok, None, topics, info, device="cpu").save(tmp_path / "t")
    assert not (tmp_path / "t" / "ner").exists()
    m = load_model(tmp_path / "t", device="cpu")
    assert m.ner_labels == ["O"] and m.topic_labels == ["a", "b"] and not m.multi_label
    word_probs, topic_probs = m.predict_words([SENTS[0]])
    assert word_probs[0].shape == (5, 1) and np.allclose(word_probs[0], 1.0)
    assert np.allclose(topic_probs.sum(axis=1), 1.0, atol=1e-5)  # softmax for single-label
    assert len(m.choose_topics(topic_probs[0])) == 1
