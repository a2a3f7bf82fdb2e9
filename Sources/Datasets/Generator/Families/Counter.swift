extension Family {
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
}
