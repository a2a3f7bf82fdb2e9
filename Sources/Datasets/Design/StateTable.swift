/// A finite-state machine as a transition table: for each state and each input value, the next
/// state and (Mealy) the output; or (Moore) one output per state. State 0 is the reset state.
struct StateTable: Sendable {
    var stateCount: Int
    var inputBits: Int
    var outputBits: Int
    /// next[state][input]
    var next: [[Int]]
    /// Moore: outputs[state][0]; Mealy: outputs[state][input].
    var outputs: [[UInt64]]
    var mealy: Bool

    var inputValues: Int { 1 << inputBits }
    var stateBits: Int { max(1, Int.bitWidth - (stateCount - 1).leadingZeroBitCount) }
    var names: [String] { (0..<stateCount).map { String(UnicodeScalar(UInt8(65 + $0))) } }

    /// A random table in which every state is reachable from the reset state and the outputs
    /// are not all equal.
    static func random(states: Int, inputBits: Int, outputBits: Int, mealy: Bool, rng: inout SplitMix64) -> StateTable {
        let values = 1 << inputBits
        var next = (0..<states).map { _ in (0..<values).map { _ in Int.random(in: 0..<states, using: &rng) } }
        // A spanning tree from state 0: state i is entered from some earlier state through a
        // slot no other tree edge uses, so every state can be reached.
        var used: Set<Int> = []
        for target in 1..<states {
            var slot: Int
            repeat {
                slot = Int.random(in: 0..<(target * values), using: &rng)
            } while used.contains(slot)
            used.insert(slot)
            next[slot / values][slot % values] = target
        }
        let columns = mealy ? values : 1
        var outputs = (0..<states).map { _ in (0..<columns).map { _ in rng.bits(outputBits) } }
        if Set(outputs.joined()).count == 1 { outputs[states - 1][0] ^= 1 }
        return StateTable(
            stateCount: states, inputBits: inputBits, outputBits: outputBits, next: next, outputs: outputs, mealy: mealy)
    }

    func output(state: Int, input: Int) -> UInt64 { outputs[state][mealy ? input : 0] }

    /// The table as markdown, one row per state.
    var markdown: String {
        let inputs = (0..<inputValues).map { "x=" + Bits.binary(UInt64($0), width: inputBits) }
        var header = ["state"]
        header += inputs.map { mealy ? "next / z (\($0))" : "next (\($0))" }
        if !mealy { header.append("z") }
        let rows = (0..<stateCount).map { s -> [String] in
            var row = [names[s]]
            row += (0..<inputValues).map { i in
                mealy ? "\(names[next[s][i]]) / \(Bits.binary(outputs[s][i], width: outputBits))" : names[next[s][i]]
            }
            if !mealy { row.append(Bits.binary(outputs[s][0], width: outputBits)) }
            return row
        }
        return InputSpace.table(header: header, rows: rows)
    }

    /// Declarations, state register, next-state and output logic, with `clk`, the reset, input
    /// `x` and output `z`.
    func verilog(reset: ResetStyle) -> String {
        let k = stateBits
        var lines = names.enumerated().map { "  localparam [\(k - 1):0] \($1) = \(k)'d\($0);" }
        lines.append("  reg [\(k - 1):0] state, next_state;")
        lines.append("  always @(\(reset.sensitivity)) begin")
        lines.append("    if (\(reset.condition)) state <= A;")
        lines.append("    else state <= next_state;")
        lines.append("  end")
        lines.append("  always @(*) begin")
        lines.append("    case (state)")
        for s in 0..<stateCount {
            if inputBits == 1 {
                lines.append("      \(names[s]): next_state = x ? \(names[next[s][1]]) : \(names[next[s][0]]);")
            } else {
                lines.append("      \(names[s]):")
                lines.append("        case (x)")
                for i in 0..<inputValues {
                    lines.append("          \(inputBits)'d\(i): next_state = \(names[next[s][i]]);")
                }
                lines.append("        endcase")
            }
        }
        // Unused encodings are never reached after reset; returning to A keeps the logic total.
        if stateCount < 1 << k { lines.append("      default: next_state = A;") }
        lines.append("    endcase")
        lines.append("  end")
        lines.append("  always @(*) begin")
        lines.append("    case (state)")
        let o = outputBits
        for s in 0..<stateCount {
            if mealy {
                let arms = (0..<inputValues).map { "\(inputBits)'d\($0): z = \(o)'b\(Bits.binary(outputs[s][$0], width: o));" }
                lines.append("      \(names[s]): case (x) " + arms.joined(separator: " ") + " endcase")
            } else {
                lines.append("      \(names[s]): z = \(o)'b\(Bits.binary(outputs[s][0], width: o));")
            }
        }
        if stateCount < 1 << k { lines.append("      default: z = \(o)'d0;") }
        lines.append("    endcase")
        lines.append("  end")
        return lines.joined(separator: "\n")
    }
}
