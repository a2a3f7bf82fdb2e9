extension Family {
    /// A shift register: serial in with enable, or parallel load with priority over shifting.
    static let shiftRegister = Family(
        name: "shift_register", summary: "W-bit shift register, left or right, serial-in with enable or parallel load"
    ) { difficulty, rng in
        let width = difficulty.pick(4, 8, rng.pick([8, 16]))
        let left = rng.chance(1, in: 2)
        let load = difficulty != .easy && rng.chance(1, in: 2)
        let reset = rng.pick(ResetStyle.allCases)
        let mask = Bits.mask(width)
        let direction = left ? "left (towards the most significant bit)" : "right (towards the least significant bit)"
        let entry = left ? "q[0]" : "q[\(width - 1)]"
        var text = rng.pick([
            "Implement a \(width)-bit shift register with output q that shifts \(direction).",
            "Write a \(width)-bit register q that shifts its contents one position \(direction) on each enabled clock edge.",
        ])
        text += " The bit shifted in at \(entry) comes from `sin`. Reset clears q to 0."
        var inputs: [Port] = [.input("sin", "serial input"), .input("en", "shift enable")]
        let shifted = left ? "{q[\(width - 2):0], sin}" : "{sin, q[\(width - 1):1]}"
        var update = "if (en) q <= \(shifted);"
        if load {
            inputs.append(.input("load", "parallel load; takes priority over shifting"))
            inputs.append(.input("d", width: width, "value loaded when load is 1"))
            text +=
                " When `load` is 1, q takes the value of `d` instead; otherwise q shifts when `en` is 1 and holds when `en` is 0."
            update = "if (load) q <= d;\n      else " + update
        } else {
            text += " q shifts when `en` is 1 and holds its value when `en` is 0."
        }
        let body = """
              always @(\(reset.sensitivity)) begin
                if (\(reset.condition)) q <= \(width)'d0;
                else \(update)
              end
            """
        let circuit = Circuit(
            inputs: inputs,
            outputs: [.output("q", width: width, reg: true, "the register contents")],
            reset: reset,
            body: body,
            behaviour: Behaviour(
                resetState: [0], outputs: { s, _ in [s[0]] },
                next: { s, v in
                    if load, v[2] == 1 { return [v[3]] }
                    guard v[1] == 1 else { return s }
                    let q = left ? (s[0] << 1 | v[0]) & mask : (s[0] >> 1) | (v[0] << UInt64(width - 1))
                    return [q]
                }))
        return Design(circuit: circuit, behaviourText: text)
    }
}
