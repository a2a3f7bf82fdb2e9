import Benchmarks
import Dispatch
import Foundation
import Synchronization
import Verilog

/// Which checker decides functional correctness.
public enum CheckerKind: String, Sendable, Codable, CaseIterable {
    /// The problem's own testbench.
    case testbench
    /// Differential simulation against the reference.
    case equivalence
    /// The testbench when the problem has one, else equivalence.
    case auto
}

/// One completion to score.
public struct ScoreRequest: Sendable {
    public var problem: Problem
    public var candidate: CandidateSource

    public init(problem: Problem, candidate: CandidateSource) {
        self.problem = problem
        self.candidate = candidate
    }

    /// A model completion (extracts the code).
    public init(problem: Problem, completion: String) {
        self.init(problem: problem, candidate: .fromCompletion(completion, problem: problem))
    }
}

/// Scores many completions in parallel over the cores, caching verdicts by content hash: the
/// same code on the same problem is simulated once (GRPO groups often repeat answers).
public struct Scorer: Sendable {
    public var weights: RewardWeights
    public var checker: CheckerKind
    public var workers: Int
    public let testbench: TestbenchChecker
    public let equivalence: EquivalenceChecker
    let verdicts: LockedCache<String, Verdict>

    public init(
        toolchain: Toolchain, weights: RewardWeights = RewardWeights(), checker: CheckerKind = .auto,
        policy: ConstructPolicy = ConstructPolicy(), limits: SandboxLimits = .simulation,
        rule: TestbenchRule? = nil, workers: Int? = nil
    ) {
        self.weights = weights
        self.checker = checker
        // Simulations block on a child process; one more worker than cores keeps both busy
        // while a worker writes files or waits for a spawn.
        self.workers = max(1, workers ?? (ProcessInfo.processInfo.activeProcessorCount + 1))
        self.testbench = TestbenchChecker(toolchain: toolchain, policy: policy, limits: limits, rule: rule)
        self.equivalence = EquivalenceChecker(toolchain: toolchain, policy: policy, limits: limits)
        self.verdicts = LockedCache()
    }

    /// Scores one completion. Problems that cannot be judged (no testbench, a reference yosys
    /// rejects) give a `checker_error` verdict rather than throwing, so a batch always completes.
    public func score(_ request: ScoreRequest) -> RewardBreakdown {
        let verdict = judge(request)
        return RewardBreakdown.make(
            verdict: verdict, format: request.candidate.format, candidate: request.candidate.code,
            reference: request.problem.reference, weights: weights)
    }

    /// Scores all requests, in input order; `progress(done, total)` is called from worker threads.
    public func score(_ requests: [ScoreRequest], progress: (@Sendable (Int, Int) -> Void)? = nil) -> [RewardBreakdown] {
        let results = Mutex<[RewardBreakdown?]>(Array(repeating: nil, count: requests.count))
        // Longest expected simulations first (stable, so equal costs keep input order).
        var costs: [String: Int] = [:]
        func key(_ p: Problem) -> String { p.id + "\u{1}" + (p.family ?? "") }
        for r in requests where costs[key(r.problem)] == nil { costs[key(r.problem)] = SimulationCost.estimate(r.problem) }
        let order = requests.indices.sorted {
            (costs[key(requests[$0].problem)]!, -$0) > (costs[key(requests[$1].problem)]!, -$1)
        }
        let next = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let group = DispatchGroup()
        for _ in 0..<min(workers, max(1, requests.count)) {
            DispatchQueue.global().async(group: group) {
                while true {
                    let slot = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard slot < requests.count else { break }
                    let i = order[slot]
                    let breakdown = score(requests[i])
                    results.withLock { $0[i] = breakdown }
                    let finished = done.wrappingAdd(1, ordering: .relaxed).newValue
                    progress?(finished, requests.count)
                }
            }
        }
        group.wait()
        return results.withLock { $0.map { $0! } }
    }

    /// The checker a problem will be judged by.
    public func checkerKind(for problem: Problem) -> CheckerKind {
        switch checker {
        case .auto: return problem.testbench != nil ? .testbench : .equivalence
        default: return checker
        }
    }

    private func judge(_ request: ScoreRequest) -> Verdict {
        let kind = checkerKind(for: request.problem)
        let p = request.problem
        let key = SHA256.hex(
            [
                kind.rawValue, p.id, p.rule.rawValue, p.top, p.reference ?? "", p.testbench ?? "",
                request.candidate.code,
                // Compiler messages number the answer's lines after the lines the checker added.
                String(request.candidate.addedLines),
            ].joined(separator: "\u{1}"))
        return verdicts.value(for: key) {
            do {
                switch kind {
                case .testbench, .auto: return try testbench.check(request.candidate, problem: p)
                case .equivalence: return try equivalence.check(request.candidate, problem: p)
                }
            } catch {
                return Verdict(
                    verdictClass: .checkerError, detail: String(describing: error), checker: kind.rawValue,
                    simulator: testbench.toolchain.versions.iverilog)
            }
        }
    }
}
