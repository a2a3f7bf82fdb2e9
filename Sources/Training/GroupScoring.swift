import Benchmarks
import Foundation
import Policy
import Rewards

/// One problem's sampled completions, their scores and the resulting reward statistics.
public struct ScoredGroup: Sendable {
    public var problem: Problem
    public var completions: [GeneratedCompletion]
    public var breakdowns: [RewardBreakdown]
    public var rewards: GroupRewards
}

/// Samples G completions of each problem and scores them: the measurement behind difficulty
/// filtering and the per-family solve rates (and, with old log-probabilities kept, a GRPO step).
public struct GroupScoring: Sendable {
    public var source: any CompletionSource
    public var scorer: Scorer
    public var parameters: SamplingParameters
    public var groupSize: Int
    /// How problems are asked.
    public var format: PromptFormat
    /// System message; nil uses the format's.
    public var system: String?

    public init(
        source: any CompletionSource, scorer: Scorer, parameters: SamplingParameters, groupSize: Int,
        format: PromptFormat = .code, system: String? = nil
    ) {
        self.source = source
        self.scorer = scorer
        self.parameters = parameters
        self.groupSize = groupSize
        self.format = format
        self.system = system
    }

    /// Rewards of every problem, in input order. Problem i is sampled with seed `seed + i`, so a
    /// subset or a resumed run draws the same completions for the same problem position. The
    /// simulations of one problem run while the next one is being sampled.
    public func run(_ problems: [Problem], progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> [ScoredGroup] {
        var results: [ScoredGroup] = []
        var pending: Task<ScoredGroup, Never>?
        for (i, problem) in problems.enumerated() {
            var p = parameters
            p.seed = parameters.seed &+ UInt64(i)
            let completions = try await source.complete(
                TaskPrompt.input(for: problem, format: format, system: system), n: groupSize, parameters: p)
            if let pending {
                results.append(await pending.value)
                progress?(results.count, problems.count)
            }
            let scorer = scorer
            pending = Task.detached {
                let breakdowns = scorer.score(completions.map { ScoreRequest(problem: problem, completion: $0.text) })
                let rewards = GroupRewards(
                    id: problem.id, family: problem.family, rewards: breakdowns.map(\.reward),
                    passed: breakdowns.filter(\.passed).count,
                    truncated: completions.filter { $0.finishReason == "length" }.count,
                    meanLength: completions.isEmpty
                        ? 0 : Double(completions.map { $0.tokenIDs.count }.reduce(0, +)) / Double(completions.count))
                return ScoredGroup(problem: problem, completions: completions, breakdowns: breakdowns, rewards: rewards)
            }
        }
        if let pending {
            results.append(await pending.value)
            progress?(results.count, problems.count)
        }
        return results
    }
}
