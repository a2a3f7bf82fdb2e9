#!/usr/bin/env bash
# The documented training run: `verireason train` with its defaults (the base model's held-out
# score, SFT on datasets/sft-generated.jsonl, the GRPO gate, GRPO on
# datasets/problems-generated.jsonl, held-out greedy pass rate on datasets/problems-test.jsonl
# after each stage, model.gguf), then a report with the curves, committed under
# scripts/benchmarks/train-default/. Resumes an unfinished run in RUN_DIR. The VerilogEval
# figures of the trained model come from scripts/eval-default-model.sh RUN_DIR/model.gguf.
# usage: scripts/train-default.sh [RUN_DIR] [REPORT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
run="${1:-runs/train-default}"
report="${2:-scripts/benchmarks/train-default}"
swift build -c release --product verireason >&2
bin="$(swift build -c release --show-bin-path)/verireason"
start=$(date +%s)
if [ -f "$run/config.json" ]; then
  "$bin" train --resume "$run"
else
  "$bin" train --out "$run"
fi
end=$(date +%s)
mkdir -p "$report"
for f in config.json metrics.jsonl eval.jsonl curves.svg grpo-gate.json; do
  if [ -f "$run/$f" ]; then cp "$run/$f" "$report/"; fi
done
cp "$run/sft/metrics.jsonl" "$report/sft-metrics.jsonl"
python3 scripts/train_report.py "$run" "$report" "$((end - start))" > "$report/README.md.tmp"
mv "$report/README.md.tmp" "$report/README.md"
cat "$report/README.md"
