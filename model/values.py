"""Vietnamese number grammar → values (MONEY in base units + currency, PERCENT).

Why one module: the MONEY/PERCENT rules, the model's decoder and the evaluation
must all read ``374/ 2.709 tỷ đồng`` the same way, so the grammar lives here and
the rules only add context checks (boundaries, dates) on top of it.

Number grammar (Vietnamese wins over English when both readings are possible):

* ``.`` groups thousands and ``,`` marks decimals: ``234.000`` → 234000,
  ``16,5`` → 16.5, ``1.405`` → 1405, ``1.234,5`` → 1234.5.
* A single ``.`` followed by exactly three digits is thousands (``1.500`` → 1500);
  followed by any other number of digits it can only be an English decimal
  (``1.5`` → 1.5, ``2.75`` → 2.75).
* A single ``,`` is always a decimal comma (``1,500`` → 1.5). Only unambiguous
  English forms are read as English: several ``,`` groups of three
  (``1,500,000`` → 1500000) or ``,`` groups followed by a ``.`` decimal
  (``1,234.5`` → 1234.5).
* Scale words multiply when adjacent (``nghìn tỷ`` = 1e12) and add when they
  come down in size with a new number (``2 tỷ 500 triệu`` = 2.5e9); ``rưỡi``
  adds half the last scale (``1 triệu rưỡi`` = 1.5e6).
* Spelled numbers up to 999 (``một``, ``hai mươi lăm``, ``năm trăm linh năm``)
  and ``nửa`` (½) are read too.
* Ranges and pairs (``2.000 - 2.500 tỷ``, ``5 đến 7 triệu``, ``374/ 2.709 tỷ``)
  give one value per number; a number without its own scale takes the scale of
  the last number when it is a ``a/ b`` pair or an ascending range (``750.000 đến
  1 triệu đồng`` keeps 750000).

* A minus sign glued to the first number is kept (``-3%`` → -3.0, ``giảm -3,5%``
  → -3.5); the span then starts at the sign. A dash after a word or a number is
  a range or a code, never a sign (``8-10%``, ``COVID-19``).
* Values are always finite: a number of more than 30 digits, a run of more than
  four scale words (``tỷ tỷ tỷ tỷ tỷ``) or an amount beyond the range of a float
  is not read as a value at all, so such text is never MONEY or PERCENT (no
  amount in the news needs more; ``inf`` would be no value and not valid JSON).

Arithmetic is done in :class:`decimal.Decimal` so ``932,7 tỷ`` is exactly 9.327e11.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TypeVar

_M = TypeVar("_M", bound="ValueMatch")

# ---------------------------------------------------------------- numbers ---

_DIGIT_NUMBER = re.compile(
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.,]\d)"  # 1.234.567,5  (Vietnamese)
    r"|\d{1,3}(?:,\d{3})+\.\d+(?![\d.,]\d)"  # 1,234.5      (English)
    r"|\d{1,3}(?:,\d{3}){2,}(?![\d.,]\d)"  # 1,234,567    (English)
    r"|\d+(?:[.,]\d+)?(?![\d.,]\d)"  # 16,5 / 1.5 / 2024
)

_UNITS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
          "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_U = r"(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín)"
_U_AFTER_MUOI = r"(?:mốt|một|hai|ba|bốn|tư|lăm|năm|sáu|bảy|bẩy|tám|chín)"
_U_AFTER_MUOI10 = r"(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|bẩy|tám|chín)"
_TENS = rf"(?:{_U} mươi(?: {_U_AFTER_MUOI})?|mười(?: {_U_AFTER_MUOI10})?)"
_SPELLED = rf"(?:{_U} trăm(?: (?:linh|lẻ) {_U}| {_TENS})?|{_TENS}|{_U}|nửa)"
_SPELLED_NUMBER = re.compile(rf"(?i)(?<![^\W\d_]){_SPELLED}(?![^\W\d_])")

# Scale words multiply the number before them.
_SCALES: dict[str, Decimal] = {
    "chục": Decimal(10), "trăm": Decimal(100), "nghìn": Decimal(1000), "ngàn": Decimal(1000),
    "triệu": Decimal(10**6), "tỷ": Decimal(10**9), "tỉ": Decimal(10**9),
}
_SCALE = re.compile(r"(?i)(chục|trăm|nghìn|ngàn|triệu|tỷ|tỉ)(?![^\W\d_])")
_MAX_SCALE_WORDS = 4  # "trăm nghìn tỷ" is three; more is not an amount (and could overflow)
_MAX_DIGITS = 30  # more digits than any amount: not read as a number
_SIGN = re.compile(r"[-\u2212](?=\d)")  # "-3%": ASCII hyphen-minus or U+2212 minus
_HALF = re.compile(r"(?i) rưỡi(?![^\W\d_])")
_SP = re.compile(r"[ \u00a0]+")
_OPT_SP = re.compile(r"[ \u00a0]*")

# Separators between two numbers of one expression. "/" pairs (done / planned)
# always share the scale; ranges only when ascending.
_RANGE_SEP = re.compile(r"[ \u00a0]*[-–—~][ \u00a0]*|[ \u00a0]+(?i:đến|tới)[ \u00a0]+")
_PAIR_SEP = re.compile(r"[ \u00a0]*/[ \u00a0]*")

# ------------------------------------------------------------- currencies ---

# Lower-case syllables that make "đồng" part of another word: "24 đồng chí",
# "26/11 đồng ý", "2020-2025 đồng thời", "8 đồng hồ", "3 đồng phạm", "2 triệu
# đồng bào". These never follow an amount of money.
_DONG_COMPOUNDS = (
    "chí|bào|bộ|thời|ý|tình|hồ|loạt|lòng|đội|nghiệp|hương|môn|thuận|cảm|điệu|đẳng|dao"
    "|niên|phạm|hao|thau|cỏ|ruộng|lúa|muối|bãi|bọn|đảng|trinh|xu"
)
# These make a compound too ("3 đồng chủ trì", "2 đồng tác giả") but can also
# start the next word after real money ("5 tỷ đồng chủ yếu từ ngân sách",
# "500.000 đồng thanh toán"): they block only a small bare count.
_DONG_WEAK = re.compile(
    r" (?:chủ|tâm|hành|minh|phục|dạng|nhất|ca|tác|sở|vị|âm|nghĩa|khởi|hóa|tử|thanh|hạng"
    r"|diễn|hưởng)(?![^\W\d_])"
)
_WORD_END = r"(?![^\W\d_])"

# (regex, ISO code). Order matters: longer names first. All are tried right
# after the amount (with optional space), so they never start a word by themselves.
_CURRENCIES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(?:đồng|ĐỒNG){_WORD_END}(?! (?:{_DONG_COMPOUNDS}){_WORD_END})"), "VND"),
    # capitalised "Đồng" before a capitalised word is a place: Đồng Nai, Đồng Tháp
    (re.compile(rf"Đồng{_WORD_END}(?! (?:{_DONG_COMPOUNDS}){_WORD_END})(?! [A-ZĐ])"), "VND"),
    (re.compile(rf"(?:VNĐ|VND|vnđ|vnd|VNđ|Vnđ|VNd){_WORD_END}"), "VND"),
    (re.compile(rf"(?i:đô[ -]?la|đôla|dollar|đô){_WORD_END}"
                rf" (?:Singapore|Xingapo|Xinh-ga-po){_WORD_END}"), "SGD"),
    (re.compile(rf"(?i:đô[ -]?la|đôla|dollar|đô){_WORD_END} (?:Úc|Australia|Ôxtrâylia){_WORD_END}"),
     "AUD"),
    (re.compile(rf"(?i:đô[ -]?la|đôla|dollar|đô){_WORD_END} (?:Canada|Ca-na-đa){_WORD_END}"),
     "CAD"),
    (re.compile(rf"(?i:đô[ -]?la|đôla|dollar|đô){_WORD_END} (?:Hồng Kông|Hong Kong|Hongkong)"
                rf"{_WORD_END}"), "HKD"),
    (re.compile(rf"(?i:đô[ -]?la|đôla|dollar|đô){_WORD_END} Đài Loan{_WORD_END}"), "TWD"),
    (re.compile(rf"(?i:đô[ -]?la|đôla|dollar|đô){_WORD_END} New Zealand{_WORD_END}"), "NZD"),
    (re.compile(rf"(?i:đô[ -]?la|đôla|dollar){_WORD_END}(?: Mỹ{_WORD_END})?"), "USD"),
    (re.compile(rf"đô(?: Mỹ)?{_WORD_END}(?! (?:thị|đốc|hội|vật|hộ|thành|la){_WORD_END})"), "USD"),
    (re.compile(r"(?:USD|usd|Usd|US\$|\$)(?![\w$])"), "USD"),
    (re.compile(rf"Mỹ kim{_WORD_END}"), "USD"),
    (re.compile(rf"(?:EUR|EURO|[Ee]uro|ơ-rô|ơrô){_WORD_END}"), "EUR"),
    (re.compile("€"), "EUR"),
    (re.compile(rf"(?:[Bb]ảng Anh|GBP|£){_WORD_END}"), "GBP"),
    (re.compile(rf"(?:[Yy]ên Nhật|JPY){_WORD_END}"), "JPY"),
    (re.compile(rf"yên{_WORD_END}(?! [^\W\d_])"), "JPY"),
    (re.compile(rf"(?:[Nn]hân dân tệ|NDT|CNY){_WORD_END}"), "CNY"),
    (re.compile(rf"(?:won|Won|KRW){_WORD_END}"), "KRW"),
    (re.compile(rf"(?:rúp|Rúp|RUB){_WORD_END}"), "RUB"),
    (re.compile(rf"(?:baht|bạt|THB){_WORD_END}"), "THB"),
    (re.compile(rf"(?:riel|Riel|KHR){_WORD_END}"), "KHR"),
    (re.compile(rf"(?:kíp|kip|LAK){_WORD_END}"), "LAK"),
    (re.compile(rf"(?:ringgit|MYR){_WORD_END}"), "MYR"),
    (re.compile(rf"(?:[Ff]ranc Thụy Sĩ|CHF){_WORD_END}"), "CHF"),
    (re.compile(rf"(?:SGD|AUD|CAD|HKD|TWD|NZD|INR|IDR){_WORD_END}"), "ISO"),
]
# "đ" as an abbreviation of đồng: glued to the number ("500.000đ"), or after a
# space when the amount is clearly money-sized; never "điểm đ khoản 2".
_D_ABBREV = re.compile(r"đ(?![\w])")
_PREFIX_CURRENCY = re.compile(r"(?:US\$|\$)(?=[ \u00a0]?\d)")

# "%o" is a typed per-mille sign (‰), not a percentage.
_PERCENT_SIGN = re.compile(
    r"[ \u00a0]?%(?!o(?![^\W\d_]))|[ \u00a0]+(?i:phần trăm)(?![^\W\d_])"
)


# ------------------------------------------------------------------ parse ---


@dataclass(frozen=True)
class _Number:
    """One number with its own scale words, as read at [start, end)."""

    start: int
    end: int
    base: Decimal  # the number before any scale word
    value: Decimal  # with its scale words and later compound groups
    scale: Decimal  # product of the scale words of its first group (1 if none)
    spelled: bool

    @property
    def scaled(self) -> bool:
        """Whether it carries a scale word of its own."""
        return self.scale > 1


@dataclass(frozen=True)
class ValueMatch:
    """A MONEY or PERCENT expression found at ``text[start:end]``."""

    start: int
    end: int
    values: list[float]
    unit: str | None = None


def _digits_value(s: str) -> Decimal:
    """Read one digit-form number under the Vietnamese-first grammar above."""
    if "." in s and "," in s:
        if s.rfind(",") > s.rfind("."):  # 1.234,5
            return Decimal(s.replace(".", "").replace(",", "."))
        return Decimal(s.replace(",", ""))  # 1,234.5
    if "." in s:
        groups = s.split(".")
        if all(len(g) == 3 for g in groups[1:]):
            return Decimal(s.replace(".", ""))  # 1.500, 1.234.567
        if len(groups) == 2:
            return Decimal(s)  # 1.5 (English decimal: cannot be thousands)
        raise ValueError(f"not a number: {s!r} (dots that are neither thousands nor decimal)")
    if "," in s:
        groups = s.split(",")
        if len(groups) == 2:
            return Decimal(s.replace(",", "."))  # 16,5 (Vietnamese decimal)
        if all(len(g) == 3 for g in groups[1:]):
            return Decimal(s.replace(",", ""))  # 1,500,000 (English thousands)
        raise ValueError(f"not a number: {s!r} (commas that are neither decimal nor thousands)")
    return Decimal(s)


def _spelled_value(s: str) -> Decimal:
    """Read a spelled number below 1000 (``hai mươi lăm`` → 25, ``nửa`` → 0.5)."""
    words = s.lower().split()
    if words == ["nửa"]:
        return Decimal("0.5")
    total = 0
    if "trăm" in words:
        i = words.index("trăm")
        total += _UNITS[words[0]] * 100
        words = [w for w in words[i + 1:] if w not in ("linh", "lẻ")]
    if "mươi" in words:
        total += _UNITS[words[0]] * 10
        words = words[2:]
    elif words and words[0] == "mười":
        total += 10
        words = words[1:]
    if words:
        total += _UNITS[words[0]]
    return Decimal(total)


def _read_base(text: str, pos: int) -> tuple[int, Decimal, bool] | None:
    """(end, value, spelled) of the digit or spelled number at ``pos`` (no scale words).

    A minus sign glued to the digits is read as the number's sign."""
    sign = _SIGN.match(text, pos)
    m = _DIGIT_NUMBER.match(text, sign.end() if sign else pos)
    if m:
        if sum(ch.isdigit() for ch in m.group(0)) > _MAX_DIGITS:
            return None
        try:
            value = _digits_value(m.group(0))
        except (ValueError, InvalidOperation):
            return None
        return m.end(), -value if sign else value, False
    if sign:
        return None
    m = _SPELLED_NUMBER.match(text, pos)
    if m:
        return m.end(), _spelled_value(m.group(0)), True
    return None


