"""Officials ↔ their titles.

The guideline's ``titles`` of an OFFICIAL are the title strings written next to
the name in its sentence, in order, as they appear. A title is an office head
from the lexicon (``Phó Bí thư``, ``Cục trưởng``, ``Đại tá``) plus the
affiliation that completes it (``Thành ủy``, ``UBND tỉnh Quảng Ninh``); commas
separate titles, except that an affiliation after a comma that only completes
the previous title stays in it (``Cục trưởng Cục Viễn thông, Bộ Thông tin và
Truyền thông``). Titles attach to the name they touch: after it (``A, t1,
t2``), in brackets or between dashes, or right before it (``Bí thư Thành ủy
A``, chained back over commas). A title touching the next name belongs to that
name, so in ``các đồng chí: A, t1; B, t2`` each person keeps only their own.
A title said of a group through ``là`` goes to each coordinated name (``2 phó
chủ tịch là ông A và bà B``); in brackets, periods between titles are skipped
(``(nguyên Tổng giám đốc từ 1995 đến 1998 và Chủ tịch HĐQT)`` gives two titles).
An affiliation may carry a body or place in brackets (``(Bộ KH-ĐT)``), ``của`` + a
state body, ``tại`` + a place, and end in a lower-case company head (``Chủ tịch
HĐQT tổng công ty``).

Assignment is linear in tokens and names: bridges between a title and a name
are at most three tokens, so each title looks only at the names within reach
(issue 10: sentences listing hundreds of officials).

Everything works on the normalised view text and on a light tokenisation
(words, abbreviations, numbers, punctuation) shared with ``phogov.rules.officials``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from phogov.rules.lexicon_titles import (
    ENTERPRISE_HEADS,
    HEAD_BLOCKERS_BEFORE,
    ORG_HEADS,
    ORG_PAIRS,
    ORG_PHRASES,
    PLACE_WORDS,
    PLACES,
    STATE_BODIES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_PREFIXES,
    VERB_STOP,
)
from phogov.text import RuleToken, rule_tokens
from phogov.types import Span

_ROMAN = re.compile(r"^[IVXLC]+$")
# Words between a title and the name it precedes (``Bí thư Thành ủy, đồng chí A``).
# Separators between the titles of one person (``phó bí thư - chủ tịch UBND huyện``).
_CHAIN = frozenset({",", "-", "–"})


# The rules' shared tokens (``phogov.text``): read, never re-tokenised, here.
Tok = RuleToken


def tokenize(text: str) -> list[Tok]:
    """The rule tokens of ``text`` (``phogov.text.rule_tokens``, computed once per text)."""
    return list(rule_tokens(text))


def _phrase_index(phrases: Sequence[str]) -> dict[str, list[tuple[str, ...]]]:
    """First word → the phrases (as lower-case token tuples) it starts, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        words = tuple(t.low for t in tokenize(p))
        index.setdefault(words[0], []).append(words)
    for lst in index.values():
        lst.sort(key=len, reverse=True)
    return index


_HEADS = _phrase_index(TITLE_HEADS)
_MODIFIERS = _phrase_index(TITLE_MODIFIERS)
_PLACES = _phrase_index(PLACE_WORDS + ("tp",))
_ORG_PHRASES = _phrase_index(ORG_PHRASES)
_ORG_HEADS = _phrase_index(ORG_HEADS)
_ENTERPRISES = _phrase_index(ENTERPRISE_HEADS)
_STATE_BODIES = _phrase_index(STATE_BODIES)
_GAZETTEER = _phrase_index(PLACES)
_DEMONSTRATIVES = frozenset({"này", "đó", "ấy", "đây", "trên", "kia"})
# Words before a head that make it a generic plural (``các đại biểu``).
_PLURALS = frozenset({"các", "những", "mọi", "nhiều", "mấy"})
# Words that make the title after them a group's: ``các Ủy viên …: A, B, C``.
GROUP_WORDS = frozenset({"các", "những", "hai", "ba", "bốn", "2", "3", "4", "5"})
# ``trong cuộc gặp X, …``: a meeting told as a noun, whose object X is the other party.
_MEETING_NOUNS = frozenset({"cuộc", "buổi"})
_MEETING_WORDS = frozenset({"gặp", "tiếp", "hội", "đàm", "kiến", "điện", "làm", "việc", "với"})


