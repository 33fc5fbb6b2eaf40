#!/usr/bin/env bash
# Issue 9's ablation: weak 2k docs / weak 4.5k docs (a shuffled sample) / weak 33k docs /
# + robust loss / + self-training. Every row starts from phogov-mini v1 with the same
# recipe and step budget, is selected on the dev golds only (real-news dev + seeds), and
# `phogov ablation` scores them side by side on the real-news dev gold and the held-out gold.
#
#   V1     phogov-mini v1 (default: extracted from git, the commit before v2 replaced it)
#   STEPS  optimiser steps per head (default 990 = one epoch of the 2k-doc set)
# Long: 4–25 min a row on two CPU cores depending on load. OMP_NUM_THREADS=1 keeps torch
# from spinning when other processes share the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
RUNS=${RUNS:-runs}
V1=${V1:-$RUNS/v1/phogov-mini}
STEPS=${STEPS:-990}
DEV="data/gold_real_dev.jsonl data/gold_seeds.jsonl"
COMMON="--dev $DEV --max-steps $STEPS --learning-rate 1e-4 --batch-size 32
        --max-length 128 --stride 64 --seed 42"
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}

step() { echo "== $*"; }

if [ ! -f "$V1/phogov.json" ]; then
  step "phogov-mini v1 from git"
  mkdir -p "$RUNS/v1"
  git archive "$(git log --format=%h -1 --grep='^phogov-mini v2' -- data/bundled)~1" \
    data/bundled/phogov-mini | tar -x -C "$RUNS/v1"
  mv "$RUNS/v1/data/bundled/phogov-mini" "$V1" && rm -rf "$RUNS/v1/data"
fi

step "weak labels: the 2,168-article corpus; VNTC train + corpus (shuffled, resumable)"
[ -d "$RUNS/weak-v2-2k/dataset" ] || \
  $BIN/phogov weak-label --input data/gov_news.jsonl.gz --out "$RUNS/weak-v2-2k" --workers 2
[ -d "$RUNS/weak-v2-all/dataset" ] || \
  $BIN/phogov weak-label --input ../shared/vntc/train.jsonl.gz data/gov_news.jsonl.gz \
    --out "$RUNS/weak-v2-all" --workers 2 --shard-size 250 --shuffle
S18="$RUNS/weak-v2-all-first18"  # the first 18 shards: 4,500 articles of all sections
if [ ! -d "$S18" ]; then
  mkdir -p "$S18"
  for k in $(seq -f %05g 0 17); do ln -s "$PWD/$RUNS/weak-v2-all/shards/$k.parquet" "$S18/"; done
fi

train() { local out=$1; shift; [ -f "$out/phogov.json" ] || $BIN/phogov train --out "$out" "$@"; }
step "rows: weak 2k / 4.5k / 33k docs (cross-entropy), 2k + GCE"
train "$RUNS/abl-2k-ce" --weak "$RUNS/weak-v2-2k" --base "$V1" $COMMON
train "$RUNS/abl-big-ce" --weak "$S18" --base "$V1" $COMMON
train "$RUNS/abl-all-ce" --weak "$RUNS/weak-v2-all" --base "$V1" $COMMON
train "$RUNS/abl-2k-gce" --weak "$RUNS/weak-v2-2k" --base "$V1" $COMMON --loss gce --no-topics
step "row: 33k docs with three times the steps (the shipped entity head)"
train "$RUNS/abl-all-ce-3k" --weak "$RUNS/weak-v2-all" --base "$V1" $COMMON --no-topics \
  --max-steps 3000
step "rows: + self-training (BOND), one round from the 2k and the 4.5k teachers"
for t in 2k big; do
  weak=$RUNS/weak-v2-2k; [ $t = big ] && weak=$RUNS/weak-v2-all/shards
  [ -f "$RUNS/abl-$t-st/self_training.json" ] || \
    $BIN/phogov self-train --out "$RUNS/abl-$t-st" --teacher "$RUNS/abl-$t-ce" \
      --base "$RUNS/abl-$t-ce" --weak "$weak" --dev $DEV --max-steps 625 --learning-rate 1e-4 \
      --batch-size 32 --max-length 128 --stride 64 --rounds 1 --confidence 0.9 \
      --unlabelled-samples 20000 --no-topics
done

step "the tables (pure models: no rules at inference)"
ROWS=(rules=rules "weak 2k docs=pure:$RUNS/abl-2k-ce" "weak 4.5k docs=pure:$RUNS/abl-big-ce"
      "weak 33k docs=pure:$RUNS/abl-all-ce" "33k docs, 3000 steps=pure:$RUNS/abl-all-ce-3k"
      "2k + GCE=pure:$RUNS/abl-2k-gce"
      "2k + self-training=pure:$RUNS/abl-2k-st/model"
      "4.5k + self-training (round 1)=pure:$RUNS/abl-big-st/round1")
$BIN/phogov ablation "${ROWS[@]}" --json "$RUNS/ablation-dev.json"
$BIN/phogov ablation "${ROWS[@]}" --dev data/gold_heldout.jsonl --json "$RUNS/ablation-heldout.json"
