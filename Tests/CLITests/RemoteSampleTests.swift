import Foundation
import TestSupport
import Testing

/// `sample --endpoint` against scripts/mock_openai_server.py on the loopback interface.
extension CLITests {
    /// A running mock server; killed when released.
    final class MockServer {
        let process = Process()
        let port: Int

        init(_ options: [String] = []) throws {
            // The port comes through a file: reading the child's stdout pipe byte by byte blocks on Linux.
            let portFile = try Fixtures.temporaryDirectory().appendingPathComponent("port")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments =
                ["python3", Fixtures.repoRoot.appendingPathComponent("scripts/mock_openai_server.py").path]
                + ["--port-file", portFile.path, "--lifetime", "120"] + options
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(20)
            var port = 0
            while port == 0 && Date() < deadline && process.isRunning {
                if let text = try? String(contentsOf: portFile, encoding: .utf8) {
                    port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
                } else {
                    Thread.sleep(forTimeInterval: 0.05)
                }
            }
            self.port = port
        }

        var url: String { "http://127.0.0.1:\(port)/v1" }

        deinit {
            // SIGKILL: the child inherits the test runner's blocked signal mask, so SIGTERM never lands.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test("sample --endpoint sends the sampling settings and key, retries a 503, and tops up servers that ignore n")
    func remoteSample() throws {
        let server = try MockServer(["--fail-first", "1", "--max-n", "2"])
        #expect(server.port > 0)
        let out = try run(
            [
                "sample", "--endpoint", server.url, "--model-name", "coder-7b", "--prompt", "write a mux", "--n", "3",
                "--temperature", "0.85", "--top-p", "0.95", "--max-tokens", "64", "--seed", "5", "--repetition-penalty",
                "1.3", "--retries", "2", "--json",
            ], environment: ["OPENAI_API_KEY": "test-key"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = try jsonLines(out.stdout)
        #expect(lines.count == 3)
        let texts = lines.compactMap { $0["text"] as? String }
        #expect(texts.allSatisfy { $0.hasPrefix("echo write a mux") })
        for field in [
            "\"model\": \"coder-7b\"", "\"temperature\": 0.85", "\"top_p\": 0.95", "\"max_tokens\": 64",
            "\"repetition_penalty\": 1.3", "\"auth\": \"Bearer test-key\"",
        ] {
            #expect(texts.allSatisfy { $0.contains(field) }, "\(field) in \(texts)")
        }
        // Request 1 got a 503; request 2 gave two choices with seed 5, request 3 the third with seed 6.
        #expect(texts.filter { $0.contains("\"request\": 2") && $0.contains("\"seed\": 5") }.count == 2)
        #expect(texts.filter { $0.contains("\"request\": 3") && $0.contains("\"seed\": 6") }.count == 1)
        #expect(lines.allSatisfy { $0["finish_reason"] as? String == "stop" && $0["token_ids"] is [Any] })
    }

    @Test("a raw prompt goes to /v1/completions")
    func remoteRaw() throws {
        let server = try MockServer()
        let out = try run(["sample", "--endpoint", server.url, "--model-name", "m", "--prompt", "module", "--raw", "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let text = try #require(try jsonLines(out.stdout).first?["text"] as? String)
        #expect(text.hasPrefix("echo module #0"))
    }

    @Test("a refused request fails at once with the server's message; a silent server times out after the retries")
    func remoteErrors() throws {
        let refusing = try MockServer(["--status", "404"])
        let refused = try run(["sample", "--endpoint", refusing.url, "--model-name", "nope", "--prompt", "x"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("HTTP 404") && refused.stderr.contains("model not found"), "\(refused.stderr)")

        let silent = try MockServer(["--delay", "5"])
        let start = Date()
        let timedOut = try run([
            "sample", "--endpoint", silent.url, "--model-name", "m", "--prompt", "x", "--request-timeout", "1", "--retries", "1",
        ])
        #expect(timedOut.status != 0)
        #expect(timedOut.stderr.contains("timed out") && timedOut.stderr.contains("2 attempts"), "\(timedOut.stderr)")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test("--endpoint needs --model-name and an http URL, and excludes --model")
    func remoteValidation() throws {
        for arguments in [
            ["--endpoint", "http://127.0.0.1:9/v1"], ["--endpoint", "ftp://x/v1", "--model-name", "m"],
            ["--endpoint", "http://127.0.0.1:9/v1", "--model-name", "m", "--model", "x.gguf"], ["--model-name", "m"],
        ] {
            let out = try run(["sample", "--prompt", "x"] + arguments)
            #expect(out.status != 0 && out.stderr.contains("--"), "\(arguments): \(out.stderr)")
        }
    }
}

extension CLITests {
    @Test("eval --endpoint samples a suite subset, writes VerilogEval samples and records the model in summary.json")
    func evalWithEndpoint() throws {
        let server = try MockServer()
        let dir = try Fixtures.temporaryDirectory()
        let arguments = try [
            "eval", "--suite", "v2-spec-to-rtl", "--dataset-dir", Fixtures.verilogEval.path, "--endpoint", server.url,
            "--model-name", "served", "--out", dir.path, "--shots", "1",
        ]
        let out = try run(arguments + ["--limit", "2"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("2/156"), "\(out.stdout)")
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json"))) as? [String: Any]
        )
        let generation = try #require(summary["generation"] as? [String: Any])
        #expect(generation["model"] as? String == "served" && generation["protocol"] as? String == "greedy")
        #expect(generation["shots"] as? Int == 1 && generation["temperature"] as? Double == 0)
        #expect(summary["subset"] as? Bool == true)
        let samples = try String(contentsOf: dir.appendingPathComponent("samples.jsonl"), encoding: .utf8)
        #expect(samples.split(separator: "\n").count == 2 && samples.contains("\"task_id\":\"Prob001_zero\""))
        // The one-shot prefix went to the server ahead of the question.
        let responses = try String(contentsOf: dir.appendingPathComponent("responses.jsonl"), encoding: .utf8)
        #expect(responses.contains("Question:") && responses.contains("[BEGIN]"))

        let resumed = try run(arguments + ["--limit", "3", "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let after = try String(contentsOf: dir.appendingPathComponent("responses.jsonl"), encoding: .utf8)
        #expect(after.split(separator: "\n").count == 3)
        // The server saw three requests in all: the resumed run asked only for the third problem.
        #expect(after.contains("\\\"request\\\": 3") && !after.contains("\\\"request\\\": 4"), "\(after)")
    }
}

extension CLITests {
    @Test("eval --repair reports 'pass within R repairs' apart from pass@1")
    func evalRepair() throws {
        let server = try MockServer()
        let dir = try Fixtures.temporaryDirectory()
        let out = try run([
            "eval", "--suite", "v2-spec-to-rtl", "--dataset-dir", Fixtures.verilogEval.path, "--endpoint", server.url,
            "--model-name", "served", "--out", dir.path, "--limit", "1", "--repair", "2",
        ])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("pass within 2 repairs: 0.0000 (1 failing samples sent back"), "\(out.stdout)")
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("summary.json"))) as? [String: Any]
        )
        let repair = try #require(summary["repair"] as? [String: Any])
        #expect(repair["rounds"] as? Int == 2 && repair["attempted"] as? Int == 1)
        #expect((summary["pass@k"] as? [String: Double])?["pass@1"] == 0)
        let refused = try run([
            "eval", "--suite", "v1-human", "--dataset-dir", "x", "--references", "--out", dir.path, "--repair", "1",
        ])
        #expect(refused.status != 0 && refused.stderr.contains("--repair"), "\(refused.stderr)")
    }
}
