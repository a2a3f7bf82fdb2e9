#include "packed_matmul.h"

#include <string.h>

#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>
#define VR_SIMD 1
#if (defined(__AVX512VNNI__) && defined(__AVX512VL__)) || defined(__AVXVNNI__)
#define VR_VNNI 1
#endif
#endif

#define BLOCK 32

// Output channels per tile: one 32-bit lane of a vector each (16 in a zmm register with
// AVX-512 VNNI, 8 in a ymm register otherwise).
#if defined(__AVX512VNNI__) && defined(__AVX512VL__) && defined(__AVX512BW__) && defined(VR_SIMD)
#define VR_ZMM 1
#define LANES 16
#else
#define LANES 8
#endif
#define GROUP (LANES * 4)

// Rows per pass over a tile's weights: as many as there are registers for their accumulators
// (AVX-512VL has 32 vector registers, AVX2 16).
#if defined(__AVX512VL__)
#define TILE_ROWS 8
#else
#define TILE_ROWS 4
#endif

// 8-bit codes are stored unsigned (+128) where dpbusd multiplies unsigned by signed bytes.
#if defined(VR_VNNI)
#define BYTES_UNSIGNED 1
#else
#define BYTES_UNSIGNED 0
#endif

static int64_t tiles_of(int64_t rows) { return (rows + LANES - 1) / LANES; }

int64_t vr_packed_code_bytes(int64_t rows, int64_t columns, int nibbles) {
    return tiles_of(rows) * LANES * columns / (nibbles ? 2 : 1);
}

int64_t vr_packed_tile_rows(void) { return LANES; }

int64_t vr_packed_scale_count(int64_t rows, int64_t columns) { return tiles_of(rows) * LANES * (columns / BLOCK); }

void vr_pack_weights(
    uint8_t *packed, float *packed_scales, float *packed_offsets, const uint8_t *codes, const float *scales,
    const float *offsets, int64_t rows, int64_t columns, int nibbles) {
    const int64_t blocks = columns / BLOCK;
    const int64_t block_bytes = nibbles ? 16 : 32;
    const int64_t groups = block_bytes / 4;
    memset(packed, 0, (size_t)vr_packed_code_bytes(rows, columns, nibbles));
    memset(packed_scales, 0, sizeof(float) * (size_t)vr_packed_scale_count(rows, columns));
    memset(packed_offsets, 0, sizeof(float) * (size_t)vr_packed_scale_count(rows, columns));
    for (int64_t o = 0; o < rows; o++) {
        const int64_t tile = o / LANES, lane = o % LANES;
        for (int64_t k = 0; k < blocks; k++) {
            const uint8_t *src = codes + (o * blocks + k) * block_bytes;
            uint8_t *dst = packed + (tile * blocks + k) * LANES * block_bytes;
            for (int64_t t = 0; t < groups; t++) {
                for (int b = 0; b < 4; b++) {
                    uint8_t c = src[4 * t + b];
                    if (!nibbles && BYTES_UNSIGNED) c = (uint8_t)((int)(int8_t)c + 128);
                    dst[t * GROUP + lane * 4 + b] = c;
                }
            }
            const int64_t s = (tile * blocks + k) * LANES + lane;
            const float d = scales[o * blocks + k];
            packed_scales[s] = d;
            packed_offsets[s] = offsets ? offsets[o * blocks + k] : (!nibbles && BYTES_UNSIGNED ? -128.0f * d : 0.0f);
        }
    }
}

float vr_packed_weight(
    const uint8_t *packed, const float *packed_scales, const float *packed_offsets, int64_t columns,
    int nibbles, int64_t o, int64_t c) {
    const int64_t blocks = columns / BLOCK;
    const int64_t tile = o / LANES, lane = o % LANES, k = c / BLOCK, j = c % BLOCK;
    const int64_t block_bytes = nibbles ? 16 : 32;
    const uint8_t *block = packed + (tile * blocks + k) * LANES * block_bytes;
    const int64_t s = (tile * blocks + k) * LANES + lane;
    float code;
    if (nibbles) {
        const int64_t e = j % 16;
        const uint8_t byte = block[(e / 4) * GROUP + lane * 4 + e % 4];
        code = (float)(j < 16 ? byte & 0x0F : byte >> 4);
    } else {
        const uint8_t byte = block[(j / 4) * GROUP + lane * 4 + j % 4];
        code = BYTES_UNSIGNED ? (float)byte : (float)(int8_t)byte;
    }
    return packed_scales[s] * code + packed_offsets[s];
}

