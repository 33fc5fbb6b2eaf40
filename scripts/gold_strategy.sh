#!/usr/bin/env bash
# Which way of adding gold labels to the weak data works better: mixed in (repeated) or a
# final gold-only pass? Gold seed documents 000-002 are trained on, 003-004 are dev and test
# for both runs, so the two differ only in the strategy.
# Both runs pick their best checkpoint on the same gold dev, so the comparison is fair but
# optimistic; entities only (--no-topics). SEED=… repeats it with another seed.
#   usage: [SAMPLES=8000] [SEED=42] scripts/gold_strategy.sh BASE WEAK_DATASET [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=$1
WEAK=$2
OUT=${3:-runs/gold-strategy}
BIN=.venv/bin
SAMPLES=${SAMPLES:-8000}
SEED=${SEED:-42}
mkdir -p "$OUT"
grep -E '"doc": "00[012]_' data/gold_seeds.jsonl > "$OUT/gold_train.jsonl"
grep -E '"doc": "00[34]_' data/gold_seeds.jsonl > "$OUT/gold_test.jsonl"
for strategy in mix then; do
  $BIN/phogov train --base "$BASE" --weak "$WEAK" --gold "$OUT/gold_train.jsonl" \
    --dev "$OUT/gold_test.jsonl" --gold-strategy "$strategy" --out "$OUT/$strategy" \
    --max-train-samples "$SAMPLES" --epochs 1 --gold-epochs 3 --learning-rate 3e-4 \
    --max-length 128 --stride 64 --no-topics --seed "$SEED"
done
$BIN/phogov compare "$OUT/gold_test.jsonl" --models rules "$OUT/mix" "$OUT/then" \
  --names rules mix then --json "$OUT/compare.json"
