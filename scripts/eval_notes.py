"""Helpers shared by scripts/eval_table.py and scripts/eval_compare.py."""
import json
import pathlib


def take_keep_notes(args):
    """Removes `--keep-notes FILE` from args; returns the paragraphs of FILE that start with
    "Reading" (hand-written interpretation, carried into a regenerated table)."""
    if "--keep-notes" not in args:
        return []
    i = args.index("--keep-notes")
    path = pathlib.Path(args[i + 1])
    del args[i:i + 2]
    if not path.exists():
        return []
    return [p.strip() for p in path.read_text().split("\n\n") if p.startswith("Reading")]


def answer_form(responses):
    """Counts of what the raw answers in a responses.jsonl contain: how far they got towards a
    complete answer."""
    rows = [json.loads(line) for line in pathlib.Path(responses).read_text().splitlines() if line.strip()]
    has = lambda text: sum(text in r["text"] for r in rows)
    return {
        "answers": len(rows),
        "<think>": has("<think>"),
        "</answer>": has("</answer>"),
        "fenced": has("```verilog"),
        "module": sum("module" in r["text"].replace("endmodule", "") for r in rows),
        "endmodule": has("endmodule"),
        "stopped": sum(r.get("finish_reason") == "stop" for r in rows),
    }
