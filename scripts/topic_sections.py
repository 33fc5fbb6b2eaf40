"""A recall proxy for the topic rules without gold: the share of each rule topic among the
sentences of 25 VNTC-train articles per section (gold articles left out), and a sample of
the sentences no topic fired on, to read for missing classes.

Run from the repo root: ``.venv/bin/python scripts/topic_sections.py [--show SECTION]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from collections import Counter, defaultdict

from phogov.rules.topics import topics_per_sentence
from phogov.text import sentences
from phogov.types import TOPIC_LABELS


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--show", default=None, help="print 40 untagged sentences of this section")
    ns = ap.parse_args()
    gold_ids = set()
    for f in ("data/gold_real_dev_SOURCES.md", "data/gold_heldout_SOURCES.md",
              "data/gold_dev2_SOURCES.md"):
        text = open(f, encoding="utf-8").read()
        for m in re.finditer(r"Train_Full/([^/`]+)/([^`]+)\.txt", text):
            gold_ids.add(f"vntc/{m.group(1)}/{m.group(2)}")
    by_section = defaultdict(list)
    for line in gzip.open("../shared/vntc/train.jsonl.gz", "rt", encoding="utf-8"):
        row = json.loads(line)
        if row["id"] not in gold_ids:
            by_section[row["label"]].append(row)
    rng = random.Random(7)
    for section, rows in sorted(by_section.items()):
        counts: Counter[str] = Counter()
        untagged: list[str] = []
        n = 0
        for row in rng.sample(rows, 25):
            sents = [s.text for s in sentences(row["text"])]
            for sent, topics in zip(sents, topics_per_sentence(sents)):
                n += 1
                counts.update(topics)
                if not topics:
                    untagged.append(sent)
        shares = " ".join(f"{t}={counts[t] / n:.2f}" for t in TOPIC_LABELS)
        print(f"{section:22s} n={n:4d} {shares} none={len(untagged) / n:.2f}")
        if ns.show == section:
            for sent in random.Random(1).sample(untagged, min(40, len(untagged))):
                print("  -", sent[:170])


if __name__ == "__main__":
    main()
