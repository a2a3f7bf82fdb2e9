import Verilog

/// Words as integer ids, shared by every text compared in one run so equal words get equal ids.
public struct TokenVocabulary: Sendable {
    private var ids: [Substring: Int32] = [:]

    public init() {}

    /// The number of distinct words seen.
    public var count: Int { ids.count }

    /// The id of `word`, adding it when new.
    public mutating func id(_ word: Substring) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(ids.count)
        ids[word] = id
        return id
    }
}

/// A text prepared once for many comparisons: its normalised words as ids and its sorted, unique
/// word n-gram hashes.
public struct TokenizedText: Sendable, Hashable {
    /// Word ids in text order.
    public let tokens: [Int32]
    /// Hashes of the word n-grams, sorted and unique; a text shorter than n words is one n-gram.
    public let ngrams: [UInt64]

    /// `text` lowercased and split on everything that is not a letter or digit.
    public init(_ text: String, ngram n: Int, vocabulary: inout TokenVocabulary) {
        let words = Self.words(text)
        tokens = words.map { vocabulary.id($0) }
        ngrams = Self.ngramHashes(tokens, n: n)
    }

    /// A Verilog source compared by its code alone: comments dropped (through the lexer, so
    /// comment markers inside strings survive) and whitespace normalised.
    public init(verilog source: String, ngram n: Int, vocabulary: inout TokenVocabulary) {
        let code = Lexer().tokens(source).map(\.text).joined(separator: " ")
        self.init(code, ngram: n, vocabulary: &vocabulary)
    }

    /// The normalised words of `text`.
    public static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }
    }

    static func ngramHashes(_ tokens: [Int32], n: Int) -> [UInt64] {
        guard !tokens.isEmpty else { return [] }
        let size = min(max(n, 1), tokens.count)
        var hashes: [UInt64] = []
        hashes.reserveCapacity(tokens.count - size + 1)
        for start in 0...(tokens.count - size) {
            // FNV-1a over the ids, then a final mix: collisions between distinct n-grams of a
            // few thousand texts are vanishingly rare at 64 bits.
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for token in tokens[start..<(start + size)] {
                h = (h ^ UInt64(UInt32(bitPattern: token))) &* 0x100_0000_01b3
            }
            h ^= h >> 29
            h = h &* 0xbf58_476d_1ce4_e5b9
            h ^= h >> 32
            hashes.append(h)
        }
        hashes.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(hashes.count)
        for h in hashes where unique.last != h { unique.append(h) }
        return unique
    }
}