def match_phrase(toks: Sequence[Tok], i: int, index: dict[str, list[tuple[str, ...]]],
                 limit: int | None = None) -> int:
    """Length in tokens of the longest phrase of ``index`` at ``toks[i]`` (0 if none)."""
    limit = len(toks) if limit is None else limit
    if i >= limit:
        return 0
    for words in index.get(toks[i].low, ()):
        n = len(words)
        if i + n <= limit and all(toks[i + k].low == words[k] for k in range(n)):
            return n
    return 0


def head_at(toks: Sequence[Tok], i: int, limit: int | None = None) -> int:
    """Token index just after a title head (with prefix and modifiers) starting at ``i``, or 0.

    A head right after ``Ban``/``phòng``/``đồng`` names a body (``Ban Bí thư``), not a title.
    """
    limit = len(toks) if limit is None else limit
    j = i
    if j < limit and toks[j].low in TITLE_PREFIXES and toks[j].kind != "punct":
        j += 1
    n = match_phrase(toks, j, _HEADS, limit)
    if not n:
        return 0
    before = [t.low for t in toks[max(0, i - 2):i]]
    if before and (before[-1] in HEAD_BLOCKERS_BEFORE or " ".join(before) in HEAD_BLOCKERS_BEFORE):
        return 0
    if toks[i].kind not in ("cap", "lower", "abbr"):
        return 0
    j += n
    while True:
        m = match_phrase(toks, j, _MODIFIERS, limit)
        if not m:
            break
        j += m
        if toks[j - 1].low == "trách":  # ``phụ trách vận tải và an toàn vận tải``
            e = j
            while e < limit and e - j < 8 and toks[e].kind == "lower" and (
                toks[e].low not in VERB_STOP or toks[e].low == "và"
            ):
                e += 1
            if e > j and toks[e - 1].low != "và" and (e >= limit or toks[e].kind != "lower"):
                j = e
    return j


def parse_affiliation(toks: Sequence[Tok], k: int, limit: int) -> int:
    """Token index where the affiliation starting at ``k`` ends (``k`` if there is none).

    Affiliations are runs of capitalised words (each may carry one lower-case
    syllable of a compound: ``Thành ủy``, ``Tài chính``), abbreviations, place
    levels (``tỉnh``, ``thành phố``, ``quận 2``), sector phrases with lower-case
    syllables (``Nông nghiệp và Phát triển nông thôn``), connectors between two
    capitalised parts (``và``, ``-``) and a term (``khóa XV``). It stops at prose,
    at punctuation and at the start of another title.
    """
    last = ""
    while k < limit:
        t = toks[k]
        n = match_phrase(toks, k, _ORG_PHRASES, limit)
        if n and (last or t.kind == "cap"):
            k, last = _inner_lower(toks, k + n, limit), "cap"
            continue
        if not last and t.kind == "lower":
            j = _inner_lower(toks, k, limit)  # ``trưởng ban quản lý dự án``
            if j > k:
                k, last = j, "cap"
                continue
        if head_at(toks, k, limit) and last:
            break  # ``Bí thư Thành ủy Chủ tịch …`` without a comma: a new title
        n = match_phrase(toks, k, _PLACES, limit)
        glued = k + 1 < limit and t.low + " " + toks[k + 1].low in ORG_PAIRS  # ``Tỉnh ủy``
        if n and not glued and (t.kind != "abbr" or t.low == "tp"):
            k += n
            if k < limit and toks[k].kind == "num":
                k += 1
            last = "place"
            continue
        if t.kind == "abbr":
            k, last = k + 1, "abbr"
            if k < limit and toks[k].kind == "num" and len(toks[k].text) <= 3:
                k += 1
            continue
        if t.kind == "cap":
            k, last = k + 1, "cap"
            if k < limit and toks[k].kind == "lower" and _continues(toks, k, limit):
                k += 1
            k = _inner_lower(toks, k, limit)
            continue
        if last and t.text == "(" and k + 2 < limit and toks[k + 1].kind == "abbr" and (
            toks[k + 2].text == ")"
        ):
            k += 3  # ``Sở Giao thông công chính (GTCC)``
            continue
        if last and t.text == "(":
            e = _bracketed_body(toks, k, limit)
            if e:
                k = e  # ``Cục trưởng Cục Đầu tư nước ngoài (Bộ KH-ĐT)``
                continue
        if last and (_of_state_body(toks, k, limit) or _at_place(toks, k, limit)):
            k += 1  # ``Chủ nhiệm Ủy ban Kinh tế của Quốc hội``, ``Đại sứ Mỹ tại Việt Nam``
            continue
        if t.kind == "lower" and last != "lower-head":
            n = match_phrase(toks, k, _ENTERPRISES, limit)
            if n and _ends_affiliation(toks, k + n, limit):
                k, last = k + n, "cap"  # ``Chủ tịch HĐQT tổng công ty``
                continue
        if t.kind == "lower" and last and t.low == "khóa" and k + 1 < limit and (
            toks[k + 1].kind == "num" or _ROMAN.match(toks[k + 1].text)
        ):
            k += 2
            continue
        if t.kind == "lower" and t.low not in VERB_STOP:
            n = match_phrase(toks, k, _ORG_HEADS, limit)  # ``giám đốc sở Tài chính``
            if n and k + n < limit and toks[k + n].kind in ("cap", "abbr"):
                k, last = k + n, "lower-head"
                continue
        if (
            last in ("cap", "abbr", "place")
            and t.text in ("và", "&", "-", "–")
            and k + 1 < limit
            and toks[k + 1].kind in ("cap", "abbr")
            and not head_at(toks, k + 1, limit)
        ):
            k += 1
            continue
        break
    return k


