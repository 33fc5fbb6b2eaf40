"""Growth benchmark for OFFICIAL rules and title assignment (issue 10), not a test.

Times ``phogov.rules.officials.find`` (which assigns titles) on one sentence listing
10…1,000 officials (``Dự hội nghị có các đồng chí: A, Bí thư …; B, …``) and on one
prose sentence of 1k…100k characters, and prints seconds per official / per 1k
characters: a flat column means linear growth.

    .venv/bin/python scripts/bench_officials_growth.py
"""

from __future__ import annotations

import time

from phogov.rules.officials import DocMemory, find

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Vũ", "Đỗ", "Hoàng", "Bùi")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hải", "Lan", "Tuấn", "Hương", "Minh")
TITLES = ("Phó Bí thư Thành ủy", "Chủ tịch UBND huyện", "Giám đốc Sở Tài chính",
          "Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tổ chức Tỉnh ủy")
PROSE = "các cơ quan đã làm việc với Giám đốc Sở Tài chính Nguyễn Văn An về ngân sách, "


def roster(n: int) -> str:
    people = [f"{SURNAMES[k % 8]} Văn {GIVEN[k % 9]}, {TITLES[k % 4]}" for k in range(n)]
    return "Dự hội nghị có các đồng chí: " + "; ".join(people) + "."


def seconds(text: str) -> float:
    start = time.perf_counter()
    find(text, DocMemory())
    return time.perf_counter() - start


def main() -> None:
    print(f"{'officials':>10} {'chars':>8} {'seconds':>9} {'ms/official':>12}")
    for n in (10, 30, 100, 300, 1000):
        text = roster(n)
        s = seconds(text)
        print(f"{n:>10} {len(text):>8} {s:>9.3f} {1000 * s / n:>12.3f}")
    print(f"\n{'chars':>8} {'seconds':>9} {'ms/1k chars':>12}")
    for size in (1_000, 3_000, 10_000, 30_000, 100_000):
        text = (PROSE * (size // len(PROSE) + 1))[:size]
        s = seconds(text)
        print(f"{len(text):>8} {s:>9.3f} {1000 * s / (len(text) / 1000):>12.3f}")


if __name__ == "__main__":
    main()
