"""predict() with the rules backend: raw offsets, Unicode forms, bad input, model resolution.

The neural backend goes through the same code after the labeller; its round trip
is in ``test_roundtrip.py``.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from phogov import predict
from phogov import predictor as predictor_mod
from phogov.cli import main as cli_main
from phogov.modeling import ModelLoadError
from phogov.predictor import _enrich, resolve_model
from phogov.types import Span


def _check_offsets(text: str, result: dict) -> None:
    ends = 0
    for e in result["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]
        assert e["start"] >= ends, "entities must be sorted and non-overlapping"
        ends = e["end"]
        assert 0.0 <= e["score"] <= 1.0
    for s in result["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]


def test_offsets_are_valid_on_every_gold_sentence(gold: list[dict]) -> None:
    texts = [g["text"] for g in gold]
    results = predict(texts, model="rules")
    assert len(results) == len(texts)
    for text, result in zip(texts, results):
        _check_offsets(text, result)


def test_gold_sentence_entities_are_found_with_values_and_titles(gold: list[dict]) -> None:
    # Sentence 1 of the first seed: hand-checked against the guideline.
    g = next(x for x in gold if x["text"].startswith("Đồng chí Vũ Quyết Tiến"))
    result = predict(g["text"], model="rules")
    official = next(e for e in result["entities"] if e["label"] == "OFFICIAL")
    assert official["text"] == "Vũ Quyết Tiến"
    assert official["titles"] == ["Ủy viên Ban Thường vụ Tỉnh ủy", "Bí thư Thành ủy"]
    money = predict("Tổng vốn đầu tư khoảng 2.500 tỷ đồng.", model="rules")["entities"]
    assert [(e["text"], e["values"], e["unit"]) for e in money] == [
        ("2.500 tỷ đồng", [2.5e12], "VND")
    ]


@pytest.mark.parametrize("form", ["NFD", "NFKC"])
def test_nfd_article_yields_the_same_entities_as_nfc(seed_texts: dict, form: str) -> None:
    for name, nfc in seed_texts.items():
        other = unicodedata.normalize(form, nfc)
        a, b = predict(nfc, model="rules"), predict(other, model="rules")
        _check_offsets(other, b)
        assert len(a["entities"]) == len(b["entities"]), name
        for ea, eb in zip(a["entities"], b["entities"]):
            assert ea["label"] == eb["label"]
            assert unicodedata.normalize("NFC", eb["text"]) == ea["text"]
            assert eb.get("values") == ea.get("values")
        assert [t["label"] for t in a["topics"]] == [t["label"] for t in b["topics"]]


def test_noisy_text_keeps_raw_offsets() -> None:
    clean = "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh, cho biết GRDP tăng 8,5%."
    noisy = ("\ufeffÔng  Nguyễn\u200b Văn An, Chủ tịch UBND tỉnh 🎉,\r\ncho biết "
             "GRDP tăng 8,5\u00a0%.")
    a, b = predict(clean, model="rules"), predict(noisy, model="rules")
    _check_offsets(noisy, b)
    assert [e["label"] for e in a["entities"]] == [e["label"] for e in b["entities"]]
    official = next(e for e in b["entities"] if e["label"] == "OFFICIAL")
    assert official["text"] == "Nguyễn\u200b Văn An"  # the caller's characters, as given
    percent = next(e for e in b["entities"] if e["label"] == "PERCENT")
    assert percent["values"] == [8.5]


def test_old_tone_placement_is_read_like_the_new() -> None:
    a = predict("Ủy ban nhân dân tỉnh Khánh Hòa họp.", model="rules")
    b = predict("Uỷ ban nhân dân tỉnh Khánh Hoà họp.", model="rules")
    assert [(e["start"], e["end"], e["label"]) for e in a["entities"]] == [
        (e["start"], e["end"], e["label"]) for e in b["entities"]
    ]
    assert b["entities"][0]["text"] == "Uỷ ban nhân dân tỉnh Khánh Hoà"


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n", "\u200b"])
def test_empty_input_gives_empty_results(text: str) -> None:
    assert predict(text, model="rules") == {"entities": [], "sentences": [], "topics": []}


def test_list_input_gives_one_result_per_text() -> None:
    out = predict(["", "Tỉnh ủy Nghệ An họp."], model="rules")
    assert isinstance(out, list) and len(out) == 2
    assert out[0]["entities"] == [] and out[1]["entities"][0]["text"] == "Tỉnh ủy Nghệ An"


@pytest.mark.parametrize("bad", [42, None, b"bytes", ["ok", 3]])
def test_non_string_input_is_a_type_error(bad) -> None:
    with pytest.raises(TypeError, match="str"):
        predict(bad, model="rules")


def test_bad_batch_size_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="batch_size"):
        predict("Tỉnh ủy họp.", model="rules", batch_size=0)


def test_non_vietnamese_text_warns_and_still_answers() -> None:
    english = "The provincial committee met on Monday to review the budget and investment plans."
    with pytest.warns(UserWarning, match="Vietnamese"):
        out = predict(english, model="rules")
    _check_offsets(english, out)
    assert out["entities"] == []


def test_vietnamese_in_nfd_is_not_taken_for_another_language() -> None:
    """NFD splits every toned letter into a base letter and marks; the language check
    reads the text as NFC, as the rules do, so the same article never warns in one
    form and not in the other."""
    import unicodedata
    import warnings

    nfc = ("Ủy ban nhân dân tỉnh Quảng Ninh họp phiên thường kỳ tháng Mười, "
           "đánh giá tình hình thu chi ngân sách và đầu tư công.")
    for form in ("NFC", "NFD"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # any warning fails the test
            predict(unicodedata.normalize(form, nfc), model="rules")


def test_model_resolution_order(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.delenv("PHOGOV_MODEL", raising=False)
    monkeypatch.setattr(predictor_mod, "bundled_model_dir", lambda: None)
    with pytest.raises(RuntimeError, match="PHOGOV_MODEL"):
        resolve_model(None)
    monkeypatch.setattr(predictor_mod, "bundled_model_dir", lambda: tmp_path)
    assert resolve_model(None) == str(tmp_path)
    monkeypatch.setenv("PHOGOV_MODEL", "rules")
    assert resolve_model(None) == "rules"
    assert resolve_model("some/dir") == "some/dir"
    # the environment variable really drives predict()
    assert predict("Tỉnh ủy Nghệ An họp.")["entities"][0]["label"] == "ORG"


def test_a_directory_that_is_not_a_model_is_named_in_the_error(tmp_path) -> None:
    (tmp_path / "notes.txt").write_text("not a model")
    with pytest.raises(ModelLoadError, match=str(tmp_path)):
        predict("Tỉnh ủy họp.", model=tmp_path)


def test_model_spans_are_snapped_to_their_value_expression() -> None:
    text = "Vốn khoảng 5 tỷ đồng và tăng hơn 12%."
    spans = [Span(4, 20, "MONEY", text[4:20], 0.9), Span(29, 36, "PERCENT", text[29:36], 0.8),
             Span(0, 3, "MONEY", "Vốn", 0.6)]
    money, percent = _enrich(text, spans)  # "Vốn" is no value expression: dropped (issue 10)
    assert (money.text, money.values, money.unit, money.score) == ("5 tỷ đồng", [5e9], "VND", 0.9)
    assert (percent.text, percent.values) == ("12%", [12.0])


def test_cli_predict_json_and_errors(capsys: pytest.CaptureFixture, tmp_path) -> None:
    assert cli_main(["predict", "Tỉnh ủy Nghệ An chi 5 tỷ đồng.", "--model", "rules",
                     "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [e["label"] for e in out["entities"]] == ["ORG", "MONEY"]
    assert cli_main(["predict", "--model", "rules"]) == 2
    assert "give either TEXT or --file" in capsys.readouterr().err
    missing = tmp_path / "missing.txt"
    assert cli_main(["predict", "--file", str(missing), "--model", "rules"]) == 2
    assert str(missing) in capsys.readouterr().err
