import Benchmarks
import Foundation
import Rewards

/// A completion to score: `{"id", "completion"}` where `id` names a problem.
public struct Completion: Sendable, Hashable {
    public var id: String
    public var completion: String
    public var line: Int

    /// Reads a completions file; every id must name one of `problems`.
    public static func load(_ url: URL, knownIDs: Set<String>) throws -> [Completion] {
        var rows: [Completion] = []
        for (line, object) in try JSONLines.objects(at: url) {
            let id = try JSONLines.string(object, "id", path: url.path, line: line)
            let text = try JSONLines.string(object, "completion", path: url.path, line: line)
            guard knownIDs.contains(id) else {
                throw BenchmarksError.malformed(path: url.path, line: line, field: "id", detail: "no problem with id '\(id)'")
            }
            rows.append(Completion(id: id, completion: text, line: line))
        }
        guard !rows.isEmpty else { throw BenchmarksError.noRows(path: url.path, what: "completions") }
        return rows
    }
}

/// The flat record `score --json` prints for one completion.
public struct ScoreRecord: Sendable, Codable, Hashable {
    public var id: String
    public var passed: Bool
    public var reward: Double
    public var format: Double
    public var compiles: Double
    public var functional: Double
    public var structural: Double
    public var structuralSimilarity: Double?
    public var answerFormat: String
    public var result: String
    public var passFraction: Double
    public var mismatches: Int?
    public var samples: Int?
    public var detail: String
    public var checker: String
    public var simulator: String?

    enum CodingKeys: String, CodingKey {
        case id, passed, reward, format, compiles, functional, structural, result, mismatches, samples, detail, checker, simulator
        case structuralSimilarity = "structural_similarity"
        case answerFormat = "answer_format"
        case passFraction = "pass_fraction"
    }

    public init(id: String, breakdown b: RewardBreakdown) {
        self.id = id
        passed = b.passed
        reward = b.reward
        format = b.format
        compiles = b.compiles
        functional = b.functional
        structural = b.structural
        structuralSimilarity = b.structuralSimilarity
        answerFormat = b.answerFormat.rawValue
        result = b.verdict.verdictClass.rawValue
        passFraction = b.verdict.passFraction
        mismatches = b.verdict.mismatches
        samples = b.verdict.samples
        detail = b.verdict.detail
        checker = b.verdict.checker
        simulator = b.verdict.simulator
    }

    /// One human-readable line.
    public var line: String {
        String(
            format: "%@  reward %.3f  %@  [format %.2f, compiles %.2f, functional %.2f, structural %.2f]  %@",
            id, reward, result, format, compiles, functional, structural, detail)
    }
}
