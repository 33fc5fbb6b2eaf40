"""Directory outputs that appear whole or not at all.

An export killed half-way (Ctrl-C, a full disk) must not leave a directory
that looks like a model but lacks a head: the work is done in a hidden staging
directory beside the target and renamed into place at the end.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from phogov.errors import PhogovError


def _replaceable(out: Path, marker: str) -> bool:
    return out.is_dir() and (not any(out.iterdir()) or (out / marker).is_file())


@contextmanager
def atomic_dir(out: str | os.PathLike[str], marker: str = "phogov.json") -> Iterator[Path]:
    """Yield an empty staging directory (named like ``out``) to fill; on success it
    replaces ``out``, on any exception it is removed and ``out`` is left as it was.

    An existing ``out`` is replaced only if it is empty or holds ``marker`` (an
    earlier output of the same kind), never an unrelated directory or a file.
    """
    out = Path(out)
    if out.exists() and not _replaceable(out, marker):
        kind = "a file" if not out.is_dir() else f"a non-empty directory without {marker}"
        raise PhogovError(f"{out} exists and is {kind}; choose another output path")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent))
    try:
        work = staging / out.name
        work.mkdir()
        yield work
        if out.exists():
            os.replace(out, staging / f"{out.name}.old")
        os.replace(work, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
