#include "attention_decode.h"

#include <string.h>

#if defined(__F16C__)
#include <immintrin.h>
#endif

#if defined(__AVX2__) && defined(__FMA__) && defined(__F16C__)
#include <immintrin.h>
#define VR_SIMD 1
#endif

/// An IEEE half as float (the fallback without F16C).
static inline float half_to_float(uint16_t h) {
    const uint32_t sign = (uint32_t)(h & 0x8000) << 16;
    const uint32_t exponent = (h >> 10) & 0x1F, mantissa = h & 0x3FF;
    uint32_t bits;
    if (exponent == 0x1F) {
        bits = sign | 0x7F800000 | (mantissa << 13);
    } else if (exponent != 0) {
        bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
    } else if (mantissa == 0) {
        bits = sign;
    } else {
        // Subnormal: normalise the mantissa.
        int e = -1;
        uint32_t m = mantissa;
        do {
            e++;
            m <<= 1;
        } while ((m & 0x400) == 0);
        bits = sign | ((uint32_t)(112 - e) << 23) | ((m & 0x3FF) << 13);
    }
    float f;
    memcpy(&f, &bits, 4);
    return f;
}

/// A float rounded to the nearest IEEE half (ties to even), as a bit pattern.
static inline uint16_t float_to_half(float f) {
#if defined(__F16C__)
    return _cvtss_sh(f, 0);
#else
    uint32_t x;
    memcpy(&x, &f, 4);
    const uint32_t sign = (x >> 16) & 0x8000;
    const uint32_t magnitude = x & 0x7FFFFFFF;
    if (magnitude >= 0x7F800000) return (uint16_t)(sign | 0x7C00 | (magnitude > 0x7F800000 ? 0x200 : 0));
    if (magnitude >= 0x477FF000) return (uint16_t)(sign | 0x7C00);  // overflows to infinity
    if (magnitude < 0x38800000) {
        // Subnormal half (or zero): shift the implicit-one mantissa into place, rounding to even.
        if (magnitude < 0x33000000) return (uint16_t)sign;
        const uint32_t e = magnitude >> 23, m = (magnitude & 0x7FFFFF) | 0x800000;
        const uint32_t shift = 126 - e;
        uint32_t h = m >> shift;
        const uint32_t rest = m & ((1u << shift) - 1), half = 1u << (shift - 1);
        if (rest > half || (rest == half && (h & 1))) h++;
        return (uint16_t)(sign | h);
    }
    uint32_t h = ((magnitude - 0x38000000) >> 13);
    const uint32_t rest = magnitude & 0x1FFF;
    if (rest > 0x1000 || (rest == 0x1000 && (h & 1))) h++;
    return (uint16_t)(sign | h);
#endif
}

void vr_round_to_half(float *x, int64_t n) {
    int64_t i = 0;
#ifdef VR_SIMD
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(x + i, _mm256_cvtph_ps(_mm256_cvtps_ph(_mm256_loadu_ps(x + i), _MM_FROUND_TO_NEAREST_INT)));
#endif
    for (; i < n; i++) x[i] = half_to_float(float_to_half(x[i]));
}

#ifdef VR_SIMD

static inline __attribute__((always_inline)) __m256 load_half8(const uint16_t *p) {
    return _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)p));
}

