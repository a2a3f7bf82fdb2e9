import Foundation
import TestSupport
import Testing

/// `verireason datasets sft` and `datasets decontaminate` run as a user would.
@Suite("Command line: datasets sft and decontaminate")
struct DatasetsSFTCLITests {
    /// The shared runner of the command-line tests.
    func run(_ arguments: [String]) throws -> CLITests.Output { try CLITests().run(arguments) }

    func rows(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// Two problems with references and one with a testbench only.
    func writeProblems(_ dir: URL) throws -> String {
        let path = dir.appendingPathComponent("problems.jsonl").path
        let lines = [
            #"{"id": "and2", "prompt": "Output the AND of a and b.", "reference": "module RefModule(input a, input b, output y);\n  assign y = a & b;\nendmodule\n", "family": "gates"}"#,
            #"{"id": "dff", "prompt": "A D flip-flop with an active-high asynchronous reset.", "reference": "module RefModule(input clk, input areset, input d, output reg q);\n  always @(posedge clk or posedge areset)\n    if (areset) q <= 1'b0;\n    else q <= d;\nendmodule\n"}"#,
            #"{"id": "tb-only", "prompt": "Nothing to copy.", "testbench": "module tb; endmodule"}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("sft writes one row per problem with a reference and counts the skipped")
    func sft() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let problems = try writeProblems(dir)
        let out = dir.appendingPathComponent("sft.jsonl").path
        let result = try run(["datasets", "sft", "--problems", problems, "--prompt-format", "think-answer", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote 2 SFT rows") && result.stderr.contains("skipped 1"))
        let written = try rows(out)
        #expect(written.map { $0["id"] as? String } == ["and2", "dff"])
        #expect(written.allSatisfy { Set($0.keys).isSuperset(of: ["prompt", "response", "messages", "id"]) })
        let dff = try #require(written[1]["response"] as? String)
        #expect(dff.hasPrefix("<think>\n") && dff.contains("areset is an active-high asynchronous reset"))
        #expect(dff.contains("</think>\n<answer>\n```verilog\nmodule TopModule(input clk"))

        let code = dir.appendingPathComponent("code.jsonl").path
        let plain = try run(["datasets", "sft", "--problems", problems, "--prompt-format", "code", "--out", code])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(try rows(code).allSatisfy { ($0["response"] as? String)?.hasPrefix("```verilog\nmodule TopModule") == true })
    }

    @Test("sft refuses a bad style, a missing file and malformed lines with the file and line")
    func sftErrors() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("sft.jsonl").path
        let problems = try writeProblems(dir)
        let style = try run(["datasets", "sft", "--problems", problems, "--prompt-format", "poetry", "--out", out])
        #expect(style.status != 0 && style.stderr.contains("code") && style.stderr.contains("think-answer"))
        let missing = try run(["datasets", "sft", "--problems", dir.appendingPathComponent("nope.jsonl").path, "--out", out])
        #expect(missing.status != 0 && missing.stderr.contains("nope.jsonl: no such file"))
        let bad = dir.appendingPathComponent("bad.jsonl").path
        try "{\"id\": \"a\", \"prompt\": \"p\", \"reference\": \"module m; endmodule\"}\n{not json\n".write(
            toFile: bad, atomically: true, encoding: .utf8)
        let malformed = try run(["datasets", "sft", "--problems", bad, "--out", out])
        #expect(malformed.status != 0 && malformed.stderr.contains("bad.jsonl:2:"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("decontaminate drops a copied VerilogEval problem, keeps the rest and writes a report")
    func decontaminate() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = try Fixtures.verilogEval.appendingPathComponent("v2/dataset_spec-to-rtl")
        let prompt = try String(
            contentsOf: folder.appendingPathComponent("Prob035_count1to10_prompt.txt"), encoding: .utf8)
        let reference = try String(contentsOf: folder.appendingPathComponent("Prob035_count1to10_ref.sv"), encoding: .utf8)
        let copied: [String: Any] = [
            "id": "copied", "prompt": prompt.replacingOccurrences(of: "I would like you to", with: "Please"),
            "reference": reference,
        ]
        let generated = dir.appendingPathComponent("gen.jsonl").path
        let gen = try run(["datasets", "generate", "--count", "2", "--families", "fifo", "--seed", "2", "--out", generated])
        #expect(gen.status == 0, "\(gen.stderr)")
        let training = dir.appendingPathComponent("train.jsonl").path
        let copyLine = String(decoding: try JSONSerialization.data(withJSONObject: copied), as: UTF8.self)
        try (copyLine + "\n" + (try String(contentsOfFile: generated, encoding: .utf8))).write(
            toFile: training, atomically: true, encoding: .utf8)

        let kept = dir.appendingPathComponent("kept.jsonl").path
        let report = dir.appendingPathComponent("report.json").path
        let result = try run([
            "datasets", "decontaminate", "--problems", training, "--against", "v2-spec-to-rtl", "--dataset-dir",
            Fixtures.verilogEval.path, "--out", kept, "--report", report,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("kept 2 of 3 training problems; dropped 1"))
        #expect(try rows(kept).map { $0["id"] as? String }.allSatisfy { $0?.hasPrefix("gen-fifo") == true })
        let file = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any])
        #expect(file["training"] as? Int == 3 && file["kept"] as? Int == 2 && file["dropped"] as? Int == 1)
        let dropped = try #require((file["dropped_problems"] as? [[String: Any]])?.first)
        let match = try #require(dropped["match"] as? [String: Any])
        #expect(dropped["id"] as? String == "copied" && match["benchmark_id"] as? String == "Prob035_count1to10")
        #expect(["rouge_l", "ngram_jaccard"].contains(match["score"] as? String) && (match["value"] as? Double ?? 0) > 0.9)
    }

    @Test("decontaminate refuses unknown suites, thresholds out of range and a missing dataset dir")
    func decontaminateErrors() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let problems = try writeProblems(dir)
        let out = dir.appendingPathComponent("kept.jsonl").path
        let base = ["datasets", "decontaminate", "--problems", problems, "--out", out]
        let suite = try run(base + ["--against", "v3-magic", "--dataset-dir", Fixtures.verilogEval.path])
        #expect(suite.status != 0 && suite.stderr.contains("unknown suite 'v3-magic'"))
        let threshold = try run(base + ["--rouge-l", "1.5", "--dataset-dir", Fixtures.verilogEval.path])
        #expect(threshold.status != 0 && threshold.stderr.contains("--rouge-l must lie in 0...1"))
        let noDir = try CLITests().run(
            base, environment: ["VERIREASON_HOME": "/nonexistent/home", "VERIREASON_VERILOG_EVAL": ""])
        #expect(noDir.status != 0 && noDir.stderr.contains("VerilogEval not found"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
