extension Family {
    /// A random function given as a full truth table, implemented with a `case` statement.
    static let truthTable = Family(
        name: "truth_table", summary: "combinational function of 2-5 inputs given as a truth table"
    ) { difficulty, rng in
        let n = difficulty.pick(
            Int.random(in: 2...3, using: &rng), Int.random(in: 3...4, using: &rng), Int.random(in: 4...5, using: &rng))
        let m = difficulty.pick(1, Int.random(in: 1...2, using: &rng), 2)
        let inputNames = Array(["a", "b", "c", "d", "e"].prefix(n))
        let outputNames = m == 1 ? ["y"] : ["y", "z"]
        let rows = 1 << n
        // Each output is a column of the table; a constant column would be a trivial problem.
        let columns: [[Bool]] = (0..<m).map { _ in
            var column = (0..<rows).map { _ in rng.chance(1, in: 2) }
            if Set(column).count == 1 { column[Int.random(in: 0..<rows, using: &rng)].toggle() }
            return column
        }
        let tableRows = (0..<rows).map { row in
            InputSpace.values(row: row, count: n).map { $0 ? "1" : "0" } + columns.map { $0[row] ? "1" : "0" }
        }
        let table = InputSpace.table(header: inputNames + outputNames, rows: tableRows)
        let text =
            rng.pick([
                "The outputs are the following function of the inputs, given as a truth table:",
                "Implement the combinational logic described by this truth table:",
                "Each output is defined for every input combination by the table below.",
            ]) + "\n\n" + table

        let select = "{" + inputNames.joined(separator: ", ") + "}"
        var body = "  always @(*) begin\n    case (\(select))\n"
        for row in 0..<rows {
            let assignments = (0..<m).map { "\(outputNames[$0]) = 1'b\(columns[$0][row] ? 1 : 0);" }.joined(separator: " ")
            body += "      \(n)'b\(Bits.binary(UInt64(row), width: n)): begin \(assignments) end\n"
        }
        body += "    endcase\n  end"
        let frozen = columns
        let circuit = Circuit(
            inputs: inputNames.map { .input($0, "input variable \($0)") },
            outputs: outputNames.map { .output($0, reg: true, "output column \($0) of the table") },
            body: body,
            behaviour: .combinational { inputs in
                let row = InputSpace.row(inputs)
                return frozen.map { $0[row] ? 1 : 0 }
            })
        return Design(circuit: circuit, behaviourText: text)
    }

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
