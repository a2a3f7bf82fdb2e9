// The two products of one decoding row's attention for one KV head, over an f16 KV cache:
// scores of the G query heads that share the head, then the weighted sum of its values.
//
// In C because the cache is f16: F16C converts eight values an instruction, and these loops run
// once per row, layer and KV head of every decoding step (Swift's element-wise Float16
// conversions made attention the largest share of group sampling).
#ifndef VERIREASON_ATTENTION_DECODE_H
#define VERIREASON_ATTENTION_DECODE_H

#include <stdint.h>

/// scores[h * score_stride + t] = scale * sum_i q[h * head_size + i] * key_t[i] for h < heads,
/// t < T, where key_t starts at keys + t * stride (f16 bit patterns).
void vr_attention_scores(
    float *scores, int64_t score_stride, const float *q, const uint16_t *keys, int64_t T, int64_t stride,
    int64_t head_size, int64_t heads, float scale);

/// out[i] (+)= sum_t p[t] * value_t[i] for i < head_size, value_t at values + t * stride (f16);
/// `accumulate` adds to out instead of overwriting it. The weights p are rounded to f16 first, as
/// llama.cpp's product with an f16 cache rounds them.
void vr_attention_values(
    float *out, const float *p, const uint16_t *values, int64_t T, int64_t stride, int64_t head_size,
    int accumulate);

/// Rounds each of x[0..<n] to the nearest f16 value (kept as float).
void vr_round_to_half(float *x, int64_t n);

#endif
