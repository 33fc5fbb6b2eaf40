"""Hostile text (issue 10): unencodable code points, symbols, absurd numbers, signs,
and model spans the value grammar cannot read. Each case failed before its fix."""

from __future__ import annotations

import json
import math

import pytest

from phogov.normalize import REPLACEMENT, normalize
from phogov.predictor import bundled_model_dir, predict
from phogov.repair import mask_symbol_tags, repair_numeric
from phogov.text import sentences
from phogov.types import Span
from phogov.values import match_money, match_percent, parse_money, parse_percent

needs_bundled = pytest.mark.skipif(bundled_model_dir() is None, reason="no bundled model")


# --------------------------------------------------------------------------- surrogates


def test_a_lone_surrogate_becomes_one_replacement_character_in_the_view() -> None:
    raw = "Bí thư\ud800 Tỉnh ủy"
    view = normalize(raw)
    k = view.text.index(REPLACEMENT)
    assert view.to_raw(k, k + 1) == (6, 7)  # still points at the surrogate in the raw text
    assert not any("\ud800" <= ch <= "\udfff" for ch in view.text)


@pytest.mark.parametrize("bad", ["\ud800", "\udcc3", "\udfff\ud800"])
def test_the_segmenter_never_sees_a_surrogate(bad: str) -> None:
    text = f"Đồng chí Nguyễn Văn An{bad} chủ trì hội nghị."
    words = [w.form for s in sentences(text) for w in s.words]  # pyvi: SystemError before
    assert "chủ_trì" in words


@needs_bundled
@pytest.mark.parametrize("model", ["rules", None])
def test_predict_with_surrogates_keeps_raw_offsets(model: str | None) -> None:
    text = "Bí thư Tỉnh ủy \ud800 Nguyễn Văn An chi 5 tỷ đồng\udcff."
    result = predict(text, model=model)
    for e in result["entities"]:
        assert text[e["start"]:e["end"]] == e["text"]
    assert any(e["label"] == "MONEY" and e["values"] == [5e9] for e in result["entities"])


# --------------------------------------------------------------------------- values


def test_a_309_digit_percentage_is_no_value_and_json_stays_valid() -> None:
    text = "Tăng " + "9" * 309 + "% so với năm trước."
    assert match_percent(text, 5) is None
    with pytest.raises(ValueError):
        parse_percent("9" * 309 + "%")
    result = predict(text, model="rules")
    assert not [e for e in result["entities"] if e["label"] == "PERCENT"]
    json.dumps(result, allow_nan=False)  # no inf anywhere


def test_a_long_run_of_scale_words_neither_overflows_nor_is_money() -> None:
    text = "Chi 1 " + "tỷ " * 120_000 + "đồng."  # decimal.Overflow before
    assert match_money(text, 4) is None
    assert predict(text, model="rules")["entities"] == []


def test_realistic_stacked_scale_words_still_read() -> None:
    assert parse_money("3 trăm nghìn tỷ đồng") == ([3e14], "VND")
    assert parse_money("1 triệu tỷ đồng") == ([1e15], "VND")


@pytest.mark.parametrize("text, span, values", [
    ("Chỉ số giảm -3,5% so với cùng kỳ.", "-3,5%", [-3.5]),
    ("Lạm phát -3% trong quý.", "-3%", [-3.0]),
    ("Lạm phát \u22122,1% trong quý.", "\u22122,1%", [-2.1]),
    ("Doanh nghiệp lỗ -5 tỷ đồng.", "-5 tỷ đồng", [-5e9]),
])
def test_a_glued_minus_sign_is_kept(text: str, span: str, values: list[float]) -> None:
    found = [e for e in predict(text, model="rules")["entities"] if e["label"] != "ORG"]
    assert [(e["text"], e["values"]) for e in found] == [(span, values)]


