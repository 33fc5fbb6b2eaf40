"""Evaluate a system on a labelled file: feed it the gold sentences, score what comes back.

The predictor sees the raw gold sentence texts grouped by document, in
document order, so systems that use earlier sentences of a document (a later
bare mention of an official) get the same context the annotator had. It must
return, per sentence, spans with offsets into that sentence text; a span whose
``text`` does not match its offsets is a bug in the system and stops the
evaluation instead of being silently scored as wrong.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from phogov.errors import PhogovError
from phogov.eval.metrics import Report, compute_report, format_table
from phogov.training.gold_io import GoldSentence, read_labelled
from phogov.types import ENTITY_LABELS, TOPIC_LABELS, Span

SentenceResult = tuple[list[Span], list[str]]
Predictor = Callable[[list[list[str]]], list[list[SentenceResult]]]


class PredictionError(PhogovError, ValueError):
    """A predictor returned something that cannot be scored (names the doc and sentence)."""


def group_by_doc(gold: Sequence[GoldSentence]) -> list[list[GoldSentence]]:
    """Sentences grouped by doc, docs in order of first appearance, sentences in file order."""
    groups: dict[str, list[GoldSentence]] = {}
    for sentence in gold:
        groups.setdefault(sentence.doc, []).append(sentence)
    return list(groups.values())


def _check_predictions(
    docs: list[list[GoldSentence]], predicted: Any, gold_path: str
) -> list[SentenceResult]:
    if not isinstance(predicted, (list, tuple)) or len(predicted) != len(docs):
        n = len(predicted) if isinstance(predicted, (list, tuple)) else type(predicted).__name__
        raise PredictionError(f"predictor returned {n} documents for {len(docs)} in {gold_path}")
    flat: list[SentenceResult] = []
    for doc_sents, doc_pred in zip(docs, predicted):
        doc = doc_sents[0].doc
        if not isinstance(doc_pred, (list, tuple)) or len(doc_pred) != len(doc_sents):
            n = len(doc_pred) if isinstance(doc_pred, (list, tuple)) else type(doc_pred).__name__
            raise PredictionError(
                f"predictor returned {n} sentences for {len(doc_sents)} in doc {doc!r}"
            )
        for gold, result in zip(doc_sents, doc_pred):
            where = f"doc {gold.doc!r} sentence {gold.sent} ({gold_path}:{gold.line})"
            try:
                spans, topics = result
            except (TypeError, ValueError):
                raise PredictionError(
                    f"{where}: expected (spans, topics), got {type(result).__name__}"
                ) from None
            spans, topics = list(spans), list(topics)
            for span in spans:
                if span.label not in ENTITY_LABELS:
                    raise PredictionError(f"{where}: unknown entity label {span.label!r}")
                if not (
                    isinstance(span.start, int) and isinstance(span.end, int)
                    and 0 <= span.start < span.end <= len(gold.text)
                ):
                    raise PredictionError(
                        f"{where}: {span.label} span [{span.start}, {span.end}) is outside "
                        f"the sentence text ({len(gold.text)} characters)"
                    )
                if gold.text[span.start : span.end] != span.text:
                    raise PredictionError(
                        f"{where}: {span.label} span [{span.start}, {span.end}) gives "
                        f"{gold.text[span.start:span.end]!r} but its text is {span.text!r}"
                    )
            for topic in topics:
                if topic not in TOPIC_LABELS:
                    raise PredictionError(f"{where}: unknown topic {topic!r}")
            flat.append((spans, topics))
    return flat


def evaluate(gold_path: str | Path, predictor: Predictor) -> Report:
    """Read the gold file, run ``predictor`` on its sentences grouped by doc, return the report."""
    gold = read_labelled(gold_path)
    docs = group_by_doc(gold)
    predicted = predictor([[s.text for s in doc] for doc in docs])
    flat = _check_predictions(docs, predicted, str(gold_path))
    ordered = [s for doc in docs for s in doc]
    return compute_report(ordered, flat)


PURE = "pure:"


def predictor_for(spec: str) -> Predictor:
    """``rules``, a model directory / id, or ``pure:DIR`` (the model without its rules)."""
    from phogov.predictor import sentence_predictor

    if spec.startswith(PURE):
        return sentence_predictor(spec[len(PURE):], pure=True)
    return sentence_predictor(spec)


def run(gold_path: str | Path, model: str, json_out: str | Path | None = None,
        card: bool = False, pure: bool = False) -> Report:
    """Evaluate ``model`` ("rules" or a model directory) on ``gold_path``; print, maybe save.

    ``card``: also store the report in the model directory and rewrite its model card.
    ``pure``: a model directory with a ``combine`` policy is scored without its rules.
    """
    spec = PURE + model if pure and not model.startswith(PURE) else model
    report = evaluate(gold_path, predictor_for(spec))
    print(format_table(report, title=f"{spec} on {gold_path}"))
    if json_out:
        out = Path(json_out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if card:
        model = model.removeprefix(PURE)
        if not (Path(model) / "phogov.json").is_file():
            raise ValueError(f"--card needs a local model directory, got {model!r}")
        from phogov.card import record_evaluation

        pure_flag = " --pure" if spec.startswith(PURE) else ""
        command = f"phogov evaluate {Path(gold_path).name} --model {Path(model).name}{pure_flag}"
        system = "model alone" if pure_flag else "as predict() runs it"
        record_evaluation(model, str(gold_path), report, command, system)
    return report


def compare(gold_path: str | Path, models: Sequence[str], names: Sequence[str] | None = None,
            json_out: str | Path | None = None) -> dict[str, Report]:
    """Evaluate several systems on the same gold file and print them side by side."""
    from phogov.eval.metrics import format_side_by_side

    if names and len(names) != len(models):
        raise ValueError(f"{len(names)} names for {len(models)} models")
    labels = list(names) if names else [Path(m).name or m for m in models]
    reports = {lab: evaluate(gold_path, predictor_for(m)) for lab, m in zip(labels, models)}
    print(f"on {gold_path}")
    print(format_side_by_side(reports))
    if json_out:
        out = Path(json_out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(reports, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return reports
