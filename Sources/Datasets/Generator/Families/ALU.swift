extension Family {
    /// A small ALU whose opcode table is drawn from a pool of operations; unused opcodes give 0.
    static let alu = Family(
        name: "alu", summary: "ALU with a drawn opcode table (add, sub, logic, shifts, ...) and a zero flag"
    ) { difficulty, rng in
        let width = difficulty.pick(4, 8, rng.pick([8, 16]))
        let opBits = difficulty.pick(2, 2, 3)
        let opcodes = 1 << opBits
        let mask = Bits.mask(width)
        struct Operation: Sendable {
            var text: String
            var verilog: String
            var apply: @Sendable (UInt64, UInt64) -> UInt64
        }
        let pool: [Operation] = [
            Operation(text: "a + b", verilog: "a + b") { $0 &+ $1 },
            Operation(text: "a - b", verilog: "a - b") { $0 &- $1 },
            Operation(text: "a AND b (bitwise)", verilog: "a & b") { $0 & $1 },
            Operation(text: "a OR b (bitwise)", verilog: "a | b") { $0 | $1 },
            Operation(text: "a XOR b (bitwise)", verilog: "a ^ b") { $0 ^ $1 },
            Operation(text: "NOT a (bitwise)", verilog: "~a") { a, _ in ~a },
            Operation(text: "a shifted left by one bit (a 0 enters)", verilog: "a << 1") { a, _ in a << 1 },
            Operation(text: "a shifted right by one bit (a 0 enters)", verilog: "a >> 1") { a, _ in a >> 1 },
            Operation(text: "a + 1", verilog: "a + 1'b1") { a, _ in a &+ 1 },
            Operation(text: "b - a", verilog: "b - a") { $1 &- $0 },
            Operation(text: "a NAND b (bitwise)", verilog: "~(a & b)") { ~($0 & $1) },
            Operation(text: "b", verilog: "b") { $1 },
        ]
        let used = difficulty.pick(4, 4, Int.random(in: 5...8, using: &rng))
        let chosen = Array(pool.shuffled(using: &rng).prefix(used))
        let codes = Array((0..<opcodes).shuffled(using: &rng).prefix(used)).sorted()
        var table: [Int: Operation] = [:]
        for (code, op) in zip(codes, chosen) { table[code] = op }
        let hasZero = difficulty != .easy
        var rows = codes.map { "- op = \(opBits)'b\(Bits.binary(UInt64($0), width: opBits)): y = \(table[$0]!.text)" }
        if used < opcodes { rows.append("- any other op: y = 0") }
        var text =
            rng.pick([
                "Implement a \(width)-bit ALU. The opcode `op` selects the operation:",
                "Write an arithmetic-logic unit on \(width)-bit operands a and b whose result y depends on `op` as follows:",
            ]) + "\n\n" + rows.joined(separator: "\n")
        text += "\n\nAll results keep only their low \(width) bits."
        if hasZero { text += " `zero` is 1 when y is 0." }
        var body = "  always @(*) begin\n    case (op)\n"
        for code in codes {
            body += "      \(opBits)'d\(code): y = \(table[code]!.verilog);\n"
        }
        if used < opcodes { body += "      default: y = \(width)'d0;\n" }
        body += "    endcase\n  end"
        if hasZero { body += "\n  assign zero = y == \(width)'d0;" }
        var outputs: [Port] = [.output("y", width: width, reg: true, "the result")]
        if hasZero { outputs.append(.output("zero", "1 when y is 0")) }
        let frozen = table
        let circuit = Circuit(
            inputs: [
                .input("a", width: width, "first operand"), .input("b", width: width, "second operand"),
                .input("op", width: opBits, "operation select"),
            ],
            outputs: outputs,
            body: body,
            behaviour: .combinational { v in
                let y = (frozen[Int(v[2])]?.apply(v[0], v[1]) ?? 0) & mask
                return hasZero ? [y, y == 0 ? 1 : 0] : [y]
            })
        return Design(circuit: circuit, behaviourText: text)
    }
}
