"""Base models for fine-tuning: a Hugging Face id, a local backbone or a phogov model dir.

``load_backbone_for_training`` gives a fresh NER or topic head on the base's encoder
and its tokenizer capped to what the model reads; a base that cannot be found
locally, in the Hugging Face cache or online gets one clear error pointing at
``phogov make-backbone``. Loading a finished model for prediction is
``phogov.modeling``'s job, not this one's.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from phogov.encoding import cap_model_max_length
from phogov.errors import ModelLoadError
from phogov.hub import cached_on_hub, hub_reachable
from phogov.modeling import DEFAULT_BASE, MANIFEST, MULTI_LABEL, SINGLE_LABEL, _read_manifest
from phogov.types import NER_TAGS, TOPIC_LABELS

__all__ = ["load_backbone_for_training", "load_base_tokenizer"]


def load_base_tokenizer(base: str | os.PathLike[str] = DEFAULT_BASE) -> Any:
    """The backbone's tokenizer, its ``model_max_length`` capped to what the model reads."""
    from transformers import AutoConfig, AutoTokenizer

    source = _backbone_source(base, "ner")
    tokenizer = _backbone_load(AutoTokenizer, source, base)
    config = _backbone_load(AutoConfig, source, base)
    cap_model_max_length(tokenizer, getattr(config, "max_position_embeddings", None))
    return tokenizer


def load_backbone_for_training(
    base: str | os.PathLike[str] = DEFAULT_BASE,
    task: str = "ner",
    labels: list[str] | tuple[str, ...] | None = None,
    multi_label: bool = True,
) -> tuple[Any, Any]:
    """(model with a fresh ``task`` head, capped tokenizer) from any HF id or local dir.

    ``task``: ``"ner"`` (token classification, labels default NER_TAGS) or
    ``"topics"`` (sequence classification, labels default TOPIC_LABELS, BCE
    loss when ``multi_label``). A phogov model directory works too: its
    matching head's encoder is reused.
    """
    from transformers import (
        AutoConfig,
        AutoModelForSequenceClassification,
        AutoModelForTokenClassification,
    )

    if task not in ("ner", "topics"):
        raise ValueError(f"task must be 'ner' or 'topics', got {task!r}")
    labels = list(labels or (NER_TAGS if task == "ner" else TOPIC_LABELS))
    source = _backbone_source(base, task)
    extra: dict[str, Any] = {
        "num_labels": len(labels),
        "id2label": dict(enumerate(labels)),
        "label2id": {lab: i for i, lab in enumerate(labels)},
    }
    if task == "topics":
        extra["problem_type"] = MULTI_LABEL if multi_label else SINGLE_LABEL
    config = _backbone_load(AutoConfig, source, base, **extra)
    cls = AutoModelForTokenClassification if task == "ner" else AutoModelForSequenceClassification
    import torch

    # fp32 master weights for training, whatever the checkpoint's stored dtype
    model = _backbone_load(cls, source, base, config=config, ignore_mismatched_sizes=True,
                           dtype=torch.float32)
    tokenizer = load_base_tokenizer(base)
    return model, tokenizer


def _backbone_source(base: str | os.PathLike[str], task: str) -> str:
    path = Path(base).expanduser()
    if path.is_dir():
        if (path / MANIFEST).is_file():  # a phogov model: continue from its head
            info = _read_manifest(path)
            head = task if task in info.heads else info.heads[0]
            return str(path / head)
        if not (path / "config.json").is_file():
            raise ModelLoadError(
                f"{path} is not a Hugging Face model directory: {path / 'config.json'} is missing"
            )
        return str(path)
    return str(base)


def _backbone_load(cls: Any, source: str, base: Any, **kwargs: Any) -> Any:
    local = Path(source).is_dir()
    if not local and not cached_on_hub(source) and not hub_reachable():
        raise ModelLoadError(_backbone_hint(base, "it is not a local directory, not in the "
                                            "Hugging Face cache, and huggingface.co cannot be "
                                            "reached (offline?)"))
    try:
        return cls.from_pretrained(source, **kwargs)
    except Exception as exc:  # noqa: BLE001
        raise ModelLoadError(_backbone_hint(base, f"{type(exc).__name__}: {exc}")) from None


def _backbone_hint(base: Any, reason: str) -> str:
    return (
        f"could not load/download the backbone {str(base)!r}: {reason}. Without internet, "
        "build a small local PhoBERT-style backbone with `phogov make-backbone --out DIR "
        "--corpus FILES` and pass --base DIR."
    )
