/// Problems with problem files: always names the file, and the line and field where known.
public enum BenchmarksError: Error, CustomStringConvertible, Equatable {
    case missingFile(path: String)
    case unreadable(path: String, detail: String)
    case malformed(path: String, line: Int, field: String?, detail: String)
    case duplicateID(path: String, line: Int, id: String)
    case emptySuite(path: String)
    /// A completions or samples file without a row (`what` names the rows it should hold).
    case noRows(path: String, what: String)
    /// VerilogEval is in none of the places `VerilogEvalLocation` looks.
    case verilogEvalMissing(looked: [String])

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path): no such file or directory"
        case .unreadable(let path, let detail):
            return "\(path): cannot read: \(detail)"
        case .malformed(let path, let line, let field, let detail):
            return "\(path):\(line): " + (field.map { "field '\($0)': " } ?? "") + detail
        case .duplicateID(let path, let line, let id):
            return "\(path):\(line): duplicate id '\(id)'"
        case .emptySuite(let path):
            return "\(path): no problems found"
        case .noRows(let path, let what):
            return "\(path): no \(what) found (the file is empty or holds only blank lines)"
        case .verilogEvalMissing(let looked):
            return "VerilogEval not found; looked at: " + looked.joined(separator: "; ")
                + ". Run \(VerilogEvalLocation.fetchCommand) to fetch it into the cache, or point --dataset-dir or $"
                + VerilogEvalLocation.environmentVariable
                + " at a copy in the upstream layout (v1/ and v2/, or an upstream clone)"
        }
    }
}
