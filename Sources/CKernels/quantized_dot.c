#include "quantized_dot.h"

#include "attention_decode.h"

#include <math.h>
#include <stddef.h>

#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>
#define VR_SIMD 1
#endif

#define BLOCK 32

void vr_quantize_activations(
    const float *x, int64_t rows, int64_t columns, int8_t *codes, float *scales, float *sums) {
    const int64_t blocks = columns / BLOCK;
    for (int64_t r = 0; r < rows; r++) {
        for (int64_t k = 0; k < blocks; k++) {
            const float *v = x + r * columns + k * BLOCK;
            int8_t *q = codes + r * columns + k * BLOCK;
#ifdef VR_SIMD
            const __m256 sign = _mm256_set1_ps(-0.0f);
            __m256 a[4];
            __m256 m = _mm256_setzero_ps();
            for (int j = 0; j < 4; j++) {
                a[j] = _mm256_loadu_ps(v + 8 * j);
                m = _mm256_max_ps(m, _mm256_andnot_ps(sign, a[j]));
            }
            __m128 m4 = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
            m4 = _mm_max_ps(m4, _mm_movehl_ps(m4, m4));
            m4 = _mm_max_ss(m4, _mm_movehdup_ps(m4));
            const float amax = _mm_cvtss_f32(m4), d = amax / 127.0f;
            // 127 / amax rather than 1 / d: the codes then round as llama.cpp's x86 code rounds them.
            const __m256 inverse = _mm256_set1_ps(amax > 0 ? 127.0f / amax : 0.0f);
            // Round to nearest even, as lrintf does in the default rounding mode.
            __m256i c[4];
            for (int j = 0; j < 4; j++) c[j] = _mm256_cvtps_epi32(_mm256_mul_ps(a[j], inverse));
            const __m256i total = _mm256_add_epi32(_mm256_add_epi32(c[0], c[1]), _mm256_add_epi32(c[2], c[3]));
            __m128i t4 = _mm_add_epi32(_mm256_castsi256_si128(total), _mm256_extracti128_si256(total, 1));
            t4 = _mm_add_epi32(t4, _mm_shuffle_epi32(t4, 0x4E));
            t4 = _mm_add_epi32(t4, _mm_shuffle_epi32(t4, 0xB1));
            const int sum = _mm_cvtsi128_si32(t4);
            // Narrow to bytes; the packs interleave 128-bit lanes, the permutation restores order.
            const __m256i bytes = _mm256_packs_epi16(_mm256_packs_epi32(c[0], c[1]), _mm256_packs_epi32(c[2], c[3]));
            _mm256_storeu_si256(
                (__m256i *)q, _mm256_permutevar8x32_epi32(bytes, _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7)));
#else
            float amax = 0;
            for (int j = 0; j < BLOCK; j++) amax = fmaxf(amax, fabsf(v[j]));
            const float d = amax / 127.0f;
            const float inverse = amax > 0 ? 127.0f / amax : 0.0f;
            int sum = 0;
            for (int j = 0; j < BLOCK; j++) {
                const int c = (int)lrintf(v[j] * inverse);
                q[j] = (int8_t)c;
                sum += c;
            }
#endif
            scales[r * blocks + k] = d;
            sums[r * blocks + k] = d * (float)sum;
        }
    }
    // ggml keeps both in f16 (block_q8_0 and block_q8_1), after the codes were rounded with the
    // fp32 scale; doing the same keeps our products within summation order of llama.cpp's.
    vr_round_to_half(scales, rows * blocks);
    vr_round_to_half(sums, rows * blocks);
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
