"""Fine-tuning (phogov.training.finetune / rows / topics) on a tiny random backbone.

Training runs are a handful of steps: they check the plumbing (data → windows →
Trainer → model directory → a fresh process loads and predicts), not accuracy.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from phogov.normalize import normalize
from phogov.training.finetune import (
    FinetuneArguments,
    cpu_bf16_supported,
    resolve_bf16,
    split_by_doc,
    train,
    tune_thresholds,
)
from phogov.training.gold_io import GoldSentence
from phogov.training.rows import raw_to_view, rows_from_gold
from phogov.training.topics import TopicTrainArguments, read_topic_file, train_topics
from phogov.types import NER_TAGS, Span

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "data" / "gold_seeds.jsonl"


def gold_lines() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def backbone(tmp_path_factory) -> Path:
    from phogov.training.backbone import make_backbone

    root = tmp_path_factory.mktemp("bb")
    corpus = root / "corpus.txt"
    corpus.write_text("\n".join(d["text"] for d in gold_lines()) + "\n", encoding="utf-8")
    return make_backbone(root / "backbone", [corpus], layers=2, hidden=32, heads=2,
                         vocab_size=1200, seed=0, processes=1)


# ---------------------------------------------------------------------- gold → rows


def test_raw_to_view_inverts_normalisation():
    raw = "Bí thư  Thành uỷ\u200b dự"  # double space, old-style tone, zero-width char
    view = normalize(raw)
    assert view.text == "Bí thư Thành ủy dự"
    a, b = raw.index("Thành"), raw.index("uỷ") + 2
    assert raw_to_view(view, a, b) == (7, 15)  # "Thành ủy" in the view
    assert view.text[7:15] == "Thành ủy"
    assert raw_to_view(view, raw.index("\u200b"), raw.index("\u200b") + 1) is None


def test_rows_from_gold_by_hand():
    raw = "Đồng chí  Nguyễn Văn A, Bí thư Thành uỷ  Hà Nội dự. Tăng 5%."
    official = raw.index("Nguyễn Văn A")
    org = raw.index("Thành uỷ  Hà Nội")
    pct = raw.index("5%")
    g = GoldSentence(
        doc="d1", sent=3, text=raw,
        entities=[Span(official, official + 12, "OFFICIAL", "Nguyễn Văn A"),
                  Span(org, org + len("Thành uỷ  Hà Nội"), "ORG", "Thành uỷ  Hà Nội"),
                  Span(pct, pct + 2, "PERCENT", "5%")],
        topics=["PARTY", "EVENT"], line=1,
    )
    rows = rows_from_gold([g], segmenter="none")  # one word per syllable: checkable by hand
    assert len(rows) == 2  # "… dự. Tăng …": a stop, a space and an upper-case letter
    first, second = rows
    assert first["text"] == "Đồng chí Nguyễn Văn A, Bí thư Thành ủy Hà Nội dự."
    assert first["words"] == ["Đồng", "chí", "Nguyễn", "Văn", "A", ",", "Bí", "thư",
                              "Thành", "ủy", "Hà", "Nội", "dự", "."]
    tags = [NER_TAGS[t] for t in first["ner_tags"]]
    assert tags == ["O", "O", "B-OFFICIAL", "I-OFFICIAL", "I-OFFICIAL", "O", "O", "O",
                    "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]
    assert [NER_TAGS[t] for t in second["ner_tags"]] == ["O", "B-PERCENT", "I-PERCENT", "O"]
    assert second["words"] == ["Tăng", "5", "%", "."]
    assert first["topics"] == [1.0, 0.0, 0.0, 0.0, 0.0, 1.0]  # PARTY, EVENT
    assert (first["doc_id"], first["sent_id"], first["source"]) == ("d1", 3, "gold")
    assert first["word_starts"][2] == first["text"].index("Nguyễn")


def test_rows_from_the_gold_file_keep_entities():
    from phogov.text import sentences, tags_to_spans
    from phogov.training.gold_io import read_labelled

    gold = read_labelled(GOLD)[:30]
    rows = rows_from_gold(gold, segmenter="none")
    found = {(r["doc_id"], r["sent_id"], r["text"][a:b])
             for r in rows
             for s in sentences(r["text"], "none")
             for a, b, _l, _s in tags_to_spans(s, [NER_TAGS[t] for t in r["ner_tags"]])}
    expected = {(g.doc, g.sent, normalize(e.text).text) for g in gold for e in g.entities}
    assert expected and expected <= found


# ---------------------------------------------------------------------- helpers


def test_tune_thresholds_by_hand():
    y = np.array([[1, 0, 0], [1, 0, 0], [0, 0, 1], [0, 0, 0]], dtype=np.float32)
    p = np.array([[0.9, 0.1, 0.2], [0.3, 0.2, 0.1], [0.2, 0.1, 0.6], [0.25, 0.3, 0.55]])
    th = tune_thresholds(y, p, ["A", "B", "C"])
    # A: positives at 0.9 and 0.3, negatives at 0.2/0.25 → 0.3 catches both with no FP
    assert th["A"] == pytest.approx(0.3)
    assert th["B"] == 0.5  # no positives: nothing to tune on
    # C: positive 0.6, negative 0.55 → a threshold in (0.55, 0.6] is perfect: 0.6
    assert th["C"] == pytest.approx(0.6)


def test_split_by_doc_never_splits_a_document():
    rows = [{"doc_id": d, "sent_id": i} for d in "abcdef" for i in range(3)]
    rest, held = split_by_doc(rows, 0.34, seed=1)
    assert len(held) == 6 and len(rest) == 12
    assert not {r["doc_id"] for r in rest} & {r["doc_id"] for r in held}


def test_resolve_bf16():
    assert resolve_bf16("no") is False
    import torch

    if not torch.cuda.is_available():
        assert resolve_bf16("auto") is cpu_bf16_supported()
        assert resolve_bf16(None) is cpu_bf16_supported()  # None is auto (PretrainArgs' form)
    assert resolve_bf16(False) is False and resolve_bf16(True) is True
    with pytest.raises(ValueError):
        resolve_bf16("maybe")


def test_bf16_is_one_representation_in_every_argument_dataclass():
    from phogov.training.pretrain import PretrainArgs

    for cls in (FinetuneArguments, TopicTrainArguments, PretrainArgs):
        bf16 = next(f for f in dataclasses.fields(cls) if f.name == "bf16")
        assert bf16.default is None and bf16.type in ("bool | None", bool | None), cls


def test_evaluation_batches_come_in_dataset_order(tmp_path, backbone):
    """Metrics merge windows by position: eval must not be length-grouped (transformers 5 is)."""
    import torch
    from datasets import Dataset
    from transformers import AutoModelForTokenClassification

    from phogov.training.trainer import _training_arguments, ordered_eval_trainer_class

    lengths = [3, 40, 2, 17, 5, 1, 33, 4, 25, 8, 12, 6]
    ds = Dataset.from_list([{"input_ids": list(range(4, 4 + n))} for n in lengths])
    args = FinetuneArguments(out=str(tmp_path / "m"), eval_batch_size=2)
    targs = _training_arguments(args, tmp_path / "w", 1, False)
    assert targs.train_sampling_strategy == "group_by_length"  # what makes eval shuffle

    def collate(feats):
        return {"input_ids": torch.tensor([[len(f["input_ids"])] for f in feats])}

    model = AutoModelForTokenClassification.from_pretrained(str(backbone), num_labels=3)
    trainer = ordered_eval_trainer_class()(model=model, args=targs, data_collator=collate,
                                           eval_dataset=ds)
    seen = [int(n) for batch in trainer.get_eval_dataloader(ds) for n in batch["input_ids"][:, 0]]
    assert seen == lengths


# ---------------------------------------------------------------------- training


def _weak_dataset(path: Path, lines: list[dict]) -> Path:
    from datasets import Dataset

    from phogov.training.gold_io import read_labelled
    from phogov.training.weak_dataset import features

    src = path.with_suffix(".jsonl")
    src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines), "utf-8")
    rows = rows_from_gold(read_labelled(src), source="weak")
    Dataset.from_list(rows, features=features()).save_to_disk(str(path))
    return path


def _gold_file(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines), "utf-8")
    return path


PREDICT_SCRIPT = textwrap.dedent("""
    import json, sys
    import numpy as np
    from phogov.modeling import load_model
    m = load_model(sys.argv[1])
    sents = [["Bí_thư", "Thành_ủy", "chủ_trì", "hội_nghị", "."],
             ["Tăng", "16,5", "%"] * 300, []]
    words, topics = m.predict_words(sents, batch_size=2)
    print(json.dumps({
        "shapes": [list(w.shape) for w in words],
        "min": float(min(w.min() for w in words if w.size)),
        "max": float(max(w.max() for w in words if w.size)),
        "row_sum_err": float(max(np.abs(w.sum(1) - 1).max() for w in words if w.size)),
        "topics_shape": list(topics.shape),
        "topics_in_01": bool(((topics >= 0) & (topics <= 1)).all()),
        "labels": m.ner_labels, "topic_labels": m.topic_labels,
        "thresholds": m.thresholds, "device": str(m.device),
    }))
