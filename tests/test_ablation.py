"""The ablation table: rows parsed, scores taken from real evaluations, best per column marked."""

from __future__ import annotations

import json

import pytest

from phogov.eval.ablation import COLUMNS, format_markdown, parse_rows, run

SENT = "Đồng chí Vũ Quyết Tiến, Bí thư Thành ủy, cho biết thu ngân sách đạt 120 tỷ đồng."


def _gold(path, entities):
    row = {"doc": "d", "sent": 0, "text": SENT, "entities": entities, "topics": ["ECONOMY"]}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _span(label, surface, **extra):
    start = SENT.index(surface)
    return {"start": start, "end": start + len(surface), "label": label, "text": surface, **extra}


def test_parse_rows_names_and_bare_specs():
    assert parse_rows(["weak-2k=runs/a", "rules"]) == [("weak-2k", "runs/a"), ("rules", "rules")]
    with pytest.raises(ValueError, match="NAME=SYSTEM"):
        parse_rows(["=runs/a"])


def test_markdown_marks_the_best_value_of_each_column():
    a = dict.fromkeys(COLUMNS, 0.5)
    b = dict.fromkeys(COLUMNS, 0.25)
    b["ORG"] = 0.75
    text = format_markdown({"a": a, "b": b})
    lines = text.splitlines()
    assert lines[0].startswith("| system | dev micro |")
    row_a, row_b = lines[2], lines[3]
    assert "**0.500**" in row_a and "**0.750**" in row_b
    assert row_a.count("**") == 2 * (len(COLUMNS) - 1)  # every column but ORG


def test_rules_row_scores_perfectly_on_what_the_rules_find(tmp_path, capsys):
    # The gold holds what the guideline asks for: the official, the party committee
    # inside the title (ORG) and the amount with its unit; the rules find all three.
    entities = [_span("OFFICIAL", "Vũ Quyết Tiến", titles=["Bí thư Thành ủy"]),
                _span("ORG", "Thành ủy"),
                _span("MONEY", "120 tỷ đồng", values=[1.2e11], unit="VND")]
    dev = _gold(tmp_path / "dev.jsonl", entities)
    seeds = _gold(tmp_path / "seeds.jsonl", entities[:2])  # the amount missing from gold: an FP
    out = tmp_path / "t.json"
    table = run(["R=rules"], dev, seeds, out)
    assert table["R"]["dev micro"] == pytest.approx(1.0)
    assert table["R"]["seeds micro"] == pytest.approx(0.8)  # P 2/3, R 1
    assert json.loads(out.read_text())["systems"] == {"R": "rules"}
    assert "| R |" in capsys.readouterr().out


def test_an_entity_only_model_shows_no_topic_score():
    a = dict.fromkeys(COLUMNS, 0.5)
    b = {**dict.fromkeys(COLUMNS, 0.75), "dev topics": None, "seeds topics": None}
    row_a, row_b = format_markdown({"a": a, "b": b}).splitlines()[2:]
    assert row_b.count("—") == 2
    assert "**0.500**" in row_a  # a's topics are the best of the column, b has none
