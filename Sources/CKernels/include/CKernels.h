// The C kernels of the policy engine (one umbrella header, so that adding a header here
// rebuilds the module rather than leaving a stale one in the module cache).
#include "attention_decode.h"
#include "packed_matmul.h"
#include "quantized_dot.h"
