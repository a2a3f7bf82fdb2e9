/// Which OpenBLAS kernels suit a CPU, from its feature flags (`/proc/cpuinfo`). `BLASKernels` in
/// Policy loads them when OpenBLAS fell back to its SSE3 kernels on a CPU model it does not know.
public enum OpenBLASCoreType {
    public static let environmentVariable = "OPENBLAS_CORETYPE"

    /// The core type whose kernels suit CPU feature `flags`, or nil to leave OpenBLAS's own choice.
    public static func coreType(forFlags flags: Set<String>) -> String? {
        if ["avx512f", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(flags.contains) { return "SkylakeX" }
        if ["avx2", "fma"].allSatisfy(flags.contains) { return "Haswell" }
        return nil
    }
}
