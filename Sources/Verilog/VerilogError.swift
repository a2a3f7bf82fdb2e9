/// Failures of the Verilog machinery itself (not of a candidate design, which is a result).
public enum VerilogError: Error, CustomStringConvertible, Equatable {
    /// A tool such as iverilog is not installed.
    case toolMissing(String)
    /// A process could not be started or supervised.
    case sandbox(String)
    /// A tool produced output this project cannot interpret.
    case unexpectedToolOutput(tool: String, detail: String)

    public var description: String {
        switch self {
        case .toolMissing(let tool):
            return "\(tool) not found on PATH; run scripts/setup.sh (it installs iverilog, verilator and yosys)"
        case .sandbox(let detail):
            return "sandbox: \(detail)"
        case .unexpectedToolOutput(let tool, let detail):
            return "\(tool): unexpected output: \(detail)"
        }
    }
}
