"""Scores for entities, topics, values and titles against gold (no torch).

Entities are scored strictly (exact span and label) in two independent ways:
seqeval over the fixed syllable tokenisation (``phogov.text.syllable_spans``,
the same for every system, so rules and models are comparable) and exact
character-span matching. They agree whenever every boundary falls on a
syllable boundary; when they do not (say a predicted span ends inside
``234.000``), the character figures are reported, because a span that cuts a
syllable is not the gold span, and the text table says so in a
``crosscheck`` note (the JSON shape stays fixed for the tools that read it).

Conventions: precision with no predictions, recall with no gold, and F1 with
P + R == 0 are 0.0 (seqeval's ``zero_division=0``); macro averages take all six
topics, including any with no gold and no predictions. values/titles accuracy
is over true positives (exact char span + label) whose gold carries
values/titles; with no such true positive the accuracy is reported as 0.0 and
the support (0) tells the reader it is empty. A predicted ``titles`` of None
counts as ``[]`` (as ``Span.to_dict`` writes it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Protocol

from phogov.spans import spans_to_tags
from phogov.text import syllable_spans
from phogov.types import ENTITY_LABELS, TOPIC_LABELS, Span

VALUE_REL_TOL = 1e-9
METRIC_KEYS = ("precision", "recall", "f1", "support")


class SentenceLike(Protocol):
    text: str
    entities: list[Span]
    topics: list[str]


Prediction = tuple[Sequence[Span], Sequence[str]]


class Report(dict):
    """The report dict; ``notes`` (cross-check remarks) go to the text table, not to JSON."""

    def __init__(self, *args: Any, notes: list[str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.notes: list[str] = list(notes or [])


def prf(tp: int, n_pred: int, n_true: int) -> dict[str, float | int]:
    """Precision/recall/F1/support from counts (0.0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_true if n_true else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "support": n_true}


# --------------------------------------------------------------------------- entities


def _tags(text: str, spans: Sequence[Span], syllables: list[tuple[int, int]] | None = None):
    """IOB2 tags over the fixed syllables: a syllable is inside a span when its start is
    (``phogov.spans`` alignment ``"start"``); of overlapping predictions the earlier keeps it."""
    sylls = syllable_spans(text) if syllables is None else syllables
    return spans_to_tags(
        sylls, [(s.start, s.end, s.label) for s in spans], alignment="start", keep_first=True
    )


def _seqeval_entities(
    gold: Sequence[SentenceLike], pred_spans: Sequence[Sequence[Span]]
) -> dict[str, dict[str, float | int]]:
    # seqeval's strict mode: what classification_report(mode="strict", scheme=IOB2) runs.
    from seqeval.metrics.v1 import precision_recall_fscore_support
    from seqeval.scheme import IOB2

    y_true, y_pred = [], []
    for sentence, spans in zip(gold, pred_spans):
        sylls = syllable_spans(sentence.text)
        y_true.append(_tags(sentence.text, sentence.entities, sylls))
        y_pred.append(_tags(sentence.text, spans, sylls))
    present = sorted(
        {t[2:] for seq in y_true + y_pred for t in seq if t != "O"}
    )
    out = {label: prf(0, 0, 0) for label in ENTITY_LABELS}
    out["micro"] = prf(0, 0, 0)
    if not present:
        return out
    kw = {"scheme": IOB2, "zero_division": 0}
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, average=None, **kw)
    for k, label in enumerate(present):
        out[label] = {
            "precision": float(p[k]), "recall": float(r[k]), "f1": float(f[k]),
            "support": int(s[k]),
        }
    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average="micro", **kw)
    support = sum(out[label]["support"] for label in ENTITY_LABELS)
    out["micro"] = {"precision": float(p), "recall": float(r), "f1": float(f), "support": support}
    return out


