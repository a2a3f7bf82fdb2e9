import ArgumentParser
import Benchmarks
import Evaluation
import Foundation
import Policy
import Rewards
import Verilog

extension VeriReason {
    struct Eval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Evaluate a model, or its samples, against VerilogEval (v1/v2) or a JSONL problem set: pass@k, failure classes, result files.",
            discussion: """
                Without --samples or --references, eval samples the model itself (--model, default: the \
                default policy; or --endpoint) with the chosen --protocol and prompt style, writes the \
                samples in VerilogEval's format (samples.jsonl, re-scorable by the upstream harness) and \
                the raw answers (responses.jsonl), then scores them. --resume samples only the problems \
                missing from an earlier run's samples.jsonl.
                """)

        @Option(
            help:
                "Suite: v1-human, v1-machine, v2-spec-to-rtl, v2-code-complete, or jsonl (with --problems). With --references, also a comma-separated list or 'all' (the four VerilogEval suites, one batch)."
        )
        var suite: String

        @OptionGroup var dataset: VerilogEvalOptions

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

        @Option(help: "A GGUF file, or 'default' for the default policy model (when no --samples/--references).")
        var model: String = "default"

        @OptionGroup var remote: RemoteOptions

        @Option(help: "Sampling protocol: greedy (n=1, temperature 0) or sampled (n=20, temperature 0.85, top_p 0.95).")
        var `protocol`: SamplingProtocol = .greedy

        @Option(help: "Samples per problem (default: the protocol's).")
        var n: Int?

        @Option(help: "Sampling temperature (default: the protocol's).")
        var temperature: Float?

        @Option(help: "Nucleus sampling threshold (default: the protocol's).")
        var topP: Float?

        @Option(help: "Keep only the K most likely tokens (0 keeps all).")
        var topK: Int = 0

        @Option(help: "Largest number of new tokens per answer (upstream: 1024).")
        var maxTokens: Int = SamplingProtocol.maxTokens

        @Option(help: "In-context examples before the question, 0 to 4 (upstream's prefix files).")
        var shots: Int = 0

        @Option(
            help:
                "Prompt style: upstream (VerilogEval's own prompts) or verireason (the project's prompt in --prompt-format); default: verireason for a model whose GGUF records its training format, else upstream."
        )
        var promptStyle: PromptStyle?

        @Option(
            help:
                "Answer format asked for under --prompt-style verireason: code or think-answer; default: the format the model records (verireason.prompt_format), else code."
        )
        var promptFormat: PromptFormat?

        @Option(help: "Only the first N problems of the suite.")
        var limit: Int?

        @Option(help: "Seed; problem i samples with seed + i.")
        var seed: UInt64 = 0

        @Flag(help: "Keep the samples an earlier run wrote to --out and sample only the missing problems.")
        var resume = false

        @Option(
            help:
                "Send each failing answer back to the model with the tools' feedback up to R times; reported as 'pass within R repairs', apart from pass@k."
        )
        var repair: Int = 0

        @OptionGroup var rewards: RewardOptions
        @OptionGroup var sandbox: SandboxOptions

        func validate() throws {
            try OutputPath.checkFolder(out)
            let suites = try parsedSuites()
            if suites.contains(.jsonl), problems == nil { throw ValidationError("--suite jsonl needs --problems FILE") }
            if samples != nil && references { throw ValidationError("give at most one of --samples FILE and --references") }
            if suites.count > 1, !references {
                throw ValidationError(
                    "several suites at once work with --references only; give one suite with --samples or a model")
            }
            _ = try parsedKs()
            guard (0...4).contains(shots) else { throw ValidationError("--shots must lie in 0...4") }
            if let n, n < 1 { throw ValidationError("--n must be at least 1") }
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
            guard maxTokens >= 1 else { throw ValidationError("--max-tokens must be at least 1") }
            try SamplingOptionCheck.validate(temperature: temperature, topP: topP, topK: topK)
            if problems != nil, !suites.contains(.jsonl) {
                throw ValidationError("--problems is for --suite jsonl; VerilogEval suites read --dataset-dir")
            }
            try remote.validate(localModel: model)
            guard repair >= 0 else { throw ValidationError("--repair must not be negative") }
            if repair > 0, !samplesModel { throw ValidationError("--repair needs a model (not --samples or --references)") }
        }

        /// Whether eval draws the samples itself.
        var samplesModel: Bool { samples == nil && !references }

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
            let values = k.split(separator: ",", omittingEmptySubsequences: false).map {
                Int($0.trimmingCharacters(in: .whitespaces))
            }
            guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) >= 1 }) else {
                throw ValidationError("--k takes positive integers separated by commas, e.g. 1,5,10")
            }
            return values.map { $0! }
        }

        func run() async throws {
            let suites = try parsedSuites()
            // Found before anything is sampled or written.
            let datasetDir = try suites.contains(where: { $0 != .jsonl }) ? dataset.resolve() : nil
            var groups: [EvaluationGroup] = []
            var generation: GenerationSettings?
            var sampling: ModelSampling?
            for suite in suites {
                let problemList: [Problem]
                let datasetLabel: String
                if suite == .jsonl {
                    problemList = try ProblemFile.load(URL(fileURLWithPath: problems!))
                    datasetLabel = URL(fileURLWithPath: problems!).standardizedFileURL.path
                } else {
                    let dir = try datasetDir ?? dataset.resolve()
                    problemList = try VerilogEval.load(suite, datasetDir: dir)
                    datasetLabel = dir.path
                }
                let evaluated = limit.map { Array(problemList.prefix($0)) } ?? problemList
                let sampleList: [Sample]
                var samplesLabel = samples.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? "(references)"
                if samplesModel {
                    let (drawn, settings, used) = try await sampleModel(
                        evaluated, suite: suite, suiteIDs: Set(problemList.map(\.id)))
                    sampleList = drawn
                    generation = settings
                    sampling = used
                    samplesLabel = URL(fileURLWithPath: out).appendingPathComponent("samples.jsonl").standardizedFileURL.path
                } else if let samples {
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
                        samplesFile: samplesLabel))
            }
            let toolchain = Toolchain()
            _ = try toolchain.path(.iverilog)
            let scorer = Scorer(
                toolchain: toolchain, weights: try rewards.weights(), checker: rewards.checker,
                limits: sandbox.limits, rule: rule, workers: sandbox.workers)
            let evaluation = SampleEvaluation(scorer: scorer, ks: try parsedKs())
            // The count includes each present problem's reference, run for the reference-passing score.
            let progress = ProgressLine(
                label: "eval \(suites.map(\.rawValue).joined(separator: ",")), samples and references")
            var reports = evaluation.run(groups, progress: progress.update)
            for i in reports.indices { reports[i].summary.generation = generation }
            if repair > 0, let sampling, reports.count == 1 {
                reports[0].summary.repair = try await repairFailures(
                    reports[0], group: groups[0], loop: RepairLoop(sampling: sampling, scorer: scorer, rounds: repair))
            }

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
                for report in reports {
                    print(report.table)
                    if let r = report.summary.repair {
                        print(
                            String(
                                format: "pass within %d repairs: %.4f (%d failing samples sent back; repaired by round: %@)",
                                r.rounds, r.passWithinRepairs, r.attempted,
                                r.repairedInRound.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(
                                    separator: ", ")))
                    }
                }
                print("wrote results.jsonl and summary.json under \(outDir.path)")
            }
        }
    }
}

