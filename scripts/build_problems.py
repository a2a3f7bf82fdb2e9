#!/usr/bin/env python3
"""Builds datasets/problems-train.jsonl and datasets/problems-test.jsonl from testbenches/problems/<id>/.

Each problem folder holds prompt.txt, header.v, ref.v (module RefModule), tb.sv (a self-checking
testbench printing "Mismatches: N in M samples") and meta.json with its family (combinational,
sequential, fsm, arithmetic or memory) and split (train or test; every fifth problem of a family
is in test). Run from anywhere; the outputs are committed, so re-run it after editing a problem,
and check the set with scripts/check_problems.py.
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
source = root / "testbenches" / "problems"
splits = {"train": [], "test": []}
for folder in sorted(p for p in source.iterdir() if p.is_dir()):
    meta = json.loads((folder / "meta.json").read_text())
    row = {
        "id": folder.name,
        "prompt": (folder / "prompt.txt").read_text().strip(),
        "module_header": (folder / "header.v").read_text(),
        "top": "TopModule",
        "reference": (folder / "ref.v").read_text(),
        "reference_top": "RefModule",
        "testbench": (folder / "tb.sv").read_text(),
        "family": meta["family"],
    }
    splits[meta["split"]].append(row)
for name, rows in splits.items():
    out = root / "datasets" / f"problems-{name}.jsonl"
    out.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in rows))
    print(f"wrote {len(rows)} problems to {out.relative_to(root)}", file=sys.stderr)
