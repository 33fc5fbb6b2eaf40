"""Word ↔ subword ↔ window mapping (phogov.encoding) with a hand-made PhoBERT tokenizer.

The tokenizer is written by hand so every subword count below can be checked on
paper: each character is a vocabulary entry (``c@@`` inside a word, ``c`` at its
end), and only ``Bí_thư`` has merges, so it is one subword; ``Thành_ủy`` is 8.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from phogov.encoding import IGNORE_INDEX, SubwordEncoder, cap_model_max_length, pool_windows

CHARS = "abcdefghijklmnopqrstuvwxyzBTáíàảủươ_.,0123456789"


def hand_tokenizer(d: Path):
    """vocab.txt (``token count`` lines) and bpe.codes (``a b count``, ``</w>`` ends)."""
    from transformers import PhobertTokenizer

    d.mkdir(parents=True, exist_ok=True)
    vocab = [f"{c}@@" for c in CHARS] + list(CHARS)
    merges = []
    word = "Bí_thư"
    cur = word[0]
    for i, c in enumerate(word[1:], 1):
        merges.append(f"{cur} {c + ('</w>' if i == len(word) - 1 else '')} 1")
        cur += c
        vocab.append(cur if i == len(word) - 1 else cur + "@@")
    (d / "vocab.txt").write_text("".join(f"{v} 1\n" for v in vocab), encoding="utf-8")
    (d / "bpe.codes").write_text("".join(m + "\n" for m in merges), encoding="utf-8")
    return PhobertTokenizer(str(d / "vocab.txt"), str(d / "bpe.codes"))


@pytest.fixture(scope="module")
def tok(tmp_path_factory):
    return hand_tokenizer(tmp_path_factory.mktemp("tok"))


def test_hand_tokenizer_is_what_the_tests_assume(tok):
    assert tok.tokenize("Bí_thư") == ["Bí_thư"]
    assert len(tok.tokenize("Thành_ủy")) == 8
    assert (tok.cls_token_id, tok.pad_token_id, tok.sep_token_id, tok.unk_token_id) == (0, 1, 2, 3)


def test_first_subword_carries_the_label_rest_masked(tok):
    enc = SubwordEncoder(tok)
    (win,) = enc.encode(["Bí_thư", "Thành_ủy", "a"], [1, 3, 0])
    # <s> Bí_thư T@@ h@@ à@@ n@@ h@@ _@@ ủ@@ y a </s>
    assert len(win.input_ids) == 1 + 1 + 8 + 1 + 1
    assert win.input_ids[0] == tok.cls_token_id and win.input_ids[-1] == tok.sep_token_id
    expected = [IGNORE_INDEX, 1, 3] + [IGNORE_INDEX] * 7 + [0, IGNORE_INDEX]
    assert win.labels == expected
    assert win.word_ids == [-1, 0, 1] + [-1] * 7 + [2, -1]
    assert win.attention_mask == [1] * 12


def test_a_word_with_no_subwords_becomes_unk_and_is_not_lost(tok):
    enc = SubwordEncoder(tok)
    (win,) = enc.encode(["a", "", "b"], [0, 5, 0])
    assert win.input_ids == [0, tok.convert_tokens_to_ids("a"), tok.unk_token_id,
                             tok.convert_tokens_to_ids("b"), 2]
    assert win.labels == [IGNORE_INDEX, 0, 5, 0, IGNORE_INDEX]
    # a character outside the vocabulary maps to <unk> too
    assert enc.word_pieces("€") == [tok.unk_token_id]


def test_windows_and_owners_computed_by_hand(tok):
    # 20 one-subword words, 10 subwords per window, a new window every 5 subwords:
    # [0,10) [5,15) [10,20). Owner = farthest from a cut edge (sentence ends are not cuts):
    # word 7: w0 right 2, w1 left 2 → tie, first wins; word 8: w0 1 < w1 3 → w1;
    # word 12: w1 right 2 = w2 left 2 → w1; word 13: w1 1 < w2 3 → w2.
    enc = SubwordEncoder(tok, max_length=12, stride=5)
    words = list("abcdefghijklmnopqrst")
    wins = enc.encode(words, list(range(20)))
    assert [(w.word_start, w.word_end) for w in wins] == [(0, 10), (5, 15), (10, 20)]
    owner = {}
    for k, w in enumerate(wins):
        for i, own in zip(range(w.word_start, w.word_end), w.owned):
            if own:
                assert i not in owner
                owner[i] = k
    assert [owner[i] for i in range(20)] == [0] * 8 + [1] * 5 + [2] * 7
    # each word's label appears exactly once over all windows, in its owner window
    labelled = sorted(lab for w in wins for lab in w.labels if lab != IGNORE_INDEX)
    assert labelled == list(range(20))


def test_5000_words_every_word_gets_exactly_one_row(tok):
    rng = np.random.default_rng(0)
    vocab = ["Bí_thư", "Thành_ủy", "a", "bc", "thư", "2024", ",", "."]
    words = [vocab[i] for i in rng.integers(0, len(vocab), 5000)]
    enc = SubwordEncoder(tok, max_length=256, stride=128)
    wins = enc.encode(words, [i % 9 for i in range(5000)])
    assert len(wins) > 20
    assert all(len(w.input_ids) <= 256 for w in wins)
    # consecutive windows overlap (or touch) so no word falls between them
    for a, b in zip(wins, wins[1:]):
        assert b.word_start <= a.word_end and b.word_start > a.word_start
    assert wins[0].word_start == 0 and wins[-1].word_end == 5000
    # logits that name their word: position p of a window holds [word id, window index]
    logits = [np.array([[wid, k] for wid in w.word_ids], dtype=np.float32)
              for k, w in enumerate(wins)]
    merged = enc.merge(wins, logits)
    assert merged.shape == (5000, 2)
    assert merged[:, 0].tolist() == list(range(5000))
    assert sum(sum(w.owned) for w in wins) == 5000
    assert sum(lab != IGNORE_INDEX for w in wins for lab in w.labels) == 5000


def test_merge_accepts_padded_logits(tok):
    enc = SubwordEncoder(tok, max_length=12, stride=5)
    wins = enc.encode(list("abcdefghijklmnopqrst"))
    padded = [np.pad(np.array([[wid] for wid in w.word_ids], float), ((0, 7), (0, 0)),
                     constant_values=-1) for w in wins]
    assert enc.merge(wins, padded)[:, 0].tolist() == list(range(20))


def test_a_word_longer_than_a_window_is_capped_not_dropped(tok):
    enc = SubwordEncoder(tok, max_length=16, stride=8)
    long_word = "a" * 40  # 40 single-character subwords
    wins = enc.encode(["b", long_word, "c"], [0, 1, 2])
    assert all(len(w.input_ids) <= 16 for w in wins)
    merged = enc.merge(wins, [np.array([[wid] for wid in w.word_ids], float) for w in wins])
    assert merged[:, 0].tolist() == [0, 1, 2]
    assert sorted(lab for w in wins for lab in w.labels if lab >= 0) == [0, 1, 2]


def test_empty_sentence_and_bad_arguments(tok):
    enc = SubwordEncoder(tok)
    assert enc.encode([]) == []
    with pytest.raises(ValueError, match="2 labels for 3 words"):
        enc.encode(["a", "b", "c"], [0, 0])
    with pytest.raises(ValueError):
        SubwordEncoder(tok, max_length=12, stride=11)  # stride beyond the 10-subword capacity


def test_pooling_windows():
    a, b = np.array([1.0, -2.0]), np.array([3.0, -4.0])
    assert pool_windows([a, b], "max").tolist() == [3.0, -2.0]
    assert pool_windows([a, b], "mean").tolist() == [2.0, -3.0]
    with pytest.raises(ValueError):
        pool_windows([a], "median")


def test_cap_model_max_length(tok):
    tok.model_max_length = int(1e30)
    assert cap_model_max_length(tok, 258) == 256
    assert cap_model_max_length(tok, 130) == 128


def test_dev_metrics_read_each_word_from_its_owner_window_like_prediction(tok):
    """Training-time NER scores merge windows with ``SubwordEncoder.merge`` (issue 11):
    a wrong tag in a window that does not own the word must not count, and the merged
    tags are the ones prediction would get from the same window logits."""
    from types import SimpleNamespace

    from phogov.training.dev_metrics import ner_metrics
    from phogov.training.trainer import encode_rows
    from phogov.types import NER_TAGS

    enc = SubwordEncoder(tok, max_length=12, stride=5)
    b_org, i_org = NER_TAGS.index("B-ORG"), NER_TAGS.index("I-ORG")
    gold = [0] * 20
    gold[7], gold[8] = b_org, i_org  # an ORG across the cut between windows 0 and 1
    rows = [{"words": list("abcdefghijklmnopqrst"), "ner_tags": gold}]
    dev = encode_rows(rows, enc, "ner")
    width = max(len(f["input_ids"]) for f in dev.features)
    preds = np.zeros((len(dev.features), width), dtype=np.int64)
    for f, (_r, win) in enumerate(dev.windows):
        for pos, wid in enumerate(win.word_ids):
            if wid >= 0:
                owned = win.owned[wid - win.word_start]
                # owners carry the gold; non-owners say something else everywhere
                preds[f, pos] = gold[wid] if owned else NER_TAGS.index("B-MONEY")
    scores = ner_metrics(rows, dev)(SimpleNamespace(predictions=preds))
    assert scores["f1"] == 1.0 and scores["precision"] == 1.0
    merged = SubwordEncoder.merge([w for _r, w in dev.windows],
                                  [p[:, None] for p in preds])[:, 0].astype(int)
    assert merged.tolist() == gold
