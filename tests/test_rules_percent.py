"""PERCENT rule: exact spans and values on guideline cases; no money, dates or per-mille."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from phogov.normalize import normalize
from phogov.rules import percent

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold_seeds.jsonl"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Giá trị sản xuất đạt trên 234.000 tỷ đồng (tăng trưởng 16,5%).", [("16,5%", [16.5])]),
        ("chi đầu tư phát triển bình quân đạt trên 55%/năm trong tổng chi",
         [("55%", [55])]),
        ("tổng vốn đầu tư toàn xã hội tăng 8-10%;", [("8-10%", [8, 10])]),
        ("GRDP ước đạt 10,34% (Kế hoạch giao 12,7 - 13,0%), duy trì",
         [("10,34%", [10.34]), ("12,7 - 13,0%", [12.7, 13.0])]),
        ("tương ứng tăng 3,65%.Chỉ tiêu thu hút vốn", [("3,65%", [3.65])]),
        ("cắt giảm 30 phần trăm thủ tục", [("30 phần trăm", [30])]),
        ("đóng góp gần 50% tổng thu, hơn 90% khối lượng, khoảng 25% xã",
         [("50%", [50]), ("90%", [90]), ("25%", [25])]),
        ("100% các xã, phường đã phát động", [("100%", [100])]),
        ("hỗ trợ theo mức 3%-5%/năm", [("3%-5%", [3, 5])]),  # one range, as "3-5%"
        ("hối lộ từ 10% - 20% tổng vốn", [("10% - 20%", [10, 20])]),
        ("tăng 15% - 12% so với", [("15%", [15]), ("12%", [12])]),  # falls: two figures
        ("tăng từ 20 đến 30%.", [("20 đến 30%", [20, 30])]),
        ("có một trăm phần trăm vốn", [("một trăm phần trăm", [100])]),
        ("chiếm 4,6 %).", [("4,6 %", [4.6])]),
        ("GDP năm 2023 - 15% dân số", [("15%", [15])]),  # a year is not the start of a range
    ],
)
def test_percent_positive(text: str, want: list[tuple[str, list[float]]]) -> None:
    got = percent.find(text)
    assert [s.text for s in got] == [t for t, _ in want]
    for s, (_, values) in zip(got, want):
        assert s.label == "PERCENT" and text[s.start:s.end] == s.text
        assert len(s.values or []) == len(values)
        assert all(math.isclose(a, b, rel_tol=1e-9) for a, b in zip(s.values or [], values))


@pytest.mark.parametrize(
    "text",
    [
        "Giá trị sản xuất đạt 234.000 tỷ đồng.",
        "nhiệm kỳ 2020-2025, tỷ số 2-1",
        "thành lập 44/41 tổ chức Đảng, ngày 26/11",
        "tăng 0,5 điểm phần trăm so với năm trước",  # percentage points, not a percentage
        "tỷ lệ sinh là 3-4,4%o",  # per-mille
        "được bao nhiêu phần trăm?",
        "Tỷ lệ góp vốn (%)",
        "vắc-xin COVID-19% hiệu quả",  # a code, not a number
        "tỷ lệ 5 trên 1.000 dân",
    ],
)
def test_percent_negative(text: str) -> None:
    assert percent.find(text) == []


def test_gold_percent_spans_exact() -> None:
    """Every gold PERCENT span, and nothing else, with gold values (view → raw offsets)."""
    with GOLD.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            view = normalize(row["text"])
            got = []
            for s in percent.find(view.text):
                a, b = view.to_raw(s.start, s.end)
                got.append((a, b, s.values))
            want = [(e["start"], e["end"], e["values"])
                    for e in row["entities"] if e["label"] == "PERCENT"]
            assert got == want, row["text"]
