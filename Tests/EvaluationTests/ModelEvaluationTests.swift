import Benchmarks
import Foundation
import Policy
import Rewards
import Synchronization
import TestSupport
import Testing

@testable import Evaluation

@Suite("Evaluating a model")
struct ModelEvaluationTests {
    static let spec = Problem(
        id: "Prob001_zero", prompt: "Build a circuit that always outputs a LOW.\n", top: "TopModule")
    static let v1 = Problem(
        id: "zero", prompt: "Output a constant zero.", moduleHeader: "module top_module(\n  output zero\n);\n",
        top: "top_module", rule: .v1)

    @Test("spec-to-rtl prompts are upstream's literal text, after the in-context prefix")
    func specToRTLPrompt() {
        let p = EvaluationPrompt.upstream(Self.spec, suite: .v2SpecToRTL)
        #expect(p.system == "You are a Verilog RTL designer that only writes code using correct Verilog syntax.")
        #expect(
            p.user
                == "\nQuestion:\nBuild a circuit that always outputs a LOW.\nEnclose your code with [BEGIN] and [DONE]. Only output the code snippet\nand do NOT output anything else.\n\nAnswer:\n"
        )
        #expect(
            EvaluationPrompt.upstream(Self.spec, suite: .v2SpecToRTL, examples: "EXAMPLES").user.hasPrefix(
                "EXAMPLES\n\nQuestion:"))
    }

    @Test("code-complete prompts comment the description and end with the interface")
    func codeCompletePrompt() {
        let problem = Problem(
            id: "Prob001_zero", prompt: "Build a circuit that always outputs a LOW.\n\nmodule TopModule (\n  output zero\n);\n",
            top: "TopModule")
        let p = EvaluationPrompt.upstream(problem, suite: .v2CodeComplete)
        #expect(p.system.hasPrefix("You only complete chats with syntax correct Verilog code."))
        #expect(
            p.user
                == "// Implement the Verilog module based on the following description. Assume that signals are positive clock/clk triggered unless otherwise stated.\n//\n// Build a circuit that always outputs a LOW.\n\nmodule TopModule (\n  output zero\n);\n"
        )
        // v1 keeps description and header apart; the prompt joins them the same way.
        #expect(
            EvaluationPrompt.upstream(Self.v1, suite: .v1Human).user.hasSuffix(
                "// Output a constant zero.\n\nmodule top_module(\n  output zero\n);\n"))
    }

    @Test("answers are extracted by each suite's upstream rule")
    func extraction() {
        let spec = AnswerExtraction.completion(
            from: "Sure.\n[BEGIN]\nmodule TopModule(output zero);\n  assign zero = 0;\nendmodule\n[DONE]\nbye",
            problem: Self.spec, suite: .v2SpecToRTL, style: .upstream)
        #expect(spec == "module TopModule(output zero);\n  assign zero = 0;\nendmodule\n")
        let fenced = AnswerExtraction.completion(
            from: "```verilog\nmodule TopModule(output zero);\nendmodule\n```", problem: Self.spec, suite: .v2SpecToRTL,
            style: .upstream)
        #expect(fenced == "module TopModule(output zero);\nendmodule\n")
        // v1 samples are bodies: a repeated header is dropped.
        let body = AnswerExtraction.completion(
            from: "module top_module(\n  output zero\n);\n  assign zero = 1'b0;\nendmodule\ntrailing words", problem: Self.v1,
            suite: .v1Human, style: .upstream)
        #expect(body == "  assign zero = 1'b0;\nendmodule\n")
        let think = AnswerExtraction.completion(
            from: "<think>zero</think><answer>\n```verilog\nmodule TopModule(output zero);\nendmodule\n```\n</answer>",
            problem: Self.spec, suite: .v2SpecToRTL, style: .verireason)
        #expect(think.contains("module TopModule(output zero);"))
    }

    /// Answers every prompt with the prompt's problem number and a call counter.
    final class CountingSource: CompletionSource, Sendable {
        private let count = Mutex(0)
        var calls: Int { count.withLock { $0 } }
        var modelName: String { "counting" }

        func complete(_ prompt: PromptInput, n: Int, parameters: SamplingParameters) async throws -> [GeneratedCompletion] {
            count.withLock { $0 += 1 }
            return (0..<n).map {
                GeneratedCompletion(
                    text: "[BEGIN]\n// seed \(parameters.seed) #\($0)\n[DONE]", tokenIDs: [], logProbs: [], finishReason: "stop",
                    tokensPerSecond: 0)
            }
        }
    }

    /// Problems P1...Pn and a fresh folder's samples.jsonl and responses.jsonl.
    func runFolder(problems n: Int) throws -> (problems: [Problem], dir: URL, samples: URL, responses: URL) {
        let dir = try Fixtures.temporaryDirectory()
        return (
            (1...n).map { Problem(id: "P\($0)", prompt: "spec \($0)", top: "TopModule") }, dir,
            dir.appendingPathComponent("samples.jsonl"), dir.appendingPathComponent("responses.jsonl")
        )
    }

    @Test("a resumed run samples only the problems missing, after dropping a half-written line")
    func resume() async throws {
        let (problems, _, samplesFile, responsesFile) = try runFolder(problems: 4)
        let first = CountingSource()
        let sampling = { (source: CountingSource) in
            ModelSampling(source: source, suite: .jsonl, style: .upstream, examples: "", parameters: SamplingParameters(), n: 2)
        }
        _ = try await sampling(first).run(
            Array(problems.prefix(2)), samplesFile: samplesFile, responsesFile: responsesFile, resume: false)
        #expect(first.calls == 2)
        // An interrupted write: a line without its newline.
        let handle = try FileHandle(forWritingTo: samplesFile)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"task_id\": \"P3\", \"compl".utf8))
        try handle.close()

        let second = CountingSource()
        let all = try await sampling(second).run(problems, samplesFile: samplesFile, responsesFile: responsesFile, resume: true)
        #expect(second.calls == 2)
        #expect(all.map(\.taskID) == ["P1", "P1", "P2", "P2", "P3", "P3", "P4", "P4"])
        // Problem i draws with seed + i whether or not the run was resumed.
        #expect(all[4].completion == "// seed 2 #0\n" && all[6].completion == "// seed 3 #0\n")
        #expect(try String(contentsOf: responsesFile, encoding: .utf8).split(separator: "\n").count == 8)

        let fresh = CountingSource()
        _ = try await sampling(fresh).run(problems, samplesFile: samplesFile, responsesFile: responsesFile, resume: false)
        #expect(fresh.calls == 4)
    }

    @Test("resuming with other settings, or over samples of problems the suite lacks, is refused")
    func resumeWithOtherSettings() async throws {
        let (problems, dir, samplesFile, responsesFile) = try runFolder(problems: 2)
        func settings(temperature: Float, model: String) -> GenerationSettings {
            GenerationSettings(
                model: model, protocolName: "sampled", promptStyle: .upstream, shots: 0, n: 2,
                temperature: temperature, topP: 0.95, topK: 0, maxTokens: 64, seed: 0)
        }
        let sampling = ModelSampling(
            source: CountingSource(), suite: .jsonl, style: .upstream, examples: "", parameters: SamplingParameters(), n: 2)
        _ = try await sampling.run(
            [problems[0]], samplesFile: samplesFile, responsesFile: responsesFile, resume: false,
            settings: settings(temperature: 0.85, model: "/home/a/models/m.gguf"))
        let before = try Data(contentsOf: samplesFile)

        let other = CountingSource()
        let resumed = ModelSampling(
            source: other, suite: .jsonl, style: .upstream, examples: "", parameters: SamplingParameters(), n: 2)
        await #expect(
            throws: EvaluationError.resumeSettingsDiffer(path: dir.path, differences: ["temperature 0.85 -> 0.2"])
        ) {
            try await resumed.run(
                problems, samplesFile: samplesFile, responsesFile: responsesFile, resume: true,
                settings: settings(temperature: 0.2, model: "/home/a/models/m.gguf"))
        }
        #expect(other.calls == 0)
        #expect(try Data(contentsOf: samplesFile) == before)
        // The same model file in another folder (another machine's home) resumes.
        let all = try await resumed.run(
            problems, samplesFile: samplesFile, responsesFile: responsesFile, resume: true,
            settings: settings(temperature: 0.85, model: "/root/models/m.gguf"))
        #expect(all.count == 4 && other.calls == 1)
        // Samples of a problem the suite does not have: named, not kept silently.
        await #expect {
            try await resumed.run(
                problems, samplesFile: samplesFile, responsesFile: responsesFile, resume: true,
                knownIDs: ["P2"])
        } throws: { error in
            guard case BenchmarksError.malformed(let path, 1, "task_id", let detail) = error else { return false }
            return path == samplesFile.path && detail.hasPrefix("'P1' is not a problem of this suite")
        }
    }
}

