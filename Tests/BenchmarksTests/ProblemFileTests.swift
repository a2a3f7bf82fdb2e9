import Foundation
import TestSupport
import Testing

@testable import Benchmarks

@Suite("Project problem JSONL")
struct ProblemFileTests {
    func write(_ text: String) throws -> URL {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("problems.jsonl")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("the committed examples load with their defaults")
    func examples() throws {
        let problems = try ProblemFile.load(Fixtures.examples)
        #expect(problems.map(\.id) == ["adder8", "counter4", "mux4", "rise_detect"])
        #expect(problems.allSatisfy { $0.top == "TopModule" && $0.referenceTop == "RefModule" && $0.rule == .v2 })
        #expect(problems.first { $0.id == "adder8" }?.testbench == nil)
    }

    @Test("defaults: top TopModule, reference top guessed from the reference")
    func defaults() throws {
        let url = try write(#"{"id": "a", "prompt": "p", "reference": "module TopModule; endmodule"}"# + "\n")
        let p = try ProblemFile.load(url)[0]
        #expect(p.top == "TopModule")
        #expect(p.referenceTop == "TopModule")
        #expect(p.auxFiles.isEmpty)
    }

    @Test(
        "malformed input names the file, line and field",
        arguments: [
            ("{\"id\": \"a\", \"prompt\": \"p\", \"reference\": \"r\"}\n{oops\n", 2, nil as String?),
            ("\n\n{\"prompt\": \"p\", \"reference\": \"r\"}\n", 3, "id"),
            ("{\"id\": \"a\", \"prompt\": 3, \"reference\": \"r\"}\n", 1, "prompt"),
            ("{\"id\": \"a\", \"prompt\": \"p\"}\n", 1, "reference"),
            ("{\"id\": \"a\", \"prompt\": \"p\", \"reference\": \"r\", \"aux_files\": {\"../x\": \"t\"}}\n", 1, "aux_files.../x"),
            ("{\"id\": \"a\", \"prompt\": \"p\", \"reference\": \"r\", \"rule\": \"v3\"}\n", 1, "rule"),
            ("[1, 2]\n", 1, nil),
            ("{\"id\": \"a\", \"prompt\": \"p\", \"reference\": \"r\", \"top\": \"Top Module; $system\"}\n", 1, "top"),
            ("{\"id\": \"a\", \"prompt\": \"p\", \"reference\": \"r\", \"top\": \"\"}\n", 1, "top"),
            ("{\"id\": \"a\", \"prompt\": \"p\", \"reference\": \"r\", \"reference_top\": \"9x\"}\n", 1, "reference_top"),
        ])
    func malformed(text: String, line: Int, field: String?) throws {
        let url = try write(text)
        do {
            _ = try ProblemFile.load(url)
            Issue.record("expected an error")
        } catch let error as BenchmarksError {
            guard case .malformed(let path, let l, let f, _) = error else { Issue.record("\(error)"); return }
            #expect(path == url.path)
            #expect(l == line)
            #expect(f == field)
            #expect(error.description.hasPrefix("\(url.path):\(line):"))
        }
    }

    @Test("CRLF line endings read like LF, and errors keep their line numbers")
    func crlf() throws {
        let rows = [
            #"{"id": "a", "prompt": "p", "reference": "module TopModule; endmodule"}"#,
            #"{"id": "b", "prompt": "q", "reference": "module TopModule; endmodule"}"#,
        ]
        #expect(try ProblemFile.load(try write(rows.joined(separator: "\r\n") + "\r\n")).map(\.id) == ["a", "b"])
        let broken = try write(rows[0] + "\r\n{oops\r\n")
        #expect {
            try ProblemFile.load(broken)
        } throws: { error in
            guard case BenchmarksError.malformed(_, let line, _, _) = error else { return false }
            return line == 2
        }
    }

    @Test("duplicate ids, empty files and missing files are errors")
    func otherErrors() throws {
        let dup = try write(
            "{\"id\": \"a\", \"prompt\": \"p\", \"reference\": \"r\"}\n{\"id\": \"a\", \"prompt\": \"q\", \"reference\": \"r\"}\n"
        )
        #expect(throws: BenchmarksError.duplicateID(path: dup.path, line: 2, id: "a")) { try ProblemFile.load(dup) }
        let empty = try write("\n")
        #expect(throws: BenchmarksError.emptySuite(path: empty.path)) { try ProblemFile.load(empty) }
        #expect(throws: BenchmarksError.unreadable(path: "/dev/null", detail: "not a regular file or a pipe")) {
            try ProblemFile.load(URL(fileURLWithPath: "/dev/null"))
        }
        #expect(throws: BenchmarksError.missingFile(path: "/nonexistent.jsonl")) {
            try ProblemFile.load(URL(fileURLWithPath: "/nonexistent.jsonl"))
        }
    }
}
