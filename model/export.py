"""Ship a phogov model directory: a copy with fp16 weights, its manifest, evaluation and card.

Apart from ``phogov.modeling`` (loading and inference) because shipping is its own job:
``phogov export`` is the only caller.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from phogov.atomic import atomic_dir
from phogov.modeling import MANIFEST, load_model


def export_model(src: str | os.PathLike[str], dst: str | os.PathLike[str],
                 half: bool = True) -> Path:
    """Copy a model directory for shipping: weights stored in fp16 (half the bytes; loading
    converts back to fp32), with its manifest, evaluation and card; written atomically."""
    import shutil

    import torch

    from phogov.card import EVAL_RESULTS, write_card

    source = Path(src)
    model = load_model(source, device="cpu")
    out = Path(dst)
    if out.resolve() == source.resolve():
        raise ValueError("export needs a different output directory")
    with atomic_dir(out) as work:  # a killed export leaves no half-written model
        for name, head in (("ner", model.ner), ("topics", model.topics)):
            if head is None:
                continue
            if half:
                head = copy_to_dtype(head, torch.float16)
            head.save_pretrained(work / name)
            model.tokenizer.save_pretrained(work / name)
        for extra in (MANIFEST, EVAL_RESULTS, "training_args.json"):
            if (source / extra).is_file():
                shutil.copy2(source / extra, work / extra)
        write_card(work)
    return out


def copy_to_dtype(module: Any, dtype: Any) -> Any:
    """A converted copy of ``module``; the loaded (cached) model stays as it is."""
    import copy

    return copy.deepcopy(module).to(dtype)
