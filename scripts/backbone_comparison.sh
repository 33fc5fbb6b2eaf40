#!/usr/bin/env bash
# Issue 14's comparison: masked LM (the v1 recipe) vs ELECTRA at the same size (4 layers,
# 256 hidden), under one CPU budget, the same text, tokenizer and seed; each backbone then
# fine-tuned identically on the same weak labels with two seeds, scored pure (no rules) on
# the real-news dev, seeds and held-out golds; and train-topics on the VNTC sample beside
# a TF-IDF + LinearSVC baseline on the same split.
#
#   BUDGET        training CPU minutes per backbone (default 55)
#   MLM_STEPS     optimiser steps that fit BUDGET for MLM (default 1750: 0.53 steps/s
#   ELECTRA_STEPS and 0.43 steps/s measured with OMP_NUM_THREADS=1 on the 2-core machine;
#                 the learning rate decays to zero at the last step)
#   FT_STEPS      fine-tuning steps per head (default 800)
# Runs are resumable: rerun the script after an interruption.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
RUNS=${RUNS:-runs}
BUDGET=${BUDGET:-55}
MLM_STEPS=${MLM_STEPS:-1750}
ELECTRA_STEPS=${ELECTRA_STEPS:-1400}
FT_STEPS=${FT_STEPS:-800}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}

# the same text for both: VNTC train + the corpus, deduplicated, every bundled gold and
# VNTC dev left out (the default corpus); the first run segments it and learns the BPE
# vocabulary, the others reuse both (--tokenizer-from, the copied segmentation)
COMMON="--layers 4 --hidden 256 --heads 4 --vocab-size 12000 --max-seq-len 128 --batch-size 32
        --lr 7e-4 --save-steps 250 --seed 42 --max-cpu-minutes $BUDGET
        --resume-from-checkpoint last"
pretrain() {  # objective out steps
  local out=$RUNS/$2
  if [ "$2" != pt-mlm ] && [ -f "$RUNS/pt-mlm/segmented.txt" ] && [ ! -f "$out/segmented.txt" ]; then
    mkdir -p "$out" && cp "$RUNS"/pt-mlm/segmented.txt* "$out/"
  fi
  local tok=""
  [ "$2" != pt-mlm ] && tok="--tokenizer-from $RUNS/pt-mlm/tokenizer"
  # resumes from the last checkpoint; a finished run stops at once (steps or budget spent)
  $BIN/phogov pretrain --objective "$1" --out "$out" --max-steps "$3" $COMMON $tok
}
pretrain mlm pt-mlm "$MLM_STEPS"
pretrain electra pt-electra "$ELECTRA_STEPS"

[ -d "$RUNS/weak-corpus/dataset" ] || \
  $BIN/phogov weak-label --input data/gov_news.jsonl.gz --out "$RUNS/weak-corpus"

DEV="data/gold_real_dev.jsonl data/gold_seeds.jsonl"
for b in mlm electra; do
  for seed in 42 43; do
    out=$RUNS/ft-$b-s$seed
    [ -f "$out/phogov.json" ] || $BIN/phogov train --base "$RUNS/pt-$b" --weak "$RUNS/weak-corpus" \
      --out "$out" --dev $DEV --max-steps "$FT_STEPS" --learning-rate 3e-4 --batch-size 32 \
      --max-length 128 --stride 64 --seed $seed
  done
done

ROWS=()
for b in mlm electra; do for seed in 42 43; do ROWS+=("$b seed $seed=pure:$RUNS/ft-$b-s$seed"); done; done
$BIN/phogov ablation "${ROWS[@]}" --json "$RUNS/backbones-dev.json"           # real dev + seeds
$BIN/phogov ablation "${ROWS[@]}" --dev data/gold_heldout.jsonl --json "$RUNS/backbones-heldout.json"

for b in mlm electra; do
  [ -f "$RUNS/vntc-$b/phogov.json" ] || $BIN/phogov train-topics \
    --data ../shared/vntc/train_small.jsonl.gz --dev ../shared/vntc/dev.jsonl.gz \
    --base "$RUNS/pt-$b" --out "$RUNS/vntc-$b" --max-length 256 --stride 192 \
    --learning-rate 3e-4 --epochs 3 --batch-size 16 --baseline | tee "$RUNS/vntc-$b.json"
done
