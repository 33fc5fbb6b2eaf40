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

Input is one normalised sentence (``phogov.normalize``); spans are in its offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from phogov.rules import lexicon_orgs as lex
from phogov.types import Span

LABEL = "ORG"

# All-caps with an inner dot (TP.HCM), letter runs (with & inside: GD&ĐT), digit
# runs (kept apart from letters: list numbers glued to names, ``Vĩnh Phúc30``), or a symbol.
_TOKEN = re.compile(r"[A-ZĐ]+\.[A-ZĐ]+|[^\W\d_]+(?:&[^\W\d_]+)*|\d+|[^\w\s]")
_ROMAN = re.compile(r"[IVXLC]+")
_GENERIC = -1  # a completion that makes the whole phrase generic (``xã, phường``)

# Lower-case words that cannot be the second syllable of a capitalised descriptor.
_FUNCTION_WORDS = frozenset(
    "và của đã đang sẽ vừa với cho tại về trong theo được bị là có không cũng thì mà này đó "
    "các những để từ đến trên dưới khóa khoá nhiệm lần năm tháng ngày cấp ở như đều còn rất "
    "chỉ phải nên vì do nhằm trực thuộc làm tổ ban hành".split()
)
# First syllables of verbs that typically follow a body as its predicate; a
# descriptor never runs into them (``Tập đoàn Jobrus đề nghị``).
_VERB_STARTS = _FUNCTION_WORDS | frozenset(
    "đề yêu cho chỉ quyết thực triển phối ký trao tiếp gửi báo xử giải nhận tham "
    "tiến đưa lập khởi hỗ kiểm chịu cắm tạm ước tuyên khẳng nhấn kêu bàn chấp mở cấp "
    "thu bố họp nêu vận chuẩn hướng tăng giảm dự".split()
)
# Unambiguous predicate starts: a bare capitalised name may end right before them.
_STRONG_VERBS = frozenset("đề yêu cho ký trao gửi nhấn khẳng kêu vừa đã đang sẽ cũng".split())
# Capitalised words that start a title or form of address, never a name part.
_TITLE_STOP = frozenset(
    "Phó Bí Chủ Ủy Uỷ Trưởng Giám Ông Bà Thủ Đại Thượng Trung Thiếu Tổng".split()
)
# Previous words that make ``Thường trực`` part of a title (``Phó Bí thư Thường trực``).
_TITLE_PREV = frozenset({"thư", "tịch", "trưởng", "đốc", "viên", "phó", "tướng", "TT"})
_GENERIC_PREV = frozenset({"các", "những", "mọi", "từng", "nhiều", "mấy"})
# Head + one word that is a place or a common noun, not a body.
_NOT_BODIES = frozenset(
    {("hội", "an"), ("đài", "loan"), ("trường", "sa"), ("trường", "sơn"), ("trường", "giang"),
     ("trường", "chinh"), ("ban", "nha"), ("ban", "mê"), ("hội", "báo")}
)
# Descriptors with which ``Ban`` is an event or working committee unless completed.
_BAN_NEEDS_PARENT = frozenset({"tổ chức", "kiểm tra", "quản lý dự án", "quản lý", "chỉ đạo"})
_COMPANY_HEADS = frozenset({"công ty", "tổng công ty", "tập đoàn", "ngân hàng"})
_COURTS = frozenset({"tòa án nhân dân", "tand", "viện kiểm sát nhân dân", "vksnd"})
_PARENT_OK_HEADS = frozenset({"ủy ban", "hội đồng"})


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int
    low: str
    joined: bool  # separated from the previous token by nothing or one space

    @property
    def word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def capword(self) -> bool:
        return self.word and self.text[0].isupper()


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        gap = text[prev_end : m.start()]
        low = m.group().lower()
        low = "-" if low in ("–", "—") else low  # all dashes join name parts alike
        toks.append(_Tok(m.group(), m.start(), m.end(), low, gap in ("", " ")))
        prev_end = m.end()
    return toks


