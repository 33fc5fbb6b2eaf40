"""Small PhoBERT-style backbones built locally, and their MLM pretraining.

PhoBERT's weights cannot be downloaded here, so phogov makes its own backbone in
exactly PhoBERT's *format*: a RoBERTa whose tokenizer is transformers' slow
``PhobertTokenizer`` (``vocab.txt`` with ``token count`` lines after the four
specials ``<s>=0 <pad>=1 </s>=2 <unk>=3``, ``<mask>`` last; ``bpe.codes`` in
fastBPE format with ``</w>`` word ends and ``@@`` continuations), reading
word-segmented text (``Bí_thư Thành_ủy``), 258 positions (256 subwords + 2).
Everything downstream (fine-tuning, prediction) can therefore load either this
backbone or the real ``vinai/phobert-base`` with the same Auto* calls.

Pipeline: corpus files → ``phogov.text.segmented_sentences`` (cached as text) →
BPE (``tokenizers`` trainer, converted to fastBPE) → random ``RobertaForMaskedLM``
(``make_backbone``) → optional whole-word-masked MLM with the HF ``Trainer``
(``pretrain``), checkpointed and resumable.
"""

from __future__ import annotations

import gzip
import hashlib
import inspect
import json
import logging
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from tqdm.auto import tqdm

logger = logging.getLogger(__name__)

# PhoBERT's fixed special-token layout (PhobertTokenizer hard-codes ids 0..3).
BOS, PAD, EOS, UNK = "<s>", "<pad>", "</s>", "<unk>"
MASK = "<mask>"
SPECIAL_IDS = {BOS: 0, PAD: 1, EOS: 2, UNK: 3}
MAX_POSITIONS = 258  # 256 subwords + <s> </s>; RoBERTa positions start at pad_id + 1
MODEL_MAX_LENGTH = MAX_POSITIONS - 2
TOKENIZER_CLASS = "PhobertTokenizer"
SEGMENTED_CACHE = "segmented.txt"
BACKBONE_INFO = "backbone.json"

PathLike = str | os.PathLike


# --------------------------------------------------------------------------- corpus


def iter_documents(files: Sequence[PathLike], max_lines: int | None = None) -> Iterator[str]:
    """Raw texts from ``.txt`` (one record per non-empty line) and ``.jsonl[.gz]``
    (one record per line, its ``"text"`` field) files, at most ``max_lines`` records.

    A ``.txt`` line is a paragraph; treating it as a document only affects how MLM
    chunks are packed (never across documents), so the simplest reading is kept.
    """
    n = 0
    for f in files:
        path = Path(f)
        if not path.is_file():
            raise FileNotFoundError(f"corpus file not found: {path}")
        name = path.name.lower()
        is_gz = name.endswith(".gz")
        base = name[:-3] if is_gz else name
        if base.endswith(".jsonl") or base.endswith(".json"):
            kind = "jsonl"
        elif base.endswith(".txt"):
            kind = "txt"
        else:
            raise ValueError(f"{path}: corpus files must be .txt, .jsonl or .jsonl.gz")
        opener = gzip.open if is_gz else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for lineno, line in enumerate(handle, 1):
                if max_lines is not None and n >= max_lines:
                    return
                line = line.strip()
                if not line:
                    continue
                if kind == "jsonl":
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError as err:
                        raise ValueError(f"{path}:{lineno}: not JSON ({err.msg})") from None
                    text = record.get("text") if isinstance(record, dict) else None
                    if not isinstance(text, str):
                        raise ValueError(f'{path}:{lineno}: record has no "text" string')
                else:
                    text = line
                n += 1
                if text.strip():
                    yield text


def _segment_doc(job: tuple[str, str]) -> list[str]:
    """Worker: one raw document → its PhoBERT-style segmented sentences."""
    from phogov.text import segmented_sentences

    text, segmenter = job
    return segmented_sentences(text, segmenter)


