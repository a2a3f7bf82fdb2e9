// Quantised weights packed for products with many activation rows at once.
//
// N output channels (N = 16 with AVX-512 VNNI, 8 otherwise: one per 32-bit lane of a vector)
// are interleaved four codes at a time, so that one vector holds four consecutive codes of each
// of N channels: an integer dot-product instruction (VNNI's dpbusd) then multiplies them by four
// activation codes broadcast to every lane and accumulates N channels' partial dot products
// together. A block of 32 weights of N channels is converted to fp32 and scaled once per
// activation row, instead of once per channel and row, and the weights are unpacked once for up
// to 8 (AVX-512) or 4 (AVX2) rows. Measured with a single thread on an AMD EPYC, Q4_1 with 8
// rows: 97 GMAC/s with N = 8 in ymm registers, 143 with N = 16 in zmm.
//
// Layout of a packed matrix: tiles of N output channels (the last one padded with zeros), each
// holding its blocks of 32 along the columns in order. A 4-bit block is 16N bytes: four groups
// t = 0..3 of 4N bytes, byte 4i + b of group t holding channel i's element 4t + b in its low
// nibble and element 16 + 4t + b in its high nibble (exactly ggml's byte 4t + b of that channel's
// block). An 8-bit block is 32N bytes: eight groups of channel i's elements 4t..4t+3, stored in
// the form the instruction set wants (unsigned with +128 where dpbusd is available, signed
// otherwise). Scales and offsets are per tile and block, N floats each: w = scale * code + offset.
#ifndef VERIREASON_PACKED_MATMUL_H
#define VERIREASON_PACKED_MATMUL_H

#include <stdint.h>

/// Output channels per packed tile (16 with AVX-512, else 8).
int64_t vr_packed_tile_rows(void);

/// Bytes of packed codes for a (rows, columns) matrix; `nibbles` is 1 for 4-bit codes.
int64_t vr_packed_code_bytes(int64_t rows, int64_t columns, int nibbles);

/// Floats of packed scales (and of packed offsets) for a (rows, columns) matrix.
int64_t vr_packed_scale_count(int64_t rows, int64_t columns);

/// Packs ggml-ordered codes (16 bytes a block for nibbles, 32 signed bytes for bytes) with their
/// per-block scales and offsets (`offsets` NULL when the type has none).
void vr_pack_weights(
    uint8_t *packed, float *packed_scales, float *packed_offsets, const uint8_t *codes, const float *scales,
    const float *offsets, int64_t rows, int64_t columns, int nibbles);

/// out[r * out_stride + o] = sum_c w(o, c) x(r, c) + bias[o] for r < rows and channels o of tiles
/// [tile_begin, tile_end) below `outputs` (the matrix's rows), with activations quantised by
/// vr_quantize_activations. `bias` may be NULL.
void vr_packed_matmul(
    float *out, int64_t out_stride, const int8_t *x_codes, const float *x_scales, const float *x_sums,
    int64_t rows, int64_t columns, const uint8_t *packed, const float *packed_scales,
    const float *packed_offsets, int nibbles, const float *bias, int64_t outputs, int64_t tile_begin,
    int64_t tile_end);

/// Weight (o, c) of a packed matrix as fp32 (for tests).
float vr_packed_weight(
    const uint8_t *packed, const float *packed_scales, const float *packed_offsets, int64_t columns,
    int nibbles, int64_t o, int64_t c);

#endif
