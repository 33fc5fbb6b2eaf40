"""Train a topic classifier on your own label set: ``phogov train-topics --data FILE.jsonl``.

Input: JSON Lines, one document per line, ``{"text": ..., "label": "X"}``
(single-label: exactly one class per text, softmax + cross-entropy) or
``{"text": ..., "labels": ["X", "Y"]}`` (multi-label: any number, sigmoid + BCE,
per-label thresholds tuned on dev). The kind is detected from the file: any
``labels`` line makes it multi-label. A text is read as all its words in order
(``phogov.text``), split into overlapping windows when longer than 256
subwords; a text's logits pool its windows (mean for single-label, max for
multi-label, see ``phogov.encoding``).

The output is a phogov model directory with a ``topics`` head only
(``PhogovModel.predict_topics(texts)`` reads whole texts as training did).
"""

from __future__ import annotations

import json
import logging
import random
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from phogov.atomic import publish_training_output
from phogov.encoding import POOL_MULTI_LABEL, POOL_SINGLE_LABEL, SubwordEncoder, pool_windows
from phogov.readers import DataFileError, check_file, json_objects
from phogov.training.dev_metrics import multilabel_scores, pooled_topic_probs, tune_thresholds
from phogov.training.trainer import (
    Encoded,
    TrainerArguments,
    encode_rows,
    fit,
    predict_topic_probs,
    resolve_bf16,
)

logger = logging.getLogger("phogov.training")


@dataclass
class TopicTrainArguments(TrainerArguments):
    """Flags of ``phogov train-topics``: the data, plus the shared
    :class:`~phogov.training.trainer.TrainerArguments` with their own defaults here."""

    data: str = field(metadata={"help": "JSONL with {'text','label'} or {'text','labels':[...]}"})
    out: str = field(metadata={"help": "output model directory"})
    dev: str | None = field(
        default=None, metadata={"help": "dev JSONL (default: hold out --dev-fraction of --data)"}
    )
    dev_fraction: float = field(default=0.2, metadata={"help": "held-out share without --dev"})
    labels: list[str] = field(
        default_factory=list, metadata={"help": "label order (default: sorted labels of --data)"}
    )
    baseline: bool = field(default=False, metadata={
        "help": "also fit TF-IDF + LinearSVC on the same split and report its dev scores "
                "(needs scikit-learn: pip install 'phogov[baseline]')"})
    # defaults that differ from phogov train's (whole texts: fewer, longer examples)
    epochs: float = field(default=5.0, kw_only=True, metadata={"help": "training epochs"})
    batch_size: int = field(
        default=16, kw_only=True, metadata={"help": "training batch size (windows)"})
    eval_batch_size: int = field(
        default=32, kw_only=True, metadata={"help": "evaluation batch size"})


def read_topic_file(path: str | Path) -> tuple[list[tuple[str, list[str]]], bool]:
    """(``(text, labels)`` per line, multi_label); every bad line reported at once,
    as ``file:line: problem`` (:class:`~phogov.readers.DataFileError`), like the gold readers."""
    path = Path(path)
    check_file(path)
    items: list[tuple[str, list[str]]] = []
    errors: list[tuple[int | None, str]] = []
    multi = False
    for number, obj in json_objects(path, errors):
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            errors.append((number, "'text' must be a non-empty string"))
            continue
        if "labels" in obj:
            labels = obj["labels"]
            if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
                errors.append((number, "'labels' must be a list of strings"))
                continue
            multi = True
        elif isinstance(obj.get("label"), str) and obj["label"]:
            labels = [obj["label"]]
        else:
            errors.append((number, "needs 'label' (a string) or 'labels' (a list)"))
            continue
        items.append((text, list(dict.fromkeys(labels))))
    if not items and not errors:
        errors.append((None, "holds no examples"))
    if errors:
        raise DataFileError(path, errors)
    return items, multi


# Texts longer than this get a progress bar while they are segmented: a 10 MB
# one-line document takes minutes and must not look like a hang.
_PROGRESS_CHARS = 200_000


