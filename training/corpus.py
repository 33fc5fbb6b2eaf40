"""Pretraining text: corpus files → unique, gold-free documents → segmented sentences.

Raw ``.txt`` / ``.jsonl[.gz]`` files are read (``iter_documents``), duplicate
documents are dropped and so is every document sharing several 10-word runs with
an excluded text (the dev golds: the backbone must not have read the articles it
is judged on; VNTC's dev split: ``train-topics`` is scored on it), then each is
segmented PhoBERT-style (``Bí_thư Thành_ủy``) into a cache file reused by later
runs. The default corpus is VNTC's training split plus the bundled weak corpus.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from tqdm.auto import tqdm

from phogov.readers import DataFileError, FailFast, json_objects, read_lines

logger = logging.getLogger(__name__)

PathLike = str | os.PathLike
SEGMENTED_CACHE = "segmented.txt"
VNTC_DIR = Path("../shared/vntc")  # relative to the working directory, as in the README


def _bundled(name: str) -> Path:
    import phogov.data

    return Path(phogov.data.__file__).parent / name


def default_corpus() -> list[str]:
    """VNTC train (../shared/vntc, from the repository root) + the bundled weak corpus."""
    vntc = VNTC_DIR / "train.jsonl.gz"
    if not vntc.is_file():
        raise FileNotFoundError(
            f"the default pretraining corpus needs {vntc} (run from the repository root, "
            "next to ../shared), or name the files with --corpus"
        )
    return [str(vntc), str(_bundled("gov_news.jsonl.gz"))]


def default_exclusions() -> list[str]:
    """Texts no pretraining document may share: the bundled golds (dev and held-out
    test) and VNTC dev."""
    from phogov.training.weak_corpus import default_exclude

    files = default_exclude()
    if (VNTC_DIR / "dev.jsonl.gz").is_file():
        files.append(str(VNTC_DIR / "dev.jsonl.gz"))
    return files


def resolve_exclusions(exclude: Sequence[PathLike] | None) -> list[str]:
    """``None`` → ``default_exclusions()``; ``["none"]`` → nothing; else the files given."""
    if exclude is None:
        return default_exclusions()
    names = [str(f) for f in exclude]
    if [n.lower() for n in names] == ["none"]:
        return []
    for n in names:
        if not Path(n).is_file():
            raise FileNotFoundError(f"exclusion file not found: {n}")
    return names


def exclusion_shingles(files: Sequence[PathLike]) -> set[str]:
    """Word 10-grams of every record (gold sentence, article) long enough to identify
    its article, the test ``weak_corpus.select_documents`` applies."""
    from phogov.training.weak_corpus import MIN_GOLD_SENTENCE, _key, _shingles

    keys: set[str] = set()
    for text in iter_documents(files):
        if len(_key(text)) >= MIN_GOLD_SENTENCE:
            keys |= _shingles(text)
    return keys


def unique_documents(
    files: Sequence[PathLike], max_lines: int | None, exclude: Sequence[PathLike]
) -> tuple[list[str], dict[str, int]]:
    """The corpus's documents without duplicates and without the excluded articles
    (``weak_corpus.select_documents``: the rule weak labelling uses); counts dropped."""
    from phogov.training.weak_corpus import select_documents

    docs = ((str(i), text) for i, text in enumerate(iter_documents(files, max_lines)))
    kept, dropped = select_documents(docs, exclusion_shingles(exclude) if exclude else set())
    return [text for _, text in kept], dropped


def iter_documents(files: Sequence[PathLike], max_lines: int | None = None) -> Iterator[str]:
    """Raw texts from ``.txt`` (one record per non-empty line) and ``.jsonl[.gz]``
    (one record per line, its ``"text"`` field) files, at most ``max_lines`` records.

    A ``.txt`` line is a paragraph; treating it as a document only affects how MLM
    chunks are packed (never across documents), so the simplest reading is kept.
    """
    n = 0
    for f in files:
        path = Path(f)
        if not path.is_file():
            raise FileNotFoundError(f"corpus file not found: {path}")
        name = path.name.lower()
        is_gz = name.endswith(".gz")
        base = name[:-3] if is_gz else name
        if base.endswith(".jsonl") or base.endswith(".json"):
            kind = "jsonl"
        elif base.endswith(".txt"):
            kind = "txt"
        else:
            raise ValueError(f"{path}: corpus files must be .txt, .jsonl or .jsonl.gz")
        # the one reader (``phogov.readers``): the first bad line stops the run, named
        sink = FailFast(path)
        if kind == "jsonl":
            records: Iterator[tuple[int, Any]] = json_objects(path, sink)
        else:
            records = ((number, line) for number, line in read_lines(path, sink)
                       if line.strip())
        for number, record in records:
            if max_lines is not None and n >= max_lines:
                return
            if kind == "jsonl":
                text = record.get("text")
                if not isinstance(text, str):
                    raise DataFileError(path, [(number, 'record has no "text" string')])
            else:
                text = record.strip()
            n += 1
            if text.strip():
                yield text


def _segment_doc(job: tuple[str, str]) -> list[str]:
    """Worker: one raw document → its PhoBERT-style segmented sentences."""
    from phogov.text import segmented_sentences

    text, segmenter = job
    return segmented_sentences(text, segmenter)


def _corpus_fingerprint(
    files: Sequence[PathLike], max_lines: int | None, segmenter: str,
    exclude: Sequence[PathLike] = (),
) -> dict[str, Any]:
    """What a segmented cache depends on; a changed file or option invalidates it."""

    def entries(names: Sequence[PathLike]) -> list[list[Any]]:
        out = []
        for f in names:
            st = Path(f).stat()
            out.append([str(Path(f).resolve()), st.st_size, int(st.st_mtime)])
        return out

    return {"files": entries(files), "max_lines": max_lines, "segmenter": segmenter,
            "exclude": entries(exclude), "format": 2}


def segment_corpus(
    files: Sequence[PathLike],
    cache_path: PathLike,
    max_lines: int | None = None,
    processes: int = 2,
    segmenter: str = "pyvi",
    exclude: Sequence[PathLike] = (),
) -> Path:
    """Word-segment a corpus into ``cache_path``: one sentence per line, a blank line
    between documents. Duplicate documents and those sharing an ``exclude`` file's
    article (``unique_documents``) are left out. Reused when the inputs are unchanged
    (so a resumed pretraining run does not re-segment 15M syllables); written
    atomically, so an interrupted run never leaves a half cache that looks complete.
    """
    cache = Path(cache_path)
    meta_path = cache.with_suffix(cache.suffix + ".json")
    fingerprint = _corpus_fingerprint(files, max_lines, segmenter, exclude)
    if cache.is_file() and meta_path.is_file():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            meta = {}
        if meta.get("fingerprint") == fingerprint:
            logger.info("reusing segmented corpus %s", cache)
            return cache
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(cache.suffix + ".part")
    start = time.time()
    docs, dropped = unique_documents(files, max_lines, exclude)
    logger.info("%d documents; left out: %s", len(docs), dropped or "none")
    if not docs:
        raise ValueError(
            f"no documents left in {', '.join(map(str, files))} (left out: {dropped or 'none'}; "
            "'gold' = sharing an article with an --exclude file)"
        )
    n_docs = n_sents = n_words = 0
    with open(tmp, "w", encoding="utf-8") as out:

        def write(sents: list[str]) -> None:
            nonlocal n_docs, n_sents, n_words
            sents = [s for s in sents if s.strip()]
            if not sents:
                return
            out.write("\n".join(sents))
            out.write("\n\n")
            n_docs += 1
            n_sents += len(sents)
            n_words += sum(s.count(" ") + 1 for s in sents)

        bar = tqdm(total=len(docs), desc="segmenting", unit="doc", mininterval=2.0)
        if processes > 1:
            import multiprocessing as mp

            # fork where available: spawn would re-run a caller's unguarded script, and
            # nothing has started torch/OpenMP threads yet when the corpus is segmented.
            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            with mp.get_context(method).Pool(processes) as pool:
                jobs = ((text, segmenter) for text in docs)
                for sents in pool.imap(_segment_doc, jobs, chunksize=8):
                    write(sents)
                    bar.update()
        else:
            for text in docs:
                write(_segment_doc((text, segmenter)))
                bar.update()
        bar.close()
    os.replace(tmp, cache)
    elapsed = time.time() - start
    meta = {
        "fingerprint": fingerprint,
        "documents": n_docs,
        "dropped_documents": dropped,
        "sentences": n_sents,
        "words": n_words,
        "seconds": round(elapsed, 1),
        "sentences_per_second": round(n_sents / max(elapsed, 1e-9), 1),
    }
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    logger.info("segmented %d docs / %d sentences in %.1fs", n_docs, n_sents, elapsed)
    return cache


def iter_segmented(cache_path: PathLike) -> Iterator[list[str]]:
    """Documents (lists of segmented sentences) back from a ``segment_corpus`` cache."""
    doc: list[str] = []
    with open(cache_path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line:
                doc.append(line)
            elif doc:
                yield doc
                doc = []
    if doc:
        yield doc

