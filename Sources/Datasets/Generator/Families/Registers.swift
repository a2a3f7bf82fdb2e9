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

    /// Counters: binary or modulo-M, up, down or either by an input, with or without enable.
    static let counter = Family(
        name: "counter", summary: "W-bit or modulo-M counter, up/down/selectable, optional enable, any reset style"
    ) { difficulty, rng in
        let width = difficulty.pick(rng.pick([3, 4]), rng.pick([4, 5, 6]), rng.pick([6, 8]))
        let modulo: UInt64? =
            difficulty != .easy && rng.chance(2, in: 3) ? UInt64.random(in: 3...Bits.mask(width), using: &rng) : nil
        let direction = difficulty == .easy ? rng.pick([0, 1]) : rng.pick([0, 1, 2])  // up, down, selectable
        let hasEnable = difficulty != .easy || rng.chance(1, in: 2)
        let reset = rng.pick(ResetStyle.allCases)
        let top = modulo.map { $0 - 1 } ?? Bits.mask(width)
        let range = modulo.map { "counts modulo \($0), through 0 to \($0 - 1)" } ?? "counts through 0 to \(top)"
        var inputs: [Port] = []
        if hasEnable { inputs.append(.input("en", "count enable")) }
        if direction == 2 { inputs.append(.input("up", "1 counts up, 0 counts down")) }
        var text = rng.pick([
            "Build a \(width)-bit counter q that \(range).",
            "Implement a synchronous counter with a \(width)-bit output q; it \(range).",
        ])
        switch direction {
        case 0: text += " It counts up by one each cycle and wraps from \(top) to 0."
        case 1: text += " It counts down by one each cycle and wraps from 0 to \(top)."
        default:
            text +=
                " When `up` is 1 it counts up (wrapping from \(top) to 0); when `up` is 0 it counts down (wrapping from 0 to \(top))."
        }
        if hasEnable { text += " It only changes when `en` is 1 and holds otherwise." }
        text += " Reset sets q to 0."
        let w = width
        let upStep = "q <= (q == \(w)'d\(top)) ? \(w)'d0 : q + 1'b1;"
        let downStep = "q <= (q == \(w)'d0) ? \(w)'d\(top) : q - 1'b1;"
        let step =
            switch direction {
            case 0: upStep
            case 1: downStep
            default: "begin\n      if (up) \(upStep)\n      else \(downStep)\n    end"
            }
        let body = """
              always @(\(reset.sensitivity)) begin
                if (\(reset.condition)) q <= \(w)'d0;
                else\(hasEnable ? " if (en)" : "") \(step)
              end
            """
        let circuit = Circuit(
            inputs: inputs,
            outputs: [.output("q", width: width, reg: true, "the count")],
            reset: reset,
            body: body,
            behaviour: Behaviour(
                resetState: [0], outputs: { s, _ in [s[0]] },
                next: { s, v in
                    if hasEnable, v[0] == 0 { return s }
                    let up = direction == 0 || (direction == 2 && v[hasEnable ? 1 : 0] == 1)
                    if up { return [s[0] == top ? 0 : s[0] + 1] }
                    return [s[0] == 0 ? top : s[0] - 1]
                }))
        return Design(circuit: circuit, behaviourText: text)
    }

    /// Edge detectors on a W-bit input: rising, falling or any change, registered or combinational.
    static let edgeDetector = Family(
        name: "edge_detector", summary: "per-bit rising/falling/any edge detector, registered or combinational pulse"
    ) { difficulty, rng in
        let width = difficulty.pick(1, rng.pick([1, 4]), rng.pick([8, 16]))
        let kind = rng.pick(["rising", "falling", "any"])
        let registered = rng.chance(1, in: 2)
        let reset = rng.pick(ResetStyle.allCases)
        let mask = Bits.mask(width)
        let (event, expression): (String, String) =
            switch kind {
            case "rising": ("changes from 0 to 1", "in & ~prev")
            case "falling": ("changes from 1 to 0", "~in & prev")
            default: ("changes value", "in ^ prev")
            }
        var text = rng.pick([
            "Detect edges on each bit of the \(width)-bit input `in`.",
            "For each bit of `in`, flag the clock cycles in which it \(event).",
        ])
        text += " The circuit remembers the value of `in` sampled at the previous rising clock edge (prev); reset sets prev to 0."
        if registered {
            text +=
                " At each rising clock edge, out[i] becomes 1 if in[i] \(event) between the previous edge and this one"
                + " (in[i] now versus prev[i]), else 0. out is a register; reset clears it."
        } else {
            text += " out[i] is 1, combinationally, when the current in[i] and prev[i] show that the bit \(event)."
        }
        let range = width > 1 ? "[\(width - 1):0] " : ""
        let zero = "\(width)'d0"
        let body =
            registered
            ? """
              reg \(range)prev;
              always @(\(reset.sensitivity)) begin
                if (\(reset.condition)) begin
                  prev <= \(zero);
                  out <= \(zero);
                end else begin
                  prev <= in;
                  out <= \(expression);
                end
              end
            """
            : """
              reg \(range)prev;
              always @(\(reset.sensitivity)) begin
                if (\(reset.condition)) prev <= \(zero);
                else prev <= in;
              end
              assign out = \(expression);
            """
        let detect: @Sendable (UInt64, UInt64) -> UInt64 = { input, prev in
            switch kind {
            case "rising": input & ~prev & mask
            case "falling": ~input & prev & mask
            default: (input ^ prev) & mask
            }
        }
        let circuit = Circuit(
            inputs: [.input("in", width: width, "the watched signal")],
            outputs: [.output("out", width: width, reg: registered, "one flag per bit")],
            reset: reset,
            body: body,
            behaviour: Behaviour(
                resetState: [0, 0],  // prev, out
                outputs: { s, v in [registered ? s[1] : detect(v[0], s[0])] },
                next: { s, v in [v[0], detect(v[0], s[0])] }))
        return Design(circuit: circuit, behaviourText: text)
    }
}
