"""``phogov pretrain``: masked-LM or ELECTRA pretraining of a PhoBERT-format backbone.

Corpus → unique, gold-free documents → segmented cache (``corpus``) → BPE
(``bpe``) → packed chunks and whole-word masks (``mlm_data``) → the HF
``Trainer``, with either objective:

- ``mlm``: a ``RobertaForMaskedLM`` predicts the masked words (the v1 recipe);
- ``electra``: replaced-token detection (``electra``); the discriminator is kept.

Either way the result is a RoBERTa + ``PhobertTokenizer`` directory that
``AutoModel.from_pretrained`` and ``phogov train --base`` read. Runs are budgeted
(``max_minutes`` of wall time for this run, ``max_cpu_minutes`` of training CPU
time over all runs) and resumable: checkpoints hold weights, optimizer,
scheduler, RNG states, the data position and the budget spent, so a long budget
can be spread over several runs that together equal one uninterrupted run.
"""

from __future__ import annotations

import inspect
import json
import logging
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from phogov.training.bpe import tokenizer_from_corpus
from phogov.training.budget import Budget, budget_callback, passive_openmp
from phogov.training.corpus import (
    SEGMENTED_CACHE,
    default_corpus,
    resolve_exclusions,
    segment_corpus,
)
from phogov.training.mlm_data import ChunkDataset, WholeWordMaskCollator, load_or_build_chunks
from phogov.training.phobert_format import (
    TOKENIZER_CLASS,
    PathLike,
    load_phobert,
    roberta_config,
    save_backbone,
)
from phogov.training.trainer import RunArguments, last_complete_checkpoint, resolve_bf16

logger = logging.getLogger(__name__)

OBJECTIVES = ("mlm", "electra")
SETTINGS_FILE = "pretrain_settings.json"
# What a resumed run may not change: the model, the data and its order, the optimisation.
FIXED_ON_RESUME = (
    "objective", "base", "layers", "hidden", "heads", "intermediate", "vocab_size",
    "generator_size", "rtd_weight", "max_seq_len", "batch_size", "grad_accum", "lr",
    "weight_decay", "warmup", "mlm_probability", "whole_word_mask", "seed", "corpus_files",
    "exclude", "max_lines", "segmenter", "tokenizer_from",
)


@dataclass(kw_only=True)
class PretrainArgs(RunArguments):
    """Flags of ``phogov pretrain``, one field per ``pretrain`` keyword (same names); the
    fields every run has (seed, bf16, steps, batch, warmup, …) come from
    :class:`~phogov.training.trainer.RunArguments`, with pretraining's defaults here."""

    corpus_files: list[str] = field(
        default_factory=list,
        metadata={"aliases": ["--corpus"],
                  "help": ".txt / .jsonl[.gz] corpus files (default: VNTC train "
                          "../shared/vntc/train.jsonl.gz + the bundled gov_news.jsonl.gz)"},
    )
    out_dir: str = field(
        default="runs/pretrain", metadata={"aliases": ["--out"], "help": "output directory"}
    )
    base: str | None = None
    layers: int = 4
    hidden: int = 256
    heads: int = 4
    intermediate: int | None = None
    vocab_size: int = 16000
    max_seq_len: int = 128
    max_steps: int = field(default=2000, metadata={"help": "optimizer steps (the LR schedule "
                                                           "decays to zero at the last)"})
    grad_accum: int = 1
    lr: float = 5e-4
    mlm_probability: float = 0.15
    whole_word_mask: bool = True
    save_steps: int = 500
    save_total_limit: int = 2
    eval_chunks: int = 256
    eval_steps: int | None = None
    resume: bool = True
    max_minutes: float | None = field(
        default=None, metadata={"help": "stop (saving) after this much wall time of this run"})
    max_lines: int | None = None
    processes: int = 2
    show_progress: bool = True
    objective: str = field(
        default="mlm", metadata={"help": "mlm (masked LM) or electra (replaced-token detection)"})
    generator_size: float = field(
        default=0.25, metadata={"help": "electra: generator width / discriminator width"})
    rtd_weight: float = field(
        default=50.0, metadata={"help": "electra: weight λ of the discriminator loss"})
    resume_from_checkpoint: str | None = field(
        default=None,
        metadata={"help": "'last' (the latest checkpoint in OUT/checkpoints; a fresh start if "
                          "there is none) or a checkpoint directory"})
    max_cpu_minutes: float | None = field(
        default=None,
        metadata={"help": "stop once training has used this much CPU time, over all resumed "
                          "runs (a budget a busy neighbour does not shrink)"})
    exclude: list[str] | None = field(
        default=None,
        metadata={"help": "texts whose articles are left out of the corpus (default: every "
                          "bundled data/gold_*.jsonl — dev and held-out test — and "
                          "../shared/vntc/dev.jsonl.gz); 'none' for nothing"})
    tokenizer_from: str | None = field(
        default=None,
        metadata={"help": "reuse this directory's vocab.txt + bpe.codes (comparisons need "
                          "the very same vocabulary)"})


