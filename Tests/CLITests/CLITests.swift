import Foundation
import TestSupport
import Testing

/// Runs the built `verireason` binary as a user would.
@Suite("Command line")
struct CLITests {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = Fixtures.cliExecutable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = Fixtures.repoRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("help lists the subcommands")
    func help() throws {
        let out = try run(["--help"])
        #expect(out.status == 0)
        for command in ["score", "eval", "tools"] { #expect(out.stdout.contains(command)) }
    }

    @Test("score --json prints one object per completion with the documented fields")
    func scoreJSON() throws {
        let out = try run([
            "score", "--problems", "datasets/examples.jsonl", "--completions", "datasets/example-completions.jsonl", "--json",
        ])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = out.stdout.split(separator: "\n")
        let expected = try String(contentsOf: Fixtures.exampleCompletions, encoding: .utf8).split(separator: "\n").count
        #expect(lines.count == expected)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        for object in objects {
            for key in ["id", "passed", "reward", "format", "compiles", "functional", "structural", "result", "checker"] {
                #expect(object[key] != nil, "missing \(key)")
            }
        }
        #expect(objects.filter { $0["passed"] as? Bool == true }.count == 4)
        #expect(objects.contains { $0["result"] as? String == "forbidden" })
    }

    @Test("eval --references writes results.jsonl and summary.json for a JSONL suite")
    func evalJSONL() throws {
        let dir = try Fixtures.temporaryDirectory()
        let out = try run([
            "eval", "--suite", "jsonl", "--problems", "datasets/examples.jsonl", "--references", "--out", dir.path,
        ])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("pass@1"))
        let summary =
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json"))) as! [String: Any]
        #expect(summary["problems"] as? Int == 4)
        #expect((summary["pass@k"] as? [String: Double])?["pass@1"] == 1)
        let results = try String(contentsOf: dir.appendingPathComponent("results.jsonl"), encoding: .utf8)
        #expect(results.split(separator: "\n").count == 4)
    }

    @Test("eval on VerilogEval samples in upstream format")
    func evalVerilogEval() throws {
        let dir = try Fixtures.temporaryDirectory()
        let samples = dir.appendingPathComponent("samples.jsonl")
        try """
        {"task_id": "Prob001_zero", "completion": "module TopModule(output zero);\\n  assign zero = 1'b0;\\nendmodule\\n"}
        {"task_id": "Prob001_zero", "completion": "module TopModule(output zero);\\n  assign zero = 1'b1;\\nendmodule\\n"}

        """.write(to: samples, atomically: true, encoding: .utf8)
        let out = try run([
            "eval", "--suite", "v2-spec-to-rtl", "--dataset-dir", Fixtures.verilogEval.path, "--samples", samples.path,
            "--out", dir.appendingPathComponent("out").path, "--json",
        ])
        #expect(out.status == 0, "\(out.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as! [String: Any]
        #expect(summary["suite"] as? String == "v2-spec-to-rtl")
        #expect(summary["problems"] as? Int == 1 && summary["subset"] as? Bool == true)
        #expect((summary["pass@k"] as? [String: Double])?["pass@1"] == 0.5)
        #expect(summary["iverilog"] as? String != nil)
    }

    @Test("an --out that cannot be used is refused before any work, naming --out")
    func unusableOut() throws {
        let dir = try Fixtures.temporaryDirectory()
        let file = dir.appendingPathComponent("taken")
        try Data("x".utf8).write(to: file)
        let evalIntoFile = try run([
            "eval", "--suite", "jsonl", "--problems", Fixtures.examples.path, "--references", "--out", file.path,
        ])
        #expect(evalIntoFile.status != 0 && evalIntoFile.stderr.contains("--out \(file.path) is a file; give a folder"))
        let under = try run([
            "eval", "--suite", "jsonl", "--problems", Fixtures.examples.path, "--references", "--out",
            file.appendingPathComponent("sub").path,
        ])
        #expect(under.status != 0 && under.stderr.contains("cannot create it"), "\(under.stderr)")
        let generateIntoFolder = try run(["datasets", "generate", "--count", "1", "--out", dir.path])
        #expect(generateIntoFolder.status != 0 && generateIntoFolder.stderr.contains("is a folder; give a file name"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["taken"])
    }

    @Test(
        "bad input fails with the file, line and field, and writes nothing",
        arguments: [
            ("{\"task_id\": \"Prob001_zero\"}\n", "line 1", "completion"),
            ("{\"task_id\": \"Prob999_nope\", \"completion\": \"x\"}\n", ":1:", "task_id"),
            ("not json\n", ":1:", "not valid JSON"),
        ])
    func badSamples(text: String, location: String, field: String) throws {
        let dir = try Fixtures.temporaryDirectory()
        let samples = dir.appendingPathComponent("bad.jsonl")
        try text.write(to: samples, atomically: true, encoding: .utf8)
        let outDir = dir.appendingPathComponent("out")
        let out = try run([
            "eval", "--suite", "v2-spec-to-rtl", "--dataset-dir", Fixtures.verilogEval.path,
            "--samples", samples.path, "--out", outDir.path,
        ])
        #expect(out.status != 0)
        #expect(out.stderr.contains(samples.path))
        #expect(out.stderr.contains(field))
        #expect(out.stderr.contains(location.replacingOccurrences(of: "line ", with: ":")) || out.stderr.contains(location))
        #expect(!FileManager.default.fileExists(atPath: outDir.path), "no partial output")
    }

    @Test("a missing file and a missing option are clear errors")
    func missingInputs() throws {
        let missing = try run([
            "score", "--problems", "/nonexistent/p.jsonl", "--completions", "datasets/example-completions.jsonl",
        ])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("/nonexistent/p.jsonl: no such file"))
    }

    @Test("without VerilogEval, eval names every place it looked and how to fetch it, and writes nothing")
    func missingVerilogEval() throws {
        let home = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let out = home.appendingPathComponent("out")
        let result = try run(
            ["eval", "--suite", "v1-human", "--references", "--out", out.path],
            environment: ["VERIREASON_HOME": home.path, "VERIREASON_VERILOG_EVAL": ""])
        #expect(result.status != 0)
        #expect(result.stderr.contains("VerilogEval not found"), "\(result.stderr)")
        #expect(result.stderr.contains(home.appendingPathComponent("datasets/verilog-eval").path))
        #expect(result.stderr.contains("scripts/setup.sh"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("eval finds VerilogEval through $VERIREASON_VERILOG_EVAL without --dataset-dir")
    func verilogEvalFromEnvironment() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try run(
            ["eval", "--suite", "all", "--references", "--out", dir.appendingPathComponent("refs").path, "--k", "1"],
            environment: ["VERIREASON_VERILOG_EVAL": Fixtures.verilogEvalLayout.path])
        #expect(result.status == 0, "\(result.stderr)")
        for suite in ["v1-human", "v1-machine", "v2-spec-to-rtl", "v2-code-complete"] {
            let summary = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: dir.appendingPathComponent("refs/\(suite)/summary.json"))) as? [String: Any])
            #expect(summary["dataset"] as? String == Fixtures.verilogEvalLayout.path, "\(suite)")
            #expect((summary["pass@k"] as? [String: Double])?["pass@1"] == 1, "\(suite): every fixture reference passes")
        }
    }
}
