"""Fine-tune a PhoBERT-style backbone into a phogov model directory (HF Trainer).

Modelled on transformers' ``run_ner.py``: weak rows (and gold rows) → word
windows (``phogov.encoding``) → ``Trainer`` with per-epoch evaluation, the best
checkpoint by strict IOB2 entity F1 (seqeval) and early stopping. Then the
topic head (multi-label, BCE through ``problem_type``) is trained the same way
and its per-label thresholds are tuned on dev. ``phogov.modeling`` writes the
directory.

Dev data: ``--dev`` files when given. Otherwise the gold files are the dev set
and are NOT trained on (training on the sentences that pick the checkpoint and
thresholds would make the dev score a training score); ``--dev-split F`` holds
out a fraction F of the gold *documents* as dev and trains on the rest. With no
gold and no dev, 5 % of the weak documents are held out.
"""

from __future__ import annotations

import contextlib
import json
import logging
import random
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from phogov.encoding import POOL_MULTI_LABEL, SubwordEncoder, Window, pool_windows
from phogov.segment import DEFAULT_SEGMENTER
from phogov.spans import ids_to_tags
from phogov.training.rows import rows_from_gold
from phogov.types import NER_TAGS, TOPIC_LABELS

logger = logging.getLogger("phogov.training")

__all__ = [
    "FinetuneArguments",
    "train",
    "rows_from_gold",
    "resolve_bf16",
    "cpu_bf16_supported",
    "tune_thresholds",
]

WEAK_DEV_FRACTION = 0.05


@dataclass
class FinetuneArguments:
    """Flags of ``phogov train`` (one field per flag; help in the metadata)."""

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
    base: str = field(
        default="vinai/phobert-base",
        metadata={"help": "backbone: HF id or local dir (see `phogov make-backbone`)"},
    )
    epochs: float = field(default=3.0, metadata={"help": "training epochs per head"})
    max_steps: int = field(default=-1, metadata={"help": "stop after N steps (overrides epochs)"})
    learning_rate: float = field(default=5e-5, metadata={"help": "peak learning rate"})
    batch_size: int = field(default=32, metadata={"help": "training batch size (windows)"})
    eval_batch_size: int = field(default=64, metadata={"help": "evaluation batch size"})
    warmup: float = field(default=0.06, metadata={"help": "warmup as a fraction of steps"})
    weight_decay: float = field(default=0.01, metadata={"help": "AdamW weight decay"})
    seed: int = field(default=42, metadata={"help": "random seed"})
    bf16: str = field(
        default="auto",
        metadata={"help": "auto|yes|no: bf16 autocast (auto: on when the GPU/CPU has native bf16)"},
    )
    early_stopping_patience: int = field(
        default=2, metadata={"help": "stop after N evaluations without dev F1 gain (0: off)"}
    )
    gold_strategy: str = field(
        default="mix",
        metadata={"help": "mix: gold rows repeated --gold-weight times among the weak rows; "
                          "then: a final gold-only pass after the weak training"},
    )
    gold_weight: int = field(default=5, metadata={"help": "repeats of gold rows for 'mix'"})
    gold_epochs: float = field(default=3.0, metadata={"help": "epochs of the gold-only pass"})
    topics: bool = field(default=True, metadata={"help": "also train the topic head"})
    max_length: int = field(default=256, metadata={"help": "subwords per window incl. specials"})
    stride: int = field(default=128, metadata={"help": "subwords between window starts"})
    segmenter: str = field(
        default=DEFAULT_SEGMENTER, metadata={"help": "word segmenter (as in the weak dataset)"}
    )
    max_train_samples: int | None = field(
        default=None, metadata={"help": "use only N weak sentences (quick runs)"}
    )
    resume_from_checkpoint: str | None = field(
        default=None,
        metadata={"help": "'last' to resume each stage from its last checkpoint, or a path"},
    )
    keep_checkpoints: bool = field(
        default=False, metadata={"help": "keep OUT/checkpoints after a successful run"}
    )
    logging_steps: int = field(default=50, metadata={"help": "log the loss every N steps"})
    loss: str = field(
        default="ce",
        metadata={"help": "NER loss: 'ce' (cross-entropy) or 'gce' (generalised cross-entropy, "
                          "robust to noisy weak labels; Zhang & Sabuncu 2018)"})
    gce_q: float = field(default=0.7, metadata={"help": "q of the GCE loss (0 → CE, 1 → MAE)"})


