"""Backbone building and MLM pretraining: PhoBERT's file formats and loading contract."""

from __future__ import annotations

import inspect
import json
from dataclasses import fields
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from phogov.training.backbone import (  # noqa: E402
    PretrainArgs,
    WholeWordMaskCollator,
    build_chunks,
    iter_documents,
    learn_bpe,
    make_backbone,
    pretrain,
)

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
TINY = {"layers": 2, "hidden": 32, "heads": 2, "vocab_size": 600, "processes": 1}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("tiny")
    return make_backbone(out, SEEDS, **TINY)


@pytest.fixture(scope="module")
def tok(tiny):
    return transformers.AutoTokenizer.from_pretrained(str(tiny))


# ----------------------------------------------------------------- tokenizer files


def test_auto_tokenizer_is_phobert_with_phobert_special_ids(tok):
    assert type(tok).__name__ == "PhobertTokenizer"
    assert (tok.bos_token_id, tok.pad_token_id, tok.eos_token_id, tok.unk_token_id) == (0, 1, 2, 3)
    assert tok.convert_ids_to_tokens([0, 1, 2, 3]) == ["<s>", "<pad>", "</s>", "<unk>"]
    # PhoBERT appends <mask> after the file vocabulary: the last id (64000 in phobert-base).
    assert len(tok) == 600
    assert tok.mask_token_id == 599
    assert tok.model_max_length == 256


def test_tokenize_segmented_text_round_trips(tok):
    text = "Bí_thư Thành_ủy Hạ_Long"
    pieces = tok.tokenize(text)
    assert pieces, "an empty tokenisation means AutoTokenizer built the wrong class"
    assert tok.unk_token not in pieces
    # fastBPE style: inner pieces end with @@, the last piece of each word does not.
    words = " ".join(pieces).replace("@@ ", "").split()
    assert words == ["Bí_thư", "Thành_ủy", "Hạ_Long"]
    assert not pieces[-1].endswith("@@")
    assert tok.convert_tokens_to_string(pieces) == text
    ids = tok(text)["input_ids"]
    assert ids[0] == 0 and ids[-1] == 2 and 3 not in ids


def test_unseen_word_of_seen_letters_is_not_unk(tok):
    # "Bắc_Kạn" is not in the seeds; every character is, so BPE falls back to letters.
    pieces = tok.tokenize("Bắc_Kạn ngoạn_mục")
    assert "<unk>" not in pieces
    assert tok.convert_tokens_to_string(pieces) == "Bắc_Kạn ngoạn_mục"
    assert "<unk>" not in tok.convert_ids_to_tokens(tok("Bắc_Kạn ngoạn_mục")["input_ids"])
    assert tok("漢")["input_ids"] == [0, 3, 2]  # a character the corpus never had → <unk>


def test_vocab_and_codes_file_formats(tiny):
    vocab_lines = (tiny / "vocab.txt").read_text(encoding="utf-8").splitlines()
    assert len(vocab_lines) == 600 - 5  # specials 0..3 and <mask> are not in the file
    for line in vocab_lines:
        token, count = line.rsplit(" ", 1)
        assert token and " " not in token and int(count) >= 0
        assert token not in {"<s>", "<pad>", "</s>", "<unk>", "<mask>"}
    counts = [int(line.rsplit(" ", 1)[1]) for line in vocab_lines]
    assert counts == sorted(counts, reverse=True)  # most frequent first, like PhoBERT
    codes = (tiny / "bpe.codes").read_text(encoding="utf-8")
    assert codes.endswith("\n")  # PhobertTokenizer drops the last split element
    for line in codes.splitlines():
        a, b, n = line.split(" ")
        assert "</w>" not in a and int(n) > 0  # only the right symbol may end a word


def test_config_matches_phobert_layout(tiny):
    cfg = json.loads((tiny / "config.json").read_text(encoding="utf-8"))
    tcfg = json.loads((tiny / "tokenizer_config.json").read_text(encoding="utf-8"))
    assert cfg["tokenizer_class"] == tcfg["tokenizer_class"] == "PhobertTokenizer"
    assert tcfg["model_max_length"] == 256
    assert cfg["model_type"] == "roberta"
    assert cfg["max_position_embeddings"] == 258
    assert (cfg["pad_token_id"], cfg["bos_token_id"], cfg["eos_token_id"]) == (1, 0, 2)
    assert cfg["type_vocab_size"] == 1
    assert cfg["vocab_size"] == 600
    assert (cfg["num_hidden_layers"], cfg["hidden_size"], cfg["intermediate_size"]) == (2, 32, 128)
    assert (tiny / "model.safetensors").is_file()


# ----------------------------------------------------------------- model loading


