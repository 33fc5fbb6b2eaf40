"""Vietnamese number grammar: hand-checked values, plus every gold MONEY/PERCENT span."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from phogov.values import parse_money, parse_number, parse_percent

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold_seeds.jsonl"


def _close(got: list[float], want: list[float]) -> bool:
    return len(got) == len(want) and all(
        math.isclose(g, w, rel_tol=1e-9) for g, w in zip(got, want)
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("234.000", 234000),  # dot groups thousands
        ("16,5", 16.5),  # comma is the decimal mark
        ("1.405", 1405),  # single dot + exactly 3 digits: thousands, not 1.405
        ("1.234.567", 1234567),
        ("1.234,5", 1234.5),
        ("1,500", 1.5),  # a single comma is a Vietnamese decimal, never English thousands
        ("1.5", 1.5),  # a dot followed by one digit can only be an English decimal
        ("1,500,000", 1500000),  # several comma groups: unambiguous English thousands
        ("1,234.5", 1234.5),
        ("2.709 tỷ", 2.709e12),
        ("2 tỷ 500 triệu", 2.5e9),  # falling scales add
        ("3 nghìn tỷ", 3e12),  # adjacent scales multiply
        ("1 triệu rưỡi", 1.5e6),
        ("5 trăm nghìn", 5e5),
        ("hai mươi lăm", 25),
        ("năm trăm linh năm", 505),
        ("mười lăm", 15),
    ],
)
def test_parse_number(text: str, want: float) -> None:
    assert math.isclose(parse_number(text), want, rel_tol=1e-12)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "nghìn tỷ", "tỷ lệ"])
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "values", "unit"),
    [
        ("234.000 tỷ đồng", [2.34e14], "VND"),
        ("3,5 tỷ USD", [3.5e9], "USD"),
        ("932,7 tỷ đồng", [9.327e11], "VND"),
        ("374/ 2.709 tỷ đồng", [3.74e11, 2.709e12], "VND"),  # the pair shares the scale
        ("44/41 tỷ đồng", [4.4e10, 4.1e10], "VND"),  # a pair shares it even when descending
        ("2.000 - 2.500 tỷ đồng", [2e12, 2.5e12], "VND"),
        ("5-7 triệu đồng", [5e6, 7e6], "VND"),
        ("750.000 đến 1 triệu đồng", [750000, 1e6], "VND"),  # not 7.5e11: range would descend
        ("240.000 đồng - 260.000 đồng", [240000, 260000], "VND"),  # the unit said twice
        ("1,2 triệu USD-1,5 triệu USD", [1.2e6, 1.5e6], "USD"),
        ("2 tỷ 500 triệu đồng", [2.5e9], "VND"),
        ("3 nghìn tỷ đồng", [3e12], "VND"),
        ("460 nghìn tỷ đồng", [4.6e14], "VND"),
        ("500.000đ", [500000], "VND"),
        ("120.000 VNĐ", [120000], "VND"),
        ("15.719 VND", [15719], "VND"),
        ("100 ngàn đồng", [100000], "VND"),
        ("1,5 triệu USD", [1.5e6], "USD"),
        ("210.000 đôla Mỹ", [210000], "USD"),
        ("10 triệu đô la Mỹ", [1e7], "USD"),
        ("$5 triệu", [5e6], "USD"),
        ("8.500 đô la Úc", [8500], "AUD"),
        ("200.000 đôla Singapore", [200000], "SGD"),
        ("7,5 tỷ euro", [7.5e9], "EUR"),
        ("36.364 EUR", [36364], "EUR"),
        ("7.500 Bảng Anh", [7500], "GBP"),
        ("19.300 tỷ won", [1.93e13], "KRW"),
        ("10 triệu NDT", [1e7], "CNY"),
        ("một tỷ USD", [1e9], "USD"),
        ("nửa tỉ đồng", [5e8], "VND"),
        ("1.500  tỷ\u00a0đo\u0302\u0300ng", [1.5e12], "VND"),  # raw text: NFD, double space, nbsp
    ],
)
def test_parse_money(text: str, values: list[float], unit: str) -> None:
    got, got_unit = parse_money(text)
    assert _close(got, values), got
    assert got_unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "3.186 đảng viên",  # a count, no currency
        "1,75 lần",
        "26/11",
        "năm 2024",
        "2020-2025",
        "100/GP-STTT",
        "0225.3842.123",
        "24 đồng chí",  # "đồng chí" is comrade, not dong
        "2 triệu đồng bào",  # compatriots
        "5 triệu đô thị",
        "16,5%",
        "trên 234.000 tỷ đồng",  # the hedge is not part of the expression
        "234.000 tỷ đồng (",
        "500 triệu",  # scale word but no currency word
        "hàng trăm tỷ đồng",  # no number at all
        "3 USD - 2 USD",  # falls: two figures, not a range
        "5 USD - 10.000 đồng",  # two currencies
    ],
)
def test_parse_money_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a money expression"):
        parse_money(text)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("16,5%", [16.5]),
        ("12,7 - 13,0%", [12.7, 13.0]),
        ("8-10%", [8, 10]),
        ("30 phần trăm", [30]),
        ("một trăm phần trăm", [100]),
        ("100 %", [100]),
        ("84.99%", [84.99]),  # English decimal: ".99" cannot be thousands
        ("5 đến 7%", [5, 7]),
        ("10%-20%", [10, 20]),
        ("12,5% - 13%", [12.5, 13]),
        ("0%", [0]),
    ],
)
def test_parse_percent(text: str, values: list[float]) -> None:
    assert _close(parse_percent(text), values)


@pytest.mark.parametrize(
    "text",
    ["55%/năm", "55", "%", "3-4,4%o", "0,5 điểm phần trăm", "bao nhiêu phần trăm", "gần 50%"],
)
def test_parse_percent_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a percentage"):
        parse_percent(text)


def test_every_gold_span_parses_to_its_gold_values() -> None:
    seen = {"MONEY": 0, "PERCENT": 0}
    with GOLD.open(encoding="utf-8") as f:
        for line in f:
            for ent in json.loads(line)["entities"]:
                if ent["label"] == "MONEY":
                    values, unit = parse_money(ent["text"])
                    assert unit == ent["unit"], ent
                elif ent["label"] == "PERCENT":
                    values = parse_percent(ent["text"])
                else:
                    continue
                assert _close(values, ent["values"]), (ent, values)
                seen[ent["label"]] += 1
    assert seen["MONEY"] >= 16 and seen["PERCENT"] >= 28
