#!/usr/bin/env python3
"""Writes tiny random models of each supported architecture, and llama.cpp's figures for them,
for fast Policy tests that do not depend on the default model:

  Tests/PolicyTests/Fixtures/tiny-llama.gguf  llama: tied output head, interleaved RoPE,
                                               Q8_0/Q4_1/Q4_0/F16 weights
  Tests/PolicyTests/Fixtures/tiny-qwen2.gguf  qwen2: q/k/v biases, separate output head,
                                               NeoX RoPE, F32 weights (llama.cpp then computes in
                                               fp32 too, so the two engines agree closely)
  Tests/PolicyTests/Fixtures/tiny-reference.json  for each model and prompt (llama-cpp-python):
      token ids, all next-token logits at the last prompt position, a greedy continuation

Both use a byte-level BPE vocabulary of 256 byte tokens, a few merges and the ChatML specials,
with the family's pre-tokenizer (`smollm`, `qwen2`). Weights are drawn with a fixed seed at
scales that give well separated logits, so greedy decoding has no near ties.

usage: pip install gguf numpy llama-cpp-python==0.3.36 && scripts/make_tiny_models.py
"""
import json
import pathlib

import numpy as np
from gguf import GGMLQuantizationType as T, GGUFWriter, TokenType
from gguf.quants import quantize

fixtures = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "PolicyTests" / "Fixtures"


def byte_symbols():
    # GPT-2's printable stand-ins for the 256 bytes, which byte-level BPE vocabularies store.
    keep = list(range(ord("!"), ord("~") + 1)) + list(range(0xA1, 0xAC + 1)) + list(range(0xAE, 0xFF + 1))
    mapping, extra = {}, 0
    for b in range(256):
        if b in keep:
            mapping[b] = chr(b)
        else:
            mapping[b] = chr(256 + extra)
            extra += 1
    return [mapping[b] for b in range(256)]


MERGES = [("Ġ", "t"), ("h", "e"), ("Ġt", "he"), ("i", "n"), ("e", "r"), ("Ġ", "a"), ("o", "n"), ("r", "e"),
          ("m", "o"), ("mo", "d"), ("u", "l"), ("mod", "ul"), ("modul", "e"), ("Ġ", "Ġ"), ("ĠĠ", "ĠĠ"),
          ("a", "s"), ("as", "s"), ("ass", "i"), ("assi", "g"), ("assig", "n"), ("Ġ", "assign"), ("Ġ", "q"),
          ("p", "u"), ("pu", "t"), ("in", "put"), ("Ġ", "c"), ("Ġc", "l"), ("Ġcl", "k"), ("Ċ", "Ċ"), ("o", "u")]
SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
CHATML = ("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + "
          "'<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}")


def vocabulary():
    tokens = byte_symbols()
    merges = []
    for a, b in MERGES:
        assert a in tokens and b in tokens, (a, b)
        merges.append(f"{a} {b}")
        if a + b not in tokens:
            tokens.append(a + b)
    types = [TokenType.NORMAL] * len(tokens) + [TokenType.CONTROL] * len(SPECIALS)
    return tokens + SPECIALS, types, merges