def _corpus_fingerprint(
    files: Sequence[PathLike], max_lines: int | None, segmenter: str
) -> dict[str, Any]:
    """What a segmented cache depends on; a changed file or option invalidates it."""
    entries = []
    for f in files:
        st = Path(f).stat()
        entries.append([str(Path(f).resolve()), st.st_size, int(st.st_mtime)])
    return {"files": entries, "max_lines": max_lines, "segmenter": segmenter, "format": 1}


def segment_corpus(
    files: Sequence[PathLike],
    cache_path: PathLike,
    max_lines: int | None = None,
    processes: int = 2,
    segmenter: str = "pyvi",
) -> Path:
    """Word-segment a corpus into ``cache_path``: one sentence per line, a blank line
    between documents. Reused when the inputs are unchanged (so a resumed pretraining
    run does not re-segment 15M syllables); written atomically, so an interrupted run
    never leaves a half cache that looks complete.
    """
    cache = Path(cache_path)
    meta_path = cache.with_suffix(cache.suffix + ".json")
    fingerprint = _corpus_fingerprint(files, max_lines, segmenter)
    if cache.is_file() and meta_path.is_file():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            meta = {}
        if meta.get("fingerprint") == fingerprint:
            logger.info("reusing segmented corpus %s", cache)
            return cache
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(cache.suffix + ".part")
    docs = iter_documents(files, max_lines)
    n_docs = n_sents = n_words = 0
    start = time.time()
    with open(tmp, "w", encoding="utf-8") as out:

        def write(sents: list[str]) -> None:
            nonlocal n_docs, n_sents, n_words
            sents = [s for s in sents if s.strip()]
            if not sents:
                return
            out.write("\n".join(sents))
            out.write("\n\n")
            n_docs += 1
            n_sents += len(sents)
            n_words += sum(s.count(" ") + 1 for s in sents)

        bar = tqdm(desc="segmenting", unit="doc", mininterval=2.0)
        if processes > 1:
            import multiprocessing as mp

            # fork where available: spawn would re-run a caller's unguarded script, and
            # nothing has started torch/OpenMP threads yet when the corpus is segmented.
            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            with mp.get_context(method).Pool(processes) as pool:
                jobs = ((text, segmenter) for text in docs)
                for sents in pool.imap(_segment_doc, jobs, chunksize=8):
                    write(sents)
                    bar.update()
        else:
            for text in docs:
                write(_segment_doc((text, segmenter)))
                bar.update()
        bar.close()
    os.replace(tmp, cache)
    elapsed = time.time() - start
    meta = {
        "fingerprint": fingerprint,
        "documents": n_docs,
        "sentences": n_sents,
        "words": n_words,
        "seconds": round(elapsed, 1),
        "sentences_per_second": round(n_sents / max(elapsed, 1e-9), 1),
    }
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    logger.info("segmented %d docs / %d sentences in %.1fs", n_docs, n_sents, elapsed)
    return cache


