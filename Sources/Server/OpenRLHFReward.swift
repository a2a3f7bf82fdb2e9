import Benchmarks
import Foundation
import Rewards

extension RewardService {
    /// Names of the per-sample series in `extra_logs`, in the order they are written.
    public static let extraLogNames = [
        "format", "compiles", "functional", "structural", "passed", "pass_fraction", "failure_class",
    ]

    /// `POST /get_reward`, OpenRLHF's remote reward model contract: request
    /// `{"query": [str], "prompts": [str], "labels": [str]}`, answer
    /// `{"rewards": [float], "scores": [float], "extra_logs": {name: [float]}}` in input order.
    ///
    /// `query` is prompt plus response in chat-template text; only the last assistant turn is
    /// judged. A label is a problem id or an inline problem (a JSON object as a string). Clients
    /// send one sample or a slice of the batch; both are a list here.
    public func openRLHF(_ body: Data) async throws -> Data {
        let object = try RequestJSON.object(body)
        guard let queries = try RequestJSON.strings(object, "query") else {
            throw ServerError.malformedRequest("missing 'query' (array of prompt+response strings)")
        }
        let prompts = try RequestJSON.strings(object, "prompts")
        guard let labels = try labels(object) else {
            throw ServerError.malformedRequest(
                "missing 'labels': each sample needs a problem id or an inline problem (OpenRLHF --label_key)")
        }
        guard labels.count == queries.count else {
            throw ServerError.mismatchedLengths("\(queries.count) queries but \(labels.count) labels")
        }
        if let prompts, prompts.count != queries.count {
            throw ServerError.mismatchedLengths("\(queries.count) queries but \(prompts.count) prompts")
        }
        var samples: [(problem: Problem, completion: String)] = []
        for (i, label) in labels.enumerated() {
            let problem: Problem
            switch label {
            case .text(let text): problem = try catalog.resolve(label: text, index: i)
            case .object(let inline): problem = try catalog.inline(inline, index: i)
            }
            samples.append((problem, ChatTranscript.lastAssistantTurn(query: queries[i], prompt: prompts?[i])))
        }
        let outcomes = try await score(samples)
        var rewards: [Double] = []
        var scores: [Double] = []
        var logs = Dictionary(uniqueKeysWithValues: Self.extraLogNames.map { ($0, [Double]()) })
        for outcome in outcomes {
            let row = logRow(outcome)
            rewards.append(row.reward)
            scores.append(row.score)
            for (name, value) in zip(Self.extraLogNames, row.logs) { logs[name]!.append(value) }
        }
        return try RequestJSON.encode(["rewards": rewards, "scores": scores, "extra_logs": logs])
    }

    private enum Label {
        case text(String)
        case object([String: Any])
    }

    /// Labels are strings by the contract; a JSON object in their place is taken as an inline
    /// problem too, since a hand-written client may not stringify it.
    private func labels(_ object: [String: Any]) throws -> [Label]? {
        guard let value = object["labels"], !(value is NSNull) else { return nil }
        guard let array = value as? [Any] else { throw ServerError.malformedRequest("'labels' must be an array") }
        return try array.enumerated().map { i, element in
            if let s = element as? String { return .text(s) }
            if let o = element as? [String: Any] { return .object(o) }
            throw ServerError.malformedRequest("'labels[\(i)]' must be a problem id or an inline problem")
        }
    }

    /// Reward, score in 0...1 and the `extra_logs` values (in `extraLogNames` order) of one sample.
    private func logRow(_ outcome: SampleOutcome) -> (reward: Double, score: Double, logs: [Double]) {
        let code = Double(outcome.failureCode)
        guard case .scored(let b) = outcome else { return (0, 0, [0, 0, 0, 0, 0, 0, code]) }
        // The score is what dynamic filtering compares across a group: 1 for a pass, the pass
        // fraction with partial credit, else 0.
        let score = b.passed ? 1 : (weights.partialCredit ? b.verdict.passFraction : 0)
        return (
            b.reward, score,
            [b.format, b.compiles, b.functional, b.structural, b.passed ? 1 : 0, b.verdict.passFraction, code]
        )
    }
}