def _bracketed_body(toks: Sequence[Tok], k: int, limit: int) -> int:
    """After ``(`` at ``k``: the index after ``)`` when the bracket holds only the name
    of a body or place that completes the title (``(Bộ KH-ĐT)``, ``(TP HCM)``), else 0."""
    if k + 1 >= limit or toks[k + 1].kind not in ("cap", "abbr") or head_at(toks, k + 1, limit):
        return 0
    if not (match_phrase(toks, k + 1, _ORG_HEADS, limit)
            or match_phrase(toks, k + 1, _PLACES, limit)):
        return 0  # ``(Bộ KH-ĐT)``, ``(TP HCM)``; not ``(giữa)`` nor a name
    e = parse_affiliation(toks, k + 1, limit)
    return e + 1 if e < limit and toks[e].text == ")" else 0


def _of_state_body(toks: Sequence[Tok], k: int, limit: int) -> bool:
    """``của`` + a state body at ``k``: the body completes the title before it."""
    return (
        toks[k].low == "của" and k + 1 < limit and toks[k + 1].kind in ("cap", "abbr")
        and bool(match_phrase(toks, k + 1, _STATE_BODIES, limit))
    )


def _at_place(toks: Sequence[Tok], k: int, limit: int) -> bool:
    """``tại`` + a place at ``k``: where the body of the title sits (``tại TP.HCM``)."""
    if toks[k].low != "tại" or k + 1 >= limit:
        return False
    nxt = toks[k + 1]
    return bool(
        (nxt.kind == "cap" and match_phrase(toks, k + 1, _GAZETTEER, limit))
        or match_phrase(toks, k + 1, _PLACES, limit)
        or (nxt.kind == "abbr" and nxt.low.startswith("tp"))
    )


def _ends_affiliation(toks: Sequence[Tok], k: int, limit: int) -> bool:
    """Nothing of a longer name follows: the end, punctuation, a number or a
    predicate word (but not a demonstrative: ``công ty này`` is a reference)."""
    if k >= limit:
        return True
    t = toks[k]
    if t.kind in ("punct", "num"):
        return True
    return t.kind == "lower" and t.low in VERB_STOP and t.low not in _DEMONSTRATIVES


