#!/usr/bin/env python3
"""Writes Tests/PolicyTests/Fixtures/dequant.gguf: one tensor of every storage type the engine
reads (F16, BF16, Q4_0, Q4_1, Q8_0, Q4_K, Q6_K), each followed by `expected.<type>`, the same
values in F32 as the PyPI `gguf` package's reference dequantizer computes them (an oracle
independent of the Swift code). Quantized blocks are random bytes with sane f16 scales, so every
bit pattern of the quants is exercised.

usage: pip install gguf numpy && scripts/make_dequant_fixture.py
"""
import pathlib

import numpy as np
from gguf import GGMLQuantizationType as T, GGUFWriter
from gguf.constants import GGML_QUANT_SIZES
from gguf.quants import dequantize

rng = np.random.default_rng(2026)
out = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "PolicyTests" / "Fixtures" / "dequant.gguf"
writer = GGUFWriter(str(out), "fixture")
n = 512
for qtype in (T.F16, T.BF16, T.Q4_0, T.Q4_1, T.Q8_0, T.Q4_K, T.Q6_K):
    block, size = GGML_QUANT_SIZES[qtype]
    raw = rng.integers(0, 256, size=(n // block) * size, dtype=np.uint8).reshape(n // block, size)
    f16 = lambda: np.frombuffer(np.float16(rng.uniform(-0.05, 0.05)).tobytes(), dtype=np.uint8)
    if qtype == T.F16:
        raw = np.frombuffer(rng.uniform(-2, 2, n).astype(np.float16).tobytes(), dtype=np.uint8).reshape(n, 2)
    elif qtype == T.BF16:
        raw = np.frombuffer((rng.uniform(-2, 2, n).astype(np.float32).view(np.uint32) >> 16).astype(np.uint16).tobytes(),
                            dtype=np.uint8).reshape(n, 2)
    elif qtype in (T.Q4_0, T.Q8_0):
        for b in raw: b[0:2] = f16()
    elif qtype in (T.Q4_1, T.Q4_K):
        for b in raw: b[0:2] = f16(); b[2:4] = f16()
    elif qtype == T.Q6_K:
        for b in raw: b[208:210] = f16()
    raw = raw.reshape(-1)
    expected = dequantize(raw.reshape(n // block, size), qtype).reshape(-1).astype(np.float32)
    assert np.all(np.isfinite(expected))
    writer.add_tensor(qtype.name, raw.reshape(1, -1), raw_dtype=qtype)
    writer.add_tensor(f"expected.{qtype.name}", expected.reshape(1, n))
writer.write_header_to_file()
writer.write_kv_data_to_file()
writer.write_tensors_to_file()
writer.close()
print(f"wrote {out}")