def _read_scales(text: str, pos: int) -> tuple[int, Decimal]:
    """Adjacent scale words multiply: ``nghìn tỷ`` → 1e12. Returns (end, product)."""
    product = Decimal(1)
    end = pos
    for _ in range(_MAX_SCALE_WORDS + 1):
        sp = _OPT_SP.match(text, end)
        m = _SCALE.match(text, sp.end())
        if not m or (sp.end() == end and end > pos):
            return end, product  # scale words after the first need a space between them
        product *= _SCALES[m.group(1).lower()]
        end = m.end()
    return pos, Decimal(0)  # too many scale words: the caller reads no number here


def _read_group(text: str, pos: int) -> tuple[int, Decimal, Decimal, Decimal, bool] | None:
    """number scale* rưỡi? → (end, base, value, scale product, spelled)."""
    read = _read_base(text, pos)
    if read is None:
        return None
    end, base, spelled = read
    end, scale = _read_scales(text, end)
    if scale == 0:
        return None
    if spelled and scale == 1:
        return None  # "năm", "ba" alone are far more often words than numbers
    value = base * scale
    half = _HALF.match(text, end)
    if half:
        last = _last_scale(text[pos:end])
        value += last / 2
        end = half.end()
    return end, base, value, scale, spelled


def _last_scale(s: str) -> Decimal:
    found = _SCALE.findall(s)
    return _SCALES[found[-1].lower()] if found else Decimal(1)


