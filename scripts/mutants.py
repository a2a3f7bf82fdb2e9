#!/usr/bin/env python3
"""Generates mutants of the VerilogEval reference solutions, as samples in VerilogEval's format.

Four mutation classes, each applied once per reference at a seeded random site, on tokens (not
inside comments or strings):
  operator  & | ^ + - == != && || swapped for a partner
  constant  the last digit of a sized literal flipped (4'b1010 -> 4'b1011)
  signal    an input read on the right of an assignment replaced by another input
  edge      posedge <-> negedge

usage: scripts/mutants.py DATASET_DIR OUT_DIR [--seed N]
Writes OUT_DIR/<suite>.jsonl with {"task_id", "completion", "mutation"} per line.
"""
import json
import pathlib
import random
import re
import sys

TOKEN = re.compile(r"""//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\])*"|\d+'[sS]?[bBoOdDhH][0-9a-fA-FxXzZ_?]+|[A-Za-z_][A-Za-z0-9_$]*|\\\S+|===|!==|==|!=|<=|>=|&&|\|\||<<|>>|\S""", re.S)
OPERATORS = {"&": "|", "|": "&", "^": "&", "+": "-", "-": "+", "==": "!=", "!=": "==", "&&": "||", "||": "&&"}


def tokens(text):
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


def replace(text, start, end, new):
    return text[:start] + new + text[end:]


def input_names(text):
    names = []
    toks = [t for t in tokens(text) if not t[2].startswith(("//", "/*"))]
    for i, (_, _, tok) in enumerate(toks):
        if tok == "input":
            j = i + 1
            while j < len(toks) and toks[j][2] not in (")", ";", "input", "output", "inout"):
                word = toks[j][2]
                if re.fullmatch(r"[A-Za-z_]\w*", word) and word not in ("wire", "reg", "logic", "signed", "unsigned") \
                        and not (j + 1 < len(toks) and toks[j + 1][2] == "]"):
                    # skip identifiers inside ranges such as [W-1:0]
                    depth = sum(1 for k in range(i, j) if toks[k][2] == "[") - sum(1 for k in range(i, j) if toks[k][2] == "]")
                    if depth == 0:
                        names.append(word)
                j += 1
    return sorted(set(names))


def mutate(text, kind, rng, protected_until=0):
    toks = [t for t in tokens(text) if not t[2].startswith(("//", "/*", '"')) and t[0] >= protected_until]
    if kind == "operator":
        sites = [t for t in toks if t[2] in OPERATORS]
        if not sites:
            return None
        s, e, tok = rng.choice(sites)
        return replace(text, s, e, OPERATORS[tok])
    if kind == "constant":
        sites = [t for t in toks if re.fullmatch(r"\d+'[sS]?[bBoOdDhH][0-9a-fA-F_]+", t[2])]
        if not sites:
            return None
        s, e, tok = rng.choice(sites)
        last = tok[-1]
        base = tok.split("'")[1][-1].lower()
        new_last = {"b": "1" if last == "0" else "0"}.get(base, "1" if last != "1" else "2")
        return replace(text, s, e, tok[:-1] + new_last)
    if kind == "edge":
        sites = [t for t in toks if t[2] in ("posedge", "negedge")]
        if not sites:
            return None
        s, e, tok = rng.choice(sites)
        return replace(text, s, e, "negedge" if tok == "posedge" else "posedge")
    if kind == "signal":
        inputs = input_names(text)
        if len(inputs) < 2:
            return None
        sites = []
        rhs = False
        for s, e, tok in toks:
            if tok in ("=", "<="):
                rhs = True
            elif tok == ";":
                rhs = False
            elif rhs and tok in inputs:
                sites.append((s, e, tok))
        if not sites:
            return None
        s, e, tok = rng.choice(sites)
        other = rng.choice([n for n in inputs if n != tok])
        return replace(text, s, e, other)
    raise ValueError(kind)


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    dataset = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 2026
    out.mkdir(parents=True, exist_ok=True)
    suites = {}
    for split, suite in (("Human", "v1-human"), ("Machine", "v1-machine")):
        rows = []
        for line in open(dataset / "v1" / "data" / f"VerilogEval_{split}.jsonl"):
            d = json.loads(line)
            rows.append((d["task_id"], d["canonical_solution"], d["prompt"]))
        suites[suite] = rows
    for folder, suite in (("dataset_spec-to-rtl", "v2-spec-to-rtl"), ("dataset_code-complete-iccad2023", "v2-code-complete")):
        rows = []
        for ref in sorted((dataset / "v2" / folder).glob("*_ref.sv")):
            task = ref.name[: -len("_ref.sv")]
            text = re.sub(r"\bRefModule\b", "TopModule", ref.read_text())
            rows.append((task, text, ""))
        suites[suite] = rows
    for suite, rows in suites.items():
        rng = random.Random(f"{seed}-{suite}")
        lines = []
        for task, text, header in rows:
            for kind in ("operator", "constant", "signal", "edge"):
                # v1 bodies are mutated alone; the signal class needs the header to know the inputs.
                source = header + text if header else text
                mutant = mutate(source, kind, rng, protected_until=len(header))
                if mutant is None or mutant == source:
                    continue
                completion = mutant[len(header):] if header else mutant
                lines.append(json.dumps({"task_id": task, "completion": completion, "mutation": kind}))
        (out / f"{suite}.jsonl").write_text("\n".join(lines) + "\n")
        print(f"{suite}: {len(lines)} mutants", file=sys.stderr)


if __name__ == "__main__":
    main()
