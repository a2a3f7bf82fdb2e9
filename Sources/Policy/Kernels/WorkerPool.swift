import Foundation
import Synchronization

/// Threads that run the parts of one kernel call, for the lifetime of a model.
///
/// Decoding a token makes about 150 parallel calls of a few tens of microseconds each; waking
/// threads through the kernel for each of them (as `DispatchQueue.concurrentPerform` does) costs
/// a large share of that. Workers here spin for a short while after each call, so that the next
/// one finds them awake, and sleep on a semaphore when the model is idle.
///
/// Parts are claimed, not assigned: the caller and the workers take part indices from one
/// counter, so when the workers are not running (more busy threads than cores, as in a test run
/// or beside simulations) the caller does every part itself instead of waiting for a thread the
/// scheduler has parked.
final class WorkerPool: @unchecked Sendable {
    /// Parts per call: the caller's thread plus the workers.
    let width: Int
    /// Call number (high bits) and next unclaimed part (low 16 bits).
    private let state = Atomic<UInt64>(0)
    private let completed = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let busy = Atomic<Bool>(false)
    private let workers: [Worker]
    // Written by the caller before `state` announces a call (release), read by workers only after
    // they claim a part of that call (acquire); the caller clears it only after every claimed
    // part has completed.
    private var job: ((Int) -> Void)?
    private var parts = 0

    private final class Worker: @unchecked Sendable {
        let sleeping = Atomic<Bool>(false)
        let wake = DispatchSemaphore(value: 0)
    }

    init(threads: Int) {
        width = max(1, min(threads, 64))
        workers = (1..<width).map { _ in Worker() }
        for (i, worker) in workers.enumerated() {
            let thread = Thread { [self] in loop(worker: worker) }
            thread.name = "verireason-kernel-\(i + 1)"
            thread.start()
        }
    }

    /// Stops the workers (they exit after their current spin or sleep).
    func shutdown() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        state.add(1 << 16, ordering: .sequentiallyConsistent)
        for worker in workers { worker.wake.signal() }
    }

    /// Runs body(p) for p in 0..<parts (at most `width`), on the calling thread and the workers,
    /// and returns when all are done. A call made while another is running (two forward passes
    /// of one model on two threads) runs its parts one after another on its own thread.
    func run(parts requested: Int, _ body: (Int) -> Void) {
        let parts = min(requested, width)
        guard parts > 1, busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            for p in 0..<max(1, requested) { body(p) }
            return
        }
        defer { busy.store(false, ordering: .releasing) }
        withoutActuallyEscaping(body) { escapable in
            job = escapable
            self.parts = parts
            completed.store(0, ordering: .relaxed)
            let call = (state.load(ordering: .relaxed) >> 16) &+ 1
            state.store(call << 16, ordering: .sequentiallyConsistent)
            for worker in workers where worker.sleeping.exchange(false, ordering: .sequentiallyConsistent) {
                worker.wake.signal()
            }
            work(call: call)
            var spins = 0
            while completed.load(ordering: .acquiring) < parts {
                spins += 1
                if spins > 1000 { sched_yield() }
            }
            job = nil
        }
    }

    /// Claims and runs parts of call `call` until none are left.
    private func work(call: UInt64) {
        var current = state.load(ordering: .acquiring)
        while current >> 16 == call, Int(current & 0xFFFF) < parts {
            let (exchanged, found) = state.compareExchange(
                expected: current, desired: current + 1, ordering: .acquiringAndReleasing)
            if exchanged {
                job?(Int(current & 0xFFFF))
                completed.add(1, ordering: .releasing)
                current = current + 1
            } else {
                current = found
            }
        }
    }

    private func loop(worker: Worker) {
        var seen = state.load(ordering: .acquiring) >> 16
        while true {
            var spins = 0
            var call = state.load(ordering: .acquiring) >> 16
            while call == seen {
                spins += 1
                if spins > 20_000 {
                    // Idle: announce sleep, then re-check so that a call made meanwhile is not missed.
                    worker.sleeping.store(true, ordering: .sequentiallyConsistent)
                    if state.load(ordering: .sequentiallyConsistent) >> 16 == seen {
                        worker.wake.wait()
                    }
                    worker.sleeping.store(false, ordering: .sequentiallyConsistent)
                    spins = 0
                }
                call = state.load(ordering: .acquiring) >> 16
            }
            seen = call
            if stopping.load(ordering: .sequentiallyConsistent) { return }
            work(call: call)
        }
    }
}
