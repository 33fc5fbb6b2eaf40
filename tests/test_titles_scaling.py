"""Title assignment and OFFICIAL rules grow linearly with officials per sentence (issue 10).

Speed is a benchmark's job; here we count work instead of timing it: every token
access of the sentence goes through a counting sequence, so a quadratic step
(each title looking at every name) shows up as a 16× count for 4× the names,
whatever the machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import phogov.rules.officials as officials
from phogov.rules.officials import DocMemory, find
from phogov.titles import Tok, assign, tokenize

_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Vũ", "Đỗ")
_GIVEN = ("An", "Bình", "Cường", "Dũng", "Hải", "Lan", "Tuấn")
_TITLES = ("Phó Bí thư Thành ủy", "Chủ tịch UBND huyện", "Giám đốc Sở Tài chính")


class CountingToks(list):
    """A token list that counts how many tokens are read through it."""

    reads = 0

    def __getitem__(self, key: Any) -> Any:
        item = super().__getitem__(key)
        CountingToks.reads += len(item) if isinstance(key, slice) else 1
        return item

    def __iter__(self) -> Iterator[Tok]:
        for k in range(len(self)):
            yield self[k]


def _roster(n: int) -> str:
    people = [
        f"{_SURNAMES[k % 6]} Văn {_GIVEN[k % 7]}, {_TITLES[k % 3]}" for k in range(n)
    ]
    return "Dự hội nghị có các đồng chí: " + "; ".join(people) + "."


def _reads_find(n: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    monkeypatch.setattr(officials, "tokenize", lambda text: CountingToks(tokenize(text)))
    CountingToks.reads = 0
    spans = find(_roster(n), DocMemory())
    return CountingToks.reads, len(spans)


def test_rules_officials_linear_in_names(monkeypatch: pytest.MonkeyPatch) -> None:
    small, n_small = _reads_find(100, monkeypatch)
    large, n_large = _reads_find(400, monkeypatch)
    assert (n_small, n_large) == (100, 400)
    # linear: about 4x; the cubic version read over 60x more tokens for 4x the names
    assert large / small < 5, (small, large)


def test_assign_linear_in_names() -> None:
    def reads(n: int) -> int:
        text = _roster(n)
        toks = CountingToks(tokenize(text))
        names = [(k, k + 3) for k, t in enumerate(toks)
                 if t.text in _SURNAMES and toks[k + 1].text == "Văn"]
        CountingToks.reads = 0
        titles = assign(toks, names)
        assert len(titles) == n and all(len(ts) == 1 for ts in titles)
        return CountingToks.reads

    assert reads(400) / reads(100) < 5


def test_one_long_sentence_is_linear_in_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    # a 50k-character sentence of prose with officials scattered through it
    chunk = "các cơ quan đã làm việc với Giám đốc Sở Tài chính Nguyễn Văn An về ngân sách, "
    monkeypatch.setattr(officials, "tokenize", lambda text: CountingToks(tokenize(text)))

    def reads(repeat: int) -> int:
        CountingToks.reads = 0
        find(chunk * repeat, DocMemory())
        return CountingToks.reads

    short, long_ = reads(160), reads(640)  # ~13k and ~52k characters
    assert long_ / short < 5, (short, long_)


def test_titles_of_all_equals_titles_for_each_name() -> None:
    from phogov.titles import titles_for, titles_of_all
    from phogov.types import Span

    text = _roster(12)
    names = [s for s in find(text, DocMemory())]
    plain = [Span(s.start, s.end, "OFFICIAL", s.text) for s in names]
    together = titles_of_all(text, plain)
    one_by_one = [titles_for(text, s, [o for o in plain if o is not s]) for s in plain]
    assert together == one_by_one == [s.titles for s in names]
    assert together[0] == [_TITLES[0]] and together[1] == [_TITLES[1]]
