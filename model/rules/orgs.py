"""ORG weak labels: specific organisations named by a head noun and its completion.

Vietnamese body names are built compositionally: a head (``UBND``, ``Sở``,
``Thành ủy``, ``Ban Thường vụ``) plus a descriptor (``Tài chính``) plus a
completing place or parent body (``tỉnh Quảng Ninh``, ``Tỉnh ủy``). We parse
that grammar over tokens rather than listing names, so unseen provinces,
ministries and companies are found; the guideline's "longest specific name
wins" falls out of always taking the longest parse at a position. Generic
references (``các cấp ủy``, ``HĐND các cấp``, ``Đảng bộ xã, phường``) and bare
words (``Đảng bộ``, ``Ban Chấp hành``, ``Trung ương``) are rejected because the
grammar requires a completion for those heads.

Modules: ``orgs_tokens`` (tokens, lexicons), ``orgs_boundaries`` (where a name
ends), ``orgs_heads`` (which heads start a body); this one drives the parse over
a sentence. Every span carries the labelling function that made it
(``Span.source`` = ``orgs.<function>``).

Input is one normalised sentence (``phogov.normalize``); spans are in its offsets.
"""

from __future__ import annotations

from phogov.rules import lexicon_orgs as lex
from phogov.rules.orgs_heads import HeadParser
from phogov.rules.orgs_tokens import FACILITIES, FUNCTION_WORDS, GAZ, ROMAN
from phogov.types import Span

LABEL = "ORG"


class _Parser(HeadParser):
    """Left-to-right driver: bodies, bracketed abbreviations, bylines, facility owners."""

    def facility_owner(self, i: int) -> tuple[int, int] | None:
        """``Nhà máy ô tô Thành Công`` → the owner ``Thành Công``."""
        m = FACILITIES.match(self.t, i)
        if not m:
            return None
        k = m[0]
        words = 0
        while self._ok(k) and self.t[k].word and not self.t[k].cap and words < 3:
            if self.t[k].low in lex.FACILITY_PLACE_WORDS or self.t[k].low in FUNCTION_WORDS:
                return None
            k += 1
            words += 1
        if words == 0 or GAZ.match(self.t, k):
            return None
        run = self.name_run(k, after_level=True)  # the product words act as a level
        return (k, run) if run else None

    def _bracketed_abbr(self, e: int) -> int | None:
        """``(EVN)`` right after a name: token index of the abbreviation."""
        t = self.t
        if (e + 2 < self.n and t[e].text == "(" and t[e + 2].text == ")" and t[e + 1].word
                and t[e + 1].cap and any(c.isupper() for c in t[e + 1].text[1:])
                and not ROMAN.fullmatch(t[e + 1].text)):
            return e + 1
        return None

    def _in_code(self, i: int) -> bool:
        """Token ``i`` is glued to ``-`` or ``/`` (``12/KH-UBND``): a document code."""
        t = self.t
        before = i > 0 and t[i - 1].text in "-/" and t[i - 1].end == t[i].start
        after = i + 1 < self.n and t[i + 1].text in "-/" and t[i + 1].start == t[i].end
        return before or (after and t[i].text.isupper() and i + 2 < self.n
                          and t[i + 2].start == t[i + 1].end and t[i + 2].text.isupper())

    def spans(self) -> list[tuple[int, int, str]]:
        """Token spans of all ORGs with their function, left to right, longest at each position."""
        out: list[tuple[int, int, str]] = []
        i = 0
        generic_end: int | None = None
        # A byline such as ``(PLVN) -`` at the start names the publishing medium.
        if (self.n >= 4 and self.t[0].text == "(" and self.t[2].text == ")"
                and self.t[3].text in ("-", "–", "—") and self.t[1].word and self.t[1].cap):
            out.append((1, 2, "orgs.byline"))
            i = 3
        while i < self.n:
            if not self.t[i].word or self._in_code(i):
                i += 1
                continue
            e = self.org(i)
            if e is not None:
                coordinated = generic_end is not None and all(
                    tok.low in (",", "và") for tok in self.t[generic_end:i]
                )
                nxt = self.org(e + 1) if self._ok(e) and self.t[e].low in (",", "và") else None
                if (self._generic_before(i) or self._generic_after(e) or coordinated
                        or (nxt is not None and self._generic_after(nxt))):
                    generic_end = e
                    i = e
                    continue
                out.append((i, e, self.source(i)))
                ab = self._bracketed_abbr(e)
                if ab is not None:
                    out.append((ab, ab + 1, "orgs.bracket_abbr"))
                    e = ab + 2
                i = e
                continue
            fac = self.facility_owner(i)
            if fac:
                out.append((fac[0], fac[1], "orgs.facility_owner"))
                i = fac[1]
                continue
            i += 1
        return out


def find(text: str) -> list[Span]:
    """ORG spans in one normalised sentence (view offsets), each with its labelling function."""
    p = _Parser(text)
    result: list[Span] = []
    for a, b, source in p.spans():
        start, end = p.t[a].start, p.t[b - 1].end
        result.append(Span(start, end, LABEL, text[start:end], source=source))
    return result
