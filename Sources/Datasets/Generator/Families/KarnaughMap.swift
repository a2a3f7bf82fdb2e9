extension Family {
    /// A function drawn as a Karnaugh map in Gray-code order, with don't-care cells at higher
    /// levels. Don't-cares are X in the reference, which both checkers treat as "any value".
    static let karnaughMap = Family(
        name: "karnaugh_map", summary: "3- or 4-variable Karnaugh map, with don't-cares above easy"
    ) { difficulty, rng in
        let n = difficulty.pick(3, Int.random(in: 3...4, using: &rng), 4)
        let dontCareOdds = difficulty.pick(0, 1, 2)  // in 8
        let names = Array(["a", "b", "c", "d"].prefix(n))
        let rows = 1 << n
        // nil is a don't-care.
        var cells: [Bool?] = (0..<rows).map { _ in rng.chance(dontCareOdds, in: 8) ? nil : rng.chance(1, in: 2) }
        if Set(cells.compactMap { $0 }).count < 2 {
            cells[0] = false
            cells[rows - 1] = true
        }
        let rowBits = n / 2
        let columnBits = n - rowBits
        let gray = { (bits: Int) -> [Int] in bits == 1 ? [0, 1] : [0, 1, 3, 2] }
        let rowLabel = names.prefix(rowBits).joined()
        let columnLabel = names.suffix(columnBits).joined()
        var grid =
            "| \(rowLabel) \\ \(columnLabel) | "
            + gray(columnBits).map { Bits.binary(UInt64($0), width: columnBits) }.joined(separator: " | ") + " |\n"
        grid += "|" + String(repeating: "---|", count: 1 + (1 << columnBits)) + "\n"
        for r in gray(rowBits) {
            let symbols = gray(columnBits).map { c -> String in
                guard let value = cells[r << columnBits | c] else { return "d" }
                return value ? "1" : "0"
            }
            grid += "| " + Bits.binary(UInt64(r), width: rowBits) + " | " + symbols.joined(separator: " | ") + " |\n"
        }
        var text = rng.pick([
            "Implement the function f described by the Karnaugh map below.",
            "The Karnaugh map below gives f for every combination of the inputs.",
            "Write the combinational circuit whose output f follows this Karnaugh map.",
        ])
        text += " Rows are labelled by \(rowLabel) and columns by \(columnLabel), both in Gray-code order."
        if cells.contains(where: { $0 == nil }) { text += " A `d` is a don't-care: f may take either value there." }
        text += "\n\n" + grid

        var body = "  always @(*) begin\n    case ({" + names.joined(separator: ", ") + "})\n"
        for row in 0..<rows {
            let value = cells[row].map { $0 ? "1'b1" : "1'b0" } ?? "1'bx"
            body += "      \(n)'b\(Bits.binary(UInt64(row), width: n)): f = \(value);\n"
        }
        body += "    endcase\n  end"
        let frozen = cells
        let circuit = Circuit(
            inputs: names.map { .input($0, "input variable \($0)") },
            outputs: [.output("f", reg: true, "the function from the map")],
            body: body,
            behaviour: .combinational { inputs in [frozen[InputSpace.row(inputs)].map { $0 ? 1 : 0 }] })
        return Design(circuit: circuit, behaviourText: text)
    }
}
