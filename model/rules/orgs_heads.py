"""Which head nouns start an ORG, and what each head needs to be a specific body.

Each method is one labelling function over a token position: it returns the end
of the body it recognises there, or None. ``org`` runs them all and keeps the
longest parse (the guideline's "longest specific name wins"), remembering which
function made it so spans can carry ``orgs.<function>`` as their source.
"""

from __future__ import annotations

from phogov.rules import lexicon_orgs as lex
from phogov.rules.orgs_boundaries import NameParser
from phogov.rules.orgs_tokens import (
    COMMITTEES,
    CONGRESS,
    COURT_LEVELS,
    DESCS,
    DESCS_ANY,
    FIXED,
    FUNCTION_WORDS,
    GAZ,
    GENERIC,
    HEADS,
    INSPECTION_SECTORS,
    JUDICIAL,
    LEGAL,
    LEVELS,
    LOWER_FIXED,
    PEOPLE,
    RELATIONAL,
    ROMAN,
    SCHOOLS,
    STRONG_VERBS,
    TITLE_PREV,
    TITLE_STOP,
    TOPICS,
    VERB_STARTS,
    is_vietnamese_syllable,
)

# Units whose name is ``Thanh tra`` + …: ``Vụ Thanh tra KH-ĐT`` is the ministry's department.
_INSPECTION_UNITS = frozenset({"Vụ", "Ban", "Phòng", "Cục", "Tổng"})
# Head + one word that is a place or a common noun, not a body.
_NOT_BODIES = frozenset(
    {("hội", "an"), ("đài", "loan"), ("trường", "sa"), ("trường", "sơn"), ("trường", "giang"),
     ("trường", "chinh"), ("ban", "nha"), ("ban", "mê"), ("hội", "báo"), ("viện", "dẫn"),
     ("viện", "trợ"),
     # festivals, contests and fairs are events, not bodies (``Hội Hoa Xuân``)
     ("hội", "hoa"), ("hội", "thi"), ("hội", "diễn"), ("hội", "thao"), ("hội", "khỏe"),
     ("hội", "xuân"), ("hội", "làng"), ("hội", "chợ"), ("hội", "trại"), ("hội", "giảng"),
     ("hội", "đàm"), ("hội", "ngộ"),
     # ``Hội`` opening a common word: a conference, a seminar, a member, a hall
     ("hội", "nghị"), ("hội", "thảo"), ("hội", "viên"), ("hội", "trường"), ("hội", "nhập"),
     ("hội", "ý")}
)
# Syllable + head that make one word (``Tây Ban Nha``, ``bộ Quốc Phòng``, ``Hải Phòng``).
_PREV_COMPOUNDS = frozenset({("tây", "ban"), ("quốc", "phòng"), ("hải", "phòng"), ("quốc", "hội")})
# Descriptors with which ``Ban`` is an event or working committee unless completed.
_BAN_NEEDS_PARENT = frozenset({"tổ chức", "kiểm tra", "quản lý dự án", "quản lý", "chỉ đạo"})
# ``Đoàn`` + these is a working delegation (``Đoàn kiểm tra liên ngành``) unless completed.
_DOAN_NEEDS_PARENT = frozenset({"kiểm tra", "thanh tra", "giám sát", "công tác", "khảo sát"})
_UNIT_HEADS = frozenset({"đội", "phòng", "chi cục"})
# Heads that also name a room or a hall: a one-letter code after them is its number.
_ROOM_HEADS = frozenset({"phòng", "hội trường", "nhà"})
_COMPANY_HEADS = frozenset({"công ty", "tổng công ty", "tập đoàn", "ngân hàng", "cty", "tct"})
_COURTS = frozenset({"tòa án nhân dân", "tand", "viện kiểm sát nhân dân", "vksnd", "viện ksnd",
                     "viện kiểm sát"})
