#!/usr/bin/env bash
# Issue 9's ablation: weak 2k docs / weak VNTC+corpus / + self-training / + robust loss,
# each fine-tuned from the same start with the same step budget, selected on dev gold
# only (real-news dev + seeds), then scored side by side by `phogov ablation`.
#
#   BASE        the model or backbone every row starts from (default: the bundled model)
#   STEPS       optimiser steps per head (default 990 = one epoch of the 2k-doc set)
#   BIG_WEAK    the large weak set: a `weak-label --shuffle` dir, its dataset or its
#               finished shards (default runs/weak-v2-all/shards)
# Long: about 20–30 min a row on two quiet CPU cores. OMP_NUM_THREADS=1 keeps torch from
# spinning when other processes share the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
RUNS=${RUNS:-runs}
BASE=${BASE:-data/bundled/phogov-mini}
STEPS=${STEPS:-990}
BIG_WEAK=${BIG_WEAK:-$RUNS/weak-v2-all/shards}
DEV="data/gold_real_dev.jsonl data/gold_seeds.jsonl"
COMMON="--base $BASE --dev $DEV --max-steps $STEPS --learning-rate 1e-4 --batch-size 32
        --max-length 128 --stride 64 --seed 42"
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}

step() { echo "== $*"; }

step "weak labels: the 2,168-article corpus, and VNTC train + corpus (shuffled, resumable)"
[ -d "$RUNS/weak-v2-2k/dataset" ] || \
  $BIN/phogov weak-label --input data/gov_news.jsonl.gz --out "$RUNS/weak-v2-2k" --workers 2
[ -e "$BIG_WEAK" ] || \
  $BIN/phogov weak-label --input ../shared/vntc/train.jsonl.gz data/gov_news.jsonl.gz \
    --out "$RUNS/weak-v2-all" --workers 2 --shard-size 250 --shuffle

step "row 1: weak 2k docs, cross-entropy"
[ -f "$RUNS/abl-2k-ce/phogov.json" ] || \
  $BIN/phogov train --out "$RUNS/abl-2k-ce" --weak "$RUNS/weak-v2-2k" $COMMON
step "row 2: weak VNTC + corpus, cross-entropy"
[ -f "$RUNS/abl-big-ce/phogov.json" ] || \
  $BIN/phogov train --out "$RUNS/abl-big-ce" --weak "$BIG_WEAK" $COMMON
step "row 3: + robust loss (GCE, q=0.7) on the large set"
[ -f "$RUNS/abl-big-gce/phogov.json" ] || \
  $BIN/phogov train --out "$RUNS/abl-big-gce" --weak "$BIG_WEAK" $COMMON --loss gce
step "row 4: + self-training (BOND), one round from the row-2 teacher"
[ -f "$RUNS/abl-big-st/model/phogov.json" ] || \
  $BIN/phogov self-train --out "$RUNS/abl-big-st" --teacher "$RUNS/abl-big-ce" \
    --weak "$BIG_WEAK" $COMMON --rounds 1 --confidence 0.9 --unlabelled-samples 30000

step "the table (pure models: no rules at inference)"
$BIN/phogov ablation rules=rules "weak 2k=pure:$RUNS/abl-2k-ce" \
  "weak VNTC+corpus=pure:$RUNS/abl-big-ce" "+ GCE=pure:$RUNS/abl-big-gce" \
  "+ self-training=pure:$RUNS/abl-big-st/model" --json "$RUNS/ablation.json"
