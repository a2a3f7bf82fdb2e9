/// Bounds on one sandboxed tool run. Every field is enforced: wall time by the parent, the rest
/// as rlimits in the child before exec, output by the reader.
public struct SandboxLimits: Sendable, Hashable, Codable {
    /// Wall-clock seconds before the whole process group is killed.
    public var wallSeconds: Double
    /// CPU seconds (RLIMIT_CPU) per process.
    public var cpuSeconds: Int
    /// Address space in bytes (RLIMIT_AS) per process.
    public var addressSpaceBytes: Int
    /// Largest file a process may write (RLIMIT_FSIZE).
    public var fileSizeBytes: Int
    /// Processes the user may have (RLIMIT_NPROC); the compiler driver forks its passes.
    public var processCount: Int
    /// Bytes kept from stdout and from stderr each; a tool that writes more is killed.
    public var outputBytes: Int

    public init(
        wallSeconds: Double = 30, cpuSeconds: Int = 30, addressSpaceBytes: Int = 2 << 30,
        fileSizeBytes: Int = 16 << 20, processCount: Int = 256, outputBytes: Int = 1 << 20
    ) {
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
        self.addressSpaceBytes = addressSpaceBytes
        self.fileSizeBytes = fileSizeBytes
        self.processCount = processCount
        self.outputBytes = outputBytes
    }

    /// Limits for simulating one candidate: upstream VerilogEval allows 30 s per run.
    public static let simulation = SandboxLimits()
    /// Verilator builds C++, which needs more memory and time than Icarus.
    public static let verilatorBuild = SandboxLimits(
        wallSeconds: 240, cpuSeconds: 240,
        addressSpaceBytes: 8 << 30, fileSizeBytes: 256 << 20)
}
