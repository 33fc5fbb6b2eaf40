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
    COURT_LEVELS,
    DESCS,
    FIXED,
    GENERIC,
    HEADS,
    LEGAL,
    PEOPLE,
    RELATIONAL,
    SCHOOLS,
    TITLE_PREV,
    TITLE_STOP,
    TOPICS,
)

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
        pl = self.place(end, name_ok=phrase in lex.PEOPLE_BODIES_NAME_OK)
        if pl == GENERIC:
            return None
        if pl:
            return pl
        return end if phrase in lex.PEOPLE_BODIES_BARE_OK else None

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
        if end == sm[0]:
            return None  # ``Trường THCS`` alone is any school
        return end

    def desc_body(self, i: int) -> int | None:
        m = HEADS.match(self.t, i)
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
            LEGAL.match(self.t, j) or self._capword(j)
        ):
            return None
        if hlow in ("ban chỉ đạo",):
            return self.steering(j)
        if hlow == "trường":
            return self.school(i, j)
        if hlow in _COMPANY_HEADS:
            lg = LEGAL.match(self.t, j) if self._ok(j) else None
            if lg:
                j = lg[0]
        d = self.desc_chain(j, fallback=head not in lex.LEXICON_ONLY_HEADS)
        after = d[0] if d else j
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
            return None
        if hlow in _COMPANY_HEADS and not comp and self._ok(d[0]) and self.t[d[0]].text.isdigit():
            return d[0] + 1  # ``Công ty Cà phê 52``, ``Tổng công ty 36``
        single = d[0] - j == 1 and not DESCS.match(self.t, j)
        if single and not comp and hlow not in _COMPANY_HEADS | {"báo", "tạp chí"}:
            return None  # ``Hội Thống`` (a dyke), ``Phòng Hội``: too thin to be a body
        if hlow == "ban" and not comp:
            is_lex = DESCS.match(self.t, j) is not None
            if not is_lex or d[1] in _BAN_NEEDS_PARENT:
                return None
        return comp or d[0]

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
        for name, label in self.FUNCTIONS.items():
            e = getattr(self, name)(i)
            if e is not None and e > i and (best is None or e > best):
                best = e
                self._source[i] = label
        self._memo[i] = best
        return best

    def source(self, i: int) -> str:
        """The labelling function behind ``org(i)`` (``orgs.head_noun``)."""
        return "orgs." + self._source.get(i, "head_noun")
