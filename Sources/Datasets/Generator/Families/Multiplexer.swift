extension Family {
    /// An N-to-1 multiplexer of W-bit words, as separate inputs or one packed bus.
    static let multiplexer = Family(
        name: "mux", summary: "N-to-1 multiplexer (N = 2..16) of W-bit words, separate or packed inputs"
    ) { difficulty, rng in
        let selectBits = difficulty.pick(
            Int.random(in: 1...2, using: &rng), Int.random(in: 2...3, using: &rng), Int.random(in: 3...4, using: &rng))
        let n = 1 << selectBits
        let width = rng.pick(selectBits == 4 ? [1, 2, 4] : [1, 4, 8])
        let packed = selectBits == 4 || (difficulty != .easy && rng.chance(1, in: 2))
        let bus = "\(n * width)-bit"
        var inputs: [Port]
        let body: String
        var text: String
        if packed {
            inputs = [
                .input(
                    "data", width: n * width,
                    "the \(n) input words packed together; word i is data[\(width)*i+\(width - 1):\(width)*i]")
            ]
            body = "  assign out = data[sel*\(width) +: \(width)];"
            text = rng.pick([
                "Build a \(n)-to-1 multiplexer. The \(bus) input `data` holds \(n) words of \(width) bit(s); word 0 is in the least significant bits.",
                "Select one of the \(n) \(width)-bit words packed in `data` (word 0 in the lowest bits).",
            ])
            text += " `out` is word number `sel`."
        } else {
            inputs = (0..<n).map { .input("in\($0)", width: width, "input word \($0)") }
            body =
                "  always @(*) begin\n    case (sel)\n"
                + (0..<n).map { "      \(selectBits)'d\($0): out = in\($0);" }.joined(separator: "\n") + "\n    endcase\n  end"
            text = rng.pick([
                "Build a \(n)-to-1 multiplexer of \(width)-bit values: `out` equals `in<sel>`.",
                "`out` shows the input selected by `sel`: in0 when sel is 0, in1 when sel is 1, and so on up to in\(n - 1).",
                "Implement a \(n)-way selector: the output copies whichever of in0..in\(n - 1) `sel` names.",
            ])
        }
        inputs.append(.input("sel", width: selectBits, "selects the input word"))
        let circuit = Circuit(
            inputs: inputs,
            outputs: [.output("out", width: width, reg: !packed, "the selected word")],
            body: body,
            behaviour: .combinational { values in
                let sel = Int(values[values.count - 1])
                let word = packed ? (values[0] >> UInt64(sel * width)) : values[sel]
                return [word & Bits.mask(width)]
            })
        return Design(circuit: circuit, behaviourText: text)
    }
}
