#!/usr/bin/env python3
"""Summarises a `verireason train` run folder as Markdown (used by scripts/train-default.sh)."""
import datetime
import json
import os
import subprocess
import sys

run, report = sys.argv[1], sys.argv[2]
seconds = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] else None
command = sys.argv[4] if len(sys.argv) > 4 else "scripts/train-default.sh (`verireason train` with no flags)"
config = json.load(open(f"{run}/config.json"))
metrics = [json.loads(l) for l in open(f"{run}/metrics.jsonl")] if os.path.exists(f"{run}/metrics.jsonl") else []
evals = [json.loads(l) for l in open(f"{run}/eval.jsonl")]
sft = [json.loads(l) for l in open(f"{run}/sft/metrics.jsonl")] if config.get("sft_steps") != 0 else []
gate_file = f"{run}/grpo-gate.json"
gate = json.load(open(gate_file)) if os.path.exists(gate_file) else None
cpu = next((x.split(":", 1)[1].strip() for x in open("/proc/cpuinfo") if x.startswith("model name")), "?")
swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]


def mean(xs):
    xs = list(xs)
    return sum(xs) / len(xs) if xs else float("nan")


print("# A training run of SmolLM2-135M-Instruct\n")
print(f"{command}, on {datetime.date.today()}; {cpu}, 2 cores; {swift}.")
if seconds:
    print(f"Wall time {seconds // 60} min {seconds % 60} s.")
sft_time = sum(r.get("step_time", 0) for r in sft)
grpo_time = sum(r.get("step_time", 0) for r in metrics)
print(f"Time in SFT updates {sft_time / 60:.1f} min, in GRPO steps {grpo_time / 60:.1f} min, in held-out evaluations "
      f"{sum(e['seconds'] for e in evals) / 60:.1f} min.")
rank = config.get("lora_rank", 0)
print(f"\nModel `{config['model']}`, prompt format `{config.get('prompt_format', 'think-answer')}`, "
      + ("full fine-tuning" if rank == 0 else f"LoRA rank {rank}") + f"; SFT: {config['sft_steps']} updates of "
      f"{config['sft_batch_size']} rows on `{config['sft_data']}`; GRPO: "
      f"{config['max_steps']} steps of {config['batch_size']} problems x {config['num_generations']} completions from "
      f"`{config['problems']}`; held-out: `{config['eval_problems']}` (the test split, "
      "never trained on), answered greedily. All settings are in `config.json`; per-step rows in `metrics.jsonl` "
      "(TRL's names), held-out rows in `eval.jsonl`, SFT rows in `sft-metrics.jsonl`, curves in `curves.svg`.\n")
if sft:
    losses = [r["loss"] for r in sft if "loss" in r]
    final = next((r["eval_loss"] for r in sft if "eval_loss" in r), None)
    print(f"SFT: training loss {mean(losses[:5]):.3f} (first five steps) -> {mean(losses[-5:]):.3f} (last five)"
          + (f"; held-out loss {final:.3f}" if final is not None else "") + ".\n")
print("| held-out, greedy | problems | passing | pass rate | mean reward |")
print("|---|---:|---:|---:|---:|")
def label(e):
    stage = e.get("stage")
    if stage == "base":
        return "base model"
    if stage == "sft":
        return "after SFT"
    return "after SFT, before GRPO" if e["step"] == 0 else f"after GRPO step {e['step']}"


for e in evals:
    label_text = label(e)
    print(f"| {label_text} | {e['problems']} | {e['passed']} | {100 * e['pass_rate']:.1f}% | {e['mean_reward']:.3f} |")
if gate:
    print(f"\nGRPO gate: the model after SFT solved {gate['passed']} of {gate['problems']} sampled training problems "
          + ("(GRPO ran)." if gate['passed'] > 0 else "(GRPO was skipped)."))
if not metrics:
    sys.exit(0)
half = max(1, len(metrics) // 2)
print("\n| GRPO | first half of the steps | second half |")
print("|---|---:|---:|")
for key, name in [("reward", "mean reward"), ("pass_rate", "completions passing"),
                  ("rewards/format/mean", "format reward"), ("rewards/compiles/mean", "compile reward"),
                  ("frac_reward_zero_std", "groups with equal rewards"), ("kl", "KL to the reference"),
                  ("completions/mean_length", "mean completion length"), ("step_time", "seconds per step")]:
    a = mean(r.get(key, 0) for r in metrics[:half])
    b = mean(r.get(key, 0) for r in metrics[half:])
    print(f"| {name} (`{key}`) | {a:.3f} | {b:.3f} |")
print("\n![curves](curves.svg)")
