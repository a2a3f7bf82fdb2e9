/// Frames a family's behaviour description as a prompt, in one of several registers that users and
/// benchmarks write specs in: an imperative task with a port list, a terse one-paragraph request
/// (the header carries the ports), a datasheet with a pin table, or a third-person description of
/// the module. Phrasings are drawn from the problem's stream.
enum SpecWriter {
    /// The register of a prompt.
    enum Style: CaseIterable {
        case imperative, terse, datasheet, description

        /// Whether the prompt lists the ports itself (a terse prompt needs the header beside it).
        var listsPorts: Bool { self != .terse }
    }

    static func prompt(_ design: Design, style: Style, rng: inout SplitMix64) -> String {
        switch style {
        case .imperative: imperative(design, rng: &rng)
        case .terse: terse(design, rng: &rng)
        case .datasheet: datasheet(design, rng: &rng)
        case .description: description(design, rng: &rng)
        }
    }

    private static func clocking(_ circuit: Circuit, rng: inout SplitMix64) -> String {
        circuit.isSequential
            ? rng.pick(["All flip-flops are triggered by the rising edge of clk.", "clk is positive-edge triggered."]) : ""
    }

    private static func imperative(_ design: Design, rng: inout SplitMix64) -> String {
        let circuit = design.circuit
        let opening = rng.pick([
            "Implement the following Verilog module, called TopModule.",
            "Write a Verilog module named TopModule that does the following.",
            "Design a circuit in Verilog (module TopModule) as specified below.",
            "Your task is to write the Verilog module TopModule described here.",
        ])
        let portIntro = rng.pick(["The module has these ports:", "Ports:", "Interface:"])
        let ports = circuit.headerPorts.map { port in
            let kind = port.width > 1 ? "\(port.direction.rawValue), \(port.width) bits" : port.direction.rawValue
            return "- `\(port.name)` (\(kind)): \(port.meaning)"
        }
        var closing = rng.pick([
            "Use the module header exactly as given.", "Keep the port names and widths as listed.", "Do not rename any port.",
        ])
        if circuit.isSequential { closing += " " + clocking(circuit, rng: &rng) }
        return ([opening, design.behaviourText, portIntro + "\n" + ports.joined(separator: "\n"), closing])
            .joined(separator: "\n\n")
    }

    private static func terse(_ design: Design, rng: inout SplitMix64) -> String {
        var text = design.behaviourText
        if let reset = design.circuit.reset { text += " " + reset.sentence }
        let clock = clocking(design.circuit, rng: &rng)
        return clock.isEmpty ? text : text + " " + clock
    }

    private static func datasheet(_ design: Design, rng: inout SplitMix64) -> String {
        let circuit = design.circuit
        let rows = circuit.headerPorts.map { port in
            "| \(port.name) | \(port.direction.rawValue) | \(port.width) | \(port.meaning) |"
        }
        let kind = circuit.isSequential ? "Sequential (rising edge of clk)" : "Combinational"
        return [
            "Module: TopModule", "Type: \(kind)",
            rng.pick(["Function:", "Behaviour:", "Operation:"]) + "\n" + design.behaviourText,
            rng.pick(["Pins:", "Port list:", "Signals:"]) + "\n| Name | Direction | Width | Description |\n|---|---|---|---|\n"
                + rows.joined(separator: "\n"),
        ].joined(separator: "\n\n")
    }

    private static func description(_ design: Design, rng: inout SplitMix64) -> String {
        let circuit = design.circuit
        func names(_ ports: [Port]) -> String { ports.map { "`\($0.name)`" }.joined(separator: ", ") }
        let inputs = circuit.headerPorts.filter { $0.direction == .input }
        let outputs = circuit.outputs
        var text = rng.pick(["This Verilog module, TopModule, is a ", "The module TopModule is a "])
        text += circuit.isSequential ? "sequential circuit clocked on the rising edge of clk. " : "combinational circuit. "
        text +=
            inputs.isEmpty
            ? "It has no inputs"
            : "It has \(inputs.count) input\(inputs.count == 1 ? "" : "s") (\(names(inputs)))"
        text += " and \(outputs.count) output\(outputs.count == 1 ? "" : "s") (\(names(outputs))). "
        text += circuit.headerPorts.map { port in
            let size = port.width > 1 ? "a \(port.width)-bit \(port.direction.rawValue)" : "a 1-bit \(port.direction.rawValue)"
            return "`\(port.name)` is \(size): \(port.meaning)."
        }.joined(separator: " ")
        return text + "\n\n" + design.behaviourText
    }
}
