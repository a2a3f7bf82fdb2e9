import Benchmarks
import Foundation
import Hummingbird
import HummingbirdTesting
import Rewards
import Server
import TestSupport
import Verilog

/// Services, completions and request helpers shared by the server suites.
enum ServerFixtures {
    /// Completions for `counter4` from datasets/example-completions.jsonl: a correct one, a wrong
    /// one (counts down), one that does not compile, and one that zeroes the testbench's error
    /// counter through a hierarchical name (refused as `forbidden`).
    static func counterCompletions() throws -> (correct: String, wrong: String, broken: String, forging: String) {
        let rows = try String(contentsOf: Fixtures.exampleCompletions, encoding: .utf8).split(separator: "\n")
        let texts = try rows.prefix(5).map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["completion"] as? String ?? ""
        }
        return (texts[0], texts[1], texts[2], texts[4])
    }

    /// A service over datasets/examples.jsonl.
    static func service(maxQueue: Int = 256, deadline: Double = 60, wallSeconds: Double = 30) throws -> RewardService {
        var limits = SandboxLimits.simulation
        limits.wallSeconds = wallSeconds
        limits.cpuSeconds = max(1, Int(wallSeconds.rounded(.up)))
        let scorer = Scorer(toolchain: Fixtures.toolchain, limits: limits)
        let catalog = try ProblemCatalog(ProblemFile.load(Fixtures.examples))
        return RewardService(catalog: catalog, scorer: scorer, maxQueue: maxQueue, deadline: deadline)
    }

    /// Runs `body` against the in-process router (no socket), then stops the workers.
    static func withServer<Value: Sendable>(
        _ service: RewardService, _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        defer { service.shutdown() }
        let app = Application(router: RewardServer.router(service))
        return try await app.test(.router) { client in try await body(client) }
    }

    /// ChatML text as OpenRLHF renders prompt + response for a Qwen-style policy.
    static func chatML(prompt: String, response: String) -> (prompt: String, query: String) {
        let rendered =
            "<|im_start|>system\nYou write Verilog.<|im_end|>\n<|im_start|>user\n\(prompt)<|im_end|>\n<|im_start|>assistant\n"
        return (rendered, rendered + response + "<|im_end|>\n<|endoftext|>")
    }

    static func body(_ object: Any) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object))
    }

    static func object(_ response: TestResponse) throws -> [String: Any] {
        let data = Data(response.body.readableBytesView)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }
}
