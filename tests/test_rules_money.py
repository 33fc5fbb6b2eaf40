"""MONEY rule: exact spans, values and units on guideline cases; no counts, dates or codes."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from phogov.normalize import normalize
from phogov.rules import money

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold_seeds.jsonl"


def _found(text: str) -> list[tuple[str, list[float], str | None]]:
    return [(s.text, s.values or [], s.unit) for s in money.find(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # hedges stay outside the span
        ("Giá trị sản xuất năm 2024 đạt trên 234.000 tỷ đồng (tăng trưởng 16,5%).",
         [("234.000 tỷ đồng", [2.34e14], "VND")]),
        ("Thành phố bố trí gần 931 tỷ đồng để đầu tư.", [("931 tỷ đồng", [9.31e11], "VND")]),
        ("tổng mức đầu tư hơn 9.700 tỷ đồng; khoảng 1.405 tỷ đồng",
         [("9.700 tỷ đồng", [9.7e12], "VND"), ("1.405 tỷ đồng", [1.405e12], "VND")]),
        ("giải ngân vốn đầu tư công đạt 374/ 2.709 tỷ đồng, bằng 13,8%",
         [("374/ 2.709 tỷ đồng", [3.74e11, 2.709e12], "VND")]),
        ("thu hút vốn ước đạt 3,5 tỷ USD, vượt 1,75 lần so với kế hoạch",
         [("3,5 tỷ USD", [3.5e9], "USD")]),
        ("kinh phí dự kiến 2.000 - 2.500 tỷ đồng.",
         [("2.000 - 2.500 tỷ đồng", [2e12, 2.5e12], "VND")]),
        ("hỗ trợ 500.000đ/người và 2 tỷ 500 triệu đồng cho xã",
         [("500.000đ", [5e5], "VND"), ("2 tỷ 500 triệu đồng", [2.5e9], "VND")]),
        ("Dự án có vốn 1,2 nghìn tỷ đồng.", [("1,2 nghìn tỷ đồng", [1.2e12], "VND")]),
        ("Nhật Bản tài trợ 10 triệu đô la Mỹ và 5 triệu euro.",
         [("10 triệu đô la Mỹ", [1e7], "USD"), ("5 triệu euro", [5e6], "EUR")]),
        ("hợp đồng trị giá một tỷ USD với Brazil", [("một tỷ USD", [1e9], "USD")]),
        ("mức phí 5.000 đồng/lượt", [("5.000 đồng", [5000], "VND")]),
        ("Lương 5 triệu VNĐ.", [("5 triệu VNĐ", [5e6], "VND")]),
        # a dash between two amounts of one currency is one range (a range written as one
        # expression, as the real-news gold's "10%-20%"); words between them make two
        ("giá từ 16.700đ-18.200đ/CP", [("16.700đ-18.200đ", [16700, 18200], "VND")]),
        ("giá dao động 240.000 đồng - 260.000 đồng/tấn",
         [("240.000 đồng - 260.000 đồng", [240000, 260000], "VND")]),
        ("giá từ 500 đồng lên 700 đồng", [("500 đồng", [500], "VND"), ("700 đồng", [700], "VND")]),
        ("từ 2 triệu đồng đến 3 triệu đồng",
         [("2 triệu đồng", [2e6], "VND"), ("3 triệu đồng", [3e6], "VND")]),
        # not a range: it falls, or the currencies differ
        ("giá giảm 3 USD - 2 USD", [("3 USD", [3], "USD"), ("2 USD", [2], "USD")]),
        ("thu 5 USD - 10.000 đồng", [("5 USD", [5], "USD"), ("10.000 đồng", [10000], "VND")]),
        ("doanh thu 3 tỉ đồng đều do trường quản lý", [("3 tỉ đồng", [3e9], "VND")]),
        ("Năm 2023 - 500 tỷ đồng cho hạ tầng", [("500 tỷ đồng", [5e11], "VND")]),
        ("mỗi năm 500.000 đồng/người", [("500.000 đồng", [5e5], "VND")]),
        ("năm 2023 thu 15 triệu USD", [("15 triệu USD", [1.5e7], "USD")]),
        ("Hỗ trợ 5 tỷ đồng chủ yếu từ ngân sách", [("5 tỷ đồng", [5e9], "VND")]),
        ("học phí mỗi năm 500 USD", [("500 USD", [500], "USD")]),  # "năm" + non-year: money
    ],
)
def test_money_positive(text: str, want: list[tuple[str, list[float], str]]) -> None:
    got = _found(text)
    assert [(t, u) for t, _, u in got] == [(t, u) for t, _, u in want]
    for (_, gv, _), (_, wv, _) in zip(got, want):
        assert len(gv) == len(wv) and all(math.isclose(a, b, rel_tol=1e-9) for a, b in zip(gv, wv))


@pytest.mark.parametrize(
    "text",
    [
        "Đảng bộ thành phố đã kết nạp 3.186 đảng viên.",
        "vượt 1,75 lần so với kế hoạch, gấp 1,4 lần",
        "Sáng 26/11, Hội nghị Thành ủy lần thứ 14 khai mạc.",
        "năm cuối cùng của nhiệm kỳ 2020-2025.",
        "Giấy phép số 100/GP-STTT do Bộ cấp; ĐT: 0225.3842.123",
        "thành lập 44/41 tổ chức Đảng",
        "Sáng 4/12 đồng chí Trần Văn A chủ trì hội nghị.",  # date + "đồng chí"
        "trao tặng cho 24 đồng chí cán bộ",
        "tháng 6/2025 đồng thời thống kê tài sản",
        "năm 2024 đồng loạt triển khai",
        "trong năm 2024 USD tăng giá",  # a year after "năm", then the currency as a subject
        "giỗ chung cho 2 triệu đồng bào",
        "500 đồng hồ nước đã được lắp đặt",
        "hội nghị do 3 đồng chủ tịch điều hành",
        "phát triển 5 đô thị vệ tinh",
        "đội tuyển thắng 2-1 trong trận chung kết",
        "hàng trăm tỷ đồng được đầu tư",  # no number
        "tăng trưởng 16,5%",
        "tỷ lệ 12 triệu dân",
        "theo điểm đ khoản 2 Điều 5",
    ],
)
def test_money_negative(text: str) -> None:
    assert money.find(text) == []


def test_spans_are_trimmed_and_match_text() -> None:
    text = "Thu ngân sách đạt 932,7 tỷ đồng, tăng 1.500 tỷ đồng; (khoảng 90 tỷ đồng)."
    spans = money.find(text)
    assert [s.text for s in spans] == ["932,7 tỷ đồng", "1.500 tỷ đồng", "90 tỷ đồng"]
    for s in spans:
        assert text[s.start:s.end] == s.text and s.label == "MONEY"
        assert s.text == s.text.strip() and s.text[0].isdigit() and s.text[-1].isalpha()


def test_gold_money_spans_exact() -> None:
    """Every gold MONEY span, and nothing else, with gold values (view → raw offsets)."""
    with GOLD.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            view = normalize(row["text"])
            got = []
            for s in money.find(view.text):
                a, b = view.to_raw(s.start, s.end)
                got.append((a, b, s.unit, [round(v) for v in s.values or []]))
            want = [(e["start"], e["end"], e["unit"], [round(v) for v in e["values"]])
                    for e in row["entities"] if e["label"] == "MONEY"]
            assert got == want, row["text"]
