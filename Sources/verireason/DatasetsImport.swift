import ArgumentParser
import Benchmarks
import Datasets
import Evaluation
import Foundation
import Synchronization
import Verilog

extension VeriReason.DatasetsCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import instruction/code pairs (RTLCoder's Instruction/Input/Response, or chat messages) as problems.",
            discussion: """
                Keeps the pairs whose Verilog compiles with iverilog, derives the module header from the \
                top module, and makes the given code the reference (as RefModule, the candidate's top \
                TopModule), so the reward is differential equivalence against it. Reads a JSON array or \
                JSON Lines; prints what was dropped and why.
                """)

        @Option(help: "Pairs: a JSON array or JSON Lines of {Instruction, Input, Response} or {messages}.")
        var input: String

        @Option(help: "Problems (JSONL), written atomically.")
        var out: String

        @Option(help: "Prefix of the ids given to rows without an `id` (followed by the row number).")
        var idPrefix: String = "import-"

        @Option(help: "Only the first N pairs.")
        var limit: Int?

        func validate() throws {
            try OutputPath.checkFile(out)
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            var pairs = try ImportedPair.load(URL(fileURLWithPath: input), idPrefix: idPrefix)
            if let limit { pairs = Array(pairs.prefix(limit)) }
            let toolchain = Toolchain()
            _ = try toolchain.path(.iverilog)
            let importer = PairImporter(toolchain: toolchain)
            let results = Mutex([Result<Problem, ImportFailure>?](repeating: nil, count: pairs.count))
            let progress = ProgressLine(label: "compiling", enabled: pairs.count >= 50)
            let done = Atomic(0)
            let list = pairs
            DispatchQueue.concurrentPerform(iterations: list.count) { i in
                let result = importer.problem(for: list[i])
                results.withLock { $0[i] = result }
                progress.update(done.wrappingAdd(1, ordering: .relaxed).newValue, list.count)
            }
            let outcomes = results.withLock { $0.map { $0! } }
            let problems = outcomes.compactMap { try? $0.get() }
            try AtomicWrite.write(try ProblemFile.encode(problems), to: URL(fileURLWithPath: out))
            var dropped: [String: Int] = [:]
            for case .failure(let f) in outcomes { dropped[f.reason.rawValue, default: 0] += 1 }
            let reasons = dropped.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            FileHandle.standardError.write(
                Data(
                    "imported \(problems.count) of \(pairs.count) pairs\(reasons.isEmpty ? "" : " (dropped: \(reasons))") -> \(out)\n"
                        .utf8))
        }
    }
}
