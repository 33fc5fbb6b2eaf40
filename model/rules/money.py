"""MONEY labelling function: number(s) + scale words + a currency word.

The grammar (and the values) come from :mod:`phogov.values`; this module adds
the context the grammar cannot see: a date-shaped number right after a date
word (``năm 2024 đồng``, ``tháng 6/2025 đồng``) is a date, not an amount. Hedges
(``gần``, ``trên``, ``hơn``, ``khoảng``, ``đạt``) are never matched, so they
stay outside the span as the guideline asks.
"""

from __future__ import annotations

import re

from phogov.types import Span
from phogov.values import match_money, scan

# A date word, then the shape of the number that makes it a date rather than an
# amount: "năm 2024 đồng loạt", "tháng 6/2025 đồng", "Sáng 4/12 đồng" — while
# "mỗi năm 500 USD" and "tháng 5 triệu đồng" stay money.
_YEAR = r"(?:19|20)\d\d"
_DAY_MONTH = r"\d{1,2}(?:[/.-]\d{1,2})?(?:[/.-]\d{2,4})?"
_DATE_CONTEXTS = [
    (re.compile(r"(?i)(?<![^\W\d_])(?:năm|nhiệm kỳ|giai đoạn|niên khóa|niên khoá) $"),
     re.compile(rf"{_YEAR}(?: ?[-–] ?{_YEAR})?")),
    (re.compile(r"(?i)(?<![^\W\d_])tháng $"), re.compile(r"(?:0?[1-9]|1[0-2])(?:[/-]\d{2,4})?")),
    (re.compile(r"(?i)(?<![^\W\d_])(?:ngày|sáng|chiều|trưa|tối|đêm|hôm) $"),
     re.compile(_DAY_MONTH)),
    (re.compile(r"(?i)(?<![^\W\d_])quý $"), re.compile(r"[1-4](?:[/-]\d{4})?")),
    (re.compile(r"(?i)(?<![^\W\d_])(?:khóa|khoá|lần thứ) $"), re.compile(r"\d{1,3}")),
]
_LEAD = re.compile(r"\d[\d.,/ –-]*\d|\d")
_SCALED = re.compile(r"[\d.,/ –-]+ ?(?i:chục|trăm|nghìn|ngàn|triệu|tỷ|tỉ)(?![^\W\d_])")


def _is_date(text: str, start: int, surface: str) -> bool:
    """Whether the amount's leading number is really a date after a date word."""
    if _SCALED.match(surface):
        return False
    lead = _LEAD.match(surface)
    if lead is None:
        return False
    before = text[max(0, start - 15):start]
    number = lead.group(0).rstrip(" -–")
    return any(
        word.search(before) and shape.fullmatch(number) for word, shape in _DATE_CONTEXTS
    )


def find(text: str) -> list[Span]:
    """MONEY spans in a normalised sentence, with ``values`` and ``unit`` filled."""
    return [
        Span(m.start, m.end, "MONEY", text[m.start:m.end], values=m.values, unit=m.unit)
        for m in scan(text, match_money,
                      lambda start, m: not _is_date(text, start, text[m.start:m.end]))
    ]