# ---------------------------------------------------------------------- precision


def cpu_bf16_supported() -> bool:
    """Native bf16 on this CPU (AVX512-BF16 or AMX); without it bf16 is emulated and slower."""
    import torch

    checks = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")
    for name in checks:
        fn = getattr(torch.cpu, name, None)
        try:
            if fn is not None and fn():
                return True
        except Exception:  # noqa: BLE001 - a failing probe means "not supported"
            continue
    return False


def resolve_bf16(setting: str | bool) -> bool:
    """``auto`` → bf16 when the device computes it natively; ``yes``/``no`` force it."""
    import torch

    value = str(setting).strip().lower()
    if value in ("no", "false", "0", "off", "fp32"):
        return False
    if torch.cuda.is_available():
        supported = torch.cuda.is_bf16_supported()
    else:
        supported = cpu_bf16_supported()
    if value == "auto":
        return supported
    if value in ("yes", "true", "1", "on", "bf16"):
        if not supported:
            logger.warning("bf16 forced on a device without native bf16: expect it to be slow")
        return True
    raise ValueError(f"bf16 must be auto, yes or no, got {setting!r}")


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


@dataclass
class Encoded:
    """Window features for one task plus the way back to rows and words."""

    features: list[dict[str, Any]]
    windows: list[tuple[int, Window]]  # (row index, window) per feature


def encode_rows(
    rows: list[dict[str, Any]], encoder: SubwordEncoder, task: str, label_key: str | None = None
) -> Encoded:
    """NER: word labels on owner windows. Topics: each window carries its row's labels."""
    feats: list[dict[str, Any]] = []
    meta: list[tuple[int, Window]] = []
    for r, row in enumerate(rows):
        if task == "ner":
            wins = encoder.encode(row["words"], row["ner_tags"])
        else:
            wins = encoder.encode(row["words"])
        for win in wins:
            f = win.features()
            if task != "ner":
                f["labels"] = row[label_key or "topics"]
            f["length"] = len(win.input_ids)
            feats.append(f)
            meta.append((r, win))
    return Encoded(feats, meta)


def _dataset(enc: Encoded) -> Any:
    from datasets import Dataset

    return Dataset.from_list(enc.features)


# ---------------------------------------------------------------------- metrics


def ner_metrics(dev_rows: list[dict[str, Any]], dev: Encoded):
    """``compute_metrics`` for the NER Trainer: strict IOB2 entity scores per sentence.

    Window predictions are merged back to words (owner windows) before scoring,
    so a long dev sentence counts once, whole.
    """

    def compute(p: Any) -> dict[str, float]:
        preds = p.predictions[0] if isinstance(p.predictions, tuple) else p.predictions
        if preds.ndim == 3:
            preds = preds.argmax(-1)
        pred_ids = [[-1] * len(row["words"]) for row in dev_rows]  # -1: no prediction, "O"
        for f, (r, win) in enumerate(dev.windows):
            for pos, wid in enumerate(win.word_ids):
                if wid >= 0 and win.owned[wid - win.word_start] and pos < preds.shape[1]:
                    pred_ids[r][wid] = int(preds[f, pos])
        pred_tags = [ids_to_tags(ids, NER_TAGS) for ids in pred_ids]
        gold_tags = [ids_to_tags(row["ner_tags"], NER_TAGS) for row in dev_rows]
        return seqeval_scores(gold_tags, pred_tags)

    return compute


