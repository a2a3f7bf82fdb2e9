import Benchmarks
import Foundation
import Verilog

/// Runs a candidate against the problem's self-checking testbench, following VerilogEval's v1 or
/// v2 rules for file order and failure classes, hardened so the verdict cannot be forged:
/// - the candidate is refused if it uses a forbidden construct (`ConstructPolicy`);
/// - the testbench's report line is rewritten to start with a per-run nonce, and only that line
///   counts, exactly once;
/// - the number of samples must equal what the reference produced on the same testbench;
/// - a watchdog bounds simulated time, the sandbox bounds wall/CPU time, memory and output.
public struct TestbenchChecker: Sendable {
    public var toolchain: Toolchain
    public var policy: ConstructPolicy
    public var limits: SandboxLimits
    /// Forces a rule; nil uses each problem's own.
    public var rule: TestbenchRule?
    /// Simulated-time bound in picoseconds (VerilogEval testbenches stop at 10^6 ps by themselves).
    public var simulatedTimeLimit: Int
    private let referenceRuns: LockedCache<String, ReferenceRun>

    /// What the reference did on its own testbench; its sample count is what candidates must match.
    public struct ReferenceRun: Sendable, Hashable {
        public var verdict: Verdict
    }

    public init(
        toolchain: Toolchain, policy: ConstructPolicy = ConstructPolicy(), limits: SandboxLimits = .simulation,
        rule: TestbenchRule? = nil, simulatedTimeLimit: Int = 100_000_000_000
    ) {
        self.toolchain = toolchain
        self.policy = policy
        self.limits = limits
        self.rule = rule
        self.simulatedTimeLimit = simulatedTimeLimit
        self.referenceRuns = LockedCache()
    }

    public static let name = "testbench"

