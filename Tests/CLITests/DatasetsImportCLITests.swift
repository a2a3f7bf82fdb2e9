import Foundation
import TestSupport
import Testing

extension CLITests {
    @Test("datasets import keeps compiling pairs (RTLCoder rows and chat rows), derives headers, and the reference judges")
    func datasetsImport() throws {
        let dir = try Fixtures.temporaryDirectory()
        let rtlcoder = dir.appendingPathComponent("rtlcoder.json")
        let rows: [[String: Any]] = [
            [
                "Instruction": "Write an 8-bit register with synchronous reset.", "Input": "",
                "Response":
                    "Here it is:\n```verilog\nmodule reg8(input clk, input rst, input [7:0] d, output reg [7:0] q);\n  always @(posedge clk) q <= rst ? 8'd0 : d;\nendmodule\n```",
            ],
            ["Instruction": "Broken", "Input": "", "Response": "module broken(input a, output b);\n  assign b = ;\nendmodule\n"],
            ["Instruction": "No code", "Input": "", "Response": "I cannot help with that."],
            [
                "Instruction": "A top with a submodule.", "Input": "Use an inverter.",
                "Response":
                    "module inv(input a, output y); assign y = ~a; endmodule\nmodule top2(input x, output z);\n  inv u(.a(x), .y(z));\nendmodule\n",
            ],
        ]
        try JSONSerialization.data(withJSONObject: rows).write(to: rtlcoder)
        let out = dir.appendingPathComponent("imported.jsonl")
        let result = try run(["datasets", "import", "--input", rtlcoder.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("imported 2 of 4 pairs (dropped: compile_error 1, no_code 1)"), "\(result.stderr)")
        let problems = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(problems.count == 2)
        #expect((problems[0]["module_header"] as? String)?.hasPrefix("module TopModule(input clk") == true)
        #expect((problems[0]["reference"] as? String)?.contains("module RefModule(") == true)
        #expect((problems[1]["module_header"] as? String)?.hasPrefix("module TopModule(input x") == true)
        #expect((problems[1]["prompt"] as? String) == "A top with a submodule.\n\nUse an inverter.")

        // The imported reference judges a candidate: itself passes, a wrong design fails.
        let completions = dir.appendingPathComponent("completions.jsonl")
        try """
        {"id": "import-1", "completion": "```verilog\\nmodule TopModule(input clk, input rst, input [7:0] d, output reg [7:0] q);\\n  always @(posedge clk) q <= rst ? 8'd0 : d;\\nendmodule\\n```"}
        {"id": "import-1", "completion": "```verilog\\nmodule TopModule(input clk, input rst, input [7:0] d, output reg [7:0] q);\\n  always @(posedge clk) q <= d;\\nendmodule\\n```"}

        """.write(to: completions, atomically: true, encoding: .utf8)
        let scored = try run(["score", "--problems", out.path, "--completions", completions.path, "--json"])
        #expect(scored.status == 0, "\(scored.stderr)")
        let passed = scored.stdout.split(separator: "\n").map { $0.contains("\"passed\":true") }
        #expect(passed == [true, false], "\(scored.stdout)")
    }

    @Test("datasets import names the file and row of a malformed pair and writes nothing")
    func datasetsImportErrors() throws {
        let dir = try Fixtures.temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.jsonl")
        try "{\"Instruction\": \"x\", \"Response\": \"module a; endmodule\"}\n{\"Instruction\": \"y\"}\n".write(
            to: bad, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.jsonl")
        let result = try run(["datasets", "import", "--input", bad.path, "--out", out.path])
        #expect(
            result.status != 0 && result.stderr.contains("bad.jsonl") && result.stderr.contains("Response"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
