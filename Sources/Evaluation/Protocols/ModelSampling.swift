import Benchmarks
import Foundation
import Policy

/// Draws a model's samples for a suite into VerilogEval's sample format, resumably.
///
/// Each problem's n samples are appended to `samples.jsonl` (and the raw answers to
/// `responses.jsonl`) in one write, flushed to disk, once all n are drawn, so an interrupted run
/// leaves whole problems plus at most one partial line, which a resumed run discards. Problem i
/// samples with seed `seed + i`, so a resumed run draws what an uninterrupted one would have.
public struct ModelSampling: Sendable {
    public var source: any CompletionSource
    public var suite: SuiteName
    public var style: PromptStyle
    /// The answer format asked for under the verireason style.
    public var format: PromptFormat
    /// The in-context example prefix (empty for 0 shots).
    public var examples: String
    public var parameters: SamplingParameters
    public var n: Int

    public init(
        source: any CompletionSource, suite: SuiteName, style: PromptStyle, format: PromptFormat = .code,
        examples: String, parameters: SamplingParameters, n: Int
    ) {
        self.source = source
        self.suite = suite
        self.style = style
        self.format = format
        self.examples = examples
        self.parameters = parameters
        self.n = n
    }

    /// The prompt of one problem in this suite and style.
    public func prompt(for problem: Problem) -> PromptInput {
        switch style {
        case .upstream:
            let p = EvaluationPrompt.upstream(problem, suite: suite, examples: examples)
            return .chat(user: p.user, system: p.system)
        case .verireason:
            return .chat(user: VeriReasonPrompt.userMessage(for: problem), system: VeriReasonPrompt.system(format))
        }
    }