static inline __attribute__((always_inline)) float horizontal_sum(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

#endif

#ifdef VR_SIMD

/// The eight lane sums of a[0..7] as one vector: element j is the sum of a[j]'s lanes.
static inline __attribute__((always_inline)) __m256 sum_lanes8(const __m256 *a) {
    const __m256 s01 = _mm256_hadd_ps(a[0], a[1]), s23 = _mm256_hadd_ps(a[2], a[3]);
    const __m256 s45 = _mm256_hadd_ps(a[4], a[5]), s67 = _mm256_hadd_ps(a[6], a[7]);
    const __m256 s0123 = _mm256_hadd_ps(s01, s23), s4567 = _mm256_hadd_ps(s45, s67);
    // Lanes 0-3 hold the low halves' sums of a[0..3] then a[4..7] in lanes 4-7's counterparts.
    return _mm256_add_ps(
        _mm256_permute2f128_ps(s0123, s4567, 0x20), _mm256_permute2f128_ps(s0123, s4567, 0x31));
}

#endif

void vr_attention_scores(
    float *scores, int64_t score_stride, const float *q, const uint16_t *keys, int64_t T, int64_t stride,
    int64_t head_size, int64_t heads, float scale) {
    for (int64_t h = 0; h < heads; h++) {
        const float *qh = q + h * head_size;
        float *s = scores + h * score_stride;
        int64_t t0 = 0;
#ifdef VR_SIMD
        // Eight positions at a time, their dot products reduced together.
        if (head_size % 8 == 0) {
            for (; t0 + 8 <= T; t0 += 8) {
                __m256 a[8];
                for (int j = 0; j < 8; j++) a[j] = _mm256_setzero_ps();
                for (int64_t i = 0; i < head_size; i += 8) {
                    const __m256 qv = _mm256_loadu_ps(qh + i);
                    for (int j = 0; j < 8; j++) a[j] = _mm256_fmadd_ps(qv, load_half8(keys + (t0 + j) * stride + i), a[j]);
                }
                _mm256_storeu_ps(s + t0, _mm256_mul_ps(sum_lanes8(a), _mm256_set1_ps(scale)));
            }
        }
#endif
        for (int64_t t = t0; t < T; t++) {
            const uint16_t *k = keys + t * stride;
            int64_t i = 0;
            float sum = 0;
#ifdef VR_SIMD
            __m256 a = _mm256_setzero_ps();
            for (; i + 8 <= head_size; i += 8) a = _mm256_fmadd_ps(_mm256_loadu_ps(qh + i), load_half8(k + i), a);
            sum = horizontal_sum(a);
#endif
            for (; i < head_size; i++) sum += qh[i] * half_to_float(k[i]);
            s[t] = sum * scale;
        }
    }
}

void vr_attention_values(
    float *out, const float *p, const uint16_t *values, int64_t T, int64_t stride, int64_t head_size,
    int accumulate) {
    int64_t i0 = 0;
#ifdef VR_SIMD
    // 64 outputs at a time in eight registers.
    for (; i0 + 64 <= head_size; i0 += 64) {
        __m256 a[8];
        for (int j = 0; j < 8; j++) a[j] = accumulate ? _mm256_loadu_ps(out + i0 + 8 * j) : _mm256_setzero_ps();
        for (int64_t t = 0; t < T; t++) {
            const __m256 w = _mm256_set1_ps(_cvtsh_ss(_cvtss_sh(p[t], 0)));
            const uint16_t *v = values + t * stride + i0;
            for (int j = 0; j < 8; j++) a[j] = _mm256_fmadd_ps(w, load_half8(v + 8 * j), a[j]);
        }
        for (int j = 0; j < 8; j++) _mm256_storeu_ps(out + i0 + 8 * j, a[j]);
    }
    for (; i0 + 8 <= head_size; i0 += 8) {
        __m256 a = accumulate ? _mm256_loadu_ps(out + i0) : _mm256_setzero_ps();
        for (int64_t t = 0; t < T; t++)
            a = _mm256_fmadd_ps(_mm256_set1_ps(_cvtsh_ss(_cvtss_sh(p[t], 0))), load_half8(values + t * stride + i0), a);
        _mm256_storeu_ps(out + i0, a);
    }
#endif
    for (int64_t i = i0; i < head_size; i++) {
        float sum = accumulate ? out[i] : 0;
        for (int64_t t = 0; t < T; t++) sum += half_to_float(float_to_half(p[t])) * half_to_float(values[t * stride + i]);
        out[i] = sum;
    }
}
