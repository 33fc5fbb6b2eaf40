"""The text pipeline: normalisation, sentences, syllables, words — and offsets back to raw."""

from __future__ import annotations

import unicodedata

import pytest

from phogov.normalize import normalize
from phogov.text import (
    segmented_sentences,
    sentences,
    spans_to_tags,
    split_sentences,
    syllable_spans,
    tags_to_spans,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Thành uỷ Hải Phòng", "Thành ủy Hải Phòng"),  # old tone placement → new
        ("hoà bình", "hòa bình"),
        ("Uỷ ban", "Ủy ban"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("quý, Quỳnh", "quý, Quỳnh"),  # u after q is a glide: the tone stays on y
        ("hoàng, huyện, ngoài", "hoàng, huyện, ngoài"),  # closed syllables: both styles agree
        # a second mark on the 2nd vowel (breve, circumflex) means it carries the tone
        ("hoặc luận thuận khoẻ", "hoặc luận thuận khỏe"),
        ("hoặc luận thuận", "hoặc luận thuận"),
        ("a\u200bb  c\t\td", "ab c d"),  # zero-width dropped, space runs folded
        ("dòng 1\r\ndòng 2", "dòng 1\ndòng 2"),  # CRLF is one line break
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_normalize_nfd_equals_nfc_and_maps_back() -> None:
    nfc = "Thành uỷ  Hạ Long họp."
    nfd = unicodedata.normalize("NFD", nfc)
    v_nfc, v_nfd = normalize(nfc), normalize(nfd)
    assert v_nfd.text == v_nfc.text == "Thành ủy Hạ Long họp."
    start = v_nfd.text.index("Hạ Long")
    a, b = v_nfd.to_raw(start, start + len("Hạ Long"))
    assert unicodedata.normalize("NFC", nfd[a:b]) == "Hạ Long"


def test_view_span_outside_text_is_an_error() -> None:
    with pytest.raises(ValueError, match="outside"):
        normalize("abc").to_raw(2, 9)


def test_splitter_reproduces_every_gold_sentence(gold: list[dict], seed_texts: dict) -> None:
    mine = [
        (doc, k, s.raw_text)
        for doc, raw in sorted(seed_texts.items())
        for k, s in enumerate(sentences(raw))
    ]
    assert mine == [(g["doc"], g["sent"], g["text"]) for g in gold]
    assert len(mine) == 178


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đạt 234.000 tỷ đồng. Tăng 5%.", ["Đạt 234.000 tỷ đồng.", "Tăng 5%."]),
        ("họp Thành ủy. 24 đồng chí khác", ["họp Thành ủy. 24 đồng chí khác"]),  # digit: no split
        ("đạt 3,65%.Chỉ tiêu", ["đạt 3,65%.Chỉ tiêu"]),  # no space after the stop
        ("Vì sao? Bởi vì! Thế… Được", ["Vì sao?", "Bởi vì!", "Thế…", "Được"]),
        ("dòng một\n\n  dòng hai  ", ["dòng một", "dòng hai"]),
        ("ông Nguyễn. đã", ["ông Nguyễn. đã"]),  # lower case after the stop: no split
    ],
)
def test_split_sentences_rules(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_sentences_of_nfd_crlf_text_point_into_the_raw_text() -> None:
    raw = unicodedata.normalize("NFD", "Dòng đầu.\r\nỦy ban  họp. Chủ tịch phát biểu.")
    sents = sentences(raw)
    assert [unicodedata.normalize("NFC", s.raw_text) for s in sents] == [
        "Dòng đầu.", "Ủy ban  họp.", "Chủ tịch phát biểu."
    ]
    assert [s.text for s in sents] == ["Dòng đầu.", "Ủy ban họp.", "Chủ tịch phát biểu."]


def test_syllables_keep_numbers_whole_and_split_punctuation() -> None:
    raw = "đạt 16,5% và 234.000 tỷ đồng (năm 2024)"
    got = [raw[a:b] for a, b in syllable_spans(raw)]
    assert got == ["đạt", "16,5", "%", "và", "234.000", "tỷ", "đồng", "(", "năm", "2024", ")"]


def test_words_are_whole_syllables_that_map_back(gold: list[dict]) -> None:
    for g in gold:
        for sent in sentences(g["text"]):
            words = sent.words
            assert words, g["text"]
            covered = [i for w in words for i in range(w.first_syllable, w.last_syllable + 1)]
            assert covered == list(range(len(sent.syllables)))  # every syllable, once, in order
            for w in words:
                assert w.form == "_".join(sent.text[w.start : w.end].split(" "))


def test_segmented_sentences_join_compound_words() -> None:
    out = segmented_sentences("Bí thư Thành ủy chủ trì hội nghị.")
    assert out == ["Bí_thư Thành_ủy chủ_trì hội_nghị ."]


def test_tags_round_trip_gold_entities_at_syllable_level(gold: list[dict]) -> None:
    for g in gold:
        sent = sentences(g["text"])[0]
        view = sent.doc_view
        spans = []
        for e in g["entities"]:
            a = view.raw_start.index(e["start"])
            b = max(i for i, r in enumerate(view.raw_end) if r == e["end"]) + 1
            spans.append((a, b, e["label"]))
        back = tags_to_spans(sent, spans_to_tags(sent, spans, "syllable"), unit="syllable")
        assert [(a, b, lab) for a, b, lab, _ in back] == sorted(spans)


def test_stray_inside_tag_starts_a_span() -> None:
    sent = sentences("Ông Vũ Tiến họp.")[0]
    tags = ["O"] * len(sent.words)
    tags[1] = "I-OFFICIAL"  # no B- before it: still an entity
    spans = tags_to_spans(sent, tags)
    assert [(sent.text[a:b], lab) for a, b, lab, _ in spans] == [("Vũ_Tiến".replace("_", " "),
                                                                 "OFFICIAL")]


def test_non_string_input_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="str"):
        sentences(None)  # type: ignore[arg-type]


def test_rule_tokens_are_one_tokenisation_shared_by_every_rule_family() -> None:
    """Officials, titles, coreference and organisations read the same tokens of a
    sentence (issue 11), computed once per text."""
    from phogov.rules import orgs_tokens
    from phogov.text import rule_tokens
    from phogov.titles import tokenize as title_tokens

    text = "Sở GD&ĐT TP.HCM chi 234.000 đồng – ông A ở Khánh Hòa153, LĐ-TB&amp;XH."
    toks = rule_tokens(text)
    assert rule_tokens(text) is toks  # cached: the second family does not re-tokenise
    assert title_tokens(text) == orgs_tokens.tokenize(text) == list(toks)
    assert [t.text for t in toks] == [
        "Sở", "GD&ĐT", "TP.HCM", "chi", "234.000", "đồng", "–", "ông", "A", "ở", "Khánh",
        "Hòa", "153", ",", "LĐ", "-", "TB&amp;XH", "."]
    by_text = {t.text: t for t in toks}
    assert by_text["GD&ĐT"].kind == "abbr" and by_text["TB&amp;XH"].low == "tb&xh"
    assert by_text["–"].low == "-" and by_text["–"].kind == "punct"
    assert by_text["234.000"].kind == "num" and by_text["Sở"].kind == "cap"
    assert by_text["153"].joined and not by_text["153"].word  # glued footnote mark
    for t in toks:
        assert text[t.start:t.end] == t.text
