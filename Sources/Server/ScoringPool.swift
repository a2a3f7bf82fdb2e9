import Benchmarks
import Dispatch
import Foundation
import Rewards
import Synchronization

/// One sample's result: scored, or still waiting when its request's deadline passed.
public enum SampleOutcome: Sendable {
    case scored(RewardBreakdown)
    case expired
}

/// A fixed set of worker threads in front of the `Scorer`, fed by a bounded FIFO of samples.
///
/// Why not `Scorer.score([...])` per request: it blocks its caller and starts `workers` threads of
/// its own, so 200 concurrent requests would run 200 x workers simulations on two cores. Here the
/// whole server shares `workers` threads (sized to the cores), simulations block those threads and
/// never Hummingbird's event loops, and a request that would overflow the queue is refused at once.
public final class ScoringPool: Sendable {
    /// Samples queued or running, across all requests.
    public var depth: Int { state.withLock { $0.admitted } }
    /// Samples allowed in the pool at once.
    public let maxQueue: Int
    /// Worker threads, each running one simulation at a time.
    public let workers: Int

    private struct Job: Sendable {
        var batch: Batch
        var index: Int
        var problem: Problem
        var completion: String
    }

    private struct State {
        var jobs: [Job] = []
        var head = 0
        var admitted = 0
        var stopped = false
    }

    private let scoreSample: @Sendable (ScoreRequest) -> RewardBreakdown
    private let state = Mutex(State())
    /// Counts jobs waiting in `state.jobs`, so idle workers sleep instead of spinning.
    private let available = DispatchSemaphore(value: 0)

    public convenience init(scorer: Scorer, maxQueue: Int) {
        self.init(workers: scorer.workers, maxQueue: maxQueue) { scorer.score($0) }
    }

    /// A pool around any scoring function: tests hold a worker inside `score` to fill the queue
    /// deterministically instead of relying on a simulation being slow enough.
    public init(workers: Int, maxQueue: Int, score: @escaping @Sendable (ScoreRequest) -> RewardBreakdown) {
        self.scoreSample = score
        self.maxQueue = max(1, maxQueue)
        self.workers = max(1, workers)
        for n in 0..<self.workers {
            let thread = Thread { [self] in self.work() }
            thread.name = "verireason-scorer-\(n)"
            thread.start()
        }
    }

    /// Scores the samples in input order. Throws `ServerError.overloaded` at once when they do not
    /// fit in the queue; samples not started when `deadline` seconds pass come back `.expired`.
    public func score(_ samples: [(problem: Problem, completion: String)], deadline: Double) async throws
        -> [SampleOutcome]
    {
        guard !samples.isEmpty else { return [] }
        guard samples.count <= maxQueue else { throw ServerError.batchTooLarge(samples: samples.count, limit: maxQueue) }
        try state.withLock { state in
            guard !state.stopped, state.admitted + samples.count <= maxQueue else {
                throw ServerError.overloaded(queued: state.admitted, limit: maxQueue)
            }
            state.admitted += samples.count
        }
        let batch = Batch(count: samples.count)
        return await withCheckedContinuation { continuation in
            batch.start(continuation)
            state.withLock { state in
                for (i, sample) in samples.enumerated() {
                    state.jobs.append(Job(batch: batch, index: i, problem: sample.problem, completion: sample.completion))
                }
            }
            for _ in samples { available.signal() }
            DispatchQueue.global().asyncAfter(deadline: .now() + deadline) { batch.expire() }
        }
    }

    /// Lets the workers finish their current sample and exit; later requests are refused.
    public func shutdown() {
        state.withLock { $0.stopped = true }
        for _ in 0..<workers { available.signal() }
    }

    private func work() {
        while true {
            available.wait()
            let next: Job? = state.withLock { state in
                guard !state.stopped, state.head < state.jobs.count else { return nil }
                let job = state.jobs[state.head]
                state.head += 1
                // Compact now and then so the array does not grow with the server's lifetime.
                if state.head > 1024, state.head * 2 > state.jobs.count {
                    state.jobs.removeFirst(state.head)
                    state.head = 0
                }
                return job
            }
            guard let job = next else {
                if state.withLock({ $0.stopped }) { return }
                continue
            }
            // A request past its deadline has already answered: skip its remaining samples.
            // The slot is freed before the answer can go out, so a client that reads /metrics right
            // after its answer never sees its own sample still queued.
            if !job.batch.isFinished {
                let breakdown = scoreSample(ScoreRequest(problem: job.problem, completion: job.completion))
                state.withLock { $0.admitted -= 1 }
                job.batch.complete(job.index, with: breakdown)
            } else {
                state.withLock { $0.admitted -= 1 }
            }
        }
    }
}

/// The results of one request, resumed exactly once: when the last sample is scored or when the
/// deadline passes, whichever comes first.
final class Batch: Sendable {
    private struct State {
        var results: [RewardBreakdown?]
        var remaining: Int
        var continuation: CheckedContinuation<[SampleOutcome], Never>?
        var finished = false
    }

    private let state: Mutex<State>

    init(count: Int) {
        state = Mutex(State(results: Array(repeating: nil, count: count), remaining: count))
    }

    var isFinished: Bool { state.withLock { $0.finished } }

    func start(_ continuation: CheckedContinuation<[SampleOutcome], Never>) {
        state.withLock { $0.continuation = continuation }
    }

    func complete(_ index: Int, with breakdown: RewardBreakdown) {
        let resume = state.withLock { state -> (CheckedContinuation<[SampleOutcome], Never>, [SampleOutcome])? in
            guard !state.finished else { return nil }
            state.results[index] = breakdown
            state.remaining -= 1
            guard state.remaining == 0 else { return nil }
            return Self.finish(&state)
        }
        if let (continuation, outcomes) = resume { continuation.resume(returning: outcomes) }
    }

    func expire() {
        let resume = state.withLock { state in state.finished ? nil : Self.finish(&state) }
        if let (continuation, outcomes) = resume { continuation.resume(returning: outcomes) }
    }

    private static func finish(_ state: inout State) -> (CheckedContinuation<[SampleOutcome], Never>, [SampleOutcome])? {
        state.finished = true
        guard let continuation = state.continuation else { return nil }
        state.continuation = nil
        return (continuation, state.results.map { $0.map(SampleOutcome.scored) ?? .expired })
    }
}
