#!/usr/bin/env python3
"""The serial, upstream-style VerilogEval check of every reference solution: the baseline that
scripts/bench-verifier.sh compares verireason against.

It does what upstream's harness does per sample, one after another: write the files, run
`iverilog -Wall -Winfloop -Wno-timescale -g2012 -s tb -o test.vvp ...` and `vvp -n test.vvp`
with a 30 s limit, and read `Mismatches: N in M samples` from the output (testbench waveform dumps
included, as upstream leaves them on).

usage: scripts/upstream_serial.py DATASET_DIR  -> prints "checks passed seconds"
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import time

FLAGS = ["-Wall", "-Winfloop", "-Wno-timescale", "-g2012", "-s", "tb", "-o", "test.vvp"]


def run(dirpath, files):
    try:
        compile_ = subprocess.run(["iverilog", *FLAGS, *files], cwd=dirpath, capture_output=True, text=True, timeout=30)
        if compile_.returncode != 0:
            return False
        sim = subprocess.run(["vvp", "-n", "test.vvp"], cwd=dirpath, capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        return False
    return re.search(r"^Mismatches: 0 in \d+ samples$", sim.stdout, re.M) is not None


def main():
    dataset = pathlib.Path(sys.argv[1])
    checks = passed = 0
    start = time.perf_counter()
    for split in ("Human", "Machine"):
        for line in open(dataset / "v1" / "data" / f"VerilogEval_{split}.jsonl"):
            d = json.loads(line)
            with tempfile.TemporaryDirectory() as tmp:
                pathlib.Path(tmp, "test.sv").write_text(d["test"] + "\n" + d["prompt"] + "\n" + d["canonical_solution"])
                passed += run(tmp, ["test.sv"])
                checks += 1
    for folder in ("dataset_spec-to-rtl", "dataset_code-complete-iccad2023"):
        for test in sorted((dataset / "v2" / folder).glob("*_test.sv")):
            task = test.name[: -len("_test.sv")]
            ref = test.with_name(task + "_ref.sv").read_text()
            with tempfile.TemporaryDirectory() as tmp:
                pathlib.Path(tmp, "candidate.sv").write_text(re.sub(r"\bRefModule\b", "TopModule", ref))
                pathlib.Path(tmp, "test.sv").write_text(test.read_text())
                pathlib.Path(tmp, "ref.sv").write_text(ref)
                passed += run(tmp, ["candidate.sv", "test.sv", "ref.sv"])
                checks += 1
    print(checks, passed, f"{time.perf_counter() - start:.2f}")


if __name__ == "__main__":
    main()
