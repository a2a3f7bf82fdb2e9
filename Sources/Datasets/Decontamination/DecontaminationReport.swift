import Benchmarks

/// What a decontamination run kept and dropped, and why.
public struct DecontaminationReport: Sendable {
    /// Which score put a problem over its threshold.
    public enum Score: String, Sendable, Codable {
        case ngramJaccard = "ngram_jaccard"
        case rougeL = "rouge_l"
    }

    /// Which part of the problems was compared.
    public enum Field: String, Sendable, Hashable, Codable {
        case prompt, reference
    }

    /// The comparison that exceeded its threshold by the most.
    public struct Match: Sendable, Hashable, Encodable {
        var benchmarkIndex: Int
        public var benchmarkID = ""
        public var benchmarkSuite = ""
        public var score: Score
        public var value: Double
        public var field: Field

        init(benchmarkIndex: Int, score: Score, value: Double, field: Field) {
            self.benchmarkIndex = benchmarkIndex
            self.score = score
            self.value = value
            self.field = field
        }

        enum CodingKeys: String, CodingKey {
            case benchmarkID = "benchmark_id", benchmarkSuite = "benchmark_suite", score, value, field
        }
    }

    /// A training problem that was dropped.
    public struct Dropped: Sendable, Hashable, Encodable {
        public var id: String
        public var family: String?
        public var match: Match
    }

    public var settings: DecontaminationSettings
    public var trainingCount: Int
    public var benchmarkCount: Int
    public var suites: [String]
    /// The training problems that stay, in input order.
    public var kept: [Problem]
    public var dropped: [Dropped]

    /// One line for stderr.
    public var summary: String {
        let byJaccard = dropped.filter { $0.match.score == .ngramJaccard }.count
        return "kept \(kept.count) of \(trainingCount) training problems; dropped \(dropped.count) "
            + "(\(byJaccard) by \(settings.ngram)-gram Jaccard > \(settings.jaccard), \(dropped.count - byJaccard) by "
            + "Rouge-L > \(settings.rougeL)) against \(benchmarkCount) benchmark problems (\(suites.joined(separator: ", ")))"
    }

    /// The report file's shape: counts, settings, and each dropped problem with its closest match.
    public struct File: Encodable, Sendable {
        public var settings: DecontaminationSettings
        public var suites: [String]
        public var training: Int
        public var benchmark: Int
        public var kept: Int
        public var dropped: Int
        public var dropped_by_ngram_jaccard: Int
        public var dropped_by_rouge_l: Int
        public var dropped_problems: [Dropped]
    }

    /// The report as written to `--report`.
    public var file: File {
        let byJaccard = dropped.filter { $0.match.score == .ngramJaccard }.count
        return File(
            settings: settings, suites: suites, training: trainingCount, benchmark: benchmarkCount, kept: kept.count,
            dropped: dropped.count, dropped_by_ngram_jaccard: byJaccard, dropped_by_rouge_l: dropped.count - byJaccard,
            dropped_problems: dropped)
    }
}