def _rows(items: list[tuple[str, list[str]]], labels: list[str], multi: bool,
          segmenter: str) -> list[dict[str, Any]]:
    from tqdm.auto import tqdm

    from phogov.text import sentences

    index = {lab: i for i, lab in enumerate(labels)}
    rows = []
    total = sum(len(text) for text, _labs in items)
    with tqdm(total=total, unit="char", unit_scale=True, desc="segmenting texts",
              disable=total < _PROGRESS_CHARS, mininterval=2.0) as bar:
        for text, labs in items:
            words: list[str] = []
            done = 0
            for sent in sentences(text, segmenter):  # as document_words, with progress
                words.extend(w.form for w in sent.words)
                bar.update(sent.raw_end - done)
                done = sent.raw_end
            bar.update(len(text) - done)
            if not words:
                continue
            if multi:
                target: Any = [1.0 if lab in labs else 0.0 for lab in labels]
            else:
                target = index[labs[0]]
            rows.append({"words": words, "target": target})
    return rows


def _single_label_scores(y: np.ndarray, pred: np.ndarray, n_labels: int) -> dict[str, float]:
    """Accuracy and macro-F1 over the labels present in gold or predictions (as sklearn)."""
    present = sorted(set(y.tolist()) | set(pred.tolist()))
    f1s = []
    for k in present:
        tp = int(((pred == k) & (y == k)).sum())
        denom = int((pred == k).sum() + (y == k).sum())
        f1s.append(2 * tp / denom if denom else 0.0)
    return {
        "accuracy": float((pred == y).mean()) if len(y) else 0.0,
        "macro_f1": float(np.mean(f1s)) if f1s else 0.0,
    }


def _pooled(logits: np.ndarray, enc: Encoded, n_rows: int, how: str) -> np.ndarray:
    per_row: dict[int, list[np.ndarray]] = {}
    for f, (r, _w) in enumerate(enc.windows):
        per_row.setdefault(r, []).append(logits[f])
    out = np.zeros((n_rows, logits.shape[-1]), dtype=np.float32)
    for r, rows in per_row.items():
        out[r] = pool_windows(rows, how)
    return out


def _metrics_fn(dev_rows: list[dict[str, Any]], dev: Encoded, multi: bool, n_labels: int):
    def compute(p: Any) -> dict[str, float]:
        logits = np.asarray(p.predictions[0] if isinstance(p.predictions, tuple) else p.predictions)
        if multi:
            y = np.array([r["target"] for r in dev_rows], dtype=np.float32)
            probs = pooled_topic_probs(logits, dev, len(dev_rows), POOL_MULTI_LABEL)
            s = multilabel_scores(y, probs)
            return {"accuracy": s["subset_accuracy"], "macro_f1": s["macro_f1"],
                    "micro_f1": s["f1"]}
        y = np.array([r["target"] for r in dev_rows])
        pred = _pooled(logits, dev, len(dev_rows), POOL_SINGLE_LABEL).argmax(-1)
        return _single_label_scores(y, pred, n_labels)

    return compute


