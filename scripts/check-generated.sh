#!/usr/bin/env bash
# Proof that generated problems are correct by construction: generates N problems per family
# (`verireason datasets generate`) and runs every reference through its checks with the release
# CLI, the differential checker for all and the written testbench where there is one. As a
# control, a mutant of every reference with one output bit inverted must fail the same checks;
# the operator/constant/signal/edge mutants of scripts/mutants.py measure how sharp the checks
# are (some of those are equivalent to the reference, so their kill rate need not be 100%).
# Writes per-family counts and pass rates to a Markdown report; exits non-zero unless every
# reference passes and every inverted-output mutant fails.
#
# usage: scripts/check-generated.sh [PER_FAMILY] [SEED] [OUT_FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
per_family="${1:-100}"
seed="${2:-2026}"
out_file="${3:-scripts/benchmarks/generated-problems.md}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product verireason >&2
bin="$(swift build -c release --show-bin-path)/verireason"
families="$("$bin" datasets generate --list-families | awk '{print $1}' | paste -sd, -)"
count=$(( per_family * $(echo "$families" | tr ',' '\n' | wc -l) ))

start=$(date +%s)
"$bin" datasets generate --count "$count" --seed "$seed" --out "$work/problems.jsonl"

# The testbench subset, and the mutants as VerilogEval-format samples.
python3 - "$work" "$seed" <<'PY'
import json, pathlib, random, re, sys
sys.path.insert(0, "scripts")
from mutants import mutate
work, seed = pathlib.Path(sys.argv[1]), sys.argv[2]
problems = [json.loads(l) for l in (work / "problems.jsonl").read_text().splitlines() if l.strip()]
(work / "testbench.jsonl").write_text("".join(json.dumps(p) + "\n" for p in problems if p.get("testbench")))

def mutant(p, choice):
    # A TopModule wrapping the reference (renamed Inner) that inverts bit 0 of one output.
    ports = []
    for line in p["module_header"].splitlines():
        words = line.strip().strip(",").split()
        if words and words[0] in ("input", "output"):
            rng = next((w for w in words if w.startswith("[")), "")
            ports.append((words[0], rng, words[-1]))
    outputs = [q for q in ports if q[0] == "output"]
    flipped = outputs[choice % len(outputs)][2]
    lines = ["module TopModule (", ",\n".join(f"    {d} {r} {n}" for d, r, n in ports), ");"]
    lines += [f"  wire {r} inner_{n};" for d, r, n in outputs]
    conns = ", ".join(f".{n}({'inner_' if d == 'output' else ''}{n})" for d, r, n in ports)
    lines.append(f"  Inner inner ({conns});")
    lines += [f"  assign {n} = inner_{n}{' ^ 1' + chr(39) + 'b1' if n == flipped else ''};" for d, r, n in outputs]
    lines.append("endmodule")
    inner = re.sub(r"\bRefModule\b", "Inner", p["reference"])
    return "\n".join(lines) + "\n" + inner

rng = random.Random(f"{seed}-generated")
rows = []
for i, p in enumerate(problems):
    rows.append({"task_id": p["id"], "completion": mutant(p, i), "mutation": "inverted_output"})
    reference = re.sub(r"\bRefModule\b", "TopModule", p["reference"])
    for kind in ("operator", "constant", "signal", "edge"):
        m = mutate(reference, kind, rng)
        if m is not None and m != reference:
            rows.append({"task_id": p["id"], "completion": m, "mutation": kind})