def _trainer_class(objective: str, budget: Budget, masker: WholeWordMaskCollator,
                   eval_seed: int) -> type:
    """The ``Trainer`` of an objective. Batches arrive padded and are masked in the step
    (``WholeWordMaskCollator``: why); evaluation masks with its own fixed seed, so eval
    losses are comparable across steps and evaluating never moves the training RNG;
    logs carry the training minutes spent.

    MLM: the LM head runs on the masked positions only. ``RobertaForMaskedLM.forward``
    projects every position onto the vocabulary; with 16k subwords that projection is
    over half the compute of a small model, yet only ~15% of positions have a label.
    The saved model is the unchanged ``RobertaForMaskedLM`` (same loss, less work).
    """
    import torch
    from torch.nn import functional as F
    from transformers import Trainer

    from phogov.training.electra import electra_trainer_class

    class PretrainTrainer(Trainer):
        def mask_inputs(self, inputs: dict[str, Any]) -> dict[str, Any]:
            return masker.mask(inputs) if "word_units" in inputs else inputs

        def evaluate(self, *args: Any, **kwargs: Any) -> dict[str, float]:
            with torch.random.fork_rng():
                torch.manual_seed(eval_seed)
                return super().evaluate(*args, **kwargs)

        def prediction_step(self, model, inputs, prediction_loss_only, ignore_keys=None):
            inputs = self._prepare_inputs(inputs)
            with torch.no_grad():
                loss = self.compute_loss(model, inputs)
            return loss.detach(), None, None

        def log(self, logs: dict[str, float], start_time: float | None = None) -> None:
            if "loss" in logs or "eval_loss" in logs:
                logs["cpu_minutes"] = round(budget.cpu_seconds() / 60, 3)
                logs["train_minutes"] = round(budget.train_seconds() / 60, 3)
            super().log(logs, start_time)

    if objective == "electra":
        return electra_trainer_class(PretrainTrainer)

    class MaskedLMTrainer(PretrainTrainer):
        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            self.loss_is_scaled_for_ga = False  # a per-batch mean: Trainer divides by GA
            inputs = self.mask_inputs(inputs)
            if not (hasattr(model, "roberta") and hasattr(model, "lm_head")):
                return super().compute_loss(model, inputs, return_outputs, num_items_in_batch)
            labels = inputs["labels"]
            with self.accelerator.autocast():
                hidden = model.roberta(
                    input_ids=inputs["input_ids"], attention_mask=inputs["attention_mask"]
                ).last_hidden_state
                selected = labels != -100
                logits = model.lm_head(hidden[selected])
            loss = F.cross_entropy(logits.float(), labels[selected])
            return (loss, {"loss": loss}) if return_outputs else loss

    return MaskedLMTrainer


