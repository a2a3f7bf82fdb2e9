import ArgumentParser
import Benchmarks
import Datasets
import Evaluation
import Foundation

extension VeriReason.DatasetsCommand {
    struct SFT: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sft",
            abstract: "Turn problems with references into supervised fine-tuning rows in VeriReason's format.",
            discussion: """
                Each row is {"prompt", "response", "messages", "id", "family"}; messages are the system \
                prompt that train and eval use, the problem as the user turn, and the response as the \
                assistant turn. The reasoning style answers `<think>` rationale `</think>` then the \
                reference (renamed to the problem's top module) in `<answer>` as a ```verilog block; \
                the rationale is read off the reference: ports and widths, clock, reset, registers, \
                state machine. The code style is the fenced block alone. Problems without a reference \
                are skipped and counted.
                """)

        @Option(help: "Problems in the project's JSONL format (repeat for several files).")
        var problems: [String] = []

        @Option(help: "Output file (SFT JSONL), written atomically.")
        var out: String

        @Option(help: "Response style: reasoning (<think> + <answer>) or code (the verilog block only).")
        var style: String = "reasoning"

        @Option(help: "Shuffle the rows with this seed (default: input order).")
        var seed: UInt64?

        func validate() throws {
            try OutputPath.checkFile(out)
            guard !problems.isEmpty else { throw ValidationError("--problems FILE.jsonl is required") }
            _ = try parsedStyle()
        }

        func parsedStyle() throws -> SFTStyle {
            guard let style = SFTStyle(rawValue: style) else {
                throw ValidationError("unknown style '\(style)'; expected reasoning or code")
            }
            return style
        }

        func run() throws {
            var all: [Problem] = []
            var seen: [String: String] = [:]
            for path in problems {
                for problem in try ProblemFile.load(URL(fileURLWithPath: path)) {
                    if let first = seen[problem.id] {
                        throw ValidationError("problem id '\(problem.id)' is in both \(first) and \(path)")
                    }
                    seen[problem.id] = path
                    all.append(problem)
                }
            }
            let dataset = SFTDataset(problems: all, style: try parsedStyle(), seed: seed)
            try AtomicWrite.write(try dataset.jsonLines(), to: URL(fileURLWithPath: out))
            FileHandle.standardError.write(
                Data(
                    ("wrote \(dataset.rows.count) SFT rows (\(style)) to \(out); "
                        + "skipped \(dataset.skipped.count) problems without a reference\n").utf8))
        }
    }
}
