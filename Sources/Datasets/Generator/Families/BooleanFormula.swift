extension Family {
    /// A random Boolean formula, written in words or with Verilog's operators.
    static let booleanExpression = Family(
        name: "boolean_expression", summary: "one or two Boolean formulas over 3-5 inputs"
    ) { difficulty, rng in
        let n = difficulty.pick(3, Int.random(in: 3...4, using: &rng), Int.random(in: 4...5, using: &rng))
        let depth = difficulty.pick(2, 3, 4)
        let m = difficulty.pick(1, 1, 2)
        let inputNames = Array(["a", "b", "c", "d", "e"].prefix(n))
        let outputNames = m == 1 ? ["y"] : ["y", "z"]
        let expressions = (0..<m).map { _ in BooleanExpression.random(variables: n, depth: depth, rng: &rng) }
        let inWords = rng.chance(1, in: 2)
        let formulas = zip(outputNames, expressions).map { name, e in
            "    \(name) = " + (inWords ? e.words(inputNames) : e.verilog(inputNames))
        }
        let text =
            (inWords
                ? rng.pick([
                    "Compute the outputs from these Boolean formulas:", "The outputs obey the following logic equations:",
                ])
                : rng.pick([
                    "Compute the outputs from these Boolean formulas (~ is NOT, & is AND, | is OR, ^ is XOR):",
                    "The outputs obey these logic equations, written with Verilog operators:",
                ])) + "\n\n" + formulas.joined(separator: "\n")
        let body = zip(outputNames, expressions).map { "  assign \($0) = \($1.verilog(inputNames));" }.joined(separator: "\n")
        let circuit = Circuit(
            inputs: inputNames.map { .input($0, "input variable \($0)") },
            outputs: outputNames.map { .output($0, "the formula for \($0)") },
            body: body,
            behaviour: .combinational { inputs in
                let values = inputs.map { $0 & 1 == 1 }
                return expressions.map { $0.evaluate(values) ? 1 : 0 }
            })
        return Design(circuit: circuit, behaviourText: text)
    }
}