""")


def test_train_saves_a_model_a_fresh_process_loads(backbone, tmp_path):
    lines = gold_lines()
    weak = _weak_dataset(tmp_path / "weak", lines[22:62])  # docs 001, 002
    gold = _gold_file(tmp_path / "gold.jsonl", lines[:22])  # doc 000 → dev
    out = train(FinetuneArguments(
        out=str(tmp_path / "model"), weak=str(weak), gold=[str(gold)], base=str(backbone),
        epochs=1, batch_size=8, eval_batch_size=16, learning_rate=1e-3, bf16="auto",
        logging_steps=2, seed=1,
    ))
    assert (out / "phogov.json").is_file() and (out / "ner").is_dir()
    assert (out / "topics").is_dir() and not (out / "checkpoints").exists()
    info = json.loads((out / "phogov.json").read_text(encoding="utf-8"))
    assert 0.0 <= info["metrics"]["ner"]["f1"] <= 1.0
    assert info["metrics"]["dev_rows"] == 22 and info["metrics"]["train_rows"] == 40
    assert set(info["topic_thresholds"]) == set(info["topic_labels"])
    log = json.loads((out / "train_log.json").read_text(encoding="utf-8"))
    assert any("eval_f1" in e for e in log["ner"])  # per-epoch evaluation ran

    env = dict(os.environ, PYTHONPATH="")
    done = subprocess.run([sys.executable, "-c", PREDICT_SCRIPT, str(out)], capture_output=True,
                          text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    res = json.loads(done.stdout.strip().splitlines()[-1])
    assert res["shapes"] == [[5, 9], [900, 9], [0, 9]]
    assert 0.0 <= res["min"] and res["max"] <= 1.0 and res["row_sum_err"] < 1e-4
    assert res["topics_shape"] == [3, 6] and res["topics_in_01"]
    assert res["labels"] == list(NER_TAGS)
    assert res["thresholds"] == info["topic_thresholds"]


def test_then_strategy_with_dev_split(backbone, tmp_path):
    lines = gold_lines()
    weak = _weak_dataset(tmp_path / "weak", lines[54:84])
    gold = _gold_file(tmp_path / "gold.jsonl", lines[:54])  # docs 000 and 001
    out = train(FinetuneArguments(
        out=str(tmp_path / "m"), weak=str(weak), gold=[str(gold)], base=str(backbone),
        gold_strategy="then", dev_split=0.5, gold_epochs=1, epochs=1, batch_size=16,
        topics=False, bf16="no", early_stopping_patience=0,
    ))
    log = json.loads((out / "train_log.json").read_text(encoding="utf-8"))
    assert set(log) == {"ner", "ner_gold"}
    info = json.loads((out / "phogov.json").read_text(encoding="utf-8"))
    assert info["heads"] == ["ner"] and info["metrics"]["train_rows"] in (30 + 22, 30 + 32)


def test_train_rejects_nothing_to_train_on(tmp_path):
    with pytest.raises(ValueError, match="nothing to train on"):
        train(FinetuneArguments(out=str(tmp_path / "m")))


# ---------------------------------------------------------------------- train-topics


def _toy_topic_file(path: Path) -> Path:
    econ = "Giá trị sản xuất công nghiệp tăng {} phần trăm, thu ngân sách đạt {} tỷ đồng."
    party = "Đại hội Đảng bộ xã lần thứ {} bầu Ban Chấp hành khóa mới gồm {} đồng chí."
    lines = []
    for i in range(10):
        lines.append({"text": econ.format(i + 3, 100 + i), "label": "kinh_te"})
        lines.append({"text": party.format(i + 20, 15 + i), "label": "dang"})
    lines[0]["text"] = " ".join(econ.format(k, k) for k in range(40))  # > 256 subwords
    return _gold_file(path, lines)


def test_train_topics_on_a_toy_file(backbone, tmp_path):
    data = _toy_topic_file(tmp_path / "topics.jsonl")
    report = train_topics(TopicTrainArguments(
        data=str(data), out=str(tmp_path / "tm"), base=str(backbone), epochs=2, batch_size=8,
        learning_rate=1e-3, bf16="no", dev_fraction=0.25, seed=3, baseline=True,
    ))
    # the bag-of-words yardstick ran on the same split: its words separate the toy classes
    assert report["baseline_tfidf_svm"]["accuracy"] == 1.0
    assert report["problem_type"] == "single_label"
    assert report["labels"] == ["dang", "kinh_te"]
    assert report["train_texts"] == 15 and report["dev_texts"] == 5
    # the 40-sentence text needs several windows, wherever the split put it
    assert report["train_windows"] + report["dev_windows"] > 20
    assert 0.0 <= report["dev"]["accuracy"] <= 1.0 and 0.0 <= report["dev"]["macro_f1"] <= 1.0
    from phogov.modeling import load_model

    m = load_model(tmp_path / "tm", device="cpu")
    probs = m.predict_topics(["Thu ngân sách tăng 5 phần trăm.", "Đại hội Đảng bộ xã."])
    assert probs.shape == (2, 2) and np.allclose(probs.sum(1), 1.0, atol=1e-5)


def test_tfidf_baseline_learns_words_and_not_noise():
    """The yardstick is a real classifier: perfect where words decide the label, at
    chance where the labels are shuffled; multi-label scores each label set whole."""
    from phogov.training.baseline import tfidf_svm_scores

    econ = ["Thu ngân sách tăng {} tỷ đồng.", "Giá trị xuất khẩu đạt {} triệu USD."]
    sport = ["Đội tuyển bóng đá thắng {} bàn.", "Cầu thủ ghi {} bàn thắng ở sân vận động."]
    rows = [(t.format(i), [lab]) for i in range(12) for lab, ts in
            (("kinh_te", econ), ("the_thao", sport)) for t in ts]
    train, dev = rows[:32], rows[32:]
    assert tfidf_svm_scores(train, dev, ["kinh_te", "the_thao"], False)["accuracy"] == 1.0
    coin = random.Random(0)
    noisy = [(t, [coin.choice(["kinh_te", "the_thao"])]) for t, _l in rows]
    assert tfidf_svm_scores(noisy[:32], noisy[32:], ["kinh_te", "the_thao"],
                            False)["accuracy"] <= 0.75
    multi = [(t + " Cầu thủ thắng." if i % 3 == 0 else t,
              labs + (["the_thao"] if i % 3 == 0 and labs != ["the_thao"] else []))
             for i, (t, labs) in enumerate(rows)]
    scores = tfidf_svm_scores(multi[:32], multi[32:], ["kinh_te", "the_thao"], True)
    assert 0.0 <= scores["accuracy"] <= scores["micro_f1"] <= 1.0


def test_read_topic_file_detects_multi_label_and_reports_lines(tmp_path):
    f = _gold_file(tmp_path / "a.jsonl", [{"text": "x y", "label": "A"},
                                          {"text": "z", "labels": ["A", "B"]}])
    items, multi = read_topic_file(f)
    assert multi and items == [("x y", ["A"]), ("z", ["A", "B"])]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok", "label": "A"}\n{"text": ""}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError) as err:
        read_topic_file(bad)
    assert f"{bad}:2:" in str(err.value) and f"{bad}:3:" in str(err.value)


def test_read_topic_file_reads_gzipped_jsonl(tmp_path):
    import gzip

    f = tmp_path / "t.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write('{"text": "Giá vàng tăng.", "label": "Kinh doanh"}\n'
                 '{"text": "Đội tuyển thắng.", "label": "The thao"}\n')
    items, multi = read_topic_file(f)
    assert not multi and items == [("Giá vàng tăng.", ["Kinh doanh"]),
                                   ("Đội tuyển thắng.", ["The thao"])]
