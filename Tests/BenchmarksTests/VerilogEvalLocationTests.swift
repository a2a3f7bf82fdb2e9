import Foundation
import TestSupport
import Testing

@testable import Benchmarks

@Suite("Where VerilogEval is found: --dataset-dir, then $VERIREASON_VERILOG_EVAL, then the cache")
struct VerilogEvalLocationTests {
    let layout = Fixtures.verilogEvalLayout.path

    @Test("--dataset-dir wins over the environment variable and the cache")
    func flagFirst() throws {
        let found = try VerilogEvalLocation.resolve(
            datasetDir: layout, environment: ["VERIREASON_VERILOG_EVAL": "/nonexistent", "VERIREASON_HOME": "/nonexistent"])
        #expect(found.path == layout)
    }

    @Test("the environment variable wins over the cache")
    func environmentSecond() throws {
        let found = try VerilogEvalLocation.resolve(
            datasetDir: nil, environment: ["VERIREASON_VERILOG_EVAL": layout, "VERIREASON_HOME": "/nonexistent"])
        #expect(found.path == layout)
    }

    @Test("with neither, the cache under $VERIREASON_HOME is read")
    func cacheLast() throws {
        let home = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let cache = home.appendingPathComponent("datasets/verilog-eval")
        try FileManager.default.createDirectory(at: cache.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: cache.path, withDestinationPath: layout)
        let found = try VerilogEvalLocation.resolve(
            datasetDir: nil, environment: ["VERIREASON_VERILOG_EVAL": "", "VERIREASON_HOME": home.path])
        #expect(found.path == cache.path)
        #expect(try VerilogEval.load(.v2SpecToRTL, datasetDir: found).count == 2)
    }

    @Test("a missing dataset names every place looked at and the command that fetches it")
    func missingNamesPlaces() throws {
        let error = #expect(throws: BenchmarksError.self) {
            try VerilogEvalLocation.resolve(datasetDir: nil, environment: ["VERIREASON_HOME": "/nonexistent/home"])
        }
        let message = try #require(error).description
        #expect(message.contains("--dataset-dir (not given)"))
        #expect(message.contains("$VERIREASON_VERILOG_EVAL (not set)"))
        #expect(message.contains("/nonexistent/home/datasets/verilog-eval"))
        #expect(message.contains("scripts/setup.sh"))
    }

    @Test("a --dataset-dir that does not exist is an error, not a fall-back to the cache")
    func badFlagIsAnError() {
        #expect(throws: BenchmarksError.verilogEvalMissing(looked: ["--dataset-dir /nonexistent/ve"])) {
            try VerilogEvalLocation.resolve(datasetDir: "/nonexistent/ve", environment: ["VERIREASON_VERILOG_EVAL": layout])
        }
    }
}
