/// Splits text into the pieces BPE runs on, as llama.cpp does for each `tokenizer.ggml.pre`:
/// a sequence of splitters, each cutting every piece further (matches and the gaps between them
/// both stay pieces). The patterns are hand-written scanners over Unicode scalars, equivalent to
/// the regular expressions of the model families' tokenizer.json files.
public enum PreTokenizer: String, Sendable {
    /// GPT-2's pattern: 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
    case gpt2
    /// SmolLM and StarCoder: every digit alone, then GPT-2's pattern.
    case smollm
    /// Qwen2: (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
    case qwen2

    /// The pre-tokenizer for a GGUF `tokenizer.ggml.pre` value.
    public init?(ggufName: String) {
        switch ggufName {
        case "gpt-2", "gpt2", "default": self = .gpt2
        case "smollm", "starcoder", "refact", "codeshell": self = .smollm
        case "qwen2", "qwen2.5", "deepseek-r1-qwen": self = .qwen2
        default: return nil
        }
    }

    public func split(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [Range<Int>] = [0..<scalars.count]
        let scanners: [(ArraySlice<Unicode.Scalar>, Int) -> Int]
        switch self {
        case .gpt2: scanners = [Self.gpt2]
        case .smollm: scanners = [Self.singleDigit, Self.gpt2]
        case .qwen2: scanners = [Self.qwen2]
        }
        for scanner in scanners {
            var next: [Range<Int>] = []
            for piece in pieces where !piece.isEmpty {
                // Scan matches; characters no alternative matches become gap pieces.
                var i = piece.lowerBound
                var gapStart = i
                while i < piece.upperBound {
                    let length = scanner(scalars[piece], i)
                    if length > 0 {
                        if gapStart < i { next.append(gapStart..<i) }
                        next.append(i..<(i + length))
                        i += length
                        gapStart = i
                    } else {
                        i += 1
                    }
                }
                if gapStart < piece.upperBound { next.append(gapStart..<piece.upperBound) }
            }
            pieces = next
        }
        return pieces.map { range in
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[range])
            return String(s)
        }
    }

    // MARK: - Character classes

    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isNumber(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }
    static func isOther(_ c: Unicode.Scalar) -> Bool { !isSpace(c) && !isLetter(c) && !isNumber(c) }
    static func isNewline(_ c: Unicode.Scalar) -> Bool { c == "\r" || c == "\n" }

    /// Length of the run of scalars from `i` satisfying `p`.
    static func run(_ s: ArraySlice<Unicode.Scalar>, _ i: Int, _ p: (Unicode.Scalar) -> Bool) -> Int {
        var j = i
        while j < s.endIndex && p(s[j]) { j += 1 }
        return j - i
    }

    /// 's 't 're 've 'm 'll 'd, optionally case-insensitive.
    static func contraction(_ s: ArraySlice<Unicode.Scalar>, _ i: Int, ignoringCase: Bool) -> Int {
        guard s[i] == "'", i + 1 < s.endIndex else { return 0 }
        func lower(_ k: Int) -> Character? {
            guard k < s.endIndex else { return nil }
            let c = Character(s[k])
            return ignoringCase ? Character(c.lowercased()) : c
        }
        if let a = lower(i + 1), let b = lower(i + 2), ["re", "ve", "ll"].contains(String([a, b])) { return 3 }
        if let a = lower(i + 1), ["s", "t", "m", "d"].contains(a) { return 2 }
        return 0
    }

    /// \s+(?!\S) then \s+: whitespace, leaving the last one for the next word when a word follows.
    static func whitespace(_ s: ArraySlice<Unicode.Scalar>, _ i: Int) -> Int {
        let n = run(s, i, isSpace)
        guard n > 0 else { return 0 }
        if i + n == s.endIndex || n == 1 { return n }
        return n - 1
    }

    // MARK: - Scanners: the length of the match at i, or 0

    static func singleDigit(_ s: ArraySlice<Unicode.Scalar>, _ i: Int) -> Int {
        isNumber(s[i]) ? 1 : 0
    }

    static func gpt2(_ s: ArraySlice<Unicode.Scalar>, _ i: Int) -> Int {
        let c = contraction(s, i, ignoringCase: false)
        if c > 0 { return c }
        let lead = s[i] == " " && i + 1 < s.endIndex ? 1 : 0
        let first = s[i + lead]
        if isLetter(first) { return lead + run(s, i + lead, isLetter) }
        if isNumber(first) { return lead + run(s, i + lead, isNumber) }
        if isOther(first) { return lead + run(s, i + lead, isOther) }
        return whitespace(s, i)
    }

    static func qwen2(_ s: ArraySlice<Unicode.Scalar>, _ i: Int) -> Int {
        let c = contraction(s, i, ignoringCase: true)
        if c > 0 { return c }
        // [^\r\n\p{L}\p{N}]?\p{L}+
        if isLetter(s[i]) { return run(s, i, isLetter) }
        if !isNewline(s[i]), !isNumber(s[i]), i + 1 < s.endIndex, isLetter(s[i + 1]) {
            return 1 + run(s, i + 1, isLetter)
        }
        // \p{N}
        if isNumber(s[i]) { return 1 }
        // ' ?[^\s\p{L}\p{N}]+[\r\n]*'
        let lead = s[i] == " " && i + 1 < s.endIndex && isOther(s[i + 1]) ? 1 : 0
        if isOther(s[i + lead]) {
            let body = lead + run(s, i + lead, isOther)
            return body + run(s, i + body, isNewline)
        }
        // \s*[\r\n]+ : whitespace up to and including the last newline of the whitespace run
        let spaces = run(s, i, isSpace)
        var lastNewline = -1
        for k in i..<(i + spaces) where isNewline(s[k]) { lastNewline = k }
        if lastNewline >= 0 { return lastNewline - i + 1 + run(s, lastNewline + 1, isNewline) }
        return whitespace(s, i)
    }
}
