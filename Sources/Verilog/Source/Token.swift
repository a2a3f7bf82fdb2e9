/// One lexical token of Verilog/SystemVerilog source.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A plain or escaped identifier, keywords included (Verilog keywords are reserved identifiers).
        case identifier
        /// `$display`, `$finish`, ...
        case systemName
        /// `` `define ``, `` `include ``, ...
        case directive
        case number
        case string
        /// Operators and punctuation, longest match (`<=`, `===`, `::`, ...).
        case symbol
    }

    public var kind: Kind
    public var text: String
    /// Byte range in the source's UTF-8 view.
    public var range: Range<Int>
    /// 1-based line of the first character.
    public var line: Int
}
