import Foundation

/// A dictionary shared by worker threads that computes each value once: a thread that asks for
/// a key another thread is computing waits for that result instead of repeating the work (a
/// batch often holds the same answer, or the same problem's reference run, several times).
public final class LockedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    // Guarded by `condition`.
    private var values: [Key: Value] = [:]
    private var inFlight: Set<Key> = []
    private let condition = NSCondition()

    public init() {}

    public subscript(key: Key) -> Value? {
        condition.lock()
        defer { condition.unlock() }
        return values[key]
    }

    public func value(for key: Key, compute: () throws -> Value) rethrows -> Value {
        condition.lock()
        while true {
            if let hit = values[key] {
                condition.unlock()
                return hit
            }
            if !inFlight.contains(key) { break }
            condition.wait()
        }
        inFlight.insert(key)
        condition.unlock()

        let result: Value
        do {
            result = try compute()
        } catch {
            condition.lock()
            inFlight.remove(key)
            condition.broadcast()
            condition.unlock()
            throw error
        }
        condition.lock()
        values[key] = result
        inFlight.remove(key)
        condition.broadcast()
        condition.unlock()
        return result
    }

    public var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return values.count
    }
}
