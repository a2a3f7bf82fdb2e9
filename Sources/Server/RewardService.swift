// Server: the reward HTTP service. OpenRLHF's remote reward contract (`POST /get_reward`), the
// project's own `POST /v1/score`, `GET /health` and Prometheus `GET /metrics`, in front of the
// Rewards scorer. Stateless apart from the verdict cache, so several servers scale out behind an
// engine's list of reward URLs. Knows nothing of training.
import Benchmarks
import Foundation
import Rewards

/// What a server needs to answer requests: the problems, the scoring pool and its limits. The
/// HTTP layer (`RewardServer`) only moves bytes in and out of it, so it is tested without sockets.
public struct RewardService: Sendable {
    public let catalog: ProblemCatalog
    public let pool: ScoringPool
    public let metrics: ServerMetrics
    public let weights: RewardWeights
    /// Seconds a request may wait for its samples; those not scored by then are answered as
    /// `deadline` with reward 0, so a trainer never waits past its own 180 s client timeout.
    public let deadline: Double
    /// Largest request body accepted, in bytes.
    public let maxBodyBytes: Int

    public init(
        catalog: ProblemCatalog, scorer: Scorer, maxQueue: Int = 256, deadline: Double = 120,
        maxBodyBytes: Int = 64 << 20, metrics: ServerMetrics = ServerMetrics()
    ) {
        self.init(
            catalog: catalog, pool: ScoringPool(scorer: scorer, maxQueue: maxQueue), weights: scorer.weights,
            deadline: deadline, maxBodyBytes: maxBodyBytes, metrics: metrics)
    }

    /// A service around an existing pool (whose scoring function must use `weights`).
    public init(
        catalog: ProblemCatalog, pool: ScoringPool, weights: RewardWeights, deadline: Double = 120,
        maxBodyBytes: Int = 64 << 20, metrics: ServerMetrics = ServerMetrics()
    ) {
        self.catalog = catalog
        self.pool = pool
        self.metrics = metrics
        self.weights = weights
        self.deadline = deadline
        self.maxBodyBytes = maxBodyBytes
    }

    /// Stops the worker threads (tests; the CLI simply exits).
    public func shutdown() { pool.shutdown() }

    /// Scores samples through the pool and counts their verdict classes.
    func score(_ samples: [(problem: Problem, completion: String)]) async throws -> [SampleOutcome] {
        let outcomes = try await pool.score(samples, deadline: deadline)
        metrics.recordVerdicts(outcomes.map(\.className))
        return outcomes
    }

    /// `GET /health`: enough for a load balancer and for a person checking what is loaded.
    public func health() throws -> Data {
        let body: [String: Any] = [
            "status": "ok", "problems": catalog.count, "workers": pool.workers, "queue_depth": pool.depth,
            "max_queue": pool.maxQueue, "deadline_seconds": deadline,
        ]
        return try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
    }

    /// `GET /metrics` text.
    public func metricsText() -> String {
        metrics.render(queueDepth: pool.depth, maxQueue: pool.maxQueue, workers: pool.workers)
    }
}

extension SampleOutcome {
    /// The verdict class name, or `deadline` for a sample never scored.
    public var className: String {
        switch self {
        case .scored(let breakdown): return breakdown.verdict.verdictClass.rawValue
        case .expired: return "deadline"
        }
    }

    /// A number for the class, since OpenRLHF's `extra_logs` carry floats only: the index in
    /// `VerdictClass.allCases` (pass 0, no_code 1, forbidden 2, syntax_error 3, compile_error 4,
    /// timeout 5, mismatch 6, runtime_error 7, checker_error 8), and 9 for `deadline`.
    public var failureCode: Int {
        switch self {
        case .scored(let breakdown): return VerdictClass.allCases.firstIndex(of: breakdown.verdict.verdictClass) ?? 0
        case .expired: return VerdictClass.allCases.count
        }
    }
}

/// Request bodies are read with JSONSerialization because inline problems reuse the problem-file
/// reader, which works on decoded objects; these helpers give its errors a field name.
enum RequestJSON {
    static func object(_ data: Data) throws -> [String: Any] {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ServerError.malformedRequest("body is not valid JSON")
        }
        guard let object = parsed as? [String: Any] else { throw ServerError.malformedRequest("body must be a JSON object") }
        return object
    }

    static func strings(_ object: [String: Any], _ field: String) throws -> [String]? {
        guard let value = object[field], !(value is NSNull) else { return nil }
        guard let array = value as? [Any] else { throw ServerError.malformedRequest("'\(field)' must be an array of strings") }
        return try array.enumerated().map { i, element in
            guard let s = element as? String else {
                throw ServerError.malformedRequest("'\(field)[\(i)]' must be a string")
            }
            return s
        }
    }

    static func encode(_ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [])
    }
}
