import Synchronization

/// A dictionary shared by worker threads. Values are computed outside the lock, so two threads
/// may compute the same entry once each; both results are equal, and the first one stays.
public final class LockedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let storage = Mutex<[Key: Value]>([:])

    public init() {}

    public subscript(key: Key) -> Value? {
        storage.withLock { $0[key] }
    }

    public func value(for key: Key, compute: () throws -> Value) rethrows -> Value {
        if let hit = self[key] { return hit }
        let value = try compute()
        return storage.withLock { dict in
            if let existing = dict[key] { return existing }
            dict[key] = value
            return value
        }
    }

    public var count: Int { storage.withLock { $0.count } }
}
