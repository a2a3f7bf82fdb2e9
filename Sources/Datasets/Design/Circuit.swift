/// A generated design: its interface, the reference body derived from the formal description,
/// and the Swift model of the same description.
struct Circuit: Sendable {
    /// Data inputs, in header order after `clk` and the reset.
    var inputs: [Port]
    var outputs: [Port]
    /// nil for a combinational design.
    var reset: ResetStyle?
    /// Declarations and statements between the header and `endmodule`.
    var body: String
    var behaviour: Behaviour

    init(inputs: [Port], outputs: [Port], reset: ResetStyle? = nil, body: String, behaviour: Behaviour) {
        self.inputs = inputs
        self.outputs = outputs
        self.reset = reset
        self.body = body
        self.behaviour = behaviour
    }

    var isSequential: Bool { reset != nil }

    /// Every port in header order, clock and reset first.
    var headerPorts: [Port] {
        var ports: [Port] = []
        if let reset {
            ports.append(.input("clk", "the clock; all state changes on its rising edge"))
            ports.append(.input(reset.portName, reset.sentence))
        }
        return ports + inputs + outputs
    }

    /// `module NAME (...);` in the given layout.
    func header(named name: String, style: HeaderStyle = .ansiPerLine) -> String {
        style.render(headerPorts, named: name)
    }

    /// The header shown to the model.
    var moduleHeader: String { header(named: "TopModule") }

    /// The reference module, named as VerilogEval names its references.
    var reference: String { reference(style: .ansiPerLine) }

    /// The reference with its header in `style` (so a candidate made from it copies the header
    /// the prompt shows).
    func reference(style: HeaderStyle) -> String { header(named: "RefModule", style: style) + "\n" + body + "\nendmodule\n" }
}