def _continues(toks: Sequence[Tok], k: int, limit: int) -> bool:
    """Whether lower-case ``toks[k]`` is the second syllable of the capitalised word before it."""
    pair = toks[k - 1].low + " " + toks[k].low
    if pair in ORG_PAIRS:
        return True
    if toks[k].low in VERB_STOP or match_phrase(toks, k, _PLACES, limit):
        return False
    return k + 1 >= limit or toks[k + 1].kind != "lower" or toks[k + 1].low in VERB_STOP


def _inner_lower(toks: Sequence[Tok], k: int, limit: int) -> int:
    """Skip 1–4 lower-case words inside an org name, i.e. followed by more of the name.

    A known two-syllable word (``ORG_PAIRS``: ``đầu tư``, ``lương thực``) counts as one.

    ``Hội Nạn nhân chất độc da cam VN``, ``Ban Nghiên cứu chiến lược an ninh quốc
    gia Bộ Chính trị``: the words are kept only when a capitalised word or an
    abbreviation follows them and none of them can start a predicate.
    """
    j, units = k, 0
    while j < limit and units < 4 and toks[j].kind == "lower":
        if j + 1 < limit and toks[j + 1].kind == "lower" and (
            toks[j].low + " " + toks[j + 1].low in ORG_PAIRS
        ):
            j += 2  # ``lương thực``, ``nước ngoài``: one word, whatever its syllables
        elif toks[j].low not in VERB_STOP:
            j += 1
        else:
            break
        units += 1
    if j == k:
        return k
    if j >= limit:
        # at a name's start (``Cục trưởng Đầu tư nước ngoài Nguyễn Anh Tuấn``) the
        # words are inside the title; at the end of the sentence they are not
        return j if limit < len(toks) and toks[limit].kind == "cap" else k
    nxt = toks[j]
    if nxt.kind in ("cap", "abbr") and not head_at(toks, j, limit):
        return j
    if nxt.low == "và" and j + 1 < limit and toks[j + 1].kind in ("cap", "abbr"):
        return j  # ``Sở Tài nguyên môi trường và Nhà đất``
    if nxt.text in (",", ")") or _of_state_body(toks, j, limit) or _at_place(toks, j, limit):
        return j  # ``(Bộ trưởng Khoa học công nghệ)``: the bracket closes the title
    if nxt.text in ("-", "–") and toks[j - 1].end < nxt.start:
        return j  # ``A - Phó Thủ trưởng Cơ quan Cảnh sát điều tra - cho biết``
    if nxt.text == "(" and j + 2 < limit and toks[j + 1].kind == "abbr" and toks[j + 2].text == ")":
        return j
    if nxt.text == "(" and _bracketed_body(toks, j, limit):
        return j  # ``Cục Đầu tư nước ngoài (Bộ KH-ĐT)``
    return k


@dataclass(frozen=True)
class TitleSpan:
    """A title as token indices [first, last) and view characters [start, end)."""

    first: int
    last: int
    start: int
    end: int


def parse_title(toks: Sequence[Tok], i: int, limit: int) -> int:
    """Token index after the title whose head is at ``i`` (0 when no head is there)."""
    j = head_at(toks, i, limit)
    if not j:
        return 0
    while True:
        j = parse_affiliation(toks, j, limit)
        # ``Bí thư Thành ủy kiêm Chủ tịch HĐND`` is written as one title.
        if j + 1 < limit and toks[j].low == "kiêm":
            nxt = head_at(toks, j + 1, limit)
            if nxt:
                j = nxt
                continue
        break
    # ``…, Bộ Thông tin và Truyền thông`` after a comma only completes the title.
    while j + 1 < limit and toks[j].text == "," and _completes(toks, j + 1, limit):
        end = parse_affiliation(toks, j + 1, limit)
        if end <= j + 1:
            break
        j = end
    return j


def _completes(toks: Sequence[Tok], k: int, limit: int) -> bool:
    """An org head or a place level (not a new title) starts at ``k``."""
    if head_at(toks, k, limit):
        return False
    n = match_phrase(toks, k, _ORG_HEADS, limit)
    if n and toks[k].kind in ("cap", "abbr") and (
        k + n >= limit or toks[k + n].kind in ("cap", "abbr", "lower")
    ):
        return True
    n = match_phrase(toks, k, _PLACES, limit)
    return bool(n) and k + n < limit and toks[k + n].kind in ("cap", "abbr", "num")


