#!/usr/bin/env python3
"""One GRPO step of TRL's GRPOTrainer on PyTorch CPU, for scripts/bench-grpo-step.sh.

The policy is the same GGUF file verireason trains (transformers dequantises it to fp32), the
prompts are the system and user messages of the first PROMPTS rows of datasets/sft-train.jsonl
(VeriReason's wording, as `verireason train` puts them), and the settings mirror the Swift run:
G completions per prompt, up to MAX_TOKENS tokens, LoRA rank 16 on all seven projections,
beta 0.04, loss_type bnpo, one optimizer step over the whole generation batch.

Prints one JSON object: step seconds, generation seconds (sampling, rewards, reference and old
log-probabilities, TRL's _prepare_inputs), update seconds (policy forward and backward) and the
update's prompt+completion tokens per second.
"""
import argparse
import json
import os
import time

import torch
from datasets import Dataset
from peft import LoraConfig
import bench_torch_model
from trl import GRPOConfig, GRPOTrainer

parser = argparse.ArgumentParser()
parser.add_argument("--gguf", required=True)
parser.add_argument("--sft-rows", default="datasets/sft-train.jsonl")
parser.add_argument("--prompts", type=int, default=8)
parser.add_argument("--generations", type=int, default=8)
parser.add_argument("--max-tokens", type=int, default=256)
parser.add_argument("--out", default="/tmp/trl-grpo-bench")
args = parser.parse_args()

torch.manual_seed(0)
rows = [json.loads(line) for line in open(args.sft_rows)][: args.prompts]
prompts = [[m for m in row["messages"] if m["role"] != "assistant"] for row in rows]
dataset = Dataset.from_dict({"prompt": prompts})

tokenizer, model = bench_torch_model.load(args.gguf)


def reward(completions, **kwargs):
    # Any cheap reward: the step's cost is sampling and the update, not this.
    return [float(len(c[0]["content"]) % 7) for c in completions]


config = GRPOConfig(
    output_dir=args.out,
    num_generations=args.generations,
    per_device_train_batch_size=args.generations,
    gradient_accumulation_steps=args.prompts,
    max_completion_length=args.max_tokens,
    temperature=0.7,
    top_k=50,
    repetition_penalty=1.1,
    beta=0.04,
    loss_type="bnpo",
    learning_rate=5e-5,
    max_steps=1,
    logging_steps=1,
    report_to=[],
    use_cpu=True,
    bf16=False,
    save_strategy="no",
    seed=0,
)
lora = LoraConfig(
    r=16, lora_alpha=32, lora_dropout=0.0, task_type="CAUSAL_LM",
    target_modules=["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
)

timing = {"prepare": 0.0, "step": 0.0, "tokens": 0}


class TimedTrainer(GRPOTrainer):
    def _prepare_inputs(self, inputs):
        start = time.perf_counter()
        out = super()._prepare_inputs(inputs)
        timing["prepare"] += time.perf_counter() - start
        timing["tokens"] += int(out["prompt_mask"].sum() + out["completion_mask"].sum())
        return out

    def training_step(self, *a, **k):
        start = time.perf_counter()
        out = super().training_step(*a, **k)
        timing["step"] += time.perf_counter() - start
        return out


trainer = TimedTrainer(model=model, reward_funcs=reward, args=config, train_dataset=dataset,
                       processing_class=tokenizer, peft_config=lora)
start = time.perf_counter()
trainer.train()
total = time.perf_counter() - start
update = timing["step"] - timing["prepare"]
print(json.dumps({
    "engine": "trl", "trl": __import__("trl").__version__, "torch": torch.__version__,
    "threads": torch.get_num_threads(), "step_seconds": round(total, 1),
    "generation_seconds": round(timing["prepare"], 1), "update_seconds": round(update, 1),
    "update_tokens": timing["tokens"], "train_tokens_per_second": round(timing["tokens"] / update, 1),
}))
