import Benchmarks
import Foundation

/// One sample in VerilogEval's own format: `{"task_id", "completion"}`.
public struct Sample: Sendable, Hashable {
    public var taskID: String
    public var completion: String
    /// 1-based line in the sample file.
    public var line: Int

    public init(taskID: String, completion: String, line: Int) {
        self.taskID = taskID
        self.completion = completion
        self.line = line
    }

    /// Reads a samples file; every task id must name a problem of the suite.
    public static func load(_ url: URL, knownIDs: Set<String>) throws -> [Sample] {
        var samples: [Sample] = []
        for (line, object) in try JSONLines.objects(at: url) {
            let id = try JSONLines.string(object, "task_id", path: url.path, line: line)
            let completion = try JSONLines.string(object, "completion", path: url.path, line: line)
            guard knownIDs.contains(id) else {
                throw BenchmarksError.malformed(
                    path: url.path, line: line, field: "task_id",
                    detail: "'\(id)' is not a problem of this suite")
            }
            samples.append(Sample(taskID: id, completion: completion, line: line))
        }
        guard !samples.isEmpty else { throw BenchmarksError.noRows(path: url.path, what: "samples") }
        return samples
    }
}
