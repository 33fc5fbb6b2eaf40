"""PhoBERT's on-disk format: special ids, RoBERTa config, tokenizer loading, saving.

phogov's own backbones are written exactly as ``vinai/phobert-base`` is laid out
(a RoBERTa + transformers' slow ``PhobertTokenizer``), so every consumer loads
either with the same ``Auto*`` calls. Everything that fixes that contract is here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

# PhoBERT's fixed special-token layout (PhobertTokenizer hard-codes ids 0..3).
BOS, PAD, EOS, UNK = "<s>", "<pad>", "</s>", "<unk>"
MASK = "<mask>"
SPECIAL_IDS = {BOS: 0, PAD: 1, EOS: 2, UNK: 3}
MAX_POSITIONS = 258  # 256 subwords + <s> </s>; RoBERTa positions start at pad_id + 1
MODEL_MAX_LENGTH = MAX_POSITIONS - 2
TOKENIZER_CLASS = "PhobertTokenizer"
BACKBONE_INFO = "backbone.json"

PathLike = str | os.PathLike


def load_phobert(vocab_path: PathLike, codes_path: PathLike, **kwargs: Any):
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


def roberta_config(
    vocab_size: int,
    layers: int,
    hidden: int,
    heads: int,
    intermediate: int | None,
    max_position_embeddings: int = MAX_POSITIONS,
    architecture: str = "RobertaForMaskedLM",
):
    """A RoBERTa config with PhoBERT's special ids, positions and tokenizer class."""
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
        architectures=[architecture],
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

