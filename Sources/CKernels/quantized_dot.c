#include "quantized_dot.h"

#include <math.h>
#include <stddef.h>

#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>
#define VR_SIMD 1
#endif

#define BLOCK 32
#define MAX_TILE 8

void vr_quantize_activations(
    const float *x, int64_t rows, int64_t columns, int8_t *codes, float *scales, float *sums) {
    const int64_t blocks = columns / BLOCK;
    for (int64_t r = 0; r < rows; r++) {
        for (int64_t k = 0; k < blocks; k++) {
            const float *v = x + r * columns + k * BLOCK;
            int8_t *q = codes + r * columns + k * BLOCK;
            float amax = 0;
            for (int j = 0; j < BLOCK; j++) amax = fmaxf(amax, fabsf(v[j]));
            const float d = amax / 127.0f;
            const float inverse = d > 0 ? 1.0f / d : 0.0f;
            int sum = 0;
            for (int j = 0; j < BLOCK; j++) {
                const int c = (int)lrintf(v[j] * inverse);
                q[j] = (int8_t)c;
                sum += c;
            }
            scales[r * blocks + k] = d;
            sums[r * blocks + k] = d * (float)sum;
        }
    }
}

#ifdef VR_SIMD

/// 32 pairs of unsigned by signed bytes, summed in fours into eight 32-bit lanes.
static inline __attribute__((always_inline)) __m256i dot_u8_s8(__m256i u, __m256i s) {
#if defined(__AVX512VNNI__) && defined(__AVX512VL__)
    return _mm256_dpbusd_epi32(_mm256_setzero_si256(), u, s);
#elif defined(__AVXVNNI__)
    return _mm256_dpbusd_avx_epi32(_mm256_setzero_si256(), u, s);
#else
    // Pairs of products fit in 16 bits here: codes are at most 15 x 127 or 128 x 127.
    return _mm256_madd_epi16(_mm256_maddubs_epi16(u, s), _mm256_set1_epi16(1));
#endif
}