def _read_number(text: str, pos: int) -> _Number | None:
    """One amount, with compound groups that come down in size: ``2 tỷ 500 triệu``."""
    group = _read_group(text, pos)
    if group is None:
        return None
    end, base, value, scale, spelled = group
    last_scale = scale
    while last_scale > 1:
        sp = _SP.match(text, end)
        if not sp:
            break
        nxt = _read_group(text, sp.end())
        if nxt is None or nxt[3] == 1 or nxt[3] >= last_scale or nxt[1] >= 1000:
            break
        end, value, last_scale = nxt[0], value + nxt[2], nxt[3]
    return _Number(pos, end, base, value, scale, spelled)


def _read_numbers(text: str, pos: int) -> tuple[list[_Number], list[str]] | None:
    """A number, or two joined by a range dash / ``đến`` / a ``/`` pair."""
    first = _read_number(text, pos)
    if first is None:
        return None
    numbers, seps = [first], []
    for sep_re, kind in ((_PAIR_SEP, "pair"), (_RANGE_SEP, "range")):
        sep = sep_re.match(text, first.end)
        if sep:
            second = _read_number(text, sep.end())
            if second is None or second.spelled or first.spelled:
                continue
            if kind == "range" and not _plausible_range(text, first, second):
                continue
            numbers.append(second)
            seps.append(kind)
            break
    return numbers, seps


