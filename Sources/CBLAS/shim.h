// OpenBLAS's CBLAS interface, from Debian's libopenblas-dev (scripts/setup.sh installs it).
#include <cblas.h>
