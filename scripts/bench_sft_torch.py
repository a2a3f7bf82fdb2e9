#!/usr/bin/env python3
"""SFT updates in plain PyTorch on the CPU, for scripts/bench-sft.sh.

The model is the same GGUF file verireason trains (transformers dequantises it to fp32); the rows
are the first ROWS rows of an SFT file (their messages through the model's chat template, loss on
the response tokens only, rows longer than MAX_LENGTH dropped as verireason drops them); the
settings mirror `verireason sft`: full fine-tuning, AdamW, batch BATCH sequences per update, each
sequence at its own length (no padding). Prints one JSON object per update: tokens, seconds,
tokens_per_second, loss.
"""
import argparse
import json
import time

import torch

import bench_torch_model

parser = argparse.ArgumentParser()
parser.add_argument("--gguf", required=True)
parser.add_argument("--rows", default="datasets/sft-generated.jsonl")
parser.add_argument("--batch", type=int, default=8)
parser.add_argument("--steps", type=int, default=6)
parser.add_argument("--max-length", type=int, default=512)
args = parser.parse_args()

torch.manual_seed(0)
torch.set_num_threads(2)
tokenizer, model = bench_torch_model.load(args.gguf)
model.train()
optimizer = torch.optim.AdamW(model.parameters(), lr=2e-4, weight_decay=0.0)

sequences = []
for line in open(args.rows):
    messages = json.loads(line)["messages"]
    prompt = tokenizer.apply_chat_template(messages[:-1], tokenize=True, add_generation_prompt=True)
    answer = tokenizer(messages[-1]["content"] + "<|im_end|>\n", add_special_tokens=False)["input_ids"]
    if len(prompt) + len(answer) <= args.max_length:
        sequences.append((prompt, answer))
    if len(sequences) >= args.batch * args.steps:
        break

for step in range(args.steps):
    batch = sequences[step * args.batch:(step + 1) * args.batch]
    start = time.time()
    optimizer.zero_grad()
    response_tokens = sum(len(a) for _, a in batch)
    total = 0.0
    for prompt, answer in batch:
        ids = torch.tensor([prompt + answer])
        labels = ids.clone()
        labels[0, : len(prompt)] = -100
        logits = model(ids).logits[:, :-1]
        loss = torch.nn.functional.cross_entropy(
            logits.reshape(-1, logits.size(-1)), labels[:, 1:].reshape(-1), ignore_index=-100, reduction="sum")
        (loss / response_tokens).backward()
        total += loss.item()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    seconds = time.time() - start
    tokens = sum(len(p) + len(a) - 1 for p, a in batch)
    print(json.dumps({"step": step + 1, "tokens": tokens, "seconds": seconds,
                      "tokens_per_second": tokens / seconds, "loss": total / response_tokens}), flush=True)
