"""Where an ORG name ends: places, proper-name runs, descriptor chains, parents.

The guideline's boundary rules (ANNOTATION.md, ORG, "Where a name ends") live
here: a name keeps its descriptor and its completing place or parent body and
stops before a verb, a date, a term suffix, a person's name or a clause. Head
nouns (which decide that a body starts) are in ``orgs_heads``; this base class
only asks ``org(i)`` whether a body starts at a token.
"""

from __future__ import annotations

from phogov.rules import lexicon_orgs as lex
from phogov.rules.orgs_tokens import (
    COMMITTEES,
    DESCS,
    DESCS_ANY,
    FIXED,
    FUNCTION_WORDS,
    GAZ,
    GENERIC,
    GENERIC_PREV,
    HEADS,
    LEVELS,
    PARENTS,
    PEOPLE,
    RELATIONAL,
    ROMAN,
    STRONG_VERBS,
    SUBJECTS,
    TITLE_STOP,
    VERB_STARTS,
    brand_like,
    tokenize,
)

# Title starts that also start place names when a capitalised syllable follows.
_PLACE_TITLE_STARTS = frozenset({"Thủ", "Đại", "Thượng", "Trung"})


class NameParser:
    """Boundary grammar over one sentence's tokens; subclasses supply ``org``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.t = tokenize(text)
        self.n = len(self.t)

    def org(self, i: int) -> int | None:  # pragma: no cover - supplied by HeadParser
        raise NotImplementedError

    # --- small helpers -------------------------------------------------------
    def _ok(self, i: int) -> bool:
        """Token ``i`` exists and continues the phrase (no line break, one space at most)."""
        return i < self.n and self.t[i].joined

    def _capword(self, i: int) -> bool:
        return self._ok(i) and self.t[i].capword and not ROMAN.fullmatch(self.t[i].text)

    def _is_person_at(self, k: int) -> bool:
        """A surname followed by at least one more capitalised syllable."""
        if k >= len(self.t) or self.t[k].text not in lex.SURNAMES or not self._capword(k + 1):
            return False
        # ``Hà Nội``, ``Cao Bằng``: a known place that starts with a family name.
        m = GAZ.match(self.t, k)
        return not (m and not (self._capword(m[0]) and self.t[m[0]].text in lex.SURNAMES))

    def _gaz_at(self, p: int) -> int | None:
        """End of a known place/country at ``p`` if the name stops there
        (``Đức`` in ``Bộ Quốc phòng Đức``, not in ``Công an Đức Trọng``)."""
        if not self._ok(p):
            return None
        m = GAZ.match(self.t, p)
        if m and (not self._capword(m[0]) or self._is_person_at(m[0])):
            return m[0]
        return None

    def _in_code(self, i: int) -> bool:
        """Token ``i`` is glued to ``-`` or ``/`` (``12/KH-UBND``): a document code."""
        t = self.t
        before = i > 0 and t[i - 1].text in "-/" and t[i - 1].end == t[i].start
        after = i + 1 < self.n and t[i + 1].text in "-/" and t[i + 1].start == t[i].end
        return before or (after and t[i].text.isupper() and i + 2 < self.n
                          and t[i + 2].start == t[i + 1].end and t[i + 2].text.isupper())

    # --- places and names ------------------------------------------------------
    def name_run(self, p: int, after_level: bool) -> int | None:
        """A proper name (capitalised syllables) that completes a body or a place."""
        if not self._capword(p):
            return None
        gaz = self._gaz_at(p)
        if gaz:
            return gaz
        first = self.t[p].text
        place_like = (first in _PLACE_TITLE_STARTS and self._capword(p + 1)
                      and self.t[p + 1].text not in TITLE_STOP)  # ``Thủ Đức``, ``Đại Lộc``
        if (first in TITLE_STOP and not place_like) or (
                first == "Đồng" and self._ok(p + 1) and self.t[p + 1].low == "chí"):
            return None
        if not after_level and first in lex.RUN_STOP:
            return None
        q = p + 1
        while self._capword(q) and self.t[q].text not in TITLE_STOP:
            q += 1
        if first in lex.SURNAMES:
            # ``quận Lê Chân`` is a place; ``UBND tỉnh Nguyễn Văn A`` reaches a person.
            return q if after_level and q - p == 2 else None
        for k in range(p + 1, q):
            if self._is_person_at(k) and q - k >= 3:
                return k  # ``Hải Phòng Trần Lưu Quang``; ``Nam Thái Sơn`` stays a place
        return min(q, p + 4)

    def _place_number(self, e: int) -> int:
        """``xã Gia Tân 1``: a small number after a place name belongs to it, unless it
        counts something (``huyện Ba Vì 5 năm qua``)."""
        t = self.t
        if (self._ok(e) and t[e].text.isdigit() and len(t[e].text) <= 2
                and not (e + 1 < self.n and t[e + 1].low in lex.MEASURE_WORDS)
                and not (e + 1 < self.n and t[e + 1].text in "/.,-" and t[e + 1].joined
                         and e + 2 < self.n and t[e + 2].text.isdigit())):
            return e + 1
        return e

    def subject_phrase(self, p: int) -> int | None:
        """``tội phạm về trật tự quản lý kinh tế và chức vụ``: what a police unit or a
        steering board deals with, written in lower case after its descriptor
        (ANNOTATION.md: "a body's name keeps its subject phrase", commas included).
        It starts with a subject marker and ends before a capital, a bracket, a verb
        or a clause; None when no marker starts at ``p``."""
        m = SUBJECTS.match(self.t, p) if self._ok(p) else None
        if not m:
            return None
        k = last = m[0]
        while k < self.n and k - p < 16 and self.t[k].joined:
            tok = self.t[k]
            if tok.word and not tok.cap and tok.low not in lex.SUBJECT_STOPS and (
                    tok.low not in FUNCTION_WORDS or tok.low in ("về", "và")):
                k += 1
                if tok.low not in ("về", "và"):
                    last = k
                continue
            if tok.low == "," and self._ok(k + 1) and self.t[k + 1].word and not self.t[k + 1].cap:
                k += 1
                continue
            break
        if last < self.n and self._capword(last) and not (
                self._starts_body(last) or self._boundary(last) or GAZ.match(self.t, last)):
            return None  # the subject runs on into a proper name: its end is unclear
        return last if last > m[0] or m[1] == "tội phạm" else None

    def _dotted_level(self, p: int) -> int | None:
        """``Q.10``, ``P.5``, ``Q.1``: a district or ward written as its level's initial, a
        dot and its number, all glued (Ho Chi Minh City papers); the index after it."""
        t = self.t
        if (p + 2 < self.n and t[p].text in ("Q", "P") and t[p + 1].text == "."
                and t[p + 2].text.isdigit() and t[p].end == t[p + 1].start
                and t[p + 1].end == t[p + 2].start):
            return p + 3
        return None

    def place(self, p: int, name_ok: bool) -> int | None:
        """A completing place: level word + name, bare level, or a known/proper name."""
        if p >= self.n or not self.t[p].joined:
            return None
        dotted = self._dotted_level(p)
        if dotted:
            return dotted
        lv = LEVELS.match(self.t, p)
        if lv:
            q, phrase = lv
            nxt = self.t[q].low if self._ok(q) else ""
            if nxt in ("ủy", "uỷ", "đoàn") or (phrase == "xã" and nxt == "hội"):
                return None  # ``Tỉnh ủy``, ``Xã hội`` are not places
            if self._ok(q):
                gaz = self._gaz_at(q)
                if gaz:
                    return gaz
                run = self.name_run(q, after_level=True)
                if run:
                    return self._place_number(run)
                if self.t[q].text.isdigit():
                    return q + 1
            if phrase.lower() in lex.BARE_LEVELS:
                if (self._ok(q) and self.t[q].low in (",", "và", "/", "-")
                        and self.place(q + 1, False) is not None):
                    return GENERIC  # ``xã, phường``: every commune, not one body
                return q
            return None
        gaz = self._gaz_at(p)
        if gaz:
            return gaz
        return self.name_run(p, after_level=False) if name_ok else None

    # --- descriptor chain ----------------------------------------------------
    def _boundary(self, p: int) -> bool:
        """A place, parent body or parent word starts at ``p`` (ends the descriptor)."""
        if LEVELS.match(self.t, p) and self.place(p, False) not in (None,):
            return True
        if any(lx.match(self.t, p) for lx in (COMMITTEES, FIXED, PARENTS)):
            return True
        # ``Công an``, ``Thanh tra`` are also descriptors (``Bộ Công an``): they
        # only start a parent when they parse as a body of their own.
        return self._starts_body(p) and self.org(p) is not None

    def _title_stop(self, q: int) -> bool:
        """A title starts at ``q`` and ends the name before it. ``Trung``, ``Thượng`` and
        ``Thiếu`` do so only as ranks (``Trung tá``); otherwise they are name syllables
        (``Công ty Đất Trung Việt``)."""
        text = self.t[q].text
        if text in ("Trung", "Thượng", "Thiếu"):
            # ``Trung ương`` is a parent the caller adds (``Công ty Ong Trung ương``)
            return q + 1 < self.n and self.t[q + 1].low in ("tướng", "tá", "úy", "uý", "ương")
        return text in TITLE_STOP

    def group(self, p: int, named_only: bool = False) -> int | None:
        """Fallback descriptor piece, when no lexicon descriptor fits.

        ``Cap Cap…`` (``Việt Nam``, ``Thành Công``); ``Cap lower…`` up to five
        syllables when a name or place follows (``Gốm xây dựng Hạ Long``);
        ``Cap lower`` before punctuation or a predicate (``Viễn thông, …``);
        ``Cap`` alone before a predicate (``Jobrus đề nghị``). Anything else is
        left untagged rather than cut at a guessed boundary. ``named_only``: only a
        piece that a name or place follows (to extend a lexicon descriptor).
        """
        if not self._capword(p) or self.t[p].text in TITLE_STOP:
            return None
        gaz = self._gaz_at(p)
        if gaz:
            return gaz
        if self._is_person_at(p) and self._capword(p + 2):
            return None
        q = p + 1
        if brand_like(self.t[p].text) and not self._capword(q):
            return q  # a foreign or coined name never runs on into Vietnamese words
        if self._capword(q):
            while self._capword(q) and not self._title_stop(q):
                if self._is_person_at(q) and self._capword(q + 2):
                    break
                if self._starts_body(q) and self.org(q) is not None:
                    break  # a parent body follows (``Trung tâm Tin học Trường ĐH …``)
                q += 1
            return q
        if self.t[p].text.isupper():
            return q
        lowers = []
        k = q
        while (len(lowers) < 5 and self._ok(k) and self.t[k].word and not self.t[k].cap
               and self.t[k].low not in FUNCTION_WORDS and self.t[k].low not in STRONG_VERBS):
            lowers.append(k)
            k += 1
        for end in range(q + len(lowers), q + 1, -1):
            if self._continues_name(end) and not any(
                self.t[x].low in VERB_STARTS for x in range(q + 1, end)
            ):
                return end
        if named_only:
            return None
        for end in range(q + len(lowers), q, -1):
            # ``Công ty Cà phê 52``, ``Xí nghiệp Khảo sát thiết kế I``: a short lower-case
            # tail closed by the unit's number (the head takes the number, see ``org``)
            if end - q <= 3 and self._number_closes(end) and not any(
                    self.t[x].low in VERB_STARTS for x in range(q + 1, end)):
                return end
        for end in range(q + len(lowers), q + 1, -1):
            # ``Công ty Vật tư tổng hợp, …``: a short lower-case tail right before a
            # punctuation mark, with no verb inside it
            if end - q <= 3 and self._hard_stop(end) and not any(
                    self.t[x].low in VERB_STARTS for x in range(q + 1, end)):
                return end
        if lowers and self._stops_after(q + 1):
            return q + 1
        if self._ok(q) and self.t[q].low in FUNCTION_WORDS | STRONG_VERBS:
            return q
        return q if not self._ok(q) or not self.t[q].word else None

    def _date_name(self, k: int) -> int | None:
        """End of a day/month that names a company (``2/9``, ``30/4``), glued, at ``k``."""
        t = self.t
        if not (k + 2 < self.n and t[k].text.isdigit() and t[k + 1].text == "/"
                and t[k + 1].start == t[k].end
                and t[k + 2].start == t[k + 1].end and t[k + 2].text.isdigit()):
            return None
        day, month = int(t[k].text), int(t[k + 2].text)
        return k + 3 if 1 <= day <= 31 and 1 <= month <= 12 else None

    def _small_number(self, k: int) -> bool:
        """Token ``k`` can number a unit: up to three digits or a Roman numeral of up to
        four letters (``52``, ``IV``)."""
        tok = self.t[k].text
        return (tok.isdigit() and len(tok) <= 3) or (
            ROMAN.fullmatch(tok) is not None and len(tok) <= 4)

    def _number_closes(self, k: int) -> bool:
        """A unit number, a day/month or a Roman numeral at ``k`` ends the phrase
        (``Cà phê 52,``, ``Dược phẩm 2/9 (``, ``Khảo sát thiết kế I)``)."""
        if not (self._ok(k) and self._small_number(k)):
            return False
        return self._hard_stop(self._date_name(k) or k + 1)

    def _continues_name(self, k: int) -> bool:
        """After ``k`` the name goes on: a capitalised word, a level word, ``và``/``-`` + Cap."""
        if not self._ok(k):
            return False
        if self._capword(k) or LEVELS.match(self.t, k):
            return True
        return self.t[k].low in ("và", "-") and self._capword(k + 1)

    def _hard_stop(self, k: int) -> bool:
        """The sentence ends at ``k``, a punctuation mark comes, or a word that only
        follows a complete noun phrase (``thuộc``, ``của``, ``cũng``)."""
        if k >= self.n:
            return True
        tok = self.t[k]
        return tok.text in ",.;:()-–—\"" or tok.low in lex.NAME_END_WORDS

    def _stops_after(self, k: int) -> bool:
        """Nothing lower-case that could continue a descriptor comes at ``k``."""
        if not self._ok(k) or self.t[k].text.isdigit():
            return not self._ok(k)  # a number is an object (``xoá 80% nợ``), not a stop
        if not self.t[k].word or self.t[k].cap:
            return True
        return self.t[k].low in VERB_STARTS or bool(LEVELS.match(self.t, k))

    def desc_chain(self, p: int, fallback: bool, any_case: bool = False,
                   extend: bool = False) -> tuple[int, str] | None:
        """Descriptor pieces joined by space, ``và``, ``-``, ``&``: (end, first piece text).

        A comma never continues it (``Cục Viễn thông, Bộ …`` are two bodies);
        comma lists inside one name (``Văn hóa, Thể thao và Du lịch``) are lexicon phrases.
        ``any_case``: lexicon descriptors also match in lower case (``Bộ kế hoạch và đầu tư``);
        ``extend``: a lexicon descriptor may run on in lower case up to a name or place
        (``Sở Lao động thương binh xã hội Hà Nội``).
        """
        end: int | None = None
        first = ""
        while self._ok(p) and not self._boundary(p):
            d = DESCS.match(self.t, p) or (DESCS_ANY.match(self.t, p) if any_case else None)
            q = d[0] if d else (self.group(p) if fallback else None)
            if d and extend and self._ok(q) and self.t[q].word and not self.t[q].cap:
                # ``Trung tâm An ninh mạng BKIS``: the name goes on past the lexicon phrase
                q = max(q, self.group(p, named_only=True) or 0)
            if q is None:
                break
            if end is None:
                first = " ".join(t.low for t in self.t[p:q])
            caps = self.t[q - 1].text.isupper()
            piece_is_name = bool(self._gaz_at(p)) or caps
            end, p = q, q
            if (self._ok(p) and self.t[p].low in ("và", "-", "&") and self._capword(p + 1)
                    and not self._starts_body(p + 1)
                    and self.t[p + 1].joined == self.t[p].joined
                    and (not piece_is_name
                         or (caps and self.t[p].low == "-" and self.t[p + 1].text.isupper()))):
                p += 1
            elif not self._capword(p):
                break
        return (end, first) if end is not None else None

    def _starts_body(self, p: int) -> bool:
        """A new body head starts at ``p`` (``… và Công ty …`` is a second body)."""
        return any(lx.match(self.t, p) for lx in (HEADS, COMMITTEES, PEOPLE, FIXED, RELATIONAL))

    def parent(self, p: int) -> int | None:
        """A parent body completing a sub-body: ``Trung ương (Đảng)`` or another ORG."""
        if not self._ok(p):
            return None
        pw = PARENTS.match(self.t, p)
        org = self.org(p)
        best = max(pw[0] if pw else 0, org or 0)
        return best or None

    # --- generic references --------------------------------------------------
    def _generic_after(self, e: int) -> bool:
        """``… các cấp`` / ``… cấp tỉnh`` after the name: every body of a level."""
        if not self._ok(e):
            return False
        if self.t[e].low in ("các", "nhiều", "những", "mọi"):
            return True  # ``UBND các xã``, ``UBND nhiều xã``: a set of bodies
        if ((self.t[e].text.isdigit() or self.t[e].low in ("hai", "ba", "bốn"))
                and self._ok(e + 1) and self.t[e + 1].low == "cấp"):
            return True  # ``đại biểu HĐND 3 cấp``: the councils of three levels
        return self.t[e].low == "cấp" and bool(LEVELS.match(self.t, e + 1))

    def _generic_before(self, i: int) -> bool:
        if i > 0 and self.t[i - 1].low in GENERIC_PREV:
            return True
        return i > 1 and self.t[i - 2].low == "một" and self.t[i - 1].low == "số"
