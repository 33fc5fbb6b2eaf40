"""Well-formed model spans: what the tagger may say, given what the text can be.

The fine-tuned tagger labels words, and nothing stops it from calling an emoji
an OFFICIAL or from cutting ``932,7 tỷ đồng`` into PERCENT ``932,7`` + MONEY
``tỷ đồng``. The rules never do either, so neither may the model path:

* a word with no letter, digit or punctuation in it (emoji, ``★``, ``©``) is
  never inside an OFFICIAL or ORG span, and such spans do not begin or end on
  punctuation (:func:`mask_symbol_tags`, applied to the tags before decoding);
* a MONEY or PERCENT span is replaced by the value expression of
  :mod:`phogov.values` that it overlaps (the grammar's span, label, values and
  unit), pieces of one expression become one span, and a span that overlaps no
  expression is dropped (:func:`repair_numeric`): every emitted MONEY/PERCENT
  span has values.
"""

from __future__ import annotations

import unicodedata

from phogov.types import Span
from phogov.values import ValueMatch, match_money, match_percent, number_starts

NAME_LABELS = ("OFFICIAL", "ORG")
NUMERIC_LABELS = ("MONEY", "PERCENT")


def _has_alnum(form: str) -> bool:
    return any(ch.isalnum() for ch in form)


def _is_symbol_word(form: str) -> bool:
    """No letter, digit or punctuation: emoji, pictographs, math and other symbols."""
    return not any(ch.isalnum() or unicodedata.category(ch).startswith("P")
                   for ch in form if ch != "_")


def mask_symbol_tags(forms: list[str], tags: list[str]) -> list[str]:
    """Tags with OFFICIAL/ORG taken off symbol words and off punctuation at a span's edge.

    A masked word inside a span splits it (the next word's tag starts a new span,
    as lenient IOB decoding does); ``-`` inside ``Sở Lao động - Thương binh và Xã
    hội`` is punctuation, not a symbol, and stays.
    """
    out = list(tags)
    for k, (form, tag) in enumerate(zip(forms, tags)):
        if tag[2:] in NAME_LABELS and _is_symbol_word(form):
            out[k] = "O"
    # trim punctuation (no letter or digit) at both edges of OFFICIAL/ORG runs
    k = 0
    while k < len(out):
        label = out[k][2:]
        if label not in NAME_LABELS:
            k += 1
            continue
        j = k
        while j + 1 < len(out) and out[j + 1] == f"I-{label}":
            j += 1
        a, b = k, j
        while a <= b and not _has_alnum(forms[a]):
            out[a] = "O"
            a += 1
        while b >= a and not _has_alnum(forms[b]):
            out[b] = "O"
            b -= 1
        if a <= b:
            out[a] = f"B-{label}"
        k = j + 1
    return out


def value_expressions(text: str) -> list[tuple[str, ValueMatch]]:
    """Every MONEY and PERCENT expression of the grammar in ``text``, left to right,
    non-overlapping (at a start, the longer of the two readings wins)."""
    found: list[tuple[str, ValueMatch]] = []
    pos = 0
    for start in number_starts(text):
        if start < pos:
            continue
        money, percent = match_money(text, start), match_percent(text, start)
        best = max(
            ((lab, m) for lab, m in (("MONEY", money), ("PERCENT", percent)) if m is not None),
            key=lambda lm: lm[1].end, default=None,
        )
        if best is not None:
            found.append(best)
            pos = best[1].end
    return found


def repair_numeric(text: str, spans: list[Span]) -> list[Span]:
    """MONEY/PERCENT spans replaced by the value expressions they overlap; others kept.

    A model span overlapping several expressions takes the one it covers most;
    several model spans on one expression give one span (their best score). A
    repaired span that would overlap a kept OFFICIAL/ORG span is dropped.
    """
    numeric = [s for s in spans if s.label in NUMERIC_LABELS]
    others = [s for s in spans if s.label not in NUMERIC_LABELS]
    if not numeric:
        return spans
    expressions = value_expressions(text)
    chosen: dict[int, Span] = {}  # index of the expression → its best-scored model span
    for span in numeric:
        best, best_overlap = None, 0
        for i, (_lab, m) in enumerate(expressions):
            overlap = min(span.end, m.end) - max(span.start, m.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None and (best not in chosen or span.score > chosen[best].score):
            chosen[best] = span
    out = list(others)
    for i, span in chosen.items():
        label, m = expressions[i]
        if any(o.start < m.end and m.start < o.end for o in others):
            continue
        fixed = Span(m.start, m.end, label, text[m.start:m.end], span.score, source=span.source)
        fixed.values = list(m.values)
        if label == "MONEY":
            fixed.unit = m.unit
        out.append(fixed)
    return sorted(out, key=lambda s: (s.start, s.end))
