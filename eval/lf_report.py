"""``phogov lf-report``: what each labelling function contributes, measured against gold.

Weak supervision is only as good as its labelling functions, and a single
entity F1 hides which of them helps and which hurts. Following Snorkel's
``LFAnalysis`` and skweak's LF summaries, this reports per function (the full
``Span.source`` name, e.g. ``orgs.head_noun``) and per family (the part before
the first dot):

* labels it emits; coverage: spans emitted and gold sentences touched;
* overlaps: its spans that share a character with a span of another function
  (another family, for the family rows), and conflicts: those overlapping one
  with a different label or different boundaries;
* precision / recall / F1 against the gold by exact span and label, and
  partial precision / recall (any character overlap, same label); recall is over
  the gold entities of the labels the function emits;
* ``lost``: its exactly-right spans that the aggregator dropped.

Then the union of all candidates (the recall ceiling of any aggregator) and the
aggregated output, overall and per label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from phogov.eval.metrics import prf
from phogov.types import ENTITY_LABELS, Span


@dataclass
class LFSentence:
    """One gold sentence with the candidates and the aggregated spans (raw sentence offsets)."""

    gold: list[Span]
    candidates: list[Span]
    aggregated: list[Span] = field(default_factory=list)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _key(s: Span) -> tuple[int, int, str]:
    return (s.start, s.end, s.label)


def _family(source: str) -> str:
    return source.split(".", 1)[0]


def _group_stats(
    sentences: Sequence[LFSentence], group_of: Any
) -> dict[str, dict[str, Any]]:
    """Per group (a function name or a family): coverage, overlaps, conflicts, scores."""
    acc: dict[str, dict[str, Any]] = {}
    gold_by_label = Counter(g.label for s in sentences for g in s.gold)
    for idx, sent in enumerate(sentences):
        gold_keys = {_key(g) for g in sent.gold}
        agg_keys = {_key(a) for a in sent.aggregated}
        for span in sent.candidates:
            name = group_of(span.source or "?")
            st = acc.setdefault(name, {
                "labels": Counter(), "spans": 0, "sentences": set(), "overlaps": 0,
                "conflicts": 0, "tp": 0, "partial_tp": 0, "gold_hit": set(),
                "partial_gold_hit": set(), "lost": 0,
            })
            st["labels"][span.label] += 1
            st["spans"] += 1
            st["sentences"].add(idx)
            others = [o for o in sent.candidates
                      if group_of(o.source or "?") != name and _overlap(span, o)]
            if others:
                st["overlaps"] += 1
                if any(_key(o) != _key(span) for o in others):
                    st["conflicts"] += 1
            if _key(span) in gold_keys:
                st["tp"] += 1
                st["gold_hit"].add((idx, _key(span)))
                if _key(span) not in agg_keys:
                    st["lost"] += 1
            partial = [g for g in sent.gold if g.label == span.label and _overlap(span, g)]
            if partial:
                st["partial_tp"] += 1
                st["partial_gold_hit"].update((idx, _key(g)) for g in partial)
    out: dict[str, dict[str, Any]] = {}
    n_sent = len(sentences)
    for name in sorted(acc):
        st = acc[name]
        n_gold = sum(gold_by_label[lab] for lab in st["labels"])
        exact = _refit_f1({
            "precision": st["tp"] / st["spans"] if st["spans"] else 0.0,
            "recall": len(st["gold_hit"]) / n_gold if n_gold else 0.0,
            "support": n_gold,
        })
        partial = _refit_f1({
            "precision": st["partial_tp"] / st["spans"] if st["spans"] else 0.0,
            "recall": len(st["partial_gold_hit"]) / n_gold if n_gold else 0.0,
            "support": n_gold,
        })
        out[name] = {
            "labels": dict(sorted(st["labels"].items())),
            "spans": st["spans"],
            "sentences": len(st["sentences"]),
            "coverage": len(st["sentences"]) / n_sent if n_sent else 0.0,
            "overlaps": st["overlaps"],
            "conflicts": st["conflicts"],
            "exact": exact,
            "partial": partial,
            "lost": st["lost"],
        }
    return out


def _refit_f1(m: dict[str, Any]) -> dict[str, Any]:
    p, r = m["precision"], m["recall"]
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "support": m["support"]}


def _system_scores(sentences: Sequence[LFSentence], attr: str) -> dict[str, Any]:
    """Exact and partial P/R/F1 of a whole system (``candidates`` or ``aggregated``), per label."""
    out: dict[str, Any] = {}
    for label in (*ENTITY_LABELS, "micro"):
        def keep(s: Span, label: str = label) -> bool:
            return label == "micro" or s.label == label

        tp = n_pred = n_gold = p_tp = p_hit = 0
        for sent in sentences:
            preds = list({_key(s): s for s in getattr(sent, attr) if keep(s)}.values())
            gold = [g for g in sent.gold if keep(g)]
            pred_keys = {_key(s) for s in preds}
            gold_keys = {_key(g) for g in gold}
            n_pred += len(pred_keys)
            n_gold += len(gold_keys)
            tp += len(pred_keys & gold_keys)
            p_tp += sum(any(g.label == s.label and _overlap(s, g) for g in gold) for s in preds)
            p_hit += sum(any(g.label == s.label and _overlap(s, g) for s in preds) for g in gold)
        partial = _refit_f1({"precision": p_tp / n_pred if n_pred else 0.0,
                             "recall": p_hit / n_gold if n_gold else 0.0, "support": n_gold})
        out[label] = {"exact": prf(tp, n_pred, n_gold), "partial": partial, "spans": n_pred}
    return out


def compute(sentences: Sequence[LFSentence], aggregator: str = "priority") -> dict[str, Any]:
    """The LF report as a JSON-ready dict (see the module docstring for the definitions)."""
    return {
        "sentences": len(sentences),
        "gold_entities": sum(len(s.gold) for s in sentences),
        "aggregator": aggregator,
        "functions": _group_stats(sentences, lambda src: src),
        "families": _group_stats(sentences, _family),
        "candidates": _system_scores(sentences, "candidates"),
        "aggregated": _system_scores(sentences, "aggregated"),
    }


# --------------------------------------------------------------------------- running the rules


def collect(gold_paths: Sequence[str | Path], aggregator: str | None = None) -> list[LFSentence]:
    """Run the labelling functions on gold sentences as ``evaluate`` does (doc memory kept).

    Each gold sentence is normalised and split like ``predict`` input; the
    candidates and the aggregated spans are mapped back to raw sentence offsets.
    """
    from phogov.eval.evaluate import group_by_doc
    from phogov.rules.aggregate import document_candidates, get_aggregator
    from phogov.text import sentences as split
    from phogov.training.gold_io import read_labelled

    agg = get_aggregator(aggregator)
    out: list[LFSentence] = []
    for path in gold_paths:
        for doc in group_by_doc(read_labelled(path)):
            parts = [(k, part) for k, g in enumerate(doc) for part in split(g.text, "pyvi")]
            found = document_candidates([part.text for _k, part in parts])
            chosen = agg(found)
            per = [LFSentence(list(g.entities), []) for g in doc]
            for (k, part), cands, kept in zip(parts, found, chosen):
                per[k].candidates.extend(part.span_to_raw(s) for s in cands)
                per[k].aggregated.extend(part.span_to_raw(s) for s in kept)
            out.extend(per)
    return out


def run(gold_paths: Sequence[str | Path], aggregator: str | None = None) -> dict[str, Any]:
    """Collect and compute; ``gold`` lists the files the report is over."""
    from phogov.rules.aggregate import current_aggregator

    name = aggregator or current_aggregator()
    report = compute(collect(gold_paths, name), name)
    report["gold"] = [str(p) for p in gold_paths]
    if name == "label_model":
        from phogov.rules.label_model import bundled_label_model

        model = bundled_label_model()
        for fn, row in report["functions"].items():
            row["label_model_accuracy"] = model.accuracy_of(fn)
    return report


# --------------------------------------------------------------------------- text table


def _prf_cells(m: dict[str, Any]) -> str:
    return f"{m['precision']:>5.3f} {m['recall']:>5.3f} {m['f1']:>5.3f}"


def format_report(report: dict[str, Any]) -> str:
    """The report as a table: one row per function, family totals, then the systems."""
    head = (f"{'labelling function':<28} {'labels':<18} {'spans':>5} {'sents':>5} {'cov':>5} "
            f"{'ovl':>4} {'conf':>4} {'P':>5} {'R':>5} {'F1':>5} {'pP':>5} {'pR':>5} "
            f"{'lost':>4}" + ("   acc" if report["aggregator"] == "label_model" else ""))
    lines = []
    if report.get("gold"):
        lines.append("gold: " + ", ".join(report["gold"]))
    lines += [f"{report['sentences']} sentences, {report['gold_entities']} gold entities; "
              f"aggregator: {report['aggregator']}", "", head, "-" * len(head)]

    def row(name: str, st: dict[str, Any]) -> str:
        labels = ",".join(f"{k}" if len(st["labels"]) == 1 else f"{k}:{v}"
                          for k, v in st["labels"].items())
        return (f"{name:<28} {labels[:18]:<18} {st['spans']:>5} {st['sentences']:>5} "
                f"{st['coverage']:>5.1%} {st['overlaps']:>4} {st['conflicts']:>4} "
                f"{_prf_cells(st['exact'])} {st['partial']['precision']:>5.3f} "
                f"{st['partial']['recall']:>5.3f} {st['lost']:>4}"
                + (f" {st['label_model_accuracy']:>5.3f}" if "label_model_accuracy" in st else ""))

    functions, families = report["functions"], report["families"]
    for fam in sorted(families):
        members = [f for f in functions if _family(f) == fam]
        if members != [fam]:
            for f in members:
                lines.append(row("  " + f, functions[f]))
        if members == [fam]:  # a family that is one function: one row
            lines.append(row(fam, functions[fam]))
        else:
            lines.append(row(fam + " (family)", families[fam]))
    lines += ["", f"{'system':<28} {'spans':>5} {'P':>5} {'R':>5} {'F1':>5} "
                  f"{'pP':>5} {'pR':>5} {'pF1':>5} {'support':>7}"]
    for system in ("candidates", "aggregated"):
        for label in ("micro", *ENTITY_LABELS):
            m = report[system][label]
            name = f"{system} {label}" if label != "micro" else system
            lines.append(f"{name:<28} {m['spans']:>5} {_prf_cells(m['exact'])} "
                         f"{_prf_cells(m['partial'])} {m['exact']['support']:>7}")
    lines += ["", "cov = share of sentences touched; ovl/conf = spans overlapping another "
              "function's span / of those, with a different label or boundaries;",
              "P R F1 exact span+label (R over gold of the labels emitted); pP pR partial "
              "(any overlap, same label); lost = exact hits the aggregator dropped"
              + ("; acc = the label model's accuracy for the function." if
                 report["aggregator"] == "label_model" else ".")]
    return "\n".join(lines)
