#!/usr/bin/env python3
"""llama.cpp's own first-layer activations for a few tokens of the default model, for the Policy
tests: the normalised input and the Q, K and V projections of layer 0, read through llama.cpp's
eval callback (llama-cpp-python's low-level API).

Before the first 8-bit activation code rounds differently, the two engines compute the same
numbers up to summation order; afterwards they differ by the 8-bit rounding noise. So layer 0 is
where the rounding rules (RMSNorm in double, codes with 127/amax, f16 block scales and sums) can
be checked exactly, which the final logits cannot show.

usage: pip install llama-cpp-python==0.3.36 && scripts/llama_layer0.py [MODEL.gguf]
Writes Tests/PolicyTests/Fixtures/llama-layer0.json (or $LLAMA_LAYER0_OUT).
"""
import base64
import ctypes
import json
import os
import pathlib
import sys

import llama_cpp
import numpy as np

root = pathlib.Path(__file__).resolve().parent.parent
model_path = sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser(
    os.environ.get("VERIREASON_HOME", "~/.cache/verireason") + "/models/SmolLM2-135M-Instruct.Q4_1.gguf")
# The first tokens of the English reference prompt; token 6 of this batch has an activation whose
# code is a tie under llama.cpp's 127/amax and not under 1/d, which the test then catches.
text = "The quick brown fox jumps over the lazy dog."
wanted = ["attn_norm-0", "Qcur-0", "Kcur-0", "Vcur-0"]

ggml = ctypes.CDLL(str(pathlib.Path(llama_cpp.__file__).parent / "lib" / "libggml-base.so"))
ggml.ggml_nbytes.restype = ctypes.c_size_t
ggml.ggml_nbytes.argtypes = [ctypes.c_void_p]


class Tensor(ctypes.Structure):  # the leading fields of struct ggml_tensor (ggml.h)
    _fields_ = [("type", ctypes.c_int), ("buffer", ctypes.c_void_p), ("ne", ctypes.c_int64 * 4),
                ("nb", ctypes.c_size_t * 4), ("op", ctypes.c_int), ("op_params", ctypes.c_int32 * 16),
                ("flags", ctypes.c_int32), ("src", ctypes.c_void_p * 10), ("view_src", ctypes.c_void_p),
                ("view_offs", ctypes.c_size_t), ("data", ctypes.c_void_p), ("name", ctypes.c_char * 64)]


seen = {}


@llama_cpp.ggml_backend_sched_eval_callback
def observe(pointer, ask, _):
    tensor = ctypes.cast(pointer, ctypes.POINTER(Tensor)).contents
    name = tensor.name.decode()
    if ask:
        return name in wanted
    # The first tensor of each name is the product itself (later ones are reshapes and RoPE).
    if name in wanted and name not in seen and tensor.type == 0:  # GGML_TYPE_F32
        count = ggml.ggml_nbytes(pointer) // 4
        seen[name] = np.ctypeslib.as_array(ctypes.cast(tensor.data, ctypes.POINTER(ctypes.c_float)), shape=(count,)).copy()
    return True


llama_cpp.llama_backend_init()
model = llama_cpp.llama_model_load_from_file(model_path.encode(), llama_cpp.llama_model_default_params())
if not model:
    sys.exit(f"error: cannot load {model_path}")
params = llama_cpp.llama_context_default_params()
params.n_ctx, params.n_batch, params.n_ubatch, params.n_threads, params.n_threads_batch = 64, 64, 64, 2, 2
params.flash_attn_type = llama_cpp.LLAMA_FLASH_ATTN_TYPE_DISABLED
params.cb_eval = observe
context = llama_cpp.llama_init_from_model(model, params)
vocab = llama_cpp.llama_model_get_vocab(model)
buffer = (llama_cpp.llama_token * 64)()
count = llama_cpp.llama_tokenize(vocab, text.encode(), len(text.encode()), buffer, 64, False, True)
tokens = [buffer[i] for i in range(count)][:8]
batch = llama_cpp.llama_batch_init(len(tokens), 0, 1)
batch.n_tokens = len(tokens)
for i, token in enumerate(tokens):
    batch.token[i], batch.pos[i], batch.n_seq_id[i], batch.logits[i] = token, i, 1, 1
    batch.seq_id[i][0] = 0
if llama_cpp.llama_decode(context, batch) != 0:
    sys.exit("error: llama_decode failed")
missing = [name for name in wanted if name not in seen]
if missing:
    sys.exit(f"error: llama.cpp did not show {missing}")
out = {
    "model": os.path.basename(model_path), "llama_cpp_python": llama_cpp.__version__, "tokens": tokens,
    # float32 little-endian, (tokens, width) row-major, base64
    "tensors": {name: base64.b64encode(seen[name].astype("<f4").tobytes()).decode() for name in wanted},
}
path = pathlib.Path(os.environ.get("LLAMA_LAYER0_OUT", root / "Tests" / "PolicyTests" / "Fixtures" / "llama-layer0.json"))
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path}: {len(tokens)} tokens, {', '.join(f'{k} {len(v)}' for k, v in seen.items())}", file=sys.stderr)
llama_cpp.llama_batch_free(batch)
llama_cpp.llama_free(context)
llama_cpp.llama_model_free(model)
