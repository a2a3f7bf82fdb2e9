/// How a module header is laid out. Users and benchmarks write headers in all of these forms, so
/// the generator draws one per problem and the model learns to read (and copy) each of them.
enum HeaderStyle: CaseIterable, Sendable {
    /// One ANSI port per line, indented by four spaces, `);` on its own line.
    case ansiPerLine
    /// One ANSI port per line, tab-indented, `);` closing the last port's line (VerilogEval v1's form).
    case ansiClosingOnLastPort
    /// ANSI ports on one line, consecutive ports of the same kind sharing one declaration.
    case ansiGrouped
    /// Port names in the header, directions and widths declared after it (Verilog-1995).
    case nonANSI

    /// The header of `circuit` as module `name`, ending with the line that closes it (for
    /// non-ANSI, the declarations follow the port list).
    func render(_ ports: [Port], named name: String) -> String {
        switch self {
        case .ansiPerLine:
            return "module \(name) (\n" + ports.map { "    " + $0.declaration }.joined(separator: ",\n") + "\n);"
        case .ansiClosingOnLastPort:
            return "module \(name)(\n" + ports.map { "\t" + $0.declaration }.joined(separator: ",\n") + ");"
        case .ansiGrouped:
            var groups: [String] = []
            var previous: Port?
            for port in ports {
                if let p = previous, p.direction == port.direction, p.width == port.width, p.isReg == port.isReg {
                    groups[groups.count - 1] += ", " + port.name
                } else {
                    groups.append(port.declaration)
                }
                previous = port
            }
            return "module \(name) (" + groups.joined(separator: ", ") + ");"
        case .nonANSI:
            let list = ports.map(\.name).joined(separator: ", ")
            return "module \(name) (\(list));\n" + ports.map { "  " + $0.declaration + ";" }.joined(separator: "\n")
        }
    }
}
