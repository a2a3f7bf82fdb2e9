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
}
