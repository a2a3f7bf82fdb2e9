extension Family {
    /// Wiring of vectors: part-selects, concatenation, replication, bit reversal and reductions.
    static let vectorOps = Family(
        name: "vector_ops",
        summary: "vector wiring: split into part-selects, concatenation, sign extension by replication, bit reversal, reduction"
    ) { difficulty, rng in
        let width = difficulty.pick(rng.pick([4, 8]), rng.pick([8, 16]), rng.pick([16, 32]))
        switch rng.pick([0, 1, 2, 3, 4]) {
        case 0:
            // Split a vector into a high and a low half.
            let half = width / 2
            let text = rng.pick([
                "Split the \(width)-bit input in into two halves: out_hi gets the upper \(half) bits (in[\(width - 1):\(half)]) and out_lo the lower \(half) bits (in[\(half - 1):0]).",
                "Build a combinational circuit that splits the \(width)-bit input word in into its upper and lower \(half)-bit halves, out_hi and out_lo.",
            ])
            let circuit = Circuit(
                inputs: [.input("in", width: width, "the word to split")],
                outputs: [
                    .output("out_hi", width: half, "the upper half of in"),
                    .output("out_lo", width: half, "the lower half of in"),
                ],
                body: "  assign out_hi = in[\(width - 1):\(half)];\n  assign out_lo = in[\(half - 1):0];",
                behaviour: .combinational { v in [v[0] >> UInt64(half), v[0] & Bits.mask(half)] })
            return Design(circuit: circuit, behaviourText: text)
        case 1:
            // Concatenate two inputs with constant bits around them.
            let w = difficulty.pick(3, 4, 6)
            let pad = rng.pick([1, 2])
            let padValue: UInt64 = rng.chance(1, in: 2) ? Bits.mask(pad) : 0
            let total = 2 * w + pad
            let padText = Bits.literal(padValue, width: pad)
            let text = rng.pick([
                "Concatenate a, b and the constant \(padText) into the \(total)-bit output out, with a in the most significant bits: out = {a, b, \(padText)}.",
                "The \(total)-bit output out holds a in its upper \(w) bits, then b, then \(pad) bit\(pad > 1 ? "s" : "") equal to \(padText) in its least significant position\(pad > 1 ? "s" : "").",
            ])
            let circuit = Circuit(
                inputs: [.input("a", width: w, "upper field"), .input("b", width: w, "middle field")],
                outputs: [.output("out", width: total, "{a, b, \(padText)}")],
                body: "  assign out = {a, b, \(padText)};",
                behaviour: .combinational { v in [(v[0] << UInt64(w + pad)) | (v[1] << UInt64(pad)) | padValue] })
            return Design(circuit: circuit, behaviourText: text)
        case 2:
            // Sign extension by replication.
            let narrow = difficulty.pick(4, 8, 8)
            let wide = difficulty.pick(8, 16, 32)
            let text = rng.pick([
                "Sign-extend the \(narrow)-bit two's-complement number in to \(wide) bits: out = {{\(wide - narrow){in[\(narrow - 1)]}}, in}.",
                "out is the \(wide)-bit sign extension of the \(narrow)-bit signed input in: its upper \(wide - narrow) bits all copy in[\(narrow - 1)].",
            ])
            let circuit = Circuit(
                inputs: [.input("in", width: narrow, "signed number")],
                outputs: [.output("out", width: wide, "in sign-extended")],
                body: "  assign out = {{\(wide - narrow){in[\(narrow - 1)]}}, in};",
                behaviour: .combinational { v in
                    [UInt64(bitPattern: Bits.signed(v[0], width: narrow)) & Bits.mask(wide)]
                })
            return Design(circuit: circuit, behaviourText: text)
        case 3:
            // Bit reversal.
            let text = rng.pick([
                "Reverse the bit order of the \(width)-bit input: out[i] = in[\(width - 1) - i].",
                "Given a \(width)-bit input vector in, output the same bits in reverse order on out (in[0] becomes out[\(width - 1)]).",
            ])
            let body =
                "  integer i;\n  always @(*) begin\n    for (i = 0; i < \(width); i = i + 1)\n      out[i] = in[\(width - 1) - i];\n  end"
            let circuit = Circuit(
                inputs: [.input("in", width: width, "the input vector")],
                outputs: [.output("out", width: width, reg: true, "in with its bits reversed")], body: body,
                behaviour: .combinational { v in
                    var r: UInt64 = 0
                    for i in 0..<width where Bits.bit(v[0], i) { r |= 1 << UInt64(width - 1 - i) }
                    return [r]
                })
            return Design(circuit: circuit, behaviourText: text)
        default:
            // Reductions: AND, OR and XOR of every bit.
            let text = rng.pick([
                "Compute three reductions of the \(width)-bit input in: all_ones is 1 when every bit is 1, any_one is 1 when at least one bit is 1, and parity is the XOR of all bits (even parity bit).",
                "Use reduction operators on in (\(width) bits): all_ones = AND of all bits, any_one = OR of all bits, parity = XOR of all bits.",
            ])
            let circuit = Circuit(
                inputs: [.input("in", width: width, "the input vector")],
                outputs: [
                    .output("all_ones", "AND of every bit"), .output("any_one", "OR of every bit"),
                    .output("parity", "XOR of every bit"),
                ],
                body: "  assign all_ones = &in;\n  assign any_one = |in;\n  assign parity = ^in;",
                behaviour: .combinational { v in
                    let x = v[0] & Bits.mask(width)
                    return [x == Bits.mask(width) ? 1 : 0, x != 0 ? 1 : 0, UInt64(x.nonzeroBitCount & 1)]
                })
            return Design(circuit: circuit, behaviourText: text)
        }
    }
}