    /// Samples every problem not yet complete in `samplesFile`; returns all samples, old and new.
    /// `settings` are recorded beside the samples (`generation.json`), and a resumed run whose
    /// settings differ from the recorded ones is refused, so one file never mixes two protocols;
    /// so are earlier samples of problems outside `knownIDs`.
    public func run(
        _ problems: [Problem], samplesFile: URL, responsesFile: URL, resume: Bool,
        settings: GenerationSettings? = nil, knownIDs: Set<String>? = nil,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> [Sample] {
        let folder = samplesFile.deletingLastPathComponent()
        let record = folder.appendingPathComponent("generation.json")
        if resume, let settings, FileManager.default.fileExists(atPath: samplesFile.path),
            let earlier = Self.recordedSettings(in: folder)
        {
            let differences = settings.differences(from: earlier)
            guard differences.isEmpty else {
                throw EvaluationError.resumeSettingsDiffer(path: folder.path, differences: differences)
            }
        }
        if let settings {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try AtomicWrite.write(try encoder.encode(settings), to: record)
        }
        var done: [String: Int] = [:]
        if resume {
            for file in [samplesFile, responsesFile] { try SampleFile.dropPartialLastLine(file) }
            if FileManager.default.fileExists(atPath: samplesFile.path) {
                let existing = try SampleFile.read(samplesFile)
                // The whole suite's ids (a smaller --limit keeps the samples beyond it).
                if let knownIDs, let stranger = existing.first(where: { !knownIDs.contains($0.taskID) }) {
                    throw BenchmarksError.malformed(
                        path: samplesFile.path, line: stranger.line, field: "task_id",
                        detail: "'\(stranger.taskID)' is not a problem of this suite; resume into the folder of its own run")
                }
                for sample in existing { done[sample.taskID, default: 0] += 1 }
                // A problem cut short mid-write is drawn again whole, so its partial lines go.
                if done.values.contains(where: { $0 < n }) {
                    done = done.filter { $0.value >= n }
                    try SampleFile.rewrite(samplesFile, existing.filter { done[$0.taskID] != nil })
                }
            }
        } else {
            for file in [samplesFile, responsesFile] { try? FileManager.default.removeItem(at: file) }
        }
        let samplesOut = try SampleFile.appending(samplesFile)
        let responsesOut = try SampleFile.appending(responsesFile)
        defer {
            try? samplesOut.close()
            try? responsesOut.close()
        }
        // Problems still to draw, taken a few at a time when the source decodes several
        // sequences together (greedy evaluation draws one answer per problem); each problem's
        // lines are still written whole, in suite order.
        let pending = problems.indices.filter { done[problems[$0].id, default: 0] < n }
        let perBatch = max(1, source.preferredBatchSequences / n)
        var finished = problems.count - pending.count
        progress?(finished, problems.count)
        var next = 0
        while next < pending.count {
            let batch = Array(pending[next..<min(pending.count, next + perBatch)])
            next += batch.count
            let requests = batch.map { i -> (prompt: PromptInput, parameters: SamplingParameters) in
                var p = parameters
                p.seed = parameters.seed &+ UInt64(i)
                return (prompt(for: problems[i]), p)
            }
            let answersPerProblem = try await source.complete(batch: requests, n: n)
            guard answersPerProblem.count == batch.count, answersPerProblem.allSatisfy({ $0.count == n }) else {
                throw PolicyError.endpointResponse(
                    url: source.modelName,
                    detail: "answered \(answersPerProblem.map(\.count)) completions for \(batch.count) problems x \(n)")
            }
            for (i, answers) in zip(batch, answersPerProblem) {
                let problem = problems[i]
                var samples = Data(), responses = Data()
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                for answer in answers {
                    let completion = AnswerExtraction.completion(from: answer.text, problem: problem, suite: suite, style: style)
                    samples.append(try encoder.encode(["task_id": problem.id, "completion": completion]))
                    samples.append(0x0A)
                    responses.append(
                        try encoder.encode(ResponseLine(taskID: problem.id, text: answer.text, finishReason: answer.finishReason))
                    )
                    responses.append(0x0A)
                }
                // A problem whose earlier run died after some lines keeps only whole problems.
                try responsesOut.write(contentsOf: responses)
                try responsesOut.synchronize()
                try samplesOut.write(contentsOf: samples)
                try samplesOut.synchronize()
            }
            finished += batch.count
            progress?(finished, problems.count)
        }
        return try SampleFile.read(samplesFile)
    }

    /// The settings an earlier run in `folder` recorded: its generation.json, else (runs from
    /// before that file existed) the `generation` of its summary.json.
    static func recordedSettings(in folder: URL) -> GenerationSettings? {
        let decoder = JSONDecoder()
        if let data = try? Data(contentsOf: folder.appendingPathComponent("generation.json")),
            let settings = try? decoder.decode(GenerationSettings.self, from: data)
        {
            return settings
        }
        struct Summary: Decodable { var generation: GenerationSettings? }
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("summary.json")) else { return nil }
        return (try? decoder.decode(Summary.self, from: data))?.generation
    }

    struct ResponseLine: Encodable {
        var taskID: String
        var text: String
        var finishReason: String

        enum CodingKeys: String, CodingKey {
            case text
            case taskID = "task_id"
            case finishReason = "finish_reason"
        }
    }
}

/// The append-only sample files of a model evaluation.
enum SampleFile {
    static func appending(_ url: URL) throws -> FileHandle {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: url.path) {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw BenchmarksError.unreadable(path: url.path, detail: "cannot create the file")
            }
        }
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        return handle
    }

    /// Cuts a line left without its newline by an interrupted write.
    static func dropPartialLastLine(_ url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path), let last = data.last, last != 0x0A else { return }
        let keep = data.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(keep))
        try handle.close()
    }

    static func rewrite(_ url: URL, _ samples: [Sample]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for s in samples {
            data.append(try encoder.encode(["task_id": s.taskID, "completion": s.completion]))
            data.append(0x0A)
        }
        try AtomicWrite.write(data, to: url)
    }

    static func read(_ url: URL) throws -> [Sample] {
        var samples: [Sample] = []
        for (line, object) in try JSONLines.objects(at: url) {
            samples.append(
                Sample(
                    taskID: try JSONLines.string(object, "task_id", path: url.path, line: line),
                    completion: try JSONLines.string(object, "completion", path: url.path, line: line), line: line))
        }
        return samples
    }
}