def find_titles(toks: Sequence[Tok], names: Sequence[tuple[int, int]]) -> list[TitleSpan]:
    """All titles of the sentence, never crossing a name (names as token [first, last)).

    One left-to-right pass: the next name start is kept as a moving pointer, so
    the work is linear in tokens plus names (issue 10: sentences listing hundreds
    of officials).
    """
    starts = sorted({a for a, _ in names})
    inside = [False] * len(toks)
    for a, b in names:
        for k in range(a, b):
            inside[k] = True
    out: list[TitleSpan] = []
    nxt = 0  # index into ``starts`` of the first name start after ``i``
    i = 0
    while i < len(toks):
        if inside[i]:
            i += 1
            continue
        while nxt < len(starts) and starts[nxt] <= i:
            nxt += 1
        limit = starts[nxt] if nxt < len(starts) else len(toks)
        j = parse_title(toks, i, limit)
        if j:
            out.append(TitleSpan(i, j, toks[i].start, toks[j - 1].end))
            i = j
        else:
            i += 1
    return out


# The longest bridge: ``của tỉnh, đồng chí``; without the province: ``, đồng chí``.
_MAX_BRIDGE = 6
_PLAIN_BRIDGE = 3
# ``của`` + a place level after a title (``Giám đốc Sở Tài chính của tỉnh, ông A``): the
# province is the body's, not a new clause; the title stops before it and still reaches A.
_OWN_LEVELS = frozenset({"tỉnh", "thành", "tp", "huyện", "quận", "thị", "xã", "phường"})
_TRIGGERS = (["ông"], ["bà"], ["anh"], ["chị"], ["đồng", "chí"])
# Words of a period inside a bracket of titles (``từ tháng 11/1998 đến nay``).
_DATE_WORDS = frozenset({"từ", "đến", "tới", "năm", "tháng", "ngày", "nay", "-", "–", "/"})


