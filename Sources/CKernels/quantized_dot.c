#include "quantized_dot.h"

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
