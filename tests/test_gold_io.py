"""Readers and validators of labelled data: every problem named with file and line."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from phogov.text import syllable_spans
from phogov.training.gold_io import (
    GoldSentence,
    LabelledDataError,
    read_conll,
    read_gold_jsonl,
    read_labelled,
    read_text_inputs,
)

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold_seeds.jsonl"

TEXT = "Giá trị sản xuất năm 2024 đạt trên 234.000 tỷ đồng (tăng trưởng 16,5%)."
MONEY = {"start": 35, "end": 50, "label": "MONEY", "text": "234.000 tỷ đồng",
         "values": [234000000000000.0], "unit": "VND"}
PERCENT = {"start": 64, "end": 69, "label": "PERCENT", "text": "16,5%", "values": [16.5]}
OFF_TEXT = "Đồng chí Vũ Quyết Tiến, Bí thư Thành ủy chủ trì hội nghị."
OFFICIAL = {"start": 9, "end": 22, "label": "OFFICIAL", "text": "Vũ Quyết Tiến",
            "titles": ["Bí thư Thành ủy"]}


def good(**over):
    row = {"doc": "d1", "sent": 0, "text": TEXT, "entities": [MONEY, PERCENT],
           "topics": ["ECONOMY"]}
    row.update(over)
    return row


def write(tmp_path: Path, rows, name="gold.jsonl") -> Path:
    """Write rows (dicts, or raw strings for broken lines) one per line."""
    path = tmp_path / name
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return path


def error_of(path: Path) -> LabelledDataError:
    with pytest.raises(LabelledDataError) as info:
        read_labelled(path)
    return info.value


def assert_error(path: Path, line: int, *fragments: str) -> None:
    """The file must fail with an error at ``line`` whose message holds every fragment."""
    err = error_of(path)
    msg = str(err)
    assert str(path) in msg
    hits = [m for m in msg.splitlines() if m.startswith(f"{path}:{line}: ")]
    assert hits, f"no error at line {line} in:\n{msg}"
    assert any(all(f in h for f in fragments) for h in hits), msg


# ----------------------------------------------------------------------------- good files


def test_valid_file_reads_spans_values_titles(tmp_path):
    path = write(tmp_path, [good(), good(sent=1, text=OFF_TEXT, entities=[OFFICIAL],
                                        topics=["EVENT", "PARTY"])])
    sents = read_gold_jsonl(path)
    assert [(s.doc, s.sent, s.line) for s in sents] == [("d1", 0, 1), ("d1", 1, 2)]
    money, percent = sents[0].entities
    assert (money.start, money.end, money.label, money.text) == (35, 50, "MONEY", "234.000 tỷ đồng")
    assert money.values == [2.34e14] and money.unit == "VND"
    assert percent.values == [16.5] and percent.unit is None
    assert sents[1].entities[0].titles == ["Bí thư Thành ủy"]
    assert sents[1].topics == ["EVENT", "PARTY"]


def test_gz_and_optional_doc_sent_and_blank_lines(tmp_path):
    row = good()
    del row["doc"], row["sent"]
    other = good(doc="x")
    del other["sent"]
    path = write(tmp_path, [row, "", row, other], name="mine.jsonl.gz")
    sents = read_labelled(path)
    # doc defaults to the file stem (without .jsonl.gz), sent to the running index per doc
    assert [(s.doc, s.sent, s.line) for s in sents] == [("mine", 0, 1), ("mine", 1, 3), ("x", 0, 4)]


def test_values_unit_titles_may_be_absent(tmp_path):
    money = {k: MONEY[k] for k in ("start", "end", "label", "text")}
    official = {k: OFFICIAL[k] for k in ("start", "end", "label", "text")}
    path = write(tmp_path, [good(entities=[money]), good(sent=1, text=OFF_TEXT,
                                                         entities=[official])])
    a, b = read_gold_jsonl(path)
    assert a.entities[0].values is None and a.entities[0].unit is None
    assert b.entities[0].titles is None


# ----------------------------------------------------------------------------- JSONL errors


def test_bad_json(tmp_path):
    path = write(tmp_path, [good(), '{"doc": "d1", "sent": 1, "text": "x"'])
    assert_error(path, 2, "bad JSON")


def test_not_an_object(tmp_path):
    assert_error(write(tmp_path, [good(), "[1, 2]"]), 2, "expected a JSON object")


def test_missing_text_entities_topics(tmp_path):
    no_text, no_ents, no_topics = good(), good(sent=1), good(sent=2)
    del no_text["text"], no_ents["entities"], no_topics["topics"]
    path = write(tmp_path, [no_text, no_ents, no_topics])
    assert_error(path, 1, "missing field 'text'")
    assert_error(path, 2, "missing field 'entities'")
    assert_error(path, 3, "missing field 'topics'")


def test_wrongly_typed_fields(tmp_path):
    path = write(tmp_path, [good(text=5), good(sent="3"), good(sent=1, topics="ECONOMY"),
                            good(sent=2, entities={"a": 1}), good(sent=4, doc=7)])
    assert_error(path, 1, "'text' must be a string")
    assert_error(path, 2, "'sent'", "non-negative integer")
    assert_error(path, 3, "'topics' must be an array")
    assert_error(path, 4, "'entities' must be an array")
    assert_error(path, 5, "'doc' must be a non-empty string")


def test_empty_text(tmp_path):
    assert_error(write(tmp_path, [good(text="   ", entities=[])]), 1, "empty 'text'")


def test_unknown_entity_label(tmp_path):
    ent = dict(MONEY, label="LOC")
    ent.pop("values"), ent.pop("unit")
    assert_error(write(tmp_path, [good(entities=[ent])]), 1, "entities[0]", "unknown label 'LOC'")


def test_unknown_and_duplicate_topic(tmp_path):
    path = write(tmp_path, [good(topics=["ECONOMY", "SPORT"]),
                            good(sent=1, topics=["PARTY", "PARTY"])])
    assert_error(path, 1, "unknown topic 'SPORT'")
    assert_error(path, 2, "'PARTY' is listed twice")


def test_offsets_out_of_range(tmp_path):
    path = write(tmp_path, [good(entities=[dict(PERCENT, start=64, end=200)]),
                            good(sent=1, entities=[dict(PERCENT, start=-1)]),
                            good(sent=2, entities=[dict(PERCENT, start=69, end=64)])])
    for line in (1, 2, 3):
        assert_error(path, line, "entities[0]", "out of range")


def test_offsets_not_matching_text(tmp_path):
    path = write(tmp_path, [good(entities=[dict(MONEY, start=34, end=49)])])
    # text[34:49] is ' 234.000 tỷ đồn'
    assert_error(path, 1, "entities[0] offsets [34, 49) give ' 234.000 tỷ đồn'",
                 "but its text is '234.000 tỷ đồng'")


def test_non_integer_offsets(tmp_path):
    path = write(tmp_path, [good(entities=[dict(PERCENT, start=64.0)])])
    assert_error(path, 1, "entities[0] field 'start' must be an integer")


def test_missing_entity_field(tmp_path):
    ent = dict(PERCENT)
    del ent["text"]
    assert_error(write(tmp_path, [good(entities=[ent])]), 1, "entities[0] is missing field 'text'")


def test_overlapping_spans(tmp_path):
    inner = {"start": 39, "end": 50, "label": "MONEY", "text": "000 tỷ đồng"}
    path = write(tmp_path, [good(entities=[MONEY, PERCENT, inner])])
    assert_error(path, 1, "entities[0]", "entities[2]", "overlap")


def test_touching_spans_do_not_overlap(tmp_path):
    text = "ab cd"
    ents = [{"start": 0, "end": 2, "label": "ORG", "text": "ab"},
            {"start": 2, "end": 5, "label": "ORG", "text": " cd"}]
    # they touch (end 2 == start 2) -> no overlap, but the second starts with a space
    err = error_of(write(tmp_path, [good(text=text, entities=ents, topics=[])]))
    assert "overlap" not in str(err)
    assert "entities[1]" in str(err) and "whitespace" in str(err)


def test_span_ending_with_whitespace(tmp_path):
    ent = {"start": 35, "end": 51, "label": "MONEY", "text": "234.000 tỷ đồng "}
    assert_error(write(tmp_path, [good(entities=[ent])]), 1, "entities[0]", "whitespace")


def test_values_must_be_numbers(tmp_path):
    path = write(tmp_path, [good(entities=[dict(MONEY, values="234.000")]),
                            good(sent=1, entities=[dict(PERCENT, values=[16.5, "x"])]),
                            good(sent=2, entities=[dict(PERCENT, values=[True])]),
                            good(sent=3, entities=[dict(PERCENT, values=[])])])
    for line in (1, 2, 3, 4):
        assert_error(path, line, "entities[0]", "'values' must be a non-empty array of numbers")


def test_money_values_without_unit(tmp_path):
    ent = dict(MONEY)
    del ent["unit"]
    path = write(tmp_path, [good(entities=[ent]), good(sent=1, entities=[dict(MONEY, unit=3)])])
    assert_error(path, 1, "entities[0] (MONEY) has 'values' but no 'unit'")
    assert_error(path, 2, "'unit' must be a non-empty string")


def test_percent_with_unit_and_org_with_values(tmp_path):
    org = {"start": 0, "end": 7, "label": "ORG", "text": "Giá trị", "values": [1.0]}
    path = write(tmp_path, [good(entities=[dict(PERCENT, unit="%")]), good(sent=1, entities=[org])])
    assert_error(path, 1, "(PERCENT) must not have a 'unit'")
    assert_error(path, 2, "(ORG) must not have 'values'")


def test_titles_must_be_strings(tmp_path):
    path = write(tmp_path, [good(text=OFF_TEXT, entities=[dict(OFFICIAL, titles="Bí thư")]),
                            good(sent=1, text=OFF_TEXT, entities=[dict(OFFICIAL, titles=[1])])])
    assert_error(path, 1, "'titles' must be an array of strings")
    assert_error(path, 2, "'titles' must be an array of strings")


def test_duplicate_doc_sent(tmp_path):
    assert_error(write(tmp_path, [good(), good()]), 2, "duplicate sentence", "first on line 1")


def test_invalid_utf8_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(json.dumps(good()).encode() + b"\n\xff\xfe\n")
    assert_error(path, 2, "not valid UTF-8")


def test_all_errors_collected_once_and_capped(tmp_path):
    rows = [good(sent=i, topics=["NOPE"]) for i in range(60)]
    err = error_of(write(tmp_path, rows))
    assert len(err.errors) == 60
    msg = str(err).splitlines()
    assert msg[0] == f"60 errors in {tmp_path / 'gold.jsonl'}:"
    assert len(msg) == 1 + 50 + 1 and msg[-1].startswith("... and 10 more")
    assert msg[1].startswith(f"{tmp_path / 'gold.jsonl'}:1: ")
    assert msg[50].startswith(f"{tmp_path / 'gold.jsonl'}:50: ")


def test_empty_file_and_missing_file_and_extension(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    assert "no sentences" in str(error_of(empty))
    missing = tmp_path / "nope.jsonl"
    assert "nope.jsonl" in str(error_of(missing)) and "no such file" in str(error_of(missing))
    odd = tmp_path / "gold.csv"
    odd.write_text("a,b\n")
    assert "gold.csv" in str(error_of(odd)) and "unknown labelled-data extension" in str(
        error_of(odd)
    )


# ----------------------------------------------------------------------------- CoNLL


CONLL = """-DOCSTART- -X- O O

