extension Family {
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
