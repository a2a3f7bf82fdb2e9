import Benchmarks
import Foundation
import Hummingbird
import HummingbirdTesting
import Rewards
import Server
import TestSupport
import Testing

@Suite("Malformed requests, overload and the deadline")
struct LimitsTests {
    func expectError(
        _ client: some TestClientProtocol, uri: String, body: ByteBuffer, status: HTTPResponse.Status, code: String
    ) async throws {
        try await client.execute(uri: uri, method: .post, body: body) { response in
            #expect(response.status == status)
            let error = try ServerFixtures.object(response)["error"] as? [String: Any]
            #expect(error?["code"] as? String == code, "\(String(describing: error))")
            #expect((error?["message"] as? String)?.isEmpty == false)
        }
    }

    @Test("400 with the reason: bad JSON, unknown id, mismatched lengths, missing labels, bad inline problem")
    func badRequests() async throws {
        try await ServerFixtures.withServer(try ServerFixtures.service()) { client in
            try await expectError(
                client, uri: "/get_reward", body: ByteBuffer(string: "{not json"), status: .badRequest,
                code: "malformed_request")
            try await expectError(
                client, uri: "/get_reward", body: try ServerFixtures.body(["query": ["x"], "labels": ["nope"]]),
                status: .badRequest, code: "unknown_problem")
            try await expectError(
                client, uri: "/get_reward",
                body: try ServerFixtures.body(["query": ["x", "y"], "labels": ["counter4"]]), status: .badRequest,
                code: "mismatched_lengths")
            try await expectError(
                client, uri: "/get_reward",
                body: try ServerFixtures.body(["query": ["x"], "prompts": ["a", "b"], "labels": ["counter4"]]),
                status: .badRequest, code: "mismatched_lengths")
            try await expectError(
                client, uri: "/get_reward", body: try ServerFixtures.body(["query": ["x"]]), status: .badRequest,
                code: "malformed_request")
            try await expectError(
                client, uri: "/get_reward", body: try ServerFixtures.body(["query": ["x"], "labels": ["{\"id\": \"a\"}"]]),
                status: .badRequest, code: "invalid_problem")
            try await expectError(
                client, uri: "/v1/score", body: try ServerFixtures.body(["items": [["problem_id": "mux4"]]]),
                status: .badRequest, code: "malformed_request")
            try await expectError(
                client, uri: "/v1/score",
                body: try ServerFixtures.body(["items": [["problem_id": "ghost", "completion": "x"]]]),
                status: .badRequest, code: "unknown_problem")
        }
    }

    @Test("a sample without code scores 0 with its class and does not fail the batch")
    func badSampleInBatch() async throws {
        let c = try ServerFixtures.counterCompletions()
        let body = try ServerFixtures.body(["query": ["no verilog here", c.correct], "labels": ["counter4", "counter4"]])
        try await ServerFixtures.withServer(try ServerFixtures.service()) { client in
            try await client.execute(uri: "/get_reward", method: .post, body: body) { response in
                #expect(response.status == .ok)
                let object = try ServerFixtures.object(response)
                #expect(object["rewards"] as? [Double] == [0, 2.1])
                #expect((object["extra_logs"] as? [String: [Double]])?["failure_class"] == [1, 0])
            }
        }
    }

    @Test("past the deadline a sample scores 0 as 'deadline'; with the queue full, 503 at once; too big a batch, 413")
    func overload() async throws {
        // The only worker holds its sample until the test opens the gate, so the queue stays full
        // for exactly as long as the test needs, however slow the machine.
        let gate = DispatchSemaphore(value: 0)
        let scorer = Scorer(toolchain: Fixtures.toolchain)
        let pool = ScoringPool(workers: 1, maxQueue: 1) { request in
            gate.wait()
            return scorer.score(request)
        }
        let service = RewardService(
            catalog: try ProblemCatalog(ProblemFile.load(Fixtures.examples)), pool: pool, weights: scorer.weights,
            deadline: 0.3)
        defer { gate.signal() }
        try await ServerFixtures.withServer(service) { client in
            let c = try ServerFixtures.counterCompletions()
            let held = try ServerFixtures.body(["items": [["problem_id": "counter4", "completion": c.correct]]])
            try await client.execute(uri: "/v1/score", method: .post, body: held) { response in
                #expect(response.status == .ok)
                let results = try ServerFixtures.object(response)["results"] as? [[String: Any]]
                #expect(results?.first?["result"] as? String == "deadline")
                #expect(results?.first?["failure_code"] as? Int == 9)
                #expect(results?.first?["reward"] as? Double == 0)
            }
            // The held sample still occupies the only queue slot.
            #expect(service.pool.depth == 1)
            // The gate is still shut, so an answer at all proves the 503 did not wait for the queue.
            try await expectError(
                client, uri: "/get_reward", body: try ServerFixtures.body(["query": ["x"], "labels": ["counter4"]]),
                status: .serviceUnavailable, code: "overloaded")
            try await expectError(
                client, uri: "/get_reward",
                body: try ServerFixtures.body(["query": ["x", "y"], "labels": ["counter4", "counter4"]]),
                status: .contentTooLarge, code: "batch_too_large")
            // Once the worker lets go, the slot frees and the same request is scored.
            gate.signal()
            try await waitUntil { service.pool.depth == 0 }
            try await client.execute(
                uri: "/get_reward", method: .post,
                body: try ServerFixtures.body(["query": [c.correct], "labels": ["counter4"]])
            ) { response in
                #expect(response.status == .ok)
            }
        }
    }

    /// Polls `condition` for up to a minute (a loaded test run can be slow, never wrong).
    private func waitUntil(_ condition: () -> Bool) async throws {
        let limit = ContinuousClock.now + .seconds(60)
        while !condition() {
            guard ContinuousClock.now < limit else {
                Issue.record("condition not met within 60 s")
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

@Suite("GET /health and GET /metrics")
struct HealthMetricsTests {
    @Test("health reports the loaded problems; metrics counts requests, latency, verdicts and the queue")
    func healthAndMetrics() async throws {
        let c = try ServerFixtures.counterCompletions()
        try await ServerFixtures.withServer(try ServerFixtures.service()) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let object = try ServerFixtures.object(response)
                #expect(object["status"] as? String == "ok")
                #expect(object["problems"] as? Int == 4)
            }
            let body = try ServerFixtures.body(["query": [c.correct], "labels": ["counter4"]])
            try await client.execute(uri: "/get_reward", method: .post, body: body) { #expect($0.status == .ok) }
            try await client.execute(uri: "/get_reward", method: .post, body: ByteBuffer(string: "[")) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                let text = String(buffer: response.body)
                for line in [
                    "verireason_requests_total{route=\"/get_reward\",status=\"200\"} 1",
                    "verireason_requests_total{route=\"/get_reward\",status=\"400\"} 1",
                    "verireason_request_duration_seconds_count{route=\"/get_reward\"} 2",
                    "verireason_request_duration_seconds_bucket{route=\"/get_reward\",le=\"+Inf\"} 2",
                    "verireason_verdicts_total{class=\"pass\"} 1",
                    "verireason_queue_depth 0",
                    "# TYPE verireason_request_duration_seconds histogram",
                ] {
                    #expect(text.contains(line), "missing: \(line)\n\(text)")
                }
            }
        }
    }
}