@Suite("Self-correction")
struct RepairLoopTests {
    /// Answers a first request with broken code, and a dialogue carrying feedback with the
    /// reference, recording every prompt it was sent.
    final class LearningSource: CompletionSource, Sendable {
        let fixed: String
        let prompts = Mutex<[PromptInput]>([])
        var modelName: String { "learner" }
        init(fixed: String) { self.fixed = fixed }

        func complete(_ prompt: PromptInput, n: Int, parameters: SamplingParameters) async throws -> [GeneratedCompletion] {
            prompts.withLock { $0.append(prompt) }
            let text: String
            if case .dialogue(let turns, _) = prompt, turns.last?.content.contains("does not compile") == true {
                text = "[BEGIN]\n\(fixed)[DONE]"
            } else {
                text = "[BEGIN]\nmodule TopModule(input a; endmodule\n[DONE]"
            }
            return [GeneratedCompletion(text: text, tokenIDs: [], logProbs: [], finishReason: "stop", tokensPerSecond: 0)]
        }
    }

    @Test("a failing answer goes back with the compiler's message and passes on the next round")
    func repairsCompileError() async throws {
        let problem = try Fixtures.exampleProblem("mux4")
        let source = LearningSource(fixed: try #require(problem.referenceAsCandidate))
        let sampling = ModelSampling(
            source: source, suite: .jsonl, style: .upstream, examples: "", parameters: SamplingParameters(), n: 1)
        let loop = RepairLoop(sampling: sampling, scorer: Scorer(toolchain: Fixtures.toolchain), rounds: 2)
        let broken = Sample(taskID: problem.id, completion: "module TopModule(input a; endmodule\n", line: 1)
        let verdict = SampleResult(
            taskID: problem.id, passed: false, result: "syntax_error", detail: "tb.sv:3: syntax error", mismatches: nil,
            samples: nil, checker: "testbench", simulator: nil)
        let round = try await loop.repair(broken, of: problem, verdict: verdict, index: 0)
        #expect(round == 1)
        let sent = source.prompts.withLock { $0 }
        guard case .dialogue(let turns, let system) = sent.first else {
            Issue.record("expected a dialogue")
            return
        }
        #expect(system == EvaluationPrompt.specToRTLSystem)
        #expect(turns.map(\.role) == [.user, .assistant, .user])
        #expect(turns[1].content.hasPrefix("[BEGIN]\nmodule TopModule(input a;"))
        #expect(turns[2].content.contains("tb.sv:3: syntax error") && turns[2].content.contains("[BEGIN] and [DONE]"))
    }

    @Test("a mismatch against the hidden testbench is reported without its details")
    func hiddenTestbenchStaysHidden() {
        let sampling = ModelSampling(
            source: LearningSource(fixed: ""), suite: .v2SpecToRTL, style: .upstream, examples: "",
            parameters: SamplingParameters(), n: 1)
        let loop = RepairLoop(sampling: sampling, scorer: Scorer(toolchain: Fixtures.toolchain), rounds: 1)
        let hidden = loop.feedback(
            result: "mismatch", detail: "Mismatches: 12 in 100 samples (out at t=50)", checker: "testbench")
        #expect(!hidden.contains("Mismatches") && hidden.contains("outputs differ"))
        let public_ = loop.feedback(result: "mismatch", detail: "out differs at cycle 3", checker: "equivalence")
        #expect(public_.contains("out differs at cycle 3"))
    }
}
