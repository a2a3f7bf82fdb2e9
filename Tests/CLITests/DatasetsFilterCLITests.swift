import Foundation
import TestSupport
import Testing

extension CLITests {
    @Test("datasets filter samples through an endpoint, writes kept problems, a report, a sample log and a family table")
    func datasetsFilter() throws {
        let server = try MockServer()
        let dir = try Fixtures.temporaryDirectory()
        let (kept, report, samples) = (
            dir.appendingPathComponent("kept.jsonl"), dir.appendingPathComponent("report.json"),
            dir.appendingPathComponent("samples.jsonl")
        )
        let out = try run([
            "datasets", "filter", "--problems", "datasets/examples.jsonl", "--endpoint", server.url, "--model-name", "m",
            "--n", "3", "--out", kept.path, "--report", report.path, "--samples", samples.path,
        ])
        #expect(out.status == 0, "\(out.stderr)")
        // The mock server's echoes contain no Verilog: every problem is too hard.
        #expect(out.stdout.contains("| example | 4 | 0 | 0% |"), "\(out.stdout)")
        #expect(out.stderr.contains("kept 0 of 4 problems (dropped: mean_below_min 4)"), "\(out.stderr)")
        #expect(try Data(contentsOf: kept).isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        #expect(json["problems"] as? Int == 4 && json["n"] as? Int == 3)
        #expect((json["rows"] as? [Any])?.count == 4)
        let lines = try String(contentsOf: samples, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 12)
        #expect(lines.allSatisfy { $0.contains("\"text\"") && $0.contains("\"reward\"") && $0.contains("\"id\"") })
    }

    @Test("datasets filter refuses a missing problem file and a group of one, writing nothing")
    func datasetsFilterErrors() throws {
        let dir = try Fixtures.temporaryDirectory()
        let kept = dir.appendingPathComponent("kept.jsonl")
        let missing = try run(["datasets", "filter", "--problems", "nope.jsonl", "--out", kept.path])
        #expect(missing.status != 0 && missing.stderr.contains("nope.jsonl"), "\(missing.stderr)")
        let single = try run(["datasets", "filter", "--problems", "datasets/examples.jsonl", "--n", "1", "--out", kept.path])
        #expect(single.status != 0 && single.stderr.contains("--n"), "\(single.stderr)")
        #expect(!FileManager.default.fileExists(atPath: kept.path))
    }
}
