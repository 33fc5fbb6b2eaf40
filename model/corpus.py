"""``phogov predict --input PATH… --out OUT``: a whole corpus through predict(), resumably.

Inputs are streamed one document at a time (a ``.txt`` file is one document, id = its
stem; a folder = its ``.txt`` files, recursively, id = path inside the folder without
``.txt``; ``.jsonl``/``.jsonl.gz`` = one ``{"id", "text"}`` object per line, id defaulting
to ``<stem>-<index>``), so memory does not grow with the corpus — only with the number of
ids, which are kept to skip done and duplicate documents.

Output, appended and flushed after every batch of documents:

- JSONL (default): one line per document, ``{"id", "entities", "sentences", "topics"}``
  as ``predict()`` returns them, or ``{"id", "error"}`` if that document failed.
- CSV (``--format csv``): one row per entity (id, start, end, label, text, score, values,
  unit, titles) for spreadsheets; ``OUT.progress`` beside it lists the finished ids and
  the CSV's length after each, since a document without entities writes no row.

Resuming: ids already in OUT are skipped. A run killed mid-write leaves at most a
half-written last line; it is cut off (JSONL), or the CSV is cut back to the length the
progress file last recorded, and the run goes on. Every id ends up exactly once.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from phogov.errors import PhogovError
from phogov.readers import FailFast, json_objects, read_lines
from phogov.readers import file_stem as _stem

JSONL, CSV = "jsonl", "csv"
CSV_FIELDS = ("id", "start", "end", "label", "text", "score", "values", "unit", "titles")
PROGRESS_SUFFIX = ".progress"


class CorpusError(PhogovError, ValueError):
    """Bad corpus input or output file; the message names the file (and line)."""


@dataclass
class Document:
    id: str
    text: str
    where: str  # file:line, for messages


# --------------------------------------------------------------------------- reading


def _input_files(paths: Sequence[str | os.PathLike[str]]) -> Iterator[tuple[Path, Path | None]]:
    """(file, folder it was found in or None) for every input, folders expanded."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() == ".txt")
            if not found:
                raise CorpusError(f"{p}: the folder holds no .txt files")
            for f in found:
                yield f, p
        elif p.is_file():
            name = p.name.lower()
            if not name.endswith((".txt", ".jsonl", ".jsonl.gz")):
                raise CorpusError(f"{p}: unknown input type; expected .txt, a folder of .txt, "
                                  ".jsonl or .jsonl.gz")
            yield p, None
        else:
            raise CorpusError(f"{p}: no such file or folder")


def iter_documents(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Document]:
    """Every document of the inputs, in order, one at a time (see the module doc)."""
    for file, folder in _input_files(paths):
        if file.name.lower().endswith(".txt"):
            doc_id = _stem(file) if folder is None else \
                file.relative_to(folder).with_suffix("").as_posix()
            yield Document(doc_id, _read_txt(file), str(file))
        else:
            yield from _iter_jsonl(file)


def _read_txt(path: Path) -> str:
    from phogov.readers import DataFileError, read_txt

    try:
        return read_txt(path)
    except DataFileError as exc:  # the corpus command's own error class, same message
        raise CorpusError(str(exc)) from None


def _iter_jsonl(path: Path) -> Iterator[Document]:
    """The documents of one JSON-lines file, through the one reader (``phogov.readers``):
    its first problem stops the run as ``file:line: problem`` before more work is done."""
    stem = _stem(path)
    index = 0
    for number, obj in json_objects(path, FailFast(path, CorpusError)):
        where = f"{path}:{number}"
        if not isinstance(obj.get("text"), str):
            raise CorpusError(f"{where}: expected an object with a string 'text' field")
        doc_id = obj.get("id", f"{stem}-{index}")
        if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or doc_id == "":
            raise CorpusError(f"{where}: 'id' must be a non-empty string or integer, "
                              f"got {doc_id!r}")
        index += 1
        yield Document(str(doc_id), obj["text"], where)


def count_documents(paths: Sequence[str | os.PathLike[str]]) -> int:
    """How many documents the inputs hold (a quick pass, for the progress bar's total)."""
    n = 0
    for file, _ in _input_files(paths):
        if file.name.lower().endswith(".txt"):
            n += 1
            continue
        n += sum(1 for _n, line in read_lines(file, FailFast(file, CorpusError))
                 if line.strip())
    return n


# --------------------------------------------------------------------------- writing, resuming


def _repair_tail(path: Path) -> int:
    """Cut a half-written last line off ``path``; returns how many bytes were cut."""
    size = path.stat().st_size
    if size == 0:
        return 0
    with open(path, "rb+") as fh:
        pos = size
        while pos > 0:  # find the last newline, reading backwards in blocks
            step = min(65536, pos)
            fh.seek(pos - step)
            block = fh.read(step)
            k = block.rfind(b"\n")
            if k >= 0:
                end = pos - step + k + 1
                break
            pos -= step
        else:
            end = 0
        if end < size:
            fh.truncate(end)
    return size - end


