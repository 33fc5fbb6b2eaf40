"""``phogov bench``: the rules and every runtime of a model, side by side on the same texts.

Each variant (``rules``, ``fp32``, ``int8``, ``onnx``, a ``--baseline`` model) runs in its
own fresh process, so its peak RSS is its own, and is timed on the same documents:
the seed articles repeated to at least N sentences, or the first documents of
``--input`` files. Reported: characters/s, sentences/s, subword tokens/s and peak RSS of
end-to-end ``predict_documents``; the bare forward pass of the heads over the same
padded windows, and predict()/bare forward (what the pipeline around the model costs);
where the time goes — segmentation (normalise, split, pyvi), subwords (windows of
subword ids), forward, and the rest (decoding tags to spans, values, titles, raw
offsets, the rules when the model directory combines them).
"""

from __future__ import annotations

import json
import multiprocessing
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
STAGES = ("segmentation", "subwords", "forward", "rest")


@dataclass
class BenchResult:
    name: str
    model: str
    runtime: str
    documents: int
    characters: int
    sentences: int
    subword_tokens: int
    predict_seconds: float
    chars_per_s: float
    sentences_per_s: float
    tokens_per_s: float
    peak_rss_mib: float
    forward_seconds: float | None = None  # bare forward of the heads, same windows
    predict_over_forward: float | None = None
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage
    speedup_vs_fp32: float | None = None


