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
ends), ``orgs_heads`` (which heads start a body), ``orgs_doc`` (names a document
introduces, tagged where they recur); this one drives the parse over a
sentence and adds the names that have no head noun: abbreviations in brackets,
bylines, names after a generic description, foreign names. Every span carries
the labelling function that made it (``Span.source`` = ``orgs.<function>``).

Labelling functions (``Span.source``): ``orgs.fixed_name``, ``orgs.committee``,
``orgs.people_body`` (UBND, Công an, courts … + place), ``orgs.relational`` (Ban
Thường vụ + parent), ``orgs.head_noun`` (head + descriptor + completion),
``orgs.lowercase`` (names written in lower case), ``orgs.abbreviation``,
``orgs.judicial`` (trial panels, investigation agencies), ``orgs.congress``
(congress bodies), ``orgs.code`` (C14, PC15, PMU 18), ``orgs.party``,
``orgs.bracket_abbr``, ``orgs.bracket_name``, ``orgs.byline``, ``orgs.ellipsis``
(``các Bộ Công an, GD-ĐT``), ``orgs.generic_head`` (``tập đoàn [NIDEC]``),
``orgs.acronym``, ``orgs.corporate``, ``orgs.facility_owner``, ``orgs.doc_alias``,
``orgs.media`` (a newspaper named without ``Báo``: ``phóng viên Tuổi Trẻ``).

Input is one normalised sentence (``phogov.normalize``); spans are in its offsets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from phogov.rules import lexicon_orgs as lex
from phogov.rules.orgs_heads import HeadParser
from phogov.rules.orgs_tokens import (
    DESCS,
    FACILITIES,
    FUNCTION_WORDS,
    GAZ,
    GENERIC_NOUNS,
    GENERIC_PREV,
    HEADS,
    ROMAN,
    STRONG_VERBS,
    TITLE_STOP,
    brand_like,
    is_vietnamese_syllable,
)
from phogov.types import Span

# each paper's name as its words, longest first (``Người Lao Động`` before ``Lao Động``)
_MEDIA_NAMES = sorted((tuple(n.split()) for n in lex.MEDIA_NAMES), key=len, reverse=True)
_MEDIA_CONTEXT = [tuple(c.split()) for c in lex.MEDIA_CONTEXT]
# words that open a zone's name inside a body's name (``Ban Quản lý Khu chế xuất …``)
_ZONE_WORDS = frozenset({"khu", "cụm"})

if TYPE_CHECKING:
    from phogov.rules.orgs_doc import OrgMemory

LABEL = "ORG"
_DASHES = ("-", "–", "—")
_Found = tuple[int, int, str]
# Function words that are a compound's second syllable in a description (``hãng hàng không``).
_COMPOUNDS = frozenset({("không", "hàng")})


