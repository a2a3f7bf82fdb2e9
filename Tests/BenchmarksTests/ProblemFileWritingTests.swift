import Foundation
import TestSupport
import Testing

@testable import Benchmarks

@Suite("Writing the project problem JSONL")
struct ProblemFileWritingTests {
    @Test("encode writes what load reads: every field, snake_case keys, one object a line")
    func roundTrip() throws {
        let problems = [
            Problem(
                id: "full", prompt: "p \"quoted\"\nnext line", moduleHeader: "module TopModule(input a, output y);",
                reference: "module RefModule(input a, output y); assign y = a; endmodule", referenceTop: "RefModule",
                testbench: "module tb; endmodule", auxFiles: ["data.mem": "00\n01\n"], rule: .v1, family: "counter"),
            Problem(id: "testbench-only", prompt: "q", testbench: "module tb; endmodule"),
        ]
        let data = try ProblemFile.encode(problems)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("\"module_header\"") && lines[0].contains("\"reference_top\":\"RefModule\""))
        #expect(lines[0].contains("\"aux_files\"") && lines[0].contains("\"family\":\"counter\""))
        #expect(!lines[1].contains("reference") && !lines[1].contains("family"))
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("problems.jsonl")
        try data.write(to: url)
        #expect(try ProblemFile.load(url) == problems)
    }
}
