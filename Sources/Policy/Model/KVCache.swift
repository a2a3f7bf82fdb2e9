/// Keys and values of one sequence for every layer, grown as tokens arrive.
/// Layout: (L, T, KVD) for keys and for values, T being the capacity.
final class KVCache {
    let layers: Int
    let kvDim: Int
    private(set) var capacity: Int
    var keys: [Float]
    var values: [Float]
    /// Tokens stored so far.
    var count = 0

    init(layers: Int, kvDim: Int, capacity: Int) {
        self.layers = layers
        self.kvDim = kvDim
        self.capacity = max(1, capacity)
        keys = [Float](repeating: 0, count: layers * self.capacity * kvDim)
        values = keys
    }

    /// A copy holding the same prefix (a shared prompt forked into a group of completions).
    func copy(reserving extra: Int = 0) -> KVCache {
        let c = KVCache(layers: layers, kvDim: kvDim, capacity: max(capacity, count + extra))
        for l in 0..<layers {
            for t in 0..<count {
                let src = (l * capacity + t) * kvDim
                let dst = (l * c.capacity + t) * kvDim
                for i in 0..<kvDim {
                    c.keys[dst + i] = keys[src + i]
                    c.values[dst + i] = values[src + i]
                }
            }
        }
        c.count = count
        return c
    }

    /// Makes room for positions up to `needed` - 1.
    func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        var newKeys = [Float](repeating: 0, count: layers * newCapacity * kvDim)
        var newValues = newKeys
        for l in 0..<layers {
            for t in 0..<count {
                let src = (l * capacity + t) * kvDim
                let dst = (l * newCapacity + t) * kvDim
                for i in 0..<kvDim {
                    newKeys[dst + i] = keys[src + i]
                    newValues[dst + i] = values[src + i]
                }
            }
        }
        keys = newKeys
        values = newValues
        capacity = newCapacity
    }

    @inline(__always) func offset(layer: Int, position: Int) -> Int { (layer * capacity + position) * kvDim }
}
