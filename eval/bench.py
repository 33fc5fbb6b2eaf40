"""``phogov bench``: end-to-end predict() throughput against the plain HF forward pass.

Both are timed on the same texts in the same run: the seed articles repeated
until they hold at least N sentences. The plain pass is what a user would write
by hand — segmented sentences, tokenizer(batch, padding, truncation), the NER and
topic models' forward — so the ratio shows what phogov's pipeline costs on top
(normalisation, segmentation, windows, decoding, values, titles).
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path

from tqdm.auto import tqdm


@dataclass
class BenchResult:
    model: str
    sentences: int
    subword_tokens: int
    predict_seconds: float
    plain_seconds: float
    predict_sentences_per_s: float
    predict_tokens_per_s: float
    plain_sentences_per_s: float
    plain_tokens_per_s: float
    overhead_ratio: float  # predict time / plain forward time


SEEDS = "phogov.seeds"  # the repository's seeds/, packaged so a wheel install can bench


def seed_texts() -> list[str]:
    """The five seed articles, read from the installed package (wheel or checkout)."""
    files = sorted((f for f in resources.files(SEEDS).iterdir() if f.name.endswith(".txt")),
                   key=lambda f: f.name)
    return [f.read_text(encoding="utf-8") for f in files]


def seed_documents(min_sentences: int) -> list[str]:
    """The seed articles, repeated until they hold ``min_sentences`` sentences."""
    from phogov.text import sentences

    texts = seed_texts()
    if not texts:
        raise FileNotFoundError(f"no seed articles in the package ({resources.files(SEEDS)})")
    per_round = sum(len(sentences(t)) for t in texts)
    rounds = -(-min_sentences // per_round)
    return texts * rounds


def _plain_forward(loaded, segmented: list[str], batch_size: int) -> float:
    import torch

    tok = loaded.tokenizer
    start = time.perf_counter()
    with torch.inference_mode():
        for i in tqdm(range(0, len(segmented), batch_size), desc="plain forward", leave=False):
            batch = tok(segmented[i : i + batch_size], padding=True, truncation=True,
                        max_length=loaded.max_length, return_tensors="pt").to(loaded.device)
            for head in (loaded.ner, loaded.topics):
                if head is not None:
                    head(**batch)
    return time.perf_counter() - start


def bench_model(model: str, docs: list[str], batch_size: int) -> BenchResult:
    from phogov.modeling import load_model
    from phogov.predictor import predict_documents
    from phogov.text import sentences

    loaded = load_model(model)
    sents = [s for d in docs for s in sentences(d, loaded.segmenter)]
    segmented = [" ".join(w.form for w in s.words) for s in sents]
    n_tokens = sum(len(loaded.tokenizer(t)["input_ids"]) for t in segmented)
    predict_documents(docs[:2], model, batch_size)  # warm-up: load, caches, first kernels
    _plain_forward(loaded, segmented[:batch_size], batch_size)

    t0 = time.perf_counter()
    predict_documents(docs, model, batch_size)
    t_pred = time.perf_counter() - t0
    t_plain = _plain_forward(loaded, segmented, batch_size)
    n = len(sents)
    return BenchResult(model, n, n_tokens, t_pred, t_plain, n / t_pred, n_tokens / t_pred,
                       n / t_plain, n_tokens / t_plain, t_pred / t_plain)


def run_bench(model: str, baseline: str | None = None, sentences: int = 2000,
              batch_size: int = 32, json_out: str | None = None) -> list[BenchResult]:
    """Time ``model`` (and ``baseline``, if given) and print a table."""
    import torch

    docs = seed_documents(sentences)
    results = [bench_model(model, docs, batch_size)]
    if baseline:
        results.append(bench_model(baseline, docs, batch_size))
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, batch {batch_size}")
    head = f"{'model':<40} {'sent':>6} {'tokens':>8} {'pred s/s':>9} {'pred tok/s':>11} " \
           f"{'plain s/s':>9} {'plain tok/s':>11} {'pred/plain':>10}"
    print(head)
    for r in results:
        print(f"{Path(r.model).name[:40]:<40} {r.sentences:>6} {r.subword_tokens:>8} "
              f"{r.predict_sentences_per_s:>9.1f} {r.predict_tokens_per_s:>11.0f} "
              f"{r.plain_sentences_per_s:>9.1f} {r.plain_tokens_per_s:>11.0f} "
              f"{r.overhead_ratio:>10.2f}")
    if baseline:
        speedup = results[0].predict_tokens_per_s / results[1].predict_tokens_per_s
        print(f"throughput {Path(model).name} / {Path(baseline).name}: {speedup:.1f}×")
    if json_out:
        Path(json_out).write_text(json.dumps([asdict(r) for r in results], indent=2))
    return results