class _Lexicon:
    """Phrases indexed by first token; case-insensitive, except that a phrase
    written with a capital first letter needs a capital in the text, and an
    all-caps token (``TƯ``, ``TP``) must match exactly (``Tư`` is not ``TƯ``)."""

    def __init__(self, phrases: tuple[str, ...] | frozenset[str]) -> None:
        self.index: dict[str, list[tuple[tuple[str, ...], tuple[str | None, ...], bool, str]]] = {}
        for phrase in phrases:
            raw = _TOKEN.findall(phrase)
            parts = tuple(t.lower() for t in raw)
            exact = tuple(t if len(t) > 1 and t.isupper() else None for t in raw)
            entry = (parts, exact, phrase[0].isupper(), phrase)
            self.index.setdefault(parts[0], []).append(entry)
        for entries in self.index.values():
            entries.sort(key=lambda e: -len(e[0]))

    def match(self, toks: list[_Tok], i: int) -> tuple[int, str] | None:
        """Longest phrase starting at token ``i``: (end token index, phrase)."""
        if i >= len(toks):
            return None
        for parts, exact, upper, phrase in self.index.get(toks[i].low, ()):
            if upper and not toks[i].cap:
                continue
            end = i + len(parts)
            if end > len(toks):
                continue
            if all(
                toks[i + k].low == parts[k]
                and (k == 0 or toks[i + k].joined)
                and (exact[k] is None or toks[i + k].text == exact[k])
                for k in range(len(parts))
            ):
                return end, phrase
        return None


_LEVELS = _Lexicon(lex.PLACE_LEVELS)
_GAZ = _Lexicon(lex.PROVINCES)
_COMMITTEES = _Lexicon(lex.COMMITTEES)
_PEOPLE = _Lexicon(lex.PEOPLE_BODIES)
_FIXED = _Lexicon(lex.FIXED_NAMES)
_RELATIONAL = _Lexicon(lex.RELATIONAL_HEADS)
_PARENTS = _Lexicon(lex.PARENT_WORDS)
_HEADS = _Lexicon(lex.DESC_HEADS + ("công ty", "tổng công ty", "tập đoàn", "ngân hàng"))
_DESCS = _Lexicon(lex.DESCRIPTORS)
_LEGAL = _Lexicon(lex.LEGAL_FORMS)
_TOPICS = _Lexicon(lex.STEERING_TOPICS)
_SCHOOLS = _Lexicon(lex.SCHOOL_TYPES)
_FACILITIES = _Lexicon(lex.FACILITY_HEADS)
_COURT_LEVELS = _Lexicon(lex.COURT_LEVELS)


