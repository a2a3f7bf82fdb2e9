"""Helpers shared by scripts/eval_table.py and scripts/eval_compare.py."""
import gzip
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


def responses_file(folder):
    """A run's raw answers: responses.jsonl as `eval` writes it, or responses.jsonl.gz as the
    benchmark outputs are committed (scripts/eval-default-model.sh); None when neither exists."""
    for name in ("responses.jsonl", "responses.jsonl.gz"):
        if (pathlib.Path(folder) / name).exists():
            return pathlib.Path(folder) / name
    return None


def answer_form(responses):
    """Counts of what the raw answers in a responses.jsonl(.gz) contain: how far they got towards
    a complete answer."""
    path = pathlib.Path(responses)
    text = gzip.decompress(path.read_bytes()).decode() if path.suffix == ".gz" else path.read_text()
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
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
