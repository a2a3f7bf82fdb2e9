#!/usr/bin/env bash
# Installs everything verireason needs on Debian/Ubuntu: the Verilog tools (Icarus Verilog,
# Verilator, Yosys) and OpenBLAS. Idempotent: re-running it only checks what is there.
# Works as root or through sudo. Prints the versions it found.
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

echo "iverilog:  $(iverilog -V 2>&1 | head -n 1)"
echo "verilator: $(verilator --version 2>&1 | head -n 1)"
echo "yosys:     $(yosys -V 2>&1 | head -n 1)"
echo "openblas:  $(dpkg-query -W -f='${Version}' libopenblas-dev 2>/dev/null)"
