#!/usr/bin/env bash
# Regenerates the training data of the default run from the problem generator, deterministically:
#   datasets/sft-generated.jsonl       SFT rows in the code prompt format (easy and medium problems)
#   datasets/problems-generated.jsonl  GRPO problems (other seeds), each with a written testbench
#   datasets/decontamination/*.json    `datasets decontaminate` reports against all four
#                                      VerilogEval suites (prompts compared; see the README)
# Every reference is checked against its written testbench, whose expected values come from the
# generator's own model of the problem; the script fails if one does not pass.
#
# usage: scripts/make-training-data.sh [DATASET_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/verilog-eval-dir.sh
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product verireason >&2
bin="$(swift build -c release --show-bin-path)/verireason"
mkdir -p datasets/decontamination

generate() { # $1 name, $2 count, $3 seed, $4 difficulty
  "$bin" datasets generate --count "$2" --seed "$3" --difficulty "$4" --testbench-share 1 --out "$work/$1.jsonl" >&2
}
generate sft-easy 2000 2026 easy
generate sft-medium 2000 2027 medium
generate grpo-easy 400 3026 easy
generate grpo-medium 200 3027 medium
cat "$work/sft-easy.jsonl" "$work/sft-medium.jsonl" > "$work/sft.jsonl"
cat "$work/grpo-easy.jsonl" "$work/grpo-medium.jsonl" > "$work/grpo.jsonl"

# Word-level Rouge-L over references flags most small modules (shared boilerplate such as
# module/input/always), so the prompts are compared: they carry the task's wording.
for set in sft grpo; do
  "$bin" datasets decontaminate --problems "$work/$set.jsonl" --dataset-dir "$dataset" --fields prompt \
    --out "$work/$set-clean.jsonl" --report "datasets/decontamination/$set-generated.json" >&2
  "$bin" eval --suite jsonl --problems "$work/$set-clean.jsonl" --references --out "$work/$set-refs" --k 1 >&2
  python3 - "$work/$set-refs/results.jsonl" <<'PY'
import json, sys
failed = [r["task_id"] for r in map(json.loads, open(sys.argv[1])) if not r["passed"]]
if failed:
    sys.exit(f"references failing their testbenches: {failed[:10]}")
PY
done

"$bin" datasets sft --problems "$work/sft-clean.jsonl" --prompt-format code --seed 1 --out datasets/sft-generated.jsonl
cp "$work/grpo-clean.jsonl" datasets/problems-generated.jsonl
wc -l datasets/sft-generated.jsonl datasets/problems-generated.jsonl >&2