def test_loads_for_token_and_multilabel_classification(tiny, tok):
    batch = tok(["Bí_thư Thành_ủy Hạ_Long chủ_trì .", "Ông"], padding=True, return_tensors="pt")
    assert batch["input_ids"][1, -1].item() == 1  # padded with <pad> = 1
    tagger = transformers.AutoModelForTokenClassification.from_pretrained(str(tiny), num_labels=9)
    logits = tagger(**batch).logits
    assert logits.shape == (2, batch["input_ids"].shape[1], 9)
    topics = transformers.AutoModelForSequenceClassification.from_pretrained(
        str(tiny), num_labels=6, problem_type="multi_label_classification"
    )
    labels = torch.tensor([[1.0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 0, 0]])
    out = topics(**batch, labels=labels)
    assert out.logits.shape == (2, 6)
    assert torch.isfinite(out.loss)
    encoder = transformers.AutoModel.from_pretrained(str(tiny))
    assert encoder.config.hidden_size == 32


def test_positions_allow_256_subwords(tiny, tok):
    model = transformers.AutoModel.from_pretrained(str(tiny))
    ids = tok(" ".join(["Thành_ủy"] * 400), truncation=True)["input_ids"]
    assert len(ids) == 256
    ids = torch.tensor([ids])
    assert model(input_ids=ids).last_hidden_state.shape[1] == 256


