import Verilog

/// Which inputs of a design are its clock and reset, guessed from names as hardware engineers
/// write them (VerilogEval uses `clk`, `reset`, `areset`, `resetn`, ...).
public struct PortRoles: Sendable, Hashable {
    public var clock: ModulePort?
    public var reset: ModulePort?
    /// True when the reset is active low (`resetn`, `rst_n`, `aresetn`).
    public var resetActiveLow: Bool
    /// Inputs driven with random stimulus.
    public var data: [ModulePort]
    public var outputs: [ModulePort]

    public init(ports: [ModulePort]) {
        let inputs = ports.filter { $0.direction == .input }
        func name(_ p: ModulePort) -> String { p.name.lowercased() }
        clock =
            inputs.first { $0.width == 1 && ["clk", "clock", "clk_i", "i_clk", "clock_i", "clkin"].contains(name($0)) }
            ?? inputs.first { $0.width == 1 && name($0).hasPrefix("clk") }
        let resetNames = [
            "reset", "rst", "areset", "arst", "aresetn", "resetn", "reset_n", "rst_n", "rstn", "arst_n",
            "nreset", "nrst", "srst", "sreset", "synchronous_reset", "async_reset",
        ]
        reset = inputs.first { $0.width == 1 && resetNames.contains(name($0)) }
        if let reset {
            let n = name(reset)
            resetActiveLow = n.hasSuffix("n") && n != "n" || n.hasPrefix("nr")
        } else {
            resetActiveLow = false
        }
        let special = Set([clock?.name, reset?.name].compactMap { $0 })
        data = inputs.filter { !special.contains($0.name) }
        outputs = ports.filter { $0.direction == .output }
    }
}
