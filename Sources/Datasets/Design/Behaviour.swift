/// The Swift model of a design, evaluated by the testbench writer to compute expected outputs.
/// The same formal description yields both this model and the reference Verilog, so a written
/// testbench checks one rendering against the other.
///
/// State and port values are `UInt64` words (ports are at most 64 bits wide); the order of
/// `inputs` and of the returned outputs is the circuit's port order.
struct Behaviour: Sendable {
    /// State after reset; empty for combinational designs.
    var resetState: [UInt64]
    /// Outputs from the state and the current inputs; nil marks a don't-care (X in the reference).
    var outputs: @Sendable (_ state: [UInt64], _ inputs: [UInt64]) -> [UInt64?]
    /// State after a rising clock edge when reset is not asserted.
    var next: @Sendable (_ state: [UInt64], _ inputs: [UInt64]) -> [UInt64]

    init(
        resetState: [UInt64], outputs: @escaping @Sendable ([UInt64], [UInt64]) -> [UInt64?],
        next: @escaping @Sendable ([UInt64], [UInt64]) -> [UInt64]
    ) {
        self.resetState = resetState
        self.outputs = outputs
        self.next = next
    }

    /// A design without state.
    static func combinational(_ f: @escaping @Sendable ([UInt64]) -> [UInt64?]) -> Behaviour {
        Behaviour(resetState: [], outputs: { _, inputs in f(inputs) }, next: { state, _ in state })
    }
}
