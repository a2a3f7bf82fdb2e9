import Benchmarks
import Foundation
import Policy
import Rewards
import TestSupport
import Testing

@testable import Training

@Suite("Difficulty filtering")
struct DifficultyFilterTests {
    func group(_ rewards: [Double], passed: Int, family: String = "f") -> GroupRewards {
        GroupRewards(
            id: "p\(rewards.count)-\(passed)", family: family, rewards: rewards, passed: passed, truncated: 0, meanLength: 0)
    }

    @Test("mean and sample standard deviation as TRL reports them")
    func statistics() {
        let g = group([0, 2.1, 2.1, 0.1], passed: 2)
        #expect(abs(g.mean - 1.075) < 1e-12)
        // sqrt(sum((x - 1.075)^2) / 3)
        #expect(abs(g.standardDeviation - 1.1842719282) < 1e-9)
        #expect(group([1], passed: 0).standardDeviation == 0)
    }

    @Test("VeriReason's window and DAPO's uniform groups decide what is kept")
    func decisions() {
        let filter = DifficultyFilter()
        #expect(filter.rejection(group([0, 0.1, 0, 0.1], passed: 0)) == .tooHard)
        #expect(filter.rejection(group([2.1, 2.1, 2.1, 2.0], passed: 4)) == .tooEasy)
        #expect(filter.rejection(group([0.5, 0.5, 0.5, 0.5], passed: 0)) == .lowVariance)
        // In the window with spread, but nothing passed: only structure differs, dropped by DAPO.
        #expect(filter.rejection(group([0.2, 1.1, 0.2, 1.1], passed: 0)) == .noneCorrect)
        #expect(filter.rejection(group([0.1, 2.1, 0.1, 2.1], passed: 2)) == nil)
        var keepUniform = filter
        keepUniform.dropUniform = false
        #expect(keepUniform.rejection(group([0.2, 1.1, 0.2, 1.1], passed: 0)) == nil)
    }

    @Test("the report counts per family and prints a table with a total row")
    func report() throws {
        let groups = [
            group([0.1, 2.1], passed: 1, family: "mux"), group([0, 0], passed: 0, family: "mux"),
            group([2.1, 2.1], passed: 2, family: "fsm"),
        ]
        let report = FilterReport(model: "m", groupSize: 2, filter: DifficultyFilter(), groups: groups)
        #expect(report.problems == 3 && report.kept == 1)
        #expect(report.droppedBy == ["mean_below_min": 1, "mean_above_max": 1])
        #expect(report.families["mux"]?.solved == 1 && report.families["mux"]?.solvedShare == 0.5)
        #expect(report.families["mux"]?.passRate == 0.25)
        #expect(report.families["fsm"]?.solvedShare == 1)
        let table = report.familyTable()
        #expect(table.contains("| mux | 2 | 1 | 50% | 25.0% |"), "\(table)")
        #expect(table.contains("| **all** | 3 | 2 | 67% | 50.0% |"), "\(table)")
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        for key in ["\"n\"", "\"dropped_by\"", "\"solved_share\"", "\"min_std\"", "\"mean_length\""] {
            #expect(json.contains(key), "\(key)")
        }
    }
}

/// A policy that answers every problem with the same fixed texts.
struct ScriptedSource: CompletionSource {
    var texts: [String]
    var modelName: String { "scripted" }

    func complete(_ prompt: PromptInput, n: Int, parameters: SamplingParameters) async throws -> [GeneratedCompletion] {
        (0..<n).map {
            GeneratedCompletion(
                text: texts[$0 % texts.count], tokenIDs: [1, 2, 3], logProbs: [0, 0, 0], finishReason: "stop",
                tokensPerSecond: 1)
        }
    }
}

@Suite("Group scoring")
struct GroupScoringTests {
    @Test("sampled completions are scored by the verifier, one group per problem, in order")
    func scoresGroups() async throws {
        let problems = [try Fixtures.exampleProblem("mux4"), try Fixtures.exampleProblem("adder8")]
        let right = { (p: Problem) in
            "<think>copy</think><answer>\n```verilog\n\(p.referenceAsCandidate ?? "")```\n</answer>"
        }
        // Each problem gets its own right answer, the other's (wrong ports) and junk.
        var results: [ScoredGroup] = []
        for problem in problems {
            let source = ScriptedSource(texts: [right(problem), "no code here", right(problems[1])])
            let scoring = GroupScoring(
                source: source, scorer: Scorer(toolchain: Fixtures.toolchain), parameters: SamplingParameters(), groupSize: 3)
            results += try await scoring.run([problem])
        }
        #expect(results.map(\.problem.id) == ["mux4", "adder8"])
        #expect(results[0].rewards.passed == 1)
        #expect(results[1].rewards.passed == 2)
        #expect(results[0].rewards.rewards[0] > 2 && results[0].rewards.rewards[1] == 0)
        #expect(results.allSatisfy { $0.rewards.meanLength == 3 && $0.completions.count == 3 })
    }

    @Test("the task prompt carries the spec, the header and the chosen format's instructions")
    func taskPrompt() throws {
        let problem = try Fixtures.exampleProblem("counter4")
        guard case .chat(let user, let system) = TaskPrompt.input(for: problem, format: .thinkAnswer),
            case .chat(let codeUser, let codeSystem) = TaskPrompt.input(for: problem, format: .code)
        else {
            Issue.record("expected chat prompts")
            return
        }
        #expect(user.hasPrefix(problem.prompt))
        #expect(user.contains("module TopModule"))
        #expect(system?.contains("<answer>") == true && system?.contains("TopModule") == true)
        #expect(codeUser == user, "the formats differ in the system message only")
        #expect(codeSystem?.contains("```verilog") == true && codeSystem?.contains("<think>") == false)
    }
}
