/// Bit helpers for port values, which are at most 64 bits wide.
enum Bits {
    /// The low `width` bits set.
    static func mask(_ width: Int) -> UInt64 { width >= 64 ? ~0 : (1 << UInt64(width)) - 1 }

    /// Bit `i` of `value`.
    static func bit(_ value: UInt64, _ i: Int) -> Bool { (value >> UInt64(i)) & 1 == 1 }

    /// A sized Verilog literal, hexadecimal when wide and binary when short (easier to read in a spec).
    static func literal(_ value: UInt64, width: Int) -> String {
        let v = value & mask(width)
        return width <= 4 ? "\(width)'b" + binary(v, width: width) : "\(width)'h" + String(v, radix: 16)
    }

    /// `value` as `width` binary digits, most significant first.
    static func binary(_ value: UInt64, width: Int) -> String {
        String((0..<width).reversed().map { bit(value, $0) ? "1" : "0" })
    }

    /// Fields packed most significant first (Verilog concatenation order), as a hex literal of
    /// any width: testbench vectors can exceed 64 bits.
    static func packedLiteral(_ fields: [(value: UInt64, width: Int)]) -> String {
        var bits: [Bool] = []
        for field in fields { bits += (0..<field.width).reversed().map { bit(field.value, $0) } }
        let total = bits.count
        let padded = Array(repeating: false, count: (4 - total % 4) % 4) + bits
        var hex = ""
        for start in stride(from: 0, to: padded.count, by: 4) {
            let nibble = padded[start..<start + 4].reduce(0) { $0 * 2 + ($1 ? 1 : 0) }
            hex += String(nibble, radix: 16)
        }
        return "\(total)'h" + hex
    }

    /// Reinterprets the low `width` bits as a two's-complement number.
    static func signed(_ value: UInt64, width: Int) -> Int64 {
        let v = value & mask(width)
        return bit(v, width - 1) && width < 64 ? Int64(bitPattern: v | ~mask(width)) : Int64(bitPattern: v)
    }
}
