/// What a sandboxed run did. A non-zero exit, a timeout or an output flood is a result, not an error.
public struct ProcessOutcome: Sendable, Hashable {
    /// How the process ended.
    public enum Termination: Sendable, Hashable {
        case exited(Int32)
        case signaled(Int32)
    }

    public var termination: Termination
    public var stdout: String
    public var stderr: String
    /// The wall-clock limit expired and the group was killed.
    public var timedOut: Bool
    /// stdout or stderr passed the byte cap and the group was killed.
    public var outputLimitExceeded: Bool
    public var wallSeconds: Double

    /// Exited by itself with status 0.
    public var succeeded: Bool { termination == .exited(0) && !timedOut && !outputLimitExceeded }

    /// Killed for exceeding its CPU time (SIGXCPU, or SIGKILL after the hard limit).
    public var exceededCPU: Bool {
        if case .signaled(let sig) = termination { return sig == 24 /* SIGXCPU */ }
        return false
    }
}
