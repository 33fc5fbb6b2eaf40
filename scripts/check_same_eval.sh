#!/usr/bin/env bash
# Behaviour check for refactoring commits (issue 11): `phogov evaluate --json` on the
# seeds, real-news dev and held-out golds, for the rules and the bundled model, must be
# byte-identical to a saved baseline.
#   scripts/check_same_eval.sh save [DIR]   # write the baseline (default /tmp/refactor-before)
#   scripts/check_same_eval.sh [DIR]        # regenerate into DIR.after and diff against DIR
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
PHOGOV=${PHOGOV:-.venv/bin/phogov}
mode=check
if [[ ${1:-} == save ]]; then mode=save; shift; fi
base=${1:-/tmp/refactor-before}
out=$base
[[ $mode == check ]] && out=$base.after
mkdir -p "$out"
for gold in data/gold_seeds.jsonl data/gold_real_dev.jsonl data/gold_heldout.jsonl; do
  for model in rules data/bundled/phogov-mini; do
    name=$(basename "$gold" .jsonl)__$(basename "$model").json
    nice -n 10 "$PHOGOV" evaluate "$gold" --model "$model" --json "$out/$name" >/dev/null
  done
done
if [[ $mode == save ]]; then
  echo "baseline written to $out: $(ls "$out" | wc -l) files"
  exit 0
fi
status=0
for f in "$base"/*.json; do
  if ! diff -q "$f" "$out/$(basename "$f")" >/dev/null; then
    echo "DIFFERS: $(basename "$f")"; diff "$f" "$out/$(basename "$f")" | head -20; status=1
  fi
done
[[ $status == 0 ]] && echo "identical: $(ls "$base"/*.json | wc -l) evaluate JSON files match $base"
exit $status
