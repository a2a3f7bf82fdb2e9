extension Family {
    /// An n-to-2^n decoder, optionally with an enable and active-low outputs.
    static let decoder = Family(
        name: "decoder", summary: "n-to-2^n decoder (n = 2..4), optional enable, active-high or active-low outputs"
    ) { difficulty, rng in
        let n = difficulty.pick(2, Int.random(in: 2...3, using: &rng), Int.random(in: 3...4, using: &rng))
        let outputs = 1 << n
        let hasEnable = difficulty != .easy || rng.chance(1, in: 2)
        let activeLow = difficulty == .hard && rng.chance(1, in: 2)
        var inputs: [Port] = [.input("a", width: n, "the binary code to decode")]
        if hasEnable { inputs.append(.input("en", "enable; when 0 no output is active")) }
        let level = activeLow ? "0" : "1"
        var text = rng.pick([
            "Implement a \(n)-to-\(outputs) decoder: output bit y[i] is active exactly when a equals i.",
            "Decode the \(n)-bit code `a` into the \(outputs)-bit one-hot vector `y`, where y[i] corresponds to a == i.",
            "Write a binary-to-one-hot decoder with \(n) input bits and \(outputs) output bits (y[i] for a == i).",
        ])
        text += " Active outputs are \(level) and inactive ones are \(activeLow ? "1" : "0")."
        if hasEnable { text += " When `en` is 0, every output is inactive." }
        let shifted = "(\(outputs)'d1 << a)"
        let value = hasEnable ? "(en ? \(shifted) : \(outputs)'d0)" : shifted
        let circuit = Circuit(
            inputs: inputs,
            outputs: [.output("y", width: outputs, "one bit per code")],
            body: "  assign y = \(activeLow ? "~" : "")\(value);",
            behaviour: .combinational { values in
                let enabled = !hasEnable || values[1] == 1
                let word: UInt64 = enabled ? 1 << values[0] : 0
                return [(activeLow ? ~word : word) & Bits.mask(outputs)]
            })
        return Design(circuit: circuit, behaviourText: text)
    }

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

    /// A priority encoder: index of the highest or lowest set bit, and a valid flag.
    static let priorityEncoder = Family(
        name: "priority_encoder", summary: "priority encoder over 4-16 request lines, highest or lowest first, with valid"
    ) { difficulty, rng in
        let n = difficulty.pick(4, 8, 16)
        let indexBits = n.trailingZeroBitCount
        let highest = rng.chance(1, in: 2)
        let which = highest ? "highest" : "lowest"
        let text =
            rng.pick([
                "Implement a \(n)-input priority encoder where the \(which)-numbered request wins.",
                "`pos` gives the index of the \(which) set bit of `req`.",
                "Find the \(which) bit of `req` that is 1 and output its index on `pos`.",
            ])
            + " `valid` is 1 when any bit of `req` is set. When no bit is set, `pos` is 0 and `valid` is 0."
        let range = highest ? "i = 0; i < \(n); i = i + 1" : "i = \(n - 1); i >= 0; i = i - 1"
        let body = """
              integer i;
              always @(*) begin
                pos = \(indexBits)'d0;
                // The last match wins, so the loop runs from the lowest priority up.
                for (\(range))
                  if (req[i]) pos = i;
              end
              assign valid = |req;
            """
        let circuit = Circuit(
            inputs: [.input("req", width: n, "the request lines")],
            outputs: [
                .output("pos", width: indexBits, reg: true, "index of the winning request"),
                .output("valid", "1 when any request is set"),
            ],
            body: body,
            behaviour: .combinational { values in
                let req = values[0]
                guard req != 0 else { return [0, 0] }
                let index = highest ? 63 - req.leadingZeroBitCount : req.trailingZeroBitCount
                return [UInt64(index), 1]
            })
        return Design(circuit: circuit, behaviourText: text)
    }
}
