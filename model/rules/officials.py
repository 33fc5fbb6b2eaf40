"""Weak labels for OFFICIAL: personal names of people presented as office holders.

A name is tagged when the sentence presents its bearer as an official, or an
earlier sentence of the same document did (``DocMemory``):

* ``đồng chí`` + name, and every name of a ``các đồng chí: A, …; B, …`` list;
* a title from the lexicon touching the name, before it (``Bí thư Thành ủy
  Trần Lưu Quang``) or after it (``Vũ Quyết Tiến, Ủy viên …``);
* ``ông``/``bà`` + name only with such a title, or when the name is already
  known as an official: ``ông``/``bà`` alone presents a private citizen;
* a later mention of a known official: the full name anywhere, or
  ``ông``/``bà``/``đồng chí`` + the given name (``ông Tuấn``).

A personal name is a run of 2–4 capitalised syllables. Without ``đồng chí`` or
``ông``/``bà`` in front it must start with a surname from the gazetteer, which
also decides where a name starts after a place (``UBND tỉnh Hà Giang Lê Văn
B``). ``đồng chí``/``ông``/``bà`` and titles are never part of the span.

Not tagged: bylines and photo credits (``Thu Hường`` alone on a line, ``Ảnh:
Đàm Thanh``), places after titles (``Chủ tịch UBND tỉnh Quảng Ninh``), names of
schools, streets and companies, and ``Hồ Chí Minh``: ``Chủ tịch Hồ Chí Minh``
is cited as a historical figure and a symbol (``tư tưởng Hồ Chí Minh``), not
presented as a current office holder, and the same string names a city.

Rules run on the normalised view text and return spans in view offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from phogov.rules.lexicon_titles import (
    HISTORICAL_NAMES,
    MIDDLE_NAMES,
    NAMED_THINGS,
    ORG_PAIRS,
    PLACES,
    SURNAMES,
    TOP_SURNAMES,
)
from phogov.titles import Tok, _phrase_index, assign, head_at, match_phrase, parse_title, tokenize
from phogov.types import Span

_PLACE_INDEX = _phrase_index(PLACES)
_THINGS = frozenset(tuple(p.split()) for p in NAMED_THINGS)
# A syllable of Vietnamese spelling (tones and hats removed): onset, vowels, final.
_VN_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?$"
)
_LEVEL_WORDS = frozenset({"tỉnh", "phố", "huyện", "quận", "xã", "phường", "trấn", "thôn",
                          "ấp", "bản", "làng", "tp", "tx", "khóm"})
_PROVINCE_LEVELS = frozenset({"tỉnh", "phố", "tp"})
# Words before a name that mark a byline or credit, not a mention.
_CREDIT_WORDS = frozenset({"ảnh", "theo", "nguồn", "bài", "tin", "clip", "video", "thực"})
# Longest personal name in syllables (``Nguyễn Thị Thanh Hương Giang`` is rare); bounds
# the look-back for known names.
_MAX_NAME = 5
# Rounds of dropping untitled ``ông A`` and recomputing titles (a cascade is rare).
_MAX_ROUNDS = 3


@dataclass
class DocMemory:
    """Officials seen earlier in the document: full names and their given names."""

    names: set[str] = field(default_factory=set)
    given: dict[str, set[str]] = field(default_factory=dict)

    def add(self, name: str) -> None:
        parts = name.split()
        if len(parts) < 2:
            return
        self.names.add(name)
        self.given.setdefault(parts[-1], set()).add(name)

    def knows_short(self, words: Sequence[str]) -> bool:
        """``Tuấn`` or ``Quyết Tiến``: the end of a known official's name."""
        return any(
            full.split()[-len(words):] == list(words) for full in self.given.get(words[-1], ())
        )


@dataclass
class _Cand:
    first: int
    last: int
    kind: str  # "title" (a title presents it), "dongchi", "ongba", "memory"


def _caps_run(toks: Sequence[Tok], i: int) -> int:
    """End of the run of capitalised words from ``i``; a title head ends it."""
    j = i
    while j < len(toks) and toks[j].kind == "cap" and not (j > i and head_at(toks, j)):
        j += 1
    return j


def _vietnamese(word: str) -> bool:
    """Whether ``word`` is spelled like a Vietnamese syllable (``Informatics`` is not)."""
    bare = "".join(
        c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c)
    ).replace("đ", "d")
    return bool(_VN_SYLLABLE.match(bare))


def _foreign(toks: Sequence[Tok], s: int, b: int) -> bool:
    """A 2–3 word run in plain Latin letters with a non-Vietnamese spelling (``Jacques Chirac``)."""
    words = [t.text for t in toks[s:b]]
    return (
        2 <= len(words) <= 3
        and all(w.isascii() and w.isalpha() for w in words)
        and not all(_vietnamese(w) for w in words)
    )


def _namelike(toks: Sequence[Tok], s: int, b: int) -> bool:
    """Surname first, Vietnamese syllables, and not a sector name (``Nông Nghiệp``)."""
    if toks[s].text not in SURNAMES or not all(_vietnamese(t.text) for t in toks[s:b]):
        return False
    return toks[s].low + " " + toks[s + 1].low not in ORG_PAIRS


