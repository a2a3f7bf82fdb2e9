import Benchmarks
import Foundation

/// How a benchmark problem is worded for the model.
public enum PromptStyle: String, Sendable, Codable, CaseIterable {
    /// As upstream VerilogEval builds it for the suite (PROTOCOL.md): its system message, prefix,
    /// answer markers and in-context examples.
    case upstream
    /// The project's own prompt (`VeriReasonPrompt`) in the format the model was trained with.
    case verireason
}

/// A system and a user message, before any chat template.
public struct EvaluationPrompt: Sendable, Hashable, Codable {
    public var system: String
    public var user: String

    public static let specToRTLSystem = "You are a Verilog RTL designer that only writes code using correct Verilog syntax."
    public static let codeCompleteSystem =
        "You only complete chats with syntax correct Verilog code. End the Verilog module code completion with 'endmodule'. Do not include module, input and output definitions."
    static let codeCompletePrefix =
        "// Implement the Verilog module based on the following description. Assume that signals are positive clock/clk triggered unless otherwise stated."

    /// The upstream prompt of `problem` in `suite`, after `examples` (the in-context prefix file's
    /// text, empty for 0 shots).
    public static func upstream(_ problem: Problem, suite: SuiteName, examples: String = "") -> EvaluationPrompt {
        switch suite {
        case .v2SpecToRTL, .jsonl:
            var user = examples.isEmpty ? "" : examples + "\n"
            user += "\nQuestion:\n" + problem.prompt.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
            if suite == .jsonl, let header = problem.moduleHeader {
                user += "\nUse this module interface:\n" + header + (header.hasSuffix("\n") ? "" : "\n")
            }
            user += "Enclose your code with [BEGIN] and [DONE]. Only output the code snippet\nand do NOT output anything else.\n"
            user += "\nAnswer:\n"
            return EvaluationPrompt(system: specToRTLSystem, user: user)
        case .v2CodeComplete, .v1Human, .v1Machine:
            // v2 prompts hold the description and then the interface; v1 keeps them apart.
            let text = suite == .v2CodeComplete ? problem.prompt : problem.prompt + "\n\n" + (problem.moduleHeader ?? "")
            let lines = text.components(separatedBy: "\n")
            let moduleLine = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("module ") } ?? lines.count
            var description = Array(lines[..<moduleLine])
            while description.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { description.removeLast() }
            let interface = lines[moduleLine...].joined(separator: "\n")
            var user = examples.isEmpty ? "" : examples + "\n"
            user += codeCompletePrefix + "\n//\n"
            user += description.map { $0.isEmpty ? "//" : "// " + $0 }.joined(separator: "\n") + "\n\n" + interface
            return EvaluationPrompt(system: codeCompleteSystem, user: user)
        }
    }
}