def _bridge(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Tokens [a, b) may sit between a title and the name it precedes (at most 3 tokens,
    after a ``của tỉnh``/``của thành phố``)."""
    words = [t.low for t in toks[a:b]]
    if words[:1] == ["của"] and len(words) >= 3 and words[1] in _OWN_LEVELS:
        words = words[3:] if words[1:3] in (["thành", "phố"], ["thị", "xã"]) else words[2:]
        if words[:1] != [","]:
            return False  # ``của tỉnh, ông A`` only: the province ends the title's clause
    if len(words) > _PLAIN_BRIDGE:
        return False
    if not words:
        return True
    if words == [":"]:
        return True  # ``các Ủy viên …: A, B`` (a group's title opening its list)
    if words[0] in (",", ":"):
        words = words[1:]  # ``…, ông A``
    if words[:1] == ["là"]:
        words = words[1:]  # ``2 phó chủ tịch là ông A``: the title is predicated of A
        if not words:
            return True
    return words in _TRIGGERS


def _plural(toks: Sequence[Tok], t: TitleSpan) -> bool:
    """``các đại biểu``: a generic plural reaches only a name written right after it,
    never one after ``, ông`` (``Thay mặt các đại biểu, ông A …``)."""
    return t.first > 0 and toks[t.first - 1].low in _PLURALS


def _counterpart(toks: Sequence[Tok], t: TitleSpan) -> bool:
    """The title follows a meeting told as a noun (``trong cuộc gặp Tổng thống Indonesia,
    Chủ tịch nước A``): it names the other party, not the subject after the comma
    (guideline: a title that refers to someone else is not hers or his). A meeting verb
    alone (``tiếp Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh A``) has the person as its object."""
    k = t.first - 1
    while k >= 0 and t.first - k <= 4 and toks[k].low in _MEETING_WORDS:
        k -= 1
    return k >= 0 and k < t.first - 1 and toks[k].low in _MEETING_NOUNS


def _group(toks: Sequence[Tok], t: TitleSpan) -> bool:
    """A title preceded by a group word: ``các Phó Chủ tịch``, ``hai Thứ trưởng``."""
    return t.first > 0 and toks[t.first - 1].low in GROUP_WORDS


def _listed(toks: Sequence[Tok], a: int, b: int) -> bool:
    """The bridge [a, b) is the colon that opens a list of names."""
    return b - a == 1 and toks[a].text == ":"


def _copula(toks: Sequence[Tok], a: int, b: int) -> bool:
    """The bridge [a, b) between a title and a name goes through ``là``."""
    return any(t.low == "là" for t in toks[a:b])


def _coordinated(toks: Sequence[Tok], a: int, b: int) -> bool:
    """Tokens [a, b) join two names of one group: ``và`` or ``,``, then maybe ``bà``."""
    words = [t.low for t in toks[a:b]] if b - a <= _PLAIN_BRIDGE else []
    return bool(words) and words[0] in ("và", ",") and (
        len(words) == 1 or words[1:] in _TRIGGERS
    )


def _dated_gap(toks: Sequence[Tok], k: int, close: int) -> int:
    """Inside a bracket, skip a period (``từ 12/1995 đến 1998``) and a ``và`` or ``,``
    before the next title; returns the index where that title would start."""
    j = k
    while j < close and j - k < 12 and (toks[j].kind == "num" or toks[j].low in _DATE_WORDS):
        j += 1
    if j < close and toks[j].low in ("và", ",", ";"):
        j += 1
    return j


def assign(toks: Sequence[Tok], names: Sequence[tuple[int, int]]) -> list[list[TitleSpan]]:
    """The titles of each name (token spans, in the order given), per the guideline."""
    titles = find_titles(toks, names)
    by_first = {t.first: t for t in titles}
    by_last = {t.last: t for t in titles}
    name_starts = {a for a, _ in names}
    order = sorted(range(len(names)), key=lambda n: names[n][0])
    claimed: set[int] = set()
    result: list[list[TitleSpan]] = [[] for _ in names]

    def precedes_name(t: TitleSpan | None) -> bool:
        # ``t1 B`` / ``t1 ông B``: t1 is B's; ``A, t1, ông B, t2`` keeps t1 for A.
        # ``A, t1 - t2 B``: two offices joined by a dash before B are both B's
        # (``phó bí thư - chủ tịch UBND huyện B``). Only starts within a bridge's reach
        # are looked at: constant work per title.
        while t is not None:
            if t.last < len(toks) and toks[t.last].text == ",":
                return False
            if any(a in name_starts and _bridge(toks, t.last, a)
                   for a in range(t.last, t.last + _MAX_BRIDGE + 1)):
                return True
            dash = t.last < len(toks) and toks[t.last].text in ("-", "–")
            t = by_first.get(t.last + 1) if dash else None
        return False

    shared: TitleSpan | None = None  # a title said of a group: ``2 phó chủ tịch là A và B``
    prev_end = -1
    for n in order:
        a, b = names[n]
        pre: list[TitleSpan] = []
        t = next((by_last[e] for e in range(max(0, a - _MAX_BRIDGE), a + 1)
                  if e in by_last and _bridge(toks, e, a)
                  and (e == a or not _plural(toks, by_last[e]) or _listed(toks, e, a))), None)
        # a title said of a group (``2 phó chủ tịch là A và B``, ``các Ủy viên …: A, B``)
        # is shared by the names listed after it
        shared_title = t is not None and t.first not in claimed and (
            _copula(toks, t.last, a) or _group(toks, t))
        while t is not None and t.first not in claimed:
            pre.append(t)
            prev = t.first - 1
            t = by_last.get(prev) if prev >= 0 and toks[prev].text in _CHAIN else None
            if t is not None and _counterpart(toks, t):
                t = None  # ``trong cuộc gặp Tổng thống Indonesia, Chủ tịch nước A``
        pre.reverse()
        if not pre and shared is not None and _coordinated(toks, prev_end, a):
            pre = [shared]
        else:
            shared = pre[-1] if shared_title else None
        post: list[TitleSpan] = []
        b = _skip_aside(toks, b)
        if b < len(toks) and toks[b].text in (",", "(", "-", "–"):
            close = _bracket_end(toks, b) if toks[b].text == "(" else 0
            t = by_first.get(b + 1)
            while t is not None and t.first not in claimed and not precedes_name(t):
                post.append(t)
                sep = t.last
                if close:
                    t = by_first.get(_dated_gap(toks, sep, close))
                    continue
                ok = sep + 1 < len(toks) and toks[sep].text in _CHAIN
                t = by_first.get(sep + 1) if ok else None
        for t in pre + post:
            claimed.add(t.first)
        prev_end = names[n][1]
        result[n] = pre + post
    return result


def _bracket_end(toks: Sequence[Tok], b: int) -> int:
    """Index of the ``)`` closing the bracket opened at ``b`` (within 40 tokens), or 0."""
    for k in range(b + 1, min(len(toks), b + 40)):
        if toks[k].text == ")":
            return k
        if toks[k].text == "(":
            return 0
    return 0


def _skip_aside(toks: Sequence[Tok], b: int) -> int:
    """Skip a short bracket after a name that holds no title: ``A (giữa), Bí thư …``,
    ``A (Sáu A), …``; photo captions and aliases sit between a name and its titles."""
    if b >= len(toks) or toks[b].text != "(":
        return b
    for k in range(b + 1, min(len(toks), b + 8)):
        if toks[k].text == ")":
            if k + 1 < len(toks) and toks[k + 1].text in (",", "-", "–"):
                return k + 1
            return b
        if head_at(toks, k):
            return b
    return b


def span_tokens(toks: Sequence[Tok], spans: Sequence[Span]) -> list[tuple[int, int]]:
    """Token indices [first, last) covering each span's view characters (binary search)."""
    ends = [t.end for t in toks]
    starts = [t.start for t in toks]
    return [(bisect_right(ends, s.start), bisect_left(starts, s.end)) for s in spans]


