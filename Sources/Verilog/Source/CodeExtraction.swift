/// How a completion presented its code.
public enum AnswerFormat: String, Sendable, Codable, CaseIterable {
    /// VeriReason's `<think>...</think><answer>` with a fenced verilog block `</answer>`.
    case thinkAnswer = "think_answer"
    /// A Markdown fence (```verilog ... ```).
    case fenced
    /// VerilogEval v2's `[BEGIN] ... [DONE]`.
    case beginDone = "begin_done"
    /// Bare `module ... endmodule` text.
    case bare
    /// No code found.
    case none
}

/// Code taken out of a model completion.
public struct ExtractedCode: Sendable, Hashable {
    public var code: String
    public var format: AnswerFormat
}

/// Takes the Verilog out of a completion, trying the formats from the most to the least explicit.
public enum CodeExtraction {
    public static func extract(from completion: String) -> ExtractedCode {
        if let answer = thinkAnswerBody(completion), let code = firstFence(answer) {
            return ExtractedCode(code: code, format: .thinkAnswer)
        }
        if let code = between(completion, "[BEGIN]", "[DONE]") {
            return ExtractedCode(code: firstFence(code) ?? code, format: .beginDone)
        }
        if let code = firstFence(completion) {
            return ExtractedCode(code: code, format: .fenced)
        }
        if let answer = thinkAnswerBody(completion), answer.contains("module") {
            return ExtractedCode(code: bareModules(answer) ?? answer, format: .bare)
        }
        if let code = bareModules(completion) {
            return ExtractedCode(code: code, format: .bare)
        }
        return ExtractedCode(code: "", format: .none)
    }

    /// The text of `<answer>` when it follows a closed `<think>` block.
    static func thinkAnswerBody(_ text: String) -> String? {
        guard let thinkOpen = text.range(of: "<think>"),
            let thinkClose = text.range(of: "</think>", range: thinkOpen.upperBound..<text.endIndex),
            let answerOpen = text.range(of: "<answer>", range: thinkClose.upperBound..<text.endIndex),
            let answerClose = text.range(of: "</answer>", range: answerOpen.upperBound..<text.endIndex)
        else { return nil }
        let gap = text[thinkClose.upperBound..<answerOpen.lowerBound]
        guard gap.allSatisfy(\.isWhitespace) else { return nil }
        return String(text[answerOpen.upperBound..<answerClose.lowerBound])
    }

    static func between(_ text: String, _ open: String, _ close: String) -> String? {
        guard let o = text.range(of: open) else { return nil }
        let end = text.range(of: close, range: o.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
        return String(text[o.upperBound..<end])
    }

    /// The body of the first ``` fence (any language tag), or nil.
    static func firstFence(_ text: String) -> String? {
        guard let open = text.range(of: "```") else { return nil }
        guard let lineEnd = text[open.upperBound...].firstIndex(of: "\n") else { return nil }
        let bodyStart = text.index(after: lineEnd)
        let close = text.range(of: "```", range: bodyStart..<text.endIndex)?.lowerBound ?? text.endIndex
        return String(text[bodyStart..<close])
    }

    /// From the first `module` keyword to the end of the last `endmodule`.
    static func bareModules(_ text: String) -> String? {
        let tokens = Lexer().tokens(text)
        guard let first = tokens.first(where: { $0.kind == .identifier && ($0.text == "module" || $0.text == "macromodule") }),
            let last = tokens.last(where: { $0.kind == .identifier && $0.text == "endmodule" }),
            last.range.lowerBound > first.range.lowerBound
        else { return nil }
        let bytes = Array(text.utf8)
        return String(decoding: bytes[first.range.lowerBound..<last.range.upperBound], as: UTF8.self) + "\n"
    }
}
