/// Keys and values of one sequence for every layer, grown as tokens arrive.
/// Layout: (L, T, KVD) for keys and for values, T being the capacity, in f16 as in llama.cpp's
/// default cache type: decoding a group reads every cache at every step, and half the bytes is
/// half the time.
///
/// A class over manually allocated memory: the forward pass reads it through raw pointers from
/// several threads, and a group's caches are copied from one shared prompt.
final class KVCache {
    let layers: Int
    let kvDim: Int
    private(set) var capacity: Int
    private(set) var keys: UnsafeMutablePointer<Float16>
    private(set) var values: UnsafeMutablePointer<Float16>
    /// Tokens stored so far.
    var count = 0

    init(layers: Int, kvDim: Int, capacity: Int) {
        self.layers = layers
        self.kvDim = kvDim
        self.capacity = max(1, capacity)
        let size = layers * self.capacity * kvDim
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: 0, count: size)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    /// A copy holding the same prefix (a shared prompt forked into a group of completions).
    func copy(reserving extra: Int = 0) -> KVCache {
        let c = KVCache(layers: layers, kvDim: kvDim, capacity: max(capacity, count + extra))
        c.copyPrefix(from: self)
        c.count = count
        return c
    }

    /// Makes room for positions up to `needed` - 1.
    func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let grown = KVCache(layers: layers, kvDim: kvDim, capacity: newCapacity)
        grown.copyPrefix(from: self)
        swap(&keys, &grown.keys)
        swap(&values, &grown.values)
        capacity = newCapacity
        // `grown` now owns the old buffers and frees them.
        grown.capacity = 0
    }

    private func copyPrefix(from other: KVCache) {
        for l in 0..<layers {
            let src = l * other.capacity * kvDim
            let dst = l * capacity * kvDim
            (keys + dst).update(from: other.keys + src, count: other.count * kvDim)
            (values + dst).update(from: other.values + src, count: other.count * kvDim)
        }
    }

    @inline(__always) func offset(layer: Int, position: Int) -> Int { (layer * capacity + position) * kvDim }
}
