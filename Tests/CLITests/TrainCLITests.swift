import Foundation
import TestSupport
import Testing

/// `verireason train` and `export` run as a user would, on the tiny qwen2 model (whose random
/// completions score 0, which is enough to exercise the run folder and resuming).
@Suite("Command line: train and export")
struct TrainCLITests {
    static let model = Fixtures.repoRoot.appendingPathComponent("Tests/PolicyTests/Fixtures/tiny-qwen2.gguf").path

    static func arguments(out: URL, steps: Int) -> [String] {
        [
            "train", "--model", model, "--problems", "datasets/problems-train.jsonl", "--sft-steps", "0",
            "--eval-problems", "none", "--max-steps", "\(steps)", "--save-steps", "2", "--batch-size", "1",
            "--num-generations", "4", "--max-completion-length", "16", "--dynamic-sampling", "false", "--out", out.path,
        ]
    }

    @Test("killed with SIGKILL after a checkpoint, --resume finishes the run with every step logged once")
    func killAndResume() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("run")
        let process = Process()
        process.executableURL = Fixtures.cliExecutable
        process.arguments = Self.arguments(out: out, steps: 40)
        process.currentDirectoryURL = Fixtures.repoRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let state = out.appendingPathComponent("checkpoint-2/trainer_state.json")
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: state.path), process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(process.isRunning, "the run ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let resumed = try CLITests().run(["train", "--resume", out.path])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming after step"), "\(resumed.stderr)")
        let steps = try String(contentsOf: out.appendingPathComponent("metrics.jsonl"), encoding: .utf8)
            .split(separator: "\n").map {
                (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["step"] as? Int
            }
        #expect(steps == (1...40).map { $0 }, "every step exactly once")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.contains("checkpoint-40") && names.contains("curves.svg") && names.contains("samples.jsonl"))
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "no half-written files: \(names)")
    }

    @Test("export turns a train checkpoint into a GGUF that sample runs; bad input is refused with its name")
    func export() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("run")
        let train = try CLITests().run(Self.arguments(out: out, steps: 2) + ["--json"])
        #expect(train.status == 0, "\(train.stderr)")
        let row = try #require(train.stdout.split(separator: "\n").last)
        let metrics = try JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any]
        for key in ["reward", "reward_std", "frac_reward_zero_std", "completions/mean_length", "learning_rate", "num_tokens"] {
            #expect(metrics?[key] != nil, "missing \(key)")
        }
        // The run ends with its model as a GGUF that records the prompt format it was trained with.
        let final = try Data(contentsOf: out.appendingPathComponent("model.gguf"))
        #expect(final.range(of: Data("verireason.prompt_format".utf8)) != nil)
        let gguf = dir.appendingPathComponent("trained.gguf")
        let export = try CLITests().run([
            "export", "--checkpoint", out.appendingPathComponent("checkpoint-2").path, "--gguf", gguf.path, "--type", "f32",
        ])
        #expect(export.status == 0, "\(export.stderr)")
        let sample = try CLITests().run(["sample", "--model", gguf.path, "--prompt", "hi", "--max-tokens", "4", "--json"])
        #expect(sample.status == 0, "\(sample.stderr)")
        #expect(sample.stdout.contains("\"token_ids\""))

        let missing = try CLITests().run(["export", "--checkpoint", dir.path, "--gguf", gguf.path, "--model", Self.model])
        #expect(missing.status != 0 && missing.stderr.contains("not a checkpoint"), "\(missing.stderr)")
        let badConfig = try CLITests().run(["train", "--config", dir.appendingPathComponent("nope.json").path])
        #expect(badConfig.status != 0 && badConfig.stderr.contains("nope.json"), "\(badConfig.stderr)")
        let again = try CLITests().run(Self.arguments(out: out, steps: 2))
        #expect(again.status != 0 && again.stderr.contains("--resume"), "\(again.stderr)")
    }
}
