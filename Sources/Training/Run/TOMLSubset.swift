import Foundation

/// The part of TOML a training config needs: `key = value` lines with strings, numbers,
/// booleans and arrays of those, comments, and one level of `[table]` (for `reward_weights`).
/// Anything else is refused with its line number rather than half-read.
enum TOMLSubset {
    static func parse(_ text: String, path: String) throws -> [String: Any] {
        var root: [String: Any] = [:]
        var table: String?
        // Scalar split, so CRLF files split too ("\r\n" is one Character).
        for (index, raw) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = stripComment(String(raw)).trimmingCharacters(in: .whitespacesAndNewlines)
            let number = index + 1
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), !line.hasPrefix("[[") else {
                    throw TrainingError.malformedRow(path: path, line: number, reason: "only [table] headers are supported")
                }
                let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                table = name
                root[name] = root[name] ?? [String: Any]()
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                throw TrainingError.malformedRow(path: path, line: number, reason: "expected key = value")
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            let value = try parseValue(
                line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces), path: path, line: number)
            if let table {
                var inner = root[table] as? [String: Any] ?? [:]
                inner[key] = value
                root[table] = inner
            } else {
                root[key] = value
            }
        }
        return root
    }

    private static func stripComment(_ line: String) -> String {
        var inString = false
        for (i, ch) in line.enumerated() {
            if ch == "\"" { inString.toggle() }
            if ch == "#" && !inString { return String(line.prefix(i)) }
        }
        return line
    }

    private static func parseValue(_ text: String, path: String, line: Int) throws -> Any {
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
            return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                .replacingOccurrences(of: "\\n", with: "\n")
        }
        if text == "true" { return true }
        if text == "false" { return false }
        if text.hasPrefix("["), text.hasSuffix("]") {
            let inner = text.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
            if inner.isEmpty { return [Any]() }
            return try inner.split(separator: ",").map {
                try parseValue($0.trimmingCharacters(in: .whitespaces), path: path, line: line)
            }
        }
        let plain = text.replacingOccurrences(of: "_", with: "")
        if let i = Int(plain) { return i }
        if let d = Double(plain) { return d }
        throw TrainingError.malformedRow(path: path, line: line, reason: "cannot read the value '\(text)'")
    }
}
