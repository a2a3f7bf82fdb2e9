"""Loads the GGUF model verireason trains as a trainable fp32 PyTorch model, for the side-by-side
benchmarks (bench_grpo_trl.py, bench_sft_torch.py)."""
import os

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer


def load(gguf):
    """The tokenizer and a trainable fp32 model of the GGUF file (dequantised by transformers)."""
    directory, name = os.path.split(os.path.abspath(gguf))
    tokenizer = AutoTokenizer.from_pretrained(directory, gguf_file=name)
    loaded = AutoModelForCausalLM.from_pretrained(directory, gguf_file=name, torch_dtype=torch.float32)
    # transformers marks a GGUF-loaded model as quantised and refuses to train it; the weights are
    # already dequantised to fp32, so they go into a plain model of the same configuration.
    config = loaded.config.to_dict()
    config.pop("quantization_config", None)
    model = AutoModelForCausalLM.from_config(type(loaded.config).from_dict(config), torch_dtype=torch.float32)
    model.load_state_dict(loaded.state_dict())
    return tokenizer, model
