"""One error form for everything phogov reports about its input.

Every problem a user can fix (a bad file, a bad model directory, a bad option)
is a :class:`PhogovError`; the CLI prints it as one line, ``phogov CMD: error:
…``, and exits 2, never with a traceback. Problems tied to a place in a file
carry it as ``file:line: problem`` (:class:`InputError`), the form editors and
CI logs make clickable.
"""

from __future__ import annotations

from pathlib import Path


class PhogovError(Exception):
    """Base of the errors phogov raises about its input; the message says what to do."""


class InputError(PhogovError, ValueError):
    """A problem in an input file, located as ``file:line: problem`` (``file: problem``
    when it concerns the file as a whole)."""

    def __init__(self, path: str | Path, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {problem}")


class ModelLoadError(PhogovError, RuntimeError):
    """A model directory or backbone could not be loaded; the message says what to do."""
