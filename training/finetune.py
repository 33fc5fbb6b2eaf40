"""Fine-tune a PhoBERT-style backbone into a phogov model directory (HF Trainer).

Modelled on transformers' ``run_ner.py``: weak rows (and gold rows) → word
windows (``phogov.encoding``) → ``Trainer`` with per-epoch evaluation, the best
checkpoint by strict IOB2 entity F1 (seqeval) and early stopping. Then the
topic head (multi-label, BCE through ``problem_type``) is trained the same way
and its per-label thresholds are tuned on dev. ``phogov.modeling`` writes the
directory. This module decides what is trained on (rows, dev, gold strategy);
one Trainer run is ``training/trainer.py``, the dev scores ``training/dev_metrics.py``
(their names stay importable from here).

Dev data: ``--dev`` files when given. Otherwise the gold files are the dev set
and are NOT trained on (training on the sentences that pick the checkpoint and
thresholds would make the dev score a training score); ``--dev-split F`` holds
out a fraction F of the gold *documents* as dev and trains on the rest. With no
gold and no dev, 5 % of the weak documents are held out.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from phogov.atomic import publish_training_output
from phogov.encoding import SubwordEncoder
from phogov.training.dev_metrics import (  # re-exported: importable from here as before
    multilabel_scores,
    ner_metrics,
    pooled_topic_probs,
    seqeval_scores,
    topic_metrics,
    tune_thresholds,
)
from phogov.training.rows import rows_from_gold
from phogov.training.trainer import (  # re-exported: importable from here as before
    Encoded,
    TrainerArguments,
    argmax_logits,
    cpu_bf16_supported,
    encode_rows,
    fit,
    gce_loss,
    ordered_eval_trainer_class,
    predict_topic_probs,
    resolve_bf16,
)
from phogov.types import NER_TAGS, TOPIC_LABELS

logger = logging.getLogger("phogov.training")

__all__ = [
    "Encoded",
    "FinetuneArguments",
    "cpu_bf16_supported",
    "encode_rows",
    "fit",
    "gce_loss",
    "load_weak_rows",
    "multilabel_scores",
    "ner_metrics",
    "TrainerArguments",
    "ordered_eval_trainer_class",
    "pooled_topic_probs",
    "predict_topic_probs",
    "read_gold_rows",
    "resolve_bf16",
    "rows_from_gold",
    "seqeval_scores",
    "split_by_doc",
    "topic_metrics",
    "train",
    "tune_thresholds",
]

WEAK_DEV_FRACTION = 0.05


@dataclass
class FinetuneArguments(TrainerArguments):
    """Flags of ``phogov train`` (one field per flag; help in the metadata): what to train
    on, plus the shared :class:`~phogov.training.trainer.TrainerArguments`."""

    out: str = field(metadata={"help": "output model directory"})
    weak: str | None = field(
        default=None, metadata={"help": "weak dataset directory made by `phogov weak-label`"}
    )
    gold: list[str] = field(
        default_factory=list, metadata={"help": "labelled JSONL/CoNLL files (gold or your own)"}
    )
    dev: list[str] = field(
        default_factory=list,
        metadata={"help": "dev files (default: the gold files are dev and are not trained on)"},
    )
    dev_split: float = field(
        default=0.0,
        metadata={"help": "without --dev: hold out this fraction of gold documents as dev and "
                          "train on the rest"},
    )
    gold_strategy: str = field(
        default="mix",
        metadata={"help": "mix: gold rows repeated --gold-weight times among the weak rows; "
                          "then: a final gold-only pass after the weak training"},
    )
    gold_weight: int = field(default=5, metadata={"help": "repeats of gold rows for 'mix'"})
    gold_epochs: float = field(default=3.0, metadata={"help": "epochs of the gold-only pass"})
    topics: bool = field(default=True, metadata={"help": "also train the topic head"})
    loss: str = field(
        default="ce",
        metadata={"help": "NER loss: 'ce' (cross-entropy) or 'gce' (generalised cross-entropy, "
                          "robust to noisy weak labels; Zhang & Sabuncu 2018)"})
    gce_q: float = field(default=0.7, metadata={"help": "q of the GCE loss (0 → CE, 1 → MAE)"})


# ---------------------------------------------------------------------- data


def load_weak_rows(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a weak dataset dir, tags re-indexed into NER_TAGS by name.

    ``path``: a `phogov weak-label` output dir, its ``dataset`` dir, or its ``shards``
    dir (the finished shards of a run still going or stopped: explicitly partial).
    """
    from datasets import load_dataset, load_from_disk

    path = Path(path)
    if (path / "dataset" / "state.json").is_file():  # a `phogov weak-label` output directory
        path = path / "dataset"
    shards = sorted(path.glob("*.parquet")) if path.is_dir() else []
    if shards:
        ds = load_dataset("parquet", data_files=[str(f) for f in shards], split="train")
        logger.info("%s: %d finished shards, %d sentences", path, len(shards), len(ds))
    elif not (path / "dataset_info.json").is_file() and not (path / "state.json").is_file():
        hint = (f"; its finished shards are in {path / 'shards'}"
                if (path / "shards").is_dir() else "")
        raise FileNotFoundError(
            f"{path} is not a datasets directory (made by `phogov weak-label`){hint}")
    else:
        ds = load_from_disk(str(path))
    needed = {"words", "ner_tags", "topics"}
    missing = needed - set(ds.column_names)
    if missing:
        raise ValueError(f"weak dataset {path} lacks columns: {', '.join(sorted(missing))}")
    names = getattr(ds.features["ner_tags"].feature, "names", None) or list(NER_TAGS)
    remap = [NER_TAGS.index(n) if n in NER_TAGS else 0 for n in names]
    rows = ds.to_list()
    for row in rows:
        row["ner_tags"] = [remap[t] for t in row["ner_tags"]]
        row.setdefault("source", "weak")
        row.setdefault("doc_id", "")
    return [r for r in rows if r["words"]]


