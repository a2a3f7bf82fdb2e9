# Sourced by the scripts that read VerilogEval: sets $dataset the way the CLI finds it
# (VerilogEvalLocation): the script's first argument, else $VERIREASON_VERILOG_EVAL, else the
# cache that scripts/setup.sh fills. Fails with the same advice as the CLI when it is missing.
dataset="${1:-${VERIREASON_VERILOG_EVAL:-${VERIREASON_HOME:-$HOME/.cache/verireason}/datasets/verilog-eval}}"
if [ ! -d "$dataset" ]; then
  echo "$(basename "$0"): VerilogEval not found at $dataset; run scripts/setup.sh to fetch it, or pass a copy's path" >&2
  exit 1
fi