Đồng_chí O
Vũ B-OFFICIAL
Quyết I-OFFICIAL
Tiến I-OFFICIAL
, O
Bí_thư O
Thành_ủy B-ORG
Hạ_Long I-ORG

Tăng NN O
16,5% NN I-PERCENT
"""


def test_conll_rebuilds_text_and_spans(tmp_path):
    path = tmp_path / "train.conll"
    path.write_text(CONLL, encoding="utf-8")
    a, b = read_conll(path)
    assert a.text == "Đồng chí Vũ Quyết Tiến , Bí thư Thành ủy Hạ Long"
    assert [(e.start, e.end, e.label, e.text) for e in a.entities] == [
        (9, 22, "OFFICIAL", "Vũ Quyết Tiến"), (32, 48, "ORG", "Thành ủy Hạ Long")]
    assert (a.doc, a.sent, a.line, a.topics) == ("train#0", 0, 3, [])
    # a stray I- after O starts a span (IOB1-style), no error; the tag is the last column
    assert b.text == "Tăng 16,5%"
    assert [(e.start, e.end, e.label) for e in b.entities] == [(5, 10, "PERCENT")]
    assert (b.sent, b.line) == (1, 12)


def test_conll_i_of_other_label_starts_new_span(tmp_path):
    path = tmp_path / "x.iob"
    path.write_text("UBND B-ORG\ntỉnh I-ORG\n5% I-PERCENT\n", encoding="utf-8")
    (s,) = read_labelled(path)
    assert s.doc == "x"
    assert [(e.text, e.label) for e in s.entities] == [("UBND tỉnh", "ORG"), ("5%", "PERCENT")]


def test_conll_errors_with_line_numbers(tmp_path):
    path = tmp_path / "bad.bio"
    path.write_text("Vũ B-PER\nQuyết ORG\nTiến\nx E-ORG\nok O\n", encoding="utf-8")
    assert_error(path, 1, "unknown entity label 'PER'")
    assert_error(path, 2, "'ORG' has no B-/I- prefix")
    assert_error(path, 3, "expected a token and a tag")
    assert_error(path, 4, "'E-ORG' has no B-/I- prefix")
    assert len(error_of(path).errors) == 4


# ----------------------------------------------------------------------------- text inputs


def test_read_text_inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "b.txt").write_text("Bài hai.", encoding="utf-8")
    (d / "a.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Một."}) + "\n\n" + json.dumps({"text": "Hai."}) + "\n",
        encoding="utf-8",
    )
    (d / "skip.csv").write_text("no")
    assert read_text_inputs(d) == [("x1", "Một."), ("a-1", "Hai."), ("b", "Bài hai.")]
    assert read_text_inputs([d / "b.txt"]) == [("b", "Bài hai.")]


def test_read_text_inputs_errors(tmp_path):
    bad = tmp_path / "docs.jsonl"
    bad.write_text('{"text": "ok"}\n{"id": 1}\nnot json\n{"text": 3}\n', encoding="utf-8")
    with pytest.raises(LabelledDataError) as info:
        read_text_inputs([bad])
    msg = str(info.value)
    assert f"{bad}:2: missing field 'text'" in msg
    assert f"{bad}:3: bad JSON" in msg
    assert f"{bad}:4: field 'text' must be a string" in msg
    with pytest.raises(LabelledDataError, match="missing.txt: no such file"):
        read_text_inputs([tmp_path / "missing.txt"])
    empty = tmp_path / "emptydir"
    empty.mkdir()
    with pytest.raises(LabelledDataError, match="emptydir: directory holds no"):
        read_text_inputs(empty)


# ----------------------------------------------------------------------------- the real gold


@pytest.fixture(scope="module")
def gold() -> list[GoldSentence]:
    return read_gold_jsonl(GOLD)


def test_gold_seeds_load_cleanly(gold):
    assert len(gold) == 178
    assert len({s.doc for s in gold}) == 5
    assert sum(len(s.entities) for s in gold) == 170


def test_gold_offsets_round_trip_and_sit_on_syllable_boundaries(gold):
    off_boundary = []
    for s in gold:
        sylls = syllable_spans(s.text)
        starts, ends = {a for a, _ in sylls}, {b for _, b in sylls}
        for e in s.entities:
            assert s.text[e.start : e.end] == e.text
            if e.start not in starts or e.end not in ends:
                off_boundary.append((s.doc, s.sent, e.text))
    assert off_boundary == []
