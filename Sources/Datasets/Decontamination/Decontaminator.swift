import Benchmarks
import Foundation
import Synchronization

/// Thresholds of a decontamination run; a training problem is dropped when any comparison is
/// strictly above either.
public struct DecontaminationSettings: Sendable, Hashable, Codable {
    /// Word n-gram size of the Jaccard score.
    public var ngram: Int
    /// Drop above this n-gram Jaccard (ScaleRTL: 5-grams, 0.8).
    public var jaccard: Double
    /// Drop above this Rouge-L F-measure (CodeV-R1: 0.5).
    public var rougeL: Double
    /// What is compared: prompts with prompts, references with references, or both.
    public var fields: [DecontaminationReport.Field]

    public init(
        ngram: Int = 5, jaccard: Double = 0.8, rougeL: Double = 0.5,
        fields: [DecontaminationReport.Field] = [.prompt, .reference]
    ) throws(DatasetsError) {
        guard ngram >= 1 else { throw .badThreshold(name: "ngram", value: Double(ngram)) }
        guard (0...1).contains(jaccard) else { throw .badThreshold(name: "jaccard", value: jaccard) }
        guard (0...1).contains(rougeL) else { throw .badThreshold(name: "rouge-l", value: rougeL) }
        self.ngram = ngram
        self.jaccard = jaccard
        self.rougeL = rougeL
        self.fields = fields
    }
}

/// Finds training problems too close to benchmark problems. Each training problem's prompt is
/// compared with every benchmark prompt and its reference with every benchmark reference.
public struct Decontaminator: Sendable {
    public var settings: DecontaminationSettings

    public init(settings: DecontaminationSettings) { self.settings = settings }

    /// A problem prepared for comparison.
    struct Prepared: Sendable {
        var prompt: TokenizedText
        var reference: TokenizedText?
    }

    /// Compares every training problem with every benchmark problem, over all cores.
    /// `benchmarks` pairs each problem with the suite it came from, for the report.
    public func run(training: [Problem], benchmarks: [(suite: String, problem: Problem)]) -> DecontaminationReport {
        // One vocabulary, built serially, so the parallel part only reads.
        var vocabulary = TokenVocabulary()
        let n = settings.ngram
        func prepare(_ p: Problem) -> Prepared {
            Prepared(
                prompt: TokenizedText(p.prompt, ngram: n, vocabulary: &vocabulary),
                reference: p.reference.map { TokenizedText(verilog: $0, ngram: n, vocabulary: &vocabulary) })
        }
        let train = training.map(prepare)
        let bench = benchmarks.map { prepare($0.problem) }
        let chunkSize = max(1, min(32, train.count / 16))
        let chunks = stride(from: 0, to: train.count, by: chunkSize).map { $0..<min(train.count, $0 + chunkSize) }
        let found = Mutex<[Int: DecontaminationReport.Match]>([:])
        let settings = settings
        DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
            var pattern = LCSPattern()
            var local: [Int: DecontaminationReport.Match] = [:]
            for t in chunks[c] {
                if let match = Self.closest(train[t], bench, settings: settings, pattern: &pattern) { local[t] = match }
            }
            found.withLock { $0.merge(local) { a, _ in a } }
        }
        let matches = found.withLock { $0 }
        var kept: [Problem] = []
        var dropped: [DecontaminationReport.Dropped] = []
        for (t, problem) in training.enumerated() {
            guard var match = matches[t] else {
                kept.append(problem)
                continue
            }
            match.benchmarkID = benchmarks[match.benchmarkIndex].problem.id
            match.benchmarkSuite = benchmarks[match.benchmarkIndex].suite
            dropped.append(DecontaminationReport.Dropped(id: problem.id, family: problem.family, match: match))
        }
        return DecontaminationReport(
            settings: settings, trainingCount: training.count, benchmarkCount: benchmarks.count,
            suites: Array(Set(benchmarks.map(\.suite))).sorted(), kept: kept, dropped: dropped)
    }

    /// The comparison that exceeds a threshold by the most, or nil when none does.
    static func closest(
        _ t: Prepared, _ bench: [Prepared], settings: DecontaminationSettings, pattern: inout LCSPattern
    ) -> DecontaminationReport.Match? {
        var best: DecontaminationReport.Match?
        var bestMargin = 0.0
        // Scores are compared by how far they exceed their own threshold, so a Jaccard of 0.81
        // (threshold 0.8) does not outrank a Rouge-L of 0.9 (threshold 0.5).
        func consider(_ score: DecontaminationReport.Score, _ value: Double, _ field: DecontaminationReport.Field, _ b: Int) {
            let margin = value - (score == .ngramJaccard ? settings.jaccard : settings.rougeL)
            guard margin > 0, best == nil || margin > bestMargin else { return }
            best = DecontaminationReport.Match(benchmarkIndex: b, score: score, value: value, field: field)
            bestMargin = margin
        }
        for field in settings.fields {
            guard let text = field == .prompt ? t.prompt : t.reference, !text.tokens.isEmpty else { continue }
            pattern.load(text.tokens)
            for (b, other) in bench.enumerated() {
                guard let theirs = field == .prompt ? other.prompt : other.reference, !theirs.tokens.isEmpty else {
                    continue
                }
                consider(.ngramJaccard, TextSimilarity.ngramJaccard(text, theirs), field, b)
                let m = text.tokens.count, n = theirs.tokens.count
                guard TextSimilarity.rougeLBound(m, n) > settings.rougeL else { continue }
                consider(.rougeL, TextSimilarity.rougeL(lcs: pattern.lcsLength(theirs.tokens), m, n), field, b)
            }
            pattern.unload(text.tokens)
        }
        return best
    }
}
