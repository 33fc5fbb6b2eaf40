"""The one place that maps character spans ↔ IOB2 tags and raw ↔ view offsets.

A *unit* is a ``(start, end)`` character range of a token (a word, a syllable,
a CoNLL token), units sorted and disjoint. Every reader, writer and scorer of
tagged data goes through these functions, as flair's readers, metrics and
decoder all go through ``get_spans_from_bio``:

* ``spans_to_tags``: weak and gold training rows (``phogov.text``,
  ``training/rows.py``) and the evaluation's syllable tags (``eval/metrics.py``);
* ``tags_to_spans``: the model's decoding (``phogov.predictor`` through
  ``phogov.text``) and the CoNLL reader (``training/gold_io.py``);
* ``ids_to_tags``: tag ids from a model or a dataset → tag names (the predictor,
  ``finetune.py``'s dev metrics);
* ``raw_to_view`` / ``view_to_raw``: character offsets between the caller's raw
  text and its normalised view (``phogov.normalize.View``).

Alignment modes say which units a character span takes, like spaCy's
``Doc.char_span(alignment_mode=…)``: ``"expand"`` takes every unit the span
touches (the model can only say whole words, so a span starting inside a word
starts at that word); ``"start"`` takes the units whose first character is in
the span (the evaluation's fixed syllables: a unit belongs to where it starts).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from phogov.normalize import View

Unit = tuple[int, int]
ALIGNMENT_MODES = ("expand", "start")


def spans_to_tags(
    units: Sequence[Unit],
    spans: Iterable[tuple[int, int, str]],
    alignment: str = "expand",
    keep_first: bool = False,
) -> list[str]:
    """IOB2 tags of ``units`` for ``(start, end, label)`` character spans.

    Spans are taken by ``(start, end)``; ties keep the order given (stable sort).

    ``alignment``: ``"expand"`` or ``"start"`` (module docstring). Overlapping
    spans: by default a later span overwrites the tags of an earlier one;
    ``keep_first`` instead stops a span at the first unit an earlier span took
    (a scorer must not let one prediction rewrite another).
    """
    if alignment not in ALIGNMENT_MODES:
        raise ValueError(f"alignment must be one of {ALIGNMENT_MODES}, got {alignment!r}")
    expand = alignment == "expand"
    tags = ["O"] * len(units)
    for start, end, label in sorted(spans, key=lambda s: (s[0], s[1])):
        first = True
        for k, (a, b) in enumerate(units):
            inside = start <= a < end or (expand and first and a < start < b)
            if not inside:
                continue
            if keep_first and tags[k] != "O":
                break
            tags[k] = ("B-" if first else "I-") + label
            first = False
    return tags


def tags_to_spans(
    units: Sequence[Unit], tags: Sequence[str], scores: Sequence[float] | None = None
) -> list[tuple[int, int, str, float]]:
    """Spans ``(start, end, label, mean score)`` from IOB2 tags of ``units``.

    Lenient decoding: an ``I-X`` that does not continue an ``X`` starts a new
    span (IOB1-style), so a model never loses an entity to a bad first tag and
    a CoNLL file with stray ``I-`` tags reads as its writer meant. Without
    ``scores`` every span scores 1.0.
    """
    if len(tags) != len(units):
        raise ValueError(f"{len(tags)} tags for {len(units)} units")
    out: list[tuple[int, int, str, float]] = []
    cur: list | None = None  # [start, end, label, scores]
    for k, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        score = scores[k] if scores is not None else 1.0
        if prefix == "I" and cur is not None and cur[2] == label:
            cur[1] = units[k][1]
            cur[3].append(score)
            continue
        if cur is not None:
            out.append((cur[0], cur[1], cur[2], sum(cur[3]) / len(cur[3])))
            cur = None
        if prefix in ("B", "I"):
            cur = [units[k][0], units[k][1], label, [score]]
    if cur is not None:
        out.append((cur[0], cur[1], cur[2], sum(cur[3]) / len(cur[3])))
    return out


def ids_to_tags(ids: Iterable[int], tag_names: Sequence[str]) -> list[str]:
    """Tag names for tag ids; an id outside ``tag_names`` reads as ``O``."""
    out = []
    for i in ids:
        k = int(i)
        out.append(tag_names[k] if 0 <= k < len(tag_names) else "O")
    return out


def raw_to_view(view: View, start: int, end: int) -> tuple[int, int] | None:
    """The view span covering raw ``[start, end)``; None when nothing of it is in the view.

    Each view character remembers the raw span it came from (``raw_start`` and
    ``raw_end``, both non-decreasing), so this is two binary searches: the first
    view char whose raw range ends after ``start``, up to the last view char that
    starts before ``end``.
    """
    a = bisect_right(view.raw_end, start)
    b = bisect_left(view.raw_start, end)
    return (a, b) if a < b else None


def view_to_raw(view: View, start: int, end: int) -> tuple[int, int]:
    """Raw offsets of view ``[start, end)`` (``View.to_raw``; here beside its inverse)."""
    return view.to_raw(start, end)