#if defined(VR_ZMM)

/// Four activation codes broadcast to every lane.
static inline __attribute__((always_inline)) __m512i broadcast4(const int8_t *x) {
    int32_t v;
    memcpy(&v, x, 4);
    return _mm512_set1_epi32(v);
}

/// Rows [0, R) of one tile; R is a constant after inlining, so the accumulators stay in registers.
static inline __attribute__((always_inline)) void tile_rows(
    const int R, __m512 *acc, const int8_t *xq, const float *xd, const float *xs, int64_t columns,
    const uint8_t *w, const float *pd, const float *pm, int nibbles) {
    const int64_t blocks = columns / BLOCK;
    for (int r = 0; r < R; r++) acc[r] = _mm512_setzero_ps();
    const __m512i low = _mm512_set1_epi8(0x0F);
    for (int64_t k = 0; k < blocks; k++) {
        __m512i codes[8];
        if (nibbles) {
            const uint8_t *q = w + k * LANES * 16;
            for (int t = 0; t < 4; t++) {
                const __m512i v = _mm512_loadu_si512((const void *)(q + GROUP * t));
                codes[t] = _mm512_and_si512(v, low);
                codes[4 + t] = _mm512_and_si512(_mm512_srli_epi16(v, 4), low);
            }
        } else {
            const uint8_t *q = w + k * LANES * 32;
            for (int t = 0; t < 8; t++) codes[t] = _mm512_loadu_si512((const void *)(q + GROUP * t));
        }
        const __m512 d = _mm512_loadu_ps(pd + k * LANES);
        const __m512 m = _mm512_loadu_ps(pm + k * LANES);
        for (int r = 0; r < R; r++) {
            const int8_t *x = xq + r * columns + k * BLOCK;
            __m512i dot = _mm512_setzero_si512();
            if (nibbles) {
                for (int t = 0; t < 4; t++) dot = _mm512_dpbusd_epi32(dot, codes[t], broadcast4(x + 4 * t));
                for (int t = 0; t < 4; t++) dot = _mm512_dpbusd_epi32(dot, codes[4 + t], broadcast4(x + 16 + 4 * t));
            } else {
                for (int t = 0; t < 8; t++) dot = _mm512_dpbusd_epi32(dot, codes[t], broadcast4(x + 4 * t));
            }
            const __m512 scaled = _mm512_mul_ps(_mm512_cvtepi32_ps(dot), _mm512_set1_ps(xd[r * blocks + k]));
            acc[r] = _mm512_fmadd_ps(scaled, d, acc[r]);
            acc[r] = _mm512_fmadd_ps(m, _mm512_set1_ps(xs[r * blocks + k]), acc[r]);
        }
    }
}

static void run_tile(
    float *out, int64_t out_stride, const int8_t *xq, const float *xd, const float *xs, int64_t rows,
    int64_t columns, const uint8_t *w, const float *pd, const float *pm, int nibbles, const float *bias,
    int64_t first_output, int64_t valid) {
    const int64_t blocks = columns / BLOCK;
    float b[LANES] = {0};
    if (bias)
        for (int64_t i = 0; i < valid; i++) b[i] = bias[first_output + i];
    const __m512 bv = _mm512_loadu_ps(b);
    const __mmask16 mask = (__mmask16)((1u << valid) - 1);
    for (int64_t r0 = 0; r0 < rows; r0 += TILE_ROWS) {
        const int64_t n = rows - r0 < TILE_ROWS ? rows - r0 : TILE_ROWS;
        __m512 acc[TILE_ROWS];
        const int8_t *x = xq + r0 * columns;
        const float *d = xd + r0 * blocks, *s = xs + r0 * blocks;
        switch (n) {
#define CASE(R) \
    case R: tile_rows(R, acc, x, d, s, columns, w, pd, pm, nibbles); break;
            CASE(1) CASE(2) CASE(3) CASE(4) CASE(5) CASE(6) CASE(7) CASE(8)
#undef CASE
        }
        for (int64_t r = 0; r < n; r++)
            _mm512_mask_storeu_ps(out + (r0 + r) * out_stride + first_output, mask, _mm512_add_ps(acc[r], bv));
    }
}

