"""Tokens, word classes and phrase lexicons shared by the ORG rule modules.

The ORG parser (``orgs_boundaries``, ``orgs_heads``, ``orgs``) works over
these tokens; keeping them apart lets each module stay about one job.
"""

from __future__ import annotations

import re
import unicodedata

from phogov.rules import lexicon_orgs as lex
from phogov.text import RuleToken, rule_token_texts, rule_tokens

ROMAN = re.compile(r"[IVXLC]+")
GENERIC = -1  # a completion that makes the whole phrase generic (``xã, phường``)

# Lower-case words that cannot be the second syllable of a capitalised descriptor.
FUNCTION_WORDS = frozenset(
    "và của đã đang sẽ vừa với cho tại về trong theo được bị là có không cũng thì mà này đó "
    "các những để từ đến trên dưới khóa khoá nhiệm lần năm tháng ngày cấp ở như đều còn rất "
    "chỉ phải nên vì do nhằm trực thuộc làm tổ ban hành cùng phía mỗi hằng "
    "khi nếu nhưng hoặc hay rằng".split()
)
# First syllables of verbs that typically follow a body as its predicate; a
# descriptor never runs into them (``Tập đoàn Jobrus đề nghị``).
VERB_STARTS = FUNCTION_WORDS | frozenset(
    "đề yêu cho chỉ quyết thực triển phối ký trao tiếp gửi báo xử giải nhận tham "
    "tiến đưa lập khởi hỗ kiểm chịu cắm tạm ước tuyên khẳng nhấn kêu bàn chấp mở cấp "
    "thu bố họp nêu vận chuẩn hướng tăng giảm dự bán mua lấy đem thỏa cam phản xem kiến"
    .split()
)
# Unambiguous predicate starts: a bare capitalised name may end right before them.
# Speech and stance verbs (``nói``, ``hỏi``, ``thừa nhận``) are among them.
STRONG_VERBS = frozenset(
    "đề yêu cho ký trao gửi nhấn khẳng kêu vừa đã đang sẽ cũng nói hỏi bày thừa mong muốn cần"
    .split()
)
# Capitalised words that start a title or form of address, never a name part.
TITLE_STOP = frozenset(
    "Phó Bí Chủ Ủy Uỷ Trưởng Giám Ông Bà Thủ Đại Thượng Trung Thiếu Tổng".split()
)
# Previous words that make ``Thường trực`` part of a title (``Phó Bí thư Thường trực``).
TITLE_PREV = frozenset({"thư", "tịch", "trưởng", "đốc", "viên", "phó", "tướng", "TT"})
GENERIC_PREV = frozenset({"các", "những", "mọi", "từng", "nhiều", "mấy"})


# The rules' shared tokens (``phogov.text``): read, never re-tokenised, here.
Tok = RuleToken


def tokenize(text: str) -> list[Tok]:
    """The rule tokens of ``text`` (``phogov.text.rule_tokens``, computed once per text)."""
    return list(rule_tokens(text))


# Vietnamese syllables, tone marks removed: onset, vowel nucleus, coda. A word
# that does not parse is foreign (``Canon``, ``Temasek``, ``Hoya``): a brand or a
# foreign name, never a Vietnamese place or person.
_VN_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:oai|oay|oao|oeo|uay|uoi|uou|uya|uye|uyu|ieu|yeu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|"
    r"oo|ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y)"
    r"(?:ch|ng|nh|[cmnpt])?"
)
_VN_LETTERS = set("ăâêôơưđ")


def is_vietnamese_syllable(word: str) -> bool:
    """``word`` could be one Vietnamese syllable (any diacritic makes it one)."""
    low = word.lower()
    if any(c in _VN_LETTERS for c in low):
        return True
    bare = unicodedata.normalize("NFD", low)
    if any(unicodedata.combining(c) for c in bare):
        return True
    return bool(_VN_SYLLABLE.fullmatch(low))


def brand_like(word: str) -> bool:
    """All caps (``SITC``), camel case (``VnExpress``) or not Vietnamese (``Temasek``)."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    if len(word) >= 2 and word.isupper():
        return not ROMAN.fullmatch(word)
    return any(c.isupper() for c in word[1:]) or not is_vietnamese_syllable(word)


class Lexicon:
    """Phrases indexed by first token; case-insensitive, except that a phrase
    written with a capital first letter needs a capital in the text (unless
    ``any_case``), and an all-caps token (``TƯ``, ``TP``) must match exactly
    (``Tư`` is not ``TƯ``)."""

    def __init__(self, phrases: tuple[str, ...] | frozenset[str], any_case: bool = False) -> None:
        self.index: dict[str, list[tuple[tuple[str, ...], tuple[str | None, ...], bool, str]]] = {}
        for phrase in phrases:
            raw = rule_token_texts(phrase)
            parts = tuple(t.lower() for t in raw)
            exact = tuple(t if len(t) > 1 and t.isupper() else None for t in raw)
            entry = (parts, exact, phrase[0].isupper() and not any_case, phrase)
            self.index.setdefault(parts[0], []).append(entry)
        for entries in self.index.values():
            entries.sort(key=lambda e: -len(e[0]))

    def match(self, toks: list[Tok], i: int) -> tuple[int, str] | None:
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
                and (exact[k] is None or toks[i + k].text.replace("&amp;", "&") == exact[k])
                for k in range(len(parts))
            ):
                return end, phrase
        return None


LEVELS = Lexicon(lex.PLACE_LEVELS)
GAZ = Lexicon(lex.PROVINCES)
COMMITTEES = Lexicon(lex.COMMITTEES)
PEOPLE = Lexicon(lex.PEOPLE_BODIES)
FIXED = Lexicon(lex.FIXED_NAMES)
RELATIONAL = Lexicon(lex.RELATIONAL_HEADS)
PARENTS = Lexicon(lex.PARENT_WORDS)
HEADS = Lexicon(lex.DESC_HEADS + lex.LOWER_CASE_HEADS)
DESCS = Lexicon(lex.DESCRIPTORS)
DESCS_ANY = Lexicon(lex.DESCRIPTORS, any_case=True)
JUDICIAL = Lexicon(lex.JUDICIAL_BODIES)
CONGRESS = Lexicon(lex.CONGRESS_BODIES)
LOWER_FIXED = Lexicon(lex.LOWER_FIXED_NAMES)
GENERIC_NOUNS = Lexicon(lex.GENERIC_ORG_NOUNS)
SUBJECTS = Lexicon(lex.SUBJECT_MARKERS)
LEGAL = Lexicon(lex.LEGAL_FORMS)
TOPICS = Lexicon(lex.STEERING_TOPICS)
SCHOOLS = Lexicon(lex.SCHOOL_TYPES)
FACILITIES = Lexicon(lex.FACILITY_HEADS)
COURT_LEVELS = Lexicon(lex.COURT_LEVELS)
INSPECTION_SECTORS = Lexicon(lex.INSPECTION_SECTORS, any_case=True)