def seqeval_scores(gold: list[list[str]], pred: list[list[str]]) -> dict[str, float]:
    """Strict IOB2 micro P/R/F1 plus F1 per entity label."""
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2

    report = classification_report(
        gold, pred, mode="strict", scheme=IOB2, output_dict=True, zero_division=0
    )
    micro = report.get("micro avg", {"precision": 0.0, "recall": 0.0, "f1-score": 0.0})
    out = {
        "precision": float(micro["precision"]),
        "recall": float(micro["recall"]),
        "f1": float(micro["f1-score"]),
    }
    for label, scores in report.items():
        if label not in ("micro avg", "macro avg", "weighted avg"):
            out[f"f1_{label}"] = float(scores["f1-score"])
    return out


def pooled_topic_probs(
    logits: np.ndarray, dev: Encoded, n_rows: int, how: str = POOL_MULTI_LABEL
) -> np.ndarray:
    """Per-row sigmoid probabilities from per-window logits (windows pooled with ``how``)."""
    per_row: dict[int, list[np.ndarray]] = {}
    for f, (r, _win) in enumerate(dev.windows):
        per_row.setdefault(r, []).append(logits[f])
    out = np.zeros((n_rows, logits.shape[-1]), dtype=np.float32)
    for r, rows in per_row.items():
        out[r] = 1.0 / (1.0 + np.exp(-pool_windows(rows, how)))
    return out


def multilabel_scores(
    y_true: np.ndarray, probs: np.ndarray, thresholds: np.ndarray | float = 0.5
) -> dict[str, float]:
    y_pred = probs >= thresholds
    y = y_true >= 0.5
    tp = (y_pred & y).sum(0)
    fp = (y_pred & ~y).sum(0)
    fn = (~y_pred & y).sum(0)
    micro_den = 2 * tp.sum() + fp.sum() + fn.sum()
    per = np.where(2 * tp + fp + fn > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)
    return {
        "f1": float(2 * tp.sum() / micro_den) if micro_den else 0.0,
        "macro_f1": float(per.mean()) if len(per) else 0.0,
        "subset_accuracy": float((y_pred == y).all(1).mean()) if len(y) else 0.0,
    }


def topic_metrics(dev_rows: list[dict[str, Any]], dev: Encoded):
    y_true = np.array([row["topics"] for row in dev_rows], dtype=np.float32)

    def compute(p: Any) -> dict[str, float]:
        logits = p.predictions[0] if isinstance(p.predictions, tuple) else p.predictions
        probs = pooled_topic_probs(np.asarray(logits), dev, len(dev_rows))
        return multilabel_scores(y_true, probs)

    return compute


def tune_thresholds(
    y_true: np.ndarray, probs: np.ndarray, labels: Sequence[str]
) -> dict[str, float]:
    """Per label, the threshold in 0.05…0.95 that maximises that label's dev F1.

    0.5 when the label has no dev positives (nothing to tune on); ties go to the
    threshold nearest 0.5, the least committal choice.
    """
    grid = np.round(np.arange(0.05, 0.951, 0.05), 2)
    out: dict[str, float] = {}
    for j, label in enumerate(labels):
        y = y_true[:, j] >= 0.5
        if not y.any():
            out[label] = 0.5
            continue
        best, best_t = -1.0, 0.5
        for t in sorted(grid, key=lambda t: abs(t - 0.5)):
            pred = probs[:, j] >= t
            tp = int((pred & y).sum())
            f1 = 2 * tp / (pred.sum() + y.sum())
            if f1 > best + 1e-12:
                best, best_t = f1, float(t)
        out[label] = best_t
    return out


# ---------------------------------------------------------------------- training loop