def _pick_name(toks: Sequence[Tok], a: int, b: int, forbid_first: bool,
               foreign_ok: bool = False, first_run: bool = True) -> tuple[int, int] | None:
    """The most likely personal name ending at the end of the capitalised run [a, b).

    The whole run when it looks like a name; otherwise candidates start on a
    surname, span 2–4 syllables and end at ``b``: a known place at the start of
    the run pushes the name after it, a common surname and three syllables are
    preferred, and a surname in second position suggests the name starts one later.
    With ``foreign_ok`` a foreign name is accepted after a country or an
    affiliation (``Tổng thống Pháp Jacques Chirac``), never as the first words
    after the head (``Chủ tịch Exxon Mobil`` is a company).
    """
    cover = match_phrase(toks, a, _PLACE_INDEX, b)
    if 2 <= b - a <= 4 and not cover and not forbid_first and _namelike(toks, a, b):
        return _not_historical(toks, a, b)  # the whole run is the name
    best: tuple[float, int] | None = None
    for s in range(max(a, b - 4), b - 1):
        if s < a + cover or (s == a and forbid_first) or not _namelike(toks, s, b):
            continue
        if s > a and toks[s].text in MIDDLE_NAMES:
            continue  # ``Đồng Văn Khiêm``: ``Văn`` inside a run is a middle name
        if s > a and match_phrase(toks, s, _PLACE_INDEX, b) >= 2:
            continue  # ``châu Á Thái Bình Dương`` is a place
        size = b - s
        score = {2: 1.5, 3: 3.0, 4: 2.0}[size]
        if size == 4 and toks[s + 1].text in MIDDLE_NAMES:
            score += 1.5
        if toks[s].text in TOP_SURNAMES:
            score += 2
        if toks[s + 1].text in TOP_SURNAMES and size >= 3:
            score -= 3
        if cover and s == a + cover:
            score += 3
        if best is None or score > best[0]:
            best = (score, s)
    if best is None:
        if foreign_ok and (cover or not first_run) and _foreign(toks, a + cover, b):
            return a + cover, b
        return None
    return _not_historical(toks, best[1], b)


def _not_historical(toks: Sequence[Tok], s: int, b: int) -> tuple[int, int] | None:
    if " ".join(t.text for t in toks[s:b]) in HISTORICAL_NAMES:
        return None
    return s, b


def _forbid_first(toks: Sequence[Tok], a: int, b: int) -> bool:
    """The run [a, b) names a place or a thing (``xã Sơn Dương``, ``Trường … Lê Quý Đôn``)."""
    if a == 0:
        return False
    prev = toks[a - 1].low
    if prev == "phố" and a >= 2 and toks[a - 2].low != "thành":
        return True  # ``phố Bến Đoan`` is a street, ``thành phố`` a level
    if prev in _LEVEL_WORDS:
        if prev in _PROVINCE_LEVELS:
            # a province-level word may be followed directly by the name of an
            # official (``UBND tỉnh Nguyễn Văn A``) unless a known place follows
            return bool(match_phrase(toks, a, _PLACE_INDEX))
        # below a province, 2-syllable runs are place names (``huyện Mai Sơn``);
        # ``huyện Nguyễn Văn Khỏe`` is more likely a chairman than a district
        return not (3 <= b - a <= 4 and toks[a].text in TOP_SURNAMES)
    for n in (3, 2, 1):
        if a - n >= 0 and tuple(t.low for t in toks[a - n:a]) in _THINGS:
            glued = n == 1 and a >= 2 and toks[a - 2].low + " " + prev in ORG_PAIRS
            if not glued:  # ``Quốc hội Nguyễn Văn An``: ``hội`` ends a body's name
                return True
    return False


def _ends_cleanly(toks: Sequence[Tok], b: int) -> bool:
    """The token after a name does not glue to its last syllable (``Đoàn Thanh niên``)."""
    if b >= len(toks) or toks[b].kind != "lower":
        return True
    return toks[b - 1].low + " " + toks[b].low not in ORG_PAIRS


def _is_credit(toks: Sequence[Tok], a: int) -> bool:
    k = a - 1
    while k >= 0 and toks[k].text in (":", "(", "-", "–"):
        k -= 1
    return k >= 0 and toks[k].low in _CREDIT_WORDS


def _trigger(toks: Sequence[Tok], i: int) -> tuple[str, int] | None:
    """``ông``/``bà``/``đồng chí`` at ``i``: its kind and the index after it."""
    t = toks[i]
    if t.low in ("ông", "bà"):
        kind, after = "ongba", i + 1
    elif t.low == "đồng" and i + 1 < len(toks) and toks[i + 1].low == "chí":
        kind, after = "dongchi", i + 2
    else:
        return None
    # Capitalised only at a sentence or clause start: ``đường Bà Triệu`` is a street.
    if t.kind == "cap" and i > 0 and toks[i - 1].kind != "punct":
        return None
    return kind, after