@pytest.mark.parametrize("text, span, values", [
    ("Tăng 8-10% mỗi năm.", "8-10%", [8.0, 10.0]),
    ("Dịch COVID-19 giảm 5%.", "5%", [5.0]),
    ("Kế hoạch 2021-2025 tăng 7%.", "7%", [7.0]),
    ("Chỉ tiêu - 3% (gạch đầu dòng).", "3%", [3.0]),
])
def test_a_dash_after_a_word_or_number_or_before_a_space_is_no_sign(
        text: str, span: str, values: list[float]) -> None:
    found = [e for e in predict(text, model="rules")["entities"] if e["label"] == "PERCENT"]
    assert [(e["text"], e["values"]) for e in found] == [(span, values)]


# --------------------------------------------------------------------------- model decoding


def test_symbol_words_are_never_officials_or_orgs() -> None:
    forms = ["🙂", "Nguyễn_Văn_An", "★", "Tỉnh_ủy", "Nghệ_An", "🙂"]
    tags = ["B-OFFICIAL", "I-OFFICIAL", "B-ORG", "I-ORG", "I-ORG", "I-ORG"]
    assert mask_symbol_tags(forms, tags) == ["O", "B-OFFICIAL", "O", "B-ORG", "I-ORG", "O"]


def test_punctuation_inside_an_org_stays_but_not_at_its_edges() -> None:
    forms = ["(", "Sở", "Lao_động", "-", "Thương_binh", "và", "Xã_hội", ")", ","]
    tags = ["B-ORG"] + ["I-ORG"] * 7 + ["O"]
    assert mask_symbol_tags(forms, tags) == ["O", "B-ORG"] + ["I-ORG"] * 5 + ["O", "O"]


def test_money_and_percent_are_untouched_by_symbol_masking() -> None:
    forms, tags = ["$", "5", "triệu", "%"], ["B-MONEY", "I-MONEY", "I-MONEY", "B-PERCENT"]
    assert mask_symbol_tags(forms, tags) == tags


def test_an_amount_cut_in_two_by_the_model_is_one_money_span_again() -> None:
    text = "Giá trị sản xuất đạt 932,7 tỷ đồng, tăng 5%."
    a = text.index("932,7")
    pieces = [Span(a, a + 5, "PERCENT", "932,7", 0.6),
              Span(a + 6, a + 13, "MONEY", "tỷ đồng", 0.8)]
    (money,) = repair_numeric(text, pieces)
    assert (money.label, money.text, money.values, money.unit, money.score) == (
        "MONEY", "932,7 tỷ đồng", [932.7e9], "VND", 0.8)


def test_a_numeric_span_with_no_value_expression_is_dropped() -> None:
    text = "Vốn tăng mạnh và tỷ lệ 12% đạt."
    spans = [Span(0, 3, "MONEY", "Vốn", 0.7), Span(23, 26, "PERCENT", "12%", 0.9),
             Span(17, 22, "PERCENT", "tỷ lệ", 0.5)]
    assert [(s.text, s.values) for s in repair_numeric(text, spans)] == [("12%", [12.0])]


def test_a_repaired_span_never_overlaps_a_name() -> None:
    text = "Quỹ Khuyến học 5 triệu đồng trao tặng."
    org = Span(0, 16, "ORG", text[:16], 0.9)  # took in the "5": the name wins
    money = Span(17, 27, "MONEY", text[17:27], 0.4)
    assert repair_numeric(text, [org, money]) == [org]


@needs_bundled
def test_emoji_are_never_entities_on_the_model_path() -> None:
    text = ("🙂 Đồng chí 🙂 Nguyễn Văn An 🎉, Bí thư Tỉnh ủy 🙂, chủ trì hội nghị. "
            "Tổng vốn 932,7 tỷ đồng 💰, tăng 12,5% 📈.")
    for pure in (False, True):
        result = predict(text, model=str(bundled_model_dir()), pure=pure)
        for e in result["entities"]:
            assert any(ch.isalnum() for ch in e["text"]), e
            assert not any(ch in e["text"] for ch in "🙂🎉💰📈"), e
            if e["label"] in ("MONEY", "PERCENT"):
                assert e["values"] and all(math.isfinite(v) for v in e["values"]), e
