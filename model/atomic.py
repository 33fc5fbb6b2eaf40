"""Directory outputs that appear whole or not at all.

An export killed half-way (Ctrl-C, a full disk) must not leave a directory
that looks like a model but lacks a head: the work is done in a hidden staging
directory beside the target and renamed into place at the end.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
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


def publish_training_output(out: str | os.PathLike[str], write: Callable[[Path], None],
                            keep_checkpoints: bool = False) -> Path:
    """Write a trained model directory whole: ``write(staging)`` fills a staging dir that
    replaces ``out`` at the end.

    During training ``out`` holds only ``checkpoints/`` (so an interrupted run resumes);
    they are removed, or moved into the new directory with ``keep_checkpoints``. A run
    killed while writing leaves the previous ``out`` as it was, never a model without a
    head or a manifest.
    """
    out = Path(out)
    work = out / "checkpoints"
    held = out.parent / f".{out.name}.checkpoints"
    shutil.rmtree(held, ignore_errors=True)
    if work.is_dir():
        if keep_checkpoints:
            os.replace(work, held)
        else:
            shutil.rmtree(work, ignore_errors=True)
    try:
        with atomic_dir(out) as staging:
            write(staging)
            if held.is_dir():
                os.replace(held, staging / "checkpoints")
    finally:
        if held.is_dir():  # the write failed: the checkpoints go back where they were
            os.replace(held, work)
    return out