_PARENT_OK_HEADS = frozenset({"ủy ban", "hội đồng"})
# Heads of state bodies whose descriptor may be written in lower case (``Bộ kế hoạch và đầu tư``).
_STATE_HEADS = frozenset({"bộ", "liên bộ", "sở", "cục", "tổng cục"})
# Heads whose descriptor may be a body of its own (``Sở Công an``, ``Đội Cảnh sát PCCC``).
_BODY_DESC_HEADS = _STATE_HEADS | _UNIT_HEADS
# Heads whose lexicon descriptor may be written in lower case (``Phòng cảnh sát giao
# thông``, ``Hội chữ thập đỏ``, ``Chi cục quản lý thị trường``, ``Đoàn luật sư``).
_ANY_CASE_HEADS = _STATE_HEADS | {"chi cục", "phòng", "đội", "hội", "hiệp hội", "liên đoàn",
                                  "viện"}
# Heads that take a single abbreviation as their descriptor (``Sở GTCC``) or a
# number (``Tổng cục IV``, ``Quân khu 7``).
_ABBR_DESC_HEADS = frozenset({"sở", "cục", "tổng cục", "chi cục", "vụ", "viện"})
_NUMBERED_HEADS = frozenset({"tổng cục", "quân khu", "quân đoàn", "sư đoàn", "cục"})
# Military units numbered up to three digits, after the head or after its arm
# (``Sư đoàn 372``, ``Sư đoàn Không quân 372``, ``Trung đoàn 954``).
_MILITARY_HEADS = frozenset({"quân đoàn", "sư đoàn", "trung đoàn", "lữ đoàn", "tiểu đoàn",
                             "binh đoàn", "hải đoàn"})
# Words after ``Đảng`` that do not start a party's name (``Đảng, Nhà nước``).
_NOT_PARTY_NAMES = frozenset({"Nhà", "Trung", "Chính", "Quốc", "Ủy", "Uỷ", "Bộ", "Đoàn",
                              # the next sentence's time word (``… của Đảng Chiều 12-4, …``)
                              "Sáng", "Chiều", "Trưa", "Tối", "Đêm", "Ngày", "Hôm", "Tháng"})


