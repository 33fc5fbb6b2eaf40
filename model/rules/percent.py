"""PERCENT labelling function: a number or a range, then ``%`` or ``phần trăm``.

Values come from :mod:`phogov.values`. What follows the sign is never part of
the span (``55%/năm`` → ``55%``, ``3,65%.Chỉ tiêu`` → ``3,65%``), and hedges
before the number are never matched. Percentage points (``0,5 điểm phần
trăm``) are not percentages and are not tagged.
"""

from __future__ import annotations

from phogov.types import Span
from phogov.values import match_percent, number_starts


def find(text: str) -> list[Span]:
    """PERCENT spans in a normalised sentence, with ``values`` filled."""
    spans: list[Span] = []
    pos = 0
    for start in number_starts(text):
        if start < pos:
            continue
        m = match_percent(text, start)
        if m is None:
            continue
        spans.append(Span(m.start, m.end, "PERCENT", text[m.start:m.end], values=m.values))
        pos = m.end
    return spans