class _Parser:
    """Recursive-descent parse of body names over one sentence's tokens."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.t = _tokenize(text)
        self.n = len(self.t)
        self._memo: dict[int, int | None] = {}

    # --- small helpers -------------------------------------------------------
    def _ok(self, i: int) -> bool:
        """Token ``i`` exists and continues the phrase (no line break, one space at most)."""
        return i < self.n and self.t[i].joined

    def _capword(self, i: int) -> bool:
        return self._ok(i) and self.t[i].capword and not _ROMAN.fullmatch(self.t[i].text)

    def _is_person_at(self, k: int) -> bool:
        """A surname followed by at least one more capitalised syllable."""
        return self.t[k].text in lex.SURNAMES and self._capword(k + 1)

    def _gaz_at(self, p: int) -> int | None:
        """End of a known place/country at ``p`` if the name stops there
        (``Đức`` in ``Bộ Quốc phòng Đức``, not in ``Công an Đức Trọng``)."""
        if not self._ok(p):
            return None
        m = _GAZ.match(self.t, p)
        if m and (not self._capword(m[0]) or self._is_person_at(m[0])):
            return m[0]
        return None

    # --- places and names ------------------------------------------------------
    def name_run(self, p: int, after_level: bool) -> int | None:
        """A proper name (capitalised syllables) that completes a body or a place."""
        if not self._capword(p):
            return None
        gaz = self._gaz_at(p)
        if gaz:
            return gaz
        first = self.t[p].text
        if first in _TITLE_STOP or (first == "Đồng" and self._ok(p + 1)
                                    and self.t[p + 1].low == "chí"):
            return None
        if not after_level and first in lex.RUN_STOP:
            return None
        q = p + 1
        while self._capword(q) and self.t[q].text not in _TITLE_STOP:
            q += 1
        if first in lex.SURNAMES:
            # ``quận Lê Chân`` is a place; ``UBND tỉnh Nguyễn Văn A`` reaches a person.
            return q if after_level and q - p == 2 else None
        for k in range(p + 1, q):
            if self._is_person_at(k) and q - k >= 3:
                return k  # ``Hải Phòng Trần Lưu Quang``; ``Nam Thái Sơn`` stays a place
        return min(q, p + 4)

    def place(self, p: int, name_ok: bool) -> int | None:
        """A completing place: level word + name, bare level, or a known/proper name."""
        if p >= self.n or not self.t[p].joined:
            return None
        lv = _LEVELS.match(self.t, p)
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
                    return run
                if self.t[q].text.isdigit():
                    return q + 1
            if phrase.lower() in lex.BARE_LEVELS:
                if (self._ok(q) and self.t[q].low in (",", "và", "/", "-")
                        and self.place(q + 1, False) is not None):
                    return _GENERIC  # ``xã, phường``: every commune, not one body
                return q
            return None
        gaz = self._gaz_at(p)
        if gaz:
            return gaz
        return self.name_run(p, after_level=False) if name_ok else None

    # --- descriptor chain ----------------------------------------------------
    def _boundary(self, p: int) -> bool:
        """A place, parent body or parent word starts at ``p`` (ends the descriptor)."""
        if _LEVELS.match(self.t, p) and self.place(p, False) not in (None,):
            return True
        if any(lx.match(self.t, p) for lx in (_COMMITTEES, _FIXED, _PARENTS)):
            return True
        # ``Công an``, ``Thanh tra`` are also descriptors (``Bộ Công an``): they
        # only start a parent when they parse as a body of their own.
        return self._starts_body(p) and self.org(p) is not None

    def group(self, p: int) -> int | None:
        """Fallback descriptor piece, when no lexicon descriptor fits.

        ``Cap Cap…`` (``Việt Nam``, ``Thành Công``); ``Cap lower…`` up to five
        syllables when a name or place follows (``Gốm xây dựng Hạ Long``);
        ``Cap lower`` before punctuation or a predicate (``Viễn thông, …``);
        ``Cap`` alone before a predicate (``Jobrus đề nghị``). Anything else is
        left untagged rather than cut at a guessed boundary.
        """
        if not self._capword(p) or self.t[p].text in _TITLE_STOP:
            return None
        gaz = self._gaz_at(p)
        if gaz:
            return gaz
        if self._is_person_at(p) and self._capword(p + 2):
            return None
        q = p + 1
        if self._capword(q):
            while self._capword(q) and self.t[q].text not in _TITLE_STOP:
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
               and self.t[k].low not in _FUNCTION_WORDS and self.t[k].low not in _STRONG_VERBS):
            lowers.append(k)
            k += 1
        for end in range(q + len(lowers), q + 1, -1):
            if self._continues_name(end) and not any(
                self.t[x].low in _VERB_STARTS for x in range(q + 1, end)
            ):
                return end
        if lowers and self._stops_after(q + 1):
            return q + 1
        if self._ok(q) and self.t[q].low in _FUNCTION_WORDS | _STRONG_VERBS:
            return q
        return q if not self._ok(q) or not self.t[q].word else None

    def _continues_name(self, k: int) -> bool:
        """After ``k`` the name goes on: a capitalised word, a level word, ``và``/``-`` + Cap."""
        if not self._ok(k):
            return False
        if self._capword(k) or _LEVELS.match(self.t, k):
            return True
        return self.t[k].low in ("và", "-") and self._capword(k + 1)

    def _stops_after(self, k: int) -> bool:
        """Nothing lower-case that could continue a descriptor comes at ``k``."""
        if not self._ok(k) or not self.t[k].word or self.t[k].cap:
            return True
        return self.t[k].low in _VERB_STARTS or bool(_LEVELS.match(self.t, k))

    def desc_chain(self, p: int, fallback: bool) -> tuple[int, str] | None:
        """Descriptor pieces joined by space, ``và``, ``-``, ``&``: (end, first piece text).

        A comma never continues it (``Cục Viễn thông, Bộ …`` are two bodies);
        comma lists inside one name (``Văn hóa, Thể thao và Du lịch``) are lexicon phrases.
        """
        end: int | None = None
        first = ""
        while self._ok(p) and not self._boundary(p):
            d = _DESCS.match(self.t, p)
            q = d[0] if d else (self.group(p) if fallback else None)
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
        return any(lx.match(self.t, p) for lx in (_HEADS, _COMMITTEES, _PEOPLE, _FIXED,
                                                   _RELATIONAL))

    def parent(self, p: int) -> int | None:
        """A parent body completing a sub-body: ``Trung ương (Đảng)`` or another ORG."""
        if not self._ok(p):
            return None
        pw = _PARENTS.match(self.t, p)
        org = self.org(p)
        best = max(pw[0] if pw else 0, org or 0)
        return best or None

    # --- body patterns ---------------------------------------------------------
    def fixed(self, i: int) -> int | None:
        m = _FIXED.match(self.t, i)
        if not m:
            return None
        end, phrase = m
        if phrase in lex.FIXED_TAKE_NAME:  # ``Chính phủ Nhật Bản``
            end = self._gaz_at(end) or end
        return end

    def committee(self, i: int) -> int | None:
        m = _COMMITTEES.match(self.t, i)
        if not m:
            return None
        end, phrase = m
        best = end
        if phrase in ("Đảng ủy", "Quân ủy"):
            d = self.desc_chain(end, fallback=True)
            if d:
                best = d[0]
            par = self.parent(best)
            if par:
                return par
        pl = self.place(best, name_ok=True)
        if pl == _GENERIC:
            return None
        return pl or best

    def people(self, i: int) -> int | None:
        m = _PEOPLE.match(self.t, i)
        if not m:
            return None
        end, phrase = m
        if phrase.lower() in _COURTS:
            lv = _COURT_LEVELS.match(self.t, end)
            if lv:
                return lv[0]
        pl = self.place(end, name_ok=phrase in lex.PEOPLE_BODIES_NAME_OK)
        if pl == _GENERIC:
            return None
        if pl:
            return pl
        return end if phrase in lex.PEOPLE_BODIES_BARE_OK else None

    def steering(self, j: int) -> int | None:
        """``Ban Chỉ đạo`` + optional place + topic or number (its name says what it steers)."""
        q = j
        pl = self.place(q, name_ok=False)
        if pl and pl != _GENERIC:
            q = pl
        r = q + 1 if self._ok(q) and self.t[q].low == "về" else q
        topic = _TOPICS.match(self.t, r) if self._ok(r) else None
        if topic:
            after = self.place(topic[0], name_ok=False)
            return after if after and after != _GENERIC else topic[0]
        if self._ok(q) and self.t[q].text.isdigit():
            return q + 1
        return self.parent(j)

    def desc_body(self, i: int) -> int | None:
        m = _HEADS.match(self.t, i)
        if not m:
            return None
        j, head = m
        hlow = head.lower()
        if not head[0].isupper() and hlow not in _COMPANY_HEADS:
            return None
        if self._ok(j) and (hlow, self.t[j].low) in _NOT_BODIES:
            return None
        if hlow == "ban" and i > 0 and self.t[i - 1].low == "tây":
            return None
        if not self.t[i].cap and hlow in _COMPANY_HEADS and not (
            _LEGAL.match(self.t, j) or self._capword(j)
        ):
            return None
        if hlow in ("ban chỉ đạo",):
            return self.steering(j)
        if hlow == "trường":
            sm = _SCHOOLS.match(self.t, j) if self._ok(j) else None
            if not sm:
                # ``Trường Lê Quý Đôn``: a school named after a person, unless
                # ``Trường`` is itself part of a name (``Võ Trường Toản``).
                if (self._is_person_at(j) and self._capword(j + 2)
                        and not (i > 0 and self.t[i - 1].capword)):
                    q = j
                    while self._capword(q) and q - j < 4:
                        q += 1
                    return q
                return None
            # Schools are often named after people (``Trường THCS Phan Chu Trinh``).
            q = sm[0]
            while self._capword(q) and q - sm[0] < 4 and self.t[q].text not in _TITLE_STOP:
                q += 1
            d = self.desc_chain(sm[0], fallback=True)
            end = max(q, d[0] if d else sm[0])
            pl = self.place(end, name_ok=False)
            if pl and pl != _GENERIC:
                return pl
            if end == sm[0]:
                return None  # ``Trường THCS`` alone is any school
            return end
        if hlow in _COMPANY_HEADS:
            lg = _LEGAL.match(self.t, j) if self._ok(j) else None
            if lg:
                j = lg[0]
        d = self.desc_chain(j, fallback=head not in lex.LEXICON_ONLY_HEADS)
        after = d[0] if d else j
        comp = self.place(after, name_ok=False)
        if comp == _GENERIC:
            return None
        comp = max(comp or 0, self.parent(after) or 0) or None
        if not comp and hlow in _PARENT_OK_HEADS and self._ok(after) and self.t[after].low == "của":
            comp = self.parent(after + 1)
        if hlow in ("đảng bộ", "đảng ủy"):
            return comp or (d[0] if d else None)
        if d is None:
            return None
        if head in lex.NEEDS_COMPLETION and not comp:
            return None
        if hlow in _COMPANY_HEADS and not comp and self._ok(d[0]) and self.t[d[0]].text.isdigit():
            return d[0] + 1  # ``Công ty Cà phê 52``, ``Tổng công ty 36``
        single = d[0] - j == 1 and not _DESCS.match(self.t, j)
        if single and not comp and hlow not in _COMPANY_HEADS | {"báo", "tạp chí"}:
            return None  # ``Hội Thống`` (a dyke), ``Phòng Hội``: too thin to be a body
        if hlow == "ban" and not comp:
            is_lex = _DESCS.match(self.t, j) is not None
            if not is_lex or d[1] in _BAN_NEEDS_PARENT:
                return None
        return comp or d[0]

    def relational(self, i: int) -> int | None:
        m = _RELATIONAL.match(self.t, i)
        if not m:
            return None
        j, head = m
        if head in ("Thường trực", "Ban Thường trực") and i > 0 and (
            self.t[i - 1].low in _TITLE_PREV or self.t[i - 1].text in _TITLE_PREV
        ):
            return None
        if head == "Thường trực" and self._ok(j) and self.t[j].low == "ban":
            return None  # ``Thường trực Ban Bí thư`` is a post, not a body
        return self.parent(j)

    def abbreviation(self, i: int) -> int | None:
        tok = self.t[i].text
        if tok in lex.ABBREVIATIONS and tok not in lex.BYLINE_ONLY:
            return i + 1
        return None

    def org(self, i: int) -> int | None:
        """End of the longest body name starting at token ``i``."""
        if i in self._memo:
            return self._memo[i]
        self._memo[i] = None  # guards against cycles
        if i >= self.n or not self.t[i].word:
            return None
        best: int | None = None
        for fn in (self.fixed, self.committee, self.people, self.relational, self.desc_body,
                   self.abbreviation):
            e = fn(i)
            if e is not None and e > i and (best is None or e > best):
                best = e
        self._memo[i] = best
        return best

    # --- generic references --------------------------------------------------
    def _generic_after(self, e: int) -> bool:
        """``… các cấp`` / ``… cấp tỉnh`` after the name: every body of a level."""
        if not self._ok(e):
            return False
        if self.t[e].low in ("các", "nhiều", "những", "mọi"):
            return True  # ``UBND các xã``, ``UBND nhiều xã``: a set of bodies
        return self.t[e].low == "cấp" and bool(_LEVELS.match(self.t, e + 1))

    def _generic_before(self, i: int) -> bool:
        if i > 0 and self.t[i - 1].low in _GENERIC_PREV:
            return True
        return i > 1 and self.t[i - 2].low == "một" and self.t[i - 1].low == "số"

    def facility_owner(self, i: int) -> tuple[int, int] | None:
        """``Nhà máy ô tô Thành Công`` → the owner ``Thành Công``."""
        m = _FACILITIES.match(self.t, i)
        if not m:
            return None
        k = m[0]
        words = 0
        while self._ok(k) and self.t[k].word and not self.t[k].cap and words < 3:
            if self.t[k].low in lex.FACILITY_PLACE_WORDS or self.t[k].low in _FUNCTION_WORDS:
                return None
            k += 1
            words += 1
        if words == 0 or _GAZ.match(self.t, k):
            return None
        run = self.name_run(k, after_level=True)  # the product words act as a level
        return (k, run) if run else None

    # --- driver ----------------------------------------------------------------
    def _bracketed_abbr(self, e: int) -> int | None:
        """``(EVN)`` right after a name: token index of the abbreviation."""
        t = self.t
        if (e + 2 < self.n and t[e].text == "(" and t[e + 2].text == ")" and t[e + 1].word
                and t[e + 1].cap and any(c.isupper() for c in t[e + 1].text[1:])
                and not _ROMAN.fullmatch(t[e + 1].text)):
            return e + 1
        return None

    def _in_code(self, i: int) -> bool:
        """Token ``i`` is glued to ``-`` or ``/`` (``12/KH-UBND``): a document code."""
        t = self.t
        before = i > 0 and t[i - 1].text in "-/" and t[i - 1].end == t[i].start
        after = i + 1 < self.n and t[i + 1].text in "-/" and t[i + 1].start == t[i].end
        return before or (after and t[i].text.isupper() and i + 2 < self.n
                          and t[i + 2].start == t[i + 1].end and t[i + 2].text.isupper())

    def spans(self) -> list[tuple[int, int]]:
        """Token spans of all ORGs, left to right, longest at each position."""
        out: list[tuple[int, int]] = []
        i = 0
        generic_end: int | None = None
        # A byline such as ``(PLVN) -`` at the start names the publishing medium.
        if (self.n >= 4 and self.t[0].text == "(" and self.t[2].text == ")"
                and self.t[3].text in ("-", "–", "—") and self.t[1].word and self.t[1].cap):
            out.append((1, 2))
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
                out.append((i, e))
                ab = self._bracketed_abbr(e)
                if ab is not None:
                    out.append((ab, ab + 1))
                    e = ab + 2
                i = e
                continue
            fac = self.facility_owner(i)
            if fac:
                out.append(fac)
                i = fac[1]
                continue
            i += 1
        return out


def find(text: str) -> list[Span]:
    """ORG spans in one normalised sentence (view offsets)."""
    p = _Parser(text)
    result: list[Span] = []
    for a, b in p.spans():
        start, end = p.t[a].start, p.t[b - 1].end
        result.append(Span(start, end, LABEL, text[start:end]))
    return result
