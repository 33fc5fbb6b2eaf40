"""The shape of a personal name: where a name starts and ends in a capitalised run.

A Vietnamese personal name is a run of 2–4 capitalised syllables that starts on
a surname from the gazetteer; a foreign name is 2–3 capitalised words in plain
Latin letters with a non-Vietnamese spelling (``Jacques Chirac``), whose parts
may be joined by a hyphen (``Jean-Pierre Jouyet``). Places, bodies and named
things (``xã Sơn Dương``, ``Trường THPT Lê Quý Đôn``) are told apart from names
by the word before them. Shared by the OFFICIAL labelling functions
(``phogov.rules.officials``) and document coreference (``phogov.rules.coref``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from phogov.rules.lexicon_titles import (
    HISTORICAL_NAMES,
    MIDDLE_NAMES,
    NAMED_THINGS,
    ORG_PAIRS,
    PLACES,
    RANKS,
    SURNAMES,
    TOP_SURNAMES,
)
from phogov.titles import Tok, _phrase_index, head_at, match_phrase

PLACE_INDEX = _phrase_index(PLACES)
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
_HYPHENS = frozenset({"-", "–"})


def glued_hyphen(toks: Sequence[Tok], k: int) -> bool:
    """``toks[k]`` is a hyphen written without spaces inside a capitalised word
    (``Jean-Pierre``, ``Myeong-sook``, ``Abd-al-Mahdi``): it joins the parts of one name."""
    if not (0 < k < len(toks) - 1 and toks[k].text in _HYPHENS
            and toks[k - 1].end == toks[k].start and toks[k].end == toks[k + 1].start
            and toks[k + 1].kind in ("cap", "lower")):
        return False
    left = toks[k - 1].kind
    # a lower-case part continues a name only after an earlier glued part (``Abd-al``)
    return left == "cap" or (left == "lower" and k >= 3 and glued_hyphen(toks, k - 2))


def _name_part_head(toks: Sequence[Tok], j: int) -> bool:
    """A rank spelled inside a name, every syllable capitalised (``Đỗ Trung Tá``,
    ``Lê Đại Úy``): a rank in running text is written ``trung tá`` or ``Trung tá``."""
    end = head_at(toks, j)
    return (end - j == 2 and all(t.kind == "cap" for t in toks[j:end])
            and " ".join(t.low for t in toks[j:end]) in RANKS)


def caps_run(toks: Sequence[Tok], i: int) -> int:
    """End of the run of capitalised words from ``i`` (glued hyphens inside); a title
    head ends it, unless it is a rank spelled as name syllables."""
    j = i
    while j < len(toks) and not (j > i and head_at(toks, j) and not _name_part_head(toks, j)):
        if toks[j].kind == "cap":
            j += 1
        elif j > i and glued_hyphen(toks, j):
            j += 2
            while j < len(toks) and toks[j - 1].kind == "lower" and glued_hyphen(toks, j):
                j += 2  # ``Abd-al-Mahdi``
            if toks[j - 1].kind == "lower":
                break  # ``Han Myeong-sook``: a lower-case part ends the name
        else:
            break
    return j


def words_of(toks: Sequence[Tok], s: int, b: int) -> list[str]:
    """The words of tokens [s, b), hyphenated parts kept whole (``Jean-Pierre``)."""
    words: list[str] = []
    k = s
    while k < b:
        if glued_hyphen(toks, k) and words and k + 1 < b:
            words[-1] += toks[k].text + toks[k + 1].text
            k += 2
            continue
        words.append(toks[k].text)
        k += 1
    return words


def vietnamese(word: str) -> bool:
    """Whether ``word`` is spelled like a Vietnamese syllable (``Informatics`` is not)."""
    bare = "".join(
        c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c)
    ).replace("đ", "d")
    return bool(_VN_SYLLABLE.match(bare))


def foreign(toks: Sequence[Tok], s: int, b: int) -> bool:
    """A 2–3 word run in plain Latin letters with a non-Vietnamese spelling (``Jacques Chirac``)."""
    words = words_of(toks, s, b)
    parts = [p for w in words for p in re.split(r"[-–]", w)]
    return (
        2 <= len(parts) <= 4 and len(words) <= 3
        and all(p.isascii() and p.isalpha() for p in parts)
        and not all(vietnamese(p) for p in parts)
    )


def foreign_surname(word: str) -> bool:
    """One capitalised Latin word that no Vietnamese syllable spells and no acronym is
    (``Bush``, ``Thaksin``; not ``WTO``, not ``Hùng``)."""
    return (len(word) >= 3 and word.isascii() and word.isalpha() and word[0].isupper()
            and not word.isupper() and not vietnamese(word))


def namelike(toks: Sequence[Tok], s: int, b: int) -> bool:
    """Surname first, Vietnamese syllables, and not a sector name (``Nông Nghiệp``)."""
    if toks[s].text not in SURNAMES or not all(vietnamese(t.text) for t in toks[s:b]):
        return False
    return toks[s].low + " " + toks[s + 1].low not in ORG_PAIRS


def pick_name(toks: Sequence[Tok], a: int, b: int, forbid_first: bool,
              foreign_ok: bool = False, first_run: bool = True,
              single_foreign: bool = False) -> tuple[int, int] | None:
    """The most likely personal name ending at the end of the capitalised run [a, b).

    The whole run when it looks like a name; otherwise candidates start on a
    surname, span 2–4 syllables and end at ``b``: a known place at the start of
    the run pushes the name after it, a common surname and three syllables are
    preferred, and a surname in second position suggests the name starts one later.
    With ``foreign_ok`` a foreign name is accepted after a country or an
    affiliation (``Tổng thống Pháp Jacques Chirac``), never as the first words
    after the head (``Chủ tịch Exxon Mobil`` is a company). ``single_foreign``: one
    foreign word is a name too (``Tổng thống Bush``); the caller allows it right after a
    head that only people hold, where a body's name cannot stand.
    """
    cover = match_phrase(toks, a, PLACE_INDEX, b)
    if 2 <= b - a <= 4 and not cover and not forbid_first and namelike(toks, a, b):
        return not_historical(toks, a, b)  # the whole run is the name
    best: tuple[float, int] | None = None
    for s in range(max(a, b - 4), b - 1):
        if s < a + cover or (s == a and forbid_first) or not namelike(toks, s, b):
            continue
        if s > a and toks[s].text in MIDDLE_NAMES:
            continue  # ``Đồng Văn Khiêm``: ``Văn`` inside a run is a middle name
        if s > a and match_phrase(toks, s, PLACE_INDEX, b) >= 2:
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
        # ``tập đoàn China Eagle`` is a company: a thing's word before the run forbids it
        if not foreign_ok or not (cover or not (first_run or forbid_first)):
            return None
        if foreign(toks, a + cover, b):
            return a + cover, b
        if single_foreign and b - (a + cover) == 1 and foreign_surname(toks[a + cover].text):
            return a + cover, b  # ``Tổng thống Bush``, ``Thủ tướng Thái Lan Thaksin``
        # a country written in Vietnamese that the gazetteer lacks, then the name
        # (``Tổng thống Nam Tư Slobodan Milosevic``)
        for s in range(a + cover + 1, b - 1):
            if toks[s - 1].kind == "cap" and foreign(toks, s, b) and all(
                vietnamese(t.text) for t in toks[a + cover:s]
            ) and not any(vietnamese(t.text) for t in toks[s:b] if t.kind == "cap"):
                return s, b
        return None
    return not_historical(toks, best[1], b)


def not_historical(toks: Sequence[Tok], s: int, b: int) -> tuple[int, int] | None:
    if " ".join(t.text for t in toks[s:b]) in HISTORICAL_NAMES:
        return None
    return s, b


def forbid_first(toks: Sequence[Tok], a: int, b: int) -> bool:
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
            return bool(match_phrase(toks, a, PLACE_INDEX))
        # below a province, 2-syllable runs are place names (``huyện Mai Sơn``);
        # ``huyện Nguyễn Văn Khỏe`` is more likely a chairman than a district
        return not (3 <= b - a <= 4 and toks[a].text in TOP_SURNAMES)
    for n in (3, 2, 1):
        if a - n >= 0 and tuple(t.low for t in toks[a - n:a]) in _THINGS:
            glued = n == 1 and a >= 2 and toks[a - 2].low + " " + prev in ORG_PAIRS
            if not glued:  # ``Quốc hội Nguyễn Văn An``: ``hội`` ends a body's name
                return True
    return False


def ends_cleanly(toks: Sequence[Tok], b: int) -> bool:
    """The token after a name does not glue to its last syllable (``Đoàn Thanh niên``)."""
    if b >= len(toks) or toks[b].kind != "lower":
        return True
    return toks[b - 1].low + " " + toks[b].low not in ORG_PAIRS


def is_credit(toks: Sequence[Tok], a: int) -> bool:
    """A name right after ``Ảnh:``/``Theo``: a photo credit or a byline, not a mention."""
    k = a - 1
    while k >= 0 and toks[k].text in (":", "(", "-", "–"):
        k -= 1
    return k >= 0 and toks[k].low in _CREDIT_WORDS


def is_byline(toks: Sequence[Tok]) -> bool:
    """A sentence that is only a short capitalised name: an author's signature."""
    words = [t for t in toks if t.kind != "punct"]
    return 1 <= len(words) <= 4 and all(t.kind == "cap" for t in words)