extension VeriReason.Eval {
    /// Samples the model on the suite's problems into OUT/samples.jsonl (resumably).
    func sampleModel(_ problems: [Problem], suite: SuiteName, suiteIDs: Set<String>) async throws -> (
        [Sample], GenerationSettings, ModelSampling
    ) {
        let source = try remote.source(localModel: model)
        var parameters = SamplingParameters()
        parameters.temperature = temperature ?? `protocol`.temperature
        parameters.topP = topP ?? `protocol`.topP
        parameters.topK = topK
        parameters.maxTokens = maxTokens
        parameters.seed = seed
        let count = n ?? `protocol`.samples
        let recorded = try remote.recordedPromptFormat(localModel: model)
        let promptStyle = self.promptStyle ?? (recorded == nil ? .upstream : .verireason)
        let promptFormat = self.promptFormat ?? recorded ?? .code
        let examples =
            shots > 0 && promptStyle == .upstream
            ? try VerilogEval.promptExamples(suite, datasetDir: try dataset.resolve(), shots: shots) : ""
        let sampling = ModelSampling(
            source: source, suite: suite, style: promptStyle, format: promptFormat, examples: examples,
            parameters: parameters, n: count)
        let outDir = URL(fileURLWithPath: out)
        let progress = ProgressLine(label: "sampling \(suite.rawValue) (\(count) per problem)")
        let settings = GenerationSettings(
            model: source.modelName, protocolName: `protocol`.rawValue, promptStyle: promptStyle, promptFormat: promptFormat,
            shots: shots, n: count,
            temperature: parameters.temperature, topP: parameters.topP, topK: topK, maxTokens: maxTokens, seed: seed)
        let samples = try await sampling.run(
            problems, samplesFile: outDir.appendingPathComponent("samples.jsonl"),
            responsesFile: outDir.appendingPathComponent("responses.jsonl"), resume: resume, settings: settings,
            knownIDs: suiteIDs, progress: progress.update)
        let ids = Set(problems.map(\.id))
        return (samples.filter { ids.contains($0.taskID) }, settings, sampling)
    }

    /// Runs the repair loop on every failing sample of one suite's report.
    func repairFailures(_ report: EvaluationReport, group: EvaluationGroup, loop: RepairLoop) async throws -> RepairSummary {
        let byID = Dictionary(group.problems.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var passed = report.results.map(\.passed)
        var repairedInRound: [String: Int] = [:]
        let failing = report.results.indices.filter { !report.results[$0].passed }
        let progress = ProgressLine(label: "repairing (up to \(loop.rounds) rounds)")
        for (done, i) in failing.enumerated() {
            let result = report.results[i]
            if let problem = byID[result.taskID], result.result != "checker_error",
                let round = try await loop.repair(group.samples[i], of: problem, verdict: result, index: i)
            {
                passed[i] = true
                repairedInRound[String(round), default: 0] += 1
            }
            progress.update(done + 1, failing.count)
        }
        var perProblem: [String: (samples: Int, passed: Int)] = [:]
        for (result, ok) in zip(report.results, passed) {
            perProblem[result.taskID, default: (0, 0)].samples += 1
            if ok { perProblem[result.taskID]!.passed += 1 }
        }
        let shares = perProblem.values.map { Double($0.passed) / Double($0.samples) }
        return RepairSummary(
            rounds: loop.rounds, attempted: failing.count, repairedInRound: repairedInRound,
            passWithinRepairs: shares.isEmpty ? 0 : shares.reduce(0, +) / Double(shares.count))
    }
}

extension SamplingProtocol: ExpressibleByArgument {}
extension PromptStyle: ExpressibleByArgument {}
extension SuiteName: ExpressibleByArgument {}
extension TestbenchRule: ExpressibleByArgument {}
