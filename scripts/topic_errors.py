"""Per-sentence gold vs rule topics on a gold file, with the cues that fired (error analysis).

    python scripts/topic_errors.py data/gold_real_dev.jsonl [--all] [--topic PARTY]
"""

from __future__ import annotations

import argparse

from phogov.eval.evaluate import group_by_doc
from phogov.normalize import normalize
from phogov.rules import topics
from phogov.training.gold_io import read_labelled


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold")
    ap.add_argument("--all", action="store_true", help="also list sentences that agree")
    ap.add_argument("--topic", help="only sentences where this topic is missed or extra")
    ns = ap.parse_args()
    for doc in group_by_doc(read_labelled(ns.gold)):
        texts = [normalize(s.text).text for s in doc]
        for s, text, pred in zip(doc, texts, topics.topics_per_sentence(texts)):
            gold = set(s.topics)
            miss, extra = gold - set(pred), set(pred) - gold
            if ns.topic and ns.topic not in miss | extra:
                continue
            if not (miss or extra or ns.all):
                continue
            cues = {t: [c.pattern[:30] for c, _ in topics._evidence(t, text)]
                    for t in topics.TOPIC_LABELS}
            fired = "; ".join(f"{t}:{'|'.join(c)}" for t, c in cues.items() if c)
            print(f"{s.doc}:{s.sent} gold={sorted(gold)} pred={pred} "
                  f"miss={sorted(miss)} extra={sorted(extra)}")
            print(f"    {s.text[:300]}")
            print(f"    cues: {fired}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