def train_topics(args: TopicTrainArguments | None = None, **kwargs: Any) -> dict[str, Any]:
    """Train a topic-only phogov model; returns a report (labels, sizes, dev scores, path).

    Call with a :class:`TopicTrainArguments` or its fields as keywords
    (``train_topics(data="f.jsonl", out="dir", base="backbone")``).
    """
    from transformers import DataCollatorWithPadding, set_seed

    from phogov.modeling import ModelInfo, PhogovModel
    from phogov.training.base_model import load_backbone_for_training

    if args is None:
        args = TopicTrainArguments(**kwargs)
    elif kwargs:
        raise TypeError("give either a TopicTrainArguments or keyword fields, not both")
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    started = time.time()
    set_seed(args.seed)
    items, multi = read_topic_file(args.data)
    if args.dev:
        dev_items, dev_multi = read_topic_file(args.dev)
        multi = multi or dev_multi
        train_items = items
    else:
        shuffled = items[:]
        random.Random(args.seed).shuffle(shuffled)
        n_dev = max(1, round(len(shuffled) * args.dev_fraction))
        if len(shuffled) < 2:
            raise ValueError(f"{args.data}: need at least 2 examples to hold one out as dev")
        dev_items, train_items = shuffled[:n_dev], shuffled[n_dev:]
    if args.max_train_samples is not None:
        train_items = train_items[: args.max_train_samples]
    seen = sorted({lab for _t, labs in items + dev_items for lab in labs})
    labels = list(args.labels) or seen
    unknown = sorted(set(seen) - set(labels))
    if unknown:
        raise ValueError(f"labels in the data but not in --labels: {', '.join(unknown)}")
    if len(labels) < 2 and not multi:
        raise ValueError(f"single-label training needs at least 2 labels, found {labels}")

    baseline: dict[str, float] | None = None
    if args.baseline:  # first: a missing scikit-learn fails before an hour of training
        from phogov.training.baseline import tfidf_svm_scores

        baseline = tfidf_svm_scores(train_items, dev_items, labels, multi, args.seed)
        logger.info("train-topics: TF-IDF + LinearSVC baseline on dev: %s", baseline)
    model, tokenizer = load_backbone_for_training(args.base, "topics", labels, multi)
    encoder = SubwordEncoder(tokenizer, min(args.max_length, tokenizer.model_max_length),
                             args.stride)
    train_rows = _rows(train_items, labels, multi, args.segmenter)
    dev_rows = _rows(dev_items, labels, multi, args.segmenter)
    if not train_rows or not dev_rows:
        raise ValueError("no usable training or dev texts (all empty after segmentation?)")
    train_enc = encode_rows(train_rows, encoder, "topics", "target")
    dev_enc = encode_rows(dev_rows, encoder, "topics", "target")
    logger.info("train-topics: %d labels (%s), %d train texts → %d windows, %d dev texts",
                len(labels), "multi-label" if multi else "single-label", len(train_rows),
                len(train_enc.features), len(dev_rows))
    out = Path(args.out)
    work = out / "checkpoints"
    model, history = fit(
        model, tokenizer, train_enc, dev_enc, _metrics_fn(dev_rows, dev_enc, multi, len(labels)),
        DataCollatorWithPadding(tokenizer), args, work / "topics", args.epochs,
        resolve_bf16(args.bf16), metric="macro_f1")
    final = {k.removeprefix("eval_"): v for k, v in history[-1]["final_eval"].items()
             if k in ("eval_accuracy", "eval_macro_f1", "eval_micro_f1", "eval_loss")}
    thresholds: dict[str, float] = {}
    report: dict[str, Any] = {"dev": final}
    if multi:
        probs = predict_topic_probs(model, tokenizer, dev_enc, len(dev_rows), args.eval_batch_size)
        y = np.array([r["target"] for r in dev_rows], dtype=np.float32)
        thresholds = tune_thresholds(y, probs, labels)
        tuned = multilabel_scores(y, probs, np.array([thresholds[lab] for lab in labels]))
        report["dev_tuned_thresholds"] = {"accuracy": tuned["subset_accuracy"],
                                          "macro_f1": tuned["macro_f1"], "micro_f1": tuned["f1"]}
    info = ModelInfo(
        heads=["topics"],
        ner_labels=[],
        topic_labels=labels,
        topic_problem_type="multi_label_classification" if multi else "single_label_classification",
        topic_thresholds=thresholds,
        segmenter=args.segmenter,
        base_model=str(args.base),
        max_length=encoder.max_length,
        stride=encoder.stride,
        metrics={"dev": report["dev"], "train_texts": len(train_rows), "dev_texts": len(dev_rows)},
    )
    def write(staging: Path) -> None:
        PhogovModel(tokenizer, None, model, info, device="cpu").save(staging)
        (staging / "training_args.json").write_text(
            json.dumps(asdict(args), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    publish_training_output(out, write, args.keep_checkpoints)
    report.update({
        "out": str(out),
        "labels": labels,
        "problem_type": "multi_label" if multi else "single_label",
        "train_texts": len(train_rows),
        "train_windows": len(train_enc.features),
        "dev_texts": len(dev_rows),
        "dev_windows": len(dev_enc.features),
        "thresholds": thresholds,
        "seconds": round(time.time() - started, 1),
    })
    if baseline is not None:
        report["baseline_tfidf_svm"] = baseline
    return report