_YEAR = re.compile(r"(?:19|20)\d\d")


def _plausible_range(text: str, first: _Number, second: _Number) -> bool:
    """A range starts low and does not start with a year (``năm 2023 - 15%``)."""
    if _YEAR.fullmatch(text[first.start:first.end]) and not _YEAR.fullmatch(
        text[second.start:second.end]
    ):
        return False
    low = first.value
    if not first.scaled and first.base <= second.base:
        low = first.base * second.scale
    return low <= second.value


def _share_scale(numbers: list[_Number], seps: list[str]) -> list[Decimal]:
    """Give an unscaled first number the scale of the last (``374/ 2.709 tỷ``).

    A ``/`` pair always shares it; a range only when it then ascends, so
    ``750.000 đến 1 triệu đồng`` keeps 750000 while ``2.000 - 2.500 tỷ`` is 2e12."""
    values = [n.value for n in numbers]
    if len(numbers) == 2 and not numbers[0].scaled and numbers[1].scaled:
        first, last = numbers
        if seps[0] == "pair" or first.base <= last.base:
            values[0] = first.base * last.scale
    return values


# A dash between two whole amounts that repeat the unit: "240.000 đồng - 260.000 đồng",
# "12% - 15%". A range written as one expression is one span (the guideline); words
# between the amounts ("từ X đồng đến Y đồng") make two, so "đến"/"tới" are not here.
_UNIT_RANGE_DASH = re.compile(r"[ \u00a0]*[-–—][ \u00a0]*")


