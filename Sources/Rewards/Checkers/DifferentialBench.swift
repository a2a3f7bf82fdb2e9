import Verilog

/// The generated testbench of the differential checker: reference and candidate side by side,
/// the same random inputs into both, every output compared before and after each rising edge.
struct DifferentialBench {
    let roles: PortRoles
    let stimulus: EquivalenceChecker.Stimulus
    let referenceTop: String
    let candidateTop: String
    let module: String
    let tag: String

    /// Comparisons per cycle: one with inputs settled, one after the clock edge.
    var comparesPerCycle: Int { roles.clock == nil ? 1 : 2 }
    var expectedSamples: Int { stimulus.sequences * stimulus.cyclesPerSequence * comparesPerCycle }

    /// Cycles of reset at the start of sequence `s`: the first sequence starts from reset, the
    /// second carries state over with none, the rest vary the length.
    static func initialResetCycles(sequence s: Int) -> Int {
        [2, 0, 1, 3][s % 4]
    }

    private func decl(_ p: ModulePort, _ kind: String, _ name: String) -> String {
        let range = p.width > 1 ? "[\(p.width - 1):0] " : ""
        return "  \(kind) \(p.signed ? "signed " : "")\(range)\(name);"
    }

    /// `$random(seed)` with a variable seed is deterministic in every simulator, unlike `$urandom`.
    private func randomValue(_ width: Int) -> String {
        let words = (width + 31) / 32
        return words == 1 ? "$random(seed)" : "{" + Array(repeating: "$random(seed)", count: words).joined(separator: ", ") + "}"
    }

    var source: String {
        var s = "`timescale 1ps/1ps\nmodule \(module);\n"
        if let clock = roles.clock { s += "  reg \(clock.name) = 1'b0;\n" }
        if let reset = roles.reset { s += "  reg \(reset.name);\n" }
        for p in roles.data { s += decl(p, "reg", p.name) + "\n" }
        for p in roles.outputs {
            s += decl(p, "wire", "ref_\(p.name)") + "\n"
            s += decl(p, "wire", "dut_\(p.name)") + "\n"
        }
        let inputNames = [roles.clock, roles.reset].compactMap { $0?.name } + roles.data.map(\.name)
        func connections(_ prefix: String) -> String {
            (inputNames.map { ".\($0)(\($0))" } + roles.outputs.map { ".\($0.name)(\(prefix)\($0.name))" }).joined(
                separator: ", ")
        }
        s += "  \(referenceTop) reference_instance (\(connections("ref_")));\n"
        s += "  \(candidateTop) candidate_instance (\(connections("dut_")));\n"
        s += "  integer errors = 0, samples = 0, seq, cyc, seed;\n"
        // X in the reference matches anything; the candidate must match every known bit exactly.
        let checks = roles.outputs.map { "(ref_\($0.name) === (ref_\($0.name) ^ dut_\($0.name) ^ ref_\($0.name)))" }
        let condition = checks.isEmpty ? "1'b1" : checks.joined(separator: " && ")
        s += "  task compare; begin samples = samples + 1; if (!(\(condition))) errors = errors + 1; end endtask\n"
        s += "  task drive; begin\n"
        for p in roles.data { s += "    \(p.name) = \(randomValue(p.width));\n" }
        s += "  end endtask\n"
        s += "  initial begin\n    seed = \(Int32(bitPattern: stimulus.seed));\n"
        s += "    for (seq = 0; seq < \(stimulus.sequences); seq = seq + 1) begin\n"
        s += "      for (cyc = 0; cyc < \(stimulus.cyclesPerSequence); cyc = cyc + 1) begin\n"
        s += "        drive;\n"
        if let reset = roles.reset {
            let (on, off) = roles.resetActiveLow ? ("1'b0", "1'b1") : ("1'b1", "1'b0")
            let starts = (0..<4).map { "(seq % 4 == \($0) && cyc < \(Self.initialResetCycles(sequence: $0)))" }.joined(
                separator: " || ")
            s += "        \(reset.name) = (\(starts) || (($random(seed) & 31) == 0)) ? \(on) : \(off);\n"
        }
        if let clock = roles.clock {
            s +=
                "        #4 compare;\n        \(clock.name) = 1'b1;\n        #5 compare;\n        \(clock.name) = 1'b0;\n        #1;\n"
        } else {
            s += "        #5 compare;\n"
        }
        s += "      end\n    end\n"
        s += "    $display(\"\(tag)DIFF %0d %0d\", errors, samples);\n    $finish;\n  end\nendmodule\n"
        return s
    }
}
