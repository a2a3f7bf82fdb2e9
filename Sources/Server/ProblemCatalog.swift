import Benchmarks
import Foundation
import Verilog

/// The problems a server judges against, by id, and how a request names one: an id, or the
/// problem itself inline (a JSON object in the project's problem-file row format).
public struct ProblemCatalog: Sendable {
    public let problems: [String: Problem]

    public init(_ problems: [Problem]) throws {
        var byID: [String: Problem] = [:]
        for problem in problems {
            guard byID.updateValue(problem, forKey: problem.id) == nil else {
                throw ServerError.problemsUnavailable(
                    "duplicate problem id '\(problem.id)' across the loaded files and suites; labels must name one problem")
            }
        }
        self.problems = byID
    }

    public var count: Int { problems.count }

    /// The problem an OpenRLHF label names: an id, or (starting with `{`) an inline problem.
    public func resolve(label: String, index: Int) throws -> Problem {
        let trimmed = label.trimmingWhitespace()
        if trimmed.hasPrefix("{") {
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(trimmed.utf8))
            } catch {
                throw ServerError.invalidProblem(index: index, detail: "label starts with '{' but is not valid JSON")
            }
            guard let dict = object as? [String: Any] else {
                throw ServerError.invalidProblem(index: index, detail: "expected a JSON object")
            }
            return try inline(dict, index: index)
        }
        return try lookup(trimmed, index: index)
    }

    /// The loaded problem with this id.
    public func lookup(_ id: String, index: Int) throws -> Problem {
        guard let problem = problems[id] else { throw ServerError.unknownProblem(index: index, id: id) }
        return problem
    }

    /// A problem sent in the request, validated by the same rules as a problem file's row.
    public func inline(_ object: [String: Any], index: Int) throws -> Problem {
        do {
            let problem = try ProblemFile.problem(from: object, path: "request", line: index)
            // The sender's testbench and reference run in the sandbox like a candidate: they may
            // not touch the host's files (the sandbox user can write where "nobody" may).
            let code: [(String, String?)] =
                [("testbench", problem.testbench), ("reference", problem.reference)]
                + problem.auxFiles.filter { $0.key.hasSuffix(".v") || $0.key.hasSuffix(".sv") }
                .sorted { $0.key < $1.key }.map { ("aux_files.\($0.key)", $0.value) }
            for case (let field, let text?) in code {
                if let found = ConstructPolicy.hostAccess(in: text) {
                    throw ServerError.invalidProblem(index: index, detail: "field '\(field)': \(found)")
                }
            }
            return problem
        } catch let error as BenchmarksError {
            if case .malformed(_, _, let field, let detail) = error {
                throw ServerError.invalidProblem(index: index, detail: (field.map { "field '\($0)': " } ?? "") + detail)
            }
            throw ServerError.invalidProblem(index: index, detail: String(describing: error))
        }
    }
}
