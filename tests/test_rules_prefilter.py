"""The literal prefilter must never hide a match: it only saves time."""

from __future__ import annotations

import gzip
import json
import re
from itertools import islice
from pathlib import Path

import pytest

from phogov.normalize import normalize
from phogov.rules import topics
from phogov.rules.prefilter import LiteralIndex, fold, openings
from phogov.text import sentences

ROOT = Path(__file__).resolve().parent.parent


def test_openings_expand_groups_classes_and_optional_parts() -> None:
    assert openings(r"(?<!\w)(?:(?:quy|qui) hoạch)(?!\w)", True) == ("qui hoạch", "quy hoạch")
    assert openings(r"(buổi )?lễ khai mạc", True) == ("lễ khai mạc",)
    assert openings(r"kinh tế\s*[-–—]\s*xã hội|KT\s*[-–—]\s*XH", True) == ("kinh tế", "kt")
    assert openings(r"GRDP|GDP", False) == ("GDP", "GRDP")  # case kept when it matters
    assert openings(r"(?<!khu )văn hóa", True) == ("văn hóa",)  # lookbehinds are zero-width


def test_openings_give_up_rather_than_guess() -> None:
    assert openings(r"\w+ hóa", True) is None  # opens with a class: no literal
    assert openings(r"a|bc", True) is None  # a one-letter opening filters nothing
    assert openings(r"[^.]{0,40} vào Đảng", True) is None


def test_fold_matches_re_ignorecase_special_cases() -> None:
    # re.IGNORECASE equates ı/i and ſ/s although str.lower() does not
    for text, pat in [("chınh", "chinh"), ("ſản xuất", "sản xuất"), ("ĐẢNG", "đảng")]:
        assert re.search(pat, text, re.IGNORECASE)
        assert fold(pat) in fold(text)


def _cue_texts(gold: list[dict]) -> list[str]:
    texts = [normalize(g["text"]).text for g in gold]
    dev = ROOT / "data" / "gold_real_dev.jsonl"
    texts += [normalize(json.loads(line)["text"]).text
              for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    with gzip.open(ROOT / "data" / "gov_news.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in islice(fh, 40):
            texts += [s.text for s in sentences(json.loads(line)["text"])]
    # shouting, odd folds, a cue at the very start and end
    texts += [t.upper() for t in texts[:200]]
    texts += ["KINH TẾ–XÃ HỘI", "chınh quyền ſố", "thuế", "an ninh", "Ủy ban Kiểm tra"]
    return texts


def test_index_never_hides_a_match(gold: list[dict]) -> None:
    texts = _cue_texts(gold)
    misses = []
    for text in texts:
        cands = topics._INDEX.candidates(text)
        for (topic, j), pos in topics._POS.items():
            _, rx = topics._COMPILED[topic][j]
            if pos not in cands and rx.search(text):
                misses.append((topic, rx.pattern, text[:60]))
    assert not misses


def test_scores_identical_with_and_without_the_index(
    gold: list[dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _cue_texts(gold)[::3]
    fast = [topics.score(t) for t in texts]
    everything = set(topics._POS.values())
    monkeypatch.setattr(topics._INDEX, "candidates", lambda text, folded=None: everything)
    slow = [topics.score(t) for t in texts]
    assert fast == slow
    assert any(s["ECONOMY"] > 0 for s in fast)  # the sample does exercise the lexicons


def test_index_lets_patterns_without_openings_through() -> None:
    index = LiteralIndex([(None, True), (("đảng viên",), True), (("GDP",), False)])
    assert index.candidates("không có gì") == {0}
    assert index.candidates("Đảng viên mới") == {0, 1}
    assert index.candidates("gdp tăng") == {0}  # the case-sensitive one wants "GDP"
    assert index.candidates("GDP tăng") == {0, 2}


def test_bench_corpus_reader_names_the_bad_line(tmp_path: Path) -> None:
    from phogov.eval.bench import bench_rules, corpus_sentences

    good = tmp_path / "c.jsonl"
    good.write_text(json.dumps({"text": "Giải ngân vốn đầu tư công. Thu ngân sách tăng."}) + "\n"
                    + json.dumps({"text": "An ninh được giữ vững."}) + "\n", encoding="utf-8")
    docs = corpus_sentences(good, n_docs=1)
    assert docs == [["Giải ngân vốn đầu tư công.", "Thu ngân sách tăng."]]
    r = bench_rules(docs)
    assert (r.documents, r.sentences, r.chars) == (1, 2, 45)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "Một câu."}) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2:"):
        corpus_sentences(bad)


def test_dotted_capital_i_folds_like_re() -> None:
    # re.IGNORECASE reads "İ" as "i"; str.lower() would make it two characters
    text = "KİNH TẾ tăng trưởng"
    assert re.search("kinh tế", text, re.IGNORECASE)
    assert "kinh tế" in fold(text)
    assert "ECONOMY" in topics.label(text)


def test_index_exact_first_word_and_one_word_prefixes() -> None:
    index = LiteralIndex([(("quy hoạch",), True), (("thuế",), True), (("an ninh",), True)])
    assert index.candidates("Quy hoạch tỉnh") == {0}
    assert index.candidates("quyết định quy hoạch") == {0}
    assert index.candidates("quyền hoạch định") == set()  # "quy" must be the whole first word
    assert index.candidates("Thuế thu nhập") == {1}
    assert index.candidates("thuếxyz") == {1}  # one-word openings only need the word's start
    assert index.candidates("bảo đảm an ninh, trật tự") == {2}
