# Sourced by the side-by-side benchmarks: sets $venv to the virtualenv with the Python packages
# pinned in scripts/requirements-bench.txt ($VERIREASON_HOME/venv-trl), creating it on first use.
venv="${VERIREASON_HOME:-$HOME/.cache/verireason}/venv-trl"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r scripts/requirements-bench.txt
fi