def _training_arguments(args: FinetuneArguments, work: Path, epochs: float, bf16: bool,
                        metric: str = "f1") -> Any:
    import torch
    from transformers import TrainingArguments

    return TrainingArguments(
        output_dir=str(work),
        eval_strategy="epoch",
        save_strategy="epoch",
        logging_strategy="steps",
        logging_steps=args.logging_steps,
        load_best_model_at_end=True,
        metric_for_best_model=metric,
        greater_is_better=True,
        save_total_limit=2,
        num_train_epochs=epochs,
        max_steps=args.max_steps,
        learning_rate=args.learning_rate,
        per_device_train_batch_size=args.batch_size,
        per_device_eval_batch_size=args.eval_batch_size,
        warmup_steps=args.warmup,
        weight_decay=args.weight_decay,
        seed=args.seed,
        data_seed=args.seed,
        bf16=bf16,
        use_cpu=not torch.cuda.is_available(),
        train_sampling_strategy="group_by_length",
        report_to=[],
        dataloader_pin_memory=torch.cuda.is_available(),
        disable_tqdm=not logger.isEnabledFor(logging.INFO),
    )


def _resume_arg(args: FinetuneArguments, work: Path) -> str | bool | None:
    """``last`` → this stage's last checkpoint if it has one; a path → only its own stage."""
    from transformers.trainer_utils import get_last_checkpoint

    value = args.resume_from_checkpoint
    if not value:
        return None
    if value == "last":
        return get_last_checkpoint(str(work)) if work.is_dir() else None
    path = Path(value).resolve()
    return str(path) if work.resolve() in path.parents else None


def gce_loss(logits: Any, labels: Any, q: float = 0.7, ignore_index: int = -100) -> Any:
    """Generalised cross-entropy ``(1 - p_y^q) / q`` over the labelled positions.

    Bounded per token, so a confidently wrong weak label costs at most ``1/q``
    instead of an unbounded log-loss: the model is pushed less to memorise the
    rules' mistakes (Zhang & Sabuncu, 2018). ``q → 0`` gives cross-entropy back.
    """
    import torch

    flat_logits = logits.reshape(-1, logits.shape[-1]).float()
    flat_labels = labels.reshape(-1)
    keep = flat_labels != ignore_index
    if not bool(keep.any()):
        return flat_logits.sum() * 0.0
    probs = torch.softmax(flat_logits[keep], dim=-1)
    p_y = probs.gather(1, flat_labels[keep].unsqueeze(1)).squeeze(1).clamp_min(1e-7)
    return ((1.0 - p_y.pow(q)) / q).mean()


def ordered_eval_trainer_class(loss: str = "ce", gce_q: float = 0.7) -> type:
    """A ``Trainer`` whose evaluation batches come in dataset order (and an optional GCE loss).

    transformers 5 applies ``train_sampling_strategy="group_by_length"`` to the eval
    sampler too, which shuffles ``EvalPrediction`` rows; phogov's metrics merge windows
    back into sentences by position, so they need the order of the dev windows.
    """
    from torch.utils.data import SequentialSampler
    from transformers import Trainer

    if loss not in ("ce", "gce"):
        raise ValueError(f"loss must be 'ce' or 'gce', got {loss!r}")

    class OrderedEvalTrainer(Trainer):
        def _get_eval_sampler(self, eval_dataset: Any) -> Any:
            if eval_dataset is None or not hasattr(eval_dataset, "__len__"):
                return None
            return SequentialSampler(eval_dataset) if self.args.world_size <= 1 else None

        def compute_loss(self, model: Any, inputs: Any, return_outputs: bool = False,
                         num_items_in_batch: Any = None) -> Any:
            if loss == "ce" or "labels" not in inputs:
                return super().compute_loss(model, inputs, return_outputs, num_items_in_batch)
            labels = inputs.pop("labels")
            outputs = model(**inputs)
            value = gce_loss(outputs.logits, labels, gce_q)
            return (value, outputs) if return_outputs else value

    return OrderedEvalTrainer


