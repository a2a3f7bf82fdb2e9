/// The two closeness scores decontamination uses, on tokenised texts: word n-gram Jaccard
/// (ScaleRTL) and Rouge-L F-measure over words (CodeV-R1).
public enum TextSimilarity {
    /// |A ∩ B| / |A ∪ B| over the texts' n-gram sets; 0 when either is empty.
    public static func ngramJaccard(_ a: TokenizedText, _ b: TokenizedText) -> Double {
        let x = a.ngrams, y = b.ngrams
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var i = 0, j = 0, shared = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] {
                shared += 1
                i += 1
                j += 1
            } else if x[i] < y[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(shared) / Double(x.count + y.count - shared)
    }

    /// Rouge-L F-measure (β = 1): 2·LCS / (|a| + |b|); 0 when either is empty.
    public static func rougeL(_ a: TokenizedText, _ b: TokenizedText) -> Double {
        guard !a.tokens.isEmpty, !b.tokens.isEmpty else { return 0 }
        var pattern = LCSPattern()
        pattern.load(a.tokens)
        defer { pattern.unload(a.tokens) }
        return rougeL(lcs: pattern.lcsLength(b.tokens), a.tokens.count, b.tokens.count)
    }

    /// The F-measure for an LCS of length `lcs` between texts of `m` and `n` words.
    public static func rougeL(lcs: Int, _ m: Int, _ n: Int) -> Double {
        m + n == 0 ? 0 : 2 * Double(lcs) / Double(m + n)
    }

    /// The largest Rouge-L two texts of these lengths can reach (LCS ≤ the shorter length):
    /// pairs whose bound is at or below the threshold need no LCS at all.
    public static func rougeLBound(_ m: Int, _ n: Int) -> Double {
        rougeL(lcs: min(m, n), m, n)
    }

    /// The textbook O(m·n) dynamic programme; the reference the bit-parallel version is tested
    /// against.
    public static func naiveLCSLength(_ a: [Int32], _ b: [Int32]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// Bit-parallel LCS (Crochemore et al. 2001; Hyyrö 2004): one bit per word of the pattern, so a
/// text of n words costs n·⌈m/64⌉ word operations instead of m·n cells. The per-token match
/// masks are found through a dense table indexed by token id, which a worker reuses for every
/// pattern it loads: no hashing in the inner loop.
struct LCSPattern {
    /// Token id -> 1 + index of its mask row in `masks` (0: not in the pattern).
    private var slot: [Int32] = []
    /// One row of `words` UInt64s per distinct pattern token; bit i of a row is set when pattern
    /// position i holds that token.
    private var masks: [UInt64] = []
    private var words = 0
    private var length = 0
    private var row: [UInt64] = []

    init() {}

    /// Makes `pattern` the text the next LCS lengths are measured against.
    mutating func load(_ pattern: [Int32]) {
        length = pattern.count
        words = (pattern.count + 63) / 64
        masks.removeAll(keepingCapacity: true)
        let largest = Int(pattern.max() ?? 0)
        if slot.count <= largest { slot.append(contentsOf: repeatElement(0, count: largest + 1 - slot.count)) }
        for (position, token) in pattern.enumerated() {
            var index = Int(slot[Int(token)])
            if index == 0 {
                masks.append(contentsOf: repeatElement(0, count: words))
                index = masks.count / words
                slot[Int(token)] = Int32(index)
            }
            masks[(index - 1) * words + position / 64] |= 1 << UInt64(position % 64)
        }
        row = [UInt64](repeating: 0, count: words)
    }

    /// Clears the table entries `pattern` set, so the table can serve the next pattern.
    mutating func unload(_ pattern: [Int32]) {
        for token in pattern { slot[Int(token)] = 0 }
    }

    /// The LCS length of the loaded pattern and `text`.
    mutating func lcsLength(_ text: [Int32]) -> Int {
        guard length > 0 else { return 0 }
        // V starts all ones; each text word clears at most one more bit, and the count of
        // cleared bits (within the pattern's length) is the LCS.
        for w in 0..<words { row[w] = ~0 }
        let slotCount = slot.count
        for token in text {
            let t = Int(token)
            guard t < slotCount else { continue }
            let index = Int(slot[t])
            guard index != 0 else { continue }  // a word absent from the pattern changes nothing
            let base = (index - 1) * words
            var carry: UInt64 = 0
            for w in 0..<words {
                let v = row[w]
                let m = masks[base + w]
                let u = v & m
                // V' = (V + U) | (V & ~M), with the addition carried across words.
                let (s1, o1) = v.addingReportingOverflow(u)
                let (s2, o2) = s1.addingReportingOverflow(carry)
                carry = (o1 || o2) ? 1 : 0
                row[w] = s2 | (v & ~m)
            }
        }
        var ones = 0
        for w in 0..<words {
            var v = row[w]
            let valid = min(64, length - w * 64)
            if valid < 64 { v &= (1 << UInt64(valid)) - 1 }
            ones += v.nonzeroBitCount
        }
        return length - ones
    }
}
