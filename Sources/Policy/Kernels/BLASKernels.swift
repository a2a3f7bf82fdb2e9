import CBLAS
import Foundation
import Support

/// Makes OpenBLAS use the kernels this CPU can run fast, before the first product.
///
/// Debian's OpenBLAS (0.3.21) picks its kernels from the CPU model when it loads, and falls back
/// to the SSE3 ("Prescott") kernels on models it does not know, as virtual CPUs often report.
/// Measured on such a machine: full fine-tuning ran at 58 tokens/s on those and 189 on the
/// AVX-512 ("SkylakeX") kernels, and the finite-difference gradient check of the tiny llama
/// failed on them (relative error 0.025 against 0.002). When OpenBLAS fell back so and
/// `OPENBLAS_CORETYPE` is unset, the kernels the CPU's feature flags allow are loaded instead
/// (`OpenBLASCoreType`); a value in the environment, or a CPU OpenBLAS knows, is left alone.
public enum BLASKernels {
    /// The core type in use after the check (nil when OpenBLAS does not say).
    public static let coreType: String? = {
        guard let current = vr_openblas_corename() else { return nil }
        let name = String(cString: current)
        guard name.lowercased() == "prescott", ProcessInfo.processInfo.environment[OpenBLASCoreType.environmentVariable] == nil,
            let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
            let wanted = OpenBLASCoreType.coreType(forFlags: Set(line.split(separator: " ").map(String.init)))
        else { return name }
        setenv(OpenBLASCoreType.environmentVariable, wanted, 1)
        let reselected = vr_openblas_reselect_kernels() == 1
        unsetenv(OpenBLASCoreType.environmentVariable)
        guard reselected, let now = vr_openblas_corename() else { return name }
        return String(cString: now)
    }()

    /// Runs the check once; call before any BLAS product.
    @inline(__always) public static func prepare() { _ = coreType }
}
