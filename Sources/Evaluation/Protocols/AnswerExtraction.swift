import Benchmarks
import Foundation
import Verilog

/// Turns a model's answer into a sample `completion` by upstream's extraction rules, so the
/// written samples file re-scores the same under the upstream harness.
public enum AnswerExtraction {
    public static func completion(from answer: String, problem: Problem, suite: SuiteName, style: PromptStyle) -> String {
        if style == .verireason {
            let code = CodeExtraction.extract(from: answer).code
            return suite.completionIsBody ? body(of: code) : code
        }
        switch suite {
        case .v2SpecToRTL, .jsonl:
            if let inside = between(answer, "[BEGIN]", "[DONE]") { return inside }
            return fenced(answer) ?? answer
        case .v2CodeComplete:
            var code = fenced(answer) ?? upToEndmodule(answer)
            if !code.contains("module TopModule"), let header = problem.moduleHeader {
                code = header + (header.hasSuffix("\n") ? "" : "\n") + code
            }
            return code
        case .v1Human, .v1Machine:
            return body(of: fenced(answer) ?? upToEndmodule(answer))
        }
    }

    /// Text between the first `open` and the next `close` (to the end when `close` is missing).
    static func between(_ text: String, _ open: String, _ close: String) -> String? {
        guard let start = text.range(of: open) else { return nil }
        let rest = text[start.upperBound...]
        let end = rest.range(of: close)?.lowerBound ?? rest.endIndex
        return String(rest[..<end]).trimmingCharacters(in: .newlines) + "\n"
    }

    /// The first fenced code block, with or without a language tag.
    static func fenced(_ text: String) -> String? {
        guard let open = text.range(of: "```") else { return nil }
        var rest = text[open.upperBound...]
        if let newline = rest.firstIndex(of: "\n") { rest = rest[rest.index(after: newline)...] } else { return nil }
        let end = rest.range(of: "```")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    static func upToEndmodule(_ text: String) -> String {
        guard let end = text.range(of: "endmodule") else { return text }
        return String(text[..<end.upperBound]) + "\n"
    }

    /// v1 samples are the body after the header: drop a repeated module header from the answer.
    static func body(of code: String) -> String {
        guard !ModuleNames.declared(in: code).isEmpty, let module = code.range(of: "module "),
            let close = code.range(of: ");", range: module.upperBound..<code.endIndex)
        else { return code }
        return String(code[close.upperBound...]).trimmingCharacters(in: .newlines) + "\n"
    }
}
