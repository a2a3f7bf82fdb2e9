import Foundation
import Policy

/// One supervised example: the conversation before the answer, and the answer the model learns
/// to give. Rows are `{"prompt", "response"}` or chat `{"messages": [{"role", "content"}]}`
/// whose last message is the assistant's (earlier turns, and a system message, are context);
/// a row with both is read from `messages`.
public struct SFTExample: Sendable, Hashable {
    public var system: String?
    public var context: [ChatMessage]
    public var response: String

    public init(system: String? = nil, context: [ChatMessage], response: String) {
        self.system = system
        self.context = context
        self.response = response
    }

    private struct Row: Decodable {
        struct Message: Decodable {
            var role: String
            var content: String
        }
        var prompt: String?
        var response: String?
        var messages: [Message]?
    }

    /// Reads a JSONL file, naming the file and line of any bad row. Blank lines are skipped.
    public static func load(_ url: URL) throws -> [SFTExample] {
        let path = url.path
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? error.localizedDescription : "no such file"
            throw TrainingError.unreadableData(path: path, reason: reason)
        }
        var examples: [SFTExample] = []
        // Scalar split, so CRLF files split too ("\r\n" is one Character).
        for (index, raw) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            examples.append(try parse(line, path: path, line: index + 1))
        }
        guard !examples.isEmpty else { throw TrainingError.noExamples(path: path, reason: "the file has no rows") }
        return examples
    }

    static func parse(_ line: String, path: String, line number: Int) throws -> SFTExample {
        func bad(_ reason: String) -> TrainingError { .malformedRow(path: path, line: number, reason: reason) }
        let row: Row
        do { row = try JSONDecoder().decode(Row.self, from: Data(line.utf8)) } catch {
            let isJSON = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any]
            throw bad(
                isJSON
                    ? "\"prompt\" and \"response\" must be strings, \"messages\" a list of {\"role\", \"content\"} strings"
                    : "not a JSON object")
        }
        // A row with both carries its system message only in `messages` (as `datasets sft`
        // writes them), so `messages` wins: the model learns under the system message it is asked with.
        guard let messages = row.messages else {
            guard let prompt = row.prompt, let response = row.response else {
                throw bad("expected {\"prompt\", \"response\"} or {\"messages\": [...]}")
            }
            return SFTExample(context: [ChatMessage(role: .user, content: prompt)], response: response)
        }
        guard let last = messages.last, last.role == "assistant" else {
            throw bad("the last message must be the assistant's (the response to learn)")
        }
        var system: String?
        var context: [ChatMessage] = []
        for (i, m) in messages.dropLast().enumerated() {
            switch m.role {
            case "system" where i == 0: system = m.content
            case "user": context.append(ChatMessage(role: .user, content: m.content))
            case "assistant": context.append(ChatMessage(role: .assistant, content: m.content))
            default: throw bad("message \(i + 1) has role '\(m.role)' (system first, then user/assistant)")
            }
        }
        guard !context.isEmpty else { throw bad("no user message before the response") }
        return SFTExample(system: system, context: context, response: last.content)
    }

    /// Tokens of the prompt (through the model's chat template) and the response with its
    /// end-of-turn marker, with loss on the response only. Nil when they do not fit in
    /// `maxLength` tokens together.
    public func encode(tokenizer: Tokenizer, template: ChatTemplate, maxLength: Int) -> TrainingSequence? {
        let prompt = tokenizer.encode(template.prompt(context, system: system))
        let answer = tokenizer.encode(response + "<|im_end|>\n", addBOS: false)
        // A row cut short would teach the model to stop mid-module: longer rows are dropped.
        guard prompt.count > 0, prompt.count + answer.count <= maxLength else { return nil }
        let tokens = prompt + answer
        let mask = tokens.indices.map { $0 >= prompt.count }
        return TrainingSequence(tokens: tokens, lossMask: mask)
    }
}
