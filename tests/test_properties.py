"""Property-based tests (hypothesis): what must hold for any text, not just for examples.

Invariants, for the rules on every run and for the bundled model on a small
sample: no exception; ``text[start:end] == span text``; spans sorted and not
overlapping; sentences in order and covering every visible character; values
finite; scores in [0, 1]; the same entities for NFC and NFD input.

CI runs a bounded number of examples. A longer run (the closing note of issue
10): ``PHOGOV_PROPERTY_EXAMPLES=10000 PHOGOV_MODEL_PROPERTY_EXAMPLES=1000 pytest
tests/test_properties.py``.
"""

from __future__ import annotations

import math
import os
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phogov.predictor import bundled_model_dir, predict

RULES_EXAMPLES = int(os.environ.get("PHOGOV_PROPERTY_EXAMPLES", "150"))
MODEL_EXAMPLES = int(os.environ.get("PHOGOV_MODEL_PROPERTY_EXAMPLES", "8"))
_SETTINGS = {"deadline": None, "derandomize": "PHOGOV_PROPERTY_EXAMPLES" not in os.environ,
             "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}

# --------------------------------------------------------------------------- strategies

_WORDS = [
    "Đồng chí", "Nguyễn Văn An", "Bí thư", "Tỉnh ủy", "Nghệ An", "Chủ tịch", "UBND", "tỉnh",
    "Ban Thường vụ", "Thành ủy", "Hạ Long", "hội nghị", "chủ trì", "đạt", "tăng", "giảm",
    "khoảng", "hơn", "năm", "tháng", "ngày", "đồng", "tỷ", "triệu", "nghìn", "USD", "VNĐ",
    "%", "phần trăm", "rưỡi", "đến", "-", "/", ",", ".", ";", ":", "(", ")", "…", "\n",
    "hoà", "thuỷ", "Uỷ ban", "quý", "COVID-19", "đồng chí", "ông", "bà", "🙂", "★", "\u200b",
    "\u00a0", "\t", "\ud800", "$", "€", "Sở Lao động - Thương binh và Xã hội",
]
_DIGITS = st.from_regex(r"[-−]?\d{1,4}(?:[.,]\d{1,4}){0,3}", fullmatch=True)
_NUMBERISH = st.one_of(
    _DIGITS,
    st.builds(lambda n, s: f"{n} {s}", _DIGITS,
              st.sampled_from(["tỷ", "triệu", "nghìn tỷ", "tỷ đồng", "triệu USD", "%",
                               "phần trăm", "tỷ tỷ tỷ tỷ tỷ đồng", "đồng chí"])),
    st.builds(lambda n: "9" * n + "%", st.integers(25, 400)),
)
_VIETNAMESE_ISH = st.lists(st.one_of(st.sampled_from(_WORDS), _NUMBERISH),
                           min_size=0, max_size=60).map(" ".join)
_ANY_UNICODE = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200)
_LONG = st.builds(lambda piece, n: piece * n, _VIETNAMESE_ISH, st.integers(1, 40))
TEXTS = st.one_of(_VIETNAMESE_ISH, _ANY_UNICODE, _LONG,
                  st.builds(lambda a, b: a + b, _VIETNAMESE_ISH, _ANY_UNICODE))


def _visible(ch: str) -> bool:
    """A character the sentence split must cover (not space, not dropped as invisible)."""
    return not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp")


def check_invariants(text: str, result: dict) -> None:
    ents = result["entities"]
    for e in ents:
        assert text[e["start"]:e["end"]] == e["text"], e
        assert 0.0 <= e["score"] <= 1.0, e
        if e["label"] in ("MONEY", "PERCENT"):
            assert e["values"] and all(math.isfinite(v) for v in e["values"]), e
        if e["label"] in ("OFFICIAL", "ORG"):
            assert any(ch.isalnum() for ch in e["text"]), e
    spans = [(e["start"], e["end"]) for e in ents]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), spans
    sents = result["sentences"]
    bounds = [(s["start"], s["end"]) for s in sents]
    assert bounds == sorted(bounds) and all(a[1] <= b[0] for a, b in zip(bounds, bounds[1:]))
    covered = [False] * len(text)
    for s in sents:
        assert text[s["start"]:s["end"]] == s["text"]
        for t in s["topics"]:
            assert 0.0 <= t["score"] <= 1.0
        covered[s["start"]:s["end"]] = [True] * (s["end"] - s["start"])
    missed = [i for i, ch in enumerate(text) if _visible(ch) and not covered[i]]
    assert not missed, [text[i] for i in missed[:5]]
    for t in result["topics"]:
        assert 0.0 <= t["score"] <= 1.0


def _entities_in_nfc(result: dict) -> list[tuple[str, str, list[float] | None]]:
    return [(e["label"], unicodedata.normalize("NFC", e["text"]), e.get("values"))
            for e in result["entities"]]


# --------------------------------------------------------------------------- rules


@settings(max_examples=RULES_EXAMPLES, **_SETTINGS)
@given(TEXTS)
def test_rules_invariants_hold_for_any_text(text: str) -> None:
    check_invariants(text, predict(text, model="rules"))


@settings(max_examples=max(1, RULES_EXAMPLES // 3), **_SETTINGS)
@given(_VIETNAMESE_ISH)
def test_rules_see_nfc_and_nfd_alike(text: str) -> None:
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    a, b = predict(nfc, model="rules"), predict(nfd, model="rules")
    check_invariants(nfd, b)
    assert _entities_in_nfc(a) == _entities_in_nfc(b)


# --------------------------------------------------------------------------- model


needs_bundled = pytest.mark.skipif(bundled_model_dir() is None, reason="no bundled model")


@needs_bundled
@settings(max_examples=MODEL_EXAMPLES, **_SETTINGS)
@given(TEXTS)
def test_model_invariants_hold_for_any_text(text: str) -> None:
    check_invariants(text, predict(text))


@needs_bundled
@settings(max_examples=max(1, MODEL_EXAMPLES // 3), **_SETTINGS)
@given(_VIETNAMESE_ISH)
def test_model_sees_nfc_and_nfd_alike(text: str) -> None:
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    assert _entities_in_nfc(predict(nfc)) == _entities_in_nfc(predict(nfd))
