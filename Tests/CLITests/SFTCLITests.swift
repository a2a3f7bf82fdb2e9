import Foundation
import TestSupport
import Testing

/// `verireason sft` run as a user would, on the tiny qwen2 model.
@Suite("Command line: sft")
struct SFTCLITests {
    static let model = Fixtures.repoRoot.appendingPathComponent("Tests/PolicyTests/Fixtures/tiny-qwen2.gguf").path

    static let rows = """
        {"prompt": "Write an AND gate.", "response": "module and_gate(input a, input b, output y); assign y = a & b; endmodule"}
        {"messages": [{"role": "system", "content": "You write Verilog."}, {"role": "user", "content": "An inverter."}, {"role": "assistant", "content": "module inv(input a, output y); assign y = ~a; endmodule"}]}
        {"prompt": "A 2-to-1 mux.", "response": "module mux(input a, input b, input s, output y); assign y = s ? b : a; endmodule"}

        """

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = Fixtures.cliExecutable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test("two steps write metrics, an eval loss and a PEFT adapter checkpoint")
    func twoSteps() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data.jsonl")
        try Self.rows.write(to: data, atomically: true, encoding: .utf8)
        let outDir = dir.appendingPathComponent("run")
        let out = try run([
            "sft", "--data", data.path, "--model", Self.model, "--max-steps", "2", "--batch-size", "2", "--lora-rank", "4",
            "--out", outDir.path, "--json",
        ])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n")
        #expect(lines.count == 3, "two steps and the evaluation: \(out.stdout)")
        let metrics = try String(contentsOf: outDir.appendingPathComponent("metrics.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        #expect(metrics.count == 3)
        #expect(metrics[0]["step"] as? Int == 1 && metrics[0]["loss"] is Double && metrics[0]["learning_rate"] is Double)
        #expect(metrics[1]["tokens_per_second"] is Double)
        #expect(metrics[2]["eval_loss"] is Double)
        let checkpoint = outDir.appendingPathComponent("checkpoint-2")
        let config =
            try JSONSerialization.jsonObject(with: Data(contentsOf: checkpoint.appendingPathComponent("adapter_config.json")))
            as? [String: Any]
        #expect(config?["r"] as? Int == 4 && config?["peft_type"] as? String == "LORA")
        let weights = try Data(contentsOf: checkpoint.appendingPathComponent("adapter_model.safetensors"))
        let headerLength = weights.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let header = String(decoding: weights.subdata(in: 8..<(8 + headerLength)), as: UTF8.self)
        #expect(header.contains("\"base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight\""))
        #expect(header.contains("\"base_model.model.model.layers.1.mlp.down_proj.lora_B.weight\""))
    }

    @Test("--lora-rank 0 fine-tunes every weight and writes model.safetensors with config.json")
    func fullFineTuning() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data.jsonl")
        try Self.rows.write(to: data, atomically: true, encoding: .utf8)
        let out = try run([
            "sft", "--data", data.path, "--model", Self.model, "--max-steps", "1", "--lora-rank", "0", "--out", dir.path,
        ])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("step 1/1") && out.stdout.contains("eval loss"))
        for file in ["model.safetensors", "config.json"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("checkpoint-1/\(file)").path))
        }
    }

    @Test("a missing data file and a malformed row are named")
    func errors() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try run([
            "sft", "--data", dir.appendingPathComponent("nope.jsonl").path, "--model", Self.model, "--out", dir.path,
        ])
        #expect(missing.status != 0 && missing.stderr.contains("nope.jsonl"))
        let bad = dir.appendingPathComponent("bad.jsonl")
        try "{\"prompt\": \"a\", \"response\": \"b\"}\n{\"prompt\": 1}\n".write(to: bad, atomically: true, encoding: .utf8)
        let malformed = try run(["sft", "--data", bad.path, "--model", Self.model, "--out", dir.path])
        #expect(malformed.status != 0 && malformed.stderr.contains("bad.jsonl:2"), "\(malformed.stderr)")
    }
}
