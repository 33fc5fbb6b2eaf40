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
from collections.abc import Callable
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


# --------------------------------------------------------------------------- rules throughput

def default_corpus() -> Path:
    """The bundled gov-news corpus (``phogov.data``), in a checkout or an installed wheel."""
    return Path(str(resources.files("phogov.data") / "gov_news.jsonl.gz"))


@dataclass
class RulesBench:
    documents: int
    sentences: int
    chars: int
    rules_seconds: float  # phogov.rules.aggregate.label_document (entities + topics)
    topics_seconds: float  # phogov.rules.topics.score_document alone
    rules_chars_per_s: float
    topics_chars_per_s: float


def corpus_sentences(path: str | Path | None = None, n_docs: int = 300) -> list[list[str]]:
    """The normalised sentence texts of the first ``n_docs`` articles of a JSONL(.gz) corpus
    (one ``{"text": ...}`` per line): what the rules read, segmentation excluded."""
    import gzip

    from phogov.text import sentences

    path = default_corpus() if path is None else path
    opener = gzip.open if str(path).endswith(".gz") else open
    docs: list[list[str]] = []
    with opener(path, "rt", encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if len(docs) >= n_docs:
                break
            try:
                text = json.loads(line)["text"]
            except (ValueError, KeyError, TypeError) as err:
                msg = f"{path}:{lineno}: not a JSON object with a 'text' ({err})"
                raise ValueError(msg) from None
            docs.append([s.text for s in sentences(text)])
    return docs


def bench_rules(docs: list[list[str]], repeat: int = 1) -> RulesBench:
    """Time the rules (all families) and the topic rules alone on pre-split documents.

    CPU time of this process (``time.process_time``), so that other jobs on a shared
    machine do not count; the best of ``repeat`` runs.
    """
    from phogov.rules import aggregate, topics

    chars = sum(len(s) for d in docs for s in d)

    def best(fn: Callable[[list[str]], object]) -> float:
        times = []
        for _ in range(max(1, repeat)):
            t0 = time.process_time()
            for d in docs:
                fn(d)
            times.append(time.process_time() - t0)
        return min(times)

    aggregate.label_document(docs[0])  # warm-up: lazy lexicons, regex cache
    t_top = best(topics.score_document)
    t_all = best(aggregate.label_document)
    return RulesBench(len(docs), sum(len(d) for d in docs), chars, t_all, t_top,
                      chars / t_all, chars / t_top)


def main(argv: list[str] | None = None) -> int:
    """``python -m phogov.eval.bench [CORPUS] [N_DOCS]``: chars/s of the rules (CPU time)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    path = args[0] if args else None
    n = int(args[1]) if len(args) > 1 else 300
    docs = corpus_sentences(path, n)
    r = bench_rules(docs, repeat=3)
    print(f"{r.documents} docs, {r.sentences} sentences, {r.chars} chars")
    for name, secs, rate in [("rules (all families)", r.rules_seconds, r.rules_chars_per_s),
                             ("topic rules alone", r.topics_seconds, r.topics_chars_per_s)]:
        print(f"{name + ':':<22}{secs:7.2f} cpu-s  {rate:9.0f} chars/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