def test_make_backbone_is_deterministic(tmp_path):
    a = make_backbone(tmp_path / "a", SEEDS[:1], max_lines=15, **TINY | {"vocab_size": 300})
    b = make_backbone(tmp_path / "b", SEEDS[:1], max_lines=15, **TINY | {"vocab_size": 300})
    for name in ("vocab.txt", "bpe.codes", "model.safetensors"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_learn_bpe_rejects_a_vocab_smaller_than_the_alphabet(tmp_path):
    with pytest.raises(ValueError, match="too small"):
        learn_bpe(["Bí_thư Thành_ủy Hạ_Long chủ_trì"], 20, tmp_path, show_progress=False)


def test_iter_documents_reads_txt_and_jsonl(tmp_path):
    (tmp_path / "a.txt").write_text("Dòng một.\n\nDòng hai.\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "Bài ba."}\n{"id": 1, "text": "Bài bốn."}\n',
                                      encoding="utf-8")
    docs = list(iter_documents([tmp_path / "a.txt", tmp_path / "b.jsonl"]))
    assert docs == ["Dòng một.", "Dòng hai.", "Bài ba.", "Bài bốn."]
    assert list(iter_documents([tmp_path / "b.jsonl"], max_lines=1)) == ["Bài ba."]
    (tmp_path / "bad.jsonl").write_text('{"body": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:1"):
        list(iter_documents([tmp_path / "bad.jsonl"]))


# ----------------------------------------------------------------- MLM data


def test_chunks_match_tokenizer_and_respect_length(tok):
    doc = ["Bí_thư Thành_ủy Hạ_Long chủ_trì hội_nghị .", "Ủy_ban nhân_dân tỉnh họp ."]
    ids, wids, offsets = build_chunks([doc], tok, max_seq_len=128)
    expected = tok.convert_tokens_to_ids(tok.tokenize(" ".join(doc)))
    assert len(offsets) == 2 and ids.tolist() == expected  # both sentences in one chunk
    words = " ".join(doc).split()
    assert wids.max() + 1 == len(words)
    ids, wids, offsets = build_chunks([doc], tok, max_seq_len=8)  # ≤ 6 subwords a chunk
    sizes = [int(b - a) for a, b in zip(offsets[:-1], offsets[1:], strict=True)]
    assert max(sizes) <= 6 and sum(sizes) == len(expected)
    for a, b in zip(offsets[:-1], offsets[1:], strict=True):
        assert wids[a] == 0  # word numbering restarts per chunk
        steps = {int(d) for d in wids[a + 1 : b] - wids[a : b - 1]}
        assert steps <= {0, 1}
        assert not tok.convert_ids_to_tokens(int(ids[b - 1])).endswith("@@")  # no word is cut


def _collator(tok, p=0.15, whole_word=True):
    return WholeWordMaskCollator(
        pad_id=1, bos_id=0, eos_id=2, mask_id=tok.mask_token_id, vocab_size=len(tok),
        mlm_probability=p, whole_word=whole_word,
    )


def test_whole_word_masking_masks_all_subwords_of_a_word(tok):
    torch.manual_seed(0)
    sent = "Bí_thư Thành_ủy Hạ_Long chủ_trì hội_nghị tổng_kết công_tác năm ."
    ids, wids, offsets = build_chunks([[sent]] * 64, tok, max_seq_len=64)
    examples = [
        {"input_ids": ids[a:b], "word_ids": wids[a:b]}
        for a, b in zip(offsets[:-1], offsets[1:], strict=True)
    ]
    examples[-1] = {"input_ids": ids[:3], "word_ids": wids[:3]}  # a shorter one gets padded
    batch = _collator(tok)(examples)
    labels = batch["labels"]
    assert batch["input_ids"][:, 0].eq(0).all()
    assert labels[:, 0].eq(-100).all()  # <s> never a target
    assert labels[batch["attention_mask"] == 0].eq(-100).all()  # nor padding
    assert (labels != -100).any(dim=1).all()  # every sequence has a target
    masked_tokens = total = 0
    for r, ex in enumerate(examples):
        n = len(ex["input_ids"])
        target = (labels[r, 1 : n + 1] != -100).tolist()
        assert labels[r, n + 1] == -100  # </s>
        for w in set(ex["word_ids"].tolist()):
            flags = {target[i] for i in range(n) if ex["word_ids"][i] == w}
            assert len(flags) == 1, "a word is masked whole or not at all"
        assert torch.equal(labels[r, 1 : n + 1][torch.tensor(target)],
                           torch.as_tensor(ex["input_ids"], dtype=torch.long)[torch.tensor(target)])
        masked_tokens += sum(target)
        total += n
    assert 0.08 < masked_tokens / total < 0.25
    masked = labels != -100
    share_mask = (batch["input_ids"][masked] == tok.mask_token_id).float().mean().item()
    assert 0.6 < share_mask < 0.95  # ~80% replaced by <mask>


def test_pretrain_args_mirror_pretrain_signature():
    """Every pretrain() keyword is a flag and every flag a keyword, with the same default
    (the shared RunArguments fields included)."""
    params = inspect.signature(pretrain).parameters
    assert sorted(f.name for f in fields(PretrainArgs)) == sorted(params)
    defaults = PretrainArgs()
    for name, param in params.items():
        if param.default is not inspect.Parameter.empty and name != "corpus_files":
            assert getattr(defaults, name) == param.default, name


# ----------------------------------------------------------------- pretraining


def test_tiny_pretrain_saves_model_curve_and_resumes(tmp_path):
    out = tmp_path / "mlm"
    common = dict(
        layers=1, hidden=32, heads=2, vocab_size=400, max_seq_len=32, batch_size=4,
        save_steps=2, logging_steps=1, eval_chunks=8, processes=1, show_progress=False,
        max_lines=40, lr=1e-3, exclude=[],  # the seeds are gold articles: keep them here
    )
    pretrain(SEEDS[:2], out, max_steps=2, **common)
    assert (out / "loss.png").stat().st_size > 1000
    history = json.loads((out / "log_history.json").read_text())
    assert any("loss" in e for e in history)
    assert (out / "checkpoints" / "checkpoint-2").is_dir()
    seg_mtime = (out / "segmented.txt").stat().st_mtime_ns
    mlm = transformers.AutoModelForMaskedLM.from_pretrained(str(out))
    tok = transformers.AutoTokenizer.from_pretrained(str(out))
    assert type(tok).__name__ == "PhobertTokenizer" and len(tok) == mlm.config.vocab_size
    batch = tok(["Thành_ủy <mask> ."], return_tensors="pt")
    assert mlm(**batch).logits.shape[-1] == len(tok)

    pretrain(SEEDS[:2], out, max_steps=4, **common)  # continues from checkpoint-2
    info = json.loads((out / "backbone.json").read_text())
    assert info["pretrained_steps"] == 4
    assert info["this_run"]["steps"] == 2  # only the missing steps ran
    assert (out / "segmented.txt").stat().st_mtime_ns == seg_mtime  # cache reused
    steps = [e["step"] for e in json.loads((out / "log_history.json").read_text()) if "loss" in e]
    assert steps[0] == 1 and steps[-1] == 4  # one history across both runs


def test_make_backbone_can_reuse_another_backbones_tokenizer(tmp_path):
    src = make_backbone(tmp_path / "src", SEEDS[:1], max_lines=15, **TINY | {"vocab_size": 300})
    other = make_backbone(tmp_path / "abl", SEEDS[1:2], max_lines=5, **TINY | {"vocab_size": 200},
                          tokenizer_from=src)
    for name in ("vocab.txt", "bpe.codes"):
        assert (other / name).read_bytes() == (src / name).read_bytes(), name
    cfg = json.loads((other / "config.json").read_text(encoding="utf-8"))
    assert cfg["vocab_size"] == json.loads((src / "config.json").read_text())["vocab_size"]
    with pytest.raises(ValueError, match="vocab.txt"):
        make_backbone(tmp_path / "bad", SEEDS[:1], max_lines=5, **TINY, tokenizer_from=tmp_path)
