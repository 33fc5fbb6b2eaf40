"""List false negatives and false positives of one entity label against a gold file.

Error analysis for rule work: for each sentence where the system and the gold
disagree on ``--label`` spans, print the missed gold spans (FN) and the wrong
predictions (FP) with some context, so errors can be grouped into classes.

    python scripts/entity_errors.py data/gold_real_dev.jsonl --label ORG [--model rules]
"""

from __future__ import annotations

import argparse

from phogov.eval.evaluate import group_by_doc, predictor_for
from phogov.training.gold_io import read_labelled


def _ctx(text: str, start: int, end: int, width: int) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return f"…{left}[{text[start:end]}]{right}…"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--label", default="ORG")
    ap.add_argument("--model", default="rules")
    ap.add_argument("--width", type=int, default=40)
    args = ap.parse_args()

    gold = read_labelled(args.gold)
    docs = group_by_doc(gold)
    predicted = predictor_for(args.model)([[s.text for s in doc] for doc in docs])
    n_fn = n_fp = 0
    for doc_sents, doc_pred in zip(docs, predicted):
        for sent, (spans, _topics) in zip(doc_sents, doc_pred):
            g = {(e.start, e.end) for e in sent.entities if e.label == args.label}
            p = {(s.start, s.end) for s in spans if s.label == args.label}
            src = {(s.start, s.end): s.source for s in spans if s.label == args.label}
            for a, b in sorted(g - p):
                n_fn += 1
                print(f"FN {sent.doc}:{sent.sent}  {_ctx(sent.text, a, b, args.width)}")
            for a, b in sorted(p - g):
                n_fp += 1
                print(f"FP {sent.doc}:{sent.sent}  {src[(a, b)]}  "
                      f"{_ctx(sent.text, a, b, args.width)}")
    print(f"# {n_fn} FN, {n_fp} FP")


if __name__ == "__main__":
    main()
