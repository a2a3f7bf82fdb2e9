import Benchmarks
import Policy
import Rewards

/// One sampled completion of a GRPO batch, scored, with what the update needs: the tokens it
/// trains on, its advantage, and the log-probabilities of the policy that sampled it and of the
/// reference.
public struct Rollout: Sendable {
    public var problemID: String
    public var promptTokens: [Int]
    public var completion: GeneratedCompletion
    /// The generated tokens plus the end-of-turn token that stopped them, if one did: the
    /// policy is rewarded for stopping too.
    public var completionTokens: [Int]
    public var breakdown: RewardBreakdown
    public var advantage: Double = 0
    /// Cut off at `max_completion_length`.
    public var truncated: Bool { completion.finishReason == "length" }
    /// log π_old per completion token, kept from the first update when `num_iterations` > 1.
    public var oldLogProbs: [Float]?
    /// log π_ref per completion token, when `beta` > 0.
    public var referenceLogProbs: [Float]?

    public init(problemID: String, promptTokens: [Int], completion: GeneratedCompletion, breakdown: RewardBreakdown) {
        self.problemID = problemID
        self.promptTokens = promptTokens
        self.completion = completion
        completionTokens = completion.tokenIDs + (completion.stopTokenID.map { [$0] } ?? [])
        self.breakdown = breakdown
    }

    /// Prompt and completion, the sequence the model is run on.
    public var tokens: [Int] { promptTokens + completionTokens }
}

/// The G rollouts of one problem.
public struct RolloutGroup: Sendable {
    public var problem: Problem
    public var rollouts: [Rollout]

    public var rewards: [Double] { rollouts.map(\.breakdown.reward) }

    /// All rewards equal: every advantage is zero, so the group carries no policy gradient.
    public var isUniform: Bool { Advantages.standardDeviation(rewards) == 0 }

    /// Some completions pass and some fail: the band GRPO learns correctness from. A group with
    /// no pass still has spread rewards (compile and structural credit), but training on it
    /// teaches the policy to look like Verilog, not to be right.
    public var isLearnable: Bool {
        let passed = rollouts.filter(\.breakdown.passed).count
        return passed > 0 && passed < rollouts.count
    }
}
