/// Whether GRPO may start: how many of a seeded sample of training problems the model after
/// SFT solves greedily. With none solved, every group would score alike and GRPO could not learn.
public struct GRPOGate: Sendable, Hashable, Codable {
    public var problems: Int
    public var passed: Int

    public init(problems: Int, passed: Int) {
        self.problems = problems
        self.passed = passed
    }

    public var open: Bool { passed > 0 }
}

/// What a finished run reports last: the held-out pass rate of the base model, after SFT and
/// after GRPO, the gate's measurement and the wall time.
public struct TrainingSummary: Sendable, Hashable {
    public var base: EvaluationRow?
    public var afterSFT: EvaluationRow?
    public var afterGRPO: EvaluationRow?
    public var gate: GRPOGate?
    public var seconds: Double
}
