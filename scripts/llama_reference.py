#!/usr/bin/env python3
"""Reference figures from llama.cpp itself (llama-cpp-python) for the default model, for the
Policy tests: token ids, the top next-token logits at the last prompt position, and a greedy
continuation, for prompts in English, Verilog, Unicode, a chat-formatted one and a very long one, and
the first ten problems of the project's test split (datasets/problems-test.jsonl) as chat prompts:
the kind of prompt the policy samples from.

usage: pip install llama-cpp-python==0.3.36 && scripts/llama_reference.py [MODEL.gguf]
Writes Tests/PolicyTests/Fixtures/llama-reference.json (or $LLAMA_REFERENCE_OUT).
"""
import json
import os
import pathlib
import sys

import llama_cpp
import numpy as np
from llama_cpp import Llama

root = pathlib.Path(__file__).resolve().parent.parent
model = sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser(
    os.environ.get("VERIREASON_HOME", "~/.cache/verireason") + "/models/SmolLM2-135M-Instruct.Q4_1.gguf")
chat = ("<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
        "<|im_start|>user\nWrite a Verilog module for a 2-to-1 multiplexer.<|im_end|>\n<|im_start|>assistant\n")
verilog = ("module TopModule (\n  input clk,\n  input reset,\n  output reg [3:0] q\n);\n"
           "  always @(posedge clk)\n    if (reset) q <= 4'd0;\n    else q <= q + 4'd1;\nendmodule\n")
prompts = {
    "english": "The quick brown fox jumps over the lazy dog. It's 2026, and we're testing tokenizers!",
    "verilog": verilog,
    "unicode": "Größe: 5µm — naïve café, 東京 🚀 emoji,  two  spaces\n\n\ttab 12345 3.14159",
    "chat": chat,
    "long": " ".join([verilog] * 12) + "\nSummarize the design above in one sentence:",
}
system = "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
with open(root / "datasets" / "problems-test.jsonl", encoding="utf-8") as f:
    for line in list(f)[:10]:
        problem = json.loads(line)
        prompts["problem:" + problem["id"]] = (
            system + "<|im_start|>user\n" + problem["prompt"] + "<|im_end|>\n<|im_start|>assistant\n")
llm = Llama(model_path=model, n_ctx=4096, logits_all=True, verbose=False, n_threads=2, seed=0)
out = {"model": os.path.basename(model), "llama_cpp_python": llama_cpp.__version__, "prompts": []}
for name, text in prompts.items():
    tokens = llm.tokenize(text.encode("utf-8"), add_bos=False, special=True)
    llm.reset()
    llm.eval(tokens)
    logits = np.array(llm.scores[len(tokens) - 1], dtype=np.float64)
    top = np.argsort(-logits)[:10]
    greedy = []
    for _ in range(48):
        t = int(np.argmax(np.array(llm.scores[llm.n_tokens - 1])))
        if t == llm.token_eos():
            break
        greedy.append(t)
        llm.eval([t])
    out["prompts"].append({
        "name": name, "text": text, "tokens": tokens,
        "top_logits": [[int(t), round(float(logits[t]), 4)] for t in top],
        "greedy": greedy,
    })
    print(f"{name}: {len(tokens)} tokens, greedy {len(greedy)}", file=sys.stderr)
path = pathlib.Path(os.environ.get("LLAMA_REFERENCE_OUT", root / "Tests" / "PolicyTests" / "Fixtures" / "llama-reference.json"))
path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
print(f"wrote {path}", file=sys.stderr)