    /// Checks `candidate` on `problem`'s testbench.
    public func check(_ candidate: CandidateSource, problem: Problem) throws -> Verdict {
        guard problem.testbench != nil else { throw RewardsError.noTestbench(problem: problem.id) }
        if candidate.format == .none || candidate.code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return verdict(.noCode, detail: "no Verilog found in the completion")
        }
        // The v1 rule compiles the candidate after the testbench, in its file.
        let preceding = (rule ?? problem.rule) == .v1 ? problem.testbench : nil
        let harness = Set(
            ModuleNames.declared(in: problem.testbench ?? "") + ModuleNames.declared(in: problem.reference ?? "")
                + ["RefModule"]
        ).subtracting([problem.top])
        if let (refusal, detail) = try CandidateScreen(toolchain: toolchain, policy: policy, limits: limits).refusal(
            candidate, precedingSource: preceding, harnessModules: harness)
        {
            return verdict(refusal, detail: detail)
        }
        let reference = try referenceRun(problem)
        // The reference is trusted and simulation deterministic: the same code needs no second run.
        var result =
            if let reference, candidate.code == problem.referenceAsCandidate {
                reference.verdict
            } else {
                try simulate(
                    candidate.code, addedLines: candidate.addedLines, problem: problem,
                    expectedSamples: reference?.verdict.samples)
            }
        // A problem whose own reference fails its testbench (a broken problem file, or a
        // construct this simulator lacks) is still judged, since under the v1 rule another design
        // may pass, but a failure says so: otherwise it reads as the candidate's fault alone.
        if let reference, reference.verdict.verdictClass != .pass, !result.passed {
            // The reference ran as a candidate would: its messages say "answer".
            let why = reference.verdict.detail.replacingOccurrences(of: "answer line", with: "reference line")
                .replacingOccurrences(of: "the answer's", with: "the reference's")
                .replacingOccurrences(of: "\n", with: "; ")
            result.detail +=
                " (note: the problem's own reference fails this testbench too: "
                + "\(reference.verdict.verdictClass.rawValue), \(why))"
        }
        return result
    }

    /// The reference solution run as a candidate (cached): nil when the problem has no reference.
    public func referenceRun(_ problem: Problem) throws -> ReferenceRun? {
        guard let reference = problem.reference, let testbench = problem.testbench else { return nil }
        let key = SHA256.hex([problem.id, (rule ?? problem.rule).rawValue, reference, testbench].joined(separator: "\u{1}"))
        return try referenceRuns.value(for: key) {
            ReferenceRun(
                verdict: try simulate(problem.referenceAsCandidate ?? reference, problem: problem, expectedSamples: nil))
        }
    }

    private func verdict(
        _ c: VerdictClass, fraction: Double = 0, mismatches: Int? = nil, samples: Int? = nil,
        detail: String
    ) -> Verdict {
        Verdict(
            verdictClass: c, passFraction: fraction, mismatches: mismatches, samples: samples, detail: detail,
            checker: Self.name, simulator: toolchain.versions.iverilog)
    }

    private func simulate(_ code: String, addedLines: Int = 0, problem: Problem, expectedSamples: Int?) throws -> Verdict {
        let nonce = Nonce()
        let rule = self.rule ?? problem.rule
        let testbench = try instrument(problem.testbench ?? "", nonce: nonce, problem: problem.id)
        let watchdogModule = "vr_watchdog_\(nonce.value)"
        let watchdog = SourceFile(
            name: "watchdog.sv",
            text: """
                `timescale 1ps/1ps
                module \(watchdogModule);
                  initial begin
                    #\(simulatedTimeLimit);
                    $display("\(nonce.tag)WATCHDOG");
                    $finish;
                  end
                endmodule

                """)
        var files: [SourceFile]
        switch rule {
        case .v1:
            files = [SourceFile(name: "test.sv", text: testbench + "\n" + code + "\n")]
        case .v2:
            files = [SourceFile(name: "candidate.sv", text: code + "\n"), SourceFile(name: "test.sv", text: testbench)]
            if let ref = referenceFile(problem, testbench: testbench) { files.append(ref) }
        }
        files.append(watchdog)
        files += problem.auxFiles.sorted { $0.key < $1.key }.map { SourceFile(name: $0.key, text: $0.value) }
        let sources = files.filter { $0.name.hasSuffix(".sv") || $0.name.hasSuffix(".v") }
        let aux = files.filter { !($0.name.hasSuffix(".sv") || $0.name.hasSuffix(".v")) }
        let run = try toolchain.icarus(sources, roots: ["tb", watchdogModule], auxiliary: aux, limits: limits)
        let candidateFile = rule == .v1 ? "test.sv" : "candidate.sv"
        let diagnostics = CompilerDiagnostics(
            file: candidateFile,
            firstLine: rule == .v1 ? CandidateSource.newlines(in: testbench) + 2 : 1,
            code: code, addedLines: addedLines,
            followingFiles: Set(sources.map(\.name).drop { $0 != candidateFile }.dropFirst()))
        return judge(run, rule: rule, nonce: nonce, code: code, diagnostics: diagnostics, expectedSamples: expectedSamples)
    }

    /// The reference as `ref.sv` when the testbench instantiates `RefModule` without declaring it.
    private func referenceFile(_ problem: Problem, testbench: String) -> SourceFile? {
        guard let reference = problem.reference else { return nil }
        let declared = Set(ModuleNames.declared(in: testbench))
        guard !declared.contains("RefModule"), testbench.contains("RefModule") else { return nil }
        let renamed =
            problem.referenceTop == "RefModule"
            ? reference : ModuleNames.renaming(reference, [problem.referenceTop: "RefModule"])
        return SourceFile(name: "ref.sv", text: renamed)
    }

    /// Prefixes the testbench's `$display("Mismatches: ...` with the nonce.
    private func instrument(_ testbench: String, nonce: Nonce, problem: String) throws -> String {
        let marker = "$display(\"Mismatches: "
        guard testbench.contains(marker) else { throw RewardsError.testbenchWithoutReport(problem: problem) }
        return testbench.replacingOccurrences(of: marker, with: "$display(\"\(nonce.tag)Mismatches: ")
    }

    func judge(
        _ run: IcarusRun, rule: TestbenchRule, nonce: Nonce, code: String, diagnostics: CompilerDiagnostics,
        expectedSamples: Int?
    ) -> Verdict {
        let log = run.log
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if run.compile.timedOut || run.compile.exceededCPU {
            // Not a `timeout`: that class earns compile credit, and a design whose compile never
            // ends did not compile (else stalling the compiler would pay better than a syntax error).
            return verdict(.compileError, detail: "compiler exceeded its time limit")
        }
        if !run.compile.succeeded {
            let detail = diagnostics.describe(log) ?? "iverilog failed"
            return verdict(log.contains("syntax error") ? .syntaxError : .compileError, detail: detail)
        }
        guard let sim = run.simulation else { return verdict(.compileError, detail: "no simulation image") }
        if sim.timedOut || sim.exceededCPU {
            return verdict(.timeout, detail: "simulation exceeded \(sim.timedOut ? "its wall-clock" : "its CPU") limit")
        }
        if sim.outputLimitExceeded { return verdict(.runtimeError, detail: "simulation flooded its output and was killed") }
        if lines.contains(where: { $0.hasPrefix(nonce.tag + "WATCHDOG") }) {
            return verdict(.timeout, detail: "simulated time passed \(simulatedTimeLimit) ps")
        }

        switch rule {
        case .v1:
            if !run.compile.stderr.isEmpty || !sim.stderr.isEmpty {
                let stderr = run.compile.stderr + sim.stderr
                let detail = diagnostics.describe(stderr) ?? "stderr output"
                return verdict(stderr.contains("syntax error") ? .syntaxError : .compileError, detail: detail)
            }
        case .v2:
            if let failure = Self.v2Failure(lines, nonce: nonce, diagnostics: diagnostics) { return failure(self) }
        }
        if case .signaled(let signal) = sim.termination {
            return verdict(.runtimeError, detail: "simulator killed by signal \(signal)")
        }

        let reports = lines.filter { $0.hasPrefix(nonce.tag + "Mismatches: ") }
        guard reports.count == 1, let report = Self.parseReport(String(reports[0].dropFirst(nonce.tag.count))) else {
            return verdict(
                .runtimeError,
                detail: reports.isEmpty
                    ? "the testbench never reported (simulation ended early?)" : "the testbench reported \(reports.count) times")
        }
        if let expectedSamples, report.samples != expectedSamples {
            return verdict(
                .runtimeError, mismatches: report.mismatches, samples: report.samples,
                detail: "simulated \(report.samples) samples, the reference \(expectedSamples)")
        }
        let fraction = report.samples > 0 ? Double(report.samples - report.mismatches) / Double(report.samples) : 0
        if report.mismatches == 0, report.samples > 0 {
            return verdict(
                .pass, fraction: 1, mismatches: 0, samples: report.samples, detail: "Mismatches: 0 in \(report.samples) samples")
        }
        let upstreamClass = rule == .v2 ? (Self.mentionsResetEdge(code) ? " (upstream class r)" : " (upstream class R)") : ""
        return verdict(
            .mismatch, fraction: max(0, fraction), mismatches: report.mismatches, samples: report.samples,
            detail: "Mismatches: \(report.mismatches) in \(report.samples) samples" + upstreamClass)
    }

    /// VerilogEval v2's per-line failure rules (first matching line wins).
    static func v2Failure(
        _ lines: [String], nonce: Nonce, diagnostics: CompilerDiagnostics
    ) -> ((TestbenchChecker) -> Verdict)? {
        for line in lines where !line.hasPrefix(nonce.tag) {
            let cls: VerdictClass?
            var upstream = ""
            if line.contains("syntax error") {
                cls = .syntaxError
            } else if line.contains("error: Unable to elaborate r-value") && line.contains("cast") {
                cls = .compileError; upstream = " (upstream class e: explicit cast)"
            } else if line.contains("error: Concatenation operand") && line.contains("zero") {
                cls = .compileError; upstream = " (upstream class 0)"
            } else if line.contains("warning: @* found no sensitivities") || line.contains("no sensitivities") {
                cls = .compileError; upstream = " (upstream class n)"
            } else if line.contains("is declared here as wire") {
                cls = .compileError; upstream = " (upstream class w)"
            } else if line.contains("Unknown module type") {
                cls = .compileError; upstream = " (upstream class m)"
            } else if line.contains("Unable to bind wire/reg/memory `clk'") {
                cls = .compileError; upstream = " (upstream class c)"
            } else if line.contains("TIMEOUT") {
                cls = .timeout
            } else if line.contains("Unable to bind") {
                cls = .compileError; upstream = " (upstream class p)"
            } else if line.contains("error") {
                cls = .compileError
            } else {
                cls = nil
            }
            if let cls {
                // Translated only for the line that decides: a passing run's log has many lines.
                let detail = (diagnostics.describe(line) ?? line) + upstream
                return { $0.verdict(cls, detail: detail) }
            }
        }
        return nil
    }

    static func parseReport(_ line: String) -> (mismatches: Int, samples: Int)? {
        // "Mismatches: N in M samples"
        let parts = line.split(separator: " ")
        guard parts.count == 5, parts[0] == "Mismatches:", parts[2] == "in", parts[4] == "samples",
            let n = Int(parts[1]), let m = Int(parts[3]), n >= 0, m >= 0
        else { return nil }
        return (n, m)
    }

    static func mentionsResetEdge(_ code: String) -> Bool {
        code.contains("posedge reset") || code.contains("negedge reset") || code.contains("posedge r)")
    }
}
