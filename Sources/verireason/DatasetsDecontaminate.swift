import ArgumentParser
import Benchmarks
import Datasets
import Evaluation
import Foundation

extension VeriReason.DatasetsCommand {
    struct Decontaminate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop training problems too close to benchmark problems (VerilogEval v1/v2).",
            discussion: """
                Compares each training problem's prompt with every benchmark prompt, and its reference \
                with every benchmark reference (comments stripped, whitespace normalised), on lowercased \
                words split at non-alphanumerics. A problem is dropped when a word n-gram Jaccard is above \
                --jaccard (ScaleRTL: 5-grams, 0.8) or a Rouge-L F-measure is above --rouge-l (CodeV-R1: \
                0.5). Writes the kept problems, and a JSON report naming each dropped problem's closest \
                benchmark problem, the score and its value.
                """)

        @Option(help: "Training problems in the project's JSONL format.")
        var problems: String

        @Option(
            parsing: .upToNextOption,
            help: "Benchmark suites: v1-human, v1-machine, v2-spec-to-rtl, v2-code-complete (default: all four).")
        var against: [String] = []

        @OptionGroup var dataset: VerilogEvalOptions

        @Option(help: "Further benchmark problems in the project's JSONL format (repeatable).")
        var againstProblems: [String] = []

        @Option(help: "Word n-gram size of the Jaccard score.")
        var ngram: Int = 5

        @Option(help: "Drop when an n-gram Jaccard is above this.")
        var jaccard: Double = 0.8

        @Option(name: .customLong("rouge-l"), help: "Drop when a Rouge-L F-measure is above this.")
        var rougeL: Double = 0.5

        @Option(help: "What to compare: prompt, reference, or prompt,reference.")
        var fields: String = "prompt,reference"

        @Option(help: "Kept problems (JSONL), written atomically.")
        var out: String

        @Option(help: "Report (JSON): counts and each dropped problem's closest benchmark problem and score.")
        var report: String?

        func validate() throws {
            try OutputPath.checkFile(out)
            _ = try suites()
            _ = try settings()
        }

        func suites() throws -> [SuiteName] {
            // Only --against-problems given: compare against those alone.
            if against.isEmpty { return againstProblems.isEmpty ? SuiteName.allCases.filter { $0 != .jsonl } : [] }
            return try against.flatMap { $0.split(separator: ",").map(String.init) }.map { name in
                guard let suite = SuiteName(rawValue: name), suite != .jsonl else {
                    throw ValidationError(
                        "unknown suite '\(name)'; expected v1-human, v1-machine, v2-spec-to-rtl or v2-code-complete")
                }
                return suite
            }
        }

        func settings() throws -> DecontaminationSettings {
            let names = fields.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let parsed = try names.map { name in
                guard let field = DecontaminationReport.Field(rawValue: name) else {
                    throw ValidationError("unknown field '\(name)' in --fields; expected prompt, reference or both")
                }
                return field
            }
            guard !parsed.isEmpty else { throw ValidationError("--fields is empty") }
            do { return try DecontaminationSettings(ngram: ngram, jaccard: jaccard, rougeL: rougeL, fields: parsed) } catch {
                throw ValidationError(error.description)
            }
        }

        func run() throws {
            let training = try ProblemFile.load(URL(fileURLWithPath: problems))
            var benchmarks: [(suite: String, problem: Problem)] = []
            let suites = try suites()
            if !suites.isEmpty {
                // Found before anything is written.
                let dir = try dataset.resolve()
                for suite in suites { benchmarks += try VerilogEval.load(suite, datasetDir: dir).map { (suite.rawValue, $0) } }
            }
            for path in againstProblems {
                benchmarks += try ProblemFile.load(URL(fileURLWithPath: path)).map { (path, $0) }
            }
            let result = Decontaminator(settings: try settings()).run(training: training, benchmarks: benchmarks)
            if let report { try AtomicWrite.write(try AtomicWrite.json(result.file), to: URL(fileURLWithPath: report)) }
            try AtomicWrite.write(
                result.kept.isEmpty ? Data() : try ProblemFile.encode(result.kept), to: URL(fileURLWithPath: out))
            FileHandle.standardError.write(Data((result.summary + "\n").utf8))
        }
    }
}
