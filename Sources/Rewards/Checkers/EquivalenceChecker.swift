import Benchmarks
import Foundation
import Verilog

/// Differential equivalence against the golden design, CodeV-R1 style: no written testbench is
/// needed. Yosys discovers the reference's ports; a generated testbench drives reference and
/// candidate with the same seeded random stimulus over several sequences (with different reset
/// patterns), and compares every output before and after each clock edge with 4-state equality,
/// where an X in the reference is a don't-care (VerilogEval's convention).
public struct EquivalenceChecker: Sendable {
    public var toolchain: Toolchain
    public var policy: ConstructPolicy
    public var limits: SandboxLimits
    public var stimulus: Stimulus
    private let elaborations: LockedCache<String, Result<[ModulePort], YosysFailure>>

    /// How much random stimulus to apply.
    public struct Stimulus: Sendable, Hashable, Codable {
        public var sequences: Int
        public var cyclesPerSequence: Int
        public var seed: UInt32

        public init(sequences: Int = 8, cyclesPerSequence: Int = 64, seed: UInt32 = 20260501) {
            self.sequences = sequences
            self.cyclesPerSequence = cyclesPerSequence
            self.seed = seed
        }
    }

    public static let name = "equivalence"
    static let referenceSuffix = "_vr_ref"

    public init(
        toolchain: Toolchain, policy: ConstructPolicy = ConstructPolicy(), limits: SandboxLimits = .simulation,
        stimulus: Stimulus = Stimulus()
    ) {
        self.toolchain = toolchain
        self.policy = policy
        self.limits = limits
        self.stimulus = stimulus
        self.elaborations = LockedCache()
    }

    public func check(_ candidate: CandidateSource, problem: Problem) throws -> Verdict {
        guard let reference = problem.reference else { throw RewardsError.noReference(problem: problem.id) }
        if candidate.format == .none || candidate.code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return verdict(.noCode, detail: "no Verilog found in the completion")
        }
        // The reference is compiled under renamed modules; its own names are free for the design.
        let harness = Set(ModuleNames.declared(in: reference).map { $0 + Self.referenceSuffix })
        if let (refusal, detail) = try CandidateScreen(toolchain: toolchain, policy: policy, limits: limits).refusal(
            candidate, harnessModules: harness)
        {
            return verdict(refusal, detail: detail)
        }
        let ports = try referencePorts(problem)
        if let port = ports.first(where: { $0.direction == .inout }) {
            throw RewardsError.referenceUnusable(
                problem: problem.id, detail: "inout port '\(port.name)' cannot be driven by the differential checker")
        }
        let nonce = Nonce()
        let roles = PortRoles(ports: ports)
        let referenceModules = ModuleNames.declared(in: reference)
        let renamedReference = ModuleNames.renaming(
            reference,
            Dictionary(uniqueKeysWithValues: referenceModules.map { ($0, $0 + Self.referenceSuffix) }))
        let benchModule = "vr_diff_\(nonce.value)"
        let bench = DifferentialBench(
            roles: roles, stimulus: stimulus, referenceTop: problem.referenceTop + Self.referenceSuffix,
            candidateTop: problem.top, module: benchModule, tag: nonce.tag)
        let files = [
            SourceFile(name: "candidate.sv", text: candidate.code + "\n"),
            SourceFile(name: "reference.sv", text: renamedReference + "\n"),
            SourceFile(name: "bench.sv", text: bench.source),
        ]
        let run = try toolchain.icarus(files, roots: [benchModule], limits: limits)
        let diagnostics = CompilerDiagnostics(
            file: "candidate.sv", firstLine: 1, code: candidate.code, addedLines: candidate.addedLines,
            followingFiles: ["reference.sv", "bench.sv"])
        return judge(run, tag: nonce.tag, diagnostics: diagnostics, expectedSamples: bench.expectedSamples)
    }

    /// The reference's ports, elaborated by yosys once per reference text.
    public func referencePorts(_ problem: Problem) throws -> [ModulePort] {
        guard let reference = problem.reference else { throw RewardsError.noReference(problem: problem.id) }
        let key = SHA256.hex(problem.referenceTop + "\u{1}" + reference)
        let result = try elaborations.value(for: key) {
            try toolchain.ports(of: reference, top: problem.referenceTop)
        }
        switch result {
        case .success(let ports): return ports
        case .failure(let failure):
            let firstLine = failure.log.split(separator: "\n").first { $0.contains("ERROR") }.map(String.init) ?? failure.log
            throw RewardsError.referenceUnusable(problem: problem.id, detail: "yosys: \(firstLine)")
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

    func judge(_ run: IcarusRun, tag: String, diagnostics: CompilerDiagnostics, expectedSamples: Int) -> Verdict {
        let lines = run.log.split(separator: "\n").map(String.init)
        if run.compile.timedOut || run.compile.exceededCPU {
            // Not a `timeout`: that class earns compile credit, and a design whose compile never
            // ends did not compile (else stalling the compiler would pay better than a syntax error).
            return verdict(.compileError, detail: "compiler exceeded its time limit")
        }
        if !run.compile.succeeded {
            let detail = diagnostics.describe(run.log) ?? "iverilog failed"
            return verdict(run.log.contains("syntax error") ? .syntaxError : .compileError, detail: detail)
        }
        guard let sim = run.simulation else { return verdict(.compileError, detail: "no simulation image") }
        if sim.timedOut || sim.exceededCPU { return verdict(.timeout, detail: "simulation exceeded its time limit") }
        if sim.outputLimitExceeded { return verdict(.runtimeError, detail: "simulation flooded its output and was killed") }
        let reports = lines.filter { $0.hasPrefix(tag + "DIFF ") }
        guard reports.count == 1 else {
            return verdict(
                .runtimeError,
                detail: (reports.isEmpty ? "the comparison never finished" : "duplicated report") + Self.logTail(sim))
        }
        let fields = reports[0].dropFirst(tag.count + 5).split(separator: " ").compactMap { Int($0) }
        guard fields.count == 2, fields[1] == expectedSamples else {
            return verdict(.runtimeError, detail: "compared \(fields.last ?? 0) samples, expected \(expectedSamples)")
        }
        let (errors, samples) = (fields[0], fields[1])
        let fraction = samples > 0 ? Double(samples - errors) / Double(samples) : 0
        if errors == 0 {
            return verdict(.pass, fraction: 1, mismatches: 0, samples: samples, detail: "0 of \(samples) samples differ")
        }
        return verdict(
            .mismatch, fraction: fraction, mismatches: errors, samples: samples,
            detail: "\(errors) of \(samples) samples differ from the reference")
    }
}

extension EquivalenceChecker {
    /// The simulator's last words, to say why no report came.
    static func logTail(_ outcome: ProcessOutcome) -> String {
        let lines = (outcome.stdout + outcome.stderr).split(separator: "\n").suffix(2)
        return lines.isEmpty ? "" : ": " + lines.joined(separator: " | ")
    }
}
