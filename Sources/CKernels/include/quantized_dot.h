// Activations quantised for the integer kernels (packed_matmul.h).
//
// Activations are quantised per block of 32 to signed bytes with one fp32 scale (as llama.cpp's
// Q8_0/Q8_1), so a block of weights times a block of activations is one integer dot product,
// which AVX-512 VNNI (or AVX2's maddubs) computes without converting the weights to fp32.
// Compiled for the build machine's vector extensions, with a scalar fallback.
#ifndef VERIREASON_QUANTIZED_DOT_H
#define VERIREASON_QUANTIZED_DOT_H

#include <stdint.h>

/// Quantises `rows` rows of `columns` floats (a multiple of 32): codes (rows, columns) int8,
/// scales and sums (rows, columns / 32), with sums[b] = scales[b] * (sum of the block's codes).
void vr_quantize_activations(
    const float *x, int64_t rows, int64_t columns, int8_t *codes, float *scales, float *sums);

/// The instruction set the kernels were compiled for: "avx512-vnni", "avx-vnni", "avx2" or "scalar".
const char *vr_dot_kernel_name(void);

#endif
