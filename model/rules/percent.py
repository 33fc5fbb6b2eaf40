"""PERCENT labelling function: a number or a range, then ``%`` or ``phần trăm``.

Values come from :mod:`phogov.values`. What follows the sign is never part of
the span (``55%/năm`` → ``55%``, ``3,65%.Chỉ tiêu`` → ``3,65%``), and hedges
before the number are never matched. Percentage points (``0,5 điểm phần
trăm``) are not percentages and are not tagged.
"""

from __future__ import annotations

from phogov.types import Span
from phogov.values import match_percent, scan


def find(text: str) -> list[Span]:
    """PERCENT spans in a normalised sentence, with ``values`` filled."""
    return [Span(m.start, m.end, "PERCENT", text[m.start:m.end], values=m.values)
            for m in scan(text, match_percent)]