(work / "mutants.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
with_testbench = {p["id"] for p in problems if p.get("testbench")}
(work / "mutants-tb.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows if r["task_id"] in with_testbench))
PY

# Mutants may loop forever (a mutated for-loop bound); a short limit keeps the run bounded.
run() { # name, problems file, checker, then --references or --samples FILE
  local name=$1 problems=$2 checker=$3
  shift 3
  "$bin" eval --suite jsonl --problems "$problems" --checker "$checker" --out "$work/$name" --k 1 "$@" >/dev/null 2>&1
}
run eq "$work/problems.jsonl" equivalence --references
run tb "$work/testbench.jsonl" testbench --references
run eq-mutants "$work/problems.jsonl" equivalence --samples "$work/mutants.jsonl" --timeout 5
run tb-mutants "$work/testbench.jsonl" testbench --samples "$work/mutants-tb.jsonl" --timeout 5
seconds=$(( $(date +%s) - start ))

python3 - "$work" "$out_file" "$per_family" "$seed" "$seconds" "$("$bin" --version)" "$(iverilog -V 2>&1 | head -n 1)" <<'PY'
import collections, datetime, json, pathlib, platform, subprocess, sys
work, out_file = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
per_family, seed, seconds, version, iverilog = sys.argv[3:8]
problems = [json.loads(l) for l in (work / "problems.jsonl").read_text().splitlines() if l.strip()]
family = {p["id"]: p["family"] for p in problems}
def results(name):
    return [json.loads(l) for l in (work / name / "results.jsonl").read_text().splitlines() if l.strip()]
stats = collections.defaultdict(lambda: collections.Counter())
for p in problems:
    stats[p["family"]]["problems"] += 1
    stats[p["family"]]["testbench"] += bool(p.get("testbench"))
for name, key in [("eq", "eq_pass"), ("tb", "tb_pass")]:
    for r in results(name):
        stats[family[r["task_id"]]][key] += r["passed"]
mutants = {"eq-mutants": "mutants.jsonl", "tb-mutants": "mutants-tb.jsonl"}
for name, checker in [("eq-mutants", "eq"), ("tb-mutants", "tb")]:
    rows = [json.loads(l) for l in (work / mutants[name]).read_text().splitlines() if l.strip()]
    for m, r in zip(rows, results(name)):
        assert m["task_id"] == r["task_id"]
        kind = "inv" if m["mutation"] == "inverted_output" else "mut"
        stats[family[r["task_id"]]][f"{checker}_{kind}_n"] += 1
        stats[family[r["task_id"]]][f"{checker}_{kind}_killed"] += not r["passed"]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
def pct(n, d):
    return f"{100 * n / d:.1f}% ({n}/{d})" if d else "-"
lines = [
    "# Generated problems: references against their own checks",
    "",
    f"Generated by `scripts/check-generated.sh {per_family} {seed}` on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC,"
    f" {cpu} ({platform.machine()}, {cores} cores), verireason {version}, {iverilog}. Wall time {seconds} s (release build, all checks).",
    "",
    f"{per_family} problems per family, seed {seed}, mixed difficulty, default testbench share (0.3).",
    "- **equivalence**: the reference, renamed `TopModule`, against itself under the differential checker (8 x 64 random cycles, reset patterns).",
    "- **testbench**: the reference on its written self-checking testbench (expected values computed in Swift from the formal description).",
    "- **inverted output killed**: control; the reference wrapped so that bit 0 of one output is inverted must fail the same check.",
    "- **mutants killed**: the operator, constant, signal and edge mutants of `scripts/mutants.py` (one per class where the class applies);"
    " some are equivalent to the reference (a flipped constant in an unreachable `default` arm, a don't-care cell), so 100% is not expected.",
    "- Combinational designs with at most 8 input bits get exhaustive testbenches, so a mutant that survives one of those is equivalent to the reference; where the testbench kills more than the differential checker (priority_encoder), it is the corner values (all zeros, one-hot) the written testbenches mix into their random stimulus.",
    "",
    "| family | problems | with testbench | equivalence pass | testbench pass | inverted output killed (equivalence / testbench) | mutants killed (equivalence) | mutants killed (testbench) |",
    "|---|---|---|---|---|---|---|---|",
]
total = collections.Counter()
def row(name, s):
    inverted = f"{s['eq_inv_killed']}/{s['eq_inv_n']} / {s['tb_inv_killed']}/{s['tb_inv_n']}"
    return (f"| {name} | {s['problems']} | {s['testbench']} | {pct(s['eq_pass'], s['problems'])} | {pct(s['tb_pass'], s['testbench'])}"
            f" | {inverted} | {pct(s['eq_mut_killed'], s['eq_mut_n'])} | {pct(s['tb_mut_killed'], s['tb_mut_n'])} |")
for name in sorted(stats, key=lambda f: [p["family"] for p in problems].index(f)):
    s = stats[name]
    total.update(s)
    lines.append(row(name, s))
lines.append(row("**all**", total))
out_file.parent.mkdir(parents=True, exist_ok=True)
out_file.write_text("\n".join(lines) + "\n")
print("\n".join(lines))
s = total
ok = s["eq_pass"] == s["problems"] and s["tb_pass"] == s["testbench"]
ok = ok and s["eq_inv_killed"] == s["eq_inv_n"] and s["tb_inv_killed"] == s["tb_inv_n"]
sys.exit(0 if ok else 1)
PY
