"""Scores on small hand-computed examples (expected values worked out by hand)."""

from __future__ import annotations

import copy
import json

import pytest

from phogov.eval.metrics import compute_report, format_side_by_side, format_table
from phogov.training.gold_io import GoldSentence
from phogov.types import ENTITY_LABELS, TOPIC_LABELS, Span

# "Giá trị ... 234.000 tỷ đồng (tăng trưởng 16,5%)." MONEY [35, 50), PERCENT [64, 69)
A = "Giá trị sản xuất năm 2024 đạt trên 234.000 tỷ đồng (tăng trưởng 16,5%)."
# "Đồng chí " = 9 chars; name [9, 22); ", " ; "Bí thư" [24, 30); "Thành ủy" [31, 39)
B = "Đồng chí Vũ Quyết Tiến, Bí thư Thành ủy chủ trì hội nghị."
C = "Công an tỉnh bảo đảm an ninh trật tự, an sinh xã hội và cải cách hành chính."


def money(start=35, end=50, values=(2.34e14,), unit="VND"):
    return Span(start, end, "MONEY", A[start:end], values=list(values), unit=unit)


def percent(values=(16.5,)):
    return Span(64, 69, "PERCENT", A[64:69], values=list(values))


def official(titles=("Bí thư Thành ủy",)):
    return Span(9, 22, "OFFICIAL", B[9:22], titles=None if titles is None else list(titles))


def org():
    return Span(31, 39, "ORG", B[31:39])


def toy_gold() -> list[GoldSentence]:
    return [
        GoldSentence("d", 0, A, [money(), percent()], ["ECONOMY"], 1),
        GoldSentence("d", 1, B, [official(), org()], ["EVENT", "PARTY"], 2),
        GoldSentence("d", 2, C, [], ["SECURITY", "SOCIETY", "GOVERNANCE"], 3),
    ]


def perfect(gold):
    return [(copy.deepcopy(s.entities), list(s.topics)) for s in gold]


def close(metrics, p, r, f, support):
    assert metrics["precision"] == pytest.approx(p)
    assert metrics["recall"] == pytest.approx(r)
    assert metrics["f1"] == pytest.approx(f)
    assert metrics["support"] == support


def test_toy_texts_match_offsets():
    assert A[35:50] == "234.000 tỷ đồng" and A[64:69] == "16,5%"
    assert B[9:22] == "Vũ Quyết Tiến" and B[31:39] == "Thành ủy"


def test_perfect_prediction_scores_one_everywhere():
    gold = toy_gold()
    rep = compute_report(gold, perfect(gold))
    assert rep["sentences"] == 3
    for label in ENTITY_LABELS:
        close(rep["entities"][label], 1, 1, 1, 1)
    close(rep["entities"]["micro"], 1, 1, 1, 4)
    for topic in TOPIC_LABELS:
        close(rep["topics"][topic], 1, 1, 1, 1)
    close(rep["topics"]["micro"], 1, 1, 1, 6)
    close(rep["topics"]["macro"], 1, 1, 1, 6)
    assert rep["values"] == {"accuracy": 1.0, "support": 2}
    assert rep["titles"] == {"accuracy": 1.0, "support": 1}
    assert rep.notes == []


def test_one_missing_span_lowers_recall_by_a_quarter():
    gold = toy_gold()
    pred = perfect(gold)
    pred[0] = ([money()], pred[0][1])  # PERCENT missed
    rep = compute_report(gold, pred)
    close(rep["entities"]["PERCENT"], 0, 0, 0, 1)
    close(rep["entities"]["MONEY"], 1, 1, 1, 1)
    # 3 of 4 gold found, 3 of 3 predictions right: F1 = 2 * 1 * 0.75 / 1.75
    close(rep["entities"]["micro"], 1, 0.75, 6 / 7, 4)
    assert rep["values"] == {"accuracy": 1.0, "support": 1}


def test_boundary_error_is_a_false_positive_and_a_false_negative():
    gold = toy_gold()
    pred = perfect(gold)
    pred[0] = ([money(35, 45), percent()], pred[0][1])  # "234.000 tỷ" instead of "... đồng"
    rep = compute_report(gold, pred)
    close(rep["entities"]["MONEY"], 0, 0, 0, 1)
    close(rep["entities"]["micro"], 0.75, 0.75, 0.75, 4)
    assert rep.notes == []  # boundary on a syllable: seqeval and char spans agree
    assert rep["values"] == {"accuracy": 1.0, "support": 1}  # only the PERCENT is a TP


def test_boundary_inside_a_syllable_uses_char_figures_and_notes_it():
    gold = toy_gold()
    pred = perfect(gold)
    # ends inside "đồng": the same syllables as gold, so seqeval alone would call it right
    pred[0] = ([money(35, 49), percent()], pred[0][1])
    rep = compute_report(gold, pred)
    close(rep["entities"]["MONEY"], 0, 0, 0, 1)
    close(rep["entities"]["micro"], 0.75, 0.75, 0.75, 4)
    assert len(rep.notes) == 1 and rep.notes[0].startswith("crosscheck")
    assert "'234.000 tỷ đồn'" in rep.notes[0]
    assert "crosscheck" in format_table(rep)
    assert "crosscheck" not in json.dumps(rep)


def test_label_without_gold_or_prediction_is_zero():
    gold = [GoldSentence("d", 0, A, [money()], [], 1)]
    rep = compute_report(gold, [([money()], [])])
    close(rep["entities"]["MONEY"], 1, 1, 1, 1)
    close(rep["entities"]["ORG"], 0, 0, 0, 0)
    close(rep["entities"]["micro"], 1, 1, 1, 1)


