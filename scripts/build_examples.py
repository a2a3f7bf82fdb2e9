#!/usr/bin/env python3
"""Builds datasets/examples.jsonl (the project's problem format) from testbenches/examples/<id>/.

Each problem folder holds prompt.txt, header.v, ref.v (module RefModule) and optionally tb.sv
(a self-checking testbench printing "Mismatches: N in M samples"). Run from the repository root;
the output is committed, so re-run it after editing a problem.
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
source = root / "testbenches" / "examples"
rows = []
for folder in sorted(p for p in source.iterdir() if p.is_dir()):
    row = {
        "id": folder.name,
        "prompt": (folder / "prompt.txt").read_text().strip(),
        "module_header": (folder / "header.v").read_text(),
        "top": "TopModule",
        "reference": (folder / "ref.v").read_text(),
        "reference_top": "RefModule",
        "family": "example",
    }
    tb = folder / "tb.sv"
    if tb.exists():
        row["testbench"] = tb.read_text()
    rows.append(row)
out = root / "datasets" / "examples.jsonl"
out.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in rows))
print(f"wrote {len(rows)} problems to {out.relative_to(root)}", file=sys.stderr)