def seed_documents(min_sentences: int) -> list[str]:
    """The seed articles, repeated until they hold ``min_sentences`` sentences."""
    from phogov.text import sentences

    paths = sorted(SEEDS_DIR.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no seed articles in {SEEDS_DIR}")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    per_round = sum(len(sentences(t)) for t in texts)
    rounds = -(-min_sentences // per_round)
    return texts * rounds


def input_documents(paths: list[str], min_sentences: int) -> list[str]:
    """The first documents of corpus inputs (as ``phogov predict --input``) up to N sentences."""
    from phogov.corpus import iter_documents
    from phogov.text import sentences

    out: list[str] = []
    total = 0
    for doc in iter_documents(paths):
        out.append(doc.text)
        total += len(sentences(doc.text))
        if total >= min_sentences:
            break
    if not out:
        raise ValueError(f"no documents in {', '.join(paths)}")
    return out


# --------------------------------------------------------------------------- one variant


def _bare_forward(loaded: Any, windows: list, batch_size: int) -> float:
    """The heads alone over the windows, batched and padded as ``predict_words`` does."""
    import torch

    from phogov.encoding import pad_batch

    order = sorted(windows, key=lambda w: -len(w.input_ids))
    start = time.perf_counter()
    with torch.inference_mode():
        for b in range(0, len(order), batch_size):
            arrays = pad_batch([w.features() for w in order[b:b + batch_size]],
                               loaded.encoder.pad_id, with_labels=False)
            inputs = {k: torch.from_numpy(v).to(loaded.device) for k, v in arrays.items()}
            for head in (loaded.ner, loaded.topics):
                if head is not None:
                    head(**inputs).logits.float().cpu().numpy()
    return time.perf_counter() - start


def _stages(loaded: Any, docs: list[str], batch_size: int) -> tuple[dict[str, float], list]:
    from phogov.text import sentences

    t0 = time.perf_counter()
    sents = [s for d in docs for s in sentences(d, loaded.segmenter)]
    words = [[w.form for w in s.words] for s in sents]
    t1 = time.perf_counter()
    loaded.encoder._cache.clear()  # as cold as the timed predict() run below
    windows = [w for ws in words for w in loaded.encoder.encode(ws)]
    t2 = time.perf_counter()
    forward = _bare_forward(loaded, windows, batch_size)
    return {"segmentation": t1 - t0, "subwords": t2 - t1, "forward": forward}, windows


def run_variant(name: str, model: str, runtime: str, docs: list[str], batch_size: int,
                repeats: int = 1) -> dict[str, Any]:
    """Time one variant in this process (meant to be a fresh one: peak RSS is the process's).

    Every timing is the best of ``repeats`` runs: on a shared machine the best run is the
    one least slowed by others.
    """
    from phogov.predictor import RULES, predict_documents
    from phogov.text import sentences

    n_chars = sum(len(d) for d in docs)
    n_sents = sum(len(sentences(d)) for d in docs)
    predict_documents(docs[:2], model, batch_size, runtime=runtime)  # load, warm caches
    stages: dict[str, float] = {}
    forward = tokens = None
    if model != RULES:
        from phogov.runtime import load_runtime_model

        loaded = load_runtime_model(model, runtime)
        runtime = loaded.runtime
        for _ in range(max(1, repeats)):
            got, windows = _stages(loaded, docs, batch_size)
            stages = {k: min(v, stages.get(k, v)) for k, v in got.items()}
        forward = stages["forward"]
        tokens = sum(len(w.input_ids) for w in windows)
    total = float("inf")
    for _ in range(max(1, repeats)):
        if model != RULES:
            loaded.encoder._cache.clear()
        start = time.perf_counter()
        predict_documents(docs, model, batch_size, runtime=runtime)
        total = min(total, time.perf_counter() - start)
    if stages:
        stages["rest"] = max(0.0, total - sum(stages.values()))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return asdict(BenchResult(
        name=name, model=model, runtime=runtime if model != RULES else "-",
        documents=len(docs), characters=n_chars, sentences=n_sents, subword_tokens=tokens or 0,
        predict_seconds=total, chars_per_s=n_chars / total, sentences_per_s=n_sents / total,
        tokens_per_s=(tokens or 0) / total, peak_rss_mib=rss, forward_seconds=forward,
        predict_over_forward=total / forward if forward else None, stages=stages))


def _in_fresh_process(*args: Any) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        return pool.submit(run_variant, *args).result()


# --------------------------------------------------------------------------- the command


def variants(model: str | None, runtimes: list[str], baseline: str | None
             ) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(name, model, runtime) to run, and notes on the runtimes that cannot run here."""
    from phogov.predictor import RULES, resolve_model
    from phogov.runtime import RUNTIMES, choose_runtime, runtime_status

    out: list[tuple[str, str, str]] = []
    notes: list[str] = []
    wanted = [r.lower() for r in runtimes]
    unknown = [r for r in wanted if r not in (RULES, *RUNTIMES)]
    if unknown:
        raise ValueError(f"unknown bench runtime(s) {unknown}; choose from rules, "
                         f"{', '.join(RUNTIMES)}")
    if RULES in wanted:
        out.append((RULES, RULES, "-"))
    path = resolve_model(model)
    label = Path(path).name
    status = runtime_status(path)
    default = choose_runtime(path, "auto", device="cpu")
    for runtime in (r for r in RUNTIMES if r in wanted):
        if status[runtime]:
            notes.append(f"{label} {runtime}: skipped, {status[runtime]}")
            continue
        suffix = " (default)" if runtime == default else ""
        out.append((f"{label} {runtime}{suffix}", path, runtime))
    if baseline:
        out.append((f"{Path(baseline).name} fp32", baseline, "fp32"))
    return out, notes


def run_bench(model: str | None = None, runtimes: list[str] | None = None,
              baseline: str | None = None, sentences: int = 2000, batch_size: int = 32,
              inputs: list[str] | None = None, json_out: str | None = None,
              repeats: int = 2) -> list[dict[str, Any]]:
    """Run every variant on the same texts; print the tables; write JSON if asked."""
    import torch

    todo, notes = variants(model, runtimes or ["rules", "fp32", "int8", "onnx"], baseline)
    docs = input_documents(inputs, sentences) if inputs else seed_documents(sentences)
    results = []
    for name, path, runtime in todo:
        print(f"… {name}", flush=True)
        results.append(_in_fresh_process(name, path, runtime, docs, batch_size, repeats))
    ref = next((r for r in results if r["runtime"] == "fp32" and r["model"] != baseline), None)
    for r in results:
        if ref is not None:
            r["speedup_vs_fp32"] = r["chars_per_s"] / ref["chars_per_s"]
    print(format_tables(results, notes, torch.__version__, torch.get_num_threads(), batch_size,
                        repeats))
    if json_out:
        Path(json_out).parent.mkdir(parents=True, exist_ok=True)
        meta = {"torch": torch.__version__, "threads": torch.get_num_threads(),
                "batch_size": batch_size, "documents": len(docs), "repeats": repeats,
                "notes": notes}
        Path(json_out).write_text(json.dumps({"meta": meta, "results": results}, indent=2)
                                  + "\n", encoding="utf-8")
    return results


def format_tables(results: list[dict[str, Any]], notes: list[str], torch_version: str,
                  threads: int, batch_size: int, repeats: int = 1) -> str:
    """Throughput table, then where the time goes, then what was skipped."""
    if not results:
        return "nothing to run"
    r0 = results[0]
    lines = [f"{r0['documents']} documents, {r0['sentences']} sentences, "
             f"{r0['characters']} characters; torch {torch_version}, {threads} threads, "
             f"batch {batch_size}; each time the best of {repeats} runs", ""]
    head = (f"{'variant':<30} {'chars/s':>9} {'sent/s':>8} {'tok/s':>8} {'RSS MiB':>8} "
            f"{'pred/fwd':>8} {'×fp32':>6}")
    lines += [head, "-" * len(head)]
    for r in results:
        ratio = f"{r['predict_over_forward']:.2f}" if r["predict_over_forward"] else "-"
        speed = f"{r['speedup_vs_fp32']:.2f}" if r.get("speedup_vs_fp32") else "-"
        tok = f"{r['tokens_per_s']:.0f}" if r["subword_tokens"] else "-"
        lines.append(f"{r['name'][:30]:<30} {r['chars_per_s']:>9.0f} "
                     f"{r['sentences_per_s']:>8.1f} {tok:>8} {r['peak_rss_mib']:>8.0f} "
                     f"{ratio:>8} {speed:>6}")
    staged = [r for r in results if r["stages"]]
    if staged:
        lines += ["", "where predict() time goes (seconds, share of the total):"]
        head = f"{'variant':<30} " + " ".join(f"{s:>18}" for s in STAGES)
        lines += [head, "-" * len(head)]
        for r in staged:
            secs = [r["stages"].get(s, 0.0) for s in STAGES]
            cells = [f"{t:7.2f} s {t / r['predict_seconds']:6.0%}" for t in secs]
            lines.append(f"{r['name'][:30]:<30} " + " ".join(f"{c:>18}" for c in cells))
    if notes:
        lines += [""] + [f"note: {n}" for n in notes]
    return "\n".join(lines)
