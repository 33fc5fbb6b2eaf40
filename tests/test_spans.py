"""phogov.spans: the one span ↔ tag ↔ offset mapping (issue 11)."""

import pytest

from phogov.normalize import normalize
from phogov.spans import ids_to_tags, raw_to_view, spans_to_tags, tags_to_spans, view_to_raw

# "Bộ Tài chính cấp 234.000 đồng" as units
TEXT = "Bộ Tài chính cấp 234.000 đồng"
UNITS = [(0, 2), (3, 6), (7, 12), (13, 16), (17, 24), (25, 29)]


def test_expand_takes_the_unit_a_span_starts_inside():
    # span starts inside "Tài" (offset 4) → the whole word is tagged
    assert spans_to_tags(UNITS, [(4, 12, "ORG")]) == ["O", "B-ORG", "I-ORG", "O", "O", "O"]


def test_start_mode_skips_the_unit_a_span_starts_inside():
    assert spans_to_tags(UNITS, [(4, 12, "ORG")], alignment="start") == [
        "O", "O", "B-ORG", "O", "O", "O"]


def test_both_modes_take_a_unit_the_span_ends_inside():
    for mode in ("expand", "start"):
        assert spans_to_tags(UNITS, [(17, 20, "MONEY")], alignment=mode)[4] == "B-MONEY"


def test_overlap_overwrites_unless_keep_first():
    spans = [(0, 12, "ORG"), (3, 16, "OFFICIAL")]
    assert spans_to_tags(UNITS, spans) == [
        "B-ORG", "B-OFFICIAL", "I-OFFICIAL", "I-OFFICIAL", "O", "O"]
    assert spans_to_tags(UNITS, spans, keep_first=True) == [
        "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"]


def test_equal_spans_keep_the_given_order():
    spans = [(0, 2, "ORG"), (0, 2, "MONEY")]
    assert spans_to_tags(UNITS, spans, keep_first=True)[0] == "B-ORG"
    assert spans_to_tags(UNITS, spans)[0] == "B-MONEY"


def test_bad_alignment_is_named():
    with pytest.raises(ValueError, match="alignment"):
        spans_to_tags(UNITS, [], alignment="contract")


def test_tags_round_trip_and_lenient_stray_i():
    tags = ["B-ORG", "I-ORG", "I-ORG", "O", "B-MONEY", "I-MONEY"]
    assert [s[:3] for s in tags_to_spans(UNITS, tags)] == [(0, 12, "ORG"), (17, 29, "MONEY")]
    stray = ["I-ORG", "I-MONEY", "O", "O", "O", "I-MONEY"]
    assert [s[:3] for s in tags_to_spans(UNITS, stray)] == [
        (0, 2, "ORG"), (3, 6, "MONEY"), (25, 29, "MONEY")]


def test_span_score_is_the_mean_of_its_units():
    spans = tags_to_spans(UNITS[:2], ["B-ORG", "I-ORG"], [0.5, 1.0])
    assert spans == [(0, 6, "ORG", 0.75)]


def test_tag_count_must_match():
    with pytest.raises(ValueError, match="2 tags for 6 units"):
        tags_to_spans(UNITS, ["O", "O"])


def test_ids_to_tags_reads_out_of_range_as_o():
    assert ids_to_tags([0, 2, 9, -1], ["O", "B-X", "I-X"]) == ["O", "I-X", "O", "O"]


def test_raw_view_round_trip_through_normalisation():
    raw = "Bộ  Tài\u00a0chính"  # double space and a no-break space collapse in the view
    view = normalize(raw)
    a = raw.index("Tài")
    span = raw_to_view(view, a, len(raw))
    assert span is not None and view.text[span[0]:span[1]] == "Tài chính"
    assert view_to_raw(view, *span) == (a, len(raw))