def _done_ids(path: Path, key: str = "id") -> tuple[set[str], list[int]]:
    """Ids of the complete JSON lines of ``path`` (tail repaired) and the ``end`` offsets
    of the last line (progress files)."""
    if not path.exists():
        return set(), []
    cut = _repair_tail(path)
    if cut:
        print(f"{path}: removed a half-written last line ({cut} bytes)", file=sys.stderr)
    done: set[str] = set()
    last: list[int] = []
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
                done.add(str(obj[key]))
            except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError):
                raise CorpusError(f"{path}:{number}: not a line phogov wrote (no JSON with "
                                  f"{key!r}); give another --out or remove the file") from None
            if "end" in obj:
                last = [int(obj["end"])]
    return done, last


class JsonlWriter:
    """OUT.jsonl: one line per document, appended."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.done, _ = _done_ids(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(out, "ab")

    def write(self, doc_id: str, result: dict[str, Any] | None, error: str | None) -> None:
        record = {"id": doc_id, **result} if error is None else {"id": doc_id, "error": error}
        self.fh.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))

    def flush(self) -> None:
        self.fh.flush()

    def close(self) -> None:
        self.fh.close()


class CsvWriter:
    """OUT.csv: one row per entity; ``OUT.csv.progress``: finished ids and the CSV length."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.progress_path = out.with_name(out.name + PROGRESS_SUFFIX)
        self.done, last = _done_ids(self.progress_path)
        out.parent.mkdir(parents=True, exist_ok=True)
        if out.exists() and out.stat().st_size and not self.progress_path.exists():
            raise CorpusError(f"{out} exists without {self.progress_path.name}, so which "
                              "documents it holds is unknown; give another --out or remove it")
        header = _csv_line(CSV_FIELDS)
        if not out.exists() or out.stat().st_size == 0:
            out.write_bytes(header)
        keep = last[0] if last else len(header)
        if out.stat().st_size > keep:  # rows of a document whose id was never recorded
            with open(out, "rb+") as fh:
                fh.truncate(keep)
        self.fh = open(out, "ab")
        self.progress = open(self.progress_path, "ab")
        self.pending: list[dict[str, Any]] = []

    def write(self, doc_id: str, result: dict[str, Any] | None, error: str | None) -> None:
        for e in (result or {}).get("entities", []):
            values = ";".join(format(v, ".15g") for v in e.get("values") or [])
            self.fh.write(_csv_line([doc_id, e["start"], e["end"], e["label"], e["text"],
                                     f"{e['score']:.4f}", values, e.get("unit") or "",
                                     "; ".join(e.get("titles") or [])]))
        self.pending.append({"id": doc_id, "error": error} if error else {"id": doc_id})

    def flush(self) -> None:
        """Rows first, then the ids with the CSV length: a crash between leaves rows that
        the next run cuts off (their ids are not recorded), never a recorded id without rows."""
        self.fh.flush()
        end = self.fh.tell()
        for record in self.pending:
            line = json.dumps({**record, "end": end}, ensure_ascii=False) + "\n"
            self.progress.write(line.encode("utf-8"))
        self.pending = []
        self.progress.flush()

    def close(self) -> None:
        self.fh.close()
        self.progress.close()


