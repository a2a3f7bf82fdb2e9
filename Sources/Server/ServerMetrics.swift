import Foundation
import Synchronization

/// Counters behind `GET /metrics`, rendered in Prometheus' text exposition format (version 0.0.4)
/// by hand: a handful of series does not justify a metrics package.
public final class ServerMetrics: Sendable {
    /// Upper bounds (seconds) of the latency histogram: a cache hit answers in milliseconds, a
    /// batch of simulations in seconds, a request at its deadline in minutes.
    public static let latencyBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120]

    private struct Histogram {
        var counts = Array(repeating: 0, count: ServerMetrics.latencyBuckets.count)
        var sum = 0.0
        var count = 0
    }

    private struct RequestKey: Hashable, Comparable {
        var route: String
        var status: Int
        static func < (a: Self, b: Self) -> Bool { (a.route, a.status) < (b.route, b.status) }
    }

    private struct State {
        var requests: [RequestKey: Int] = [:]
        var latency: [String: Histogram] = [:]
        var verdicts: [String: Int] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Counts one answered request and its latency.
    public func recordRequest(route: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests[RequestKey(route: route, status: status), default: 0] += 1
            var histogram = state.latency[route] ?? Histogram()
            // Buckets are stored non-cumulative; rendering adds them up as Prometheus expects.
            if let bucket = Self.latencyBuckets.firstIndex(where: { seconds <= $0 }) { histogram.counts[bucket] += 1 }
            histogram.sum += seconds
            histogram.count += 1
            state.latency[route] = histogram
        }
    }

    /// Counts the verdict class of each scored (or expired) sample.
    public func recordVerdicts(_ classes: [String]) {
        state.withLock { state in
            for name in classes { state.verdicts[name, default: 0] += 1 }
        }
    }

    /// The exposition text; `queueDepth` and the limits are read from the pool at scrape time.
    public func render(queueDepth: Int, maxQueue: Int, workers: Int) -> String {
        let snapshot = state.withLock { $0 }
        var out = ""
        out += "# HELP verireason_requests_total HTTP requests answered, by route and status.\n"
        out += "# TYPE verireason_requests_total counter\n"
        for (key, value) in snapshot.requests.sorted(by: { $0.key < $1.key }) {
            out += "verireason_requests_total{route=\"\(key.route)\",status=\"\(key.status)\"} \(value)\n"
        }
        out += "# HELP verireason_request_duration_seconds Time from request to answer, by route.\n"
        out += "# TYPE verireason_request_duration_seconds histogram\n"
        for (route, histogram) in snapshot.latency.sorted(by: { $0.key < $1.key }) {
            var cumulative = 0
            for (bound, count) in zip(Self.latencyBuckets, histogram.counts) {
                cumulative += count
                out += "verireason_request_duration_seconds_bucket{route=\"\(route)\",le=\"\(bound)\"} \(cumulative)\n"
            }
            out += "verireason_request_duration_seconds_bucket{route=\"\(route)\",le=\"+Inf\"} \(histogram.count)\n"
            out += "verireason_request_duration_seconds_sum{route=\"\(route)\"} \(histogram.sum)\n"
            out += "verireason_request_duration_seconds_count{route=\"\(route)\"} \(histogram.count)\n"
        }
        out += "# HELP verireason_verdicts_total Scored samples by verdict class.\n"
        out += "# TYPE verireason_verdicts_total counter\n"
        for (name, value) in snapshot.verdicts.sorted(by: { $0.key < $1.key }) {
            out += "verireason_verdicts_total{class=\"\(name)\"} \(value)\n"
        }
        out += "# HELP verireason_queue_depth Samples queued or being scored.\n"
        out += "# TYPE verireason_queue_depth gauge\n"
        out += "verireason_queue_depth \(queueDepth)\n"
        out += "# HELP verireason_queue_limit Samples allowed in the queue (--max-queue).\n"
        out += "# TYPE verireason_queue_limit gauge\n"
        out += "verireason_queue_limit \(maxQueue)\n"
        out += "# HELP verireason_workers Parallel simulations (--workers).\n"
        out += "# TYPE verireason_workers gauge\n"
        out += "verireason_workers \(workers)\n"
        return out
    }
}
