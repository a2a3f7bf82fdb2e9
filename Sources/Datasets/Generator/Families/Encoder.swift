extension Family {
    /// A binary encoder made of OR gates: defined for every input, not only one-hot ones.
    static let encoder = Family(
        name: "encoder", summary: "2^n-to-n OR-gate binary encoder, defined for every input pattern"
    ) { difficulty, rng in
        let n = difficulty.pick(2, 3, 4)
        let inputsCount = 1 << n
        let text =
            rng.pick([
                "Implement a \(inputsCount)-to-\(n) binary encoder built from OR gates.",
                "Encode the \(inputsCount)-bit input `d` into the \(n)-bit output `code` the way an OR-gate encoder does.",
            ])
            + " Bit k of `code` is the OR of every bit d[i] whose index i has bit k set. For a one-hot input this is"
            + " the index of the set bit; the rule also fixes the output for any other input (0 for all zeros)."
        var body = ""
        var groups: [[Int]] = []
        for k in 0..<n {
            let indices = (0..<inputsCount).filter { ($0 >> k) & 1 == 1 }
            groups.append(indices)
            body += "  assign code[\(k)] = " + indices.map { "d[\($0)]" }.joined(separator: " | ") + ";\n"
        }
        let frozen = groups
        let circuit = Circuit(
            inputs: [.input("d", width: inputsCount, "the input lines")],
            outputs: [.output("code", width: n, "the encoded value")],
            body: String(body.dropLast()),
            behaviour: .combinational { values in
                var code: UInt64 = 0
                for (k, indices) in frozen.enumerated() where indices.contains(where: { Bits.bit(values[0], $0) }) {
                    code |= 1 << UInt64(k)
                }
                return [code]
            })
        return Design(circuit: circuit, behaviourText: text)
    }
}
