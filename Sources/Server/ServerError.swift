import Foundation
import Hummingbird

/// Why the reward service refused a request. Each case maps to one HTTP status and a JSON body
/// `{"error": {"code", "message"}}`, so a client (or a person reading a trainer's log) sees the
/// reason rather than a bare status line.
public enum ServerError: Error, CustomStringConvertible, Equatable {
    /// The body is not the JSON the route expects (400).
    case malformedRequest(String)
    /// A label or `problem_id` names no loaded problem (400).
    case unknownProblem(index: Int, id: String)
    /// An inline problem fails the problem-file rules (400).
    case invalidProblem(index: Int, detail: String)
    /// `query`, `prompts` and `labels` differ in length (400).
    case mismatchedLengths(String)
    /// The body is larger than the service accepts (413).
    case bodyTooLarge(limit: Int)
    /// One request holds more samples than the whole queue may (413): it could never be admitted.
    case batchTooLarge(samples: Int, limit: Int)
    /// The queue is full; try again later or another server (503).
    case overloaded(queued: Int, limit: Int)
    /// Problems could not be loaded at startup (not an HTTP error: the CLI reports it).
    case problemsUnavailable(String)

    /// The HTTP status this error answers with.
    public var status: HTTPResponse.Status {
        switch self {
        case .malformedRequest, .unknownProblem, .invalidProblem, .mismatchedLengths: return .badRequest
        case .bodyTooLarge, .batchTooLarge: return .contentTooLarge
        case .overloaded: return .serviceUnavailable
        case .problemsUnavailable: return .internalServerError
        }
    }

    /// A stable machine-readable name for the failure.
    public var code: String {
        switch self {
        case .malformedRequest: return "malformed_request"
        case .unknownProblem: return "unknown_problem"
        case .invalidProblem: return "invalid_problem"
        case .mismatchedLengths: return "mismatched_lengths"
        case .bodyTooLarge: return "body_too_large"
        case .batchTooLarge: return "batch_too_large"
        case .overloaded: return "overloaded"
        case .problemsUnavailable: return "problems_unavailable"
        }
    }

    public var description: String {
        switch self {
        case .malformedRequest(let detail): return "malformed request: \(detail)"
        case .unknownProblem(let index, let id): return "sample \(index): no loaded problem has id '\(id)'"
        case .invalidProblem(let index, let detail): return "sample \(index): inline problem: \(detail)"
        case .mismatchedLengths(let detail): return "array lengths differ: \(detail)"
        case .bodyTooLarge(let limit): return "request body exceeds \(limit) bytes"
        case .batchTooLarge(let samples, let limit):
            return "\(samples) samples in one request exceed the queue limit of \(limit); split the batch"
        case .overloaded(let queued, let limit):
            return "overloaded: \(queued) samples queued of \(limit); retry later"
        case .problemsUnavailable(let detail): return "problems: \(detail)"
        }
    }
}

extension ServerError: HTTPResponseError {
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body: [String: Any] = ["error": ["code": code, "message": description]]
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        var headers: HTTPFields = [.contentType: "application/json"]
        // A full queue clears within seconds; the hint keeps well-behaved clients from hammering.
        if case .overloaded = self { headers[.retryAfter] = "1" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
