import Benchmarks
import Evaluation
import Foundation
import Policy
import Rewards

/// `verireason train` from start to finish: the base model's held-out score, the SFT stage, a
/// gate that lets GRPO start only when the SFT model solves some training problems, GRPO, and the
/// final model as a GGUF, with metrics, a sample log, curves and checkpoints in the run folder,
/// and resumption from the last checkpoint.
public final class TrainingRun {
    /// What the run reports as it goes (the CLI turns these into progress lines).
    public enum Event: Sendable {
        case started(problems: Int, evalProblems: Int, trainableParameters: Int, resumedAt: Int?)
        case sftStarted(steps: Int, examples: Int, dropped: Int)
        case sftStep(SFTMetrics, of: Int)
        case sftEvaluated(step: Int, loss: Double)
        case sftFinished(evalLoss: Double?, reused: Bool)
        case evaluating(EvaluationRow.Stage, problem: Int, of: Int)
        case evaluated(EvaluationRow)
        case gateChecking(problem: Int, of: Int)
        case gate(GRPOGate)
        case sampling(step: Int, problem: Int, of: Int)
        case updating(step: Int, sequence: Int, of: Int)
        case stepFinished(GRPOMetrics)
        case checkpointWritten(step: Int, path: String)
        case exported(path: String)
        case finished(TrainingSummary)
    }

    public let config: TrainConfig
    public let folder: RunFolder
    /// The verifier: rewards for completions of a problem, in order.
    let score: @Sendable (Problem, [String]) -> [RewardBreakdown]
    let resume: Bool

    public convenience init(config: TrainConfig, out: URL, scorer: Scorer, resume: Bool) throws {
        try self.init(
            config: config, out: out,
            score: { problem, texts in scorer.score(texts.map { ScoreRequest(problem: problem, completion: $0) }) },
            resume: resume)
    }

    /// With any reward function in place of the verifier (tests use toy rewards).
    init(config: TrainConfig, out: URL, score: @escaping @Sendable (Problem, [String]) -> [RewardBreakdown], resume: Bool)
        throws
    {
        try config.validate()
        self.config = config
        folder = RunFolder(out)
        self.score = score
        self.resume = resume
    }