def _csv_line(row: Iterable[Any]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(list(row))
    return buf.getvalue().encode("utf-8")


def open_writer(out: str | os.PathLike[str], fmt: str = JSONL) -> JsonlWriter | CsvWriter:
    if fmt not in (JSONL, CSV):
        raise ValueError(f"--format must be {JSONL} or {CSV}, got {fmt!r}")
    return (JsonlWriter if fmt == JSONL else CsvWriter)(Path(out))


# --------------------------------------------------------------------------- predicting


_WORKER: dict[str, Any] = {}


def _fatal() -> tuple[type[BaseException], ...]:
    """Errors of the model or the machine, not of one document: they stop the run."""
    from phogov.modeling import ModelLoadError
    from phogov.runtime import RuntimeUnavailable

    return (ModelLoadError, RuntimeUnavailable, ImportError, MemoryError)


def _init_worker(settings: dict[str, Any], threads: int | None) -> None:
    _WORKER.update(settings)
    if threads:
        import torch

        torch.set_num_threads(threads)


def predict_batch(batch: list[tuple[str, str]], settings: dict[str, Any] | None = None
                  ) -> list[tuple[str, dict[str, Any] | None, str | None]]:
    """(id, predict() result, None) per document, or (id, None, error) for one that failed.

    A batch that fails is retried document by document, so one bad text costs only
    itself; failures of the model itself (loading, a missing runtime) stop the run.
    """
    from phogov.predictor import predict_documents

    s = settings if settings is not None else _WORKER

    def run(texts: list[str]) -> list[dict[str, Any]]:
        return [p.to_dict() for p in predict_documents(
            texts, s.get("model"), s.get("batch_size", 32), s.get("pure", False),
            s.get("runtime"))]

    try:
        return [(i, r, None) for (i, _), r in zip(batch, run([t for _, t in batch]))]
    except _fatal():
        raise
    except Exception as exc:  # noqa: BLE001 - retried one by one below
        if len(batch) == 1:
            return [(batch[0][0], None, f"{type(exc).__name__}: {exc}")]
    out: list[tuple[str, dict[str, Any] | None, str | None]] = []
    for doc_id, text in batch:
        try:
            out.append((doc_id, run([text])[0], None))
        except _fatal():
            raise
        except Exception as exc:  # noqa: BLE001 - recorded in the output, the run goes on
            out.append((doc_id, None, f"{type(exc).__name__}: {exc}"))
    return out


def pending_documents(inputs: Sequence[str], done: set[str], stats: dict[str, Any]
                      ) -> Iterator[tuple[str, str]]:
    """(id, text) of the documents still to do; skipped and duplicate ids are counted."""
    seen: set[str] = set()
    for doc in iter_documents(inputs):
        if doc.id in seen:
            stats["duplicates"] += 1
            if stats["duplicates"] <= 3:
                print(f"{doc.where}: duplicate id {doc.id!r} skipped", file=sys.stderr)
            continue
        seen.add(doc.id)
        if doc.id in done:
            stats["skipped"] += 1
            continue
        yield doc.id, doc.text


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_corpus(inputs: Sequence[str], out: str, model: str | None = None, fmt: str = JSONL,
               workers: int = 1, batch_docs: int = 16, batch_size: int = 32,
               runtime: str | None = None, pure: bool = False, engine: str = "local",
               progress: bool = True, ray_options: dict[str, Any] | None = None,
               ) -> dict[str, Any]:
    """Predict every document of ``inputs`` into ``out``; returns counts for the summary."""
    from tqdm.auto import tqdm

    from phogov.predictor import RULES, resolve_model

    if workers < 1 or batch_docs < 1:
        raise ValueError("--workers and --batch-docs must be at least 1")
    if engine not in ("local", "ray"):
        raise ValueError(f"--engine must be local or ray, got {engine!r}")
    name = resolve_model(model)
    if name != RULES:  # fail now, not in every worker: a bad model or runtime
        from phogov.runtime import choose_runtime, requested_runtime

        choose_runtime(name, runtime, device="cpu")
        runtime = requested_runtime(runtime)  # $PHOGOV_RUNTIME read here, for every worker
    total = count_documents(inputs)
    writer = open_writer(out, fmt)
    stats: dict[str, Any] = {"documents": 0, "errors": 0, "skipped": 0, "duplicates": 0,
                             "already_done": len(writer.done)}
    settings = {"model": name if engine == "local" else model, "batch_size": batch_size,
                "pure": pure, "runtime": runtime}
    todo = pending_documents(inputs, writer.done, stats)
    bar = tqdm(total=max(0, total - len(writer.done)), unit="doc", disable=not progress,
               desc="predict", smoothing=0.1)
    try:
        if engine == "ray":
            from phogov.ray_engine import predict_stream

            results = predict_stream(todo, settings, batch_docs=batch_docs,
                                     **(ray_options or {}))
        else:
            results = _local_results(todo, settings, workers, batch_docs)
        for chunk in results:
            for doc_id, result, error in chunk:
                writer.write(doc_id, result, error)
                stats["errors"] += error is not None
            writer.flush()
            stats["documents"] += len(chunk)
            bar.update(len(chunk))
    finally:
        bar.close()
        writer.close()
    return stats


def _local_results(todo: Iterator[tuple[str, str]], settings: dict[str, Any], workers: int,
                   batch_docs: int) -> Iterator[list[tuple[str, Any, str | None]]]:
    """Batches of results in input order; with workers, at most 2 batches per worker in
    flight, so memory stays flat whatever the corpus size."""
    if workers == 1:
        for batch in batched(todo, batch_docs):
            yield predict_batch(batch, settings)
        return
    import multiprocessing

    threads = max(1, (os.cpu_count() or 1) // workers)
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(settings, threads)) as pool:
        in_flight: deque = deque()
        for batch in batched(todo, batch_docs):
            in_flight.append(pool.submit(predict_batch, batch))
            while len(in_flight) >= 2 * workers:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
