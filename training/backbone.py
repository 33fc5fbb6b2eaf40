"""Small PhoBERT-style backbones built locally, and their pretraining.

PhoBERT's weights cannot be downloaded here, so phogov makes its own backbone in
exactly PhoBERT's *format*: a RoBERTa whose tokenizer is transformers' slow
``PhobertTokenizer`` (``vocab.txt`` with ``token count`` lines after the four
specials ``<s>=0 <pad>=1 </s>=2 <unk>=3``, ``<mask>`` last; ``bpe.codes`` in
fastBPE format with ``</w>`` word ends and ``@@`` continuations), reading
word-segmented text (``Bí_thư Thành_ủy``), 258 positions (256 subwords + 2).
Everything downstream (fine-tuning, prediction) can therefore load either this
backbone or the real ``vinai/phobert-base`` with the same Auto* calls.

Pipeline: corpus files → ``corpus.segment_corpus`` (unique, gold-free documents,
segmented and cached as text) → BPE (``bpe``: the ``tokenizers`` trainer, converted
to fastBPE) → random ``RobertaForMaskedLM`` (``make_backbone``, here) → optional
masked-LM or ELECTRA pretraining (``pretrain``), checkpointed and resumable. This
module is the entry point; the steps live in ``phobert_format``, ``corpus``,
``bpe``, ``mlm_data``, ``pretrain`` (with ``budget``) and ``electra``; the public
names are re-exported here.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from phogov.training.bpe import learn_bpe, tokenizer_from_corpus
from phogov.training.corpus import (
    SEGMENTED_CACHE,
    default_corpus,
    iter_documents,
    iter_segmented,
    segment_corpus,
)
from phogov.training.mlm_data import ChunkDataset, WholeWordMaskCollator, build_chunks
from phogov.training.phobert_format import (
    BACKBONE_INFO,
    BOS,
    EOS,
    MASK,
    MAX_POSITIONS,
    MODEL_MAX_LENGTH,
    PAD,
    SPECIAL_IDS,
    TOKENIZER_CLASS,
    UNK,
    PathLike,
    load_phobert,
    load_tokenizer,
    roberta_config,
    save_backbone,
)
from phogov.training.pretrain import (
    PretrainArgs,
    pretrain,
    pretrain_from_args,
    save_loss_curve,
)


def make_backbone(
    out_dir: PathLike,
    corpus_files: Sequence[PathLike],
    layers: int = 2,
    hidden: int = 128,
    heads: int = 2,
    intermediate: int | None = None,
    vocab_size: int = 8000,
    max_position_embeddings: int = MAX_POSITIONS,
    seed: int = 42,
    max_lines: int | None = None,
    processes: int = 2,
    segmenter: str = "pyvi",
    cache_dir: PathLike | None = None,
    tokenizer_from: PathLike | None = None,
) -> Path:
    """Build a randomly initialised PhoBERT-format backbone from a raw corpus.

    Reads ``.txt`` / ``.jsonl[.gz]`` files, segments them with
    ``phogov.text.segmented_sentences`` (the same segmentation prediction uses),
    learns a ``vocab_size`` BPE and saves an untrained ``RobertaForMaskedLM`` that
    loads with ``AutoTokenizer`` / ``AutoModel*`` exactly like vinai/phobert-base.
    The segmented corpus is cached in ``cache_dir`` when given (else a temp dir).
    ``tokenizer_from`` = a backbone directory whose tokenizer is reused instead of
    learning one (an ablation needs the very same vocabulary as the model it is
    compared with: on a large corpus the Rust BPE trainer breaks ties between equal
    counts differently from run to run). Deterministic for a given seed on a small
    corpus. Returns ``out_dir``.
    """
    import torch
    from transformers import RobertaForMaskedLM, set_seed

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    start = time.time()
    seg_meta: dict[str, Any] = {}
    if tokenizer_from is not None:  # nothing to learn: the corpus is not even segmented
        src = Path(tokenizer_from)
        if not ((src / "vocab.txt").is_file() and (src / "bpe.codes").is_file()):
            raise ValueError(f"{src}: no vocab.txt + bpe.codes to reuse as the tokenizer")
        shutil.copy(src / "vocab.txt", out / "vocab.txt")
        shutil.copy(src / "bpe.codes", out / "bpe.codes")
        tokenizer = load_phobert(out / "vocab.txt", out / "bpe.codes")
    else:
        with tempfile.TemporaryDirectory(prefix="phogov-seg-") as tmp:
            cache_root = Path(cache_dir) if cache_dir is not None else Path(tmp)
            cache = segment_corpus(
                corpus_files, cache_root / SEGMENTED_CACHE, max_lines, processes, segmenter
            )
            seg_meta = json.loads(cache.with_suffix(".txt.json").read_text(encoding="utf-8"))
            tokenizer = tokenizer_from_corpus(cache, out, vocab_size)
    set_seed(seed)
    config = roberta_config(
        len(tokenizer), layers, hidden, heads, intermediate, max_position_embeddings
    )
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        model = RobertaForMaskedLM(config)
    info = {
        "kind": "phogov-backbone",
        "pretrained_steps": 0,
        "segmenter": segmenter,
        "corpus": [str(f) for f in corpus_files],
        "max_lines": max_lines,
        "documents": seg_meta.get("documents"),
        "sentences": seg_meta.get("sentences"),
        "words": seg_meta.get("words"),
        "vocab_size": len(tokenizer),
        "tokenizer_from": str(tokenizer_from) if tokenizer_from is not None else None,
        "seed": seed,
        "build_seconds": round(time.time() - start, 1),
    }
    save_backbone(model, tokenizer, out, info)
    return out


__all__ = [
    "BACKBONE_INFO",
    "BOS",
    "EOS",
    "MASK",
    "MAX_POSITIONS",
    "MODEL_MAX_LENGTH",
    "PAD",
    "SEGMENTED_CACHE",
    "SPECIAL_IDS",
    "TOKENIZER_CLASS",
    "UNK",
    "ChunkDataset",
    "PretrainArgs",
    "WholeWordMaskCollator",
    "build_chunks",
    "default_corpus",
    "iter_documents",
    "iter_segmented",
    "learn_bpe",
    "load_tokenizer",
    "make_backbone",
    "pretrain",
    "pretrain_from_args",
    "save_backbone",
    "save_loss_curve",
    "segment_corpus",
]
