extension Family {
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