def write_model(name, arch, pre, types, biases, tied, seed, mix, head):
    rng = np.random.default_rng(seed)
    tokens, token_types, merges = vocabulary()
    V, C, F, L, H, KV = len(tokens), 64, 128, 2, 4, 2
    D = C // H
    w = GGUFWriter(str(fixtures / f"{name}.gguf"), arch)
    w.add_name(name)
    w.add_context_length(256)
    w.add_embedding_length(C)
    w.add_block_count(L)
    w.add_feed_forward_length(F)
    w.add_head_count(H)
    w.add_head_count_kv(KV)
    w.add_rope_freq_base(10000.0 if arch == "llama" else 1000000.0)
    w.add_rope_dimension_count(D)
    w.add_layer_norm_rms_eps(1e-5 if arch == "llama" else 1e-6)
    w.add_vocab_size(V)
    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre(pre)
    w.add_token_list(tokens)
    w.add_token_types(token_types)
    w.add_token_merges(merges)
    w.add_bos_token_id(tokens.index("<|endoftext|>") if arch == "llama" else tokens.index("<|endoftext|>"))
    w.add_eos_token_id(tokens.index("<|im_end|>"))
    w.add_add_bos_token(False)
    w.add_chat_template(CHATML)

    def tensor(tname, shape, scale, qtype=T.F32, mean=0.0):
        data = (mean + scale * rng.standard_normal(shape)).astype(np.float32)
        if qtype == T.F32:
            w.add_tensor(tname, data)
        else:
            w.add_tensor(tname, quantize(data, qtype), raw_dtype=qtype)

    tensor("token_embd.weight", (V, C), 1.0, types["embd"])
    for i in range(L):
        p = f"blk.{i}."
        tensor(p + "attn_norm.weight", (C,), 0.1, mean=1.0)
        tensor(p + "attn_q.weight", (C, C), 0.5 / np.sqrt(C), types["q"])
        tensor(p + "attn_k.weight", (KV * D, C), 0.5 / np.sqrt(C), types["k"])
        tensor(p + "attn_v.weight", (KV * D, C), 1.0 / np.sqrt(C), types["v"])
        if biases:
            tensor(p + "attn_q.bias", (C,), 0.2)
            tensor(p + "attn_k.bias", (KV * D,), 0.2)
            tensor(p + "attn_v.bias", (KV * D,), 0.2)
        tensor(p + "attn_output.weight", (C, C), mix / np.sqrt(C), types["o"])
        tensor(p + "ffn_norm.weight", (C,), 0.1, mean=1.0)
        tensor(p + "ffn_gate.weight", (F, C), 1.0 / np.sqrt(C), types["gate"])
        tensor(p + "ffn_up.weight", (F, C), 1.0 / np.sqrt(C), types["up"])
        tensor(p + "ffn_down.weight", (C, F), mix / np.sqrt(F), types["down"])
    tensor("output_norm.weight", (C,), 0.1, mean=1.0)
    if not tied:
        tensor("output.weight", (V, C), head / np.sqrt(C), types["output"])
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return fixtures / f"{name}.gguf"


def reference(path):
    import llama_cpp
    from llama_cpp import Llama

    prompts = {
        "english": "the input of the module is there",
        "verilog": "module TopModule(input clk, output q);\n  assign q = clk;\nendmodule\n",
        "chat": "<|im_start|>user\nWrite a module.<|im_end|>\n<|im_start|>assistant\n",
        "unicode": "naïve 東京 🚀  x\n\n\t1234",
    }
    llm = Llama(model_path=str(path), n_ctx=256, logits_all=True, verbose=False, n_threads=2, seed=0)
    out = []
    for name, text in prompts.items():
        tokens = llm.tokenize(text.encode("utf-8"), add_bos=False, special=True)
        llm.reset()
        llm.eval(tokens)
        logits = np.array(llm.scores[len(tokens) - 1], dtype=np.float64)
        greedy = []
        for _ in range(24):
            t = int(np.argmax(np.array(llm.scores[llm.n_tokens - 1])))
            greedy.append(t)
            llm.eval([t])
        out.append({"name": name, "text": text, "tokens": tokens,
                    "logits": [round(float(x), 5) for x in logits], "greedy": greedy})
    return {"llama_cpp_python": llama_cpp.__version__, "prompts": out}


models = {
    "tiny-llama": write_model(
        "tiny-llama", "llama", "smollm", biases=False, tied=True, seed=1, mix=4.0, head=0,
        types={"embd": T.Q8_0, "q": T.Q4_1, "k": T.Q4_0, "v": T.Q8_0, "o": T.F16, "gate": T.Q4_1, "up": T.Q8_0,
               "down": T.Q4_0}),
    "tiny-qwen2": write_model(
        "tiny-qwen2", "qwen2", "qwen2", biases=True, tied=False, seed=2, mix=2.0, head=8.0,
        types={k: T.F32 for k in ("embd", "q", "k", "v", "o", "gate", "up", "down", "output")}),
}
result = {name: reference(path) for name, path in models.items()}
(fixtures / "tiny-reference.json").write_text(json.dumps(result, ensure_ascii=False) + "\n")
for name, path in models.items():
    print(f"wrote {path} ({path.stat().st_size} bytes)")
print(f"wrote {fixtures / 'tiny-reference.json'}")
