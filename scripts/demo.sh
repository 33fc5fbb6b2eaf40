#!/usr/bin/env bash
# The main job: weak labels → fine-tune → rules vs model on the seeds gold → one article.
#
#   PHOGOV_BASE   backbone to fine-tune (default vinai/phobert-base). When it cannot be
#                 loaded (no internet here), a small local backbone is built instead, and
#                 the demo says so.
#   DEMO_SAMPLES  weak sentences to train on (default 0 = all ~40k; e.g. 8000 for a quick run)
#   DEMO_EPOCHS   epochs per head (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
RUNS=${RUNS:-runs}
BASE=${PHOGOV_BASE:-vinai/phobert-base}
SAMPLES=${DEMO_SAMPLES:-0}
EPOCHS=${DEMO_EPOCHS:-2}
GOLD=data/gold_seeds.jsonl
SEED_ARTICLE=seeds/000_bd22f8c3fb878b07.txt
mkdir -p "$RUNS"

echo "== 1. weak labels over the corpus (2,168 articles; the seeds are the test set, kept out)"
$BIN/phogov weak-label --input data/gov_news.jsonl.gz --out "$RUNS/weak"

echo "== 2. backbone"
if $BIN/python - "$BASE" <<'PY' 2>/dev/null
import sys
from transformers import AutoConfig
AutoConfig.from_pretrained(sys.argv[1])
PY
then
  echo "using $BASE"
  LR=5e-5
else
  echo "backbone $BASE cannot be loaded or downloaded here; building a small local one with phogov make-backbone (random weights) instead"
  BASE="$RUNS/backbone"
  if [ ! -f "$BASE/config.json" ]; then
    $BIN/phogov make-backbone --out "$BASE" --corpus data/gov_news.jsonl.gz \
      --layers 4 --hidden 256 --heads 4 --vocab-size 8000
  fi
  LR=3e-4
fi

echo "== 3. fine-tune on the weak labels (${SAMPLES/#0/all} sentences, $EPOCHS epochs per head)"
LIMIT=()
if [ "$SAMPLES" != "0" ]; then LIMIT=(--max-train-samples "$SAMPLES"); fi
$BIN/phogov train --base "$BASE" --weak "$RUNS/weak" --out "$RUNS/demo-model" \
  --epochs "$EPOCHS" --learning-rate "$LR" --batch-size 32 "${LIMIT[@]}"

echo "== 4. rules vs the model on the seeds gold"
MODELS=(rules "$RUNS/demo-model")
NAMES=(rules demo-model)
BUNDLED=$($BIN/python -c "from phogov.predictor import bundled_model_dir as b; print(b() or '')")
if [ -n "$BUNDLED" ]; then MODELS+=("$BUNDLED"); NAMES+=(phogov-mini); fi
$BIN/phogov compare "$GOLD" --models "${MODELS[@]}" --names "${NAMES[@]}" \
  --json "$RUNS/compare.json"

echo "== 5. predictions for one seed article ($SEED_ARTICLE) by the demo model"
$BIN/phogov predict --file "$SEED_ARTICLE" --model "$RUNS/demo-model"
