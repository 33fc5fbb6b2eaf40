"""The one way phogov reads data files, with one error policy: ``file:line: problem``.

Gold and training data (``phogov.training.gold_io``), topic files, pretraining and
prediction corpora and saved results all read through here: lines decoded one by one
(a bad byte is reported at its line, a BOM dropped, a truncated ``.gz`` named), JSON
objects checked, and problems either collected and raised together
(:class:`DataFileError`, for labelled data: every problem of a file at once) or raised
at the first one (:class:`FailFast`, for corpora too long to check before work starts).
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from phogov.errors import PhogovError

MAX_LISTED_ERRORS = 50

Problems = list[tuple[int | None, str]]


class DataFileError(PhogovError, ValueError):
    """Every problem found in one file, each as ``file:line: problem`` (one per line).

    ``errors`` keeps the full list as ``(line, problem)``; ``line`` is ``None``
    for problems of the file as a whole (missing file, unknown extension).
    """

    def __init__(self, path: str | Path, errors: Problems):
        self.path = str(path)
        self.errors = list(errors)
        lines = [_locate(self.path, line, msg) for line, msg in self.errors[:MAX_LISTED_ERRORS]]
        rest = len(self.errors) - MAX_LISTED_ERRORS
        if rest > 0:
            lines.append(f"... and {rest} more error(s) in {self.path}")
        if len(self.errors) == 1:
            message = lines[0]
        else:
            message = f"{len(self.errors)} errors in {self.path}:\n" + "\n".join(lines)
        super().__init__(message)


def _locate(path: str, line: int | None, msg: str) -> str:
    return f"{path}: {msg}" if line is None else f"{path}:{line}: {msg}"


class FailFast(list):
    """An error sink for :func:`read_lines`/:func:`json_objects` that raises at the first
    problem, as ``file:line: problem``: ``wrap`` builds the exception from that message
    (default: a :class:`DataFileError` of the one problem)."""

    def __init__(self, path: str | Path, wrap: Callable[[str], Exception] | None = None):
        super().__init__()
        self.path = str(path)
        self.wrap = wrap

    def append(self, item: tuple[int | None, str]) -> None:  # type: ignore[override]
        line, problem = item
        if self.wrap is None:
            raise DataFileError(self.path, [item])
        raise self.wrap(_locate(self.path, line, problem))


def file_stem(path: Path) -> str:
    """A file's name without its data suffixes (``a.jsonl.gz`` → ``a``): default doc ids."""
    name = path.name
    for suffix in (".jsonl.gz", ".conll.gz", ".iob.gz", ".bio.gz", ".txt.gz"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def check_file(path: Path) -> None:
    """Raise unless ``path`` is an existing file (a directory is named as such)."""
    if not path.exists():
        raise DataFileError(path, [(None, "no such file")])
    if path.is_dir():
        raise DataFileError(path, [(None, "is a directory, expected a file")])


def read_lines(path: Path, errors: Problems) -> Iterator[tuple[int, str]]:
    """Yield (1-based line number, decoded line without the line break).

    Decoding is per line so one bad byte is reported at its line and the rest of
    the file is still checked; a leading BOM is dropped.
    """
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    number = 0
    try:
        with opener(path, "rb") as fh:
            for number, raw in enumerate(fh, start=1):
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    errors.append((number, f"not valid UTF-8 ({exc.reason} at byte {exc.start})"))
                    continue
                if number == 1 and line.startswith("\ufeff"):
                    line = line[1:]
                yield number, line.rstrip("\r\n")
    except (OSError, EOFError, zlib.error) as exc:  # truncated or non-gzip .gz file
        what = ("not a gzip file" if isinstance(exc, gzip.BadGzipFile)
                else "the file breaks off here" if isinstance(exc, EOFError)
                else "cannot read the file from here")
        errors.append((number + 1, f"{what} ({type(exc).__name__}: {exc})"))


def json_objects(
    path: Path, errors: Problems
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each JSON-object line; record bad lines, skip blanks."""
    for number, line in read_lines(path, errors):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append((number, f"bad JSON: {exc.msg} (column {exc.colno})"))
            continue
        except ValueError as exc:  # an integer beyond Python's 4,300-digit conversion limit
            errors.append((number, f"bad JSON: {str(exc).split(';')[0]}"))
            continue
        except RecursionError:
            errors.append((number, "bad JSON: nested too deeply"))
            continue
        if not isinstance(obj, dict):
            errors.append((number, f"expected a JSON object, got {type_name(obj)}"))
            continue
        yield number, obj


def type_name(value: Any) -> str:
    """The JSON name of a value's type, for messages."""
    if value is None:
        return "null"
    return {dict: "object", list: "array", str: "string", bool: "boolean"}.get(
        type(value), "number" if isinstance(value, (int, float)) else type(value).__name__
    )


def read_txt(path: Path) -> str:
    """A UTF-8 text file (a BOM dropped); bad bytes are a ``file:line`` error."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataFileError(path, [(line, f"not valid UTF-8 ({exc.reason})")]) from None