def iter_segmented(cache_path: PathLike) -> Iterator[list[str]]:
    """Documents (lists of segmented sentences) back from a ``segment_corpus`` cache."""
    doc: list[str] = []
    with open(cache_path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line:
                doc.append(line)
            elif doc:
                yield doc
                doc = []
    if doc:
        yield doc


# --------------------------------------------------------------------------- BPE


def learn_bpe(
    segmented_lines: Iterable[str],
    vocab_size: int,
    out_dir: PathLike,
    min_frequency: int = 2,
    limit_alphabet: int = 1000,
    show_progress: bool = True,
) -> tuple[Path, Path]:
    """Learn a fastBPE-style BPE and write ``vocab.txt`` + ``bpe.codes`` for PhobertTokenizer.

    ``vocab_size`` is the model's full vocabulary, as in PhoBERT (64,001): the four
    specials, every learned subword and ``<mask>`` (which PhobertTokenizer appends
    last). Every alphabet character is kept both word-final (``c``) and word-inner
    (``c@@``), so any word made of seen characters encodes without ``<unk>``.

    The ``tokenizers`` BPE trainer (Rust, fast on 15M words) runs with the ``</w>``
    end-of-word suffix, which is fastBPE's scheme; its merges are PhobertTokenizer's
    merges. The third column of ``bpe.codes`` (fastBPE's pair count) is read by
    nobody (PhobertTokenizer and fastBPE use the line order only), so it holds a
    rank-decreasing placeholder. ``vocab.txt`` holds true corpus counts, most
    frequent first, like PhoBERT's.
    """
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    budget = vocab_size - len(SPECIAL_IDS) - 1  # minus specials and <mask>
    word_counts: Counter[str] = Counter()

    def lines() -> Iterator[str]:
        for line in segmented_lines:
            words = line.split()
            word_counts.update(words)
            yield " ".join(words)

    tok = Tokenizer(models.BPE(end_of_word_suffix="</w>"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    trainer = trainers.BpeTrainer(
        vocab_size=max(budget, 1),
        min_frequency=min_frequency,
        limit_alphabet=limit_alphabet,
        end_of_word_suffix="</w>",
        special_tokens=[],
        show_progress=show_progress,
    )
    tok.train_from_iterator(lines(), trainer)
    if not word_counts:
        raise ValueError("learn_bpe: the corpus is empty")
    model_json = json.loads(tok.to_str())["model"]
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in model_json["merges"]]

    # The alphabet the trainer kept (limit_alphabet drops the rarest characters).
    alphabet = sorted({t[: -len("</w>")] if t.endswith("</w>") else t
                       for t in model_json["vocab"] if len(t.replace("</w>", "")) == 1})
    vocab: dict[str, None] = {}
    for ch in alphabet:
        vocab[ch + "@@"] = None
        vocab[ch] = None
    if len(vocab) > budget:
        raise ValueError(
            f"vocab_size {vocab_size} is too small: the alphabet alone needs "
            f"{len(vocab) + len(SPECIAL_IDS) + 1} entries "
            "(raise vocab_size or lower limit_alphabet)"
        )
    kept: list[tuple[str, str]] = []
    for a, b in merges:
        merged = _to_phobert(a + b)
        if merged not in vocab:
            if len(vocab) >= budget:
                break
            vocab[merged] = None
        kept.append((a, b))

    codes_path = out / "bpe.codes"
    with open(codes_path, "w", encoding="utf-8") as fh:
        for rank, (a, b) in enumerate(kept):
            fh.write(f"{a} {b} {len(kept) - rank}\n")  # trailing "\n" required by the reader

    # Count subwords over the corpus with the tokenizer that will actually be used.
    vocab_path = out / "vocab.txt"
    with open(vocab_path, "w", encoding="utf-8") as fh:
        fh.writelines(f"{t} 0\n" for t in vocab)
    phobert = _load_phobert(vocab_path, codes_path)
    counts: Counter[str] = Counter()
    for word, c in tqdm(word_counts.items(), desc="counting subwords", unit="word",
                        mininterval=2.0, disable=not show_progress or len(word_counts) < 50_000):
        for piece in phobert.bpe(word).split(" "):
            counts[piece] += c
    order = sorted(vocab, key=lambda t: -counts.get(t, 0))  # stable: ties keep merge order
    with open(vocab_path, "w", encoding="utf-8") as fh:
        fh.writelines(f"{t} {counts.get(t, 0)}\n" for t in order)
    return vocab_path, codes_path


def _to_phobert(symbol: str) -> str:
    """A BPE symbol as PhobertTokenizer spells it: ``ủy</w>`` → ``ủy``, ``Th`` → ``Th@@``."""
    return symbol[: -len("</w>")] if symbol.endswith("</w>") else symbol + "@@"


def _load_phobert(vocab_path: PathLike, codes_path: PathLike, **kwargs: Any):
    """PhobertTokenizer from its two files (PhoBERT's own defaults for specials)."""
    from transformers import PhobertTokenizer

    return PhobertTokenizer(
        vocab_file=str(vocab_path),
        merges_file=str(codes_path),
        model_max_length=MODEL_MAX_LENGTH,
        **kwargs,
    )


def load_tokenizer(model_dir: PathLike):
    """The PhobertTokenizer of a backbone directory, via ``AutoTokenizer`` like any user."""
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(model_dir))


# --------------------------------------------------------------------------- model


def _roberta_config(
    vocab_size: int,
    layers: int,
    hidden: int,
    heads: int,
    intermediate: int | None,
    max_position_embeddings: int,
):
    from transformers import RobertaConfig

    if hidden % heads:
        raise ValueError(f"hidden ({hidden}) must be divisible by heads ({heads})")
    return RobertaConfig(
        vocab_size=vocab_size,
        hidden_size=hidden,
        num_hidden_layers=layers,
        num_attention_heads=heads,
        intermediate_size=intermediate or 4 * hidden,
        max_position_embeddings=max_position_embeddings,
        type_vocab_size=1,
        pad_token_id=SPECIAL_IDS[PAD],
        bos_token_id=SPECIAL_IDS[BOS],
        eos_token_id=SPECIAL_IDS[EOS],
        layer_norm_eps=1e-5,
        hidden_act="gelu",
        tokenizer_class=TOKENIZER_CLASS,
        architectures=["RobertaForMaskedLM"],
    )


def save_backbone(model: Any, tokenizer: Any, out_dir: PathLike, info: dict | None = None) -> Path:
    """Save weights (safetensors), config and tokenizer as vinai/phobert-base lays them out.

    ``tokenizer_class`` goes into BOTH config.json and tokenizer_config.json: without it
    AutoTokenizer silently builds a tokenizer that returns no tokens.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model.config.tokenizer_class = TOKENIZER_CLASS
    model.save_pretrained(str(out), safe_serialization=True)
    tokenizer.model_max_length = MODEL_MAX_LENGTH
    tokenizer.save_pretrained(str(out))
    tc_path = out / "tokenizer_config.json"
    tc = json.loads(tc_path.read_text(encoding="utf-8")) if tc_path.is_file() else {}
    tc["tokenizer_class"] = TOKENIZER_CLASS
    tc["model_max_length"] = MODEL_MAX_LENGTH
    tc_path.write_text(json.dumps(tc, ensure_ascii=False, indent=2), encoding="utf-8")
    cfg_path = out / "config.json"
    cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
    if cfg.get("tokenizer_class") != TOKENIZER_CLASS:
        cfg["tokenizer_class"] = TOKENIZER_CLASS
        cfg_path.write_text(json.dumps(cfg, ensure_ascii=False, indent=2), encoding="utf-8")
    if info is not None:
        (out / BACKBONE_INFO).write_text(
            json.dumps(info, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    return out


def _tokenizer_from_corpus(
    cache: Path, out_dir: Path, vocab_size: int, show_progress: bool = True
):
    """Learn BPE over a segmented cache into ``out_dir`` and load it."""

    def lines() -> Iterator[str]:
        for doc in iter_segmented(cache):
            yield from doc

    vocab_path, codes_path = learn_bpe(lines(), vocab_size, out_dir, show_progress=show_progress)
    return _load_phobert(vocab_path, codes_path)


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
        tokenizer = _load_phobert(out / "vocab.txt", out / "bpe.codes")
    else:
        with tempfile.TemporaryDirectory(prefix="phogov-seg-") as tmp:
            cache_root = Path(cache_dir) if cache_dir is not None else Path(tmp)
            cache = segment_corpus(
                corpus_files, cache_root / SEGMENTED_CACHE, max_lines, processes, segmenter
            )
            seg_meta = json.loads(cache.with_suffix(".txt.json").read_text(encoding="utf-8"))
            tokenizer = _tokenizer_from_corpus(cache, out, vocab_size)
    set_seed(seed)
    config = _roberta_config(
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


# --------------------------------------------------------------------------- MLM data


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
    subword 10%, unchanged 10% (BERT). At least one word per sequence is chosen, so
    no batch has an empty loss. ``whole_word=False`` masks subwords independently.
    Uses the global torch RNG, which the Trainer seeds and checkpoints.
    """

    pad_id: int
    bos_id: int
    eos_id: int
    mask_id: int
    vocab_size: int
    mlm_probability: float = 0.15
    whole_word: bool = True
    first_normal_id: int = len(SPECIAL_IDS)

    def __call__(self, examples: list[dict[str, Any]]) -> dict[str, Any]:
        import torch

        n = len(examples)
        width = max(len(e["input_ids"]) for e in examples) + 2
        input_ids = torch.full((n, width), self.pad_id, dtype=torch.long)
        attention = torch.zeros((n, width), dtype=torch.long)
        unit = torch.full((n, width), -1, dtype=torch.long)  # global masking unit per token
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
        chosen_units = torch.rand(max(offset, 1)) < self.mlm_probability
        valid = unit >= 0
        chosen = torch.zeros_like(valid)
        chosen[valid] = chosen_units[unit[valid]]
        for r in range(n):  # guarantee one masked unit per sequence
            if not chosen[r].any() and valid[r].any():
                units = unit[r][valid[r]].unique()
                pick = units[torch.randint(len(units), (1,))]
                chosen[r] |= unit[r] == pick
        labels = torch.where(chosen, input_ids, torch.full_like(input_ids, -100))
        roll = torch.rand(input_ids.shape)
        to_mask = chosen & (roll < 0.8)
        to_random = chosen & (roll >= 0.8) & (roll < 0.9)
        input_ids = input_ids.masked_fill(to_mask, self.mask_id)
        random_ids = torch.randint(self.first_normal_id, self.vocab_size, input_ids.shape)
        random_ids = random_ids.masked_fill(random_ids == self.mask_id, self.first_normal_id)
        input_ids = torch.where(to_random, random_ids, input_ids)
        return {"input_ids": input_ids, "attention_mask": attention, "labels": labels}


# --------------------------------------------------------------------------- pretraining


@dataclass
class PretrainArgs:
    """Flags of ``phogov pretrain``, one field per ``pretrain`` keyword (same names)."""

    corpus_files: list[str] = field(
        default_factory=list,
        metadata={"aliases": ["--corpus"], "help": ".txt / .jsonl[.gz] corpus files"},
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
    max_steps: int = 2000
    batch_size: int = 32
    grad_accum: int = 1
    lr: float = 5e-4
    weight_decay: float = 0.01
    warmup: float = 0.06
    mlm_probability: float = 0.15
    whole_word_mask: bool = True
    seed: int = 42
    bf16: bool | None = None
    save_steps: int = 500
    save_total_limit: int = 2
    logging_steps: int = 50
    eval_chunks: int = 256
    eval_steps: int | None = None
    resume: bool = True
    max_minutes: float | None = None
    max_lines: int | None = None
    processes: int = 2
    segmenter: str = "pyvi"
    show_progress: bool = True


def _masked_lm_trainer_class() -> type:
    """A ``Trainer`` whose MLM loss runs the LM head on the masked positions only.

    ``RobertaForMaskedLM.forward`` projects every position onto the vocabulary; with
    16k subwords that projection is over half the compute of a small model, yet only
    ~15% of positions have a label. The saved model is the unchanged
    ``RobertaForMaskedLM``; only the training arithmetic is cheaper (same loss).
    """
    from torch.nn import functional as F
    from transformers import Trainer

    class MaskedLMTrainer(Trainer):
        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            self.loss_is_scaled_for_ga = False  # a per-batch mean: Trainer divides by GA
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


def cpu_supports_bf16() -> bool:
    """True when this CPU has native bf16 (AVX512-BF16 / AMX): only then is bf16 faster."""
    try:
        import torch

        return bool(torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except Exception:  # any failure means: do not risk bf16
        return False


def _load_or_build_chunks(
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


def save_loss_curve(log_history: list[dict[str, Any]], png_path: PathLike) -> Path:
    """Plot training (and eval) loss against step into a PNG (Agg: no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    train = [(e["step"], e["loss"]) for e in log_history if "loss" in e and "step" in e]
    evals = [(e["step"], e["eval_loss"]) for e in log_history if "eval_loss" in e]
    fig, ax = plt.subplots(figsize=(7, 4), dpi=100)
    if train:
        ax.plot(*zip(*train, strict=True), label="train loss")
    if evals:
        ax.plot(*zip(*evals, strict=True), "o-", label="eval loss")
    ax.set_xlabel("step")
    ax.set_ylabel("MLM loss")
    ax.set_title("phogov MLM pretraining")
    ax.grid(alpha=0.3)
    if train or evals:
        ax.legend()
    fig.tight_layout()
    fig.savefig(png_path)
    plt.close(fig)
    return Path(png_path)


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
) -> Path:
    """Masked-LM pretraining of a PhoBERT-format backbone on a raw corpus; returns ``out_dir``.

    ``base`` = a backbone directory to continue from (its tokenizer is kept); else a
    new tokenizer (``vocab_size``) and a random ``layers``/``hidden``/``heads`` model
    are made. Whole-word masking over segmented words; bf16 autocast on CPU when
    ``bf16`` is True, or None (auto) and the CPU has native bf16. Checkpoints every
    ``save_steps`` into ``out_dir/checkpoints``; with ``resume`` a rerun continues from
    the last one (segmented corpus and tokenised chunks are cached in ``out_dir`` too).
    ``max_minutes`` stops early (saving everything) once that much wall time has passed
    since the call (data preparation included): a shared 2-core machine can run at a
    third of its quiet speed, so size ``max_steps`` from quiet throughput and let the
    budget cut. The LM head only runs on masked positions (``_masked_lm_trainer_class``).
    Writes the final model like ``make_backbone``, ``loss.png`` and ``log_history.json``.
    """
    import torch
    from transformers import (
        AutoModelForMaskedLM,
        AutoTokenizer,
        RobertaForMaskedLM,
        TrainerCallback,
        TrainingArguments,
        set_seed,
    )
    from transformers.trainer_utils import get_last_checkpoint

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ckpt_dir = out / "checkpoints"
    started = time.time()
    settings = {k: (str(v) if isinstance(v, os.PathLike) else v)
                for k, v in locals().items() if k in _PRETRAIN_PARAMS}
    settings["corpus_files"] = [str(f) for f in corpus_files]

    cache = segment_corpus(corpus_files, out / SEGMENTED_CACHE, max_lines, processes, segmenter)
    last = get_last_checkpoint(str(ckpt_dir)) if resume and ckpt_dir.is_dir() else None
    if base is not None:
        tokenizer = AutoTokenizer.from_pretrained(str(base))
    elif last is not None and (Path(last) / "vocab.txt").is_file():
        tokenizer = AutoTokenizer.from_pretrained(last)  # the vocabulary the checkpoint uses
    else:
        tokenizer = _tokenizer_from_corpus(cache, out / "tokenizer", vocab_size, show_progress)
    if tokenizer.__class__.__name__ != TOKENIZER_CLASS:
        raise ValueError(f"expected a {TOKENIZER_CLASS}, got {tokenizer.__class__.__name__}")

    ids, wids, offsets = _load_or_build_chunks(cache, tokenizer, out, max_seq_len)
    n_chunks = len(offsets) - 1
    rng = np.random.default_rng(seed)
    order = rng.permutation(n_chunks)
    n_eval = min(eval_chunks, n_chunks // 10)
    eval_ds = ChunkDataset(ids, wids, offsets, np.sort(order[:n_eval])) if n_eval > 0 else None
    train_ds = ChunkDataset(ids, wids, offsets, np.sort(order[n_eval:]))
    logger.info("%d train chunks (%d subwords), %d eval chunks",
                len(train_ds), train_ds.n_tokens(), n_eval)

    set_seed(seed)
    if base is not None:
        model = AutoModelForMaskedLM.from_pretrained(str(base))
    else:
        config = _roberta_config(
            len(tokenizer), layers, hidden, heads, intermediate, MAX_POSITIONS
        )
        model = RobertaForMaskedLM(config)
    if model.config.vocab_size < len(tokenizer):
        raise ValueError(f"model vocab {model.config.vocab_size} < tokenizer {len(tokenizer)}")
    if max_seq_len > model.config.max_position_embeddings - 2:
        raise ValueError(f"max_seq_len {max_seq_len} exceeds the model's positions")

    on_gpu = torch.cuda.is_available()
    if bf16 is None:
        use_bf16 = torch.cuda.is_bf16_supported() if on_gpu else cpu_supports_bf16()
    else:
        use_bf16 = bool(bf16)
    collator = WholeWordMaskCollator(
        pad_id=tokenizer.pad_token_id,
        bos_id=tokenizer.bos_token_id,
        eos_id=tokenizer.eos_token_id,
        mask_id=tokenizer.mask_token_id,
        vocab_size=len(tokenizer),
        mlm_probability=mlm_probability,
        whole_word=whole_word_mask,
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
        dataloader_num_workers=0,
        prediction_loss_only=True,
        report_to="none",
        disable_tqdm=not show_progress,
    )

    class _Budget(TrainerCallback):
        """Stop (and save) once ``max_minutes`` of wall time are spent."""

        def on_step_end(self, args, state, control, **kwargs):
            if max_minutes is not None and time.time() - started > max_minutes * 60:
                control.should_training_stop = True
                control.should_save = True
            return control

    trainer = _masked_lm_trainer_class()(
        model=model,
        args=args,
        data_collator=collator,
        train_dataset=train_ds,
        eval_dataset=eval_ds,
        processing_class=tokenizer,
        callbacks=[_Budget()],
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
    save_loss_curve(history, out / "loss.png")
    steps_done = trainer.state.global_step - step0
    tokens = steps_done * batch_size * grad_accum * train_ds.n_tokens() / max(len(train_ds), 1)
    info = {
        "kind": "phogov-backbone",
        "pretrained_steps": trainer.state.global_step,
        "segmenter": segmenter,
        "settings": settings,
        "bf16": use_bf16,
        "train_chunks": len(train_ds),
        "train_subwords": train_ds.n_tokens(),
        "final_train_loss": result.training_loss,
        "final_eval_loss": next((e["eval_loss"] for e in reversed(history) if "eval_loss" in e),
                                None),
        "this_run": {
            "steps": steps_done,
            "seconds": round(train_seconds, 1),
            "steps_per_second": round(steps_done / max(train_seconds, 1e-9), 3),
            "tokens_per_second": round(tokens / max(train_seconds, 1e-9), 1),
        },
        "torch_threads": torch.get_num_threads(),
    }
    save_backbone(trainer.model, tokenizer, out, info)
    return out


_PRETRAIN_PARAMS = frozenset(inspect.signature(pretrain).parameters)


def pretrain_from_args(args: PretrainArgs) -> Path:
    """Run ``pretrain`` from the CLI's dataclass."""
    return pretrain(**asdict(args))


__all__ = [
    "PretrainArgs",
    "WholeWordMaskCollator",
    "build_chunks",
    "cpu_supports_bf16",
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
