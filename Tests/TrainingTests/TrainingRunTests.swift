import Foundation
import Policy
import TestSupport
import Testing

@testable import Training

@Suite("Training runs: folder, checkpoints and resuming")
struct TrainingRunTests {
    /// A tiny two-stage run: 2 SFT updates on a few rows, then GRPO on the toy reward.
    static func config(sftData: URL, maxSteps: Int) -> TrainConfig {
        var c = TrainConfig()
        c.model = TinyModels.path("tiny-qwen2")
        c.problems = Fixtures.examples.path
        c.sftData = sftData.path
        c.sftSteps = 2
        c.sftBatchSize = 2
        c.evalProblems = Fixtures.examples.path
        c.evalLimit = 2
        c.grpo = GRPOTrainerTests.config()
        // The toy reward never passes, so the gate would always stop GRPO.
        c.grpoGateProblems = 0
        // The linear schedule would depend on max_steps, which this test changes between runs.
        c.grpo.lrSchedulerType = .constant
        c.grpo.maxSteps = maxSteps
        c.grpo.saveSteps = 2
        return c
    }

    static func sftRows() throws -> URL {
        let dir = try Fixtures.temporaryDirectory()
        let url = dir.appendingPathComponent("sft.jsonl")
        let rows = (0..<6).map { #"{"prompt": "design \#($0)", "response": "module m\#($0); endmodule"}"# }
        try (rows.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Metrics without the wall-clock fields, which differ between any two runs.
    static func comparable(_ rows: [GRPOMetrics]) -> [[String: Double]] {
        let clocks: Set = ["step_time", "sampling_time", "reference_time", "update_time", "train_tokens_per_second"]
        return rows.map { $0.values.filter { !clocks.contains($0.key) } }
    }

    @Test("a run stopped after a checkpoint and resumed ends exactly where an uninterrupted run ends")
    func resumeIsExact() async throws {
        let sft = try Self.sftRows()
        let whole = try Fixtures.temporaryDirectory()
        try await TrainingRun(
            config: Self.config(sftData: sft, maxSteps: 4), out: whole, score: GRPOTrainerTests.vowels, resume: false
        ).run()

        let broken = try Fixtures.temporaryDirectory()
        try await TrainingRun(
            config: Self.config(sftData: sft, maxSteps: 3), out: broken, score: GRPOTrainerTests.vowels, resume: false
        ).run()
        // As if killed while writing step 3's checkpoint: its folder never appeared.
        try FileManager.default.removeItem(at: RunFolder(broken).checkpoint(3))
        var resumed = try TrainingRun.savedConfig(in: broken)
        resumed.grpo.maxSteps = 4
        var events: [String] = []
        try await TrainingRun(config: resumed, out: broken, score: GRPOTrainerTests.vowels, resume: true).run { event in
            switch event {
            case .started(_, _, _, let at): events.append("resumed at \(at.map(String.init) ?? "none")")
            case .sftFinished(_, let reused): events.append(reused ? "sft reused" : "sft rerun")
            default: break
            }
        }
        #expect(events == ["resumed at 2", "sft reused"])

        let a = RunFolder(whole)
        let b = RunFolder(broken)
        let weightsA = try TrainingRun.readTensor(a.checkpoint(4).appendingPathComponent("trainable.safetensors"), "trainable")
        let weightsB = try TrainingRun.readTensor(b.checkpoint(4).appendingPathComponent("trainable.safetensors"), "trainable")
        #expect(weightsA == weightsB, "the resumed run's weights differ from the uninterrupted run's")
        let metricsA = try RunFolder.rows(GRPOMetrics.self, at: a.metrics)
        let metricsB = try RunFolder.rows(GRPOMetrics.self, at: b.metrics)
        #expect(metricsB.map(\.step) == [1, 2, 3, 4], "each step logged once")
        #expect(Self.comparable(metricsA) == Self.comparable(metricsB))
        let samplesB = try RunFolder.rows(SampleLogRow.self, at: b.samples)
        let samplesA = try RunFolder.rows(SampleLogRow.self, at: a.samples)
        #expect(samplesB.map(\.step) == samplesA.map(\.step) && samplesB.map(\.completion) == samplesA.map(\.completion))
        let evaluations = try RunFolder.rows(EvaluationRow.self, at: b.evaluations)
        #expect(
            evaluations.map { "\($0.stage?.rawValue ?? "?") \($0.step)" } == ["base 0", "sft 0", "grpo 4"],
            "the base model, after SFT and at the end; the lost run's last one is dropped")
        #expect(FileManager.default.fileExists(atPath: b.model.path), "the final model is exported")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: broken.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        let svg = try String(contentsOf: b.curves, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("polyline"))
    }

    @Test("a folder holding a run is not overwritten without --resume; bad config files name the key")
    func refusals() async throws {
        let sft = try Self.sftRows()
        let dir = try Fixtures.temporaryDirectory()
        var config = Self.config(sftData: sft, maxSteps: 1)
        config.sftSteps = 0
        config.evalProblems = nil
        try await TrainingRun(config: config, out: dir, score: GRPOTrainerTests.vowels, resume: false).run()
        await #expect {
            try await TrainingRun(config: config, out: dir, score: GRPOTrainerTests.vowels, resume: false).run()
        } throws: { error in
            (error as? TrainingError)?.description.contains("--resume") == true
        }
        let file = dir.appendingPathComponent("bad.json")
        try #"{"num_generation": 4}"#.write(to: file, atomically: true, encoding: .utf8)
        #expect {
            _ = try TrainConfig.load(file)
        } throws: { error in
            (error as? TrainingError)?.description.contains("num_generation") == true
        }
        try #"{"beta": "high"}"#.write(to: file, atomically: true, encoding: .utf8)
        #expect {
            _ = try TrainConfig.load(file)
        } throws: { error in
            (error as? TrainingError)?.description.contains("beta") == true
        }
    }

    @Test("TOML and JSON configs set the same settings; unset keys keep their defaults")
    func configFiles() throws {
        let dir = try Fixtures.temporaryDirectory()
        let toml = dir.appendingPathComponent("train.toml")
        try """
        # a comment
        num_generations = 4
        loss_type = "dr_grpo"
        epsilon_high = 0.28
        mask_truncated_completions = true
        lora_targets = ["q", "v"]
        sft_data = "rows.jsonl"

        [reward_weights]
        functional = 2.1

        [sft]
        epochs = 2
        lr_scheduler_type = "linear"
        """.write(to: toml, atomically: true, encoding: .utf8)
        let json = dir.appendingPathComponent("train.json")
        try """
        {"num_generations": 4, "loss_type": "dr_grpo", "epsilon_high": 0.28, "mask_truncated_completions": true,
         "lora_targets": ["q", "v"], "sft_data": "rows.jsonl", "reward_weights": {"functional": 2.1},
         "sft": {"epochs": 2, "lr_scheduler_type": "linear"}}
        """.write(to: json, atomically: true, encoding: .utf8)
        let a = try TrainConfig.load(toml)
        let b = try TrainConfig.load(json)
        #expect(a == b)
        // The same file with Windows line endings.
        let crlf = dir.appendingPathComponent("crlf.toml")
        try String(contentsOf: toml, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")
            .write(to: crlf, atomically: true, encoding: .utf8)
        #expect(try TrainConfig.load(crlf) == a)
        #expect(a.grpo.numGenerations == 4 && a.grpo.lossType == .drGRPO && a.grpo.effectiveEpsilonHigh == 0.28)
        #expect(a.grpo.loraTargets == [.q, .v] && a.grpo.rewardWeights.functional == 2.1 && a.grpo.rewardWeights.format == 0.1)
        #expect(a.grpo.beta == GRPOConfig().beta && a.sftSteps == TrainConfig().sftSteps)
        #expect(a.sftEpochs == 2 && a.sftLRSchedulerType == .linear, "the [sft] section sets the sft_ settings")
        try #"{"sft": {"epochs": 2}, "sft_epochs": 3}"#.write(to: json, atomically: true, encoding: .utf8)
        #expect {
            _ = try TrainConfig.load(json)
        } throws: { error in
            (error as? TrainingError)?.description.contains("both 'sft.epochs' and 'sft_epochs'") == true
        }
        try #"{"sft": {"epoch": 2}}"#.write(to: json, atomically: true, encoding: .utf8)
        #expect {
            _ = try TrainConfig.load(json)
        } throws: { error in
            (error as? TrainingError)?.description.contains("sft.epoch") == true
        }
        // The echoed config reads back as the same settings.
        let echoed = dir.appendingPathComponent("config.json")
        let encoder = JSONEncoder()
        try encoder.encode(a).write(to: echoed)
        #expect(try TrainConfig.load(echoed) == a)
    }

    @Test("GRPO does not start when the model after SFT solves none of the sampled training problems")
    func gateStopsGRPO() async throws {
        let sft = try Self.sftRows()
        let dir = try Fixtures.temporaryDirectory()
        var config = Self.config(sftData: sft, maxSteps: 2)
        config.grpoGateProblems = 3
        config.evalProblems = nil
        var gates: [GRPOGate] = []
        let metrics = try await TrainingRun(config: config, out: dir, score: GRPOTrainerTests.vowels, resume: false).run {
            if case .gate(let gate) = $0 { gates.append(gate) }
        }
        #expect(gates == [GRPOGate(problems: 3, passed: 0)])
        #expect(metrics.isEmpty && RunFolder(dir).checkpointSteps().isEmpty, "no GRPO step ran")
        #expect(FileManager.default.fileExists(atPath: RunFolder(dir).model.path), "the SFT model is still exported")
        let saved = try JSONDecoder().decode(GRPOGate.self, from: Data(contentsOf: RunFolder(dir).gate))
        #expect(saved == GRPOGate(problems: 3, passed: 0))
    }
}