class HeadParser(NameParser):
    """Body patterns by head noun; ``org(i)`` is the longest body starting at token ``i``."""

    # Labelling-function names, by method (``orgs.<name>`` in ``Span.source``).
    FUNCTIONS: dict[str, str] = {
        "fixed": "fixed_name",
        "committee": "committee",
        "people": "people_body",
        "relational": "relational",
        "desc_body": "head_noun",
        "abbreviation": "abbreviation",
        "judicial": "judicial",
        "congress": "congress",
        "code": "code",
        "party": "party",
        "lower_fixed": "lowercase",
    }

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._memo: dict[int, int | None] = {}
        self._source: dict[int, str] = {}

    def fixed(self, i: int) -> int | None:
        m = FIXED.match(self.t, i)
        if not m:
            return None
        end, phrase = m
        if phrase in lex.FIXED_TAKE_NAME:  # ``Chính phủ Nhật Bản``
            end = self._gaz_at(end) or end
        return end

    def committee(self, i: int) -> int | None:
        m = COMMITTEES.match(self.t, i)
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
        if pl == GENERIC:
            return None
        return pl or best

    def people(self, i: int) -> int | None:
        m = PEOPLE.match(self.t, i)
        if not m:
            return None
        end, phrase = m
        if phrase.lower() in _COURTS:
            lv = COURT_LEVELS.match(self.t, end)
            if lv:
                return lv[0]
        if phrase == "Thanh tra" and not (i > 0 and self.t[i - 1].text in _INSPECTION_UNITS):
            insp = self._inspectorate(end)
            if insp:
                return insp
        pl = self.place(end, name_ok=phrase in lex.PEOPLE_BODIES_NAME_OK)
        if pl == GENERIC:
            return None
        if pl:
            return pl
        return end if phrase in lex.PEOPLE_BODIES_BARE_OK else None

    def _inspectorate(self, k: int) -> int | None:
        """The inspectorate of a sector and a body or place: ``Thanh tra Bộ Tài chính``,
        ``Thanh tra giao thông Sở GTCC TP``, ``Thanh tra xây dựng quận 1``, ``Thanh tra
        GTCC``. The body or place completes the name (guideline: a name keeps its
        completing body or place)."""
        d = DESCS_ANY.match(self.t, k) if self._ok(k) else None
        q = d[0] if d else k
        if not d and self._ok(k):  # a sector in plain words: ``giao thông``, ``xây dựng``
            sec = INSPECTION_SECTORS.match(self.t, k)
            q = sec[0] if sec else k
        par = self.parent(q)
        if par:
            return par
        pl = self.place(q, name_ok=False)
        if pl and pl != GENERIC:
            return pl
        return q if d and self.t[k].text.isupper() else None  # ``Thanh tra GTCC``

    def steering(self, j: int) -> int | None:
        """``Ban Chỉ đạo`` + optional place + topic or number (its name says what it steers)."""
        q = j
        pl = self.place(q, name_ok=False)
        if pl and pl != GENERIC:
            q = pl
        r = q + 1 if self._ok(q) and self.t[q].low == "về" else q
        topic = TOPICS.match(self.t, r) if self._ok(r) else None
        if topic:
            after = self.place(topic[0], name_ok=False)
            return after if after and after != GENERIC else topic[0]
        if self._ok(q) and self.t[q].text.isdigit():
            return q + 1
        return self.parent(j)

    def school(self, i: int, j: int) -> int | None:
        """``Trường`` + school type + name, or a school named after a person."""
        sm = SCHOOLS.match(self.t, j) if self._ok(j) else None
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
        while self._capword(q) and q - sm[0] < 4 and self.t[q].text not in TITLE_STOP:
            q += 1
        d = self.desc_chain(sm[0], fallback=True)
        end = max(q, d[0] if d else sm[0])
        pl = self.place(end, name_ok=False)
        if pl and pl != GENERIC:
            return pl
        if end > sm[0]:  # ``Trường ĐH Y dược TP.HCM``: lower-case words closed by a place
            k = self._lower_run(end, 2)
            pl = self.place(k, name_ok=False) if k > end else None
            if pl and pl != GENERIC and (LEVELS.match(self.t, k) or GAZ.match(self.t, k)):
                return pl
        if end == sm[0]:
            return None  # ``Trường THCS`` alone is any school
        return end

    def desc_body(self, i: int) -> int | None:
        m = HEADS.match(self.t, i)
        if not m:
            return None
        j, head = m
        hlow = head.lower().replace("quĩ", "quỹ")
        if not self.t[i].cap:
            if hlow in lex.LOWER_STATE_HEADS:
                # ``bộ Tài chính``: a lower-case head needs a capitalised ministry descriptor.
                if (i > 0 and self.t[i - 1].low in lex.COMPOUND_FIRSTS) or not (
                        self._ok(j) and DESCS.match(self.t, j)):
                    return None
            elif hlow not in _COMPANY_HEADS:
                return None
        if self._ok(j) and (hlow, self.t[j].low) in _NOT_BODIES:
            return None
        if i > 0 and (self.t[i - 1].low, hlow) in _PREV_COMPOUNDS:
            return None  # ``Tây Ban Nha``, ``Quốc Phòng``, ``Hải Phòng``: not a head
        if not self.t[i].cap and hlow in _COMPANY_HEADS and not LEGAL.match(self.t, j):
            # ``tập đoàn [NIDEC]``: a lower-case head right before the name stays
            # outside it (the driver tags the name); ``công ty phân lân Văn Điển``
            # is a name with its lower-case descriptor.
            return None if self._capword(j) else self.lower_desc(j, hlow)
        if hlow in ("ban chỉ đạo",):
            return self.steering(j)
        if hlow == "trường":
            return self.school(i, j)
        if hlow in _COMPANY_HEADS:
            lg = LEGAL.match(self.t, j) if self._ok(j) else None
            if lg:
                j = lg[0]
        code = self._glued_code(j)
        if code and hlow in _ROOM_HEADS and len(self.t[j].text) < 2:
            code = None  # ``Phòng A2`` is a room; ``Phòng PC14`` a police department
        if code:  # ``Cục C14``, ``Quỹ VF1``: a head named by a code of letters and digits
            return max(code, self.parent(code) or 0)
        d = self.desc_chain(j, fallback=head not in lex.LEXICON_ONLY_HEADS,
                            any_case=hlow in _ANY_CASE_HEADS,
                            extend=hlow in _ANY_CASE_HEADS or hlow in lex.LOWER_DESC_HEADS)
        if d is None and hlow in _BODY_DESC_HEADS and self._ok(j):
            # ``Sở Công an Hà Nội`` (the old name of a city's police), ``Đội Cảnh sát PCCC
            # quận 8``: a lexicon descriptor that is also a body of its own still
            # describes the head right before it
            dm = DESCS.match(self.t, j)
            d = (dm[0], " ".join(t.low for t in self.t[j:dm[0]])) if dm else None
        if d is None and hlow in _NUMBERED_HEADS and self._ok(j) and (
                ROMAN.fullmatch(self.t[j].text) or (self.t[j].text.isdigit()
                                                    and len(self.t[j].text) <= 2)):
            return j + 1  # ``Tổng cục IV``, ``Quân khu 7``
        if d is None and hlow in _MILITARY_HEADS and self._ok(j) and self._unit_number(j):
            return j + 1  # ``Sư đoàn 372``
        if d is None and hlow in _COMPANY_HEADS and self._ok(j) and self._unit_number(j):
            return j + 1  # ``Công ty 621``: a numbered (often army-run) company
        if d is None and hlow in lex.LOWER_DESC_HEADS:
            return self.lower_desc(j, hlow)
        if d is None and self.t[i].cap and hlow not in ("clb", "câu lạc bộ"):
            # (``CLB đương kim vô địch Đức`` describes a club, it does not name one)
            sub = self._lower_subject(j)
            if sub:
                return sub
        if hlow == "cơ quan" and d is None:
            return None
        if (d and hlow in lex.LOWER_DESC_HEADS and self._ok(d[0]) and not self.t[d[0]].cap
                and DESCS.match(self.t, j)):
            # ``Công ty Xuất nhập khẩu nông sản thực phẩm An Giang``: after a descriptor
            # from the lexicon (a trade, not a proper name) the products may follow
            more = self.lower_desc(d[0], "")
            if more:
                return more
        after = d[0] if d else j
        if d and d[1] in lex.SUBJECT_DESCRIPTORS:
            after = self.subject_phrase(after) or after  # ``Cục Cảnh sát điều tra tội phạm về …``
            d = (after, d[1])
        comp = self.place(after, name_ok=False)
        if comp == GENERIC:
            return None
        comp = max(comp or 0, self.parent(after) or 0) or None
        if not comp and hlow in _PARENT_OK_HEADS and self._ok(after) and self.t[after].low == "của":
            comp = self.parent(after + 1)
        if hlow in ("đảng bộ", "đảng ủy"):
            return comp or (d[0] if d else None)
        if d is None:
            return None
        if head in lex.NEEDS_COMPLETION and not comp:
            return self._numbered_area(d[0])  # ``Ban quản lý dự án 18``
        if hlow in _COMPANY_HEADS and not comp and self._ok(d[0]) and self.t[d[0]].text.isdigit():
            # ``Công ty Cà phê 52``, ``Tổng công ty 36``; ``Dược phẩm 2/9``: named after a date
            return self._date_name(d[0]) or d[0] + 1
        single = d[0] - j == 1 and not DESCS_ANY.match(self.t, j)
        if (single and hlow in _ABBR_DESC_HEADS and len(self.t[j].text) >= 2
                and self.t[j].text.isupper() and not self._in_code(j)):
            single = False  # ``Sở GTCC``: an abbreviated department
        if single and not comp and hlow not in lex.SINGLE_NAME_HEADS:
            return None  # ``Hội Thống`` (a dyke), ``Phòng Hội``: too thin to be a body
        if hlow == "ban" and not comp:
            is_lex = DESCS.match(self.t, j) is not None
            if not is_lex or d[1] in _BAN_NEEDS_PARENT:
                return self._numbered_area(d[0]) if is_lex else None
        if hlow == "đoàn" and not comp and d[1] in _DOAN_NEEDS_PARENT:
            return None
        end = comp or d[0]
        if hlow in _MILITARY_HEADS and not comp and self._ok(end) and self._unit_number(end):
            end += 1  # ``Sư đoàn Không quân 372``
        return self._roman_tail(end)

    def _lower_subject(self, j: int) -> int | None:
        """A capitalised head's subject phrase in lower case, kept when something marks the
        phrase as a name: a completing place (``Hội đồng giải phóng mặt bằng xã Kim Nỗ``,
        ``Đoàn luật sư TP.HCM``) or its abbreviation in brackets (``Cục dự trữ liên bang
        (FED)``). Guideline: a body's name keeps its subject phrase; names written in lower
        case are tagged as written. Without such a mark it stays a description."""
        t = self.t
        k = self._lower_run(j, 5)
        if k == j or not self._ok(k):
            return None
        pl = self.place(k, name_ok=False)
        if pl and pl != GENERIC and (LEVELS.match(t, k) or GAZ.match(t, k)):
            return pl
        if (t[k].text == "(" and k + 2 < self.n and t[k + 2].text == ")"
                and t[k + 1].text.isupper() and len(t[k + 1].text) >= 2):
            return k  # the abbreviation is tagged on its own (``orgs.bracket_abbr``)
        return None

    def _numbered_area(self, k: int) -> int | None:
        """End of the unit number that completes a board's name at ``k`` (``Ban quản lý dự
        án 18 đã …``), else None: a count of things (``dự án 2 tuyến đường``) is not one."""
        if not (self._ok(k) and self._small_number(k)):
            return None
        nxt = k + 1
        if (self._ok(nxt) and self.t[nxt].word and not self.t[nxt].cap
                and self.t[nxt].low not in FUNCTION_WORDS | STRONG_VERBS | VERB_STARTS):
            return None
        return nxt

    def _glued_code(self, j: int) -> int | None:
        """End of a unit or fund code at ``j``: capitals glued to digits (``C14``, ``VF1``,
        ``PC15``), optionally one more glued capital (``C16B``)."""
        t = self.t
        if not (self._ok(j) and j + 1 < self.n and 1 <= len(t[j].text) <= 4
                and t[j].text.isalpha() and t[j].text.isupper()
                and t[j + 1].text.isdigit() and t[j + 1].start == t[j].end):
            return None
        end = j + 2
        if end < self.n and t[end].start == t[end - 1].end and t[end].text.isalnum():
            if not (len(t[end].text) == 1 and t[end].text.isupper()):
                return None
            end += 1
        return end

    def _roman_tail(self, end: int) -> int:
        """``Xí nghiệp Khảo sát thiết kế I``: a Roman numeral that closes the name (the
        phrase stops right after it) belongs to it."""
        t = self.t
        if (self._ok(end) and not t[end].text.isdigit() and self._small_number(end)
                and self._hard_stop(end + 1)):
            return end + 1
        return end

    def _lower_run(self, j: int, limit: int) -> int:
        """End of the lower-case words from ``j`` (at most ``limit``) that may describe a
        body: no function word or strong verb, no place, and no predicate at the start (``Công
        ty tham gia …``); inside the run a verb start is a compound's second syllable
        (``lương thực``, ``phát triển``), and a trade bigram is a noun (``giải phóng``)."""
        t = self.t
        k = j
        while (k - j < limit and self._ok(k) and t[k].word and not t[k].cap
               and not (LEVELS.match(t, k) and self.place(k, False) is not None)):
            low = t[k].low
            trade = k + 1 < self.n and (low, t[k + 1].low) in lex.TRADE_BIGRAMS
            if low in FUNCTION_WORDS or low in STRONG_VERBS or (
                    k == j and low in VERB_STARTS and not trade):
                break
            k += 1
        return k

    def lower_desc(self, j: int, hlow: str) -> int | None:
        """A lower-case descriptor and its completing name or place after an
        enterprise, fund or association head (``Tổng công ty lương thực miền Nam``,
        ``Quỹ đầu tư phát triển đô thị TP.HCM``); associations may end before a
        predicate (``Hiệp hội giấy đề nghị``). Without a completion or a clear end
        the phrase is a description (``Công ty sản xuất …``), not a name."""
        k = self._lower_run(j, 8)
        if k == j:
            return None
        if self._ok(k) and self._unit_number(k):
            # ``Tổng công ty xây dựng công trình giao thông 6``, ``… tổng hợp số 7 Quảng Trạch``
            k += 1
            if not self._ok(k) or not self.t[k].cap:
                return k
        if self._ok(k) and (self.t[k].cap or LEVELS.match(self.t, k)):
            if self._starts_body(k):
                par = self.parent(k)
                return par
            pl = self.place(k, name_ok=False)
            if pl and pl != GENERIC:
                return pl
            run = self.name_run(k, after_level=True)  # the product words act as a level
            first = self.t[k].text
            if run and not (run - k == 1 and (first in lex.RUN_STOP or len(first) < 2
                                              or first.isupper())):
                return run
            if (run == k + 1 and hlow in _COMPANY_HEADS and len(first) >= 3 and first.isupper()
                    and first.isalpha() and first not in lex.NON_ORG_ACRONYMS
                    and not (self._ok(run) and self.t[run].cap)):
                return run  # ``Công ty TNHH đầu tư dịch vụ thương mại ADH``: a brand
            # ``Viện khoa học Nông nghiệp Hà Nội``: a capitalised field, then the place
            d = self.desc_chain(k, fallback=True)
            if d is None:
                return None
            pl = self.place(d[0], name_ok=False)
            if pl and pl != GENERIC:
                return max(pl, self.parent(d[0]) or 0)
            ends_in_place = any((GAZ.match(self.t, x) or (0, ""))[0] == d[0]
                                for x in range(k + 1, d[0]))
            return d[0] if ends_in_place else None
        if hlow in lex.LOWER_DESC_BARE_OK and (k - j <= 3) and self._stops_after(k):
            return k
        return None

    def _unit_number(self, k: int) -> bool:
        """Token ``k`` is a number that names a unit, not a count (``5 năm``) or a date."""
        t = self.t
        return (t[k].text.isdigit() and len(t[k].text) <= 3
                and not (k + 1 < self.n and t[k + 1].low in lex.MEASURE_WORDS)
                and not (k + 1 < self.n and t[k + 1].text in "/.,-" and t[k + 1].joined
                         and k + 2 < self.n and t[k + 2].text.isdigit()))

    def judicial(self, i: int) -> int | None:
        """A trial panel or investigation agency, bare or with its court or ministry."""
        m = JUDICIAL.match(self.t, i)
        if not m:
            return None
        end = self.subject_phrase(m[0]) or m[0]  # ``Cơ quan CSĐT tội phạm về …``
        pl = self.place(end, name_ok=False)  # ``Cơ quan điều tra tỉnh Cao Bằng``
        return max(end, self.parent(end) or 0, pl if pl and pl != GENERIC else 0)

    def congress(self, i: int) -> int | None:
        """A congress body (``Đoàn Thư ký``), bare or with its parent body."""
        m = CONGRESS.match(self.t, i)
        if not m:
            return None
        end = m[0]
        if self._ok(end) and (self.t[end].low == "nước" or self._is_person_at(end)):
            return None  # ``Đoàn Chủ tịch nước``: the President's delegation
        return max(end, self.parent(end) or 0)

    def code(self, i: int) -> int | None:
        """A unit code (``C14``, ``PC15``, ``C16B``, ``PMU 18``), with its parent body if any
        (``PC15 Công an Hà Nội``)."""
        t = self.t
        tok = t[i].text
        if i + 1 >= self.n or not t[i + 1].text.isdigit():
            return None
        glued = t[i + 1].start == t[i].end
        if tok in lex.UNIT_CODE_PREFIXES and glued and len(t[i + 1].text) == 2:
            end = i + 2
            if (end < self.n and t[end].start == t[end - 1].end and len(t[end].text) == 1
                    and t[end].text.isupper()):
                end += 1
        elif tok in lex.PROJECT_BOARD_CODES and t[i + 1].joined:
            end = i + 2
        else:
            return None
        if end < self.n and t[end].start == t[end - 1].end and t[end].text.isalnum():
            return None  # part of a longer code
        return max(end, self.parent(end) or 0)

    def party(self, i: int) -> int | None:
        """A named party: ``Đảng`` + its name (``Đảng Dân chủ``, ``Đảng Thai Rak Thai``)."""
        if self.t[i].text != "Đảng" or not self._capword(i + 1):
            return None
        nxt = self.t[i + 1].text
        if nxt in _NOT_PARTY_NAMES or nxt in lex.SURNAMES or self._starts_body(i + 1):
            return None
        d = self.desc_chain(i + 1, fallback=True)
        if d is None:
            return None
        end = d[0]
        for k in range(i + 3, end - 1):
            # ``Đảng Dân chủ John Kerry``: an all-foreign run of two words or more after a
            # Vietnamese party name is a person; a country is not (``Đảng Nhân dân
            # Campuchia``), and ``Đảng Thai Rak Thai`` stays whole
            if (is_vietnamese_syllable(self.t[k - 1].text) and not GAZ.match(self.t, k)
                    and not any(is_vietnamese_syllable(t.text) for t in self.t[k:end])):
                return k
        pl = self.place(end, name_ok=False)
        return pl if pl and pl != GENERIC else end

    def lower_fixed(self, i: int) -> int | None:
        """A body's fixed name written in lower case (``quốc hội``)."""
        m = LOWER_FIXED.match(self.t, i)
        if not m:
            return None
        return self._gaz_at(m[0]) or m[0]  # ``quốc hội Mỹ``

    def relational(self, i: int) -> int | None:
        m = RELATIONAL.match(self.t, i)
        if not m:
            return None
        j, head = m
        if head in ("Thường trực", "Ban Thường trực") and i > 0 and (
            self.t[i - 1].low in TITLE_PREV or self.t[i - 1].text in TITLE_PREV
        ):
            return None
        if head == "Thường trực" and self._ok(j) and self.t[j].low == "ban":
            return None  # ``Thường trực Ban Bí thư`` is a post, not a body
        return self.parent(j)

    def abbreviation(self, i: int) -> int | None:
        tok = self.t[i].text
        if tok not in lex.ABBREVIATIONS or tok in lex.BYLINE_ONLY:
            return None
        t = self.t
        if (i > 0 and t[i - 1].text == "@") or (
                i + 2 < self.n and t[i + 1].text == "." and t[i + 1].start == t[i].end
                and t[i + 2].start == t[i + 1].end and t[i + 2].word):
            return None  # ``tamsu@VnExpress.net``: an address, not the body
        if tok in lex.ABBREVIATIONS_TAKE_PARTY and self._ok(i + 1) and t[i + 1].text == "Đảng":
            return i + 2
        return i + 1

    def org(self, i: int) -> int | None:
        """End of the longest body name starting at token ``i``."""
        if i in self._memo:
            return self._memo[i]
        self._memo[i] = None  # guards against cycles
        if i >= self.n or not self.t[i].word:
            return None
        best: int | None = None
        for name, label in self.FUNCTIONS.items():
            e = getattr(self, name)(i)
            if e is not None and e > i and (best is None or e > best):
                best = e
                self._source[i] = "lowercase" if not self.t[i].cap and label in (
                    "head_noun", "fixed_name") else label
        self._memo[i] = best
        return best

    def source(self, i: int) -> str:
        """The labelling function behind ``org(i)`` (``orgs.head_noun``)."""
        return "orgs." + self._source.get(i, "head_noun")