def read_gold_rows(files: Sequence[str], segmenter: str) -> list[dict[str, Any]]:
    from phogov.training.gold_io import read_labelled

    rows: list[dict[str, Any]] = []
    for f in files:
        rows.extend(rows_from_gold(read_labelled(f), segmenter))
    return rows


def split_by_doc(
    rows: list[dict[str, Any]], fraction: float, seed: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(rest, held-out) with whole documents held out, so no document is on both sides."""
    docs = sorted({r["doc_id"] for r in rows})
    random.Random(seed).shuffle(docs)
    n_held = max(1, round(len(docs) * fraction)) if docs else 0
    if len(docs) > 1:
        n_held = min(n_held, len(docs) - 1)
    held = set(docs[:n_held])
    return [r for r in rows if r["doc_id"] not in held], [r for r in rows if r["doc_id"] in held]


def train(args: FinetuneArguments, weak_rows: list[dict[str, Any]] | None = None) -> Path:
    """Train the NER head, then the topic head; write the model directory ``args.out``.

    ``weak_rows`` (rows in the weak dataset's format) replace ``args.weak`` when given:
    self-training passes the teacher's pseudo-labelled rows this way.
    """
    from transformers import DataCollatorForTokenClassification, DataCollatorWithPadding, set_seed

    from phogov.modeling import ModelInfo, PhogovModel
    from phogov.training.base_model import load_backbone_for_training

    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    if args.gold_strategy not in ("mix", "then"):
        raise ValueError(f"gold_strategy must be 'mix' or 'then', got {args.gold_strategy!r}")
    if not args.weak and not args.gold and weak_rows is None:
        raise ValueError("nothing to train on: give --weak DATASET_DIR and/or --gold FILES")
    started = time.time()
    out = Path(args.out)
    work = out / "checkpoints"
    set_seed(args.seed)
    bf16 = resolve_bf16(args.bf16)

    # ---- rows
    if weak_rows is not None:
        weak = list(weak_rows)
    else:
        weak = load_weak_rows(args.weak) if args.weak else []
    if args.max_train_samples is not None and len(weak) > args.max_train_samples:
        random.Random(args.seed).shuffle(weak)
        weak = weak[: args.max_train_samples]
    gold = read_gold_rows(args.gold, args.segmenter)
    if args.dev:
        dev, gold_train = read_gold_rows(args.dev, args.segmenter), gold
    elif gold and args.dev_split > 0:
        gold_train, dev = split_by_doc(gold, args.dev_split, args.seed)
    elif gold:
        dev, gold_train = gold, []
        logger.info("gold files are the dev set and are not trained on (use --dev or --dev-split "
                    "to train on gold)")
    else:
        weak, dev = split_by_doc(weak, WEAK_DEV_FRACTION, args.seed)
        gold_train = []
    if not dev:
        raise ValueError("the dev set is empty")
    if args.gold_strategy == "mix":
        stage1 = weak + gold_train * max(1, args.gold_weight)
        stage2: list[dict[str, Any]] = []
    else:
        stage1, stage2 = (weak, gold_train) if weak else (gold_train, [])
    if not stage1:
        raise ValueError("no training sentences left after taking out the dev set "
                         "(the gold files are dev by default: add --weak, --dev or --dev-split)")
    logger.info("train rows: %d weak + %d gold (%s); dev rows: %d; bf16=%s",
                len(weak), len(gold_train), args.gold_strategy, len(dev), bf16)

    # ---- NER
    model, tokenizer = load_backbone_for_training(args.base, "ner", NER_TAGS)
    encoder = SubwordEncoder(tokenizer, min(args.max_length, tokenizer.model_max_length),
                             args.stride)
    dev_ner = encode_rows(dev, encoder, "ner")
    ner_collator = DataCollatorForTokenClassification(tokenizer)
    history: dict[str, Any] = {}
    ner_model, history["ner"] = fit(
        model, tokenizer, encode_rows(stage1, encoder, "ner"), dev_ner, ner_metrics(dev, dev_ner),
        ner_collator, args, work / "ner", args.epochs, bf16, preprocess_logits=argmax_logits,
        loss=args.loss)
    if stage2:
        ner_model, history["ner_gold"] = fit(
            ner_model, tokenizer, encode_rows(stage2, encoder, "ner"), dev_ner,
            ner_metrics(dev, dev_ner), ner_collator, args, work / "ner_gold", args.gold_epochs,
            bf16, preprocess_logits=argmax_logits)
    metrics: dict[str, Any] = {"ner": _final(history, "ner_gold" if stage2 else "ner")}

    # ---- topics
    topic_model = None
    thresholds: dict[str, float] = {}
    if args.topics:
        topic_model, _ = load_backbone_for_training(args.base, "topics", TOPIC_LABELS, True)
        dev_top = encode_rows(dev, encoder, "topics")
        top_collator = DataCollatorWithPadding(tokenizer)
        topic_model, history["topics"] = fit(
            topic_model, tokenizer, encode_rows(stage1, encoder, "topics"), dev_top,
            topic_metrics(dev, dev_top), top_collator, args, work / "topics", args.epochs, bf16)
        if stage2:
            topic_model, history["topics_gold"] = fit(
                topic_model, tokenizer, encode_rows(stage2, encoder, "topics"), dev_top,
                topic_metrics(dev, dev_top), top_collator, args, work / "topics_gold",
                args.gold_epochs, bf16)
        probs = predict_topic_probs(topic_model, tokenizer, dev_top, len(dev), args.eval_batch_size)
        y_true = np.array([row["topics"] for row in dev], dtype=np.float32)
        thresholds = tune_thresholds(y_true, probs, TOPIC_LABELS)
        tuned = multilabel_scores(y_true, probs, np.array([thresholds[t] for t in TOPIC_LABELS]))
        metrics["topics"] = {"at_0.5": multilabel_scores(y_true, probs), "tuned": tuned}

    # ---- save
    info = ModelInfo(
        topic_thresholds=thresholds,
        segmenter=args.segmenter,
        base_model=str(args.base),
        max_length=encoder.max_length,
        stride=encoder.stride,
        metrics={**metrics, "train_rows": len(stage1) + len(stage2), "dev_rows": len(dev),
                 "train_seconds": round(time.time() - started, 1)},
    )
    phogov_model = PhogovModel(tokenizer, ner_model, topic_model, info, device="cpu")

    def write(staging: Path) -> None:
        phogov_model.save(staging)
        (staging / "training_args.json").write_text(
            json.dumps(asdict(args), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (staging / "train_log.json").write_text(
            json.dumps(history, ensure_ascii=False, indent=1, default=str) + "\n",
            encoding="utf-8")

    publish_training_output(out, write, args.keep_checkpoints)
    logger.info("model written to %s (%.0f s)", out, time.time() - started)
    return out


def _final(history: dict[str, Any], stage: str) -> dict[str, float]:
    final = history[stage][-1]["final_eval"]
    return {k.removeprefix("eval_"): v for k, v in final.items()
            if isinstance(v, (int, float)) and not k.endswith(("runtime", "per_second"))}
