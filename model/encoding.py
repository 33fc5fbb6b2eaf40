"""The one place that maps words ↔ subwords ↔ windows for the PhoBERT model.

PhoBERT's tokenizer is slow-only (no ``word_ids()``, no offsets) and reads
word-segmented text where BPE never crosses a space, so tokenising word by word
gives exactly the sentence's subwords while keeping the word of every subword.
A word is labelled on its first subword; the others get ``-100``.

PhoBERT reads at most 256 subwords including ``<s>``/``</s>``. Longer sentences
are cut into overlapping windows of whole words, and each word takes its
logits from the window where it sits farthest from a cut (an edge that is the
sentence's own start or end is not a cut), so every word has exactly one
row and the best context. Training uses the same choice: a word's label is
only set in its owner window, so no word is counted twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

IGNORE_INDEX = -100

# How the windows of one long sentence combine into one topic vector.
# Multi-label (sigmoid): MAX — a topic is in the text when any part is about it;
# a mean would dilute a topic that fills one window of five below threshold,
# and per-label thresholds tuned on dev absorb max's optimism.
# Single-label (softmax): MEAN of logits — one class for the whole text, every
# part votes, as in the usual long-document classifiers.
POOL_MULTI_LABEL = "max"
POOL_SINGLE_LABEL = "mean"


@dataclass
class Window:
    """One model input: whole words ``[word_start, word_end)`` of a sentence.

    ``word_ids[p]`` is the word whose first subword sits at position ``p``
    (-1 for ``<s>``, ``</s>`` and continuation subwords); ``owned[k]`` says
    whether word ``word_start + k`` takes its logits from this window.
    """

    input_ids: list[int]
    attention_mask: list[int]
    labels: list[int] | None
    word_ids: list[int]
    word_start: int
    word_end: int
    n_words: int
    owned: list[bool]

    def features(self) -> dict[str, Any]:
        """The model/collator inputs (``labels`` only when known)."""
        out: dict[str, Any] = {"input_ids": self.input_ids, "attention_mask": self.attention_mask}
        if self.labels is not None:
            out["labels"] = self.labels
        return out


class SubwordEncoder:
    """Word lists → windows of subword ids, and window logits → one row per word.

    ``max_length`` counts the special tokens (PhoBERT: 256 = 254 subwords + 2);
    ``stride`` is how far, in subwords, each window starts after the previous
    one (half a window by default, so every word that is not near a sentence
    edge has at least ~a quarter window of context on both sides).
    """

    def __init__(self, tokenizer: Any, max_length: int = 256, stride: int | None = None) -> None:
        if max_length < 3:
            raise ValueError(f"max_length must leave room for two special tokens, got {max_length}")
        self.tokenizer = tokenizer
        self.max_length = int(max_length)
        self.capacity = self.max_length - 2
        self.stride = int(stride) if stride is not None else max(1, self.max_length // 2)
        if not 1 <= self.stride <= self.capacity:
            raise ValueError(f"stride must be in [1, {self.capacity}], got {self.stride}")
        self.cls_id = _first_id(tokenizer, "cls_token_id", "bos_token_id")
        self.sep_id = _first_id(tokenizer, "sep_token_id", "eos_token_id")
        self.unk_id = _first_id(tokenizer, "unk_token_id", "pad_token_id")
        pad = getattr(tokenizer, "pad_token_id", None)
        self.pad_id = int(pad) if pad is not None else self.unk_id
        self._cache: dict[str, list[int]] = {}

    # ------------------------------------------------------------------ words → subwords

    def word_pieces(self, word: str) -> list[int]:
        """Subword ids of one word form; never empty (an unreadable word → ``<unk>``).

        A single word longer than a whole window (a URL glued together) keeps
        only its first ``capacity`` subwords: its label lives on the first one.
        """
        ids = self._cache.get(word)
        if ids is None:
            tokens = self.tokenizer.tokenize(word) if word.strip() else []
            ids = [int(i) for i in self.tokenizer.convert_tokens_to_ids(tokens)] if tokens else []
            ids = ids[: self.capacity] or [self.unk_id]
            if len(self._cache) < 500_000:
                self._cache[word] = ids
        return ids

    # ------------------------------------------------------------------ windows

    def spans(self, lengths: Sequence[int]) -> list[tuple[int, int]]:
        """Word ranges ``[start, end)`` of the windows for words of these subword lengths."""
        n = len(lengths)
        if n == 0:
            return []
        offsets = np.concatenate([[0], np.cumsum(lengths)])
        out: list[tuple[int, int]] = []
        start = 0
        while True:
            end = start + 1  # a word always fits (word_pieces caps it)
            while end < n and offsets[end + 1] - offsets[start] <= self.capacity:
                end += 1
            out.append((start, end))
            if end >= n:
                return out
            nxt = int(np.searchsorted(offsets, offsets[start] + self.stride, side="left"))
            start = min(max(nxt, start + 1), end)  # move forward, never leave a gap

    def owners(self, spans: list[tuple[int, int]], lengths: Sequence[int]) -> np.ndarray:
        """For each word, the window where it is farthest (in subwords) from a cut edge."""
        n = len(lengths)
        offsets = np.concatenate([[0], np.cumsum(lengths)])
        best = np.full(n, -np.inf)
        owner = np.zeros(n, dtype=np.int64)
        for w, (a, b) in enumerate(spans):
            words = np.arange(a, b)
            left = offsets[words] - offsets[a] if a > 0 else np.full(b - a, np.inf)
            right = offsets[b] - offsets[words + 1] if b < n else np.full(b - a, np.inf)
            score = np.minimum(left, right)
            better = score > best[a:b]
            best[a:b] = np.where(better, score, best[a:b])
            owner[a:b] = np.where(better, w, owner[a:b])
        return owner

    def encode(
        self, words: Sequence[str], word_labels: Sequence[int] | None = None
    ) -> list[Window]:
        """Windows covering ``words``; labels on each word's first subword in its owner window.

        An empty sentence gives no windows.
        """
        if word_labels is not None and len(word_labels) != len(words):
            raise ValueError(f"{len(word_labels)} labels for {len(words)} words")
        pieces = [self.word_pieces(w) for w in words]
        lengths = [len(p) for p in pieces]
        spans = self.spans(lengths)
        owner = self.owners(spans, lengths) if spans else np.zeros(0, dtype=np.int64)
        windows: list[Window] = []
        for w, (a, b) in enumerate(spans):
            ids = [self.cls_id]
            word_ids = [-1]
            labels = [IGNORE_INDEX] if word_labels is not None else None
            for i in range(a, b):
                ids.extend(pieces[i])
                word_ids.append(i)
                word_ids.extend([-1] * (len(pieces[i]) - 1))
                if labels is not None:
                    lab = int(word_labels[i]) if owner[i] == w else IGNORE_INDEX
                    labels.append(lab)
                    labels.extend([IGNORE_INDEX] * (len(pieces[i]) - 1))
            ids.append(self.sep_id)
            word_ids.append(-1)
            if labels is not None:
                labels.append(IGNORE_INDEX)
            windows.append(
                Window(
                    input_ids=ids,
                    attention_mask=[1] * len(ids),
                    labels=labels,
                    word_ids=word_ids,
                    word_start=a,
                    word_end=b,
                    n_words=len(words),
                    owned=[bool(owner[i] == w) for i in range(a, b)],
                )
            )
        return windows

    # ------------------------------------------------------------------ windows → words

    @staticmethod
    def merge(windows: Sequence[Window], window_logits: Sequence[Any]) -> np.ndarray:
        """One logit row per word, from its owner window: ``[n_words, n_labels]``.

        ``window_logits[k]`` is ``[seq_len_k (may be padded), n_labels]`` for ``windows[k]``.
        """
        if len(windows) != len(window_logits):
            raise ValueError(f"{len(window_logits)} logit arrays for {len(windows)} windows")
        if not windows:
            return np.zeros((0, 0), dtype=np.float32)
        n_words = windows[0].n_words
        first = np.asarray(window_logits[0])
        out = np.full((n_words, first.shape[-1]), np.nan, dtype=np.float32)
        for win, logits in zip(windows, window_logits):
            logits = np.asarray(logits)
            for pos, wid in enumerate(win.word_ids):
                if wid >= 0 and win.owned[wid - win.word_start]:
                    out[wid] = logits[pos]
        if np.isnan(out).any():  # would mean a bug in owners(): fail loudly, never drop a word
            missing = np.where(np.isnan(out).any(axis=1))[0][:5].tolist()
            raise RuntimeError(f"words without logits after merging windows: {missing}")
        return out


def pool_windows(window_logits: Sequence[Any], how: str = POOL_MULTI_LABEL) -> np.ndarray:
    """Sequence-level logits of one text from its windows' logits (``max`` or ``mean``)."""
    stacked = np.stack([np.asarray(x, dtype=np.float32) for x in window_logits])
    if how == "max":
        return stacked.max(axis=0)
    if how == "mean":
        return stacked.mean(axis=0)
    raise ValueError(f"pooling must be 'max' or 'mean', got {how!r}")


