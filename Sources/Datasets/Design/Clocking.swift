/// The clock and reset of a sequential design. The port names follow what the differential
/// checker recognises (`reset`, `resetn`, `areset`, `aresetn`), so both checkers drive them right.
enum ResetStyle: String, Sendable, CaseIterable {
    case syncHigh, syncLow, asyncHigh, asyncLow

    var portName: String {
        switch self {
        case .syncHigh: "reset"
        case .syncLow: "resetn"
        case .asyncHigh: "areset"
        case .asyncLow: "aresetn"
        }
    }

    var isAsync: Bool { self == .asyncHigh || self == .asyncLow }
    var activeLow: Bool { self == .syncLow || self == .asyncLow }

    /// The sensitivity list of a clocked `always` block.
    var sensitivity: String {
        switch self {
        case .syncHigh, .syncLow: "posedge clk"
        case .asyncHigh: "posedge clk or posedge areset"
        case .asyncLow: "posedge clk or negedge aresetn"
        }
    }

    /// The condition under which the design resets.
    var condition: String { activeLow ? "!\(portName)" : portName }

    /// One sentence for the spec.
    var sentence: String {
        let level = activeLow ? "active-low" : "active-high"
        let kind = isAsync ? "asynchronous" : "synchronous"
        let timing =
            isAsync ? "takes effect immediately, without waiting for a clock edge" : "takes effect at the next rising edge of clk"
        return "`\(portName)` is an \(level) \(kind) reset that \(timing)."
    }
}
