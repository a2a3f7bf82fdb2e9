/// A Verilog-2005/SystemVerilog lexer: enough to see structure (comments, strings, escaped
/// identifiers, based numbers, directives) without being fooled by text inside strings or comments.
/// It never fails: unknown bytes become one-character symbols.
public struct Lexer: Sendable {
    public init() {}

    private static let symbols: [String] = [
        "<<<=", ">>>=", "===", "!==", "==?", "!=?", "<<<", ">>>", "<<=", ">>=", "->>", "<->",
        "==", "!=", "<=", ">=", "&&", "||", "**", "<<", ">>", "~&", "~|", "~^", "^~", "->",
        "::", "+:", "-:", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "'{", ".*", "##", "@@",
    ].sorted { $0.count > $1.count }
    private static let symbolBytes: [[UInt8]] = symbols.map { Array($0.utf8) }

    /// Splits `source` into tokens, dropping whitespace and comments.
    public func tokens(_ source: String) -> [Token] {
        let bytes = Array(source.utf8)
        var tokens: [Token] = []
        var i = 0
        var line = 1
        let n = bytes.count

        func isIdentStart(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 }
        func isIdentChar(_ c: UInt8) -> Bool { isIdentStart(c) || (c >= 48 && c <= 57) || c == 36 }
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

        while i < n {
            let c = bytes[i]
            if c == 10 { line += 1; i += 1; continue }
            if c == 32 || c == 9 || c == 13 || c == 12 || c == 11 { i += 1; continue }
            let start = i
            let startLine = line
            // Comments.
            if c == 47, i + 1 < n, bytes[i + 1] == 47 {
                while i < n && bytes[i] != 10 { i += 1 }
                continue
            }
            if c == 47, i + 1 < n, bytes[i + 1] == 42 {
                i += 2
                while i < n && !(bytes[i] == 42 && i + 1 < n && bytes[i + 1] == 47) {
                    if bytes[i] == 10 { line += 1 }
                    i += 1
                }
                i = min(n, i + 2)
                continue
            }
            if c == 34 {  // string
                i += 1
                while i < n && bytes[i] != 34 && bytes[i] != 10 {
                    if bytes[i] == 92 { i += 1 }
                    i += 1
                }
                i = min(n, i + 1)
                tokens.append(Token(kind: .string, text: text(start..<i), range: start..<i, line: startLine))
                continue
            }
            if c == 92 {  // escaped identifier: up to whitespace
                i += 1
                while i < n && bytes[i] > 32 { i += 1 }
                tokens.append(Token(kind: .identifier, text: text(start..<i), range: start..<i, line: startLine))
                continue
            }
            if c == 36 || c == 96, i + 1 < n, isIdentStart(bytes[i + 1]) {  // $name or `name
                i += 1
                while i < n && isIdentChar(bytes[i]) { i += 1 }
                tokens.append(
                    Token(
                        kind: c == 36 ? .systemName : .directive, text: text(start..<i),
                        range: start..<i, line: startLine))
                continue
            }
            if isIdentStart(c) {
                while i < n && isIdentChar(bytes[i]) { i += 1 }
                tokens.append(Token(kind: .identifier, text: text(start..<i), range: start..<i, line: startLine))
                continue
            }
            if isDigit(c) || (c == 39 && i + 1 < n && "sSbBoOdDhH01xXzZ".utf8.contains(bytes[i + 1])) {
                // Numbers: 12, 4'b1010, 'hFF, 1.5e3, 8'sd3, '0 / '1 / 'x fill literals.
                i += 1
                while i < n {
                    let d = bytes[i]
                    if isIdentChar(d) || d == 39 || d == 63 /* ? */ || (d == 46 && i + 1 < n && isDigit(bytes[i + 1])) {
                        i += 1
                    } else if d == 32, tokens.last?.kind != .number, bytes[start...i].contains(39) == false,
                        i + 1 < n, bytes[i + 1] == 39
                    {
                        i += 1  // "4 'b1" : size, spaces, base
                    } else {
                        break
                    }
                }
                tokens.append(Token(kind: .number, text: text(start..<i), range: start..<i, line: startLine))
                continue
            }
            var matched = false
            for (index, s) in Self.symbolBytes.enumerated() where s[0] == c && i + s.count <= n {
                var equal = true
                for k in 1..<s.count where bytes[i + k] != s[k] { equal = false; break }
                if equal {
                    i += s.count
                    tokens.append(Token(kind: .symbol, text: Self.symbols[index], range: start..<i, line: startLine))
                    matched = true
                    break
                }
            }
            if matched { continue }
            i += 1
            tokens.append(Token(kind: .symbol, text: text(start..<i), range: start..<i, line: startLine))
        }
        return tokens
    }
}