def _unit_range(text: str, first: ValueMatch, match: Callable[[str, int], ValueMatch | None]
                ) -> ValueMatch:
    """``first`` widened over ``- second`` when second is one amount of the same unit that
    is not smaller (a range ascends); ``first`` unchanged otherwise."""
    if len(first.values) != 1:
        return first
    dash = _UNIT_RANGE_DASH.match(text, first.end)
    if dash is None:
        return first
    second = match(text, dash.end())
    if (second is None or len(second.values) != 1 or second.unit != first.unit
            or second.values[0] < first.values[0]):
        return first
    return ValueMatch(first.start, second.end, first.values + second.values, first.unit)


def match_money(text: str, pos: int) -> ValueMatch | None:
    """Read a MONEY expression starting exactly at ``pos`` (no context checks); a dash
    to a second amount of the same currency makes one range (``_unit_range``)."""
    m = _match_one_money(text, pos)
    return _unit_range(text, m, _match_one_money) if m is not None else None


def _match_one_money(text: str, pos: int) -> ValueMatch | None:
    """One MONEY expression (an amount, or numbers joined into one) at ``pos``."""
    prefix = _PREFIX_CURRENCY.match(text, pos)
    if prefix:
        start_num = _OPT_SP.match(text, prefix.end()).end()
        read = _read_numbers(text, start_num)
        if read is None:
            return None
        numbers, seps = read
        return ValueMatch(pos, numbers[-1].end, _floats(_share_scale(numbers, seps)), "USD")
    read = _read_numbers(text, pos)
    if read is None:
        return None
    numbers, seps = read
    end = numbers[-1].end
    sp_end = _OPT_SP.match(text, end).end()
    unit = None
    cur_end = end
    for cur_re, code in _CURRENCIES:
        m = cur_re.match(text, sp_end)
        if m:
            unit = m.group(0).upper() if code == "ISO" else code
            cur_end = m.end()
            break
    last = numbers[-1]
    small_count = not last.scaled and last.value < 1000 and last.value == int(last.value)
    if unit == "VND" and small_count and _DONG_WEAK.match(text, cur_end):
        return None  # "3 đồng chủ trì"
    if unit is None:
        m = _D_ABBREV.match(text, sp_end)
        glued = sp_end == end
        if m and (glued or numbers[-1].scaled or numbers[-1].value >= 1000):
            unit, cur_end = "VND", m.end()
    if unit is None:
        return None
    return ValueMatch(pos, cur_end, _floats(_share_scale(numbers, seps)), unit)


def match_percent(text: str, pos: int) -> ValueMatch | None:
    """Read a PERCENT expression starting exactly at ``pos`` (no context checks); a dash
    to a second percentage makes one range (``12% - 15%``, as ``12 - 15%``)."""
    m = _match_one_percent(text, pos)
    return _unit_range(text, m, _match_one_percent) if m is not None else None


def _match_one_percent(text: str, pos: int) -> ValueMatch | None:
    """One PERCENT expression at ``pos``."""
    read = _read_numbers_plain(text, pos)
    if read is None:
        return None
    numbers, end = read
    m = _PERCENT_SIGN.match(text, end)
    if not m:
        return None
    if any(spelled for _, spelled in numbers) and "%" in m.group(0):
        return None
    return ValueMatch(pos, m.end(), _floats([v for v, _ in numbers]))


