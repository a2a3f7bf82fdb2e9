extension Family {
    /// The smallest designs a course starts with: constants, plain wires, one gate, or a few
    /// gates over the same two inputs.
    static let gates = Family(
        name: "gates", summary: "constant outputs, plain wires, NOT and two-input gates, several gates side by side"
    ) { difficulty, rng in
        let gateNames = ["and", "or", "xor", "nand", "nor", "xnor"]
        @Sendable func gate(_ name: String, _ a: UInt64, _ b: UInt64) -> UInt64 {
            switch name {
            case "and": a & b
            case "or": a | b
            case "xor": a ^ b
            case "nand": ~(a & b) & 1
            case "nor": ~(a | b) & 1
            default: ~(a ^ b) & 1
            }
        }
        func expression(_ name: String, _ a: String, _ b: String) -> String {
            switch name {
            case "and": "\(a) & \(b)"
            case "or": "\(a) | \(b)"
            case "xor": "\(a) ^ \(b)"
            case "nand": "~(\(a) & \(b))"
            case "nor": "~(\(a) | \(b))"
            default: "~(\(a) ^ \(b))"
            }
        }
        switch rng.pick(difficulty == .easy ? [0, 1, 2, 3] : [2, 3, 3, 4]) {
        case 0:
            let value: UInt64 = rng.chance(1, in: 2) ? 1 : 0
            let name = rng.pick(["out", "zero", "one", "y"])
            let text = rng.pick([
                "Build a circuit with no inputs that always drives \(name) \(value == 1 ? "high" : "low").",
                "The output \(name) is the constant \(value).",
                "Drive the output \(name) with a constant logic \(value == 1 ? "1 (HIGH)" : "0 (LOW)").",
            ])
            let circuit = Circuit(
                inputs: [], outputs: [.output(name, "always \(value)")], body: "  assign \(name) = 1'b\(value);",
                behaviour: .combinational { _ in [value] })
            return Design(circuit: circuit, behaviourText: text)
        case 1:
            let invert = rng.chance(1, in: 2)
            let text =
                invert
                ? rng.pick([
                    "Implement a NOT gate: out is the inverse of in.", "out = NOT in.",
                    "Build an inverter that drives out with the complement of in.",
                ])
                : rng.pick([
                    "Create a module with one input and one output that behaves like a wire: out follows in.",
                    "Connect the input in directly to the output out.", "out is always equal to in.",
                ])
            let circuit = Circuit(
                inputs: [.input("in", "the input")], outputs: [.output("out", invert ? "NOT in" : "a copy of in")],
                body: "  assign out = \(invert ? "~in" : "in");",
                behaviour: .combinational { v in [invert ? ~v[0] & 1 : v[0]] })
            return Design(circuit: circuit, behaviourText: text)
        case 2:
            let g = rng.pick(gateNames)
            let text = rng.pick([
                "Implement a two-input \(g.uppercased()) gate: out = a \(g.uppercased()) b.",
                "Create a module that computes the \(g.uppercased()) of the inputs a and b and drives it on out.",
                "Build a circuit whose output out is the logical \(g.uppercased()) of a and b.",
            ])
            let circuit = Circuit(
                inputs: [.input("a", "first input"), .input("b", "second input")],
                outputs: [.output("out", "a \(g.uppercased()) b")], body: "  assign out = \(expression(g, "a", "b"));",
                behaviour: .combinational { v in [gate(g, v[0], v[1])] })
            return Design(circuit: circuit, behaviourText: text)
        case 3:
            let count = difficulty.pick(2, 3, 4)
            var chosen: [String] = []
            while chosen.count < count {
                let g = rng.pick(gateNames)
                if !chosen.contains(g) { chosen.append(g) }
            }
            let gatesUsed = chosen
            let outputs = chosen.map { Port.output("out_\($0)", "a \($0.uppercased()) b") }
            let list = chosen.map { "out_\($0) = a \($0.uppercased()) b" }.joined(separator: ", ")
            let text = rng.pick([
                "Build a combinational circuit with two inputs, a and b, and \(count) outputs: \(list).",
                "Several gates share the inputs a and b. Drive each output with its gate: \(list).",
            ])
            let body = chosen.map { "  assign out_\($0) = \(expression($0, "a", "b"));" }.joined(separator: "\n")
            let circuit = Circuit(
                inputs: [.input("a", "first input"), .input("b", "second input")], outputs: outputs, body: body,
                behaviour: .combinational { v in gatesUsed.map { gate($0, v[0], v[1]) } })
            return Design(circuit: circuit, behaviourText: text)
        default:
            // A gate applied bit by bit to two vectors.
            let width = difficulty.pick(4, rng.pick([4, 8]), rng.pick([8, 16]))
            let g = rng.pick(["and", "or", "xor"])
            let text = rng.pick([
                "Compute the bitwise \(g.uppercased()) of the \(width)-bit vectors a and b on out.",
                "Each bit out[i] is a[i] \(g.uppercased()) b[i], for all \(width) bits.",
            ])
            let circuit = Circuit(
                inputs: [.input("a", width: width, "first vector"), .input("b", width: width, "second vector")],
                outputs: [.output("out", width: width, "bitwise a \(g.uppercased()) b")],
                body: "  assign out = \(expression(g, "a", "b"));",
                behaviour: .combinational { v in
                    [(g == "and" ? v[0] & v[1] : g == "or" ? v[0] | v[1] : v[0] ^ v[1]) & Bits.mask(width)]
                })
            return Design(circuit: circuit, behaviourText: text)
        }
    }
}