    /// Reads back the settings of the run in `dir` (for `--resume`).
    public static func savedConfig(in dir: URL) throws -> TrainConfig {
        let url = RunFolder(dir).config
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw TrainingError.unreadableData(path: url.path, reason: "no training run to resume here (config.json is missing)")
        }
        return try TrainConfig.load(url)
    }

    /// The system message every stage asks with.
    var system: String { config.system ?? VeriReasonPrompt.system(config.promptFormat) }

    @discardableResult
    public func run(_ onEvent: (Event) -> Void = { _ in }) async throws -> [GRPOMetrics] {
        let start = Date()
        if !resume, FileManager.default.fileExists(atPath: folder.config.path) {
            throw TrainingError.invalidSettings(
                "\(folder.url.path) already holds a training run: pass --resume \(folder.url.path) to continue it, or choose another --out"
            )
        }
        let modelPath = try ModelStore.resolve(config.model).path
        let problems = try ProblemFile.load(URL(fileURLWithPath: config.problems))
        var evalProblems = try config.evalProblems.map { try ProblemFile.load(URL(fileURLWithPath: $0)) } ?? []
        if config.evalLimit > 0 { evalProblems = Array(evalProblems.prefix(config.evalLimit)) }
        let sftExamples =
            config.sftSteps != 0 ? try config.sftData.map { try SFTExample.load(URL(fileURLWithPath: $0)) } : nil
        let base = try LanguageModel(path: modelPath)
        try AtomicWrite.write(try AtomicWrite.json(config), to: folder.config)

        if resume { folder.removeLeftovers() }
        let resumeStep = resume ? folder.checkpointSteps().last : nil
        let state: TrainerState? = try resumeStep.map {
            try JSONDecoder().decode(
                TrainerState.self, from: Data(contentsOf: folder.checkpoint($0).appendingPathComponent("trainer_state.json")))
        }
        let model = TrainableModel(model: base, lora: config.grpo.lora, seed: config.grpo.seed)
        onEvent(
            .started(
                problems: problems.count, evalProblems: evalProblems.count,
                trainableParameters: model.lora?.parameterCount ?? model.layout.count, resumedAt: resumeStep))

        // Rows a lost run logged after its last checkpoint are redone, so they are dropped.
        var evaluations =
            resume
            ? try RunFolder.rows(EvaluationRow.self, at: folder.evaluations).filter {
                ($0.stage ?? .grpo) != .grpo || $0.step <= (resumeStep ?? 0)
            } : []
        if !resume {
            for url in [folder.metrics, folder.samples, folder.evaluations] { try? FileManager.default.removeItem(at: url) }
        }
        // Each model is scored once: a resumed run keeps the rows it has.
        func evaluate(_ stage: EvaluationRow.Stage, step: Int) throws {
            guard !evalProblems.isEmpty, !evaluations.contains(where: { $0.stage == stage && $0.step == step }) else { return }
            let row = try heldOutScore(base: base, model: model, problems: evalProblems, stage: stage, step: step) {
                onEvent(.evaluating(stage, problem: $0, of: $1))
            }
            evaluations.append(row)
            try RunFolder.writeRows(evaluations, to: folder.evaluations)
            onEvent(.evaluated(row))
        }

        // Stage 0: the base model, so that every run says what training added.
        try evaluate(.base, step: 0)

        // Stage 1: SFT, unless it already finished in this folder.
        var earlierStages: [[Float]] = []
        var sftMerged = false
        if let examples = sftExamples, let dataPath = config.sftData {
            if FileManager.default.fileExists(atPath: folder.sftState.path) {
                try model.restoreTrainableValues(try Self.readTensor(folder.sftState, "trainable"))
                onEvent(.sftFinished(evalLoss: nil, reused: true))
            } else {
                try runSFT(base: base, model: model, examples: examples, dataPath: dataPath, modelPath: modelPath, onEvent)
            }
            if model.lora != nil {
                earlierStages = [model.trainableValues]
                model.mergeAdapters(seed: config.grpo.seed &+ 101)
            }
            sftMerged = true
            try evaluate(.sft, step: 0)
        }
        if let state, state.sftMerged != sftMerged {
            throw TrainingError.invalidSettings(
                "the checkpoint was trained \(state.sftMerged ? "after" : "without") an SFT stage; this config differs")
        }

        // Stage 2: GRPO, where the model can learn from its own passes.
        let gate = sftMerged ? try grpoGate(base: base, model: model, problems: problems, onEvent) : nil
        if let gate { onEvent(.gate(gate)) }
        var metrics: [GRPOMetrics] = []
        if gate?.open ?? true {
            metrics = try await runGRPO(
                base: base, model: model, problems: problems, resumeStep: resumeStep, state: state,
                earlierStages: earlierStages, sftMerged: sftMerged, modelPath: modelPath, onEvent,
                evaluate: { try evaluate(.grpo, step: $0) })
        }

        try GGUFExport.write(
            model.mergedWeights(), base: base, type: .f16, promptFormat: config.promptFormat, to: folder.model)
        onEvent(.exported(path: folder.model.path))
        onEvent(
            .finished(
                TrainingSummary(
                    base: evaluations.first { $0.stage == .base }, afterSFT: evaluations.first { $0.stage == .sft },
                    afterGRPO: evaluations.last { $0.stage == .grpo }, gate: gate,
                    seconds: Date().timeIntervalSince(start))))
        return metrics
    }

    /// The GRPO loop: resumes from the last checkpoint, logs metrics and samples, checkpoints and
    /// scores the held-out problems every `eval_steps` and at the end.
    private func runGRPO(
        base: LanguageModel, model: TrainableModel, problems: [Problem], resumeStep: Int?, state: TrainerState?,
        earlierStages: [[Float]], sftMerged: Bool, modelPath: String, _ onEvent: (Event) -> Void,
        evaluate: (Int) throws -> Void
    ) async throws -> [GRPOMetrics] {
        let trainer = try GRPOTrainer(
            base: base, model: model, problems: problems, score: score, config: config.grpo, system: system,
            startStep: resumeStep ?? 0, tokensSeen: state?.numTokens ?? 0)
        var metrics: [GRPOMetrics] = []
        var samples: [SampleLogRow] = []
        if let resumeStep {
            let dir = folder.checkpoint(resumeStep)
            try model.restoreTrainableValues(
                try Self.readTensor(dir.appendingPathComponent("trainable.safetensors"), "trainable"))
            let optimizer = try Safetensors.read(dir.appendingPathComponent("optimizer.safetensors"))
            guard let m = optimizer["exp_avg"]?.values, let v = optimizer["exp_avg_sq"]?.values,
                let step = optimizer["step"]?.values.first
            else { throw TrainingError.invalidSettings("\(dir.path)/optimizer.safetensors lacks exp_avg, exp_avg_sq or step") }
            try trainer.optimizer.restore(step: Int(step), m: m, v: v)
            // Rows logged after the checkpoint are redone, so they are dropped.
            metrics = try RunFolder.rows(GRPOMetrics.self, at: folder.metrics).filter { $0.step <= resumeStep }
            samples = try RunFolder.rows(SampleLogRow.self, at: folder.samples).filter { $0.step <= resumeStep }
        }
        while !trainer.isFinished {
            let generates = trainer.step % config.grpo.numIterations == 0
            let stepNumber = trainer.step + 1
            let row = try await trainer.runStep { progress in
                switch progress {
                case .sampled(let k, let n, _): onEvent(.sampling(step: stepNumber, problem: k, of: n))
                case .updated(let k, let n): onEvent(.updating(step: stepNumber, sequence: k, of: n))
                }
            }
            metrics.append(row)
            try RunFolder.writeRows(metrics, to: folder.metrics)
            if generates {
                samples += trainer.currentGroups.flatMap(\.rollouts).map { SampleLogRow(step: stepNumber, rollout: $0) }
                try RunFolder.writeRows(samples, to: folder.samples)
            }
            try AtomicWrite.write(Data(Self.curves(metrics).utf8), to: folder.curves)
            onEvent(.stepFinished(row))
            if trainer.step % config.grpo.saveSteps == 0 || trainer.isFinished {
                try checkpoint(trainer: trainer, earlierStages: earlierStages, sftMerged: sftMerged, modelPath: modelPath)
                onEvent(.checkpointWritten(step: trainer.step, path: folder.checkpoint(trainer.step).path))
            }
            if (config.evalSteps > 0 && trainer.step % config.evalSteps == 0) || trainer.isFinished {
                try evaluate(trainer.step)
            }
        }
        return metrics
    }

    /// Whether GRPO can learn here: the model after SFT answers a seeded sample of the training
    /// problems greedily, and GRPO starts only if it solves at least one (with no pass at all,
    /// every group's advantages are zero and GRPO only burns time). Measured once per run folder.
    private func grpoGate(base: LanguageModel, model: TrainableModel, problems: [Problem], _ onEvent: (Event) -> Void)
        throws -> GRPOGate?
    {
        guard config.grpoGateProblems > 0 else { return nil }
        if let saved = try? JSONDecoder().decode(GRPOGate.self, from: Data(contentsOf: folder.gate)) { return saved }
        var rng = RandomSource(seed: config.grpo.seed ^ 0x6A7E)
        let sample = Array(problems.shuffled(using: &rng).prefix(config.grpoGateProblems))
        let row = try heldOutScore(base: base, model: model, problems: sample, stage: .sft, step: 0) {
            onEvent(.gateChecking(problem: $0, of: $1))
        }
        let gate = GRPOGate(problems: row.problems, passed: row.passed)
        try AtomicWrite.write(try AtomicWrite.json(gate), to: folder.gate)
        return gate
    }

    static func curves(_ metrics: [GRPOMetrics]) -> String {
        MetricsPlot.svg(
            metrics,
            panels: [
                ("mean reward", "reward"), ("completions passing", "pass_rate"), ("KL to the reference", "kl"),
                ("loss", "loss"), ("mean completion length", "completions/mean_length"),
            ])
    }

    private func runSFT(
        base: LanguageModel, model: TrainableModel, examples: [SFTExample], dataPath: String, modelPath: String,
        _ onEvent: (Event) -> Void
    ) throws {
        let trainer = try SFTTrainer(
            model: base, examples: examples, config: config.sftConfig, dataPath: dataPath, trainable: model)
        onEvent(.sftStarted(steps: trainer.plan.steps, examples: trainer.plan.train, dropped: trainer.droppedExamples))
        var rows: [SFTMetrics] = []
        let metricsURL = folder.sft.appendingPathComponent("metrics.jsonl")
        var evalLoss: Double?
        _ = try trainer.run(
            onStep: { row in
                rows.append(row)
                try RunFolder.writeRows(rows, to: metricsURL)
                if let loss = row.evalLoss {
                    evalLoss = loss
                    if row.step < trainer.plan.steps { onEvent(.sftEvaluated(step: row.step, loss: loss)) }
                } else {
                    onEvent(.sftStep(row, of: trainer.plan.steps))
                }
            }, checkpoint: { _ in })
        try FileManager.default.createDirectory(at: folder.sft, withIntermediateDirectories: true)
        if let adapters = model.lora {
            try AdapterCheckpoint.write(adapters, baseModel: modelPath, to: folder.sft.appendingPathComponent("adapter"))
        }
        // Last, so that its presence means the stage is complete.
        try AtomicWrite.write(
            try Safetensors.encode([
                Safetensors.Tensor(name: "trainable", shape: [model.trainableValues.count], values: model.trainableValues)
            ]),
            to: folder.sftState)
        onEvent(.sftFinished(evalLoss: evalLoss, reused: false))
    }

    private func checkpoint(trainer: GRPOTrainer, earlierStages: [[Float]], sftMerged: Bool, modelPath: String) throws {
        let model = trainer.model
        try folder.writeAtomically(folder.checkpoint(trainer.step)) { dir in
            if let adapters = model.lora {
                try AdapterCheckpoint.write(adapters, earlierStages: earlierStages, baseModel: modelPath, to: dir)
            } else {
                try ModelCheckpoint.write(model, to: dir)
            }
            let values = model.trainableValues
            try Safetensors.encode([Safetensors.Tensor(name: "trainable", shape: [values.count], values: values)])
                .write(to: dir.appendingPathComponent("trainable.safetensors"))
            let o = trainer.optimizer.state
            try Safetensors.encode([
                Safetensors.Tensor(name: "exp_avg", shape: [o.m.count], values: o.m),
                Safetensors.Tensor(name: "exp_avg_sq", shape: [o.v.count], values: o.v),
                Safetensors.Tensor(name: "step", shape: [1], values: [Float(o.step)]),
            ]).write(to: dir.appendingPathComponent("optimizer.safetensors"))
            let state = TrainerState(
                globalStep: trainer.step, numTokens: trainer.tokensSeen, sftMerged: sftMerged, baseModel: modelPath)
            try AtomicWrite.json(state).write(to: dir.appendingPathComponent("trainer_state.json"))
        }
    }

    /// Greedy answers of the current policy to `problems`, scored by the verifier, in the run's
    /// prompt format.
    private func heldOutScore(
        base: LanguageModel, model: TrainableModel, problems: [Problem], stage: EvaluationRow.Stage, step: Int,
        progress: (Int, Int) -> Void
    ) throws -> EvaluationRow {
        let start = Date()
        let policy = try LanguageModel(base: base, weights: model.mergedWeights())
        var parameters = SamplingParameters()
        parameters.temperature = 0
        parameters.maxTokens = config.grpo.maxCompletionLength
        var breakdowns: [RewardBreakdown] = []
        // Several problems decode together (one batch of rows per step), as `eval` draws greedy answers.
        let batchSize = policy.preferredBatchSequences
        for first in stride(from: 0, to: problems.count, by: batchSize) {
            let batch = Array(problems[first..<min(problems.count, first + batchSize)])
            let requests = batch.map { problem in
                let prompt = policy.chatTemplate.prompt(user: VeriReasonPrompt.userMessage(for: problem), system: system)
                return GenerationRequest(prompt: policy.tokenizer.encode(prompt), parameters: parameters)
            }
            for (problem, answers) in zip(batch, policy.generate(requests, n: 1)) {
                breakdowns += score(problem, answers.map(\.text))
            }
            progress(first + batch.count, problems.count)
        }
        let passed = breakdowns.filter(\.passed).count
        return EvaluationRow(
            stage: stage, step: step, problems: problems.count, passed: passed,
            passRate: Double(passed) / Double(max(1, problems.count)),
            meanReward: breakdowns.map(\.reward).reduce(0, +) / Double(max(1, breakdowns.count)),
            seconds: Date().timeIntervalSince(start))
    }

    static func readTensor(_ url: URL, _ name: String) throws -> [Float] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TrainingError.unreadableData(path: url.path, reason: "cannot read the saved state")
        }
        guard let tensor = try Safetensors.decode(data, path: url.path)[name] else {
            throw TrainingError.invalidSettings("\(url.path) has no tensor '\(name)'")
        }
        return tensor.values
    }
}
