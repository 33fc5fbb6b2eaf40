"""Pretraining examples: segmented documents → packed subword chunks → masked batches.

``build_chunks`` packs each document's sentences into chunks of at most
``max_seq_len - 2`` subwords with their word numbers (for whole-word masking);
``WholeWordMaskCollator`` adds ``<s> … </s>``, pads, and masks whole words. Both
objectives use them: MLM predicts the masked words, ELECTRA's generator too (its
samples then become the discriminator's input).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from tqdm.auto import tqdm

from phogov.training.corpus import iter_segmented
from phogov.training.phobert_format import SPECIAL_IDS


class _WordEncoder:
    """Words → subword ids with a per-word cache (PhobertTokenizer's ``bpe`` is Python)."""

    def __init__(self, tokenizer: Any) -> None:
        self.tok = tokenizer
        self.unk = tokenizer.unk_token_id
        self.cache: dict[str, list[int]] = {}

    def __call__(self, word: str) -> list[int]:
        ids = self.cache.get(word)
        if ids is None:
            enc = self.tok.encoder
            ids = [enc.get(p, self.unk) for p in self.tok.bpe(word).split(" ")]
            self.cache[word] = ids
        return ids


def build_chunks(
    docs: Iterable[list[str]], tokenizer: Any, max_seq_len: int = 128
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pack each document's sentences into chunks of ≤ ``max_seq_len - 2`` subwords.

    Returns flat ``ids`` and ``word_ids`` (word number within its chunk, for
    whole-word masking) and ``offsets`` (chunk k is ``[offsets[k], offsets[k+1])``).
    Chunks never cross documents; a sentence longer than a chunk is cut at word
    boundaries. Subwords come from ``tokenizer.bpe`` word by word, exactly what
    ``tokenizer.tokenize`` returns for segmented text (checked in the tests).
    """
    limit = max_seq_len - 2
    if limit < 1:
        raise ValueError("max_seq_len must be at least 3")
    enc = _WordEncoder(tokenizer)
    ids: list[int] = []
    wids: list[int] = []
    offsets = [0]
    for doc in tqdm(docs, desc="tokenizing", unit="doc", mininterval=2.0):
        cur_ids: list[int] = []
        cur_w: list[int] = []
        n_words = 0

        def flush() -> None:
            nonlocal cur_ids, cur_w, n_words
            if cur_ids:
                ids.extend(cur_ids)
                wids.extend(cur_w)
                offsets.append(len(ids))
            cur_ids, cur_w, n_words = [], [], 0

        for sent in doc:
            words = [enc(w)[:limit] for w in sent.split()]
            size = sum(len(w) for w in words)
            if cur_ids and len(cur_ids) + size > limit:
                flush()
            for w in words:
                if len(cur_ids) + len(w) > limit:
                    flush()
                cur_ids.extend(w)
                cur_w.extend([n_words] * len(w))
                n_words += 1
        flush()
    return (
        np.asarray(ids, dtype=np.int32),
        np.asarray(wids, dtype=np.int32),
        np.asarray(offsets, dtype=np.int64),
    )


class ChunkDataset:
    """A torch-style map dataset over packed chunks (no padding, no specials yet)."""

    def __init__(self, ids: np.ndarray, word_ids: np.ndarray, offsets: np.ndarray,
                 index: np.ndarray | None = None) -> None:
        self.ids, self.word_ids, self.offsets = ids, word_ids, offsets
        self.index = np.arange(len(offsets) - 1) if index is None else index

    def __len__(self) -> int:
        return len(self.index)

    def __getitem__(self, i: int) -> dict[str, np.ndarray]:
        k = int(self.index[i])
        a, b = int(self.offsets[k]), int(self.offsets[k + 1])
        return {"input_ids": self.ids[a:b], "word_ids": self.word_ids[a:b]}

    def n_tokens(self) -> int:
        """Subwords in this dataset (without <s> </s>)."""
        return int(sum(self.offsets[k + 1] - self.offsets[k] for k in self.index))


@dataclass
class WholeWordMaskCollator:
    """Pads chunks to ``<s> … </s>`` batches and masks whole PhoBERT words for MLM.

    Each word (all its subwords, ``Thành_ủy`` → ``Thành_@@ ủy``) is chosen with
    probability ``mlm_probability``; chosen subwords become ``<mask>`` 80%, a random
    subword 10%, unchanged 10% (BERT; ``mask_share`` / ``random_share``, ELECTRA uses
    85% / 0%). At least one word per sequence is chosen, so no batch has an empty
    loss. ``whole_word=False`` masks subwords independently.

    Two halves: ``pad`` (deterministic) and ``mask`` (the global torch RNG, which
    the Trainer seeds and checkpoints); calling the collator does both. Pretraining
    pads in the data loader and masks inside the training step, so every random draw
    happens in step order: the loader fetches a batch ahead, and masking there would
    tie a batch's masks to RNG state saved *after* it was fetched, which a resumed
    run cannot reproduce.
    """

    pad_id: int
    bos_id: int
    eos_id: int
    mask_id: int
    vocab_size: int
    mlm_probability: float = 0.15
    whole_word: bool = True
    first_normal_id: int = len(SPECIAL_IDS)
    mask_share: float = 0.8
    random_share: float = 0.1

    def __call__(self, examples: list[dict[str, Any]]) -> dict[str, Any]:
        return self.mask(self.pad(examples))

    def pad(self, examples: list[dict[str, Any]]) -> dict[str, Any]:
        """``input_ids`` and ``attention_mask``, and ``word_units``: per token, its
        masking unit (a word, or a subword without ``whole_word``) numbered across the
        batch; -1 on specials and padding."""
        import torch

        n = len(examples)
        width = max(len(e["input_ids"]) for e in examples) + 2
        input_ids = torch.full((n, width), self.pad_id, dtype=torch.long)
        attention = torch.zeros((n, width), dtype=torch.long)
        unit = torch.full((n, width), -1, dtype=torch.long)
        offset = 0
        for r, e in enumerate(examples):
            ids = torch.as_tensor(np.asarray(e["input_ids"], dtype=np.int64))
            k = len(ids)
            input_ids[r, 0] = self.bos_id
            input_ids[r, 1 : k + 1] = ids
            input_ids[r, k + 1] = self.eos_id
            attention[r, : k + 2] = 1
            if self.whole_word:
                w = torch.as_tensor(np.asarray(e["word_ids"], dtype=np.int64))
            else:
                w = torch.arange(k)
            unit[r, 1 : k + 1] = w + offset
            offset += int(w.max()) + 1 if k else 0
        return {"input_ids": input_ids, "attention_mask": attention, "word_units": unit}

    def mask(self, batch: dict[str, Any]) -> dict[str, Any]:
        """A padded batch → masked ``input_ids``, ``attention_mask`` and ``labels``."""
        import torch

        input_ids, unit = batch["input_ids"], batch["word_units"]
        device = input_ids.device
        valid = unit >= 0
        n_units = int(unit.max()) + 1 if bool(valid.any()) else 1
        chosen_units = torch.rand(n_units, device=device) < self.mlm_probability
        chosen = torch.zeros_like(valid)
        chosen[valid] = chosen_units[unit[valid]]
        for r in range(len(input_ids)):  # guarantee one masked unit per sequence
            if not chosen[r].any() and valid[r].any():
                units = unit[r][valid[r]].unique()
                pick = units[torch.randint(len(units), (1,), device=device)]
                chosen[r] |= unit[r] == pick
        labels = torch.where(chosen, input_ids, torch.full_like(input_ids, -100))
        roll = torch.rand(input_ids.shape, device=device)
        to_mask = chosen & (roll < self.mask_share)
        kept_share = self.mask_share + self.random_share
        to_random = chosen & (roll >= self.mask_share) & (roll < kept_share)
        input_ids = input_ids.masked_fill(to_mask, self.mask_id)
        random_ids = torch.randint(self.first_normal_id, self.vocab_size, input_ids.shape,
                                   device=device)
        random_ids = random_ids.masked_fill(random_ids == self.mask_id, self.first_normal_id)
        input_ids = torch.where(to_random, random_ids, input_ids)
        return {"input_ids": input_ids, "attention_mask": batch["attention_mask"],
                "labels": labels}


def load_or_build_chunks(
    cache: Path, tokenizer: Any, out: Path, max_seq_len: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Tokenised chunks, cached in ``out`` keyed by the corpus cache, vocab and length."""
    h = hashlib.sha1()
    h.update(cache.with_suffix(".txt.json").read_bytes())
    for name in ("vocab.txt", "bpe.codes"):
        h.update(Path(tokenizer.vocab_file if name == "vocab.txt" else tokenizer.merges_file)
                 .read_bytes())
    h.update(str(max_seq_len).encode())
    path = out / f"mlm_chunks_{h.hexdigest()[:12]}.npz"
    if path.is_file():
        data = np.load(path)
        return data["ids"], data["word_ids"], data["offsets"]
    ids, wids, offsets = build_chunks(iter_segmented(cache), tokenizer, max_seq_len)
    for old in out.glob("mlm_chunks_*.npz"):
        old.unlink()
    tmp = out / (path.stem + ".part.npz")
    np.savez(tmp, ids=ids, word_ids=wids, offsets=offsets)
    os.replace(tmp, path)
    return ids, wids, offsets
