// OpenBLAS's CBLAS interface, from Debian's libopenblas-dev (scripts/setup.sh installs it).
#include <cblas.h>

// The kernel selection of OpenBLAS builds with DYNAMIC_ARCH (Debian's), declared weak so that a
// build without it still links: the functions below then report that they could not act.
extern char *openblas_get_corename(void) __attribute__((weak));
extern void gotoblas_dynamic_init(void) __attribute__((weak));
extern void gotoblas_dynamic_quit(void) __attribute__((weak));

/// The name of the kernels OpenBLAS uses, or null when it cannot say.
static inline const char *vr_openblas_corename(void) {
    return openblas_get_corename ? openblas_get_corename() : 0;
}

/// Selects the kernels again (reading OPENBLAS_CORETYPE); 0 when this OpenBLAS cannot.
static inline int vr_openblas_reselect_kernels(void) {
    if (!gotoblas_dynamic_quit || !gotoblas_dynamic_init) return 0;
    gotoblas_dynamic_quit();
    gotoblas_dynamic_init();
    return 1;
}
