import Foundation

/// A byte-level BPE tokenizer read from GGUF metadata (`tokenizer.ggml.*`): vocabulary, merges,
/// token types, special token ids, and the family's pre-tokenizer.
public struct Tokenizer: Sendable {
    public let tokens: [String]
    public let bosID: Int?
    public let eosID: Int?
    /// End-of-turn tokens besides EOS (`<|im_end|>`, `<|endoftext|>`), which also stop generation.
    public let stopIDs: Set<Int>
    public let addBOS: Bool
    public let preTokenizer: PreTokenizer
    private let ids: [String: Int]
    private let mergeRanks: [String: Int]
    /// Control and user-defined tokens, matched literally in text when `parseSpecial` is on,
    /// longest first.
    private let specials: [(text: String, id: Int)]
    private let isControl: [Bool]

    public init(_ gguf: GGUFFile) throws {
        let path = gguf.path
        guard let model = gguf.metadata["tokenizer.ggml.model"]?.string else {
            throw PolicyError.missingMetadata(path: path, key: "tokenizer.ggml.model")
        }
        guard model == "gpt2" else {
            throw PolicyError.unsupported(
                path: path, detail: "tokenizer model '\(model)' (this engine reads byte-level BPE, 'gpt2')")
        }
        guard let tokenValues = gguf.metadata["tokenizer.ggml.tokens"]?.array else {
            throw PolicyError.missingMetadata(path: path, key: "tokenizer.ggml.tokens")
        }
        let tokens = tokenValues.map { $0.string ?? "" }
        let preName = gguf.metadata["tokenizer.ggml.pre"]?.string ?? "gpt2"
        guard let pre = PreTokenizer(ggufName: preName) else {
            throw PolicyError.unsupported(path: path, detail: "pre-tokenizer '\(preName)' (supported: gpt2, smollm, qwen2)")
        }
        let merges = gguf.metadata["tokenizer.ggml.merges"]?.array?.compactMap(\.string) ?? []
        let types = gguf.metadata["tokenizer.ggml.token_type"]?.array?.map { $0.int ?? 1 } ?? []
        var ids: [String: Int] = [:]
        for (i, t) in tokens.enumerated() where ids[t] == nil { ids[t] = i }
        var ranks: [String: Int] = [:]
        for (i, m) in merges.enumerated() where ranks[m] == nil { ranks[m] = i }
        // Token types: 1 normal, 2 unknown, 3 control, 4 user-defined, 5 unused, 6 byte.
        var specials: [(String, Int)] = []
        var control = [Bool](repeating: false, count: tokens.count)
        for (i, type) in types.enumerated() where i < tokens.count && (type == 3 || type == 4) {
            if !tokens[i].isEmpty { specials.append((tokens[i], i)) }
            control[i] = type == 3
        }
        self.tokens = tokens
        self.ids = ids
        self.mergeRanks = ranks
        self.specials = specials.sorted { $0.0.utf8.count > $1.0.utf8.count }
        self.isControl = control
        self.preTokenizer = pre
        bosID = gguf.metadata["tokenizer.ggml.bos_token_id"]?.int
        eosID = gguf.metadata["tokenizer.ggml.eos_token_id"]?.int
        addBOS = gguf.metadata["tokenizer.ggml.add_bos_token"]?.bool ?? false
        var stops: Set<Int> = []
        if let eos = eosID { stops.insert(eos) }
        if let eot = gguf.metadata["tokenizer.ggml.eot_token_id"]?.int { stops.insert(eot) }
        for name in ["<|im_end|>", "<|endoftext|>", "<|eot_id|>"] { if let id = ids[name] { stops.insert(id) } }
        stopIDs = stops
    }

    public var vocabularySize: Int { tokens.count }

    public func id(of token: String) -> Int? { ids[token] }

    /// Token ids for `text`. With `parseSpecial`, control tokens written in the text (such as
    /// `<|im_start|>`) become their ids, as chat templates need.
    public func encode(_ text: String, addBOS: Bool? = nil, parseSpecial: Bool = true) -> [Int] {
        var out: [Int] = []
        if addBOS ?? self.addBOS, let bos = bosID { out.append(bos) }
        for segment in splitSpecial(text, parseSpecial: parseSpecial) {
            switch segment {
            case .special(let id): out.append(id)
            case .text(let t):
                for piece in preTokenizer.split(t) { out += bpe(ByteLevel.encode(piece.utf8)) }
            }
        }
        return out
    }

    /// Text for `ids`; control tokens are dropped unless `renderSpecial`.
    public func decode(_ ids: [Int], renderSpecial: Bool = false) -> String {
        String(decoding: decodeBytes(ids, renderSpecial: renderSpecial), as: UTF8.self)
    }

    /// The bytes of `ids` (a multi-byte character may span tokens, so streams decode bytes).
    public func decodeBytes(_ ids: [Int], renderSpecial: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = []
        for id in ids where id >= 0 && id < tokens.count {
            if isControl[id] {
                if renderSpecial { bytes += Array(tokens[id].utf8) }
            } else {
                bytes += ByteLevel.decode(tokens[id])
            }
        }
        return bytes
    }

    private enum Segment { case text(String), special(Int) }

    private func splitSpecial(_ text: String, parseSpecial: Bool) -> [Segment] {
        guard parseSpecial, !specials.isEmpty else { return [.text(text)] }
        var segments: [Segment] = []
        var rest = Substring(text)
        var plain = ""
        while !rest.isEmpty {
            if let match = specials.first(where: { rest.hasPrefix($0.text) }) {
                if !plain.isEmpty { segments.append(.text(plain)); plain = "" }
                segments.append(.special(match.id))
                rest = rest.dropFirst(match.text.count)
            } else {
                plain.append(rest.removeFirst())
            }
        }
        if !plain.isEmpty { segments.append(.text(plain)) }
        return segments
    }

    /// Byte-pair merging of one pre-tokenized piece: repeatedly join the adjacent pair with the
    /// lowest merge rank. A piece that is itself a token still goes through the merges: llama.cpp
    /// (outside Llama 3's `ignore_merges`) only emits a token the merges reach.
    private func bpe(_ piece: String) -> [Int] {
        var symbols = piece.unicodeScalars.map { String($0) }
        while symbols.count > 1 {
            var best = Int.max
            var at = -1
            for i in 0..<(symbols.count - 1) {
                if let r = mergeRanks[symbols[i] + " " + symbols[i + 1]], r < best {
                    best = r
                    at = i
                }
            }
            if at < 0 { break }
            symbols[at] += symbols[at + 1]
            symbols.remove(at: at + 1)
        }
        var out: [Int] = []
        for s in symbols {
            if let id = ids[s] {
                out.append(id)
            } else {
                // No token for the symbol: fall back to its single characters (byte tokens).
                for c in s.unicodeScalars { if let id = ids[String(c)] { out.append(id) } }
            }
        }
        return out
    }
}
