#!/usr/bin/env bash
# The default model on VerilogEval with the published protocols: greedy on all four suites, and
# sampled (n=20, temperature 0.85, top_p 0.95) on v1-human. Results (summary.json, results.jsonl,
# samples.jsonl.gz, responses.jsonl.gz) go to scripts/benchmarks/eval/<model>/<protocol>/<suite>/, and a
# table of all summaries to scripts/benchmarks/eval/<model>.md. Re-running resumes what is missing.
#
# A trained model (train's model.gguf, or `verireason export --prompt-format`) is asked in the
# prompt format its GGUF records; PROMPT_STYLE=upstream|verireason overrides that (a model without
# a recorded format gets upstream's prompts).
#
# usage: [PROMPT_STYLE=upstream|verireason] scripts/eval-default-model.sh [DATASET_DIR] [MODEL=default] [SAMPLED_LIMIT=all|0]
#   SAMPLED_LIMIT 0 skips the sampled protocol.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/verilog-eval-dir.sh
model="${2:-default}"
sampled_limit="${3:-}"
style_flags=()
if [ -n "${PROMPT_STYLE:-}" ]; then style_flags=(--prompt-style "$PROMPT_STYLE"); fi
name="$( [ "$model" = default ] && echo default-model || basename "$model" .gguf )"
root="scripts/benchmarks/eval/$name"

# Samples and raw answers are committed gzipped (the sampled ones run to megabytes); `eval
# --resume` appends to samples.jsonl and responses.jsonl, so they are unpacked first and packed
# again at the end.
for packed in "$root"/*/*/samples.jsonl.gz "$root"/*/*/responses.jsonl.gz; do
  if [ -e "$packed" ] && [ ! -e "${packed%.gz}" ]; then gunzip -k "$packed"; fi
done

swift build -c release --product verireason >&2
bin="$(swift build -c release --show-bin-path)/verireason"

run() { # protocol suite [extra flags]
  local protocol="$1" suite="$2"; shift 2
  echo "== $protocol $suite" >&2
  "$bin" eval --suite "$suite" --dataset-dir "$dataset" --model "$model" --protocol "$protocol" \
    "${style_flags[@]}" --out "$root/$protocol/$suite" --resume "$@" >&2
}
for suite in v1-human v1-machine v2-spec-to-rtl v2-code-complete; do run greedy "$suite"; done
if [ "$sampled_limit" != 0 ]; then run sampled v1-human ${sampled_limit:+--limit "$sampled_limit"}; fi

python3 scripts/eval_table.py "$root" "$name" --keep-notes "$root.md" > "$root.md.tmp"
mv "$root.md.tmp" "$root.md"
for file in "$root"/*/*/samples.jsonl "$root"/*/*/responses.jsonl; do
  if [ -e "$file" ]; then gzip -9 -n -f "$file"; fi
done
cat "$root.md"
