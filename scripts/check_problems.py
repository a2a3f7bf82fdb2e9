#!/usr/bin/env python3
"""Checks the original problem set in testbenches/problems/<id>/.

For every problem: the reference (ref.v, module RefModule) is also compiled as the candidate
(renamed to TopModule) and run through tb.sv with `iverilog -g2012` and `vvp`; the log must end
with "Mismatches: 0 in M samples", M > 0. Then mutation sanity: mutants of the reference (one
operator swapped, one sized constant changed, one clock edge flipped, or one output inverted) run
as the candidate, and each should give Mismatches > 0. A problem whose testbench kills no
operator/constant mutant is reported as weak.

usage: scripts/check_problems.py [--no-mutants] [--jobs N] [ID ...]
Exits 1 if any reference fails its testbench.
"""
import concurrent.futures
import json
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT / "testbenches" / "problems"
MAX_MUTANTS = 6
TOKEN = re.compile(r"""//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\])*"|\d+'[sS]?[bBoOdDhH][0-9a-fA-F_]+|[A-Za-z_][A-Za-z0-9_$]*|===|!==|==|!=|<=|>=|&&|\|\||<<<|>>>|<<|>>|\S""", re.S)
OPERATORS = {"&": "|", "|": "&", "^": "|", "+": "-", "-": "+", "==": "!=", "!=": "==", "&&": "||",
             "||": "&&", "<<": ">>", ">>": "<<", "~": " ", "<": ">", ">": "<", "*": "+"}
PORT = re.compile(r"^\s*(input|output)\s+(?:reg\s+|wire\s+)?(signed\s+)?(\[[^\]]+\]\s*)?(\w+)\s*,?\s*$")


def simulate(tb, ref, dut, timeout=60):
    """Returns (mismatches, samples) or an error string."""
    with tempfile.TemporaryDirectory() as tmp:
        t = pathlib.Path(tmp)
        (t / "tb.sv").write_text(tb)
        (t / "ref.v").write_text(ref)
        (t / "dut.v").write_text(dut)
        c = subprocess.run(["iverilog", "-g2012", "-s", "tb", "-o", str(t / "sim"), str(t / "tb.sv"),
                            str(t / "ref.v"), str(t / "dut.v")], capture_output=True, text=True, timeout=timeout)
        if c.returncode != 0:
            return "compile error: " + (c.stderr or c.stdout).strip()[:300]
        try:
            r = subprocess.run(["vvp", "-n", str(t / "sim")], capture_output=True, text=True, timeout=timeout, cwd=tmp)
        except subprocess.TimeoutExpired:
            return "timeout"
        m = re.findall(r"Mismatches: (\d+) in (\d+) samples", r.stdout)
        if not m:
            return "no Mismatches line: " + r.stdout[-300:]
        return int(m[-1][0]), int(m[-1][1])


def body_start(ref):
    return ref.index(");") + 2


def mutants(ref):
    """Deterministic mutants: (kind, text) pairs, spread over the mutation sites."""
    start = body_start(ref)
    toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(ref)
            if m.start() >= start and not m.group().startswith(("//", "/*", '"'))]
    sites = []
    for i, (s, e, tok) in enumerate(toks):
        if tok in OPERATORS:
            if tok == "~" and i + 1 < len(toks) and toks[i + 1][2] in ("&", "|", "^"):
                continue
            if tok == "*" and i > 0 and toks[i - 1][2] in ("@", "("):
                continue  # @* and @(*)
            if tok in ("&", "|", "^") and i > 0 and toks[i - 1][2] in ("~", "(", "=", "<=", ","):
                continue  # reduction operators
            sites.append(("operator", s, e, OPERATORS[tok]))
        elif re.fullmatch(r"\d+'[sS]?[bBoOdDhH][0-9a-fA-F_]+", tok):
            last, base = tok[-1], tok.split("'")[1][-1].lower()
            new = {"b": "1" if last == "0" else "0"}.get(base, "1" if last != "1" else "2")
            sites.append(("constant", s, e, tok[:-1] + new))
        elif tok in ("posedge", "negedge"):
            sites.append(("edge", s, e, "negedge" if tok == "posedge" else "posedge"))
    if len(sites) > MAX_MUTANTS:
        step = len(sites) / MAX_MUTANTS
        sites = [sites[int(k * step)] for k in range(MAX_MUTANTS)]
    return [(kind, ref[:s] + new + ref[e:]) for kind, s, e, new in sites]


