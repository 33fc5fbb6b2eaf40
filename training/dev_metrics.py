"""Dev scores that pick checkpoints and topic thresholds while training.

NER: window predictions merged back to whole sentences, then strict IOB2 entity
scores (seqeval), so a long dev sentence counts once. Topics: windows pooled per
row, multi-label F1, and per-label thresholds tuned on dev. These are the
training-time scores; ``phogov.eval.metrics`` scores finished systems against gold.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from phogov.encoding import POOL_MULTI_LABEL, SubwordEncoder, pool_windows
from phogov.spans import ids_to_tags
from phogov.types import NER_TAGS

if TYPE_CHECKING:
    from phogov.training.trainer import Encoded


def ner_metrics(dev_rows: list[dict[str, Any]], dev: Encoded):
    """``compute_metrics`` for the NER Trainer: strict IOB2 entity scores per sentence.

    Window predictions are merged back to words (owner windows) before scoring,
    so a long dev sentence counts once, whole.
    """

    def compute(p: Any) -> dict[str, float]:
        preds = p.predictions[0] if isinstance(p.predictions, tuple) else p.predictions
        if preds.ndim == 3:
            preds = preds.argmax(-1)
        per_row: dict[int, tuple[list[Any], list[np.ndarray]]] = {}
        for f, (r, win) in enumerate(dev.windows):
            wins, ids = per_row.setdefault(r, ([], []))
            wins.append(win)
            ids.append(preds[f][:, None])
        pred_ids = [[-1] * len(row["words"]) for row in dev_rows]  # -1: no prediction, "O"
        for r, (wins, ids) in per_row.items():
            # the one merging rule prediction uses: each word from its owner window
            pred_ids[r] = SubwordEncoder.merge(wins, ids)[:, 0].astype(int).tolist()
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