def titles_for(text: str, name: Span, others: list[Span]) -> list[str]:
    """The guideline's ``titles`` of ``name``: title strings next to it, in text order.

    ``others`` are the other OFFICIAL spans of the sentence: titles never cross
    them, and a title touching one of them is theirs. For every name of a
    sentence use ``titles_of_all``: one pass instead of one per name.
    """
    return titles_of_all(text, [name, *others])[0]


def titles_of_all(text: str, names: list[Span]) -> list[list[str]]:
    """``titles_for`` for every name of a sentence at once, linear in tokens and names."""
    return [[text[a:b] for a, b in ts] for ts in title_spans_of_all(text, names)]


def title_spans_of_all(text: str, names: list[Span]) -> list[list[tuple[int, int]]]:
    """Where the titles of every name are: [start, end) in ``text``, in text order."""
    toks = tokenize(text)
    return [[(t.start, t.end) for t in ts] for ts in assign(toks, span_tokens(toks, names))]


def titles_cover_orgs(text: str, spans: list[Span]) -> list[Span]:
    """Titles that stop inside an organisation's name run to its end (guideline: the
    affiliation stays in the title): ``Phó giám đốc Trung tâm`` + the ORG ``Trung tâm điều
    khiển giao thông TP.HCM`` → ``Phó giám đốc Trung tâm điều khiển giao thông TP.HCM``.
    The title parser reads a body's name up to its first lower-case word; the ORG rules read
    the whole name, so the ORG span in the same sentence decides where the title ends."""
    orgs = [s for s in spans if s.label == "ORG"]
    out: list[Span] = []
    for s in spans:
        if s.label != "OFFICIAL" or not s.title_spans or not orgs:
            out.append(s)
            continue
        new_spans = []
        for a, b in s.title_spans:
            org = next((o for o in orgs if a <= o.start < b < o.end), None)
            new_spans.append((a, org.end) if org is not None else (a, b))
        if new_spans == list(s.title_spans):
            out.append(s)
        else:
            out.append(replace(s, title_spans=new_spans,
                               titles=[text[a:b] for a, b in new_spans]))
    return out