def inverted(ref, header):
    """A wrapper around the reference that inverts its first output."""
    ports = [PORT.match(l) for l in header.splitlines()[1:]]
    ports = [(m.group(1), m.group(4), (m.group(2) or "") + (m.group(3) or "")) for m in ports if m]
    outs = [p for p in ports if p[0] == "output"]
    first = outs[0]
    lines = ["module TopModule ("]
    lines.append(",\n".join(f"  {d} {rng}{n}" for d, n, rng in ports))
    lines.append(");")
    lines.append(f"  wire {first[2]}inner;")
    conn = ", ".join(f".{n}({'inner' if n == first[1] else n})" for _, n, _ in ports)
    lines.append(f"  RefModule u ({conn});")
    lines.append(f"  assign {first[1]} = ~inner;")
    lines.append("endmodule")
    return "\n".join(lines) + "\n" + ref.replace("module RefModule", "module RefModule", 1)


def check(folder, with_mutants):
    tb = (folder / "tb.sv").read_text()
    ref = (folder / "ref.v").read_text()
    header = (folder / "header.v").read_text()
    res = {"id": folder.name, "family": json.loads((folder / "meta.json").read_text())["family"]}
    out = simulate(tb, ref, re.sub(r"\bRefModule\b", "TopModule", ref))
    res["reference"] = out
    res["ok"] = isinstance(out, tuple) and out[0] == 0 and out[1] > 0
    if not (with_mutants and res["ok"]):
        return res
    killed, survived, skipped = [], [], 0
    cands = mutants(ref)
    # the inverted-output wrapper instantiates RefModule, which tb.sv also uses: the same module.
    inv = inverted(ref, header).split("endmodule\n", 1)[0] + "endmodule\n"
    cands.append(("invert", inv))
    for kind, text in cands:
        dut = text if kind == "invert" else re.sub(r"\bRefModule\b", "TopModule", text)
        r = simulate(tb, ref, dut)
        if not isinstance(r, tuple):
            skipped += 1
        elif r[0] > 0:
            killed.append(kind)
        else:
            survived.append(kind)
    res["killed"], res["survived"], res["skipped"] = killed, survived, skipped
    res["weak"] = not any(k in ("operator", "constant", "edge") for k in killed)
    return res


def main():
    args = sys.argv[1:]
    with_mutants = "--no-mutants" not in args
    jobs = 2
    if "--jobs" in args:
        jobs = int(args[args.index("--jobs") + 1])
    ids = [a for a in args if not a.startswith("--") and not a.isdigit()]
    folders = sorted(p for p in SOURCE.iterdir() if p.is_dir() and (not ids or p.name in ids))
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(lambda f: check(f, with_mutants), folders))
    fams = {}
    for r in results:
        f = fams.setdefault(r["family"], {"n": 0, "ok": 0, "killed": 0, "mutants": 0, "weak": []})
        f["n"] += 1
        f["ok"] += r["ok"]
        if not r["ok"]:
            print(f"FAIL {r['id']}: {r['reference']}")
        if "killed" in r:
            f["killed"] += len(r["killed"])
            f["mutants"] += len(r["killed"]) + len(r["survived"])
            if r["weak"]:
                f["weak"].append(r["id"])
            if r["survived"]:
                print(f"survivors {r['id']}: {', '.join(r['survived'])}")
    print()
    print(f"{'family':14} {'problems':>8} {'ref pass':>8} {'mutants killed':>15}  weak testbenches")
    for fam, f in sorted(fams.items()):
        kr = f"{f['killed']}/{f['mutants']}" if with_mutants else "-"
        print(f"{fam:14} {f['n']:8} {f['ok']:8} {kr:>15}  {', '.join(f['weak']) or '-'}")
    total, ok = len(results), sum(r["ok"] for r in results)
    print(f"\nreferences passing: {ok}/{total}")
    if with_mutants:
        weak = [w for f in fams.values() for w in f["weak"]]
        print(f"testbenches killing no operator/constant/edge mutant: {len(weak)}")
    sys.exit(0 if ok == total else 1)


if __name__ == "__main__":
    main()
