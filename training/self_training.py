"""Self-training after the weak-label fit, in the manner of BOND (Liang et al., 2020).

The model fitted on the rules' labels (the teacher) relabels the unlabelled
sentences; a student, initialised from the teacher, is fine-tuned on the
teacher's *confident* word labels only (BOND's high-confidence selection: a word
whose best tag has probability below ``confidence`` is ignored by the loss) and on
its topic probabilities as soft targets. The student becomes the next teacher.
Where the teacher has learnt past the rules (a name the rules missed, a boundary
they drew badly) the student trains on the better label; where it is unsure,
no label is better than a noisy one. Each round is scored on the dev gold and
the best model, teacher included, is kept.
"""

from __future__ import annotations

import json
import logging
import random
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from tqdm.auto import tqdm

from phogov.training.finetune import FinetuneArguments, load_weak_rows, train
from phogov.types import NER_TAGS

logger = logging.getLogger("phogov.training")

IGNORE = -100


@dataclass
class SelfTrainArguments(FinetuneArguments):
    """``phogov self-train``: the fine-tuning fields plus the teacher and the rounds."""

    teacher: str = field(default="", metadata={"help": "the weak-label model directory"})
    rounds: int = field(default=1, metadata={"help": "teacher → student rounds (1 to 3)"})
    confidence: float = field(
        default=0.9, metadata={"help": "a word keeps the teacher's tag from this probability"})
    unlabelled_samples: int | None = field(
        default=None, metadata={"help": "relabel at most N sentences of --weak per round"})


def pseudo_label(
    teacher: Any, rows: list[dict[str, Any]], confidence: float, batch_size: int = 64,
    chunk: int = 2048,
) -> tuple[list[dict[str, Any]], dict[str, float]]:
    """Rows relabelled by ``teacher`` (a PhogovModel): confident tags, soft topics.

    Returns the rows and the share of words kept and of words whose tag changed
    from the weak label (how far the teacher moved past its rules).
    """
    labels = teacher.ner_labels
    to_ours = np.array([NER_TAGS.index(t) if t in NER_TAGS else 0 for t in labels])
    out: list[dict[str, Any]] = []
    words = kept = changed = 0
    for b in tqdm(range(0, len(rows), chunk), desc="teacher labelling", unit="chunk"):
        part = rows[b:b + chunk]
        word_probs, topic_probs = teacher.predict_words([r["words"] for r in part], batch_size)
        for row, probs, tprobs in zip(part, word_probs, topic_probs):
            best = probs.argmax(-1)
            conf = probs.max(-1)
            tags = [int(to_ours[k]) if c >= confidence else IGNORE for k, c in zip(best, conf)]
            words += len(tags)
            kept += sum(t != IGNORE for t in tags)
            changed += sum(t != IGNORE and t != w for t, w in zip(tags, row["ner_tags"]))
            new = dict(row)
            new["ner_tags"] = tags
            if teacher.topics is not None and len(tprobs):
                new["topics"] = [float(p) for p in tprobs]
            new["source"] = "pseudo"
            out.append(new)
    return out, {"words": words, "kept": kept / max(1, words), "changed": changed / max(1, words)}


def self_train(args: SelfTrainArguments) -> Path:
    """Run ``args.rounds`` rounds from ``args.teacher``; write the best model to ``args.out``."""
    from phogov.modeling import load_model

    if not args.teacher:
        raise ValueError("--teacher is required: the model fitted on the weak labels")
    if not args.weak:
        raise ValueError("--weak is required: the sentences the teacher relabels")
    if not (args.dev or args.gold):
        raise ValueError("self-training picks its rounds on gold: give --dev (or --gold) files, "
                         "the same the teacher was trained with")
    if not 0.0 < args.confidence < 1.0:
        raise ValueError(f"--confidence must be in (0, 1), got {args.confidence}")
    if not 1 <= args.rounds <= 5:
        raise ValueError(f"--rounds must be 1 to 5, got {args.rounds}")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rows = load_weak_rows(args.weak)
    teacher_dir = Path(args.teacher)
    history: list[dict[str, Any]] = [
        {"round": 0, "model": str(teacher_dir), "dev": _dev_f1(teacher_dir)}
    ]
    for r in range(1, args.rounds + 1):
        sample = rows
        if args.unlabelled_samples and len(rows) > args.unlabelled_samples:
            sample = random.Random(args.seed + r).sample(rows, args.unlabelled_samples)
        teacher = load_model(teacher_dir)
        pseudo, stats = pseudo_label(teacher, sample, args.confidence, args.eval_batch_size)
        logger.info("round %d: %d sentences, %.1f%% of words kept, %.1f%% changed", r,
                    len(pseudo), 100 * stats["kept"], 100 * stats["changed"])
        student_args = SelfTrainArguments(**{**asdict(args), "out": str(out / f"round{r}"),
                                             "base": str(teacher_dir), "weak": None})
        student_dir = train(student_args, weak_rows=pseudo)
        history.append({"round": r, "model": str(student_dir), "dev": _dev_f1(student_dir),
                        "pseudo": stats})
        teacher_dir = student_dir
    best = max(history, key=lambda h: h["dev"])
    logger.info("best round: %d (dev entity F1 %.4f)", best["round"], best["dev"])
    final = out / "model"
    shutil.rmtree(final, ignore_errors=True)
    shutil.copytree(best["model"], final)
    (out / "self_training.json").write_text(
        json.dumps({"best_round": best["round"], "rounds": history}, indent=1) + "\n",
        encoding="utf-8")
    return final


def _dev_f1(model_dir: Path) -> float:
    """The NER dev F1 recorded by ``phogov train`` in the model's phogov.json."""
    info = json.loads((Path(model_dir) / "phogov.json").read_text(encoding="utf-8"))
    return float(info.get("metrics", {}).get("ner", {}).get("f1", 0.0))