def _char_entities(
    gold: Sequence[SentenceLike], pred_spans: Sequence[Sequence[Span]]
) -> tuple[dict[str, dict[str, float | int]], list[tuple[int, Span, Span]]]:
    """Exact char-span scores, and the true positives as (sentence index, gold, pred)."""
    counts = {label: [0, 0, 0] for label in ENTITY_LABELS}  # tp, pred, true
    tps: list[tuple[int, Span, Span]] = []
    for i, (sentence, spans) in enumerate(zip(gold, pred_spans)):
        gold_by_key = {(s.start, s.end, s.label): s for s in sentence.entities}
        pred_by_key: dict[tuple[int, int, str], Span] = {}
        for s in spans:
            pred_by_key.setdefault((s.start, s.end, s.label), s)
        for (_a, _b, label), g in gold_by_key.items():
            counts[label][2] += 1
            if (g.start, g.end, label) in pred_by_key:
                counts[label][0] += 1
                tps.append((i, g, pred_by_key[(g.start, g.end, label)]))
        for _a, _b, label in pred_by_key:
            counts[label][1] += 1
    out = {label: prf(*counts[label]) for label in ENTITY_LABELS}
    out["micro"] = prf(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return out, tps


def _same_scores(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(
        a[key]["support"] == b[key]["support"]
        and all(math.isclose(a[key][m], b[key][m], abs_tol=1e-12) for m in METRIC_KEYS[:3])
        for key in a
    )


# --------------------------------------------------------------------------- topics


def _topics(gold: Sequence[SentenceLike], pred_topics: Sequence[Sequence[str]]):
    counts = {label: [0, 0, 0] for label in TOPIC_LABELS}
    for sentence, topics in zip(gold, pred_topics):
        g, p = set(sentence.topics), set(topics)
        for label in TOPIC_LABELS:
            counts[label][0] += label in g and label in p
            counts[label][1] += label in p
            counts[label][2] += label in g
    out: dict[str, dict[str, float | int]] = {label: prf(*counts[label]) for label in TOPIC_LABELS}
    out["micro"] = prf(*(sum(c[k] for c in counts.values()) for k in range(3)))
    out["macro"] = {
        m: sum(out[label][m] for label in TOPIC_LABELS) / len(TOPIC_LABELS)
        for m in METRIC_KEYS[:3]
    }
    out["macro"]["support"] = out["micro"]["support"]
    return out


# --------------------------------------------------------------------------- values / titles


def values_match(gold: Span, pred: Span) -> bool:
    """Same number of values, each equal within 1e-9 relative; MONEY also needs the same unit."""
    gv, pv = gold.values or [], pred.values or []
    if len(gv) != len(pv) or not all(
        math.isclose(a, b, rel_tol=VALUE_REL_TOL) for a, b in zip(gv, pv)
    ):
        return False
    return gold.label != "MONEY" or gold.unit == pred.unit


def _values_and_titles(tps: list[tuple[int, Span, Span]]) -> tuple[dict, dict]:
    v_ok = v_n = t_ok = t_n = 0
    for _i, g, p in tps:
        if g.label in ("MONEY", "PERCENT") and g.values is not None:
            v_n += 1
            v_ok += values_match(g, p)
        elif g.label == "OFFICIAL" and g.titles is not None:
            t_n += 1
            t_ok += list(g.titles) == list(p.titles or [])
    return (
        {"accuracy": v_ok / v_n if v_n else 0.0, "support": v_n},
        {"accuracy": t_ok / t_n if t_n else 0.0, "support": t_n},
    )


# --------------------------------------------------------------------------- report


def compute_report(
    gold: Sequence[SentenceLike], predictions: Sequence[Prediction]
) -> Report:
    """Score predictions (one ``(spans, topics)`` per gold sentence, same order)."""
    if len(gold) != len(predictions):
        raise ValueError(f"{len(predictions)} predictions for {len(gold)} gold sentences")
    pred_spans = [list(spans) for spans, _ in predictions]
    pred_topics = [list(topics) for _, topics in predictions]
    for i, (spans, topics) in enumerate(zip(pred_spans, pred_topics)):
        for s in spans:
            if s.label not in ENTITY_LABELS:
                raise ValueError(f"sentence {i}: unknown predicted entity label {s.label!r}")
        for t in topics:
            if t not in TOPIC_LABELS:
                raise ValueError(f"sentence {i}: unknown predicted topic {t!r}")

    char_scores, tps = _char_entities(gold, pred_spans)
    seq_scores = _seqeval_entities(gold, pred_spans)
    notes: list[str] = []
    if _same_scores(seq_scores, char_scores):
        entities = seq_scores
    else:
        entities = char_scores
        notes.append(_crosscheck_note(gold, pred_spans, seq_scores, char_scores))
    values, titles = _values_and_titles(tps)
    return Report(
        {
            "sentences": len(gold),
            "entities": {key: entities[key] for key in (*ENTITY_LABELS, "micro")},
            "topics": _topics(gold, pred_topics),
            "values": values,
            "titles": titles,
        },
        notes=notes,
    )


def _crosscheck_note(gold, pred_spans, seq_scores, char_scores) -> str:
    """Explain a seqeval/char disagreement: which labels, and spans cutting a syllable."""
    labels = [
        key for key in (*ENTITY_LABELS, "micro")
        if not _same_scores({key: seq_scores[key]}, {key: char_scores[key]})
    ]
    examples: list[str] = []
    for sentence, spans in zip(gold, pred_spans):
        sylls = syllable_spans(sentence.text)
        starts, ends = {a for a, _ in sylls}, {b for _, b in sylls}
        for who, group in (("gold", sentence.entities), ("pred", spans)):
            for s in group:
                if s.start not in starts or s.end not in ends:
                    examples.append(f"{who} {s.label} {s.text!r}")
    shown = "; ".join(examples[:5]) + (f"; … {len(examples) - 5} more" if len(examples) > 5 else "")
    figs = ", ".join(
        f"{k} F1 seqeval {seq_scores[k]['f1']:.3f} vs char {char_scores[k]['f1']:.3f}"
        for k in labels
    )
    return (
        "crosscheck: seqeval (syllables) and exact char-span scores disagree; char-span figures "
        f"reported. {figs}." + (f" Spans not on syllable boundaries: {shown}" if examples else "")
    )


# --------------------------------------------------------------------------- tables


def _rows(report: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(section, name, metrics) for every line of a table, in a fixed order."""
    rows = [("entities", k, report["entities"][k]) for k in (*ENTITY_LABELS, "micro")]
    rows += [("topics", k, report["topics"][k]) for k in (*TOPIC_LABELS, "micro", "macro")]
    rows += [("values", "accuracy", report["values"]), ("titles", "accuracy", report["titles"])]
    return rows


def _cell(metrics: dict[str, Any], with_support: bool = False) -> str:
    if "accuracy" in metrics:
        acc = f"{metrics['accuracy']:.3f}"
        return f"{acc} of {metrics['support']}" if with_support else acc
    return f"{metrics['precision']:>6.3f} {metrics['recall']:>6.3f} {metrics['f1']:>6.3f}"


def format_table(report: dict[str, Any], title: str | None = None) -> str:
    """A readable table: P / R / F1 / support per label; values and titles accuracy over TPs."""
    lines = [title] if title else []
    lines.append(f"{report['sentences']} sentences")
    section = None
    for sec, name, metrics in _rows(report):
        if sec in ("values", "titles"):
            continue
        if sec != section:
            section = sec
            lines += ["", f"{sec:<22} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]
        lines.append(f"  {name:<20} {_cell(metrics)} {metrics['support']:>8}")
    lines.append("")
    for sec in ("values", "titles"):
        m = report[sec]
        lines.append(
            f"{sec + ' accuracy':<22} {m['accuracy']:>6.3f}   "
            f"(over {m['support']} true-positive spans)"
        )
    for note in getattr(report, "notes", []):
        lines += ["", note]
    return "\n".join(lines)


def format_side_by_side(reports: dict[str, dict[str, Any]]) -> str:
    """Compare systems: one column per named report (P R F1; accuracy of n true positives)."""
    if not reports:
        return ""
    names = list(reports)
    width = 20
    first = reports[names[0]]
    rows = {n: _rows(r) for n, r in reports.items()}
    lines = [
        f"{'':<22} {'support':>8} " + " | ".join(f"{n[:width]:^{width}}" for n in names),
        f"{'':<22} {'':>8} " + " | ".join(f"{'P      R      F1':^{width}}" for _ in names),
    ]
    section = None
    for idx, (sec, name, metrics) in enumerate(rows[names[0]]):
        if sec != section:
            section = sec
            lines.append(sec)
        accuracy = sec in ("values", "titles")
        cells = [f"{_cell(rows[n][idx][2], accuracy):^{width}}" for n in names]
        support = "" if accuracy else str(metrics["support"])
        lines.append(f"  {name:<20} {support:>8} " + " | ".join(cells))
    sentences = [r["sentences"] for r in reports.values()]
    if len(set(sentences)) > 1:
        lines.append("WARNING: the reports cover different sentence counts: "
                     + ", ".join(f"{n}={k}" for n, k in zip(names, sentences)))
    else:
        lines.append(f"sentences: {first['sentences']}")
    for n in names:
        for note in getattr(reports[n], "notes", []):
            lines.append(f"[{n}] {note}")
    return "\n".join(lines)
