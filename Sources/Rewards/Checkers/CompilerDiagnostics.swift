import Foundation

/// iverilog's messages in the answer's own terms.
///
/// The checkers compile a candidate inside a harness: for the v1 rule after the testbench in one
/// file, otherwise in its own file before the testbench, the reference and the watchdog. So
/// "test.sv:174: syntax error" names a line the model never saw, and a module the candidate
/// leaves open shows up as a parse error in whichever harness file follows it. Failure details
/// and the repair loop's feedback instead number the answer's lines as it wrote them (a v1 body
/// after the header the problem gave), quote the line, say when a parse error lies past the
/// answer's end, and give no harness file names or line numbers (the testbench is hidden).
struct CompilerDiagnostics {
    /// The file the candidate is compiled in.
    var file: String
    /// The line of `file` that holds the candidate's first line (1-based).
    var firstLine: Int
    /// The candidate as compiled.
    var code: String
    /// Lines at the start of `code` that the checker added (the problem's module header).
    var addedLines: Int = 0
    /// Files compiled after the candidate's.
    var followingFiles: Set<String>

    /// The compiler's messages in `log` (at most `limit` places), translated; nil when it has none.
    func describe(_ log: String, limit: Int = 3) -> String? {
        let lines = log.split(separator: "\n").map(String.init)
        let parseFailure = log.contains("syntax error")
        let messages = lines.compactMap(Message.init)
        let problems = messages.filter(\.isProblem)
        // Warnings count only when nothing worse is said (the v1 rule fails on any output).
        let located = problems.isEmpty ? messages : problems
        guard !located.isEmpty else {
            // No file:line message: a preprocessor or driver complaint, kept as it is (not the
            // "N error(s) during elaboration" total, which says nothing on its own).
            let other =
                lines.first { $0.range(of: "error", options: .caseInsensitive) != nil && !Self.isTotal($0) }
                ?? lines.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !Self.isTotal($0) }
            return other
        }
        // A syntax error is usually reported twice at one place ("syntax error", then "error:
        // Invalid module item."): one entry per place, its messages joined.
        var places: [(file: String, line: Int, texts: [String])] = []
        for message in located {
            if let i = places.firstIndex(where: { $0.file == message.file && $0.line == message.line }) {
                if !places[i].texts.contains(message.text) { places[i].texts.append(message.text) }
            } else {
                places.append((message.file, message.line, [message.text]))
            }
        }
        var described: [String] = []
        for place in places {
            let text = translate(
                file: place.file, line: place.line, text: place.texts.joined(separator: "; "), parseFailure: parseFailure)
            // Past the answer's end there is one thing to say, however many harness lines
            // report it.
            if text.hasPrefix(Self.pastTheEnd), described.contains(where: { $0.hasPrefix(Self.pastTheEnd) }) { continue }
            described.append(text)
        }
        if described.count > limit { described = described.prefix(limit) + ["(\(described.count - limit) more)"] }
        return described.joined(separator: "\n")
    }

    /// One message, as "answer line N: message: `the line`" when it points into the answer.
    func translate(file name: String, line: Int, text: String, parseFailure: Bool) -> String {
        let codeLines = code.utf8.split(separator: 10, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if name == file {
            let index = line - firstLine
            if codeLines.indices.contains(index) {
                let quoted = codeLines[index]
                let clipped = quoted.count > 120 ? String(quoted.prefix(120)) + "..." : quoted
                let place = index < addedLines ? "in the module header" : "answer line \(index - addedLines + 1)"
                return "\(place): \(text)" + (clipped.isEmpty ? "" : ": `\(clipped)`")
            }
            if index < 0 { return "in the testbench: \(text)" }
        } else if !followingFiles.contains(name) {
            return "\(name):\(line): \(text)"
        }
        // Past the answer's end: a parse error there is the answer's unclosed module, block or
        // comment; anything else is where the harness uses the design (a port it lacks, say).
        return parseFailure
            ? "\(Self.pastTheEnd) \(text); a module, block or comment it opens is not closed"
            : "where the testbench uses the design: \(text)"
    }

    static let pastTheEnd = "after the answer's last line:"

    /// "N error(s) during elaboration." and the like.
    static func isTotal(_ line: String) -> Bool {
        line.range(of: #"^\d+ error\(s\)"#, options: .regularExpression) != nil
    }

    /// "file:line: text", iverilog's message form.
    struct Message {
        var file: String
        var line: Int
        var text: String

        init?(_ raw: String) {
            let parts = raw.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, !parts[0].isEmpty, !parts[0].contains(" "), let line = Int(parts[1]) else {
                return nil
            }
            file = String(parts[0])
            self.line = line
            text = parts[2].trimmingCharacters(in: .whitespaces)
        }

        /// An error or an unsupported construct, not a warning or a continuation line.
        var isProblem: Bool {
            text.hasPrefix("syntax error") || text.hasPrefix("error") || text.hasPrefix("sorry")
        }
    }
}
