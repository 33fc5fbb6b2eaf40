"""lf-report: per-function coverage, overlaps, conflicts and scores, checked by hand."""

from __future__ import annotations

import json

import pytest

from phogov.cli import main
from phogov.eval.lf_report import LFSentence, compute, format_report, run
from phogov.types import Span


def sp(a: int, b: int, label: str, source: str = "") -> Span:
    return Span(a, b, label, "x" * (b - a), source=source)


@pytest.fixture()
def report() -> dict:
    a = sp(0, 10, "ORG", "orgs.head")
    b = sp(0, 10, "ORG", "orgs.acr")          # same span as a, same family
    c = sp(20, 30, "OFFICIAL", "officials.title")
    d = sp(18, 30, "ORG", "orgs.acr")         # conflicts with c (label and boundaries)
    m = sp(5, 12, "MONEY", "money")           # gold is [5, 15): partial only
    o = sp(40, 50, "ORG", "orgs.head")        # a false positive
    sents = [
        LFSentence([sp(0, 10, "ORG"), sp(20, 30, "OFFICIAL")], [a, b, c, d], [a, d]),
        LFSentence([sp(5, 15, "MONEY")], [m, o], [m, o]),
        LFSentence([], [], []),
    ]
    return compute(sents, "priority")


def test_function_rows(report: dict) -> None:
    f = report["functions"]
    assert set(f) == {"orgs.head", "orgs.acr", "officials.title", "money"}
    head = f["orgs.head"]
    assert head["labels"] == {"ORG": 2}
    assert (head["spans"], head["sentences"]) == (2, 2)
    assert head["coverage"] == pytest.approx(2 / 3)
    # a overlaps b (another function, identical span): an overlap, not a conflict
    assert (head["overlaps"], head["conflicts"]) == (1, 0)
    assert head["exact"]["precision"] == pytest.approx(0.5)
    assert head["exact"]["recall"] == pytest.approx(1.0)  # the one ORG gold
    assert head["exact"]["f1"] == pytest.approx(2 / 3)
    acr = f["orgs.acr"]
    assert (acr["spans"], acr["sentences"], acr["overlaps"], acr["conflicts"]) == (2, 1, 2, 1)
    title = f["officials.title"]
    assert (title["overlaps"], title["conflicts"]) == (1, 1)
    assert title["exact"]["precision"] == 1.0 and title["exact"]["recall"] == 1.0
    assert title["lost"] == 1  # right, but the aggregator kept d instead
    money = f["money"]
    assert money["exact"]["f1"] == 0.0
    assert money["partial"]["precision"] == 1.0 and money["partial"]["recall"] == 1.0


def test_family_rows_count_only_other_families(report: dict) -> None:
    orgs = report["families"]["orgs"]
    assert (orgs["spans"], orgs["sentences"]) == (4, 2)
    # a/b overlap each other inside the family: not counted; d against c is
    assert (orgs["overlaps"], orgs["conflicts"]) == (1, 1)
    assert orgs["exact"]["precision"] == pytest.approx(2 / 4)
    assert orgs["exact"]["recall"] == pytest.approx(1.0)  # one gold ORG, found (twice)


def test_system_rows(report: dict) -> None:
    cand, agg = report["candidates"]["micro"], report["aggregated"]["micro"]
    assert cand["spans"] == 5  # a and b are one span
    assert cand["exact"]["precision"] == pytest.approx(2 / 5)
    assert cand["exact"]["recall"] == pytest.approx(2 / 3)
    assert agg["exact"]["precision"] == pytest.approx(1 / 4)
    assert agg["exact"]["recall"] == pytest.approx(1 / 3)
    assert agg["partial"]["precision"] == pytest.approx(2 / 4)
    assert agg["partial"]["recall"] == pytest.approx(2 / 3)
    assert report["aggregated"]["OFFICIAL"]["exact"]["recall"] == 0.0
    text = format_report(report)
    assert "orgs (family)" in text and "  orgs.acr" in text and "aggregated OFFICIAL" in text


GOLD = [
    # the double space is normalised away in the rules' view: offsets must come back raw
    {"doc": "a", "sent": 0, "text": "Tổng vốn  đầu tư là 500 tỷ đồng, tăng 12%.",
     "entities": [{"start": 20, "end": 31, "label": "MONEY", "text": "500 tỷ đồng"},
                  {"start": 38, "end": 41, "label": "PERCENT", "text": "12%"}],
     "topics": []},
    {"doc": "a", "sent": 1, "text": "Giá tăng 3 lần.", "entities": [], "topics": []},
]


def _write_gold(tmp_path) -> str:
    path = tmp_path / "g.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in GOLD),
                    encoding="utf-8")
    return str(path)


def test_run_on_gold_file_maps_offsets_to_raw(tmp_path) -> None:
    rep = run([_write_gold(tmp_path)])
    assert rep["sentences"] == 2 and rep["gold_entities"] == 2
    for name in ("money", "percent"):
        assert rep["functions"][name]["exact"]["f1"] == 1.0
        assert rep["functions"][name]["coverage"] == 0.5
    assert rep["aggregated"]["micro"]["exact"]["f1"] == 1.0


def test_cli_json_and_bad_aggregator(tmp_path, capsys) -> None:
    gold = _write_gold(tmp_path)
    assert main(["lf-report", gold, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["aggregator"] == "priority" and "money" in out["families"]
    with pytest.raises(SystemExit):
        main(["lf-report", gold, "--aggregator", "vote"])


def test_label_model_report_shows_each_function_accuracy(tmp_path) -> None:
    from phogov.rules.label_model import bundled_label_model

    rep = run([_write_gold(tmp_path)], "label_model")
    assert rep["aggregator"] == "label_model"
    acc = rep["functions"]["money"]["label_model_accuracy"]
    assert acc == bundled_label_model().accuracy_of("money")
    assert "   acc" in format_report(rep)
