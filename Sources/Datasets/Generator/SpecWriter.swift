/// Frames a family's behaviour description as a prompt: an opening, the behaviour, the port
/// list and a closing line, each in one of several phrasings drawn from the problem's stream.
enum SpecWriter {
    static func prompt(_ design: Design, rng: inout SplitMix64) -> String {
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
            "Use the module header exactly as given.",
            "Keep the port names and widths as listed.",
            "Do not rename any port.",
        ])
        if circuit.isSequential {
            closing +=
                " " + rng.pick(["All flip-flops are triggered by the rising edge of clk.", "clk is positive-edge triggered."])
        }
        return ([opening, design.behaviourText, portIntro + "\n" + ports.joined(separator: "\n"), closing])
            .joined(separator: "\n\n")
    }
}
