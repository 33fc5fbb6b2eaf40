"""BPE learnt from a segmented corpus, written in PhoBERT's fastBPE files.

``vocab.txt`` (``token count`` lines, most frequent first) and ``bpe.codes``
(merges in rank order) are what transformers' ``PhobertTokenizer`` reads.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from tqdm.auto import tqdm

from phogov.training.corpus import iter_segmented
from phogov.training.phobert_format import SPECIAL_IDS, PathLike, load_phobert


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
    phobert = load_phobert(vocab_path, codes_path)
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


def tokenizer_from_corpus(
    cache: Path, out_dir: Path, vocab_size: int, show_progress: bool = True
):
    """Learn BPE over a segmented cache into ``out_dir`` and load it."""

    def lines() -> Iterator[str]:
        for doc in iter_segmented(cache):
            yield from doc

    vocab_path, codes_path = learn_bpe(lines(), vocab_size, out_dir, show_progress=show_progress)
    return load_phobert(vocab_path, codes_path)