def test_topics_micro_and_macro_on_three_sentences():
    gold = [
        GoldSentence("d", 0, "một", [], ["PARTY", "EVENT"], 1),
        GoldSentence("d", 1, "hai", [], ["ECONOMY"], 2),
        GoldSentence("d", 2, "ba", [], [], 3),
    ]
    pred = [([], ["PARTY"]), ([], ["ECONOMY", "PARTY"]), ([], ["SECURITY"])]
    t = compute_report(gold, pred)["topics"]
    close(t["PARTY"], 0.5, 1, 2 / 3, 1)
    close(t["EVENT"], 0, 0, 0, 1)
    close(t["ECONOMY"], 1, 1, 1, 1)
    close(t["SECURITY"], 0, 0, 0, 0)
    close(t["GOVERNANCE"], 0, 0, 0, 0)
    close(t["SOCIETY"], 0, 0, 0, 0)
    # micro: tp 2, predicted 4, gold 3
    close(t["micro"], 0.5, 2 / 3, 4 / 7, 3)
    # macro: mean over the six topics of P, R and F1
    close(t["macro"], 1.5 / 6, 2 / 6, (2 / 3 + 1) / 6, 3)


@pytest.mark.parametrize(
    ("pred_money", "pred_percent", "accuracy", "support"),
    [
        (money(values=(2.34e14 * (1 + 1e-12),)), percent(), 1.0, 2),  # within 1e-9 relative
        (money(), percent(values=(16.5 + 1e-6,)), 0.5, 2),  # 6e-8 relative: wrong
        (money(unit="USD"), percent(), 0.5, 2),  # right number, wrong unit
        (money(values=(2.34e14, 1.0)), percent(), 0.5, 2),  # one value too many
        (money(), percent(values=()), 0.5, 2),
        (money(35, 45), percent(values=(1.0,)), 0.0, 1),  # MONEY not a TP: not counted
    ],
)
def test_values_accuracy(pred_money, pred_percent, accuracy, support):
    gold = [GoldSentence("d", 0, A, [money(), percent()], [], 1)]
    rep = compute_report(gold, [([pred_money, pred_percent], [])])
    assert rep["values"]["accuracy"] == pytest.approx(accuracy)
    assert rep["values"]["support"] == support


def test_values_accuracy_without_true_positives_is_zero():
    gold = [GoldSentence("d", 0, A, [money(), percent()], [], 1)]
    rep = compute_report(gold, [([], [])])
    assert rep["values"] == {"accuracy": 0.0, "support": 0}
    assert rep["titles"] == {"accuracy": 0.0, "support": 0}


def test_titles_accuracy():
    d = "Ông Trần Văn Nam phát biểu."  # gold OFFICIAL with no title: titles == []
    nam = Span(4, 16, "OFFICIAL", d[4:16], titles=[])
    gold = [GoldSentence("d", 0, B, [official()], [], 1), GoldSentence("d", 1, d, [nam], [], 2)]
    pred_nam = Span(4, 16, "OFFICIAL", d[4:16], titles=None)  # None counts as []
    rep = compute_report(gold, [([official()], []), ([pred_nam], [])])
    assert rep["titles"] == {"accuracy": 1.0, "support": 2}
    rep = compute_report(gold, [([official(["Bí thư"])], []), ([pred_nam], [])])
    assert rep["titles"] == {"accuracy": 0.5, "support": 2}
    order = official(["Thành ủy", "Bí thư Thành ủy"])
    rep = compute_report(gold[:1], [([order], [])])
    assert rep["titles"] == {"accuracy": 0.0, "support": 1}


def test_report_json_shape_is_exact():
    gold = toy_gold()
    rep = json.loads(json.dumps(compute_report(gold, perfect(gold))))
    assert list(rep) == ["sentences", "entities", "topics", "values", "titles"]
    assert list(rep["entities"]) == ["OFFICIAL", "ORG", "MONEY", "PERCENT", "micro"]
    assert list(rep["topics"]) == [
        "PARTY", "ECONOMY", "GOVERNANCE", "SECURITY", "SOCIETY", "EVENT", "micro", "macro"]
    for block in list(rep["entities"].values()) + list(rep["topics"].values()):
        assert list(block) == ["precision", "recall", "f1", "support"]
        assert isinstance(block["support"], int)
    assert list(rep["values"]) == ["accuracy", "support"]
    assert list(rep["titles"]) == ["accuracy", "support"]
    assert isinstance(rep["sentences"], int)


def test_unknown_predicted_labels_are_rejected():
    gold = toy_gold()
    pred = perfect(gold)
    pred[2] = ([], ["SPORT"])
    with pytest.raises(ValueError, match="SPORT"):
        compute_report(gold, pred)
    with pytest.raises(ValueError, match="2 predictions for 3"):
        compute_report(gold, pred[:2])


def test_tables_show_the_figures():
    gold = toy_gold()
    good = compute_report(gold, perfect(gold))
    pred = perfect(gold)
    pred[0] = ([money(35, 45), percent()], pred[0][1])
    worse = compute_report(gold, pred)
    table = format_table(worse, title="rules on toy")
    assert table.splitlines()[0] == "rules on toy"
    micro = next(line for line in table.splitlines() if line.strip().startswith("micro"))
    assert micro.split()[1:] == ["0.750", "0.750", "0.750", "4"]
    side = format_side_by_side({"rules": worse, "model": good})
    assert "rules" in side.splitlines()[0] and "model" in side.splitlines()[0]
    money_row = next(line for line in side.splitlines() if line.strip().startswith("MONEY"))
    assert money_row.split() == ["MONEY", "1", "0.000", "0.000", "0.000", "|",
                                 "1.000", "1.000", "1.000"]
