// Integer dot products of quantised weights with quantised activations, for decoding.
//
// Activations are quantised per block of 32 to signed bytes with one fp32 scale (as llama.cpp's
// Q8_0/Q8_1), so a block of weights times a block of activations is one integer dot product,
// which AVX-512 VNNI (or AVX2's maddubs) computes 32 pairs at a time without converting the
// weights to fp32. Compiled for the build machine's vector extensions, with a scalar fallback.
#ifndef VERIREASON_QUANTIZED_DOT_H
#define VERIREASON_QUANTIZED_DOT_H

#include <stdint.h>

/// Quantises `rows` rows of `columns` floats (a multiple of 32): codes (rows, columns) int8,
/// scales and sums (rows, columns / 32), with sums[b] = scales[b] * (sum of the block's codes).
void vr_quantize_activations(
    const float *x, int64_t rows, int64_t columns, int8_t *codes, float *scales, float *sums);

/// out[r * out_stride + o] = sum_c w(o, c) x(r, c) + bias[o] for rows r < rows and outputs o in
/// [o_begin, o_end), where w(o, c) = w_scales[blk] * code + w_offsets[blk] and codes are 4-bit
/// (16 bytes per block of 32: byte j holds element j in its low nibble and j + 16 in its high
/// nibble, as ggml stores them). `bias` may be NULL.
void vr_dot_nibbles(
    float *out, int64_t out_stride, const int8_t *x_codes, const float *x_scales, const float *x_sums,
    int64_t rows, int64_t columns, const uint8_t *w_codes, const float *w_scales, const float *w_offsets,
    const float *bias, int64_t o_begin, int64_t o_end);

/// The same for signed 8-bit weight codes (32 bytes per block) without offsets.
void vr_dot_bytes(
    float *out, int64_t out_stride, const int8_t *x_codes, const float *x_scales, int64_t rows,
    int64_t columns, const int8_t *w_codes, const float *w_scales, const float *bias, int64_t o_begin,
    int64_t o_end);

/// The instruction set the kernels were compiled for: "avx512-vnni", "avx-vnni", "avx2" or "scalar".
const char *vr_dot_kernel_name(void);

#endif
