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
}
