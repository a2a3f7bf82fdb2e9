import Verilog

/// Why a candidate failed, or that it passed. Failure classes follow VerilogEval's harness where
/// it has one, plus the classes a hardened verifier adds.
public enum VerdictClass: String, Sendable, Codable, CaseIterable {
    case pass
    /// No Verilog found in the completion.
    case noCode = "no_code"
    /// Refused before running: file access, `$finish`, hierarchical reference into the testbench, ...
    case forbidden
    /// The compiler reported a syntax error.
    case syntaxError = "syntax_error"
    /// Any other compile/elaboration failure (v1: any stderr output).
    case compileError = "compile_error"
    /// Wall-clock, CPU or simulated-time limit reached while simulating (a compile that runs out
    /// of time is a `compileError`).
    case timeout
    /// Ran, but outputs differ from the reference.
    case mismatch
    /// Ran, but no trustworthy verdict: missing or duplicated report line, wrong sample count,
    /// simulator crash, output flood.
    case runtimeError = "runtime_error"
    /// The verifier could not judge: the problem itself is unusable (reference rejected by yosys, ...).
    case checkerError = "checker_error"

    /// Whether the candidate compiled (for the reward's partial-credit tier).
    public var compiled: Bool {
        switch self {
        case .pass, .timeout, .mismatch, .runtimeError: return true
        case .noCode, .forbidden, .syntaxError, .compileError, .checkerError: return false
        }
    }
}

/// The outcome of checking one candidate.
public struct Verdict: Sendable, Hashable, Codable {
    public var verdictClass: VerdictClass
    /// Fraction of compared samples that matched, in 0...1 (1 only when passed).
    public var passFraction: Double
    public var mismatches: Int?
    public var samples: Int?
    /// A short human-readable reason (first error line, forbidden construct, upstream class).
    public var detail: String
    /// Which checker produced it (`testbench` or `equivalence`).
    public var checker: String
    /// Simulator version used, e.g. `11.0 (stable)`.
    public var simulator: String?

    public var passed: Bool { verdictClass == .pass }

    public init(
        verdictClass: VerdictClass, passFraction: Double = 0, mismatches: Int? = nil, samples: Int? = nil,
        detail: String = "", checker: String, simulator: String? = nil
    ) {
        self.verdictClass = verdictClass
        self.passFraction = passFraction
        self.mismatches = mismatches
        self.samples = samples
        self.detail = detail
        self.checker = checker
        self.simulator = simulator
    }
}
