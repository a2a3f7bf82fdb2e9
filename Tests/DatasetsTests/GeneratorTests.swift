import Benchmarks
import Foundation
import TestSupport
import Testing

@testable import Datasets

@Suite("Problem generator")
struct GeneratorTests {
    @Test("the same seed gives the same problems; a shorter run is a prefix; another seed differs")
    func reproducible() throws {
        let generator = try DatasetGenerator(seed: 7)
        let first = try generator.generate(count: 60)
        #expect(first == (try DatasetGenerator(seed: 7).generate(count: 60)))
        #expect(Array(first.prefix(20)) == (try generator.generate(count: 20)))
        let other = try DatasetGenerator(seed: 8).generate(count: 60)
        #expect(zip(first, other).filter { $0.reference != $1.reference || $0.prompt != $1.prompt }.count > 50)
    }

    @Test("every family generates well-formed problems at every difficulty")
    func everyFamily() throws {
        for family in Family.all {
            for level in Difficulty.allCases {
                let generator = try DatasetGenerator(families: [family], seed: 3, difficulty: level, testbenchShare: 0.5)
                for problem in try generator.generate(count: 6) {
                    #expect(problem.family == family.name)
                    #expect(problem.id.hasPrefix("gen-\(family.name)-\(level.rawValue)-"))
                    #expect(problem.moduleHeader.map { $0.hasPrefix("module TopModule") } ?? true)
                    #expect(problem.reference?.hasPrefix("module RefModule") == true)
                    #expect(problem.referenceTop == "RefModule" && problem.top == "TopModule")
                    // The module's name and ports reach the model: in the header, or in the prompt.
                    #expect(problem.moduleHeader != nil || problem.prompt.contains("TopModule"), "\(problem.id)")
                    #expect(problem.prompt.count > 10)
                    if let testbench = problem.testbench {
                        #expect(testbench.contains("$display(\"Mismatches: ") && testbench.contains("module tb;"))
                    }
                }
            }
        }
    }

    @Test("prompts come in four registers and headers in four layouts, some left to the model")
    func registersAndLayouts() throws {
        let problems = try DatasetGenerator(seed: 5).generate(count: 200)
        let prompts = problems.map(\.prompt)
        #expect(prompts.contains { $0.hasPrefix("Module: TopModule") }, "datasheet")
        #expect(prompts.contains { $0.hasPrefix("This Verilog module, TopModule") || $0.hasPrefix("The module TopModule is") })
        #expect(
            prompts.contains { $0.contains("Ports:") || $0.contains("Interface:") || $0.contains("The module has these ports:") })
        #expect(prompts.contains { !$0.contains("TopModule") }, "terse requests leave the name to the header")
        let headers = problems.compactMap(\.moduleHeader)
        #expect(headers.contains { $0.hasPrefix("module TopModule (\n    ") }, "ANSI, one port per line")
        #expect(headers.contains { $0.hasPrefix("module TopModule(\n\t") && $0.hasSuffix(");") }, "VerilogEval v1's layout")
        #expect(headers.contains { !$0.contains("\n") }, "ANSI on one line")
        #expect(headers.contains { $0.contains(");\n  input") }, "non-ANSI")
        #expect(headers.count < problems.count, "some prompts leave the header to the model")
    }

    @Test("prompts come in several phrasings")
    func phrasings() throws {
        let problems = try DatasetGenerator(families: [.counter], seed: 1).generate(count: 40)
        let openings = Set(problems.map { $0.prompt.split(separator: "\n").first.map(String.init) ?? "" })
        #expect(openings.count >= 3)
    }

    @Test("about the requested share of problems gets a written testbench")
    func testbenchShare() throws {
        let problems = try DatasetGenerator(seed: 5, testbenchShare: 0.3).generate(count: 400)
        let share = Double(problems.filter { $0.testbench != nil }.count) / 400
        #expect(share > 0.2 && share < 0.4)
        #expect(try DatasetGenerator(seed: 5, testbenchShare: 0).generate(count: 50).allSatisfy { $0.testbench == nil })
    }

    @Test("unknown families, bad counts and bad shares are refused with clear messages")
    func errors() throws {
        #expect(throws: DatasetsError.unknownFamily("adderz", known: Family.all.map(\.name))) {
            try Family.named(["counter", "adderz"])
        }
        #expect(
            String(describing: DatasetsError.unknownFamily("x", known: ["a", "b"])) == "unknown family 'x'; known families: a, b")
        #expect(throws: DatasetsError.badCount(0)) { try DatasetGenerator().generate(count: 0) }
        #expect(throws: DatasetsError.badShare(1.5)) { try DatasetGenerator(testbenchShare: 1.5) }
        #expect(throws: DatasetsError.noFamilies) { try DatasetGenerator(families: []) }
    }

    @Test("generated problems survive a round trip through the problem JSONL")
    func roundTrip() throws {
        let problems = try DatasetGenerator(seed: 11, testbenchShare: 0.5).generate(count: 36)
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("generated.jsonl")
        try ProblemFile.encode(problems).write(to: file)
        #expect(try ProblemFile.load(file) == problems)
    }

    @Test("wide testbench vectors pack fields most significant first")
    func packing() {
        #expect(Bits.packedLiteral([(1, 1), (0x5, 4)]) == "5'h15")
        #expect(Bits.packedLiteral([(~0, 64), (1, 4)]) == "68'hffffffffffffffff1")
        #expect(Bits.signed(0b1000, width: 4) == -8)
    }
}
