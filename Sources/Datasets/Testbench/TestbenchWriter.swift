/// Writes a self-checking testbench for a circuit: stimulus drawn from the problem's seeded
/// stream, expected outputs computed from the circuit's Swift model. The testbench follows the
/// project's convention (top module `tb`, one `Mismatches: N in M samples` line at the end) and
/// does not instantiate the reference: its expectations are constants.
///
/// A sequential cycle mirrors the differential checker's: inputs change with the clock low, the
/// outputs are compared once they settle and again after the rising edge.
struct TestbenchWriter {
    let circuit: Circuit
    /// Combinational designs with at most this many input bits are tested exhaustively.
    var exhaustiveBits = 8
    var randomVectors = 128
    var cycles = 120

    /// One stimulus and what the outputs must be: `expected` where `mask` bits are set.
    struct Vector {
        var inputs: [UInt64]
        var expected: [(value: UInt64, width: Int)]
        var mask: [(value: UInt64, width: Int)]
    }

    func source(using rng: inout SplitMix64) -> String {
        circuit.isSequential ? sequential(using: &rng) : combinational(using: &rng)
    }

    private var inputWidth: Int { circuit.inputs.reduce(0) { $0 + $1.width } }
    private var outputWidth: Int { circuit.outputs.reduce(0) { $0 + $1.width } }

    private func expectation(_ outputs: [UInt64?]?) -> (expected: String, mask: String) {
        var expected: [(UInt64, Int)] = []
        var mask: [(UInt64, Int)] = []
        for (index, port) in circuit.outputs.enumerated() {
            let value = outputs?[index]
            expected.append((value ?? 0, port.width))
            mask.append((value == nil ? 0 : Bits.mask(port.width), port.width))
        }
        return (Bits.packedLiteral(expected), Bits.packedLiteral(mask))
    }

    private func packedInputs(_ inputs: [UInt64], reset: Bool?) -> String {
        var fields: [(UInt64, Int)] = []
        if let reset { fields.append((reset ? 1 : 0, 1)) }
        fields += zip(inputs, circuit.inputs).map { ($0, $1.width) }
        return Bits.packedLiteral(fields)
    }

    /// Mostly uniform values, with corner cases mixed in: uniform draws of a wide input almost
    /// never hit all zeros, all ones or a single set bit, where priority logic and carries differ.
    private func randomInputs(_ rng: inout SplitMix64) -> [UInt64] {
        circuit.inputs.map { port in
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: 0
            case 1: Bits.mask(port.width)
            case 2: 1 << UInt64(Int.random(in: 0..<port.width, using: &rng))
            default: rng.bits(port.width)
            }
        }
    }

    // MARK: - Combinational

    private func combinational(using rng: inout SplitMix64) -> String {
        var stimuli: [[UInt64]] = []
        if inputWidth <= exhaustiveBits {
            for n in 0..<(UInt64(1) << UInt64(inputWidth)) {
                var rest = n
                var values: [UInt64] = []
                for port in circuit.inputs.reversed() {
                    values.insert(rest & Bits.mask(port.width), at: 0)
                    rest >>= UInt64(port.width)
                }
                stimuli.append(values)
            }
        } else {
            stimuli = (0..<randomVectors).map { _ in randomInputs(&rng) }
        }
        var calls: [String] = []
        // A design without inputs (a constant) is checked once, with nothing to drive.
        guard inputWidth > 0 else {
            let (expected, mask) = expectation(circuit.behaviour.outputs([], []))
            return wrap(task: "", calls: ["    #5 check(\(expected), \(mask));"])
        }
        for inputs in stimuli {
            let (expected, mask) = expectation(circuit.behaviour.outputs([], inputs))
            calls.append("    apply(\(packedInputs(inputs, reset: nil)), \(expected), \(mask));")
        }
        let task = """
              task apply(input [\(inputWidth - 1):0] stimulus, input [\(outputWidth - 1):0] expected, input [\(outputWidth - 1):0] mask);
                begin
                  \(inputConcatenation(reset: false)) = stimulus;
                  #5 check(expected, mask);
                end
              endtask
            """
        return wrap(task: task, calls: calls)
    }

    // MARK: - Sequential

    private func sequential(using rng: inout SplitMix64) -> String {
        guard let reset = circuit.reset else { return combinational(using: &rng) }
        let behaviour = circuit.behaviour
        // nil until the first reset: registers start as X.
        var state: [UInt64]? = nil
        var calls: [String] = []
        for cycle in 0..<cycles {
            let resetActive = cycle < 2 || rng.chance(1, in: 16)
            let inputs = randomInputs(&rng)
            // An asynchronous reset acts as soon as it is asserted; at time zero the simulator may
            // miss the very first edge, so the model only applies it to a known state.
            if reset.isAsync, resetActive, state != nil { state = behaviour.resetState }
            let before = expectation(state.map { behaviour.outputs($0, inputs) })
            if resetActive {
                state = behaviour.resetState
            } else if let current = state {
                state = behaviour.next(current, inputs)
            }
            let after = expectation(state.map { behaviour.outputs($0, inputs) })
            let level = resetActive != reset.activeLow
            calls.append(
                "    step(\(packedInputs(inputs, reset: level)), \(before.expected), \(before.mask), \(after.expected), \(after.mask));"
            )
        }
        let o = outputWidth - 1
        let task = """
              task step(input [\(inputWidth):0] stimulus, input [\(o):0] expected_before, input [\(o):0] mask_before, input [\(o):0] expected_after, input [\(o):0] mask_after);
                begin
                  \(inputConcatenation(reset: true)) = stimulus;
                  #4 check(expected_before, mask_before);
                  clk = 1'b1;
                  #5 check(expected_after, mask_after);
                  clk = 1'b0;
                  #1;
                end
              endtask
            """
        return wrap(task: task, calls: calls)
    }

    // MARK: - Text

    private func inputConcatenation(reset: Bool) -> String {
        let names = (reset ? [circuit.reset?.portName].compactMap { $0 } : []) + circuit.inputs.map(\.name)
        return "{" + names.joined(separator: ", ") + "}"
    }

    private func wrap(task: String, calls: [String]) -> String {
        func decl(_ kind: String, _ p: Port) -> String {
            "  \(kind) \(p.width > 1 ? "[\(p.width - 1):0] " : "")\(p.name);"
        }
        var lines = ["`timescale 1ps/1ps", "module tb;"]
        if let reset = circuit.reset {
            lines += ["  reg clk = 1'b0;", "  reg \(reset.portName);"]
        }
        lines += circuit.inputs.map { decl("reg", $0) }
        lines += circuit.outputs.map { decl("wire", $0) }
        // Not called `errors`: a v2 log line mentioning "error" would count as a compile failure.
        lines += ["  integer failures = 0;", "  integer samples = 0;"]
        let connections = circuit.headerPorts.map { ".\($0.name)(\($0.name))" }.joined(separator: ", ")
        lines.append("  TopModule dut (\(connections));")
        let outputs = "{" + circuit.outputs.map(\.name).joined(separator: ", ") + "}"
        lines += [
            "  task check(input [\(outputWidth - 1):0] expected, input [\(outputWidth - 1):0] mask);",
            "    begin",
            "      samples = samples + 1;",
            "      if (((\(outputs) ^ expected) & mask) !== {\(outputWidth){1'b0}}) failures = failures + 1;",
            "    end",
            "  endtask",
            task,
            "  initial begin",
        ]
        lines += calls
        lines += [
            "    $display(\"Mismatches: %1d in %1d samples\", failures, samples);",
            "    $finish;",
            "  end",
            "endmodule",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
