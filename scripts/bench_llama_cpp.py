#!/usr/bin/env python3
"""llama.cpp's side of the sampling-speed benchmark (scripts/bench-sampling.sh runs both engines).

Measures, with llama-cpp-python's low-level API on the same GGUF and the same synthetic token ids
as `verireason model bench`:
  - prompt processing: one prompt of --prompt-tokens tokens in one batch;
  - generation at batch 1: --generate tokens decoded one at a time (greedy, EOS ignored);
  - group sampling: one prompt of --group-prompt tokens, its cache copied to --group sequences,
    which decode --group-tokens tokens each together, one batch of --group tokens per step
    (wall time includes the prompt, as in verireason's figure).
Prints one JSON object. usage: bench_llama_cpp.py MODEL.gguf [--threads 2] [...]
"""
import argparse
import ctypes
import json
import sys
import time

import llama_cpp as L
import numpy as np


def synthetic_tokens(n, offset=0):
    # Same formula as verireason's `model bench`: ordinary vocabulary ids, no specials.
    return [1000 + ((i + offset) * 37) % 30000 for i in range(n)]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("model")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--prompt-tokens", type=int, default=512)
    p.add_argument("--generate", type=int, default=128)
    p.add_argument("--group", type=int, default=8)
    p.add_argument("--group-prompt", type=int, default=128)
    p.add_argument("--group-tokens", type=int, default=256)
    p.add_argument("--repeats", type=int, default=3)
    a = p.parse_args()

    L.llama_backend_init()
    L.llama_log_set(ctypes.cast(0, L.llama_log_callback) if hasattr(L, "llama_log_callback") else None,
                    ctypes.c_void_p(0))
    model = L.llama_model_load_from_file(a.model.encode(), L.llama_model_default_params())
    if not model:
        sys.exit(f"cannot load {a.model}")
    cp = L.llama_context_default_params()
    cp.n_ctx = max(a.prompt_tokens, a.generate + 1, a.group_prompt + a.group_tokens + 1) * max(1, a.group) + 64
    cp.n_batch = max(a.prompt_tokens, a.group)
    cp.n_ubatch = cp.n_batch
    cp.n_seq_max = max(1, a.group)
    cp.n_threads = a.threads
    cp.n_threads_batch = a.threads
    ctx = L.llama_init_from_model(model, cp)
    vocab = L.llama_model_get_vocab(model)
    n_vocab = L.llama_vocab_n_tokens(vocab)
    memory = L.llama_get_memory(ctx)
    batch = L.llama_batch_init(cp.n_batch, 0, cp.n_seq_max)

    def decode(entries):
        """entries: (token, position, sequence, wants_logits)."""
        batch.n_tokens = len(entries)
        for i, (tok, pos, seq, out) in enumerate(entries):
            batch.token[i] = tok
            batch.pos[i] = pos
            batch.n_seq_id[i] = 1
            batch.seq_id[i][0] = seq
            batch.logits[i] = 1 if out else 0
        if L.llama_decode(ctx, batch) != 0:
            sys.exit("llama_decode failed")

    def argmax(i):
        return int(np.argmax(np.ctypeslib.as_array(L.llama_get_logits_ith(ctx, i), shape=(n_vocab,))))

    def prompt_processing():
        L.llama_memory_clear(memory, True)
        toks = synthetic_tokens(a.prompt_tokens)
        t = time.perf_counter()
        decode([(tok, i, 0, i == len(toks) - 1) for i, tok in enumerate(toks)])
        argmax(len(toks) - 1)
        return a.prompt_tokens / (time.perf_counter() - t)

    def generation():
        L.llama_memory_clear(memory, True)
        toks = synthetic_tokens(8)
        decode([(tok, i, 0, i == len(toks) - 1) for i, tok in enumerate(toks)])
        nxt = argmax(len(toks) - 1)
        t = time.perf_counter()
        for step in range(a.generate):
            decode([(nxt, len(toks) + step, 0, True)])
            nxt = argmax(0)
        return a.generate / (time.perf_counter() - t)

    def group():
        L.llama_memory_clear(memory, True)
        toks = synthetic_tokens(a.group_prompt)
        t = time.perf_counter()
        decode([(tok, i, 0, i == len(toks) - 1) for i, tok in enumerate(toks)])
        first = argmax(len(toks) - 1)
        for s in range(1, a.group):
            L.llama_memory_seq_cp(memory, 0, s, -1, -1)
        nxt = [first] * a.group
        for step in range(a.group_tokens):
            decode([(nxt[s], len(toks) + step, s, True) for s in range(a.group)])
            nxt = [argmax(s) for s in range(a.group)]
        return a.group * a.group_tokens / (time.perf_counter() - t)

    prompt_processing()  # warm-up
    result = {
        "engine": "llama.cpp",
        "version": "llama-cpp-python " + L.__version__,
        "threads": a.threads,
        "prompt_tokens_per_second": max(prompt_processing() for _ in range(a.repeats)),
        "generation_tokens_per_second": max(generation() for _ in range(a.repeats)),
        "group_tokens_per_second": max(group() for _ in range(a.repeats)),
    }
    L.llama_batch_free(batch)
    L.llama_free(ctx)
    L.llama_model_free(model)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
