"""Type checks for the fields of a model's ``phogov.json``.

A hand-edited manifest with a wrong type (``"max_length": "256"``, ``"heads":
"ner"``) would otherwise fail deep inside loading or prediction with a message
that names neither the file nor the field.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from phogov.errors import ModelLoadError

_HEADS = ("ner", "topics")
_PROBLEM_TYPES = ("multi_label_classification", "single_label_classification")


def _str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _pos_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v > 0


def _prob_map(v: Any) -> bool:
    return isinstance(v, dict) and all(
        isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)
        and 0 <= x <= 1 for x in v.values())


# field → (check, what it must be)
_CHECKS: dict[str, tuple[Any, str]] = {
    "heads": (lambda v: _str_list(v) and bool(v) and set(v) <= set(_HEADS),
              "a non-empty list of 'ner' and/or 'topics'"),
    "ner_labels": (_str_list, "a list of tag strings"),
    "topic_labels": (_str_list, "a list of label strings"),
    "topic_problem_type": (lambda v: v in _PROBLEM_TYPES, " or ".join(_PROBLEM_TYPES)),
    "topic_thresholds": (_prob_map, "an object of label → number in [0, 1]"),
    "segmenter": (lambda v: isinstance(v, str), "a segmenter name (string)"),
    "base_model": (lambda v: isinstance(v, str), "a string"),
    "max_length": (_pos_int, "a positive integer"),
    "stride": (_pos_int, "a positive integer"),
    "format_version": (_pos_int, "a positive integer"),
    "metrics": (lambda v: isinstance(v, dict), "an object"),
    "combine": (lambda v: isinstance(v, dict), "an object of label → policy"),
}


def check_manifest(data: dict[str, Any], manifest: Path) -> None:
    """Raise one :class:`ModelLoadError` naming the file and every ill-typed field."""
    bad = [f"{key!r} must be {what}, got {data[key]!r:.60}"
           for key, (ok, what) in _CHECKS.items() if key in data and not ok(data[key])]
    if bad:
        raise ModelLoadError(f"{manifest}: " + "; ".join(bad))