static inline __attribute__((always_inline)) float horizontal_sum(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

/// The 32 codes of a nibble block as bytes in element order.
static inline __attribute__((always_inline)) __m256i unpack_nibbles(const uint8_t *q) {
    const __m128i packed = _mm_loadu_si128((const __m128i *)q);
    const __m256i both = _mm256_set_m128i(_mm_srli_epi16(packed, 4), packed);
    return _mm256_and_si256(both, _mm256_set1_epi8(0x0F));
}

/// Rows [0, R) of output o; R is a constant after inlining, so the accumulators stay in registers.
static inline __attribute__((always_inline)) void nibbles_tile(
    const int R, float *out, int64_t out_stride, const int8_t *xq, const float *xd, const float *xs,
    int64_t columns, const uint8_t *wq, const float *wd, const float *wm, float bias, int64_t o) {
    const int64_t blocks = columns / BLOCK;
    __m256 acc[MAX_TILE];
    float offset[MAX_TILE];
    for (int r = 0; r < R; r++) {
        acc[r] = _mm256_setzero_ps();
        offset[r] = 0;
    }
    const uint8_t *q = wq + o * blocks * 16;
    const float *d = wd + o * blocks;
    const float *m = wm + o * blocks;
    for (int64_t k = 0; k < blocks; k++) {
        const __m256i w = unpack_nibbles(q + k * 16);
        for (int r = 0; r < R; r++) {
            const __m256i x = _mm256_loadu_si256((const __m256i *)(xq + r * columns + k * BLOCK));
            const __m256 p = _mm256_cvtepi32_ps(dot_u8_s8(w, x));
            acc[r] = _mm256_fmadd_ps(p, _mm256_set1_ps(d[k] * xd[r * blocks + k]), acc[r]);
            offset[r] += m[k] * xs[r * blocks + k];
        }
    }
    for (int r = 0; r < R; r++) out[r * out_stride + o] = horizontal_sum(acc[r]) + offset[r] + bias;
}

static inline __attribute__((always_inline)) void bytes_tile(
    const int R, float *out, int64_t out_stride, const int8_t *xq, const float *xd, int64_t columns,
    const int8_t *wq, const float *wd, float bias, int64_t o) {
    const int64_t blocks = columns / BLOCK;
    __m256 acc[MAX_TILE];
    for (int r = 0; r < R; r++) acc[r] = _mm256_setzero_ps();
    const int8_t *q = wq + o * blocks * BLOCK;
    const float *d = wd + o * blocks;
    for (int64_t k = 0; k < blocks; k++) {
        const __m256i w = _mm256_loadu_si256((const __m256i *)(q + k * BLOCK));
        // The unsigned operand is |w|; the sign moves onto the activations.
        const __m256i magnitude = _mm256_sign_epi8(w, w);
        for (int r = 0; r < R; r++) {
            const __m256i x = _mm256_loadu_si256((const __m256i *)(xq + r * columns + k * BLOCK));
            const __m256 p = _mm256_cvtepi32_ps(dot_u8_s8(magnitude, _mm256_sign_epi8(x, w)));
            acc[r] = _mm256_fmadd_ps(p, _mm256_set1_ps(d[k] * xd[r * blocks + k]), acc[r]);
        }
    }
    for (int r = 0; r < R; r++) out[r * out_stride + o] = horizontal_sum(acc[r]) + bias;
}

#else

static inline void nibbles_tile(
    const int R, float *out, int64_t out_stride, const int8_t *xq, const float *xd, const float *xs,
    int64_t columns, const uint8_t *wq, const float *wd, const float *wm, float bias, int64_t o) {
    const int64_t blocks = columns / BLOCK;
    for (int r = 0; r < R; r++) {
        float sum = 0;
        for (int64_t k = 0; k < blocks; k++) {
            const uint8_t *q = wq + (o * blocks + k) * 16;
            const int8_t *x = xq + r * columns + k * BLOCK;
            int dot = 0;
            for (int j = 0; j < 16; j++) dot += (q[j] & 0x0F) * x[j] + (q[j] >> 4) * x[j + 16];
            sum += wd[o * blocks + k] * xd[r * blocks + k] * (float)dot + wm[o * blocks + k] * xs[r * blocks + k];
        }
        out[r * out_stride + o] = sum + bias;
    }
}

static inline void bytes_tile(
    const int R, float *out, int64_t out_stride, const int8_t *xq, const float *xd, int64_t columns,
    const int8_t *wq, const float *wd, float bias, int64_t o) {
    const int64_t blocks = columns / BLOCK;
    for (int r = 0; r < R; r++) {
        float sum = 0;
        for (int64_t k = 0; k < blocks; k++) {
            const int8_t *q = wq + (o * blocks + k) * BLOCK;
            const int8_t *x = xq + r * columns + k * BLOCK;
            int dot = 0;
            for (int j = 0; j < BLOCK; j++) dot += q[j] * x[j];
            sum += wd[o * blocks + k] * xd[r * blocks + k] * (float)dot;
        }
        out[r * out_stride + o] = sum + bias;
    }
}

#endif

void vr_dot_nibbles(
    float *out, int64_t out_stride, const int8_t *x_codes, const float *x_scales, const float *x_sums,
    int64_t rows, int64_t columns, const uint8_t *w_codes, const float *w_scales, const float *w_offsets,
    const float *bias, int64_t o_begin, int64_t o_end) {
    const int64_t blocks = columns / BLOCK;
    for (int64_t r0 = 0; r0 < rows; r0 += MAX_TILE) {
        const int64_t tile = rows - r0 < MAX_TILE ? rows - r0 : MAX_TILE;
        float *y = out + r0 * out_stride;
        const int8_t *xq = x_codes + r0 * columns;
        const float *xd = x_scales + r0 * blocks;
        const float *xs = x_sums + r0 * blocks;
        for (int64_t o = o_begin; o < o_end; o++) {
            const float b = bias ? bias[o] : 0.0f;
            switch (tile) {
#define CASE(n) \
    case n: nibbles_tile(n, y, out_stride, xq, xd, xs, columns, w_codes, w_scales, w_offsets, b, o); break;
                CASE(1) CASE(2) CASE(3) CASE(4) CASE(5) CASE(6) CASE(7) CASE(8)
#undef CASE
            }
        }
    }
}

void vr_dot_bytes(
    float *out, int64_t out_stride, const int8_t *x_codes, const float *x_scales, int64_t rows,
    int64_t columns, const int8_t *w_codes, const float *w_scales, const float *bias, int64_t o_begin,
    int64_t o_end) {
    const int64_t blocks = columns / BLOCK;
    for (int64_t r0 = 0; r0 < rows; r0 += MAX_TILE) {
        const int64_t tile = rows - r0 < MAX_TILE ? rows - r0 : MAX_TILE;
        float *y = out + r0 * out_stride;
        const int8_t *xq = x_codes + r0 * columns;
        const float *xd = x_scales + r0 * blocks;
        for (int64_t o = o_begin; o < o_end; o++) {
            const float b = bias ? bias[o] : 0.0f;
            switch (tile) {
#define CASE(n) \
    case n: bytes_tile(n, y, out_stride, xq, xd, columns, w_codes, w_scales, b, o); break;
                CASE(1) CASE(2) CASE(3) CASE(4) CASE(5) CASE(6) CASE(7) CASE(8)
#undef CASE
            }
        }
    }
}

const char *vr_dot_kernel_name(void) {
#if defined(VR_SIMD) && defined(__AVX512VNNI__) && defined(__AVX512VL__)
    return "avx512-vnni";
#elif defined(VR_SIMD) && defined(__AVXVNNI__)
    return "avx-vnni";
#elif defined(VR_SIMD)
    return "avx2";
#else
    return "scalar";
#endif
}
