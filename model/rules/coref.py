"""Document coreference for officials: later mentions of someone already presented as one.

The guideline tags a name "wherever the person is presented as an official in
the sentence or earlier in the same document", and a short later mention
(``ông Tuấn``) is tagged too. ``DocMemory`` keeps the officials found so far and
the short forms they may be referred to by:

* a Vietnamese name (``Nguyễn Thị Thu Hằng``) by its given name, or the last
  syllables of it (``Hằng``, ``Thu Hằng``), and by its family name (``Nguyễn``)
  only right after ``ông``/``bà``/``anh``/``chị``/``đồng chí``, where a bare
  surname cannot be anything else;
* a foreign name (``Thaksin Shinawatra``, ``Jean-Pierre Jouyet``) by its first or
  its last word, since the order of given and family names varies with the
  country. A foreign word cannot be a Vietnamese common word, so these short
  forms are tagged bare as well (``chính phủ Thaksin``), unless another foreign
  word stands next to them: ``Snoh Thienthong`` is not ``Uraiwan Thienthong``.

Mentions are found after a trigger word, right after a title (``Thứ trưởng
Tiến``), as a full known name anywhere, bare for foreign short forms, and bare for a
Vietnamese given name (``đối với Dũng``) when it is a whole capitalised run that no
place word precedes (at a sentence start, only before a word that follows a subject). All of
them are the ``officials.coref`` labelling function.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from phogov.rules.lexicon_titles import SURNAMES
from phogov.rules.names import PLACE_INDEX, caps_run, forbid_first, glued_hyphen, vietnamese
from phogov.titles import Tok, head_at, match_phrase

# Longest personal name in words (``Nguyễn Thị Thanh Hương Giang`` is rare); bounds the
# look-back for known names so the work stays linear in the sentence.
MAX_NAME = 5
_PARTS = re.compile(r"[-–]")


def _is_foreign(word: str) -> bool:
    return not all(vietnamese(p) for p in _PARTS.split(word) if p)


# Birth-order words that head a southern nickname (``Sáu Bi``, ``Ba Sương``, ``Út Nhỏ``).
BIRTH_ORDER_NAMES = frozenset("Hai Ba Tư Năm Sáu Bảy Tám Chín Mười Út".split())


@dataclass
class DocMemory:
    """Officials seen earlier in the document, with the short forms that refer to them."""

    names: set[str] = field(default_factory=set)
    short: dict[str, set[str]] = field(default_factory=dict)
    family: dict[str, set[str]] = field(default_factory=dict)
    bare: set[str] = field(default_factory=set)
    given: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)  # every full Vietnamese name seen so far

    def add(self, name: str) -> None:
        words = name.split()
        if len(words) < 2:
            return
        name = " ".join(words)
        self.names.add(name)
        if any(_is_foreign(w) for w in words):
            # the first word is a short form of a two-word name only (``Thaksin``); in
            # a longer run it may be a stray country or initial (``Czech Lubomir …``)
            forms = [words[0], words[-1]] if len(words) == 2 else [words[-1]]
            self.bare.update(w for w in forms if _is_foreign(w))
        else:
            forms = [" ".join(words[k:]) for k in range(1, len(words))]
            self.family.setdefault(words[0], set()).add(name)
            self.given.update(forms[-2:])  # ``Dũng``, ``Tiến Dũng``: bare, see _bare_given
        for form in forms:
            self.short.setdefault(form, set()).add(name)

    def knows(self, mention: str, after_trigger: bool = False) -> bool:
        """``mention`` names a known official: in full, by a short form, or (after
        ``ông``/``bà``/…) by the family name or by a southern nickname, the birth-order
        word and the given name (``ông Sáu Bi`` for Huỳnh Hiếu Bi)."""
        if after_trigger:
            words = mention.split()
            if (len(words) == 2 and words[0] in BIRTH_ORDER_NAMES
                    and words[1] in self.short and words[1] in self.given):
                return True
        return (
            mention in self.names
            or mention in self.short
            or (after_trigger and mention in self.family)
        )


def mention_text(toks: Sequence[Tok], s: int, e: int) -> str:
    """The words of tokens [s, e) as one string, hyphenated parts glued (``Jean-Pierre``)."""
    out = ""
    for k in range(s, e):
        glued = k > s and (glued_hyphen(toks, k) or glued_hyphen(toks, k - 1))
        out += toks[k].text if glued or k == s else " " + toks[k].text
    return out


def after_trigger(toks: Sequence[Tok], j: int, b: int, memory: DocMemory) -> bool:
    """The run [j, b) right after ``ông``/``bà``/``đồng chí`` names a known official."""
    return b - j <= MAX_NAME and memory.knows(mention_text(toks, j, b), after_trigger=True)


def after_title(toks: Sequence[Tok], k: int, b: int, memory: DocMemory) -> tuple[int, int] | None:
    """A known short form filling the run [k, b) after a title (``Thứ trưởng Tiến``,
    ``Thủ tướng Thái Lan Thaksin``); a place at the start of the run is skipped."""
    if forbid_first(toks, k, b):
        return None
    s = k + match_phrase(toks, k, PLACE_INDEX, b)
    if s < b and b - s <= 2 and memory.knows(mention_text(toks, s, b)):
        return s, b
    return None


def _full_names(toks: Sequence[Tok], i: int, b: int, memory: DocMemory) -> list[tuple[int, int]]:
    """Known full names ending the capitalised run [i, b)."""
    return [
        (s, b)
        for s in range(max(i, b - MAX_NAME), b - 1)
        if (s == i or toks[s].text in SURNAMES) and mention_text(toks, s, b) in memory.names
    ]


def _bare_foreign(toks: Sequence[Tok], i: int, b: int, memory: DocMemory) -> list[tuple[int, int]]:
    """Foreign short forms standing in the run [i, b) with no other foreign word."""
    found: list[tuple[int, int]] = []
    words: list[tuple[int, int]] = []  # word extents, hyphenated parts glued
    k = i
    while k < b:
        e = k + 1
        while e + 1 < b and glued_hyphen(toks, e):
            e += 2
        words.append((k, e))
        k = e
    foreign = [w for w in words if _is_foreign(mention_text(toks, *w))]
    if len(foreign) == 1 and mention_text(toks, *foreign[0]) in memory.bare:
        s, e = foreign[0]
        if not forbid_first(toks, s, e):  # ``Công ty đầu tư Eagle`` names a company
            found.append(foreign[0])
    return found


# Words that follow a subject and never make a compound with the syllable before them:
# at the start of a sentence, ``Dũng khai`` is the man, ``Tiến độ`` is progress.
_SUBJECT_NEXT = frozenset(
    "đã bị được cho nói khai là và cũng vẫn không chưa từng còn thì mới đang sẽ , ( :".split()
)


# Lower-case words that may follow a bare name inside a sentence; any other lower-case word
# may be the second syllable of a compound written with one capital (``Quốc hội``,
# ``Chính phủ``, ``Tiến độ``), so the name is not taken there.
_NAME_NEXT = _SUBJECT_NEXT | frozenset(
    "để nhận nộp đưa ký mua bán chuyển có chỉ đi về ra vào tại ở mà nhưng với cùng làm cho "
    "trả khẳng thừa xin gặp biết nắm đứng".split()
)


# Given names that are also a country, a point of the compass or a pronoun standing alone
# (``thăm Anh``, ``miền Nam``, ``Anh đã nói``): never taken bare.
_BARE_STOP = frozenset(
    "Anh Nam Bắc Đông Tây Pháp Nga Đức Mỹ Lào Úc Nhật Hàn Trung Ý Bỉ Hà Em Chị Cô".split()
)
# Words before a capitalised word that make it a region or a place (``miền Nam``).
_REGION_WORDS = frozenset({"miền", "phía", "hướng", "nước", "vùng", "khu", "xứ", "đất"})


def _bare_given(toks: Sequence[Tok], i: int, b: int, memory: DocMemory) -> list[tuple[int, int]]:
    """A known official's given name standing alone (``lệnh tạm giam đối với Dũng``):
    the whole capitalised run, not a place (``xã Tiến Dũng``); at the start of a
    sentence only before a word that follows a subject (``Dũng khai nhận``)."""
    form = mention_text(toks, i, b)
    if b - i > 2 or form not in memory.given or forbid_first(toks, i, b) or form in _BARE_STOP:
        return []
    if i > 0 and toks[i - 1].low in _REGION_WORDS:
        return []
    if any(p.endswith(" " + form) for p in memory.people - memory.names):
        return []  # someone else of that name (a private citizen) is in the story too
    if i == 0 and not (b < len(toks) and toks[b].low in _SUBJECT_NEXT):
        return []
    if b < len(toks) and toks[b].kind == "lower" and toks[b].low not in _NAME_NEXT:
        return []  # ``với Quốc hội``: one capital, then a compound's second syllable
    if i >= 2 and toks[i - 1].kind == "lower" and toks[i - 2].kind == "cap":
        return []  # the end of a name: ``Bệnh viện Thẩm mỹ Thanh Vân``, ``Tiểu học Dũng``
    return [(i, b)]


def mentions(toks: Sequence[Tok], memory: DocMemory) -> list[tuple[int, int]]:
    """Full known names, bare foreign short forms and bare given names anywhere in the
    sentence. Also records in ``memory.people`` every full Vietnamese name it passes (an
    official's or not), which ``_bare_given`` reads to leave a shared given name alone."""
    out: list[tuple[int, int]] = []
    i = 0
    n = len(toks)
    while i < n:
        if toks[i].kind != "cap" or head_at(toks, i):
            i += 1
            continue
        b = caps_run(toks, i)
        if b - i >= 2:
            out += _full_names(toks, i, b, memory)
            if toks[i].text in SURNAMES and b - i <= MAX_NAME:
                memory.people.add(mention_text(toks, i, b))
        if memory.bare:
            out += _bare_foreign(toks, i, b, memory)
        if memory.given:
            out += _bare_given(toks, i, b, memory)
        i = max(b, i + 1)
    return out