def _read_numbers_plain(text: str, pos: int) -> tuple[list[tuple[Decimal, bool]], int] | None:
    """Numbers for percentages: no scale words; a range joined by a dash or ``đến``."""
    first = _read_base(text, pos)
    if first is None:
        return None
    end, value, spelled = first
    numbers = [(value, spelled)]
    sep = _RANGE_SEP.match(text, end)
    if sep and not spelled:
        second = _read_base(text, sep.end())
        if (
            second is not None
            and not second[2]
            and value <= second[1]  # ranges ascend: "12,7 - 13,0%"
            and not _YEAR.fullmatch(text[pos:end])  # "năm 2023 - 15%" is not a range
        ):
            numbers.append((second[1], False))
            end = second[0]
    return numbers, end


def _floats(values: list[Decimal]) -> list[float]:
    return [float(v) for v in values]


# ----------------------------------------------------------------- public ---


def _clean(text: str) -> str:
    """NFC and single spaces, so raw or model-produced span texts parse like the view."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def parse_number(s: str) -> float:
    """Value of one Vietnamese number with optional scale words.

    ``234.000`` → 234000, ``16,5`` → 16.5, ``2.709 tỷ`` → 2.709e12,
    ``2 tỷ 500 triệu`` → 2.5e9, ``hai mươi lăm`` → 25.
    """
    text = _clean(s)
    if not text:
        raise ValueError("not a number: empty string")
    n = _read_number(text, 0)
    if n is None or n.end != len(text):
        # a spelled number without a scale word is still a number here
        m = _SPELLED_NUMBER.fullmatch(text)
        if m:
            return float(_spelled_value(text))
        raise ValueError(f"not a Vietnamese number: {s!r}")
    return float(n.value)


def parse_money(text: str) -> tuple[list[float], str]:
    """Values (base units, one per amount) and currency of a MONEY span text.

    ``234.000 tỷ đồng`` → ([2.34e14], "VND"); ``374/ 2.709 tỷ đồng`` →
    ([3.74e11, 2.709e12], "VND"); ``3,5 tỷ USD`` → ([3.5e9], "USD").
    Raises ValueError if ``text`` is not exactly one money expression.
    """
    s = _clean(text)
    m = match_money(s, 0) if s else None
    if m is None or m.end != len(s):
        raise ValueError(
            f"not a money expression: {text!r} (expected number(s), scale words and a currency)"
        )
    assert m.unit is not None
    return m.values, m.unit


def parse_percent(text: str) -> list[float]:
    """Values of a PERCENT span text: ``16,5%`` → [16.5], ``12,7 - 13,0%`` → [12.7, 13.0],
    ``30 phần trăm`` → [30.0]. Raises ValueError for anything else."""
    s = _clean(text)
    m = match_percent(s, 0) if s else None
    if m is None or m.end != len(s):
        raise ValueError(f"not a percentage: {text!r} (expected number(s) then % or phần trăm)")
    return m.values


# A number can start here: not inside a word, a number (``1.234``, ``26/11``)
# or a code (``COVID-19``, ``28-NQ``); but after ``16.700đ-`` it can.
_NUMBER_START = re.compile(
    r"(?<![\w.,/%\u2212-])[-\u2212](?=\d)"  # a sign: "-3%", not "8-10%" or "COVID-19"
    r"|(?<!\w)(?<!\d[.,/])(?:(?<!\w-)|(?<=\dđ-)|(?<=USD-))(?:\d|US\$|\$|(?i:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|nửa)"
    r"(?![^\W\d_]))"
)


def number_starts(text: str) -> list[int]:
    """Offsets where a MONEY or PERCENT expression may begin (left boundary checked)."""
    return [m.start() for m in _NUMBER_START.finditer(text)]


def scan(text: str, match: Callable[[str, int], _M | None],
         keep: Callable[[int, _M], bool] | None = None) -> list[_M]:
    """Non-overlapping matches of ``match`` tried at each number start, left to right.

    ``keep(start, m)`` may reject a match (a date for MONEY); a rejected match does
    not block the number starts inside it. MONEY and PERCENT both scan this way.
    """
    out: list[_M] = []
    pos = 0
    for start in number_starts(text):
        if start < pos:
            continue
        m = match(text, start)
        if m is None or (keep is not None and not keep(start, m)):
            continue
        out.append(m)
        pos = m.end
    return out