class _Parser(HeadParser):
    """Left-to-right driver: bodies, bracketed abbreviations, bylines, names without a head."""

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

    # --- names without a head noun ----------------------------------------------
    def _org_name_end(self, k: int, coined_only: bool) -> int | None:
        """End of a proper name of an organisation at ``k``: capitalised words, not a
        known place, a person or a title; ``coined_only``: it must look coined or foreign."""
        t = self.t
        if not self._capword(k) or self._gaz_at(k) or GAZ.match(t, k):
            return None
        first = t[k].text
        if first in TITLE_STOP or first in lex.NON_ORG_ACRONYMS or first == "Nhà" or len(first) < 2:
            return None
        if self._is_person_at(k) or self._in_code(k):
            return None
        q = k + 1
        while q - k < 6:
            if (self._capword(q) and t[q].text not in TITLE_STOP and not self._is_person_at(q)
                    and not GAZ.match(t, q)):
                q += 1
            elif (q + 1 < self.n and t[q].text == "-" and t[q].start == t[q - 1].end
                  and t[q + 1].start == t[q].end and t[q + 1].capword):
                q += 2  # ``Volga-Dnepr``: one hyphenated name
            else:
                break
        if q < self.n and t[q].start == t[q - 1].end and t[q].text.isalnum():
            return None  # glued to more (``TF1``): not a whole name
        if self._ok(q) and t[q].word and not t[q].cap and not is_vietnamese_syllable(t[q].text):
            return None  # ``News of the world``: a foreign phrase goes on
        if q - k == 1 and (first in lex.RUN_STOP or (
                is_vietnamese_syllable(first) and self._ok(q) and t[q].word)):
            return None  # ``công ty Hệ thống …``: one Vietnamese syllable starts a descriptor
        if coined_only and not any(brand_like(x.text) for x in t[k:q]):
            return None
        return q

    def generic_head(self, i: int) -> tuple[int, int] | None:
        """``tập đoàn Canon``, ``tạp chí Mỹ Forbes``, ``cơ sở giáo dục Kenta``: the name
        after a lower-case description; the description stays outside."""
        if self.t[i].cap or (i > 0 and (HEADS.match(self.t, i - 1) or (0, ""))[0] > i):
            return None  # ``Tổng công ty``: inside a capitalised head
        m = GENERIC_NOUNS.match(self.t, i)
        if not m or any(tok.cap for tok in self.t[i : m[0]]):
            return None  # ``tờ Báo Người Lao Động``: the capital makes it part of the name
        k, noun = m
        if i > 0 and self.t[i - 1].low in lex.GENERIC_COMPOUND_FIRSTS:
            return None  # ``thông báo``, ``trụ sở``
        weak = noun in lex.WEAK_GENERIC_NOUNS
        if weak:  # ``có đủ cơ sở kết luận Glitter``: only an abbreviation-like name
            end = self._generic_weak_name(k)
            return (end[0], end[1]) if end else None
        skipped = 0
        while skipped < 5 and self._ok(k):
            tok = self.t[k]
            gaz = GAZ.match(self.t, k)
            if gaz:  # ``tạp chí Mỹ``: the country describes, the name follows
                skipped += gaz[0] - k
                k = gaz[0]
                continue
            if tok.capword:
                break
            if not tok.word or tok.low in lex.GEO_NOUNS or tok.low in STRONG_VERBS:
                return None  # ``thủ đô Bangkok`` is a place
            if tok.low in FUNCTION_WORDS and (tok.low, self.t[k - 1].low) not in _COMPOUNDS:
                return None
            k += 1
            skipped += 1
        # after a description (``hãng hàng không giá rẻ``) only a coined or foreign
        # name is sure to be the organisation's, not a place or a product; newspapers
        # take their name at once (``tờ báo trích lời Bill Gates`` quotes a person)
        if skipped and noun in lex.NAME_AT_ONCE_NOUNS:
            return None
        end = self._org_name_end(k, coined_only=skipped > 0)
        return (k, end) if end else None

    def _generic_weak_name(self, k: int) -> tuple[int, int] | None:
        """After ``cơ sở``/``đài``: up to four description words, then an all-caps or
        camel-case name (``cơ sở Anh ngữ quốc tế SITC``, ``đài CBS``)."""
        for q in range(k, min(k + 5, self.n)):
            tok = self.t[q]
            if not self._ok(q) or not tok.word:
                return None
            if tok.cap and len(tok.text) >= 2 and (tok.text.isupper() or any(
                    c.isupper() for c in tok.text[1:])):
                end = self._org_name_end(q, coined_only=True)
                return (q, end) if end else None
            if tok.low in FUNCTION_WORDS or tok.low in STRONG_VERBS or tok.low in lex.GEO_NOUNS:
                return None
        return None

    def acronym_name(self, i: int) -> tuple[int, int, int] | None:
        """``Rus-Invest-Tur (RIT)``: a foreign name whose initials are the bracketed
        abbreviation after it. Returns (name end, abbreviation index, after)."""
        t = self.t
        if not t[i].capword or (i > 0 and t[i - 1].capword and t[i].joined
                                and not t[i - 1].text.isupper()):
            return None
        words = [i]
        q = i + 1
        while q + 1 < self.n and len(words) < 6:
            if t[q].text == "-" and t[q].start == t[q - 1].end and t[q + 1].capword:
                q += 1
            elif not (self._capword(q)):
                break
            words.append(q)
            q += 1
        if len(words) < 2 or not any(brand_like(t[w].text) for w in words):
            return None
        # an organisation, not a product or a method (``Moon Secure (MS)``): a compound
        # company name (``Rus-Invest-Tur``) or a generic noun before it (``đảng``, ``hãng``)
        hyphenated = q - i > len(words)
        before = i > 0 and (t[i - 1].low in lex.ACRONYM_CONTEXT or t[i - 1].text.isupper())
        if not (hyphenated or before):
            return None
        ab = self._bracketed_abbr(q, single=True)
        if ab is None:
            return None
        initials = "".join(t[w].text[0] for w in words).upper().replace("Đ", "D")
        if t[ab].text.upper().replace("Đ", "D") != initials:
            return None
        return q, ab, ab + 2

    def corporate(self, i: int) -> int | None:
        """``Shin Corp``: capitalised words ended by a corporate suffix."""
        t = self.t
        if not brand_like(t[i].text) or t[i].text in lex.CORPORATE_SUFFIXES or (
                i > 0 and t[i - 1].capword and t[i].joined):
            return None
        for q in range(i + 1, min(i + 5, self.n)):
            if not self._capword(q):
                return None
            if t[q].text in lex.CORPORATE_SUFFIXES:
                return q + 1
        return None

    def bank_brand(self, i: int) -> bool:
        """``Habubank``, ``Techcombank``, ``VPBank``: one capitalised word ending in ``bank``
        is a bank's brand (a bank is a company: guideline, ORG)."""
        word = self.t[i].text
        return (len(word) >= 5 and word[0].isupper() and word.isalpha()
                and word.lower().endswith("bank")
                and not (i > 0 and self.t[i - 1].capword and self.t[i].joined))

    def media_name(self, i: int) -> int | None:
        """A newspaper named without ``Báo`` (``trao đổi với Thanh Niên``, ``phóng viên
        Tuổi Trẻ``, ``Tuổi Trẻ Online``, ``Tuổi Trẻ: Thưa ông …``): the end of its name,
        or None. The name must be written with every syllable capitalised and stand where
        a paper stands."""
        t = self.t
        for name in _MEDIA_NAMES:
            k = i + len(name)
            if k > self.n or any(t[i + j].text != w for j, w in enumerate(name)):
                continue
            if any(not t[i + j].joined for j in range(1, len(name))):
                continue
            online = k < self.n and t[k].text == "Online" and t[k].joined
            if k < self.n and t[k].cap and not online:
                continue  # part of a longer name (``Thanh Niên Xung Phong``)
            asks = i == 0 and k < self.n and t[k].text == ":"  # an interview's question
            alone = i == 0 and (k == self.n or (k + 1 == self.n and t[k].text == "."))  # credit
            if online or asks or alone or self._media_context(i, k):
                return k + 1 if online else k
        return None

    def _media_context(self, i: int, k: int) -> bool:
        """The words before a paper's name [i, k) make it the paper: a reporter, ``báo``,
        a source (``Theo``, not ``dọc theo``), an interviewer, or a bracket that cites it."""
        t = self.t
        for words in _MEDIA_CONTEXT:
            if not self._preceded_by(i, words):
                continue
            if words == ("theo",) and i >= 2 and t[i - 2].low in lex.MEDIA_NOT_AFTER:
                continue
            if words == ("(",) and not (k < self.n and t[k].low in lex.MEDIA_IN_BRACKET_NEXT):
                continue
            return True
        return False

    def _preceded_by(self, i: int, words: tuple[str, ...]) -> bool:
        """The lower-cased tokens right before ``i`` are ``words``."""
        k = i - len(words)
        return k >= 0 and all(self.t[k + j].low == w for j, w in enumerate(words))

    def bracket_name(self, i: int) -> tuple[int, int] | None:
        """``Ngân hàng thương mại cổ phần … (VPBank)``: a capitalised company head and
        the words up to the abbreviation in brackets that ends the name."""
        m = HEADS.match(self.t, i)
        if not m or not self.t[i].cap or m[1].lower() not in lex.LOWER_DESC_HEADS:
            return None
        k = m[0]
        while k - i < 12 and self._ok(k) and self.t[k].word:
            low = self.t[k].low
            if (low in FUNCTION_WORDS and low not in ("các", "và")) or low in STRONG_VERBS:
                return None
            k += 1
        if k - m[0] < 2:
            return None
        ab = self._bracketed_abbr(k, single=True, brand=True)  # ``… vận chuyển (Gemadept)``
        return (k, ab) if ab is not None else None

    # --- brackets, bylines, lists ------------------------------------------------
    def _bracketed_abbr(self, e: int, single: bool = False, brand: bool = False) -> int | None:
        """``(EVN)``, ``(Seaprodex VN)`` right after a name: the index after its last token,
        or for ``single`` the index of a one-token abbreviation (with ``brand``, also a
        brand word such as ``(Gemadept)``)."""
        t = self.t
        if e + 2 >= self.n or t[e].text != "(" or not t[e + 1].capword:
            return None
        first = t[e + 1]
        if ROMAN.fullmatch(first.text) or GAZ.match(t, e + 1) or first.text in lex.RUN_STOP:
            return None
        if t[e + 2].text == ")":
            inner = any(c.isupper() for c in first.text[1:])
            ok = inner or ((not single or brand) and brand_like(first.text))
            return (e + 1 if single else e + 2) if ok else None
        # two words only when the second is a country tag, a corporate suffix or a unit
        # number (``Seaprodex VN``); ``(ASEAN Heritage Parks)`` names something else.
        if single or not brand_like(first.text) or e + 3 >= self.n or t[e + 3].text != ")":
            return None
        second = t[e + 2].text
        ok = t[e + 2].joined and (second == "VN" or second in lex.CORPORATE_SUFFIXES
                                  or (second.isdigit() and len(second) <= 3))  # ``Cienco 6``
        return e + 3 if ok else None

    def _abbreviates_a_zone(self, i: int, e: int, ab: int) -> bool:
        """The bracket spells the words after a zone word inside the name, not the body:
        ``Ban Quản lý Khu Công nghệ cao (CNC)``, ``… Khu công nghiệp (KCN)``. A zone is a
        place (guideline: places and facilities are not organisations)."""
        abbr = "".join(tok.text for tok in self.t[e + 1:ab]).upper()
        for k in range(i + 1, e - 1):
            if self.t[k].low in _ZONE_WORDS:
                initials = "".join(tok.text[0] for tok in self.t[k + 1:e] if tok.word).upper()
                if abbr in (initials, "K" + initials):
                    return True
        return False

    def byline(self, i: int) -> int | None:
        """``(NLĐO) -``: the medium's tag before a dash, anywhere in the line."""
        t = self.t
        if (i + 2 < self.n and t[i].text == "(" and t[i + 2].text == ")"
                and (i + 3 == self.n or t[i + 3].text in _DASHES) and t[i + 1].capword
                and (t[i + 1].text.isupper() or t[i + 1].text in lex.ABBREVIATIONS)
                and "." not in t[i + 1].text and not ROMAN.fullmatch(t[i + 1].text)):
            # ``(X.Q)``: a reporter's initials, not a medium
            return i + 1
        return None

    def ellipsis(self, e: int) -> list[_Found]:
        """``Bộ Công an, GD-ĐT, KH-ĐT``: later ministries named by their descriptor alone."""
        out: list[_Found] = []
        while self._ok(e) and self.t[e].low in (",", "và") and self._ok(e + 1):
            d = DESCS.match(self.t, e + 1)
            if not d or self.org(e + 1) is not None or self._capword(d[0]):
                break
            out.append((e + 1, d[0], "orgs.ellipsis"))
            e = d[0]
        return out

    # --- driver ----------------------------------------------------------------
    def _body(self, i: int, e: int, out: list[_Found]) -> int:
        """Record the body [i, e) and what follows it: abbreviation, elided ministries."""
        out.append((i, e, self.source(i)))
        ab = self._bracketed_abbr(e)
        if ab is not None and not self._abbreviates_a_zone(i, e, ab):
            out.append((e + 1, ab, "orgs.bracket_abbr"))
            return ab + 1
        items = self.ellipsis(e)
        out.extend(items)
        return items[-1][1] if items else e

    def _indefinite(self, i: int) -> bool:
        """A lower-case head after a count or ``một``: a kind of body, not a named one."""
        t = self.t
        return (not t[i].cap and i > 0 and (t[i - 1].text.isdigit() or t[i - 1].low == "một"
                                             or t[i - 1].low in GENERIC_PREV))

    def _names_a_facility(self, i: int) -> bool:
        """A facility-type head right after ``dự án``/``công trình``: the name of a
        project or a building, not a body (ANNOTATION.md: projects are not tagged)."""
        t = self.t
        if t[i].low not in lex.FACILITY_TYPE_HEADS:
            return False
        for k in range(i - 1, max(0, i - 4), -1):  # ``dự án (đầu tư) Trung tâm …``
            if t[k].cap or not t[k].word:
                return False
            if t[k].low in ("án", "trình") and t[k - 1].low in ("dự", "công"):
                return True
        return False

    def _after_name(self, e: int, out: list[_Found]) -> int:
        """A bracketed abbreviation right after a name found without a head noun."""
        ab = self._bracketed_abbr(e)
        if ab is None:
            return e
        out.append((e + 1, ab, "orgs.bracket_abbr"))
        return ab + 1

    def _headless(self, i: int, out: list[_Found]) -> int | None:
        """Names without a head noun starting at ``i``; the index to go on from, or None."""
        by = self.byline(i)
        if by is not None:
            out.append((by, by + 1, "orgs.byline"))
            return by + 2
        if not self.t[i].word or self._in_code(i):
            return None
        acr = self.acronym_name(i)
        if acr:
            out.append((i, acr[0], "orgs.acronym"))
            out.append((acr[1], acr[1] + 1, "orgs.acronym"))
            return acr[2]
        gh = self.generic_head(i)
        if gh:
            out.append((gh[0], gh[1], "orgs.generic_head"))
            return self._after_name(gh[1], out)
        corp = self.corporate(i)
        if corp:
            out.append((i, corp, "orgs.corporate"))
            return self._after_name(corp, out)
        if self.bank_brand(i):
            out.append((i, i + 1, "orgs.corporate"))
            return i + 1
        media = self.media_name(i)
        if media:
            out.append((i, media, "orgs.media"))
            return media
        fac = self.facility_owner(i)
        if fac:
            out.append((fac[0], fac[1], "orgs.facility_owner"))
            return fac[1]
        return None

    def spans(self) -> list[_Found]:
        """Token spans of all ORGs with their function, left to right, longest at each position."""
        out: list[_Found] = []
        i = 0
        generic_end: int | None = None
        while i < self.n:
            if not self.t[i].word or self._in_code(i):
                nxt_i = self._headless(i, out)
                i = nxt_i if nxt_i is not None else i + 1
                continue
            e = self.org(i)
            if e is not None and self._indefinite(i):
                i = e  # ``22 công ty máy tính hàng đầu VN``: companies of a kind, not a name
                continue
            if e is not None and self._names_a_facility(i):
                i = e  # ``dự án Trung tâm Chế biến thủy sản``: the project's facility
                continue
            bn = self.bracket_name(i)
            if bn and (e is None or bn[0] > e):
                out.append((i, bn[0], "orgs.bracket_name"))
                if not self._abbreviates_a_zone(i, bn[0], bn[1] + 1):
                    out.append((bn[1], bn[1] + 1, "orgs.bracket_abbr"))
                i = bn[1] + 2
                continue
            if e is not None:
                coordinated = generic_end is not None and all(
                    tok.low in (",", "và") for tok in self.t[generic_end:i]
                )
                nxt = self.org(e + 1) if self._ok(e) and self.t[e].low in (",", "và") else None
                listed = bool(self.ellipsis(e))  # ``các Bộ Công an, GD-ĐT``: named ministries
                if not listed and (self._generic_before(i) or self._generic_after(e) or coordinated
                                   or (nxt is not None and self._generic_after(nxt))):
                    generic_end = e
                    i = e
                    continue
                i = self._body(i, e, out)
                continue
            nxt_i = self._headless(i, out)
            i = nxt_i if nxt_i is not None else i + 1
        return out


def find(text: str, memory: OrgMemory | None = None) -> list[Span]:
    """ORG spans in one normalised sentence (view offsets), each with its labelling function.

    ``memory`` (``orgs_doc.OrgMemory`` of the sentence's document) adds the names the
    document introduces elsewhere (``SITC`` after ``cơ sở Anh ngữ quốc tế SITC``).
    """
    if memory is not None:
        return memory.find(text)
    return find_sentence(text)


def find_sentence(text: str) -> list[Span]:
    """ORG spans found in the sentence alone."""
    p = _Parser(text)
    result: list[Span] = []
    for a, b, source in p.spans():
        start, end = p.t[a].start, p.t[b - 1].end
        if text[end - 1].isupper() or text[end - 1].isdigit():
            while end < len(text) and text[end].isalnum():
                end += 1  # a code never stops inside itself: ``VTV1``, not ``VTV``
        result.append(Span(start, end, LABEL, text[start:end], source=source))
    return result


def document_memory(sentence_texts: list[str]) -> OrgMemory:
    """The ORG memory of one document (its normalised sentences, in order) for ``find``."""
    from phogov.rules.orgs_doc import OrgMemory

    return OrgMemory(sentence_texts)
