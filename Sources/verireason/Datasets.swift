import ArgumentParser
import Benchmarks
import Datasets
import Evaluation
import Foundation

extension VeriReason {
    struct DatasetsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "datasets", abstract: "Make training problems.",
            subcommands: [Generate.self, Filter.self, SFT.self, Decontaminate.self, Import.self])

        struct Generate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Generate problems whose references are correct by construction, from small formal descriptions.",
                discussion: """
                    Problems are dealt round-robin over the chosen families; each is drawn from its own \
                    seeded stream, so the same seed and families always give the same file, and a smaller \
                    --count gives a prefix of a larger one. Every problem has a reference (checked by \
                    differential equivalence); a share also gets a written self-checking testbench.
                    """)

            @Option(help: "Number of problems to generate.")
            var count: Int?

            @Option(help: "Comma-separated family names (default: all; see --list-families).")
            var families: String?

            @Option(help: "Seed of the generator; the same seed gives the same problems.")
            var seed: UInt64 = 0

            @Option(help: "Difficulty: easy, medium, hard, or mixed (one drawn per problem).")
            var difficulty: String = "mixed"

            @Option(help: "Share of problems that also get a written self-checking testbench (0...1).")
            var testbenchShare: Double = 0.3

            @Option(help: "Output file (problem JSONL), written atomically.")
            var out: String?

            @Flag(help: "List the families and exit.")
            var listFamilies = false

            func validate() throws {
                if listFamilies { return }
                guard let count else { throw ValidationError("--count N is required") }
                guard count >= 1 else { throw ValidationError("--count must be at least 1 (got \(count))") }
                guard let out else { throw ValidationError("--out FILE.jsonl is required") }
                try OutputPath.checkFile(out)
                guard (0...1).contains(testbenchShare) else { throw ValidationError("--testbench-share must lie in 0...1") }
                _ = try parsedDifficulty()
                _ = try selectedFamilies()
            }

            func parsedDifficulty() throws -> Difficulty? {
                if difficulty == "mixed" { return nil }
                guard let level = Difficulty(rawValue: difficulty) else {
                    throw ValidationError("unknown difficulty '\(difficulty)'; expected easy, medium, hard or mixed")
                }
                return level
            }

            func selectedFamilies() throws -> [Family] {
                guard let families else { return Family.all }
                let names = families.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                guard !names.isEmpty, !names.contains("") else { throw ValidationError("--families is empty") }
                do { return try Family.named(names) } catch { throw ValidationError(error.description) }
            }

            func run() throws {
                if listFamilies {
                    let width = Family.all.map(\.name.count).max() ?? 0
                    for family in Family.all {
                        print(family.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + family.summary)
                    }
                    return
                }
                let generator = try DatasetGenerator(
                    families: try selectedFamilies(), seed: seed, difficulty: try parsedDifficulty(),
                    testbenchShare: testbenchShare)
                let total = count ?? 0
                let progress = ProgressLine(label: "generating", enabled: total >= 1000)
                let problems = try generator.generate(count: total, progress: progress.update)
                try AtomicWrite.write(try ProblemFile.encode(problems), to: URL(fileURLWithPath: out ?? ""))
                let withTestbench = problems.filter { $0.testbench != nil }.count
                FileHandle.standardError.write(
                    Data("wrote \(problems.count) problems (\(withTestbench) with a testbench) to \(out ?? "")\n".utf8))
            }
        }
    }
}