def _candidates(toks: Sequence[Tok], memory: DocMemory) -> list[_Cand]:
    cands: list[_Cand] = []
    n = len(toks)
    list_mode = False
    for i in range(n):
        # 1. ông / bà / đồng chí + name (or given name of a known official)
        trig = _trigger(toks, i)
        if trig:
            kind, j = trig
            if i > 0 and toks[i - 1].low == "các" and kind == "dongchi":
                list_mode = True
            if j < n and toks[j].text == ":":
                j += 1
            if j < n and toks[j].kind == "cap" and not head_at(toks, j):
                b = _caps_run(toks, j)
                words = [t.text for t in toks[j:b]]
                if len(words) == 1 or (len(words) <= 3 and memory.knows_short(words)):
                    if memory.knows_short(words):
                        cands.append(_Cand(j, b, "memory"))
                elif len(words) >= 2:
                    end = b if len(words) <= 4 else j + 3
                    if _ends_cleanly(toks, end) and " ".join(
                        t.text for t in toks[j:end]
                    ) not in HISTORICAL_NAMES:
                        cands.append(_Cand(j, end, kind))
        # 2. title + name: the name at the end of the title's capitalised run
        hj = head_at(toks, i)
        if hj and (i == 0 or head_at(toks, i - 1) == 0):
            end = parse_title(toks, i, n)
            k = hj
            while k < end:
                if toks[k].kind == "cap" and (k == hj or toks[k - 1].kind != "cap"):
                    b = _caps_run(toks, k)
                    picked = _pick_name(toks, k, b, _forbid_first(toks, k, b),
                                        foreign_ok=True, first_run=k == hj)
                    if picked and _ends_cleanly(toks, picked[1]):
                        cands.append(_Cand(picked[0], picked[1], "title"))
                        break
                    k = max(b, k + 1)
                else:
                    k += 1
        # 3. name + , + title; 4. names in a ``các đồng chí`` list
        if toks[i].kind == "cap" and (i == 0 or toks[i - 1].kind != "cap"):
            b = _caps_run(toks, i)
            if b - i >= 2 and not _is_credit(toks, i):
                titled = b + 1 < n and toks[b].text in (",", "(", "-", "–") and head_at(
                    toks, b + 1
                )
                in_list = list_mode and (i == 0 or toks[i - 1].text in (",", ";", ":")
                                         or toks[i - 1].low == "và")
                if titled or in_list:
                    picked = _pick_name(toks, i, b, _forbid_first(toks, i, b))
                    if picked and (titled or picked[0] == i):
                        cands.append(_Cand(picked[0], picked[1], "title"))
                # 5. full name of a known official, ending the run
                for s in range(max(i, b - _MAX_NAME), b - 1):
                    if (s == i or toks[s].text in SURNAMES) and " ".join(
                        t.text for t in toks[s:b]
                    ) in memory.names:
                        cands.append(_Cand(s, b, "memory"))
    return cands


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: longer first, then earlier; stronger kinds win ties."""
    rank = {"dongchi": 0, "title": 1, "memory": 2, "ongba": 3}
    chosen: list[_Cand] = []
    taken: set[int] = set()
    for c in sorted(cands, key=lambda c: (-(c.last - c.first), rank[c.kind], c.first)):
        span = set(range(c.first, c.last))
        if span & taken:
            continue
        chosen.append(c)
        taken |= span
    return sorted(chosen, key=lambda c: c.first)


def _known(memory: DocMemory, toks: Sequence[Tok], c: _Cand) -> bool:
    return memory.knows_short([t.text for t in toks[c.first:c.last]])


def _is_byline(toks: Sequence[Tok]) -> bool:
    """A sentence that is only a short capitalised name: an author's signature."""
    words = [t for t in toks if t.kind != "punct"]
    return 1 <= len(words) <= 4 and all(t.kind == "cap" for t in words)


def find(text: str, memory: DocMemory) -> list[Span]:
    """OFFICIAL spans (view offsets, ``titles`` filled) of one sentence; updates ``memory``."""
    toks = tokenize(text)
    if not toks or _is_byline(toks):
        return []
    chosen = _select(_candidates(toks, memory))
    # ``ông A`` with no title is dropped; dropping a name can move a title boundary,
    # so titles are recomputed, a bounded number of times (linear time, issue 10).
    for _round in range(_MAX_ROUNDS):
        titles = assign(toks, [(c.first, c.last) for c in chosen])
        keep = [
            c.kind != "ongba" or bool(ts) or _known(memory, toks, c)
            for c, ts in zip(chosen, titles)
        ]
        if all(keep):
            break
        chosen = [c for c, k in zip(chosen, keep) if k]
    else:
        titles = assign(toks, [(c.first, c.last) for c in chosen])
    out: list[Span] = []
    for c, ts in zip(chosen, titles):
        start, end = toks[c.first].start, toks[c.last - 1].end
        out.append(Span(start, end, "OFFICIAL", text[start:end],
                        titles=[text[t.start:t.end] for t in ts]))
    for s in out:
        memory.add(s.text)
    return out
