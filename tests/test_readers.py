"""One reader, one error policy (issue 11): every data file phogov reads — gold and
training data, topic files, pretraining and prediction corpora, saved results — goes
through ``phogov.readers`` and names a problem as ``file:line: problem``."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from phogov.readers import DataFileError, FailFast, json_objects, read_lines

# line 1 is good for every reader (gold, topics, corpus, saved results); line 2 is not JSON
BAD_JSON_ON_LINE_2 = ('{"id": "a", "text": "Thu ngân sách tăng.", "label": "kinh_te", '
                      '"entities": [], "topics": [], "sentences": []}\n{"id": "b", "text": \n')


def test_lines_decode_one_by_one_and_problems_are_collected(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    f.write_bytes(b'\xef\xbb\xbf{"a": 1}\r\n\xff\xfe\n\n[2]\n{"b": 2}\n')
    errors: list = []
    got = list(json_objects(f, errors))
    assert got == [(1, {"a": 1}), (5, {"b": 2})]  # the BOM and CRLF dropped, lines kept
    assert [line for line, _ in errors] == [2, 4]
    assert "not valid UTF-8" in errors[0][1] and "expected a JSON object" in errors[1][1]
    with pytest.raises(DataFileError) as info:
        raise DataFileError(f, errors)
    assert f"{f}:2: not valid UTF-8" in str(info.value) and f"{f}:4:" in str(info.value)


def test_fail_fast_stops_at_the_first_problem(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl"
    f.write_text('{"a": 1}\n{bad\n{"c": 3}\n', encoding="utf-8")
    seen = []
    with pytest.raises(DataFileError, match=r"x\.jsonl:2: bad JSON"):
        for number, _obj in json_objects(f, FailFast(f)):
            seen.append(number)
    assert seen == [1]  # line 3 was never read
    with pytest.raises(KeyError, match=r"x\.jsonl:2: bad JSON"):
        list(json_objects(f, FailFast(f, KeyError)))


def test_truncated_gzip_is_named_at_the_line_it_breaks(tmp_path: Path) -> None:
    f = tmp_path / "x.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        for i in range(2000):
            fh.write(f'{{"id": {i}, "text": "Câu số {i} về ngân sách tỉnh."}}\n')
    f.write_bytes(f.read_bytes()[:-40])
    errors: list = []
    n = sum(1 for _ in read_lines(f, errors))
    assert n < 2000 and len(errors) == 1 and "breaks off" in errors[0][1]
    assert errors[0][0] == n + 1


def test_every_reader_names_the_same_bad_line_the_same_way(tmp_path: Path) -> None:
    """Gold, topic files, the prediction corpus, the pretraining corpus and saved
    results: one message for one problem."""
    from phogov.corpus import CorpusError
    from phogov.corpus import iter_documents as corpus_documents
    from phogov.render import read_results
    from phogov.training.corpus import iter_documents as pretraining_documents
    from phogov.training.gold_io import read_labelled
    from phogov.training.topics import read_topic_file

    bad = tmp_path / "bad.jsonl"
    bad.write_text(BAD_JSON_ON_LINE_2, encoding="utf-8")
    expected = r"bad\.jsonl:2: bad JSON"
    for read in (read_labelled, read_topic_file, read_results,
                 lambda p: list(pretraining_documents([p]))):
        with pytest.raises(DataFileError, match=expected):
            read(bad)
    with pytest.raises(CorpusError, match=expected):
        list(corpus_documents([str(bad)]))