def pad_batch(
    features: Sequence[dict[str, Any]], pad_id: int, with_labels: bool | None = None
) -> dict[str, np.ndarray]:
    """Right-pad a list of window features to one array per key (labels with -100)."""
    width = max(len(f["input_ids"]) for f in features)
    n = len(features)
    ids = np.full((n, width), pad_id, dtype=np.int64)
    mask = np.zeros((n, width), dtype=np.int64)
    for k, f in enumerate(features):
        ids[k, : len(f["input_ids"])] = f["input_ids"]
        mask[k, : len(f["input_ids"])] = 1
    out = {"input_ids": ids, "attention_mask": mask}
    if with_labels if with_labels is not None else "labels" in features[0]:
        labels = np.full((n, width), IGNORE_INDEX, dtype=np.int64)
        for k, f in enumerate(features):
            labels[k, : len(f["labels"])] = f["labels"]
        out["labels"] = labels
    return out


def cap_model_max_length(tokenizer: Any, max_position_embeddings: int | None) -> int:
    """Cap a tokenizer loaded from files (model_max_length 1e30) to what the model reads.

    RoBERTa-style models spend two positions on padding offsets, so they read
    ``max_position_embeddings - 2`` tokens; PhoBERT: 258 → 256.
    """
    limit = 256
    if max_position_embeddings:
        limit = min(limit, int(max_position_embeddings) - 2)
    current = getattr(tokenizer, "model_max_length", None) or limit
    tokenizer.model_max_length = int(min(current, limit))
    return tokenizer.model_max_length


def _first_id(tokenizer: Any, *names: str) -> int:
    for name in names:
        value = getattr(tokenizer, name, None)
        if value is not None:
            return int(value)
    raise ValueError(f"tokenizer {type(tokenizer).__name__} has none of {', '.join(names)}")
