"""``phogov bench``: the rules and every runtime of a model, side by side on the same texts.

Each variant (``rules``, ``fp32``, ``int8``, ``onnx``, a ``--baseline`` model) runs in its
own process, so its peak RSS is its own, timed round-robin with the others (a burst of
load on a shared machine hits every variant alike), on the same documents: the seed articles
repeated to at least N sentences, or the first documents of ``--input`` files.
Reported per variant: characters/s, sentences/s, subword tokens/s (the model's subwords
of the same texts) and peak RSS of end-to-end ``predict_documents``; predict() / forward,
the whole call over the heads' bare forward calls inside it (what the pipeline around
the model costs); and where the time goes, timed inside that same call: segmentation
(sentences, pyvi words), subwords (windows of subword ids), forward, rules (labelling
functions, when run), and the rest (decoding tags to spans, values, titles, raw offsets).
"""

from __future__ import annotations

import json
import multiprocessing
import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

STAGES = ("segmentation", "subwords", "forward", "rules", "rest")


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
    forward_seconds: float | None = None  # the heads' forward calls inside predict()
    predict_over_forward: float | None = None
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage
    speedup_vs_fp32: float | None = None


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


class _Clock:
    """Seconds spent inside wrapped callables, per stage, during one predict() run; a call
    inside another (segmentation inside the rules) counts for the inner stage only."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.tokens = 0
        self._inner: list[float] = []  # per open call: time taken by calls inside it

    def wrap(self, stage: str, fn: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            self._inner.append(0.0)
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - start
                own = elapsed - self._inner.pop()
                self.seconds[stage] = self.seconds.get(stage, 0.0) + own
                if self._inner:
                    self._inner[-1] += elapsed

        return timed


class _TimedHead:
    """A head whose calls are timed as ``forward``; everything else passes through."""

    def __init__(self, head: Any, clock: _Clock) -> None:
        self._head, self._call = head, clock.wrap("forward", head)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._call(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._head, name)


@contextmanager
def _instrumented(loaded: Any | None) -> Iterator[_Clock]:
    """Time the stages inside predict() itself, so they add up to its total: sentence
    splitting and word segmentation, subword windows, the heads' forward, the rules.
    Everything patched is put back on exit."""
    import phogov.predictor as predictor
    import phogov.text as text

    clock = _Clock()
    undo: list[tuple[Any, str, Any, bool]] = []

    def patch(obj: Any, name: str, value: Any) -> None:
        undo.append((obj, name, getattr(obj, name), name in vars(obj)))
        setattr(obj, name, value)

    for module, name, stage in ((predictor, "sentences", "segmentation"),
                                (text, "segment_words", "segmentation"),
                                (predictor, "_rules_backend", "rules")):
        patch(module, name, clock.wrap(stage, getattr(module, name)))
    if loaded is not None:
        encode = loaded.encoder.encode

        def counted(words: Any, *args: Any) -> Any:
            windows = encode(words, *args)
            clock.tokens += sum(len(w.input_ids) for w in windows)
            return windows

        patch(loaded.encoder, "encode", clock.wrap("subwords", counted))
        for head in ("ner", "topics"):
            if getattr(loaded, head) is not None:
                patch(loaded, head, _TimedHead(getattr(loaded, head), clock))
    try:
        yield clock
    finally:
        for obj, name, value, own in reversed(undo):
            if own:
                setattr(obj, name, value)
            else:  # was the class's method: drop the instance attribute
                delattr(obj, name)


class _Variant:
    """One variant, loaded and warmed in this process, ready for timed runs."""

    def __init__(self, name: str, model: str, runtime: str, docs: list[str], batch_size: int,
                 threads: int | None = None) -> None:
        from phogov.predictor import RULES, predict_documents
        from phogov.text import sentences

        if threads:
            import torch

            torch.set_num_threads(threads)
        self.name, self.model, self.runtime = name, model, runtime
        self.docs, self.batch_size = docs, batch_size
        self.n_chars = sum(len(d) for d in docs)
        self.n_sents = sum(len(sentences(d)) for d in docs)
        predict_documents(docs[:2], model, batch_size, runtime=runtime)  # load, warm caches
        self.loaded = None
        if model != RULES:
            from phogov.runtime import load_runtime_model

            self.loaded = load_runtime_model(model, runtime)
            self.runtime = self.loaded.runtime
        self.best: tuple[float, _Clock] | None = None

    def run_once(self) -> float:
        """One timed predict() over all the documents; the fastest run is kept."""
        from phogov.predictor import predict_documents

        if self.loaded is not None:
            self.loaded.encoder._cache.clear()  # every run starts as cold as the first
        with _instrumented(self.loaded) as clock:
            start = time.perf_counter()
            predict_documents(self.docs, self.model, self.batch_size, runtime=self.runtime)
            total = time.perf_counter() - start
        if self.best is None or total < self.best[0]:
            self.best = (total, clock)
        return total

    def result(self) -> dict[str, Any]:
        from phogov.predictor import RULES

        if self.best is None:
            self.run_once()
        total, clock = self.best
        stages = {k: clock.seconds.get(k, 0.0) for k in STAGES if k != "rest"}
        stages["rest"] = max(0.0, total - sum(stages.values()))
        forward = stages.get("forward") or None
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        return asdict(BenchResult(
            name=self.name, model=self.model,
            runtime=self.runtime if self.model != RULES else "-", documents=len(self.docs),
            characters=self.n_chars, sentences=self.n_sents, subword_tokens=clock.tokens,
            predict_seconds=total, chars_per_s=self.n_chars / total,
            sentences_per_s=self.n_sents / total, tokens_per_s=clock.tokens / total,
            peak_rss_mib=rss, forward_seconds=forward,
            predict_over_forward=total / forward if forward else None, stages=stages))


def run_variant(name: str, model: str, runtime: str, docs: list[str], batch_size: int,
                repeats: int = 1, threads: int | None = None) -> dict[str, Any]:
    """Time one variant in this process: the fastest of ``repeats`` runs, its stage times
    from inside that same run (peak RSS is this process's)."""
    variant = _Variant(name, model, runtime, docs, batch_size, threads)
    for _ in range(max(1, repeats)):
        variant.run_once()
    return variant.result()


def _variant_process(conn: Any, args: tuple) -> None:
    """A variant's own process: load, then one timed run per ``"run"``, the result at the end."""
    try:
        variant = _Variant(*args)
        conn.send(("ready", None))
        while conn.recv() == "run":
            conn.send(("ran", variant.run_once()))
        conn.send(("result", variant.result()))
    except Exception as exc:  # noqa: BLE001 - reported by the parent, naming the variant
        conn.send(("error", f"{type(exc).__name__}: {exc}"))


def _interleaved(todo: list[tuple[str, str, str]], docs: list[str], batch_size: int,
                 repeats: int, threads: int | None) -> list[dict[str, Any]]:
    """Each variant in its own process (its own peak RSS), all loaded first, then timed
    round-robin — rules, fp32, int8, onnx, rules, … — so that a burst of load from other
    jobs on a shared machine slows one round of every variant, not one variant."""
    ctx = multiprocessing.get_context("spawn")
    procs = []
    for name, path, runtime in todo:
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_variant_process,
                           args=(child, (name, path, runtime, docs, batch_size, threads)))
        proc.start()
        procs.append((name, parent, proc))

    def ask(name: str, conn: Any, message: str | None) -> Any:
        if message is not None:
            conn.send(message)
        try:
            kind, value = conn.recv()
        except EOFError:
            raise RuntimeError(f"bench variant {name!r}: its process died") from None
        if kind == "error":
            raise RuntimeError(f"bench variant {name!r}: {value}")
        return value

    try:
        for name, conn, _ in procs:
            ask(name, conn, None)  # loaded and warmed
        for round_ in range(max(1, repeats)):
            for name, conn, _ in procs:
                print(f"… round {round_ + 1}: {name}", flush=True)
                ask(name, conn, "run")
        return [ask(name, conn, "done") for name, conn, _ in procs]
    finally:
        for _, _conn, proc in procs:
            proc.join(timeout=30)
            if proc.is_alive():
                proc.terminate()


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
    try:  # what predict() runs with no runtime= ($PHOGOV_RUNTIME, else auto)
        default = choose_runtime(path, None, device="cpu")
    except (ValueError, RuntimeError):
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
              repeats: int = 2, threads: int | None = None) -> list[dict[str, Any]]:
    """Run every variant on the same texts; print the tables; write JSON if asked."""
    import torch

    if threads:
        torch.set_num_threads(threads)

    todo, notes = variants(model, runtimes or ["rules", "fp32", "int8", "onnx"], baseline)
    docs = input_documents(inputs, sentences) if inputs else seed_documents(sentences)
    results = _interleaved(todo, docs, batch_size, repeats, threads)
    tokens = next((r["subword_tokens"] for r in results if r["subword_tokens"]), 0)
    for r in results:  # the rules read no subwords: count the model's for the same texts
        if not r["subword_tokens"] and tokens:
            r["subword_tokens"], r["tokens_per_s"] = tokens, tokens / r["predict_seconds"]
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
    staged = [r for r in results if r["stages"]]  # every variant
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