def save_loss_curve(
    log_history: list[dict[str, Any]], png_path: PathLike, objective: str = "mlm"
) -> Path:
    """Plot the pretraining losses against step into a PNG (Agg: no display needed).

    MLM: train and eval loss. ELECTRA: the generator's MLM loss and the
    discriminator's replaced-token loss side by side (their λ-weighted sum says little).
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def series(key: str) -> list[tuple[int, float]]:
        return [(e["step"], e[key]) for e in log_history if key in e and "step" in e]

    panels = ([("gen_loss", "generator MLM loss"), ("disc_loss", "discriminator RTD loss")]
              if objective == "electra" else [("loss", "MLM loss")])
    fig, axes = plt.subplots(1, len(panels), figsize=(7 * len(panels), 4), dpi=100,
                             squeeze=False)
    for ax, (key, label) in zip(axes[0], panels):
        train, evals = series(key), series("eval_" + key)
        if train:
            ax.plot(*zip(*train, strict=True), label="train")
        if evals:
            ax.plot(*zip(*evals, strict=True), "o-", label="eval")
        ax.set_xlabel("step")
        ax.set_ylabel(label)
        ax.grid(alpha=0.3)
        if train or evals:
            ax.legend()
    fig.suptitle(f"phogov {objective.upper()} pretraining")
    fig.tight_layout()
    fig.savefig(png_path)
    plt.close(fig)
    return Path(png_path)


def _checkpoint_to_resume(ckpt_dir: Path, resume: bool, resume_from_checkpoint: str | None):
    """``'last'`` or ``resume`` → the newest complete checkpoint (None when there is none);
    a path → that checkpoint, which must exist."""
    if resume_from_checkpoint and resume_from_checkpoint != "last":
        path = Path(resume_from_checkpoint)
        if not (path / "trainer_state.json").is_file():
            raise FileNotFoundError(f"{path}: not a checkpoint (no trainer_state.json)")
        return str(path)
    if resume_from_checkpoint == "last" or resume:
        return last_complete_checkpoint(ckpt_dir)
    return None


def _check_settings(out: Path, settings: dict[str, Any], resuming: bool) -> None:
    """A resumed run must be the same run: refuse other data, model or optimisation."""
    path = out / SETTINGS_FILE
    if resuming and path.is_file():
        old = json.loads(path.read_text(encoding="utf-8"))
        changed = [k for k in FIXED_ON_RESUME if k in old and old[k] != settings.get(k)]
        if changed:
            diff = ", ".join(f"{k}: {old[k]!r} → {settings.get(k)!r}" for k in changed)
            raise ValueError(
                f"{out}: its checkpoints come from other settings ({diff}); use the same "
                "flags, a new --out, or --no-resume"
            )
    path.write_text(json.dumps(settings, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# What a checkpoint holds of its tokenizer (PhobertTokenizer: vocabulary, BPE merges, config).
_TOKENIZER_FILES = frozenset({"vocab.txt", "bpe.codes", "added_tokens.json",
                              "tokenizer_config.json", "special_tokens_map.json"})


def _tokenizer(base, last, tokenizer_from, cache: Path, out: Path, vocab_size: int,
               show_progress: bool):
    """The run's PhobertTokenizer: the base model's, the checkpoint's, a reused one, or
    a new BPE learnt from the corpus."""
    from transformers import AutoTokenizer

    if base is not None:
        tok = AutoTokenizer.from_pretrained(str(base))
    elif last is not None and (Path(last) / "vocab.txt").is_file():
        # the vocabulary the checkpoint uses, read from a copy in the run's own folder: the
        # Trainer deletes old checkpoints (save_total_limit), and a PhobertTokenizer saves
        # by copying the files it was loaded from, so loading from the checkpoint itself
        # made every save after that checkpoint's rotation fail
        dst = out / "tokenizer"
        dst.mkdir(parents=True, exist_ok=True)
        for src in Path(last).iterdir():
            if src.name in _TOKENIZER_FILES:
                shutil.copy(src, dst / src.name)
        tok = AutoTokenizer.from_pretrained(str(dst))
    elif tokenizer_from is not None:
        src, dst = Path(tokenizer_from), out / "tokenizer"
        if not ((src / "vocab.txt").is_file() and (src / "bpe.codes").is_file()):
            raise ValueError(f"{src}: no vocab.txt + bpe.codes to reuse as the tokenizer")
        dst.mkdir(parents=True, exist_ok=True)
        for name in ("vocab.txt", "bpe.codes"):
            shutil.copy(src / name, dst / name)
        tok = load_phobert(dst / "vocab.txt", dst / "bpe.codes")
    else:
        tok = tokenizer_from_corpus(cache, out / "tokenizer", vocab_size, show_progress)
    if tok.__class__.__name__ != TOKENIZER_CLASS:
        raise ValueError(f"expected a {TOKENIZER_CLASS}, got {tok.__class__.__name__}")
    return tok


def _model(objective: str, base, n_vocab: int, layers: int, hidden: int, heads: int,
           intermediate: int | None, generator_size: float, rtd_weight: float):
    """MLM: a ``RobertaForMaskedLM``; ELECTRA: an ``ElectraPretrainer`` around a
    ``RobertaModel`` discriminator. From ``base`` when given, else random."""
    from transformers import AutoModelForMaskedLM, RobertaForMaskedLM, RobertaModel

    if objective == "mlm":
        if base is not None:
            return AutoModelForMaskedLM.from_pretrained(str(base))
        return RobertaForMaskedLM(roberta_config(n_vocab, layers, hidden, heads, intermediate))
    from phogov.training.electra import ElectraPretrainer

    if base is not None:
        disc = RobertaModel.from_pretrained(str(base), add_pooling_layer=False)
    else:
        cfg = roberta_config(n_vocab, layers, hidden, heads, intermediate,
                             architecture="RobertaModel")
        disc = RobertaModel(cfg, add_pooling_layer=False)
    return ElectraPretrainer(disc, generator_size=generator_size, rtd_weight=rtd_weight)


def pretrain(
    corpus_files: Sequence[PathLike],
    out_dir: PathLike,
    base: PathLike | None = None,
    layers: int = 4,
    hidden: int = 256,
    heads: int = 4,
    intermediate: int | None = None,
    vocab_size: int = 16000,
    max_seq_len: int = 128,
    max_steps: int = 2000,
    batch_size: int = 32,
    grad_accum: int = 1,
    lr: float = 5e-4,
    weight_decay: float = 0.01,
    warmup: float = 0.06,
    mlm_probability: float = 0.15,
    whole_word_mask: bool = True,
    seed: int = 42,
    bf16: bool | None = None,
    save_steps: int = 500,
    save_total_limit: int = 2,
    logging_steps: int = 50,
    eval_chunks: int = 256,
    eval_steps: int | None = None,
    resume: bool = True,
    max_minutes: float | None = None,
    max_lines: int | None = None,
    processes: int = 2,
    segmenter: str = "pyvi",
    show_progress: bool = True,
    objective: str = "mlm",
    generator_size: float = 0.25,
    rtd_weight: float = 50.0,
    resume_from_checkpoint: str | None = None,
    max_cpu_minutes: float | None = None,
    exclude: Sequence[PathLike] | None = None,
    tokenizer_from: PathLike | None = None,
) -> Path:
    """Pretrain a PhoBERT-format backbone on a raw corpus; returns ``out_dir``.

    ``corpus_files`` empty = ``default_corpus()``; documents are deduplicated and
    those sharing an article with ``exclude`` (None = the dev golds and VNTC dev) are
    left out. ``objective`` = ``mlm`` or ``electra`` (module docstrings). ``base`` = a
    backbone directory to continue from (its tokenizer is kept); else a tokenizer
    (``tokenizer_from``'s, or a new ``vocab_size`` BPE) and a random
    ``layers``/``hidden``/``heads`` model. Whole-word masking over segmented words;
    bf16 autocast when ``bf16`` is True, or None (auto) and the CPU has native bf16.

    Checkpoints every ``save_steps`` into ``out_dir/checkpoints``; a rerun continues
    from the newest one (``resume``, or ``resume_from_checkpoint`` = ``'last'`` or a
    checkpoint path) with the same data order, optimizer state and RNG, and refuses
    changed settings (``FIXED_ON_RESUME``). ``max_minutes`` stops this run (saving)
    after that much wall time since the call; ``max_cpu_minutes`` stops once training
    has used that much CPU time over all runs. Segmented corpus and tokenised chunks
    are cached in ``out_dir``. Writes the final backbone (``save_backbone``: a
    ``RobertaForMaskedLM`` for MLM, the ``RobertaModel`` discriminator for ELECTRA),
    ``loss.png`` and ``log_history.json``.
    """
    omp_wait_policy = passive_openmp()
    import torch
    from transformers import TrainingArguments, set_seed

    if objective not in OBJECTIVES:
        raise ValueError(f"objective must be one of {', '.join(OBJECTIVES)}, got {objective!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ckpt_dir = out / "checkpoints"
    started = time.time()
    corpus_files = [str(f) for f in corpus_files] or default_corpus()
    exclude = resolve_exclusions(exclude)
    settings = {k: (str(v) if isinstance(v, os.PathLike) else v)
                for k, v in locals().items() if k in _PRETRAIN_PARAMS}

    last = _checkpoint_to_resume(ckpt_dir, resume, resume_from_checkpoint)
    _check_settings(out, settings, resuming=last is not None)
    cache = segment_corpus(corpus_files, out / SEGMENTED_CACHE, max_lines, processes, segmenter,
                           exclude)
    tokenizer = _tokenizer(base, last, tokenizer_from, cache, out, vocab_size, show_progress)

    ids, wids, offsets = load_or_build_chunks(cache, tokenizer, out, max_seq_len)
    n_chunks = len(offsets) - 1
    order = np.random.default_rng(seed).permutation(n_chunks)
    n_eval = min(eval_chunks, n_chunks // 10)
    eval_ds = ChunkDataset(ids, wids, offsets, np.sort(order[:n_eval])) if n_eval > 0 else None
    train_ds = ChunkDataset(ids, wids, offsets, np.sort(order[n_eval:]))
    logger.info("%d train chunks (%d subwords), %d eval chunks",
                len(train_ds), train_ds.n_tokens(), n_eval)

    set_seed(seed)
    model = _model(objective, base, len(tokenizer), layers, hidden, heads, intermediate,
                   generator_size, rtd_weight)
    if model.config.vocab_size < len(tokenizer):
        raise ValueError(f"model vocab {model.config.vocab_size} < tokenizer {len(tokenizer)}")
    if max_seq_len > model.config.max_position_embeddings - 2:
        raise ValueError(f"max_seq_len {max_seq_len} exceeds the model's positions")

    on_gpu = torch.cuda.is_available()
    use_bf16 = resolve_bf16(bf16)  # the one probe, shared with fine-tuning
    collator = WholeWordMaskCollator(
        pad_id=tokenizer.pad_token_id,
        bos_id=tokenizer.bos_token_id,
        eos_id=tokenizer.eos_token_id,
        mask_id=tokenizer.mask_token_id,
        vocab_size=len(tokenizer),
        mlm_probability=mlm_probability,
        whole_word=whole_word_mask,
        **({"mask_share": 0.85, "random_share": 0.0} if objective == "electra" else {}),
    )
    args = TrainingArguments(
        output_dir=str(ckpt_dir),
        max_steps=max_steps,
        per_device_train_batch_size=batch_size,
        per_device_eval_batch_size=batch_size,
        gradient_accumulation_steps=grad_accum,
        learning_rate=lr,
        weight_decay=weight_decay,
        warmup_steps=warmup,
        lr_scheduler_type="linear",
        bf16=use_bf16,
        use_cpu=not on_gpu,
        seed=seed,
        data_seed=seed,
        logging_steps=logging_steps,
        logging_first_step=True,
        save_strategy="steps",
        save_steps=save_steps,
        save_total_limit=save_total_limit,
        eval_strategy="steps" if eval_ds is not None else "no",
        eval_steps=eval_steps or save_steps,
        remove_unused_columns=False,
        label_names=["labels"],
        dataloader_num_workers=0,
        prediction_loss_only=True,
        report_to="none",
        disable_tqdm=not show_progress,
    )
    budget = Budget.of_checkpoint(last)
    trainer = _trainer_class(objective, budget, collator, eval_seed=seed + 1)(
        model=model,
        args=args,
        data_collator=collator.pad,
        train_dataset=train_ds,
        eval_dataset=eval_ds,
        processing_class=tokenizer,
        callbacks=[budget_callback(budget, started, max_minutes, max_cpu_minutes)],
    )
    train_start = time.time()
    step0 = 0
    if last is not None:
        logger.info("resuming from %s", last)
        step0 = json.loads((Path(last) / "trainer_state.json").read_text())["global_step"]
    result = trainer.train(resume_from_checkpoint=last)
    train_seconds = time.time() - train_start

    history = trainer.state.log_history
    (out / "log_history.json").write_text(json.dumps(history, indent=1), encoding="utf-8")
    save_loss_curve(history, out / "loss.png", objective)
    steps_done = trainer.state.global_step - step0
    tokens = steps_done * batch_size * grad_accum * train_ds.n_tokens() / max(len(train_ds), 1)
    seg_meta = json.loads(cache.with_suffix(".txt.json").read_text(encoding="utf-8"))

    def last_logged(key: str) -> float | None:
        return next((e[key] for e in reversed(history) if key in e), None)

    info = {
        "kind": "phogov-backbone",
        "objective": objective,
        "pretrained_steps": trainer.state.global_step,
        "segmenter": segmenter,
        "settings": settings,
        "bf16": use_bf16,
        "corpus": {k: seg_meta.get(k) for k in
                   ("documents", "dropped_documents", "sentences", "words")},
        "train_chunks": len(train_ds),
        "train_subwords": train_ds.n_tokens(),
        "final_train_loss": result.training_loss,
        "final_eval_loss": last_logged("eval_loss"),
        "budget_spent": {"cpu_minutes": round(budget.cpu_seconds() / 60, 2),
                         "cpu_seconds": round(budget.cpu_seconds(), 3),
                         "train_minutes": round(budget.train_seconds() / 60, 2)},
        "this_run": {
            "steps": steps_done,
            "seconds": round(train_seconds, 1),
            "steps_per_second": round(steps_done / max(train_seconds, 1e-9), 3),
            "tokens_per_second": round(tokens / max(train_seconds, 1e-9), 1),
        },
        "torch_threads": torch.get_num_threads(),
        "omp_wait_policy": omp_wait_policy,
    }
    backbone = trainer.model
    if objective == "electra":
        gen = backbone.generator.config
        info["generator"] = {"layers": gen.num_hidden_layers, "hidden": gen.hidden_size,
                             "heads": gen.num_attention_heads,
                             "intermediate": gen.intermediate_size}
        info["final_eval_gen_loss"] = last_logged("eval_gen_loss")
        info["final_eval_disc_loss"] = last_logged("eval_disc_loss")
        info["final_eval_disc_acc"] = last_logged("eval_disc_acc")
        backbone = backbone.discriminator
    save_backbone(backbone, tokenizer, out, info)
    return out


_PRETRAIN_PARAMS = frozenset(inspect.signature(pretrain).parameters)


def pretrain_from_args(args: PretrainArgs) -> Path:
    """Run ``pretrain`` from the CLI's dataclass."""
    return pretrain(**asdict(args))


__all__ = [
    "OBJECTIVES",
    "PretrainArgs",
    "pretrain",
    "pretrain_from_args",
    "save_loss_curve",
]
