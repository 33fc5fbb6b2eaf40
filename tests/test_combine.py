"""Rules beside the model: each policy's merge, checked by hand."""

from __future__ import annotations

import pytest

from phogov.combine import is_pure, merge_entities, merge_topics, validate
from phogov.types import Span


def S(a: int, b: int, label: str) -> Span:  # noqa: N802 - a short constructor for tables
    return Span(a, b, label, "x" * (b - a))


MODEL = [S(0, 10, "ORG"), S(20, 25, "OFFICIAL"), S(40, 45, "MONEY")]
RULES = [S(0, 14, "ORG"), S(30, 35, "OFFICIAL"), S(40, 48, "MONEY"), S(60, 70, "ORG")]


def spans(xs: list[Span]) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label) for s in xs]


def test_model_only_and_rules_only():
    assert spans(merge_entities(MODEL, RULES, {})) == spans(MODEL)
    every_rules = {lab: "rules" for lab in ("ORG", "OFFICIAL", "MONEY", "PERCENT")}
    assert spans(merge_entities(MODEL, RULES, every_rules)) == spans(RULES)


def test_union_with_precedence_per_label():
    policy = {"ORG": "model+rules", "OFFICIAL": "rules+model", "MONEY": "rules"}
    got = spans(merge_entities(MODEL, RULES, policy))
    # ORG: the model's 0-10 wins over the rules' 0-14, the rules' 60-70 is added;
    # OFFICIAL: both kept (no overlap); MONEY: rules only.
    assert got == [(0, 10, "ORG"), (20, 25, "OFFICIAL"), (30, 35, "OFFICIAL"),
                   (40, 48, "MONEY"), (60, 70, "ORG")]


def test_rules_first_wins_an_overlap_across_labels():
    model = [S(0, 8, "ORG")]
    rules = [S(4, 8, "OFFICIAL")]
    got = merge_entities(model, rules, {"OFFICIAL": "rules", "ORG": "model"})
    assert spans(got) == [(4, 8, "OFFICIAL")]


def test_topics_policy():
    assert merge_topics(["ECONOMY"], ["PARTY", "ECONOMY"], {}) == ["ECONOMY"]
    assert merge_topics(["ECONOMY"], ["PARTY", "ECONOMY"], {"topics": "union"}) == [
        "ECONOMY", "PARTY"]
    # the rules' topics alone: the model's ECONOMY is dropped when the rules lack it
    assert merge_topics(["ECONOMY"], ["PARTY"], {"topics": "rules"}) == ["PARTY"]
    assert not is_pure({"topics": "rules"})


def test_validation_names_the_bad_entry():
    with pytest.raises(ValueError, match="unknown label 'PERSON'"):
        validate({"PERSON": "rules"})
    with pytest.raises(ValueError, match="ORG policy 'both'"):
        validate({"ORG": "both"})
    assert is_pure({}) and is_pure({"ORG": "model"}) and not is_pure({"topics": "union"})