#elif defined(VR_SIMD)

static inline __attribute__((always_inline)) __m256i dot_accumulate(__m256i acc, __m256i u, __m256i s) {
#if defined(__AVX512VNNI__) && defined(__AVX512VL__)
    return _mm256_dpbusd_epi32(acc, u, s);
#elif defined(__AVXVNNI__)
    return _mm256_dpbusd_avx_epi32(acc, u, s);
#else
    // Pairs of products fit in 16 bits: codes are at most 15 x 127, or 128 x 127 with the signs
    // moved onto the activations.
    return _mm256_add_epi32(acc, _mm256_madd_epi16(_mm256_maddubs_epi16(u, s), _mm256_set1_epi16(1)));
#endif
}

/// Four activation codes broadcast to every lane.
static inline __attribute__((always_inline)) __m256i broadcast4(const int8_t *x) {
    int32_t v;
    memcpy(&v, x, 4);
    return _mm256_set1_epi32(v);
}

/// Rows [0, R) of one tile; R is a constant after inlining, so the accumulators stay in registers.
static inline __attribute__((always_inline)) void tile_rows(
    const int R, __m256 *acc, const int8_t *xq, const float *xd, const float *xs, int64_t columns,
    const uint8_t *w, const float *pd, const float *pm, int nibbles) {
    const int64_t blocks = columns / BLOCK;
    for (int r = 0; r < R; r++) acc[r] = _mm256_setzero_ps();
    const __m256i low = _mm256_set1_epi8(0x0F);
    for (int64_t k = 0; k < blocks; k++) {
        __m256i codes[8];
        if (nibbles) {
            const uint8_t *q = w + k * LANES * 16;
            for (int t = 0; t < 4; t++) {
                const __m256i v = _mm256_loadu_si256((const __m256i *)(q + 32 * t));
                codes[t] = _mm256_and_si256(v, low);
                codes[4 + t] = _mm256_and_si256(_mm256_srli_epi16(v, 4), low);
            }
        } else {
            const uint8_t *q = w + k * LANES * 32;
            for (int t = 0; t < 8; t++) codes[t] = _mm256_loadu_si256((const __m256i *)(q + 32 * t));
        }
#if !BYTES_UNSIGNED
        __m256i magnitudes[8];
        if (!nibbles)
            for (int t = 0; t < 8; t++) magnitudes[t] = _mm256_sign_epi8(codes[t], codes[t]);
#endif
        const __m256 d = _mm256_loadu_ps(pd + k * LANES);
        const __m256 m = _mm256_loadu_ps(pm + k * LANES);
        for (int r = 0; r < R; r++) {
            const int8_t *x = xq + r * columns + k * BLOCK;
            __m256i dot = _mm256_setzero_si256();
            if (nibbles) {
                for (int t = 0; t < 4; t++) dot = dot_accumulate(dot, codes[t], broadcast4(x + 4 * t));
                for (int t = 0; t < 4; t++) dot = dot_accumulate(dot, codes[4 + t], broadcast4(x + 16 + 4 * t));
            } else {
#if BYTES_UNSIGNED
                for (int t = 0; t < 8; t++) dot = dot_accumulate(dot, codes[t], broadcast4(x + 4 * t));
#else
                for (int t = 0; t < 8; t++)
                    dot = dot_accumulate(dot, magnitudes[t], _mm256_sign_epi8(broadcast4(x + 4 * t), codes[t]));
#endif
            }
            const __m256 scaled = _mm256_mul_ps(_mm256_cvtepi32_ps(dot), _mm256_set1_ps(xd[r * blocks + k]));
            acc[r] = _mm256_fmadd_ps(scaled, d, acc[r]);
            acc[r] = _mm256_fmadd_ps(m, _mm256_set1_ps(xs[r * blocks + k]), acc[r]);
        }
    }
}

