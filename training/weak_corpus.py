"""Weak labels at scale: many documents → rules → one cached ``datasets`` directory.

Documents are labelled in fixed shards (``shards/00042.parquet``), each written
atomically, so an interrupted run resumes where it stopped; ``--workers N``
labels shards in parallel processes. Which sentences are kept:

- every sentence with at least one entity or one topic;
- a seeded share (``keep_empty``, default 0.25) of the others, so the model also
  sees plain sentences without learning that "nothing" is the usual answer.

Documents whose text contains a sentence of a gold file (``exclude``) are left
out, so dev articles never leak into weak training. Duplicate documents (same
normalised text, e.g. an article in both VNTC and the government corpus) are
labelled once. A document on which a rule raises is left out and named, with its
error, in the manifest's ``failed_documents`` (and counted among the dropped), so
one bad article does not stop hours of labelling and is not lost silently.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tqdm.auto import tqdm

from phogov.segment import DEFAULT_SEGMENTER

MANIFEST = "weak_corpus.json"
MIN_GOLD_SENTENCE = 40  # shorter gold sentences (headlines, bylines) may repeat innocently


@dataclass
class WeakCorpusArgs:
    """Parameters of one weak corpus; a resumed run must use the same ones."""

    inputs: list[str]
    out: str
    shard_size: int = 400
    workers: int = 1
    keep_empty: float = 0.25
    exclude: list[str] = field(default_factory=list)
    segmenter: str = DEFAULT_SEGMENTER
    seed: int = 42
    limit: int | None = None
    shuffle: bool = False


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


SHINGLE = 10  # words: runs this long shared with gold sentences mark the same article …
MIN_SHARED = 5  # … when there are several (one may be a stock phrase of the genre)


def default_exclude() -> list[str]:
    """The golds shipped with the package (``gold_*.jsonl``: dev and held-out test):
    their articles never enter weak training."""
    import phogov.data

    root = Path(phogov.data.__file__).parent
    return [str(p) for p in sorted(root.glob("gold_*.jsonl"))]


def _shingles(text: str) -> set[str]:
    words = _key(text).split()
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}


def gold_shingles(files: Sequence[str | Path]) -> set[str]:
    """Word 10-grams of the gold sentences long enough to identify their article."""
    from phogov.training.gold_io import read_labelled

    keys: set[str] = set()
    for f in files:
        for g in read_labelled(f):
            if len(_key(g.text)) >= MIN_GOLD_SENTENCE:
                keys |= _shingles(g.text)
    return keys


def select_documents(
    documents: Iterable[tuple[str, str]], exclude: set[str]
) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """Unique documents sharing under MIN_SHARED 10-word runs with the gold; counts dropped."""
    seen: set[str] = set()
    kept: list[tuple[str, str]] = []
    dropped: Counter = Counter()
    for doc_id, text in documents:
        digest = hashlib.sha1(_key(text).encode("utf-8", "surrogatepass")).hexdigest()
        if digest in seen:
            dropped["duplicate"] += 1
            continue
        seen.add(digest)
        if exclude and len(exclude & _shingles(text)) >= MIN_SHARED:
            dropped["gold"] += 1
            continue
        kept.append((doc_id, text))
    return kept, dict(dropped)


def shuffled(documents: list[tuple[str, str]], seed: int) -> list[tuple[str, str]]:
    """Documents in a seeded order independent of the input's (VNTC is sorted by section).

    With ``--shuffle`` every prefix of the shards is a sample of all sections, so the
    finished shards of a long run that is still going (or was stopped) can be trained
    on (``phogov train --weak OUT/shards``).
    """
    def rank(doc: tuple[str, str]) -> str:
        return hashlib.sha1(f"{seed}\0{doc[0]}\0{_key(doc[1])}".encode("utf-8",
                            "surrogatepass")).hexdigest()

    return sorted(documents, key=rank)


def keep_sentence(doc_id: str, sent_id: int, has_label: bool, keep_empty: float, seed: int) -> bool:
    """The keep policy, deterministic per sentence (not per worker or order)."""
    if has_label:
        return True
    h = hashlib.blake2b(f"{seed}/{doc_id}/{sent_id}".encode("utf-8", "surrogatepass"),
                        digest_size=8).digest()
    return int.from_bytes(h, "big") / 2**64 < keep_empty


def _label_shard(job: tuple[int, list[tuple[str, str]], str, float, int, str]) -> tuple[int, dict]:
    """Worker: label one shard and write it atomically as parquet; return its counts."""
    from datasets import Dataset

    from phogov.training.weak_dataset import features, label_counts, label_documents

    index, docs, segmenter, keep_empty, seed, shard_dir = job
    rows: list[dict] = []
    failed: dict[str, str] = {}
    for doc in docs:
        # one document that trips a rule must not cost hours of labelling: it is left
        # out, and named with its error in the shard's stats and the manifest
        try:
            rows.extend(label_documents([doc], segmenter, progress=False))
        except Exception as exc:  # noqa: BLE001 - reported, not swallowed
            failed[doc[0]] = f"{type(exc).__name__}: {exc}"
    total = len(rows)
    rows = [
        r for r in rows
        if keep_sentence(r["doc_id"], r["sent_id"], any(r["ner_tags"]) or any(r["topics"]),
                         keep_empty, seed)
    ]
    path = Path(shard_dir) / f"{index:05d}.parquet"
    tmp = path.with_suffix(".parquet.tmp")
    Dataset.from_list(rows, features=features()).to_parquet(str(tmp))
    os.replace(tmp, path)
    counts = label_counts(rows)
    return index, {
        "documents": len(docs),
        "sentences_seen": total,
        "sentences_kept": len(rows),
        "entities": dict(counts["entities"]),
        "topics": dict(counts["topics"]),
        "failed": failed,
    }


def build_weak_corpus(args: WeakCorpusArgs, progress: bool = True) -> dict[str, Any]:
    """Label ``args.inputs`` into ``args.out`` (a ``datasets`` dir); resumable; returns stats."""
    from datasets import concatenate_datasets, load_dataset

    from phogov.training.gold_io import read_text_inputs

    started = time.time()
    out = Path(args.out)
    shard_dir = out / "shards"
    shard_dir.mkdir(parents=True, exist_ok=True)
    manifest = out / MANIFEST
    params = {k: v for k, v in asdict(args).items() if k not in ("out", "workers")}
    if manifest.is_file():
        old = json.loads(manifest.read_text(encoding="utf-8")).get("params", {})
        # a parameter added since the run started counts as its default (False / None)
        old = {**{k: v for k, v in params.items() if k not in old and not v}, **old}
        if old != params:
            raise ValueError(
                f"{manifest}: this directory was started with other parameters "
                f"({_diff(old, params)}); use a new --out or delete it"
            )
    manifest.write_text(json.dumps({"params": params}, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")

    documents = read_text_inputs(args.inputs)
    exclude = gold_shingles(args.exclude) if args.exclude else set()
    documents, dropped = select_documents(documents, exclude)
    if args.shuffle:
        documents = shuffled(documents, args.seed)
    if args.limit is not None:
        documents = documents[: args.limit]
    if not documents:
        raise ValueError(f"no documents to label in {', '.join(args.inputs)}")
    shards = [documents[i:i + args.shard_size] for i in range(0, len(documents), args.shard_size)]
    stats_dir = out / "shard_stats"
    stats_dir.mkdir(exist_ok=True)
    todo = [
        (k, docs, args.segmenter, args.keep_empty, args.seed, str(shard_dir))
        for k, docs in enumerate(shards)
        if not (shard_dir / f"{k:05d}.parquet").is_file()
        or not (stats_dir / f"{k:05d}.json").is_file()
    ]
    bar = tqdm(total=len(documents), initial=len(documents) - sum(len(t[1]) for t in todo),
               desc="weak-labelling", unit="doc", disable=not progress, smoothing=0.05)

    def done(index: int, shard_stats: dict) -> None:
        (stats_dir / f"{index:05d}.json").write_text(json.dumps(shard_stats) + "\n")
        bar.update(shard_stats["documents"])

    if args.workers > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=args.workers) as pool:
            for index, shard_stats in pool.map(_label_shard, todo):
                done(index, shard_stats)
    else:
        for job in todo:
            done(*_label_shard(job))
    bar.close()

    files = [str(shard_dir / f"{k:05d}.parquet") for k in range(len(shards))]
    parts = [load_dataset("parquet", data_files=f, split="train") for f in files]
    ds = concatenate_datasets(parts)
    final = out / "dataset"
    tmp = out / "dataset.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    ds.save_to_disk(str(tmp))
    shutil.rmtree(final, ignore_errors=True)
    os.replace(tmp, final)

    total = Counter()
    ents: Counter = Counter()
    tops: Counter = Counter()
    failed: dict[str, str] = {}
    for k in range(len(shards)):
        s = json.loads((stats_dir / f"{k:05d}.json").read_text())
        failed.update(s.get("failed", {}))
        total.update({key: s[key] for key in ("documents", "sentences_seen", "sentences_kept")})
        ents.update(s["entities"])
        tops.update(s["topics"])
    stats = {
        "documents": total["documents"],
        "dropped_documents": {**dropped, **({"failed": len(failed)} if failed else {})},
        "failed_documents": failed,
        "sentences_seen": total["sentences_seen"],
        "sentences_kept": total["sentences_kept"],
        "entities": dict(sorted(ents.items())),
        "topics": dict(sorted(tops.items())),
        "seconds_this_run": round(time.time() - started, 1),
        "dataset": str(final),
    }
    manifest.write_text(json.dumps({"params": params, "stats": stats}, ensure_ascii=False,
                                   indent=1) + "\n", encoding="utf-8")
    return stats


def _diff(old: dict, new: dict) -> str:
    keys = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    return ", ".join(f"{k}: {old.get(k)!r} → {new.get(k)!r}" for k in keys)
