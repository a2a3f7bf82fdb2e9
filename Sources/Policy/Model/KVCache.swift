/// Keys and values of one sequence for every layer, grown as tokens arrive.
/// Layout: (L, T, KVD) for keys and for values, T being the capacity, in f16 as in llama.cpp's
/// default cache type: decoding a group reads every cache at every step, and half the bytes is
/// half the time.
///
/// The completions of a group share their prompt's cache as a read-only prefix instead of
/// copying it: each step then reads the prompt's keys and values once for the whole group
/// (they stay in cache between rows) rather than once per completion.
///
/// A class over manually allocated memory: the forward pass reads it through raw pointers from
/// several threads.
final class KVCache {
    let layers: Int
    let kvDim: Int
    /// Positions held in this cache's own buffers.
    private(set) var capacity: Int
    private(set) var keys: UnsafeMutablePointer<Float16>
    private(set) var values: UnsafeMutablePointer<Float16>
    /// The cache of positions 0..<prefixCount, shared and never written through this one.
    let prefix: KVCache?
    let prefixCount: Int
    /// Tokens stored so far, the prefix's included.
    var count = 0

    init(layers: Int, kvDim: Int, capacity: Int) {
        self.layers = layers
        self.kvDim = kvDim
        self.capacity = max(1, capacity)
        prefix = nil
        prefixCount = 0
        (keys, values) = Self.allocate(layers * self.capacity * kvDim)
    }

    /// A cache that continues `prompt` (a shared prompt forked into a group of completions) with
    /// room for `extra` positions of its own. `prompt` must not change while this one is used.
    init(continuing prompt: KVCache, reserving extra: Int) {
        precondition(prompt.prefix == nil, "a prefix is one cache's positions, not a chain")
        layers = prompt.layers
        kvDim = prompt.kvDim
        capacity = max(1, extra)
        prefix = prompt
        prefixCount = prompt.count
        count = prompt.count
        (keys, values) = Self.allocate(layers * capacity * kvDim)
    }

    private static func allocate(_ size: Int) -> (UnsafeMutablePointer<Float16>, UnsafeMutablePointer<Float16>) {
        let keys = UnsafeMutablePointer<Float16>.allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        let values = UnsafeMutablePointer<Float16>.allocate(capacity: size)
        values.initialize(repeating: 0, count: size)
        return (keys, values)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    /// Makes room for positions up to `needed` - 1.
    func reserve(_ needed: Int) {
        let own = needed - prefixCount
        guard own > capacity else { return }
        var newCapacity = capacity
        while newCapacity < own { newCapacity *= 2 }
        let (newKeys, newValues) = Self.allocate(layers * newCapacity * kvDim)
        let stored = count - prefixCount
        for l in 0..<layers {
            (newKeys + l * newCapacity * kvDim).update(from: keys + l * capacity * kvDim, count: stored * kvDim)
            (newValues + l * newCapacity * kvDim).update(from: values + l * capacity * kvDim, count: stored * kvDim)
        }
        keys.deallocate()
        values.deallocate()
        (keys, values) = (newKeys, newValues)
        capacity = newCapacity
    }

    /// Where position `position` (at least `prefixCount`) of layer `layer` starts in `keys` and
    /// `values`.
    @inline(__always) func offset(layer: Int, position: Int) -> Int {
        (layer * capacity + position - prefixCount) * kvDim
    }
}