static void run_tile(
    float *out, int64_t out_stride, const int8_t *xq, const float *xd, const float *xs, int64_t rows,
    int64_t columns, const uint8_t *w, const float *pd, const float *pm, int nibbles, const float *bias,
    int64_t first_output, int64_t valid) {
    const int64_t blocks = columns / BLOCK;
    float b[LANES] = {0};
    if (bias)
        for (int64_t i = 0; i < valid; i++) b[i] = bias[first_output + i];
    const __m256 bv = _mm256_loadu_ps(b);
    for (int64_t r0 = 0; r0 < rows; r0 += TILE_ROWS) {
        const int64_t n = rows - r0 < TILE_ROWS ? rows - r0 : TILE_ROWS;
        __m256 acc[TILE_ROWS];
        const int8_t *x = xq + r0 * columns;
        const float *d = xd + r0 * blocks, *s = xs + r0 * blocks;
        switch (n) {
#define CASE(R) \
    case R: tile_rows(R, acc, x, d, s, columns, w, pd, pm, nibbles); break;
            CASE(1) CASE(2) CASE(3) CASE(4)
#if TILE_ROWS == 8
            CASE(5) CASE(6) CASE(7) CASE(8)
#endif
#undef CASE
        }
        for (int64_t r = 0; r < n; r++) {
            float *y = out + (r0 + r) * out_stride + first_output;
            const __m256 v = _mm256_add_ps(acc[r], bv);
            if (valid == LANES) {
                _mm256_storeu_ps(y, v);
            } else {
                float tmp[LANES];
                _mm256_storeu_ps(tmp, v);
                memcpy(y, tmp, sizeof(float) * (size_t)valid);
            }
        }
    }
}

#else

static void run_tile(
    float *out, int64_t out_stride, const int8_t *xq, const float *xd, const float *xs, int64_t rows,
    int64_t columns, const uint8_t *w, const float *pd, const float *pm, int nibbles, const float *bias,
    int64_t first_output, int64_t valid) {
    const int64_t blocks = columns / BLOCK;
    const int64_t block_bytes = nibbles ? 16 : 32;
    for (int64_t r = 0; r < rows; r++) {
        for (int64_t lane = 0; lane < valid; lane++) {
            float sum = 0;
            for (int64_t k = 0; k < blocks; k++) {
                const uint8_t *q = w + k * LANES * block_bytes;
                const int8_t *x = xq + r * columns + k * BLOCK;
                int dot = 0;
                for (int64_t t = 0; t < block_bytes / 4; t++) {
                    for (int b = 0; b < 4; b++) {
                        const uint8_t byte = q[t * GROUP + lane * 4 + b];
                        if (nibbles) {
                            dot += (byte & 0x0F) * x[4 * t + b] + (byte >> 4) * x[16 + 4 * t + b];
                        } else {
                            dot += (int8_t)byte * x[4 * t + b];
                        }
                    }
                }
                const int64_t s = k * LANES + lane;
                sum += pd[s] * xd[r * blocks + k] * (float)dot + pm[s] * xs[r * blocks + k];
            }
            out[r * out_stride + first_output + lane] = sum + (bias ? bias[first_output + lane] : 0.0f);
        }
    }
}

#endif

void vr_packed_matmul(
    float *out, int64_t out_stride, const int8_t *x_codes, const float *x_scales, const float *x_sums,
    int64_t rows, int64_t columns, const uint8_t *packed, const float *packed_scales,
    const float *packed_offsets, int nibbles, const float *bias, int64_t outputs, int64_t tile_begin,
    int64_t tile_end) {
    const int64_t blocks = columns / BLOCK;
    const int64_t tile_bytes = blocks * LANES * (nibbles ? 16 : 32);
    for (int64_t tile = tile_begin; tile < tile_end; tile++) {
        const int64_t first = tile * LANES;
        const int64_t valid = outputs - first < LANES ? outputs - first : LANES;
        if (valid <= 0) break;
        run_tile(
            out, out_stride, x_codes, x_scales, x_sums, rows, columns, packed + tile * tile_bytes,
            packed_scales + tile * blocks * LANES, packed_offsets + tile * blocks * LANES, nibbles, bias, first,
            valid);
    }
}
