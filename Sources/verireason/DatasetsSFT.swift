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
                assistant turn. The think-answer format answers `<think>` rationale `</think>` then the \
                reference (renamed to the problem's top module) in `<answer>` as a ```verilog block; \
                the rationale is read off the reference: ports and widths, clock, reset, registers, \
                state machine. The code format (the default) is the fenced block alone. Problems without a reference \
                are skipped and counted.
                """)

        @Option(help: "Problems in the project's JSONL format (repeat for several files).")
        var problems: [String] = []

        @Option(help: "Output file (SFT JSONL), written atomically.")
        var out: String

        @Option(
            help:
                "Answer format: code (the verilog block only, the default model's) or think-answer (<think> rationale + <answer>)."
        )
        var promptFormat: PromptFormat = .code

        @Option(help: .hidden)
        var style: String?

        @Option(help: "Shuffle the rows with this seed (default: input order).")
        var seed: UInt64?

        func validate() throws {
            try OutputPath.checkFile(out)
            guard !problems.isEmpty else { throw ValidationError("--problems FILE.jsonl is required") }
            _ = try format()
        }

        /// The format, taking the older `--style reasoning|code` into account.
        func format() throws -> PromptFormat {
            switch style {
            case nil: return promptFormat
            case "reasoning": return .thinkAnswer
            case "code": return .code
            case let other?: throw ValidationError("unknown style '\(other)'; use --prompt-format code|think-answer")
            }
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
            let dataset = SFTDataset(problems: all, format: try format(), seed: seed)
            try AtomicWrite.write(try dataset.jsonLines(), to: URL(fileURLWithPath: out))
            FileHandle.standardError.write(
                Data(
                    ("wrote \(dataset.rows.count) SFT rows (\(try format().rawValue)) to \(out); "
                        + "skipped \(dataset.skipped.count) problems without a reference\n").utf8))
        }
    }
}
