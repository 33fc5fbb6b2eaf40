"""One Hugging Face ``Trainer`` run on window features, shared by ``phogov train``
(``finetune.py``) and ``phogov train-topics`` (``topics.py``).

Rows become window features (``encode_rows``, through ``phogov.encoding``), the
Trainer evaluates every epoch in dev order, keeps the best checkpoint and stops
early (``fit``); bf16 is on where the device computes it natively
(``resolve_bf16``). What to train on, and what to save, is the callers' job.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from phogov.encoding import SubwordEncoder, Window
from phogov.segment import DEFAULT_SEGMENTER
from phogov.training.dev_metrics import pooled_topic_probs

logger = logging.getLogger("phogov.training")


@dataclass(kw_only=True)
class RunArguments:
    """What every training run has — ``phogov pretrain`` (``PretrainArgs``), ``phogov
    train`` and ``phogov train-topics`` (``TrainerArguments``) — with one name, one
    meaning and one representation (``bf16`` is ``bool | None`` everywhere, resolved by
    :func:`resolve_bf16`). Keyword-only, so that a subclass's required fields stay first."""

    max_steps: int = field(default=-1, metadata={"help": "stop after N steps (overrides epochs)"})
    batch_size: int = field(default=32, metadata={"help": "training batch size (windows)"})
    warmup: float = field(default=0.06, metadata={"help": "warmup as a fraction of steps"})
    weight_decay: float = field(default=0.01, metadata={"help": "AdamW weight decay"})
    seed: int = field(default=42, metadata={"help": "random seed"})
    bf16: bool | None = field(
        default=None,
        metadata={"help": "yes|no|auto: bf16 autocast (auto: on when the GPU/CPU has native bf16)"},
    )
    segmenter: str = field(default=DEFAULT_SEGMENTER, metadata={"help": "word segmenter"})
    resume_from_checkpoint: str | None = field(
        default=None,
        metadata={"help": "'last' to resume each stage from its last checkpoint, or a path"},
    )
    logging_steps: int = field(default=50, metadata={"help": "log the loss every N steps"})


@dataclass(kw_only=True)
class TrainerArguments(RunArguments):
    """The fields of one Trainer run, shared by ``phogov train`` (``FinetuneArguments``) and
    ``phogov train-topics`` (``TopicTrainArguments``), which add their data fields, as
    ``run_ner.py`` composes its argument dataclasses."""

    base: str = field(
        default="vinai/phobert-base",
        metadata={"help": "backbone: HF id, local dir (see `phogov make-backbone`) or a "
                          "phogov model dir"},
    )
    epochs: float = field(default=3.0, metadata={"help": "training epochs per head"})
    learning_rate: float = field(default=5e-5, metadata={"help": "peak learning rate"})
    eval_batch_size: int = field(default=64, metadata={"help": "evaluation batch size"})
    early_stopping_patience: int = field(
        default=2, metadata={"help": "stop after N evaluations without dev score gain (0: off)"}
    )
    max_length: int = field(default=256, metadata={"help": "subwords per window incl. specials"})
    stride: int = field(default=128, metadata={"help": "subwords between window starts"})
    max_train_samples: int | None = field(
        default=None, metadata={"help": "use only N training sentences or texts (quick runs)"}
    )
    keep_checkpoints: bool = field(
        default=False, metadata={"help": "keep OUT/checkpoints after a successful run"}
    )


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


def resolve_bf16(setting: bool | str | None) -> bool:
    """``None`` (auto) → bf16 when the device computes it natively; True/False force it.

    ``bool | None`` is the one representation (``PretrainArgs.bf16`` too; the CLI reads
    ``--bf16 yes|no|auto``); the strings ``auto``/``yes``/``no`` are still accepted.
    """
    import torch

    value = "auto" if setting is None else str(setting).strip().lower()
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


# ---------------------------------------------------------------------- training loop


def _training_arguments(args: TrainerArguments, work: Path, epochs: float, bf16: bool,
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


def last_complete_checkpoint(folder: Path) -> str | None:
    """The newest ``checkpoint-N`` in ``folder`` that was written to the end (it has its
    ``trainer_state.json``), or None. A run killed while saving leaves a newer, partial
    folder behind; resuming from it would fail, so it is skipped with a warning."""
    if not folder.is_dir():
        return None
    steps = sorted(
        (int(p.name.split("-", 1)[1]), p) for p in folder.iterdir()
        if p.is_dir() and p.name.startswith("checkpoint-") and p.name[11:].isdigit()
    )
    for _, path in reversed(steps):
        if (path / "trainer_state.json").is_file():
            return str(path)
        logger.warning("%s: an incomplete checkpoint (no trainer_state.json), skipped", path)
    return None


def _resume_arg(args: TrainerArguments, work: Path) -> str | bool | None:
    """``last`` → this stage's last checkpoint if it has one; a path → only its own stage."""
    value = args.resume_from_checkpoint
    if not value:
        return None
    if value == "last":
        return last_complete_checkpoint(work)
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

    ``args``: any :class:`TrainerArguments` (``gce_q`` is read when it has one).
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


def argmax_logits(logits: Any, labels: Any) -> Any:
    """Keep only argmax ids during evaluation (the full logits are not needed)."""
    if isinstance(logits, tuple):
        logits = logits[0]
    return logits.argmax(dim=-1)


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
