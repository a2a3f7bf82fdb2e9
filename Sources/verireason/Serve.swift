import ArgumentParser
import Benchmarks
import Foundation
import Hummingbird
import Rewards
import Server
import Verilog

extension VeriReason {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve rewards over HTTP for OpenRLHF, verl and TRL (POST /get_reward, POST /v1/score).",
            discussion:
                "Prints the listening address on stderr ('--port 0' picks a free port). Routes: POST /get_reward (OpenRLHF's remote reward contract), POST /v1/score (full reward breakdowns), GET /health, GET /metrics (Prometheus text)."
        )

        @Option(help: "Address to listen on (loopback by default; the service has no authentication).")
        var host: String = "127.0.0.1"

        @Option(help: "Port to listen on; 0 picks a free one.")
        var port: Int = 8000

        @Option(help: "Problems in the project's JSONL format; repeat for several files.")
        var problems: [String] = []

        @Option(help: "A VerilogEval suite to serve; repeatable.")
        var suite: [ServedSuite] = []

        @OptionGroup var dataset: VerilogEvalOptions

        @Option(help: "Samples allowed queued or running at once; more answer 503 at once.")
        var maxQueue: Int = 256

        @Option(help: "Seconds a request may wait; samples not scored by then get reward 0 (class 'deadline').")
        var deadline: Double = 120

        @OptionGroup var rewards: RewardOptions
        @OptionGroup var sandbox: SandboxOptions

        func validate() throws {
            guard !problems.isEmpty || !suite.isEmpty else {
                throw ValidationError("give --problems FILE and/or --suite NAME")
            }
            guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535") }
            guard maxQueue >= 1 else { throw ValidationError("--max-queue must be at least 1") }
            guard deadline > 0 else { throw ValidationError("--deadline must be positive") }
        }

        func run() async throws {
            var loaded: [Problem] = []
            for file in problems { loaded += try ProblemFile.load(URL(fileURLWithPath: file)) }
            for name in suite {
                loaded += try VerilogEval.load(name.suite, datasetDir: try dataset.resolve())
            }
            let catalog = try ProblemCatalog(loaded)
            let toolchain = Toolchain()
            _ = try toolchain.path(.iverilog)
            let scorer = Scorer(
                toolchain: toolchain, weights: try rewards.weights(), checker: rewards.checker,
                limits: sandbox.limits, workers: sandbox.workers)
            let service = RewardService(catalog: catalog, scorer: scorer, maxQueue: maxQueue, deadline: deadline)
            let host = self.host
            let summary = "\(catalog.count) problems, \(scorer.workers) workers, queue \(maxQueue), deadline \(deadline) s"
            let app = RewardServer.application(service, host: host, port: port) { bound in
                FileHandle.standardError.write(Data("verireason serve: listening on http://\(host):\(bound) (\(summary))\n".utf8))
            }
            try await app.runService()
        }
    }
}

/// The VerilogEval suites `serve` loads (a JSONL problem set is `--problems`, so it is not among
/// them, and the help lists only what is accepted).
enum ServedSuite: String, CaseIterable, ExpressibleByArgument {
    case v1Human = "v1-human"
    case v1Machine = "v1-machine"
    case v2SpecToRTL = "v2-spec-to-rtl"
    case v2CodeComplete = "v2-code-complete"

    var suite: SuiteName { SuiteName(rawValue: rawValue)! }
}
