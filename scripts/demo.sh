#!/usr/bin/env bash
# The main job: weak-label the seeds and the corpus, then score the rules on the seeds gold.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
RUNS=${RUNS:-runs}
mkdir -p "$RUNS"

echo "== 1. weak labels: seeds + corpus (2,168 articles)"
$BIN/phogov weak-label --input seeds data/gov_news.jsonl.gz --out "$RUNS/weak"

echo "== 2. rules on the seeds gold"
$BIN/phogov evaluate data/gold_seeds.jsonl --model rules --json "$RUNS/eval_rules.json"

echo "== 3. predictions for one seed article (rules)"
$BIN/phogov predict --file seeds/000_bd22f8c3fb878b07.txt --model rules
