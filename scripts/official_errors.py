"""List false-negative / false-positive OFFICIAL spans (and title mismatches) with context.

Error analysis for the OFFICIAL rules: ``python scripts/official_errors.py GOLD [--label L]``.
Spans are compared exactly (start, end, label), as ``phogov evaluate`` does.
"""

from __future__ import annotations

import argparse

from phogov.eval.evaluate import group_by_doc, predictor_for
from phogov.training.gold_io import read_labelled


def _ctx(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return f"…{left}[[{text[start:end]}]]{right}…"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold")
    ap.add_argument("--label", default="OFFICIAL")
    ap.add_argument("--model", default="rules")
    ap.add_argument("--titles", action="store_true", help="also list title mismatches")
    args = ap.parse_args()
    docs = group_by_doc(read_labelled(args.gold))
    predicted = predictor_for(args.model)([[s.text for s in d] for d in docs])
    counts = {"tp": 0, "fn": 0, "fp": 0, "title": 0}
    for doc, preds in zip(docs, predicted):
        for sent, (spans, _topics) in zip(doc, preds):
            gold = {(e.start, e.end): e for e in sent.entities if e.label == args.label}
            pred = {(s.start, s.end): s for s in spans if s.label == args.label}
            where = f"{sent.doc}:{sent.sent}"
            for key in sorted(gold.keys() | pred.keys()):
                if key in gold and key in pred:
                    counts["tp"] += 1
                    g, p = gold[key].titles or [], pred[key].titles or []
                    if args.titles and g != p:
                        counts["title"] += 1
                        print(f"TITLE {where} {gold[key].text!r} gold={g} pred={p}")
                elif key in gold:
                    counts["fn"] += 1
                    print(f"FN {where} {_ctx(sent.text, *key)}  titles={gold[key].titles}")
                else:
                    counts["fp"] += 1
                    print(f"FP {where} {_ctx(sent.text, *key)}  src={pred[key].source}")
    print(counts)


if __name__ == "__main__":
    main()
