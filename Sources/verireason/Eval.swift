import ArgumentParser
import Benchmarks
import Evaluation
import Foundation
import Rewards
import Verilog

extension VeriReason {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Evaluate samples against VerilogEval (v1/v2) or a JSONL problem set: pass@k, failure classes, result files.")

        @Option(
            help:
                "Suite: v1-human, v1-machine, v2-spec-to-rtl, v2-code-complete, or jsonl (with --problems). With --references, also a comma-separated list or 'all' (the four VerilogEval suites, one batch)."
        )
        var suite: String

        @Option(help: "VerilogEval checkout in the upstream layout (a folder with v1/ and v2/, or an upstream clone).")
        var datasetDir: String?

        @Option(help: "Problems file for --suite jsonl.")
        var problems: String?

        @Option(
            help:
                "Samples in VerilogEval's format, {\"task_id\", \"completion\"} per line (v1: body after the header; v2: whole module)."
        )
        var samples: String?

        @Flag(help: "Use each problem's reference solution as its sample (checks the verifier on this simulator).")
        var references = false

        @Option(help: "Output folder for results.jsonl and summary.json.")
        var out: String

        @Option(help: "Comma-separated k values for pass@k.")
        var k: String = "1,5,10"

        @Option(help: "Testbench rule (v1 or v2); default: each suite's own.")
        var rule: TestbenchRule?

        @Flag(help: "Print summary.json to stdout instead of the table.")
        var json = false

        @OptionGroup var rewards: RewardOptions
        @OptionGroup var sandbox: SandboxOptions

        func validate() throws {
            let suites = try parsedSuites()
            if suites.contains(.jsonl), problems == nil { throw ValidationError("--suite jsonl needs --problems FILE") }
            if suites.contains(where: { $0 != .jsonl }), datasetDir == nil {
                throw ValidationError("--suite \(suite) needs --dataset-dir DIR")
            }
            if (samples == nil) == (references == false) {
                throw ValidationError("give exactly one of --samples FILE and --references")
            }
            if suites.count > 1, !references {
                throw ValidationError("several suites at once work with --references only; give one suite with --samples")
            }
            _ = try parsedKs()
        }

        func parsedSuites() throws -> [SuiteName] {
            if suite == "all" { return [.v1Human, .v1Machine, .v2SpecToRTL, .v2CodeComplete] }
            var suites: [SuiteName] = []
            for name in suite.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let s = SuiteName(rawValue: name) else {
                    throw ValidationError(
                        "unknown suite '\(name)'; expected one of \(SuiteName.allCases.map(\.rawValue).joined(separator: ", ")) or all"
                    )
                }
                if !suites.contains(s) { suites.append(s) }
            }
            guard !suites.isEmpty else { throw ValidationError("--suite is empty") }
            return suites
        }

        func parsedKs() throws -> [Int] {
            let values = k.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) >= 1 }) else {
                throw ValidationError("--k takes positive integers separated by commas, e.g. 1,5,10")
            }
            return values.map { $0! }
        }

        func run() throws {
            let suites = try parsedSuites()
            var groups: [EvaluationGroup] = []
            for suite in suites {
                let problemList: [Problem]
                let datasetLabel: String
                if suite == .jsonl {
                    problemList = try ProblemFile.load(URL(fileURLWithPath: problems!))
                    datasetLabel = URL(fileURLWithPath: problems!).standardizedFileURL.path
                } else {
                    let dir = URL(fileURLWithPath: datasetDir!)
                    problemList = try VerilogEval.load(suite, datasetDir: dir)
                    datasetLabel = dir.standardizedFileURL.path
                }
                let sampleList: [Sample]
                if let samples {
                    sampleList = try Sample.load(URL(fileURLWithPath: samples), knownIDs: Set(problemList.map(\.id)))
                } else {
                    sampleList = problemList.compactMap { p in
                        p.referenceAsCandidate.map { Sample(taskID: p.id, completion: $0, line: 0) }
                    }
                }
                groups.append(
                    EvaluationGroup(
                        suite: suite.rawValue, problems: problemList, samples: sampleList,
                        completionIsBody: suite.completionIsBody && !references, dataset: datasetLabel,
                        samplesFile: samples.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "(references)"))
            }
            let toolchain = Toolchain()
            _ = try toolchain.path(.iverilog)
            let scorer = Scorer(
                toolchain: toolchain, weights: try rewards.weights(), checker: rewards.checker,
                limits: sandbox.limits, rule: rule, workers: sandbox.workers)
            let evaluation = SampleEvaluation(scorer: scorer, ks: try parsedKs())
            let progress = ProgressLine(label: "eval \(suites.map(\.rawValue).joined(separator: ","))")
            let reports = evaluation.run(groups, progress: progress.update)

            // One suite writes into DIR itself; several write DIR/<suite>/.
            let outDir = URL(fileURLWithPath: out)
            var summaries: [Data] = []
            for report in reports {
                let dir = reports.count == 1 ? outDir : outDir.appendingPathComponent(report.summary.suite)
                try AtomicWrite.write(try AtomicWrite.jsonLines(report.results), to: dir.appendingPathComponent("results.jsonl"))
                let summaryData = try AtomicWrite.json(report.summary)
                try AtomicWrite.write(summaryData, to: dir.appendingPathComponent("summary.json"))
                summaries.append(summaryData)
            }
            if json {
                summaries.forEach { FileHandle.standardOutput.write($0) }
            } else {
                for report in reports { print(report.table) }
                print("wrote results.jsonl and summary.json under \(outDir.path)")
            }
        }
    }
}

extension SuiteName: ExpressibleByArgument {}
extension TestbenchRule: ExpressibleByArgument {}
