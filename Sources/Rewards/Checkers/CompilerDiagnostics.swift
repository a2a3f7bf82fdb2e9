/// iverilog's messages in the design's own terms.
///
/// The checkers compile a candidate inside a harness: for the v1 rule after the testbench in one
/// file, otherwise in its own file before the testbench, the reference and the watchdog. So
/// "test.sv:174: syntax error" names a line the model never saw, and a module the candidate
/// leaves open shows up as a syntax error in whichever harness file follows it. Failure details
/// and the repair loop's feedback instead give the design's line number with that line quoted,
/// and say when an error lies past the design's end.
struct CompilerDiagnostics {
    /// The file the candidate is compiled in.
    var file: String
    /// The line of `file` that holds the candidate's first line (1-based).
    var firstLine: Int
    /// The candidate as compiled.
    var code: String
    /// Files compiled after the candidate's.
    var followingFiles: Set<String>

    /// The error lines of `log` (at most `limit`), each translated; nil when there are none.
    func describe(_ log: String, limit: Int = 3) -> String? {
        let lines = log.split(separator: "\n").map(String.init)
        var errors = lines.filter { $0.localizedCaseInsensitiveContains("error") }
        if errors.isEmpty, let first = lines.first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            errors = [first]
        }
        guard !errors.isEmpty else { return nil }
        var described = errors.prefix(limit).map(translate)
        if errors.count > limit { described.append("(\(errors.count - limit) more)") }
        return described.joined(separator: "\n")
    }

    /// One message, as "design line N: message: `the line`" when it points into the candidate.
    func translate(_ message: String) -> String {
        let parts = message.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let line = Int(parts[1]) else { return message }
        let name = String(parts[0])
        let text = parts[2].trimmingCharacters(in: .whitespaces)
        let codeLines = code.split(separator: "\n", omittingEmptySubsequences: false)
        if name == file {
            let index = line - firstLine
            if codeLines.indices.contains(index) {
                let quoted = codeLines[index].trimmingCharacters(in: .whitespaces)
                let clipped = quoted.count > 120 ? String(quoted.prefix(120)) + "..." : quoted
                return "design line \(index + 1): \(text)" + (clipped.isEmpty ? "" : ": `\(clipped)`")
            }
            if index >= codeLines.count { return pastTheEnd(text) }
            return "in the testbench (\(message))"
        }
        if followingFiles.contains(name) { return pastTheEnd(text) + " (\(message))" }
        return message
    }

    private func pastTheEnd(_ text: String) -> String {
        "after the design's last line: \(text); a module, block or comment it opens is not closed"
    }
}
