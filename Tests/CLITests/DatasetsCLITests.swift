import Foundation
import TestSupport
import Testing

/// `verireason datasets generate` run as a user would.
@Suite("Command line: datasets generate")
struct DatasetsCLITests {
    /// The shared runner of the command-line tests.
    func run(_ arguments: [String]) throws -> CLITests.Output { try CLITests().run(arguments) }

    @Test("--list-families prints every family with a summary")
    func listFamilies() throws {
        let out = try run(["datasets", "generate", "--list-families"])
        #expect(out.status == 0, "\(out.stderr)")
        for name in ["truth_table", "karnaugh_map", "counter", "fsm_mealy", "fifo"] {
            #expect(out.stdout.contains(name))
        }
    }

    @Test("the same seed writes the same file; rows carry the family field")
    func generate() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.jsonl").path
        let b = dir.appendingPathComponent("b.jsonl").path
        for path in [a, b] {
            let out = try run([
                "datasets", "generate", "--count", "12", "--families", "counter,mux", "--seed", "9", "--out", path,
            ])
            #expect(out.status == 0, "\(out.stderr)")
        }
        let text = try String(contentsOfFile: a, encoding: .utf8)
        #expect(text == (try String(contentsOfFile: b, encoding: .utf8)))
        let rows = try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        #expect(rows.count == 12)
        #expect(Set(rows.compactMap { $0["family"] as? String }) == ["counter", "mux"])
        #expect(rows.allSatisfy { $0["reference_top"] as? String == "RefModule" && $0["reference"] is String })
        #expect(rows.contains { $0["module_header"] is String }, "most prompts come with a header")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a.jsonl", "b.jsonl"])
    }

    @Test("unknown families and bad counts fail with a clear message and write nothing")
    func errors() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.jsonl").path
        let unknown = try run(["datasets", "generate", "--count", "3", "--families", "counter,adderz", "--out", path])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown family 'adderz'") && unknown.stderr.contains("truth_table"))
        let zero = try run(["datasets", "generate", "--count", "0", "--out", path])
        #expect(zero.status != 0 && zero.stderr.contains("--count must be at least 1"))
        let missing = try run(["datasets", "generate", "--out", path])
        #expect(missing.status != 0 && missing.stderr.contains("--count"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