def fit(
    model: Any,
    tokenizer: Any,
    train_enc: Encoded,
    dev_enc: Encoded,
    compute_metrics: Any,
    collator: Any,
    args: Any,
    work: Path,
    epochs: float,
    bf16: bool,
    metric: str = "f1",
    preprocess_logits: Any = None,
    loss: str = "ce",
) -> tuple[Any, list[dict[str, Any]]]:
    """One Trainer run; returns the best model (by dev ``metric``) and the log history.

    ``args``: FinetuneArguments or TopicTrainArguments (they share the training fields).
    """
    from transformers import EarlyStoppingCallback

    callbacks = []
    if args.early_stopping_patience > 0:
        callbacks.append(EarlyStoppingCallback(early_stopping_patience=args.early_stopping_patience))
    trainer = ordered_eval_trainer_class(loss, getattr(args, "gce_q", 0.7))(
        model=model,
        args=_training_arguments(args, work, epochs, bf16, metric),
        train_dataset=_dataset(train_enc),
        eval_dataset=_dataset(dev_enc),
        processing_class=tokenizer,
        data_collator=collator,
        compute_metrics=compute_metrics,
        callbacks=callbacks,
        preprocess_logits_for_metrics=preprocess_logits,
    )
    # The Trainer prints its logs to stdout; keep stdout for the command's own output.
    with contextlib.redirect_stdout(sys.stderr):
        trainer.train(resume_from_checkpoint=_resume_arg(args, work))
        final = trainer.evaluate()
    history = list(trainer.state.log_history) + [{"final_eval": final}]
    logger.info("%s: best dev %s = %s", work.name, metric, final.get(f"eval_{metric}"))
    return trainer.model, history


def _argmax_logits(logits: Any, labels: Any) -> Any:
    """Keep only argmax ids during evaluation (the full logits are not needed)."""
    if isinstance(logits, tuple):
        logits = logits[0]
    return logits.argmax(dim=-1)


def train(args: FinetuneArguments, weak_rows: list[dict[str, Any]] | None = None) -> Path:
    """Train the NER head, then the topic head; write the model directory ``args.out``.

    ``weak_rows`` (rows in the weak dataset's format) replace ``args.weak`` when given:
    self-training passes the teacher's pseudo-labelled rows this way.
    """
    from transformers import DataCollatorForTokenClassification, DataCollatorWithPadding, set_seed

    from phogov.modeling import ModelInfo, PhogovModel, load_backbone_for_training

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
        ner_collator, args, work / "ner", args.epochs, bf16, preprocess_logits=_argmax_logits,
        loss=args.loss)
    if stage2:
        ner_model, history["ner_gold"] = fit(
            ner_model, tokenizer, encode_rows(stage2, encoder, "ner"), dev_ner,
            ner_metrics(dev, dev_ner), ner_collator, args, work / "ner_gold", args.gold_epochs,
            bf16, preprocess_logits=_argmax_logits)
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
    phogov_model.save(out)
    (out / "training_args.json").write_text(
        json.dumps(asdict(args), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "train_log.json").write_text(
        json.dumps(history, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
    if not args.keep_checkpoints:
        shutil.rmtree(work, ignore_errors=True)
    logger.info("model written to %s (%.0f s)", out, time.time() - started)
    return out


def _final(history: dict[str, Any], stage: str) -> dict[str, float]:
    final = history[stage][-1]["final_eval"]
    return {k.removeprefix("eval_"): v for k, v in final.items()
            if isinstance(v, (int, float)) and not k.endswith(("runtime", "per_second"))}


def predict_topic_probs(model: Any, tokenizer: Any, enc: Encoded, n_rows: int,
                        batch_size: int = 64) -> np.ndarray:
    """Sigmoid topic probabilities per row (windows pooled), for threshold tuning."""
    import torch

    from phogov.encoding import pad_batch

    device = next(model.parameters()).device
    model.eval()
    logits: list[np.ndarray] = []
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    with torch.inference_mode():
        for b in range(0, len(enc.features), batch_size):
            chunk = enc.features[b : b + batch_size]
            arrays = pad_batch(chunk, pad_id, with_labels=False)
            inputs = {k: torch.from_numpy(v).to(device) for k, v in arrays.items()}
            logits.append(model(**inputs).logits.float().cpu().numpy())
    if not logits:
        return np.zeros((n_rows, model.config.num_labels), dtype=np.float32)
    return pooled_topic_probs(np.concatenate(logits), enc, n_rows)
