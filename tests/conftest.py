"""Shared fixtures: the gold sentences and seed articles shipped in the repo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "data" / "gold_seeds.jsonl"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in SEEDS}


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, gold: list[dict]) -> Path:
    """A tiny backbone built from the gold texts and trained a few steps on weak rows:
    the same code path as a real PhoBERT directory, in seconds."""
    from datasets import Dataset

    from phogov.training.backbone import make_backbone
    from phogov.training.finetune import FinetuneArguments, train
    from phogov.training.gold_io import read_labelled
    from phogov.training.rows import rows_from_gold
    from phogov.training.weak_dataset import features

    root = tmp_path_factory.mktemp("tiny")
    corpus = root / "corpus.txt"
    corpus.write_text("\n".join(d["text"] for d in gold) + "\n", encoding="utf-8")
    backbone = make_backbone(root / "backbone", [corpus], layers=2, hidden=32, heads=2,
                             vocab_size=1200, seed=0, processes=1)
    weak_src = root / "weak.jsonl"
    weak_src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in gold[22:]),
                        encoding="utf-8")
    rows = rows_from_gold(read_labelled(weak_src), source="weak")
    Dataset.from_list(rows, features=features()).save_to_disk(str(root / "weak"))
    dev = root / "dev.jsonl"
    dev.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in gold[:22]),
                   encoding="utf-8")
    return train(FinetuneArguments(
        out=str(root / "model"), weak=str(root / "weak"), gold=[str(dev)], base=str(backbone),
        epochs=1, batch_size=16, eval_batch_size=32, learning_rate=1e-3, bf16="no",
        logging_steps=5, seed=0,
    ))
