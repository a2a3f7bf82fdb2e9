import Benchmarks
import Evaluation
import Foundation
import Rewards

extension RewardService {
    /// `POST /v1/score`: `{"items": [{"problem_id": str} or {"problem": {...}}, "completion": str]}`
    /// answered with `{"results": [ScoreRecord]}` in input order: the same fields `score --json`
    /// prints, plus `failure_code`. A sample past the deadline has `result` `deadline`.
    public func nativeScore(_ body: Data) async throws -> Data {
        let object = try RequestJSON.object(body)
        guard let items = object["items"] as? [Any] else {
            throw ServerError.malformedRequest("missing 'items' (array of {problem_id or problem, completion})")
        }
        var samples: [(problem: Problem, completion: String)] = []
        for (i, raw) in items.enumerated() {
            guard let item = raw as? [String: Any] else {
                throw ServerError.malformedRequest("'items[\(i)]' must be an object")
            }
            guard let completion = item["completion"] as? String else {
                throw ServerError.malformedRequest("'items[\(i)].completion' must be a string")
            }
            if let id = item["problem_id"] as? String {
                samples.append((try catalog.lookup(id, index: i), completion))
            } else if let inline = item["problem"] as? [String: Any] {
                samples.append((try catalog.inline(inline, index: i), completion))
            } else {
                throw ServerError.malformedRequest("'items[\(i)]' needs 'problem_id' (string) or 'problem' (object)")
            }
        }
        let outcomes = try await score(samples)
        var results: [Any] = []
        for (sample, outcome) in zip(samples, outcomes) {
            var record: ScoreRecord
            switch outcome {
            case .scored(let breakdown):
                record = ScoreRecord(id: sample.problem.id, breakdown: breakdown)
            case .expired:
                record = ScoreRecord(id: sample.problem.id, breakdown: expiredBreakdown())
                record.result = outcome.className
            }
            let encoded = try JSONEncoder().encode(record)
            guard var fields = try JSONSerialization.jsonObject(with: encoded) as? [String: Any] else { continue }
            fields["failure_code"] = outcome.failureCode
            results.append(fields)
        }
        return try RequestJSON.encode(["results": results])
    }

    /// A zero reward standing in for a sample the deadline cut off (a class that neither compiled
    /// nor has a format, so every component is 0; the caller renames the class to `deadline`).
    func expiredBreakdown() -> RewardBreakdown {
        let verdict = Verdict(
            verdictClass: .checkerError, detail: "not scored within the server's \(deadline) s deadline",
            checker: "server")
        return RewardBreakdown.make(verdict: verdict, format: .none, candidate: "", reference: nil, weights: weights)
    }
}
